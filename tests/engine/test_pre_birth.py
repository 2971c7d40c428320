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
