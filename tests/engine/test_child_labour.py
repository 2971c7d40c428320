"""A child under 16 working under someone's control is labour exploitation (bot/engine/rules/child_labour.py).

002 and 004 section 47 lists "trafficked"; 003 immediate referral "Child victims of exploitation including
trafficking, modern slavery"; 000 Appendix 1 Level 4 "Child at risk of trafficking*". Set O's car-wash boy was level 3
with nothing matched. Each twin is ordinary work, or an adult's. Texts are fictional.
"""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case


def _advice(worried: str, age: str = "14"):
    return assess(Case(area="Kempston", age=age, role="public", worried=worried, scale=5))


@pytest.mark.parametrize("text", [
    "There's a lad at the hand car wash, about 14, working there every day including school days from 8 till 9 at "
    "night. He said no school, he works for his uncle.",
    "The girl at the nail bar works all week; the workers sleep in the storeroom out the back.",
    "He does shifts at the takeaway and says the owner keeps his passport.",
])
def test_a_child_working_under_someones_control_is_section_47(text):
    advice = _advice(text)
    assert advice.level == 4 and advice.s47
    assert "trafficking" in {i.concept for i in advice.indicators}


@pytest.mark.parametrize("text, age", [
    ("His mum works every day till 9 at night so he gets his own tea.", "14"),  # the adult works
    ("She has a Saturday job at the bakery and works after school on Thursdays.", "15"),
    ("He works at the chippy on Saturdays; his dad has his passport for the holiday.", "15"),
    ("He works at the garage from 8 till 6 at night on weekdays; he left school last summer.", "17"),  # over 16
])
def test_ordinary_work_or_an_adults_work_is_not_exploitation(text, age):
    advice = _advice(text, age)
    assert "trafficking" not in {i.concept for i in advice.indicators} and not advice.s47


def test_a_parents_lost_job_beside_children_out_till_late_is_not_the_childs_work():
    advice = _advice("The kids at the end house, 7 and 9, are out on the street till 10 at night again with no coats. "
                     "The little one has had the same trainers with holes in for ages. Mums been struggling since she "
                     "lost her job.", "7")
    assert "trafficking" not in {i.concept for i in advice.indicators}


@pytest.mark.parametrize("text", ["His school work has dropped since he started gaming till 2 at night.",
                                  "She starts work experience at the nursery next week, 9 till 5 in the evening."])
def test_school_work_and_work_experience_are_not_a_job(text):
    advice = _advice(text, "14")
    assert "trafficking" not in {i.concept for i in advice.indicators}
