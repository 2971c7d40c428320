"""Issue 13, items 6, 8 and 9 over REST against the real servers: consent questions that follow the answers,
quick questions that need no area, and a rehearsal that judges the call it heard."""

from __future__ import annotations

import uuid
from typing import Any, Dict, List, Optional, Tuple

import pytest

from bot.features import rehearsal
from tests.e2e.driver import advice_payload, answer_for, post, which_question

pytestmark = pytest.mark.e2e

NOT_MOBILE_LABEL = "not yet mobile"


def _text(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def _sender() -> str:
    return f"e2e-13b-{uuid.uuid4().hex}"


def _assess(webhook: str, case: Dict[str, Any], overrides: Optional[Dict[str, str]] = None
            ) -> Tuple[Dict[str, Any], List[str], List[Dict[str, Any]]]:
    """Talk through an assessment, answering from the case (``overrides`` by slot); advice, slots asked, all."""
    sender, overrides = _sender(), overrides or {}
    messages = post(webhook, sender, "I'm worried about a child")
    asked: List[str] = []
    seen: List[Dict[str, Any]] = list(messages)
    for _ in range(30):
        advice = advice_payload(messages)
        if advice:
            return advice, asked, seen
        slot = which_question(messages)
        assert slot is not None, _text(messages)
        asked.append(slot)
        assert asked.count(slot) <= 2, asked
        messages = post(webhook, sender, overrides.get(slot) or answer_for(slot, case))
        seen += messages
    raise AssertionError(f"no advice; asked {asked}")


NEGLECT = {"area": "Corby", "age": "9", "role": "professional", "scale": 5,
           "worried": "He comes to school hungry most days and his clothes are dirty."}


# --- item 6 ---------------------------------------------------------------------------------------------------

def test_parents_who_dont_know_are_not_asked_whether_they_agreed(assistant):
    advice, asked, _ = _assess(assistant.webhook, NEGLECT, {"consent_parents_know": "no"})
    assert "consent_parents_know" in asked and "consent_status" not in asked
    consent = advice["consent"]["advice"]
    assert "You have consent" not in consent and "refused" not in consent.replace("A refusal is not", "")


def test_not_sure_whether_they_agreed_stays_not_sure(assistant):
    advice, asked, _ = _assess(assistant.webhook, NEGLECT, {"consent_parents_know": "yes",
                                                            "consent_status": "not sure"})
    assert "consent_status" in asked
    consent = advice["consent"]["advice"]
    assert "not sure whether they have agreed" in consent
    assert "have refused" not in consent and "has been refused" not in consent


def test_consent_paragraph_has_no_seed_wording_against_its_decision(assistant):
    case = {**NEGLECT, "worried": "He has a bruise on his arm and said he fell."}
    advice, _, _ = _assess(assistant.webhook, case, {"consent_parents_know": "no"})
    consent = advice["consent"]["advice"]
    if not advice["consent"]["needed"]:
        assert "seek consent prior" not in consent
        assert "Discuss your concerns with the family and seek consent" not in consent


def test_an_age_answer_the_classifier_might_call_a_question_is_the_age(assistant):
    sender = _sender()
    post(assistant.webhook, sender, "I'm worried about a child")
    post(assistant.webhook, sender, "no")
    post(assistant.webhook, sender, "Corby")
    asked = post(assistant.webhook, sender, "teacher")
    assert which_question(asked) == "child_age", _text(asked)
    reply = post(assistant.webhook, sender, "unborn (26 weeks), sibling 3")
    assert which_question(reply) not in ("child_age", None), _text(reply)
    assert not any(isinstance(m.get("custom"), dict) and m["custom"].get("type") == "quick_answer" for m in reply)


# --- item 8 ---------------------------------------------------------------------------------------------------

def _quick(webhook: str, question: str, sender: Optional[str] = None) -> Tuple[Dict[str, Any], str]:
    messages = post(webhook, sender or _sender(), question)
    custom = [m["custom"] for m in messages if isinstance(m.get("custom"), dict)
              and m["custom"].get("type") == "quick_answer"]
    assert len(custom) == 1, _text(messages)
    return custom[0], _text(messages)


@pytest.mark.parametrize("question,words", [
    ("What's the NSPCC helpline number?", ["0808 800 5000"]),
    ("What is the MASH?", ["Multi-Agency Safeguarding Hub"]),
    ("What are the Signs of Safety questions?", ["What are we worried about?", "What's working well?"]),
    ("I'm not sure whether to refer, who should I talk to first?", ["designated safeguarding lead"]),
    ("Do I need consent to share information if there is a risk of significant harm?", ["without consent"]),
])
def test_quick_questions_that_need_no_area_do_not_ask_for_one(assistant, question, words):
    answer, text = _quick(assistant.webhook, question)
    assert not answer["needs_area"] and "Which area is the child in?" not in text, text
    assert answer["sources"] and "doesn't say" not in text
    for word in words:
        assert word in text


def test_fgm_consent_is_answered_and_still_escalates(assistant):
    answer, text = _quick(assistant.webhook, "Do I need consent to share information about suspected FGM?")
    assert answer["escalate"] and "section 47" in text
    assert "you do not need consent" in text and "report known cases of FGM in under 18-year-olds to the police" in text
    assert "Mandatory reporting of female genital mutilation" in text


def test_a_neighbour_in_norfolk_gets_the_public_route(assistant):
    answer, text = _quick(assistant.webhook, "I'm a neighbour in Norfolk, who should I phone?")
    assert answer["area"] == "norfolk" and "0344 800 8020" in text


# --- item 9 ---------------------------------------------------------------------------------------------------

QUESTIONS = {t.question: t.id for t in rehearsal.TOPICS}


def _last_question(messages: List[Dict[str, Any]]) -> str:
    return [m.get("text") for m in messages if m.get("text")][-1]


def test_rehearsal_judges_the_call_it_heard(assistant):
    sender = _sender()
    first = post(assistant.webhook, sender, "Practise my call to the MASH")
    assert "didn't recognise" not in _text(first) and "front door" in _text(first)
    opening = post(assistant.webhook, sender, "Corby")
    assert QUESTIONS.get(_last_question(opening)) == "referrer", _text(opening)
    probe = post(assistant.webhook, sender, "a 7 year old boy")
    assert "That doesn't give me your name, role and agency" in _text(probe)
    messages = post(assistant.webhook, sender, "he's 7")
    escalations = 0
    for _ in range(25):
        if "How that call to" in _text(messages):
            break
        topic = QUESTIONS.get(_last_question(messages))
        reply = {"concern": "He has a bruise on his cheek and said his dad hit him.",
                 "development": "I think mum is neglecting him.",
                 "family_views": "Mum says dad hit him and that is where the bruise on his cheek came from."
                 }.get(topic or "", "don't know")
        messages = post(assistant.webhook, sender, reply)
        escalations += _text(messages).count("no longer practice")
        assert NOT_MOBILE_LABEL not in _text(messages)  # the age said while rehearsing was read
    else:
        raise AssertionError("no feedback")
    assert escalations == 1  # once, not again on every later answer
    feedback = [m["custom"] for m in messages if isinstance(m.get("custom"), dict)
                and m["custom"].get("type") == "rehearsal_feedback"][0]
    assert feedback["verdict"] != "ready" and feedback["verdict"] == "not ready"
    assert "your name, role and agency" in feedback["missing"]
    assert any("I think mum is neglecting him" in words for _, words in feedback["opinion"])
