"""The rules that re-read concept hits (bot/engine/rules/hit_rules.py), each through `assess` in every area it covers.

Every test names the seed line it rests on. PLACES gives one town per area.
"""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case

PLACES = {"northamptonshire": "Corby", "norfolk": "Norwich", "nottingham_city": "Nottingham",
          "bedford_borough": "Bedford"}
EVERY_AREA = pytest.mark.parametrize("place", sorted(PLACES.values()))


def advise(place: str, worried: str, age: str = "9", scale: int = 5, **extra):
    return assess(Case(area=place, age=age, worried=worried, scale=scale, **extra))


@EVERY_AREA
@pytest.mark.parametrize("worried", [
    "Her stepdad touched other children in the family",
    "The lodger has been touching other children",
    "He hits other children in the house",
])
def test_an_exclude_relabels_a_hit_never_deletes_it(place, worried):
    """Issue 12.1. Norfolk and Bedford s47 lists: "An individual (adult or child) posing a risk to children";
    Northamptonshire 2022 Appendix 2 "abusing other children". An adult, or someone unclear, harming other
    children is section 47 in every area, and the children harmed need their own referral."""
    advice = advise(place, worried)
    assert advice.level == 4 and advice.s47, [i.id for i in advice.indicators]
    assert any("own referral" in n for n in advice.notes)


@EVERY_AREA
def test_a_pupil_hitting_classmates_is_behaviour_not_abuse(place):
    """The `exclude` still says what it was for: a child hitting peers at school is the child's behaviour."""
    advice = advise(place, "Reggie keeps hitting and kicking other children in the playground", scale=7)
    assert advice.level < 4 and not advice.s47


@EVERY_AREA
def test_a_childs_harmful_sexual_behaviour_is_at_least_level_3(place):
    """Issue 12.1: a child's harmful sexual behaviour is at least level 3 with a front-door consultation."""
    advice = advise(place, "He keeps trying to touch other children in the toilets at school", scale=7)
    assert advice.level >= 3


@EVERY_AREA
def test_harmful_sexual_behaviour_towards_a_younger_sibling_is_section_47(place):
    """Issue 12.1: level 4 where a much younger child or a sibling is involved."""
    advice = advise(place, "My son has been touching his little sister's private parts and made her keep it secret",
                    age="14")
    assert advice.level == 4 and advice.s47


@pytest.mark.parametrize("place", ["Norwich", "Bedford"])
def test_a_smack_with_no_mark_is_level_2(place):
    """Issue 12.6. Norfolk tier 2 "Parent physically chastises their child within legal limits"; Bedford
    level 1-2 "reasonable physical chastisement that is within legal limits"."""
    advice = advise(place, "Mum smacked him on the bottom in the shop when he ran off. No mark, he was fine after.",
                    scale=7)
    assert advice.level == 2 and not advice.s47, [i.id for i in advice.indicators]


@EVERY_AREA
@pytest.mark.parametrize("worried", [
    "His dad hit him with a belt and there are marks on his legs",
    "Mum smacked him across the face and there is a bruise",
])
def test_chastisement_with_a_mark_an_implement_or_to_the_face_is_section_47(place, worried):
    """Issue 12.6. Norfolk tier 3/4 "leaving visible bruising/grazes/scratches/minor swellings/cuts"; Norfolk
    s47 "Repeated allegations or reasonable suspicions of non-accidental injury"."""
    advice = advise(place, worried)
    assert advice.level == 4 and advice.s47


@EVERY_AREA
def test_a_smack_to_a_baby_who_is_not_mobile_is_section_47(place):
    """Issue 12.6. Norfolk s47 "any suspicious injury in a pre- or non-mobile child"."""
    advice = advise(place, "Dad smacked the baby because she would not stop crying", age="3 months")
    assert advice.level == 4 and advice.s47


@EVERY_AREA
@pytest.mark.parametrize("worried", [
    "Dad strangled mum last night in front of the children",
    "Police have been called to the house again, the third time this month, he was shouting and hit mum",
    "Her partner threatened her with a knife while the children were in the room",
])
def test_serious_domestic_abuse_is_level_4_everywhere_and_the_abuser_is_not_told(place, worried):
    """Issue 12.4. 000 7.1 "a single event, such as a violent assault"; 004 level 4 "persistent and/or serious
    physical violence"; 002 s47 "A child being traumatised ... as a result of domestic violence"."""
    advice = advise(place, worried, age="6")
    assert advice.level == 4, [i.id for i in advice.indicators]
    assert advice.consent.tell_parents is False


@EVERY_AREA
def test_an_unborn_baby_whose_earlier_children_were_removed_is_level_4(place):
    """Issue 12.13. 003 immediate referral list: "Where there are serious concerns regarding the risk of
    significant harm to an unborn baby"; 002 tier 4 "Uses drugs/alcohol excessively whilst pregnant"."""
    advice = advise(place, "Mum's two older children were removed last year and she is still using heroin.",
                    age="unborn")
    assert advice.level == 4 and advice.s47


@EVERY_AREA
def test_a_witnessed_fall_of_a_mobile_toddler_is_heard(place):
    """Issue 11: Norfolk tier 1 "bruising consistent with normal play"; the injury rule is for explanations
    in doubt (Norfolk s47 "Inconsistent explanations")."""
    advice = advise(place, "He tripped over in the garden at nursery, staff saw him fall and he has a bruise on "
                           "his knee. Mum was told at pick up.", age="2", mobile=True, scale=9)
    assert advice.level <= 2 and not advice.s47


@EVERY_AREA
def test_a_minimiser_never_lowers_a_red_flag(place):
    """Issue 11: "mum says the toddler did it" in front of a bruise on a baby who cannot move."""
    advice = advise(place, "Probably nothing but the baby has a bruise on his cheek, mum says the toddler did it",
                    age="3 months", scale=7)
    assert advice.level == 4 and advice.s47


@EVERY_AREA
def test_a_direct_denial_of_self_harm_is_not_a_self_harm_worry(place):
    """Issue 11: explicit denials after asking directly are not a red flag."""
    advice = advise(place, "I asked her directly and she denies any self-harm or suicidal thoughts. She is "
                           "stressed about exams.", age="15", scale=8)
    assert advice.level <= 2


@EVERY_AREA
def test_online_grooming_in_plain_words_is_section_47(place):
    """Issue 11: an adult met online asking a 13-year-old for pictures and to meet. Norfolk s47 "A child at
    risk of sexual exploitation"; Nottingham immediate referral list "evidence of grooming ... online abuse"."""
    advice = advise(place, "She met a man on a game who says he's 16 but sounds like a grown man. He keeps "
                           "asking her to send pictures and wants to meet her on Saturday.", age="13")
    assert advice.level == 4 and advice.s47


@EVERY_AREA
def test_a_pregnancy_under_13_in_plain_words_is_section_47(place):
    """Issue 11: pregnancy under 13 without sexual words. 000 Appendix 2 "Pregnancy or STI ... of a child
    under 13"; Norfolk s47 "Pregnancy in a child aged under 13"."""
    advice = advise(place, "She told her friend she's having a baby and showed her a test", age="12")
    assert advice.level == 4 and advice.s47


@EVERY_AREA
def test_an_offender_living_with_children_is_section_47(place):
    """Norfolk/Bedford s47 "An individual (adult or child) posing a risk to children", said in plain words."""
    advice = advise(place, "The new lodger was inside for stuff with kids and he looks after them when mum works.")
    assert advice.level == 4 and advice.s47


@EVERY_AREA
def test_young_children_left_alone_at_night_is_section_47(place):
    """Nottingham immediate referral list "Left home alone"; Norfolk s47 "No available parent and child
    vulnerable to significant harm"."""
    advice = advise(place, "Police attended at 23:00, the 6yo and 3yo were alone in the flat, mum was at the pub.",
                    age="6")
    assert advice.level == 4 and advice.s47
