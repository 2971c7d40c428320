"""Issue 13.6: consent questions follow the answers, "not sure" stays "not sure", and the consent paragraph
never appends seed wording that contradicts its own decision."""

import re

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.consent import consistent
from bot.features.conversation import asks_consent_status, case_from_slots, parse_consent_status
from bot.features.record import CONSENT_SAID
from bot.guidance.loader import cached_areas

EXCEPTION = re.compile(r"unless|do not need|don'?t need|not (to be )?sought|do not seek|without consent", re.I)
ASKS = re.compile(r"\b(discuss (your )?(concerns|worries) with the family|seek (their )?consent)\b", re.I)


@pytest.mark.parametrize("answer", ["not sure", "I'm not sure", "don't know", "no idea", "maybe"])
def test_not_sure_is_its_own_state_never_refused(answer):
    assert parse_consent_status(answer) == "unsure"


@pytest.mark.parametrize("answer,state", [("they refused", "refused"), ("they agreed", "given"),
                                          ("not asked yet", "not_asked"), ("I don't know, I haven't asked",
                                                                           "not_asked")])
def test_other_answers_keep_their_state(answer, state):
    assert parse_consent_status(answer) == state


def test_parents_who_dont_know_are_not_asked_whether_they_agreed():
    assert asks_consent_status({"consent_parents_know": False}) is False
    assert asks_consent_status({"consent_parents_know": True}) is True
    assert asks_consent_status({}) is True  # not answered yet: the form decides after the answer


def test_unsure_reaches_the_case_and_the_advice_says_nothing_about_refusal():
    case = case_from_slots({"triage_area": "Corby", "child_age": "9", "consent_status": "unsure",
                            "sos_worried": "he comes to school hungry most days and his clothes are dirty"})
    assert case.consent == "unsure"
    advice = assess(case)
    assert advice.consent.needed
    text = advice.consent.advice.lower()
    assert "refus" not in text.replace("a refusal is not", "")
    assert "not sure whether they have agreed" in text
    assert "not sure" in CONSENT_SAID["unsure"]


def test_parents_not_knowing_says_nothing_the_user_did_not_say():
    """No consent status was given: the advice must not claim one (agreed, refused, or 'you have consent')."""
    case = case_from_slots({"triage_area": "Norwich", "child_age": "9", "consent_parents_know": False,
                            "sos_worried": "he comes to school hungry most days and his clothes are dirty"})
    text = assess(case).consent.advice
    assert "You have consent" not in text
    assert "have refused" not in text and "has been refused" not in text


WORRIES = ["he has a black eye and said his mum's boyfriend hit him",
           "mum hit him with a belt and there are marks, she said she'd hurt him if he told",
           "she told me her stepdad touches her private parts at night",
           "he comes to school hungry most days and his clothes are dirty",
           "he has a bruise on his arm and said he fell"]


@pytest.mark.parametrize("area", ["Corby", "Norwich", "Nottingham", "Bedford"])
@pytest.mark.parametrize("risky", [False, True])
def test_one_consent_paragraph_consistent_with_the_decision(area, risky):
    """When the advice is not to ask the parents (significant harm) or not to tell them, no seed rule saying
    'discuss your concerns with the family and seek consent' is appended."""
    for worry in WORRIES:
        advice = assess(Case(area=area, age=9, worried=worry, consent_risky=risky))
        text = advice.consent.advice
        if advice.consent.needed and advice.consent.tell_parents:
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if ASKS.search(sentence):
                assert EXCEPTION.search(sentence), (area, worry, sentence)


def test_consistent_drops_the_seek_consent_rule_and_keeps_one_with_its_exception():
    rules = cached_areas()["northamptonshire"].consent.rules
    seek = [r for r in rules if r.text.startswith("Discuss your concerns with the family and seek consent")]
    good = [r for r in rules if r.text.startswith("It is good practice to discuss your worries")]
    assert seek and good
    kept = consistent(seek + good, ask=False, tell=False)
    assert seek[0] not in kept and good[0] in kept
    assert consistent(seek, ask=True, tell=True) == seek
