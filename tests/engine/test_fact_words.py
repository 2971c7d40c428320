"""Severity facts read from ordinary words, without false alarms (bot/engine/facts.py, bot/engine/indicators.py).

Each false alarm here once set the level: "stable" read as a stab (a weapon), a child who "refuses veg" as a parent
refusing help, "his mum could die" as a threat to the child's life. Texts are fictional.
"""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.facts import read_facts
from bot.engine.life_threat import threat_to_life


def test_stable_is_not_a_stab():
    """003 line 211 (Early Help): "Controlled or stable substance abuse"."""
    assert "weapon" not in read_facts("Dad has been on a stable methadone script for three years.")
    assert "weapon" in read_facts("He stabbed the sofa with a kitchen knife.")
    advice = assess(Case(area="Kempston", age="4", role="professional", scale=9,
                         worried="HV. Dad is on a stable methadone dose, tests clean, stored in a locked box."))
    assert advice.level <= 2 and not advice.s47


@pytest.mark.parametrize("text", ["Mum refused the referral.", "Dad declined early help.",
                                  "They refuse all help.", "Consent was refused.",
                                  "She refused to let the health visitor in.", "Mum won't let us in.",
                                  "Dad avoids home visits."])
def test_a_parent_refusing_help_is_refusal(text):
    """000/003: "Parents/Carers do not accept concerns, fail to or are unwilling to engage in extensive support"."""
    assert "refusal" in read_facts(text)


@pytest.mark.parametrize("text", ["She only eats pasta and refuses veg.", "He refuses to go to school.",
                                  "A group of girls won't let her play.", "He avoids eye contact."])
def test_a_child_refusing_food_or_school_is_not_a_parent_refusing_help(text):
    assert "refusal" not in read_facts(text)


def test_a_relative_who_could_die_is_not_a_threat_to_the_childs_life():
    assert not threat_to_life("He asked me if his mum could die too.")
    assert threat_to_life("She said she might kill herself tonight.")
    assert threat_to_life("He could have died if the ambulance had been late.")
    assert threat_to_life("She is scared her dad could kill him one day.")  # safety: a named person who kills
    assert threat_to_life("Mum said she might kill them both.")


def test_a_diagnosis_explains_recurring_marks_on_a_mobile_childs_knees_and_elbows():
    """002 Tier 1: "bruising consistent with normal play"; a diagnosed coordination disorder explains the falls."""
    advice = assess(Case(area="Clifton", age="9", role="professional", scale=9, worried=(
        "PE teacher. Ben always has scabby knees and bruised elbows. He has diagnosed dyspraxia and we see him "
        "fall over most weeks.")))
    assert not advice.s47 and advice.level <= 2


def test_marks_somewhere_else_on_the_same_child_keep_the_worry():
    advice = assess(Case(area="Clifton", age="9", role="professional", scale=4, worried=(
        "Ben always has bruises on his back and his upper arms. He has dyspraxia.")))
    assert advice.level == 4 and advice.s47


def test_a_bleeding_disorder_explains_bruises_and_the_net_does_not_re_raise_them():
    advice = assess(Case(area="Kettering", age="10", role="professional", scale=9, worried=(
        "School nurse. Lots of bruises on his shins. I've seen him: bruises are on bony bits, he says football. "
        "He has a diagnosed bleeding disorder (von Willebrand's) on his health care plan.")))
    assert not advice.s47 and advice.level <= 2


def test_calling_oneself_fat_is_not_an_eating_disorder():
    advice = assess(Case(area="Bilborough", age="11", role="professional", scale=7, worried=(
        "He's started saying he's rubbish at everything and fat and ugly. Asked if he has hurt himself, he said no.")))
    assert "eating_disorder" not in {i.concept for i in advice.indicators} and advice.level <= 3


def test_a_locked_box_is_not_a_child_locked_in():
    advice = assess(Case(area="Kempston", age="4", role="professional", scale=9,
                         worried="The medicine is kept in a locked box in a high cupboard."))
    assert "emotional_abuse" not in {i.concept for i in advice.indicators}


def test_a_net_proposal_beside_an_explained_injury_is_still_acted_on_when_it_says_who_did_it():
    """Safety: the explanation rules out the injury it explains, never a new account of someone hurting the child."""
    from bot.engine.recall_use import _about_the_explained
    concepts = ["injury_nonmobile_baby", "physical_abuse"]
    explained = {"unexplained_injury", "injury_nonmobile_baby", "physical_abuse"}
    assert _about_the_explained("I've seen him: bruises are on bony bits, he says football", concepts, explained)
    assert not _about_the_explained("She said daddy squeezed her arm really hard", concepts, explained)
    assert not _about_the_explained("Her arm has marks where someone grabbed her", concepts, explained)
    assert not _about_the_explained("Bruises on bony bits", ["neglect"], explained)


# Set O: "Dad's hours cut at the factory" read as a cut (a mark of harm), "Head lice never treated" and "visible decay
# front teeth" as an injury to the head or face; each took a level-2 need to its level-4 line.
@pytest.mark.parametrize("text", ["Dad's hours cut at the factory, rent arrears building.", "Pay cuts at work.",
                                  "They had the gas cut off."])
def test_a_cut_to_hours_or_money_is_not_a_mark(text):
    assert "mark" not in read_facts(text).found


@pytest.mark.parametrize("text", ["Head lice never treated despite letters.", "Visible decay front teeth.",
                                  "Neighbours keep an eye on them.", "Good eye contact.", "A face to face meeting.",
                                  "I spoke to the head teacher."])
def test_words_that_contain_a_head_or_face_are_not_an_injury_there(text):
    assert "head_face" not in read_facts(text).found


@pytest.mark.parametrize("text, fact", [("A cut on his head.", "head_face"), ("Cuts on her arms.", "mark"),
                                        ("He knocked her teeth out.", "head_face"),
                                        ("A bruise by her eye.", "head_face"),
                                        ("Slapped across the face.", "head_face")])
def test_an_injury_to_the_head_or_a_cut_is_still_read(text, fact):
    assert fact in read_facts(text).found


@pytest.mark.parametrize("text", ["Rent arrears after dad's hours were cut.", "The gas got cut last week."])
def test_a_cut_said_in_another_tense_to_hours_or_a_supply_is_not_a_mark(text):
    assert "mark" not in read_facts(text).found


def test_cut_off_from_friends_is_not_an_injury_to_a_baby():
    """Set P: a teen mother "cut off from her friends" read as an injury to her 4-month-old (a section 47 line)."""
    advice = assess(Case(area="Bulwell", age="4 months", role="professional", scale=7,
                         worried="Mum is 17 and feels cut off from her friends since the baby came; baby thriving."))
    assert not advice.s47 and "injury_nonmobile_baby" not in {i.concept for i in advice.indicators}


def test_a_cut_on_a_babys_leg_is_still_an_injury():
    advice = assess(Case(area="Bulwell", age="4 months", role="professional", scale=5,
                         worried="There was a small cut on the baby's leg that mum couldn't explain."))
    assert advice.s47 and advice.level == 4
