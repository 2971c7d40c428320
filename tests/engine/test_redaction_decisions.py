"""Redaction never changes the engine's decision (issue 14, "Done when"): every vignette of the dev and tuning
sets assessed on its raw answers and on its answers as stored after redaction. Only vignettes whose text
redaction changes are assessed twice, so this takes seconds (``scripts/redaction_decisions.py`` prints it)."""

from __future__ import annotations

import pytest

from bot.runtime.evaluate import load_vignettes
from scripts.redaction_decisions import compare
from tests.engine.test_evaluation import SETS


@pytest.mark.parametrize("name", sorted(SETS))
def test_redaction_leaves_level_route_s47_and_consent_unchanged(name):
    changed_text, differ = compare(load_vignettes(SETS[name]))
    assert not differ
    if name != "blind_b":  # the public's set names no one; the others hold fictional names, so this is a real check
        assert changed_text > 0
