"""General rules found by reserved set Q's one reading (2026-12-07, at 3be35ff), each with a twin.

Texts are fictional and written here, not copied from the set. Seed lines are cited per test.
"""

from __future__ import annotations

from bot.engine.facts import read_facts
from tests.engine.words import advice as _advice
from tests.engine.words import live as _live


# 000 Appendix 2: "An individual with serious child related offences visiting/moving into a household with children".
def test_a_partner_who_must_tell_the_police_where_he_lives_poses_a_risk():
    assert "person_posing_risk" in _live("He said he's 'on a list' and has to tell the police where he lives.")
    assert "person_posing_risk" in _live("He did time a few years back over a girl who turned out to be 14.")


def test_add_the_verb_is_not_attention_deficit():
    assert "send" not in _live("She came in to add her new partner to the tenancy.")
    assert "send" in _live("He has an ADD diagnosis and takes medication.")


# 000 Level 4* radicalisation; 004 Level 4 "saying that they will carry out violence in support of extremist views".
def test_a_plan_to_do_one_on_a_mosque_is_violent_intent():
    assert "violent_intent" in read_facts("He said he's going to 'do one' on the mosque and he's got a plan.")
    assert "violent_intent" not in read_facts("He's going to do one more lap of the field.")


# 002 line 2104 (section 47): "Repeated allegations involving serious verbal threats and/or emotional abuse".
def test_a_fathers_threats_to_drown_her_kitten_and_put_her_in_a_home_are_section_47():
    advice = _advice("For a long while now her dad tells her she was a mistake, that he'll put her in a children's "
                     "home, that he'll drown her kitten. She's told me lots of times. She's wetting the bed again.",
                     "Dereham", "9", role="public")
    assert advice.level == 4


def test_a_parent_who_says_they_would_hurt_themselves_makes_no_threat_to_the_child():
    """Reflexive: about the parent's own safety (a self-harm worry), not the 002 line 2104 threat to the child."""
    for text in ("Mum said she'd hurt herself if they took the kids.", "Dad says he will kill himself one day."):
        assert "threat_to_child" not in read_facts(text), text
    assert "threat_to_child" in read_facts("Dad says he will kill her if she tells.")


def test_a_mum_who_will_pick_her_up_is_no_threat():
    assert "threat_to_child" not in read_facts("Mum will pick her up at three and take her home.")


# A child shut in by someone is harm done (002, 004 top emotional-abuse and neglect lines).
def test_children_tied_in_their_room_from_the_outside_are_the_top_line():
    advice = _advice("The kids' room door was tied shut from the outside with a dressing gown cord, the two little "
                     "ones were in there in the dark on a soaked mattress.", "Great Yarmouth", "3 and 5")
    assert advice.level == 4


def test_a_door_that_sticks_is_not_confinement():
    assert "confined" not in read_facts("The bathroom door sticks, the landlord is fixing it.")


# 002/004 CSE lines; 003 immediate referral "Child victims of exploitation".
def test_girls_taken_to_parties_by_men_to_be_nice_to_their_mates_is_exploitation():
    text = ("She gets picked up outside the takeaway by some of the men who work there and taken to parties with "
            "vodka, and has to be nice to the men's mates.")
    assert "child_sexual_exploitation" in _live(text)


def test_picked_up_by_her_mum_is_not_exploitation():
    assert "child_sexual_exploitation" not in _live("She gets picked up by her mum after netball on Fridays.")


# 002 section 47 "trafficked"; 003 immediate referral "trafficking, modern slavery".
def test_an_uncle_who_has_his_passport_and_a_debt_for_bringing_him_is_trafficking():
    assert "trafficking" in _live("His 'uncle' has his passport and says he owes money for bringing him here.")
    assert "trafficking" in _live("He whispered that he sleeps in the back office.")
    assert "trafficking" not in _live("Mum has his passport ready for the school trip to France.")
