"""Red flags in plain words: children left without care, and a child's age beside a fact
(bot/engine/rules/care_and_age_rules).

Each test quotes the seed line the rule rests on. Texts are fictional and written for these tests, in words of
their own (not the vignettes').
"""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.rules.care_and_age_rules import adult_partner, away_overnight, minded_and_not_collected, own_pregnancy


def _advice(worried: str, area: str, age: str, role: str = "professional"):
    return assess(Case(area=area, age=age, role=role, worried=worried, scale=4))


# 003 line 259 "Left 'home alone' and their age and vulnerability places them at risk"; 003 line 211 (Specialist)
# "Child abandoned or left alone for long periods or overnight".
OVERNIGHT = ("Tyler says his mum stays at her new fella's most Saturdays and gets home in the morning, and he puts "
             "his little sister to bed and makes her breakfast.")


def test_a_carer_away_overnight_leaving_a_young_child_in_charge_is_abandonment():
    assert away_overnight(OVERNIGHT, 9) is not None
    advice = _advice(OVERNIGHT, "Bulwell", "9")
    assert advice.level == 4 and advice.s47


@pytest.mark.parametrize("text, age", [
    (OVERNIGHT, 15),  # a 15-year-old's evening in charge is not the under-12 rule (the matcher still reads it)
    ("Mum works nights at the hospital and gets home in the morning; nan stays over with the kids.", 7),
    ("Dad stays out all night sometimes at weekends, mum is at home with them.", 6),
    ("Mum never stays out overnight, she is always home with the two boys.", 8),
])
def test_an_adult_at_home_or_an_older_child_is_not_the_overnight_rule(text, age):
    assert away_overnight(text, age) is None


# 004 line 312 and 002 line 2114 "No available parent and child vulnerable to significant harm (e.g. an abandoned
# baby)".
MINDED = ("The lady upstairs asked me to have her baby boy while she popped to the shops on Friday. It's now "
          "Sunday and she hasn't come back, her phone goes straight to voicemail.")


def test_a_child_left_for_an_hour_whose_carer_has_not_come_back_is_abandonment():
    assert minded_and_not_collected(MINDED) is not None
    advice = _advice(MINDED, "Kempston", "10 months", role="public")
    assert advice.level == 4 and advice.s47


def test_a_carer_who_came_back_late_is_not_abandonment():
    late = "My sister asked me to mind her two while she went to an interview and she came back an hour late."
    assert minded_and_not_collected(late) is None


# 002 line 2119 and 004 line 316 "Pregnancy in a child aged under 13"; 000 line 1398 "Pregnancy or Sexually
# Transmitted Infection (STI) or sexual abuse of a child under 13".
def test_a_positive_test_at_twelve_is_pregnancy_under_13():
    text = "Keira came to see me with her friend, she'd done a test at home and it came back positive, she's terrified."
    assert own_pregnancy(text, 12) is not None
    advice = _advice(text, "Thetford", "12")
    assert advice.level == 4 and advice.s47


@pytest.mark.parametrize("text", ["She did a covid test this morning and it was positive so she's off school.",
                                  "Her mum is expecting again and Keira is excited about the baby.",
                                  "Her spelling tests were all positive this term, really proud of her."])
def test_other_tests_and_a_mothers_pregnancy_are_not_the_childs_pregnancy(text):
    assert own_pregnancy(text, 12) is None


# 000 line 1093 (Level 4) "Inappropriate relationship with an adult"; 002 line 2118 "A child at risk of sexual
# exploitation or trafficking".
def test_a_thirteen_year_old_with_an_adult_boyfriend_is_sexual_exploitation():
    text = "She's been seeing a lad called Dean, her boyfriend, he's 22 and picks her up from school."
    assert adult_partner(text, 13) is not None
    assert _advice(text, "Corby", "13").level == 4


@pytest.mark.parametrize("text, age", [
    ("Mum's boyfriend, he's 34, has moved in and the kids like him.", 9),
    ("Mum has a new boyfriend who is 29 and works at the garage.", 11),
    ("Her boyfriend is 15, they're in the same form.", 14),
    ("Her boyfriend is 19 and they live together with the baby.", 18),
])
def test_a_parents_partner_a_peer_or_an_adult_child_is_not_the_adult_partner_rule(text, age):
    assert adult_partner(text, age) is None
