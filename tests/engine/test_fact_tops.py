"""Facts that set a concept's top line, and who is hurt when a match runs into the next clause (2026-12-06)."""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.facts import read_facts
from bot.engine.level_caps import at_top_line


def _advice(text: str, area: str = "Corby", age: str = "15", scale: int = 4):
    return assess(Case(area=area, age=age, role="professional", worried=text, working_well="", needs="",
                       scale=scale, danger_now=False, consent="not_asked"))


@pytest.mark.parametrize("text", [
    "He said someone should do the same at the synagogue in town.",
    "She is saving up her wages to travel out and fight for the cause.",
    "He told a friend he is planning to attack people at the festival.",
])
def test_violent_intent_is_read(text: str) -> None:
    assert "violent_intent" in read_facts(text)


@pytest.mark.parametrize("text", [
    "He wants to be a footballer and plays shooting games.",
    "She said she wants to kill herself.",
    "He has no plans to attack anyone and laughed at the idea.",
])
def test_violent_intent_is_not_read(text: str) -> None:
    assert "violent_intent" not in read_facts(text)


def test_top_line_needs_every_group() -> None:
    assert at_top_line("young_carer", frozenset({"long_duration", "impact"}))
    assert not at_top_line("young_carer", frozenset({"long_duration"}))
    assert not at_top_line("physical_abuse", frozenset({"violent_intent"}))


@pytest.mark.parametrize("area", ["Corby", "King's Lynn", "Bedford"])
def test_extremist_plan_to_act_is_level_4(area: str) -> None:
    # 000 Level 4* / Appendix 2; 002 Tier 4 "planning to travel to a conflict zone"; 004 Level 4 "saying that they
    # will carry out violence in support of extremist views".
    advice = _advice("He has been watching extremist videos and told his friend he is planning to attack the "
                     "mosque on the ring road.", area=area)
    assert advice.level == 4


def test_extremist_views_without_a_plan_stay_below_4() -> None:
    advice = _advice("He has been watching extremist videos and repeating the views in class.", scale=6)
    assert advice.level is not None and advice.level < 4


def test_long_harmful_caring_is_bedford_level_4() -> None:
    # 004 line 196 Level 4: "unsupported caring responsibilities which have been on-going for a lengthy period".
    text = ("For two years he has done everything for his dad who has motor neurone disease, washing and lifting "
            "him, and he is exhausted and has stopped going to school.")
    assert _advice(text, area="Bedford", scale=4).level == 4


def test_a_negation_in_the_next_clause_does_not_negate_the_hit() -> None:
    # "her" is the child: the mother is named as someone else, who does not stop it.
    advice = _advice("Dad hits her and mum doesn't stop him.", age="9")
    assert advice.s47


def test_a_negation_without_a_new_subject_still_counts() -> None:
    advice = _advice("Dad, who doesn't hit him, shouts a lot.", age="9", scale=6)
    assert not advice.s47


def test_the_adult_victim_in_the_first_clause_keeps_it_domestic_abuse() -> None:
    advice = _advice("Dad hits mum and mum doesn't leave him.", age="9", scale=6)
    assert not advice.s47
    assert any(i.concept == "domestic_abuse" for i in advice.indicators)
