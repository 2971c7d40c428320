"""The quick-query action: thin, remembers the area, asks for it once, and hands a running form back intact."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

import pytest

from actions.quick_query import ActionQuickQuery
from bot.engine.advice import DISCLAIMER

ACTION = ActionQuickQuery()


def run(dispatcher, tracker, domain) -> List[Dict[str, Any]]:
    return asyncio.run(ACTION.run(dispatcher, tracker, domain))


def slots_of(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def test_answers_with_area_source_and_disclaimer_and_remembers_the_area(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="What's the MASH number in Northamptonshire?", intent="quick_question",
                              active_loop=None)
    events = slots_of(run(dispatcher, tracker, domain))
    text = dispatcher.messages[0]["text"]
    assert text.startswith("Northamptonshire:") and "0300 126 7000" in text
    assert "Source: " in text and text.endswith(DISCLAIMER)
    payload = dispatcher.messages[1]["custom"]
    assert payload["type"] == "quick_answer" and payload["area"] == "northamptonshire" and payload["sources"]
    assert events["query_area"] == "Northamptonshire"
    assert events["query_awaiting_area"] is False


def test_unknown_area_is_asked_for_once_and_the_question_held(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="what's the MASH number", intent="quick_question", active_loop=None)
    events = slots_of(run(dispatcher, tracker, domain))
    assert "Which area is the child in?" in dispatcher.messages[0]["text"]
    assert events == {"query_pending": "what's the MASH number", "query_awaiting_area": True}


def test_the_area_reply_answers_the_held_question(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="Corby", intent="inform_area", active_loop=None,
                              slots={"query_pending": "what's the MASH number", "query_awaiting_area": True})
    events = slots_of(run(dispatcher, tracker, domain))
    assert "0300 126 7000" in dispatcher.messages[0]["text"]
    assert events["query_area"] == "Northamptonshire" and events["query_awaiting_area"] is False
    assert events["query_pending"] is None


def test_remembered_and_assessment_areas_are_used(dispatcher, tracker_factory, domain):
    remembered = tracker_factory(text="CADS hours?", intent="quick_question", active_loop=None,
                                 slots={"query_area": "Norfolk"})
    run(dispatcher, remembered, domain)
    assert dispatcher.messages[0]["text"].startswith("Norfolk:")
    from_form = tracker_factory(text="when is the MASH open", intent="quick_question", active_loop=None,
                                slots={"triage_area": "Bulwell"})
    run(dispatcher, from_form, domain)
    assert dispatcher.messages[2]["text"].startswith("Nottingham City:")


def test_mid_form_the_question_is_not_taken_as_the_answer(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="do I need consent to refer to the mash", intent="quick_question",
                              requested_slot="child_age", slots={"triage_area": "Norwich",
                                                                 "child_age": "do I need consent to refer"})
    events = slots_of(run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["text"].startswith("Norfolk:")
    assert events["child_age"] is None and events["requested_slot"] is None
    assert "triage_area" not in events and "sos_worried" not in events


def test_mid_form_a_red_flag_question_is_kept_as_a_worry(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="is a bruise on a 3 month old a section 47", intent="quick_question",
                              requested_slot="sos_working_well",
                              slots={"triage_area": "Bedford", "sos_worried": "Mum seems low."})
    events = slots_of(run(dispatcher, tracker, domain))
    assert "section 47 red flag" in dispatcher.messages[0]["text"].split("\n")[0]
    assert events["escalation_given"] is True
    assert "bruise on a 3 month old" in events["sos_worried"] and events["sos_worried"].startswith("Mum seems low.")


def test_mid_form_without_area_asks_to_name_it_in_the_question(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="what's the MASH number", intent="quick_question",
                              requested_slot="triage_danger_now")
    events = slots_of(run(dispatcher, tracker, domain))
    assert "Ask me again with the area" in dispatcher.messages[0]["text"]
    assert events["query_awaiting_area"] is False and events["requested_slot"] is None


def test_domain_declares_the_action_intent_and_slots(domain):
    assert "action_quick_query" in domain["actions"] and "quick_question" in domain["intents"]
    for slot in ("query_area", "query_pending", "query_awaiting_area"):
        assert slot in domain["slots"]


def test_form_free_text_answers_are_kept_even_when_worded_as_a_quick_question(tracker_factory):
    """Free-text answers are the user's words about the child: kept whatever the classifier thinks."""
    from actions.assessment_form import ValidateAssessmentForm

    form = ValidateAssessmentForm()
    text = "Who do I report this to? I don't want the dad finding out it came from us"
    tracker = tracker_factory(text=text, intent="quick_question", requested_slot="sos_needs")
    assert form._free_text("sos_needs", tracker) == {"sos_needs": text}


def test_quick_question_needs_intent_question_form_and_topic():
    from bot.features.quick_query import is_quick_question

    assert is_quick_question("Do I need consent to call CADS?", "quick_question")
    assert not is_quick_question("Do I need consent to call CADS?", "start_assessment")
    assert not is_quick_question("mum refused and dad shouted at me", "quick_question")
    assert not is_quick_question("what is the weather like?", "quick_question")


def test_domain_mappings_leave_quick_questions_out_of_the_form(domain):
    """Every from_text/from_entity mapping of the assessment form ignores the quick_question intent."""
    for name, slot in domain["slots"].items():
        for mapping in slot.get("mappings", []):
            conditions = mapping.get("conditions") or []
            if mapping["type"] in ("from_text", "from_entity") and any(
                    c.get("active_loop") == "assessment_form" for c in conditions):
                assert "quick_question" in mapping.get("not_intent", []), name


def test_an_age_answer_the_classifier_called_a_quick_question_fills_the_age(dispatcher, tracker_factory, domain):
    """Issue 13.8 trap: "unborn (26 weeks), sibling 3" in answer to "how old?" is the age, not a quick question."""
    tracker = tracker_factory(text="unborn (26 weeks), sibling 3", intent="quick_question",
                              requested_slot="child_age", slots={"triage_area": "Corby"})
    events = slots_of(run(dispatcher, tracker, domain))
    assert events["child_age"] and "26 weeks" in events["child_age"]
    assert "requested_slot" not in events and not dispatcher.messages


@pytest.mark.parametrize("text, area", [("Caister-on-Sea", "Caister"), ("caister on sea", "Caister")])
def test_a_place_the_classifier_called_a_quick_question_fills_the_area(dispatcher, tracker_factory, domain, text,
                                                                       area):
    """A CI parity conversation stuck on "Caister-on-Sea" (set N): the classifier read the place as a question, and
    the form asked for the town again. A place that asks nothing, in answer to "which town?", is the area."""
    tracker = tracker_factory(text=text, intent="quick_question", requested_slot="triage_area")
    events = slots_of(run(dispatcher, tracker, domain))
    assert events["triage_area"] and area.lower() in events["triage_area"].lower()
    assert "requested_slot" not in events and not dispatcher.messages


def test_a_place_outside_our_areas_said_as_the_answer_gets_the_national_route(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="Leeds", intent="quick_question", requested_slot="triage_area")
    events = slots_of(run(dispatcher, tracker, domain))
    assert events["triage_area"] == "out_of_area"
    assert "0808 800 5000" in " ".join(m.get("text") or "" for m in dispatcher.messages)
