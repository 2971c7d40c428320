"""Ordinary feelings and passed low patches (bot/engine/rules/ordinary_feelings.py), with twins that keep the worry.

000 lines 993-995, Level 1: "Demonstrates resilience", "Good emotional wellbeing"; 001 line 160, Level 2: "Emerging
behavioural/emotional/mental health concerns". Texts are fictional.
"""

from __future__ import annotations

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.rules.denied_questions import mask_denied_questions


def _advice(worried: str, area: str = "Daventry", age: str = "8", working_well: str = "", scale: int = 8):
    return assess(Case(area=area, age=age, role="professional", worried=worried, working_well=working_well,
                       scale=scale))


def _concepts(advice) -> set:
    return {i.concept for i in advice.indicators}


def test_a_bit_teary_after_an_amicable_separation_is_level_1():
    advice = _advice("Mum and dad have split up over half term. She's been a bit teary at hometime twice this week.",
                     working_well="Both parents came in together, they have a rota, she sees dad on Wednesdays.")
    assert advice.level == 1
    assert "mental_health_child" not in _concepts(advice)


def test_teary_every_morning_for_weeks_keeps_the_worry():
    advice = _advice("Mum and dad have split up. She's been a bit teary every morning for weeks and won't eat lunch.")
    assert advice.level >= 2
    assert "mental_health_child" in _concepts(advice)


def test_a_bit_sad_with_self_harm_said_keeps_the_worry():
    advice = _advice("Since the split he's a bit sad, and his friend says he has been cutting his arm.", age="14")
    assert advice.level >= 2


def test_a_low_patch_that_has_settled_is_level_1():
    advice = _advice("He was really tearful the first fortnight of term and missed his dad, but that has settled and "
                     "he is back to his usual chatty self.")
    assert advice.level == 1


def test_a_low_patch_said_to_have_settled_but_back_again_keeps_the_worry():
    advice = _advice("He was really tearful in September and missed his dad. That settled down but now he's crying "
                     "again every night and says he hates himself.")
    assert advice.level >= 2


def test_a_shorthand_question_denied_is_not_a_worry():
    """A school nurse's "Asked directly re low mood, SH, SI - denies all": the list was asked about, not told."""
    text = "Y9 F self-referred w/ headaches. Asked directly re low mood, SH, SI - denies all. Eating ok."
    assert "low mood" not in mask_denied_questions(text)
    assert "headaches" in mask_denied_questions(text)


def test_a_childs_own_question_to_a_parent_is_never_blanked():
    """ "Asked mum if she could stay at a friend's because dad hits her, mum said no" is the child's disclosure."""
    text = "Asked mum if she could stay at a friend's because dad hits her, mum said no."
    assert mask_denied_questions(text) == text


def test_a_separation_with_conflict_denied_is_ordinary():
    """000 line 1153: "Good relationships within family, including when parents are separated"."""
    advice = _advice("Mum and dad are getting divorced. He says they don't shout, they just don't love each other.",
                     age="12")
    assert "family_conflict" not in _concepts(advice)


def test_a_separation_with_rows_keeps_the_conflict():
    advice = _advice("Mum and dad are getting divorced and there are rows every night, he hides upstairs.", age="12")
    assert "family_conflict" in _concepts(advice)
