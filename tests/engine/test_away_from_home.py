"""Who looks after the child, said without the seeds' words (issue 11, tuning set K). Texts are fictional."""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.life_threat import threat_to_life
from bot.engine.rules.away_from_home import left_for_days, privately_fostered


def _advice(worried: str, area: str, age: str, role: str = "public", scale: int = 5):
    return assess(Case(area=area, age=age, role=role, worried=worried, scale=scale))


STAYING = ("My daughter's friend Kai, he's 14, has been stopping with us for two months since his dad moved to "
           "Leeds for work. We aren't related, our girls are just in the same class.")


def test_a_child_staying_with_an_unrelated_family_for_28_days_is_privately_fostered():
    """003 line 261: "16 or under ... looked after for 28 days or longer by a carer who is not a parent, grand-parent,
    aunt, uncle or sibling"."""
    assert privately_fostered(STAYING, 14) is not None
    assert "private_fostering" in {i.concept for i in _advice(STAYING, "Nottingham", "14").indicators}


def test_a_parent_who_asked_a_friend_to_have_the_child_for_weeks_is_private_fostering():
    """003 line 261: the carer is a friend of the mother's, not family, for seven weeks."""
    text = ("I'm a friend of her mum's, not family. Her mum went abroad seven weeks ago and asked me to have Mia "
            "till she comes back.")
    assert privately_fostered(text, 13) is not None
    advice = _advice(text, "Hyson Green", "13", scale=8)
    assert advice.level == 4 and "private_fostering" in {i.concept for i in advice.indicators}


@pytest.mark.parametrize("text, age", [
    ("Her mum asked me to have Mia for the weekend. I'm her aunt.", 13),  # related, short
    ("My nephew has been staying with us for two months while his mum is in hospital.", 14),  # related
    ("Kai has been stopping with us for a week. We aren't related.", 14),  # under 28 days
    (STAYING, 17),  # over 16
])
def test_relatives_short_stays_and_older_teenagers_are_not_private_fostering(text, age):
    assert privately_fostered(text, age) is None


LEFT = ("Haven't seen the lad's mum for about ten days. He says she's gone to Tenerife with her fella and left him "
        "£40. He's 13. The gas has run out.")


def test_a_child_left_on_his_own_while_the_carer_is_abroad_is_abandonment():
    """004 line 312 (s47): "No available parent and child vulnerable to significant harm"."""
    assert left_for_days(LEFT, 13) is not None
    advice = _advice(LEFT, "Bedford", "13")
    assert advice.level == 4 and advice.s47


def test_a_carer_abroad_with_the_child_cared_for_by_another_adult_is_not_abandonment():
    assert left_for_days("His mum has gone to Spain for a week and his nan is staying with him.", 13) is None


def test_young_children_who_come_to_a_neighbour_at_night_while_mum_is_out_are_home_alone():
    """003 line 259: "Left 'home alone' and their age and vulnerability places them at risk"."""
    advice = _advice("Again last night the two little ones from next door banged on my door at 11, crying. Their mum "
                     "went out drinking after tea and got home about 1am.", "Nottingham", "5", scale=3)
    assert advice.level == 4 and advice.s47


def test_a_threat_to_snap_a_childs_neck_is_a_threat_to_life():
    """002 line 2104 (s47): "Repeated allegations involving serious verbal threats and/or emotional abuse"."""
    assert threat_to_life("He tells the boy he'll snap his neck if he wets the bed again.")
    assert not threat_to_life("She snapped at him to put his shoes on.")


def test_a_girl_out_of_school_doing_the_house_for_an_auntie_who_is_not_family_is_servitude():
    advice = _advice("The girl is never at school. She says auntie makes her do the house and mind the babies, and "
                     "that auntie isn't her real auntie.", "Nottingham", "12", scale=3)
    assert advice.level == 4 and advice.s47
