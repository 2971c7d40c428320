"""A young carer's level follows how regular the caring is and what it costs the child (rules/young_carer_load.py).

002 Tier 2 / 004 Level 2 "occasional caring responsibilities"; 002 Tier 3 "opportunities are adversely impacted by
caring responsibilities"; 004 Level 3 "outcomes are being adversely impacted"; 003 lines 209-211 Targeted "Regularly
required to care for another family member / young carer". Texts are fictional and written here.
"""

from __future__ import annotations

from bot.engine.rules.young_carer_load import CARING_COST
from tests.engine.words import advice, live


def test_meals_and_mornings_for_brothers_and_sisters_are_caring() -> None:
    assert "young_carer" in live("She cooks dinner for her two little brothers when mum is in bed.")
    assert "young_carer" in live("He is getting himself and his 5yo brother up and out every morning.")
    assert "young_carer" not in live("He made a cake with his sister at the weekend.")


def test_regular_caring_for_siblings_is_level_3() -> None:
    said = "Mia (11) makes tea for her brothers most nights because mum has bad depression and stays in bed."
    assert advice(said, "Bulwell", "11").level == 3


def test_occasional_caring_with_no_cost_to_the_child_stays_level_2() -> None:
    said = ("Mia (11) sometimes makes tea for her little brother when mum's diabetes is bad. School is fine and she "
            "still goes to guides.")
    assert advice(said, "Bulwell", "11").level == 2


def test_caring_that_costs_the_child_school_and_sleep_is_level_3() -> None:
    said = ("Since his mum's operation, Josh does most of the cooking and cleaning at home. He has dropped out of "
            "football and fell asleep in maths twice.")
    assert advice(said, "Dereham", "13").level == 3


def test_the_cost_words_are_about_the_child_not_ordinary_school_news() -> None:
    assert CARING_COST.search("He quit cadets and hasn't handed in homework for weeks.")
    assert not CARING_COST.search("His homework is always in on time and he loves cadets.")
