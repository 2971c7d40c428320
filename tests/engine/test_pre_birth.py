"""Domestic abuse in pregnancy is cited only where a pregnancy is said (bot/engine/rules/pre_birth.py).

000 line 1239 (Level 4) and line 1422 (Appendix 2): "Domestic abuse in pregnancy*", a section 47 item. Set N's police
note of three verbal-only call-outs, with no pregnancy anywhere, was cited as that line. Texts are fictional.
"""

from __future__ import annotations

from bot.engine.assess import assess
from bot.engine.case import Case

PREGNANCY_LINES = {"nh22-l4-family-03", "nh22-s47-07"}


def _advice(worried: str, age: str):
    return assess(Case(area="Kettering", age=age, role="professional", worried=worried, scale=5))


def test_domestic_abuse_with_no_pregnancy_is_never_cited_as_abuse_in_pregnancy():
    advice = _advice("PPN - DA verbal only. Parents arguing re money, no assault alleged, no injuries. Children 7 and "
                     "4 awake, 7yo crying on the stairs.", "7")
    assert not {i.id for i in advice.indicators} & PREGNANCY_LINES


def test_an_unborn_childs_case_with_domestic_abuse_is_abuse_in_pregnancy():
    advice = _advice("Mum told the midwife her partner pushed her into the wall last week and checks her phone.",
                     "unborn, 30 weeks")
    assert {i.id for i in advice.indicators} & PREGNANCY_LINES
    assert advice.level == 4 and advice.s47


def test_pregnancy_said_in_the_account_reaches_the_line():
    advice = _advice("Mum is 20 weeks pregnant and her boyfriend hit her in the stomach on Saturday.", "3")
    assert {i.id for i in advice.indicators} & PREGNANCY_LINES and advice.s47


# 000/001 Level 3 "Concern about prospective parenting ability, requiring pre-birth support to build skills and
# capacity": in an unborn child's case a learning disability can only be a parent's (set B's sister-in-law).
def test_a_learning_disability_in_an_unborn_childs_case_is_the_parents():
    advice = _advice("My brother's girlfriend is 30 weeks gone with their first. She's 19 and has learning "
                     "difficulties, she doesn't seem to get what a baby needs. They've got nothing ready.",
                     "30 weeks pregnant")
    assert advice.level == 3 and "parental_capacity" in {i.concept for i in advice.indicators}


def test_a_childs_own_learning_difficulties_are_not_read_as_a_parents():
    advice = _advice("He is 9 and has learning difficulties; school have an EHCP in place and he is happy.", "9")
    assert "parental_learning_disability" not in {i.concept for i in advice.indicators}
