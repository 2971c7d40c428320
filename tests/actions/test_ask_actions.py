"""Each form question's ask-action is written out (issue 16: no globals() factory hiding action names)."""

from __future__ import annotations

from pathlib import Path

import yaml

from actions import questions
from bot.features.questions import BASE

ROOT = Path(__file__).resolve().parents[2]


def test_one_written_out_ask_action_per_question_of_the_table():
    classes = [c for c in vars(questions).values()
               if isinstance(c, type) and issubclass(c, questions.AskQuestion) and c is not questions.AskQuestion]
    assert sorted(c.slot for c in classes) == sorted(BASE)
    assert "globals()" not in (ROOT / "actions" / "questions.py").read_text()


def test_every_ask_action_is_declared_in_the_domain():
    actions = set(yaml.safe_load((ROOT / "domain.yml").read_text())["actions"])
    assert {f"action_ask_{slot}" for slot in BASE} <= actions
