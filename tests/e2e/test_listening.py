"""The issue's transcripts over REST (issue 13.1-3): use what was said, escalate at once, never get stuck."""

from __future__ import annotations

import uuid
from typing import Any, Dict, List

import pytest

from tests.e2e.driver import advice_payload, answer_for, post, which_question

pytestmark = pytest.mark.e2e

CORBY = ("one of my year 5s came in with a black eye and said his mum's boyfriend did it. what do i do? "
         "we're in corby")


def _text(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def _finish(webhook: str, sender: str, messages: List[Dict[str, Any]], case: Dict[str, Any]) -> List[str]:
    """Answer whatever is asked until the advice; return the slots asked, in order."""
    asked: List[str] = []
    for _ in range(25):
        if advice_payload(messages):
            return asked
        slot = which_question(messages)
        assert slot is not None, _text(messages)
        asked.append(slot)
        assert asked.count(slot) <= 2, f"{slot} asked more than twice: {asked}"
        messages = post(webhook, sender, answer_for(slot, case))
    raise AssertionError(f"no advice; asked {asked}")


def test_the_corby_opening_escalates_in_the_first_reply_and_never_asks_for_the_town(assistant):
    sender = f"e2e-{uuid.uuid4().hex}"
    first = post(assistant.webhook, sender, CORBY)
    text = _text(first)
    assert "section 47" in text and "0300 126 7000" in text and "today" in text
    assert "Corby, so Northamptonshire" in text and "9-year-old" in text
    assert text.index("section 47") < text.index("I've taken")  # the escalation comes first
    case = {"area": "Corby", "age": "9", "role": "professional", "worried": CORBY, "scale": 3}
    asked = [which_question(first)] + _finish(assistant.webhook, sender, post(
        assistant.webhook, sender, answer_for(which_question(first), case)), case)
    assert "triage_area" not in asked and "triage_role" not in asked and "child_age" not in asked
    assert "sos_worried" not in asked  # the opening's worry was kept


def test_a_dinner_lady_is_in_scope_and_a_no_does_not_end_the_chat(assistant):
    sender = f"e2e-{uuid.uuid4().hex}"
    first = post(assistant.webhook, sender, "Hi, I'm a dinner lady and I'm worried about a child")
    text = _text(first)
    assert "I can only help with" not in text and "dinner lady" in text
    assert which_question(first) == "triage_danger_now"
    second = post(assistant.webhook, sender, "no")
    assert which_question(second) == "triage_area", _text(second)
    third = post(assistant.webhook, sender, "Norwich")
    assert which_question(third) == "child_age", _text(third)  # the role was taken from the opening


def test_leeds_gets_the_out_of_area_answer_once(assistant):
    sender = f"e2e-{uuid.uuid4().hex}"
    post(assistant.webhook, sender, "I'm worried about a child")
    post(assistant.webhook, sender, "no")
    reply = post(assistant.webhook, sender, "Leeds")
    text = _text(reply)
    assert text.count("I don't hold guidance for Leeds") == 1 and "0808 800 5000" in text and "999" in text
    assert "didn't recognise" not in text
    assert which_question(reply) != "triage_area"


def test_a_college_tutor_is_a_professional(assistant):
    sender = f"e2e-{uuid.uuid4().hex}"
    post(assistant.webhook, sender, "I'm worried about a child")
    post(assistant.webhook, sender, "no")
    asked = post(assistant.webhook, sender, "Bedford")
    assert which_question(asked) == "triage_role"
    reply = post(assistant.webhook, sender, "I'm a college tutor")
    assert "didn't catch" not in _text(reply) and which_question(reply) == "child_age"


def test_an_unknown_place_is_asked_twice_then_the_safe_default_is_taken(assistant):
    sender = f"e2e-{uuid.uuid4().hex}"
    post(assistant.webhook, sender, "I'm worried about a child")
    post(assistant.webhook, sender, "no")
    once = post(assistant.webhook, sender, "Narnia")
    assert which_question(once) == "triage_area" and "didn't recognise" in _text(once)
    twice = post(assistant.webhook, sender, "Atlantis")
    text = _text(twice)
    assert "route that works anywhere in the UK" in text and "0808 800 5000" in text
    assert "didn't recognise" not in text


@pytest.mark.parametrize("opening", ["I'm a college tutor", "I'm a TA", "I'm a PCSO and I'm worried about a girl"])
def test_an_opening_that_says_who_you_are_starts_the_assessment(assistant, opening):
    sender = f"e2e-{uuid.uuid4().hex}"
    reply = post(assistant.webhook, sender, opening)
    text = _text(reply)
    assert "didn't follow" not in text and "I can only help with" not in text, text
    assert which_question(reply) == "triage_danger_now" and "(so a professional)" in text


def test_a_message_about_something_else_is_still_out_of_scope(assistant):
    reply = post(assistant.webhook, f"e2e-{uuid.uuid4().hex}", "what's the weather like in Norwich tomorrow")
    assert which_question(reply) is None and "999" in _text(reply)
