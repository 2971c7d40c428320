"""A worry about a child, or a role, is never out of scope: those actions start the assessment (issue 13.3)."""

from __future__ import annotations

import asyncio

import pytest

from actions.escalation import ActionDefaultFallback, ActionNotUnderstood


def run(action, dispatcher, tracker, domain):
    return asyncio.run(action.run(dispatcher, tracker, domain))


@pytest.mark.parametrize("text", ["Hi, I'm a dinner lady and I'm worried about a child", "I'm a TA",
                                  "my neighbour's kids are left on their own all night"])
def test_a_worry_or_a_role_starts_the_assessment(text, dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text=text, active_loop=None)
    for action in (ActionNotUnderstood(), ActionDefaultFallback()):
        assert run(action, dispatcher, tracker, domain) == [{"event": "followup", "name": "assessment_form",
                                                              "timestamp": None}]
    assert dispatcher.messages == []


def test_anything_else_gets_the_usual_answer(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="what's the weather like tomorrow", active_loop=None)
    assert run(ActionNotUnderstood(), dispatcher, tracker, domain) == []  # the rule's own answer follows
    events = run(ActionDefaultFallback(), dispatcher, tracker, domain)
    assert [e["event"] for e in events] == ["rewind"] and dispatcher.messages[0]["response"] == "utter_default"


def test_mid_assessment_the_form_carries_on_without_a_second_start(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="I'm a TA", requested_slot="triage_role")
    assert run(ActionNotUnderstood(), dispatcher, tracker, domain) == []
