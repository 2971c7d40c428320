"""Ordinary accounts the seeds put at level 1 or 2 (bot/engine/level_caps.py). Each test quotes its seed line.

Texts are fictional and written for these tests.
"""

from __future__ import annotations

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.facts import read_facts
from bot.engine.level_caps import capped_at_level_2, ordinary_separation, stable_on_treatment
from tests.engine.hits import concept_hit as _hit


def _advice(worried: str, area: str, age: str = "9", scale: int = 7):
    return assess(Case(area=area, age=age, role="professional", worried=worried, scale=scale, danger_now=False))



def test_a_separation_with_nothing_said_of_conflict_is_ruled_out():
    """000 line 1153 level 1: 'Good relationships within family, including when parents are separated'."""
    text = "Mum and dad separated in the summer. He spends weekends at dad's and both come to parents' evening."
    out = ordinary_separation([_hit("family_conflict", "Mum and dad separated", text)], text)
    assert out[0].negated


def test_a_separation_with_rows_is_still_a_worry():
    text = "Mum and dad separated and the handovers end in shouting in the car park."
    out = ordinary_separation([_hit("family_conflict", "Mum and dad separated", text)], text)
    assert not out[0].negated


def test_amicable_separation_is_level_1_in_nottingham():
    """003 line 206: 'Good family relationships including when parents are separated, divorced ...'."""
    advice = _advice("Her parents split up last year. She lives week about and is doing well.", "Nottingham",
                     scale=9)
    assert advice.level == 1


def test_stable_treatment_caps_substance_use_at_level_2():
    """003 line 211, Early Help: 'Controlled or stable substance abuse'."""
    text = "Dad is on a methadone script, stable for three years, doses kept in a locked box. Kids thriving."
    assert stable_on_treatment(text)
    assert capped_at_level_2("parental_substance_misuse", frozenset(), text)
    assert _advice(text, "Nottingham").level <= 2


def test_current_misuse_beside_a_script_is_not_capped():
    text = "Mum is on a methadone script but she was slurring at pick-up and can't wake in the mornings."
    assert not stable_on_treatment(text)


def test_home_late_once_is_not_a_night_missing():
    """001 line 470 level 2: 'Initial or infrequent missing episodes'."""
    assert "overnight_missing" not in read_facts("He didn't come home till gone 1am on Friday.").found
    assert "overnight_missing" in read_facts("He didn't come home at all on Friday.").found
    assert capped_at_level_2("missing_from_home", frozenset(), "")
    assert not capped_at_level_2("missing_from_home", frozenset({"frequent"}), "")


def test_a_first_late_night_home_is_level_2_in_northamptonshire():
    text = ("My 13 year old didn't come home till gone midnight last Saturday and wasn't answering. He'd been at "
            "a friend's, the friend's dad rang me. Never done it before.")
    assert _advice(text, "Northampton", age="13").level <= 2
