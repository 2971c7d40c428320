"""Extremist views and what the child says about violence (bot/engine/extremism_facts.py, level_floors).

Every matrix sets the radicalisation levels apart by what the child says about violence: views with sympathy and
openness are level 2 (002 Tier 2 lines 1104-1107, 004 line 182 Level 2); a belief that "extreme violence should be
used against people who disrespect their beliefs/ values" is level 3 (002 Tier 3 lines 1076-1083, 004 line 182
Level 3); an intention or plan to act is the top line. Found by the tuning sets' level-3 children advised level 2.
Texts are fictional and written here.
"""

from __future__ import annotations

import pytest

from bot.engine.facts import read_facts
from tests.engine.words import advice, live


@pytest.mark.parametrize("said", [
    "He said people who mock his religion 'deserve to be killed'.",
    "She keeps saying refugees deserve to get battered.",
    "He told the class violence is the only language they understand.",
    "He says the bombing last month was totally justified.",
    "He said someone should sort them out.",
])
def test_a_call_for_violence_against_a_group_is_read(said: str) -> None:
    assert "endorses_violence" in read_facts(said)


@pytest.mark.parametrize("said", [
    "He said nobody deserves to get hurt, whatever they believe.",
    "My son deserves a treat after his exams.",
    "He was told no violence is ever justified.",
    "She thinks people who hurt animals deserve a ban from keeping pets.",
])
def test_ordinary_words_and_denials_are_not_a_call_for_violence(said: str) -> None:
    assert "endorses_violence" not in read_facts(said)


def test_a_copycat_attack_on_a_place_stays_the_top_line_fact_and_a_group_is_not_a_plan() -> None:
    assert "violent_intent" in read_facts("He said someone should do the same to the mosque in town.")
    plain = read_facts("He said they should do that to the migrants.")
    assert "violent_intent" not in plain and "endorses_violence" in plain


@pytest.mark.parametrize("said", [
    "He has been watching a preacher online and says the kuffar at college are beneath him.",
    "She shares 'remigration' posts and says the migrants are invading.",
    "His uncle takes him to rallies where people do salutes.",
])
def test_extremist_movements_own_words_are_heard(said: str) -> None:
    assert "radicalisation" in live(said)


def test_a_call_for_violence_beside_extremist_views_is_level_3_and_not_section_47() -> None:
    said = ("Year 9 boy has been watching a preacher online. In RE he said people who insult his faith "
            "'deserve to be stabbed'. He listened when we challenged it. No plans, no group that we know of.")
    result = advice(said, "Kempston", "14")
    assert result.level == 3 and not result.s47


def test_the_same_views_with_no_call_for_violence_stay_below_level_3() -> None:
    said = ("Year 9 boy has been watching a preacher online and repeats some of it in RE. He listened when we "
            "challenged it. No talk of violence, no plans, no group that we know of.")
    assert advice(said, "Kempston", "14").level <= 2


def test_a_plan_to_act_beside_the_views_is_still_the_top_line() -> None:
    said = ("Year 9 boy has been watching a preacher online and says people who insult his faith deserve to die. "
            "He told a friend he is planning to attack the church on Sunday.")
    assert advice(said, "Kempston", "14").level == 4
