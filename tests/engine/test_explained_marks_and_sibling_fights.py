"""Marks a clinician explained, and children fighting each other (issue 11 over-triage, tuning set L).

Each test cites the seed line the lower level rests on; each has a twin that must keep the worry. Texts are fictional.
"""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.injury_words import doubt_said


def _advice(worried: str, area: str, age: str, role: str = "professional", scale: int = 8):
    return assess(Case(area=area, age=age, role=role, worried=worried, scale=scale))


# 004 line 271 Level 1 "appropriately responsive to the health demands of their child"; 003 Universal
# "Physically healthy": marks a GP diagnosed, or the newborn check recorded, are health needs being met.
@pytest.mark.parametrize("worried, area, age", [
    ("3 round crusty sores on his forearm, a staff member said they looked like cigarette burns so we body mapped. "
     "Mum took him to the GP the same day and the GP letter says impetigo, cream prescribed.", "Kempston", "2"),
    ("Big blue grey marks on her lower back like bruises. The red book says Mongolian blue spots, noted at the "
     "newborn check, and it looks the same. No other marks.", "Lenton", "18 months"),
    ("HV contact. Red raw patches on both cheeks, baby scratching at night. No bruising. Eczema dx confirmed by GP "
     "last week, emollients prescribed.", "Oundle", "7 months"),
])
def test_marks_a_clinician_put_down_to_a_skin_condition_are_not_a_red_flag(worried, area, age):
    advice = _advice(worried, area, age)
    assert not advice.s47 and advice.level <= 2


@pytest.mark.parametrize("worried, area, age", [
    # a parent's word alone, no clinician
    ("Round sores on his arm that look like cigarette burns. Mum says it's impetigo.", "Kempston", "2"),
    # a non-mobile baby's bruise is never explained away by a skin condition
    ("Bruise on the baby's cheek. She has eczema, diagnosed by the GP.", "Oundle", "3 months"),
    # someone said to have hurt the child
    ("Marks on her back. The GP says she has eczema but she said her stepdad hit her with a belt.", "Lenton", "6"),
])
def test_a_skin_condition_does_not_explain_away_an_injury_in_doubt(worried, area, age):
    assert _advice(worried, area, age).level == 4


# 004 line 299 s47 "any suspicious injury in a pre- or non-mobile child": a birthmark the GP recorded in the red book,
# same shape and place, is not a suspicious injury; the baby-not-yet-mobile fallback must not find the explained mark
# again, nor the bruise it only looked like (CI parity, tuning set K: the conversation takes "not sure" as not mobile).
RED_BOOK = ("A new member of staff noticed a large blue-grey mark across her lower back, looked like a big bruise. Mum "
            "told us at registration she has Mongolian blue spots, recorded in the red book by the GP at her 6-8 "
            "week check. Same shape and place as recorded.")


def test_a_recorded_birthmark_on_a_baby_not_yet_mobile_is_not_a_suspicious_injury():
    advice = assess(Case(area="Wootton", age="8 months", worried=RED_BOOK, scale=9, mobile=False))
    assert not advice.s47 and advice.level <= 2


def test_a_bruise_found_beside_a_recorded_birthmark_on_a_baby_not_yet_mobile_is_still_a_red_flag():
    advice = assess(Case(area="Wootton", age="8 months", worried=RED_BOOK + " There is also a bruise on her cheek.",
                         scale=9, mobile=False))
    assert advice.s47 and advice.level == 4


def test_a_doubt_word_that_is_denied_is_no_doubt():
    assert not doubt_said("She didnt flinch and wasn't scared.")
    assert doubt_said("She flinched when I touched her arm.")


# 000 Level 2 "Some difficulties with family or peer group relationships"; 001 Level 2 "Low level conflict in the
# home": brothers fighting, one shouting a threat at the other, is not danger now.
FIGHT = ("My sister's two lads fight like cat and dog. The big one had the little one in a headlock and the little "
         "one was screaming \"I'm going to kill you, I hate you\", and he's got scratches down his neck from where "
         "they were scrapping over the remote. He said his brother punched him for taking his charger.")


def test_brothers_fighting_and_a_threat_shouted_between_them_are_not_999():
    advice = _advice(FIGHT, "Thrapston", "10", role="public", scale=5)
    assert advice.route != "999" and not advice.immediate_danger and advice.level <= 3


def test_an_adult_threatening_to_kill_in_a_row_is_still_danger():
    advice = _advice("Mum's boyfriend was screaming \"I'm going to kill you\" at her in a row and he had a knife.",
                     "Thrapston", "10", scale=2)
    assert advice.level == 4 and advice.s47


def test_an_injury_from_a_fight_with_an_adult_named_keeps_the_worry():
    advice = _advice("He's got scratches down his neck from where his dad was fighting with him.", "Thrapston", "10",
                     scale=3)
    assert advice.level >= 3


# 001 Level 1 "supported by parents/carers to ensure their digital activity is safe": a boy shouting "I'll kill you"
# at his mates on the Xbox is the game's talk, not a threat to anyone's life.
def test_a_threat_shouted_at_the_other_players_in_a_game_is_not_a_red_flag():
    advice = _advice("He's on that Xbox till gone eleven with his headset on, effing at his mates, I hear him "
                     "shouting \"I'll kill you\" and all sorts.", "Desborough", "11", role="public", scale=7)
    assert not advice.s47 and advice.level <= 2


def test_an_adult_who_threatens_to_kill_while_gaming_is_still_a_red_flag():
    advice = _advice("Dad was on the Xbox with his mates and when she asked him to stop he screamed \"I will kill "
                     "you\" at her.", "Desborough", "11", scale=3)
    assert advice.s47 and advice.level == 4


def test_burns_found_beside_a_diagnosed_skin_condition_stay_a_red_flag():
    """A condition explains marks that looked like an injury, never an injury found."""
    advice = _advice("She has eczema, diagnosed by the GP. At the hospital they found cigarette burns on her arm.",
                     "Lenton", "6", scale=3)
    assert advice.level == 4 and advice.s47


def test_a_child_reporting_an_adult_s_threat_during_a_row_is_not_a_sibling_fight():
    advice = _advice("The boys were arguing and the little one said dad is going to kill you all tonight.",
                     "Thrapston", "10", scale=2)
    assert advice.level == 4 and advice.s47


# 003 Universal "Physically healthy": a scratch the child made while itching, its cause said beside it (set O's TA,
# nits treated each time). Twins: a bruise beside it, and a scratch someone made, keep the red flag.
def test_a_scratch_from_itching_is_not_an_unexplained_injury():
    advice = _advice("One of my girls keeps getting nits, mum treats them every time. She had a bit of a scratch on "
                     "her neck from itching.", "Bulwell", "6")
    assert not advice.s47 and "unexplained_injury" not in {i.concept for i in advice.indicators}


@pytest.mark.parametrize("text", [
    "She had a scratch on her neck, mum says from itching, and a bruise on her cheek.",
    "She had scratches on her neck; she said dad grabbed her when she was itching.",
])
def test_a_scratch_beside_a_bruise_or_a_grab_keeps_the_red_flag(text):
    advice = _advice(text, "Bulwell", "6")
    assert advice.s47 and advice.level == 4


# 004 Level 2 "The child exhibits aggressive ... behaviours": in a meltdown the child hit her brother (set O's SENCO).
def test_a_child_hitting_her_brother_in_a_meltdown_is_behaviour_not_abuse():
    advice = _advice("10yo girl with ADHD. Mum says at home there are big meltdowns, she's hit her brother twice, "
                     "won't do anything she's asked.", "Bedford", "10")
    assert not advice.s47 and "behaviour_problems" in {i.concept for i in advice.indicators}


def test_an_adult_hitting_the_brother_in_a_meltdown_keeps_the_red_flag():
    advice = _advice("Mum says at home there are big meltdowns and dad has hit her brother twice.", "Bedford", "10")
    assert advice.s47 and advice.level == 4
