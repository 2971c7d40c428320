"""Shared by the tests of rules found by the blind sets (test_words_from_set_*.py): one case through the engine,
and the concepts the matcher hears in a text."""

from __future__ import annotations

from bot.engine.advice import Advice
from bot.engine.assess import assess, get_engine
from bot.engine.case import Case


def advice(worried: str, area: str, age: str, role: str = "professional", scale: int = 4) -> Advice:
    return assess(Case(area=area, age=age, role=role, worried=worried, scale=scale))


def live(text: str) -> set:
    """The concepts heard in ``text`` and not negated."""
    return {h.concept for h in get_engine().matcher.find(text) if not h.negated}
