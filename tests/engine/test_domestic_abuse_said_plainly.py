"""Domestic abuse said plainly, with the subject left out, in police shorthand or by a neighbour (issue 11).

Texts are fictional and written for these tests. Each level follows the seed line cited beside it.
"""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.facts import physical_act


def _advice(worried: str, area: str, age: str = "7", role: str = "professional", scale: int = 5):
    return assess(Case(area=area, age=age, role=role, worried=worried, scale=scale))


def _concepts(advice) -> set:
    return {i.concept for i in advice.indicators}


# 004 Level 3 "One or more adult members of the family is physically and emotionally abusive to another adult";
# 002 Tier 3 domestic abuse; 003 Targeted "Incidents of domestic abuse".
@pytest.mark.parametrize("worried, area", [
    ("Mum says that in the summer he shoved her against the radiator while the boys watched.", "Bedford"),
    ("Dad lost his temper, grabbed her by the hair in a row about money and the kids saw.", "Norwich"),
    ("The police were round there at 2am, you could hear screaming from our bedroom.", "Kettering"),
    ("She let slip that he checks her bank account every day and takes her card.", "Nottingham"),
])
def test_domestic_abuse_said_without_the_words_is_heard(worried, area):
    assert "domestic_abuse" in _concepts(_advice(worried, area))


def test_a_push_never_takes_the_line_for_non_physical_abuse():
    """004 Level 2 "a victim of occasional or low-level non-physical abuse" cannot fit a push."""
    advice = _advice("Mum told me he pushed her into the wardrobe last week.", "Bedford", scale=6)
    chosen = [i.text for i in advice.indicators if i.concept == "domestic_abuse"]
    assert chosen and not any("non-physical" in text for text in chosen)


def test_a_count_of_police_notifications_is_a_count_of_incidents():
    """003 Targeted (level 3) "Incidents of domestic abuse" over Early Help "Concerns and suspected domestic
    violence": the fourth notification in a year is repeated, not suspected."""
    advice = _advice("DA verbal argument at the address, both parents say no assault. 4th PPN for this couple this "
                     "year, all verbal.", "Nottingham", age="6", scale=5)
    assert advice.level == 3


@pytest.mark.parametrize("text, physical", [("he pushed her into the door", True), ("he has never hit her", False),
                                            ("she hit the roof when she saw the bill", False)])
def test_a_physical_act_is_read_only_when_said(text, physical):
    assert physical_act(text) is physical


# 000 l.1068 Level 3 "Sexualised behaviour"; 001 l.225 "Sexualised behaviours not in line with typical development
# milestones for a child". Said by school staff in plain words.
@pytest.mark.parametrize("worried", [
    "In the last fortnight he has been saying rude sexual things at carpet time and tried to pull other kids' "
    "shorts down in the toilets.",
    "She keeps getting on top of another child in the home corner and says that's what grown ups do on the telly.",
])
def test_sexualised_behaviour_said_plainly_is_level_3(worried):
    advice = _advice(worried, "Wellingborough", age="5", scale=5)
    assert "sexualised_behaviour" in _concepts(advice)
    assert advice.level == 3


# 000/001 Level 3 "Child becoming more secretive/anxious about phone/internet use".
def test_secrecy_about_a_phone_said_at_a_distance_is_the_level_3_line():
    advice = _advice("Since Christmas she gets twitchy whenever anyone glances at her screen, and she won't say how "
                     "old her new gaming friend is.", "Corby", age="13", scale=5)
    assert "online_harm" in _concepts(advice)
    assert advice.level == 3


# 004 Level 3 "binge drinking": a parent's binges said without the word "drinking" (set O, a grandmother).
@pytest.mark.parametrize("text", [
    "She's always liked a drink but since the split it's got worse - she binges Friday to Sunday and the recycling's "
    "full of bottles.",
    "Mum likes a drink, more every week now.",
])
def test_a_parents_binges_said_plainly_are_substance_misuse(text):
    advice = assess(Case(area="Bedford", age="10", role="public", worried=text, scale=5))
    assert "parental_substance_misuse" in {i.concept for i in advice.indicators}


def test_a_childs_binge_on_crisps_is_not_a_parents_drinking():
    advice = assess(Case(area="Bedford", age="15", role="public", worried="She sometimes binges on crisps at the "
                         "weekend.", scale=5))
    assert "parental_substance_misuse" not in {i.concept for i in advice.indicators}


# 002 Tier 4 domestic abuse (line ~1776) "a perpetrator of persistent/serious physical violence": a second incident the
# police themselves graded standard or medium, with no injury, weapon or strangling, is not that (sets I, L, N).
SECOND_STANDARD = ("PPN (DA, standard). Verbal argument escalated to male pushing female against the kitchen door. "
                   "No visible injury. Two children asleep upstairs. DASH standard. Second DA incident at the address "
                   "in 6 months.")


def test_a_second_incident_graded_standard_is_not_serious_domestic_abuse():
    advice = assess(Case(area="Bulwell", age="7", role="professional", worried=SECOND_STANDARD, scale=5))
    assert advice.level == 3 and not advice.s47
    assert "physical_abuse" not in {i.concept for i in advice.indicators}  # the push was on the adult


@pytest.mark.parametrize("text", [
    SECOND_STANDARD.replace("DASH standard", "DASH high"),
    SECOND_STANDARD.replace("DASH standard", "DASH standard, referred to MARAC"),
    SECOND_STANDARD + " He had his hands round her throat.",
])
def test_a_high_grading_marac_or_strangling_keeps_it_serious(text):
    advice = assess(Case(area="Bulwell", age="7", role="professional", worried=text, scale=5))
    assert advice.level == 4 and advice.s47
