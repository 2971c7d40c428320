"""Everyday words for three worries and the places users type (issue 11: words the engine had never seen).

Fictional sentences, written for these tests; each names the seed line the concept stands for.
"""

from __future__ import annotations

import pytest

from bot.engine.assess import get_engine


def _concepts(text: str) -> set:
    return {h.concept for h in get_engine().matcher.find(text) if not h.negated}


@pytest.mark.parametrize("text", ["Dad said the only thing that works with him is a good hiding.",
                                  "She said she'd give him a slap if he carried on."])
def test_slang_for_a_smack_is_chastisement(text):
    """002 Tier 2/3 and 004: physical chastisement 'within legal limits' (not, by itself, a red flag)."""
    assert "physical_chastisement" in _concepts(text)


def test_sexualised_play_with_dolls_is_sexualised_behaviour():
    """000 Appendix 1 Level 3: 'Sexualised behaviour'."""
    text = ("She had two dolls with their clothes off lying on top of each other and said it is what grown ups "
            "do in bed.")
    assert "sexualised_behaviour" in _concepts(text)


@pytest.mark.parametrize("text", ["Her partner keeps her bank card and checks her phone every night.",
                                  "He decides who she can see.", "He won't let her see her friends."])
def test_coercive_control_is_domestic_abuse(text):
    """002 Tier 3 domestic abuse: 'One/more adult members of the family is physically/emotionally abusive'."""
    assert "domestic_abuse" in _concepts(text)


@pytest.mark.parametrize(("place", "area"), [("Thorpe St Andrew", "norfolk"), ("Northants", "northamptonshire"),
                                             ("Stewartby", "bedford_borough"), ("Castle Cary", None),
                                             ("Wells", None)])
def test_towns_and_villages_resolve_to_their_area(place, area):
    match = get_engine().resolver.resolve(place)
    assert (match.area if match else None) == area


def test_a_child_describing_abuse_without_sexual_words_is_sexual_abuse():
    """002 s47 list: 'Allegations or suspicions about a serious injury / sexual abuse to a child'."""
    assert "sexual_abuse" in _concepts("She said he comes in her room at night and does stuff under her covers.")


@pytest.mark.parametrize("text", ["The police are at their house every weekend, shouting, things getting thrown.",
                                  "I saw her mum come out with a black eye.",
                                  "She hides under her bed when daddy gets angry at mummy."])
def test_everyday_signs_of_domestic_abuse(text):
    """000 7.1 and 002 Tier 3/4 domestic abuse; repeated police call-outs are level 4 (004 'serious')."""
    assert "domestic_abuse" in _concepts(text)


def test_police_at_the_door_about_something_else_is_not_domestic_abuse():
    assert "domestic_abuse" not in _concepts("The police were at the door about his bike being stolen.")


# 003 Early Help "Concerns about weight and diet including poor nutrition, obesity" and Targeted "Excessive weight
# loss/gain": a child's weight said in a school nurse's words (set G: "a healthy lifestyles programme for a year ...
# the GP has flagged raised blood sugars").
@pytest.mark.parametrize("text", [
    "He's been on a healthy lifestyles programme for a year, nothing has changed, and the GP has flagged raised blood "
    "sugars.",
    "NCMP follow up: BMI above the 98th centile, referred to weight management.",
])
def test_a_childs_weight_in_health_words_is_a_health_need(text):
    assert "unmet_health_needs" in _concepts(text)


# 003 Targeted "Regularly required to care for another family member / young carer": a child who watches over a
# drinking parent at night (set P); and lateness counted in a half term (003 Early Help "Poor education attendance").
def test_a_child_staying_up_to_see_a_parent_to_bed_is_a_young_carer():
    assert "young_carer" in _concepts("He stays up to make sure mum goes to bed ok after she's been drinking.")


def test_staying_up_late_gaming_is_not_caring():
    assert "young_carer" not in _concepts("He stays up till 2 gaming and mum has to make sure he gets up for school.")


def test_lateness_counted_in_a_term_is_attendance():
    assert "poor_attendance" in _concepts("He's been late 12 times this half term and tired.")
