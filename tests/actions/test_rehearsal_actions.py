"""The rehearsal form's actions: thin over bot.features.rehearsal, escalation still works, stop leaves cleanly."""

from __future__ import annotations

import asyncio

from rasa_sdk.events import ActiveLoop, SlotSet

from actions import rehearsal as acts
from actions.rehearsal import ASK_AREA, CANCELLED, DONE
from bot.features import rehearsal

FORM = acts.ValidateRehearsalForm()
SUMMARY = {"area": "norfolk", "level": 4, "route": "cads", "s47": True, "indicators": []}


def run(action, dispatcher, tracker, domain):
    return asyncio.run(action.run(dispatcher, tracker, domain))


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def validate(dispatcher, tracker, domain):
    return asyncio.run(FORM.validate_rehearsal_answer(tracker.latest_message["text"], dispatcher, tracker, domain))


def test_start_with_a_known_area_uses_the_assessment(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(slots={"triage_area": "King's Lynn", "advice_summary": SUMMARY,
                                     "sos_worried": "She told me mum's boyfriend slapped her.",
                                     "consent_parents_know": True, "consent_status": "given"}, active_loop=None)
    state = slot_events(run(acts.ActionStartRehearsal(), dispatcher, tracker, domain))["rehearsal_state"]
    assert state["area"] == "norfolk" and "concern" in state["prefilled"]
    assert "From your assessment I already have" in dispatcher.messages[0]["text"]


def test_start_without_an_area_asks_for_it(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(active_loop=None)
    assert slot_events(run(acts.ActionStartRehearsal(), dispatcher, tracker, domain)) == {"rehearsal_state": None,
                                                                                     "rehearsal_answer": None}
    run(acts.ActionAskRehearsalAnswer(), dispatcher, tracker, domain)
    assert dispatcher.messages[-1]["text"] == ASK_AREA


def test_area_answer_starts_the_rehearsal(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="Bedford", requested_slot="rehearsal_answer", active_loop="rehearsal_form")
    result = validate(dispatcher, tracker, domain)
    assert result["rehearsal_state"]["area"] == "bedford_borough" and result["rehearsal_answer"] is None
    assert result["query_area"] == "Bedford Borough"  # remembered: "rehearse again" won't ask again
    again = tracker_factory(slots={"query_area": "Bedford Borough"}, active_loop=None)
    events = slot_events(asyncio.run(acts.ActionStartRehearsal().run(dispatcher, again, domain)))
    assert events["rehearsal_state"]["area"] == "bedford_borough"
    assert "Bedford Borough" in dispatcher.messages[0]["text"]


def test_area_not_covered_ends_the_rehearsal_with_the_fallback(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="Mansfield", requested_slot="rehearsal_answer", active_loop="rehearsal_form")
    result = validate(dispatcher, tracker, domain)
    assert result == {"rehearsal_state": None, "rehearsal_answer": CANCELLED}
    assert "0808 800 5000" in dispatcher.messages[0]["text"]


def test_an_unknown_area_is_asked_twice_then_the_rehearsal_stops_with_the_national_route(dispatcher, tracker_factory,
                                                                                        domain):
    once = validate(dispatcher, tracker_factory(text="Narnia", requested_slot="rehearsal_answer",
                                                active_loop="rehearsal_form"), domain)
    assert once["rehearsal_answer"] is None and once["question_failures"] == {"rehearsal_area": 1}
    twice = validate(dispatcher, tracker_factory(slots={"question_failures": once["question_failures"]},
                                                 text="Atlantis", requested_slot="rehearsal_answer",
                                                 active_loop="rehearsal_form"), domain)
    assert twice["rehearsal_answer"] == CANCELLED and twice["rehearsal_state"] is None
    assert "0808 800 5000" in dispatcher.messages[-1]["text"]


def test_answers_are_kept_until_the_last_question(dispatcher, tracker_factory, domain):
    state = rehearsal.start("norfolk")
    tracker = tracker_factory(slots={"rehearsal_state": state}, text="Sam, aged 9, Year 4 at Oakfield Primary.",
                              requested_slot="rehearsal_answer", active_loop="rehearsal_form")
    result = validate(dispatcher, tracker, domain)
    assert result["rehearsal_answer"] is None and result["rehearsal_state"]["index"] == 1
    ask = tracker_factory(slots={"rehearsal_state": result["rehearsal_state"]}, active_loop="rehearsal_form")
    run(acts.ActionAskRehearsalAnswer(), dispatcher, ask, domain)
    assert dispatcher.messages[-1]["text"].startswith("Who's in the family?")
    last = {**state, "index": len(state["order"]) - 1}
    tracker = tracker_factory(slots={"rehearsal_state": last}, text="Yes, I told mum this morning.",
                              requested_slot="rehearsal_answer", active_loop="rehearsal_form")
    assert validate(dispatcher, tracker, domain)["rehearsal_answer"] == DONE


def test_a_red_flag_during_rehearsal_escalates(dispatcher, tracker_factory, domain):
    state = rehearsal.start("norfolk")
    tracker = tracker_factory(slots={"rehearsal_state": state, "child_age": "4 months", "child_mobile": False},
                              text="Actually the baby has a bruise on her cheek that mum can't explain.",
                              requested_slot="rehearsal_answer", active_loop="rehearsal_form")
    result = validate(dispatcher, tracker, domain)
    assert result["escalation_given"] is True
    text = dispatcher.messages[0]["text"]
    assert "section 47" in text and ("CADS" in text or "Children's Advice and Duty Service" in text)


def test_commands_are_not_answers(dispatcher, tracker_factory, domain):
    for text, intent in (("stop", "stop_conversation"), ("/show_record", "show_record")):
        tracker = tracker_factory(text=text, intent=intent, requested_slot="rehearsal_answer",
                                  active_loop="rehearsal_form")
        assert asyncio.run(FORM.extract_rehearsal_answer(dispatcher, tracker, domain)) == {}
    long = tracker_factory(text="I told him to stop hitting his sister", intent="stop_conversation",
                           requested_slot="rehearsal_answer", active_loop="rehearsal_form")
    assert asyncio.run(FORM.extract_rehearsal_answer(dispatcher, long, domain)) == {
        "rehearsal_answer": "I told him to stop hitting his sister"}


def test_feedback_is_sent_with_its_payload_and_state_cleared(dispatcher, tracker_factory, domain):
    state = rehearsal.start("nottingham_city")
    while not state["done"]:
        state, _ = rehearsal.answer(state, "I don't know")
    tracker = tracker_factory(slots={"rehearsal_state": state}, active_loop=None)
    events = slot_events(run(acts.ActionRehearsalFeedback(), dispatcher, tracker, domain))
    assert events == {"rehearsal_state": None, "rehearsal_answer": None}
    assert "Not ready yet" in dispatcher.messages[0]["text"]
    payload = dispatcher.messages[1]["custom"]
    assert payload["type"] == "rehearsal_feedback" and payload["verdict"] == "not ready"
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["/rehearse_call", "/start_again"]


def test_stop_leaves_the_rehearsal_but_keeps_the_assessment(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(slots={"rehearsal_state": rehearsal.start("norfolk"), "advice_summary": SUMMARY,
                                     "sos_worried": "kept"}, active_loop="rehearsal_form")
    events = run(acts.ActionStopRehearsal(), dispatcher, tracker, domain)
    assert ActiveLoop(None) in events and SlotSet("rehearsal_state", None) in events
    assert not any(e.get("name") == "sos_worried" for e in events)
    assert "/show_record" in [b["payload"] for b in dispatcher.messages[0]["buttons"]]


# --- issue 13.9 -------------------------------------------------------------------------------------------------

def _rehearsing(tracker_factory, text, state, slots=None):
    return tracker_factory(text=text, requested_slot="rehearsal_answer", active_loop="rehearsal_form",
                           slots={"rehearsal_state": state, **(slots or {})})


def test_facts_said_while_rehearsing_feed_the_case(dispatcher, tracker_factory, domain):
    """"a 7 year old boy" fills the age, so a bruise said later is not "a baby who is not yet mobile"."""
    state = rehearsal.start("northamptonshire")
    result = validate(dispatcher, _rehearsing(tracker_factory, "a 7 year old boy", state), domain)
    assert result["child_age"] and "7" in result["child_age"]
    later = _rehearsing(tracker_factory, "He has a bruise on his cheek and said dad hit him", result["rehearsal_state"],
                        {"child_age": result["child_age"]})
    validate(dispatcher, later, domain)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "not yet mobile" not in said and "section 47" in said


def test_a_red_flag_escalates_once_not_on_every_later_answer(dispatcher, tracker_factory, domain):
    state = rehearsal.start("norfolk")
    first = validate(dispatcher, _rehearsing(tracker_factory, "He is 9 and said dad hit him with a belt", state,
                                             {"child_age": "9"}), domain)
    assert first.get("escalation_given") and first["rehearsal_state"]["escalated"]
    count = sum("section 47" in (m.get("text") or "") for m in dispatcher.messages)
    assert count == 1
    slots = {"child_age": "9", "sos_worried": first.get("sos_worried"), "escalation_given": True}
    again = validate(dispatcher, _rehearsing(tracker_factory, "dad hit him with a belt again last night",
                                             first["rehearsal_state"], slots), domain)
    assert sum("section 47" in (m.get("text") or "") for m in dispatcher.messages) == count
    assert "escalation_given" not in again


def test_practise_my_call_to_the_mash_asks_which_area_not_that_it_is_unrecognised(dispatcher, tracker_factory,
                                                                                   domain):
    tracker = tracker_factory(text="Practise my call to the MASH", requested_slot="rehearsal_answer",
                              active_loop="rehearsal_form")
    result = validate(dispatcher, tracker, domain)
    assert dispatcher.messages[-1]["text"] == ASK_AREA
    assert "didn't recognise" not in dispatcher.messages[-1]["text"] and "question_failures" not in result


def test_a_place_in_the_request_starts_the_rehearsal_there(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="practise my call to the MASH in Bedford", active_loop=None)
    events = slot_events(run(acts.ActionStartRehearsal(), dispatcher, tracker, domain))
    assert events["rehearsal_state"]["area"] == "bedford_borough"


def test_cads_answers_which_front_door(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="CADS", requested_slot="rehearsal_answer", active_loop="rehearsal_form")
    assert validate(dispatcher, tracker, domain)["rehearsal_state"]["area"] == "norfolk"


def test_the_request_that_starts_a_rehearsal_is_never_an_answer(dispatcher, tracker_factory, domain):
    for text in ("Practise my call to the MASH", "rehearse the call"):
        tracker = tracker_factory(text=text, intent="rehearse_call", requested_slot="rehearsal_answer",
                                  active_loop="rehearsal_form",
                                  slots={"rehearsal_state": rehearsal.start("northamptonshire")})
        assert asyncio.run(FORM.extract_rehearsal_answer(dispatcher, tracker, domain)) == {}


def test_a_reset_slot_is_not_validated_as_an_answer(dispatcher, tracker_factory, domain):
    """rasa-sdk validates rehearsal_answer after ActionStartRehearsal resets it: the triggering request
    ("Practise my call to the MASH") must not be read as the area or as the first answer."""
    tracker = tracker_factory(text="Practise my call to the MASH", intent="rehearse_call",
                              requested_slot=None, active_loop="rehearsal_form")
    assert asyncio.run(FORM.validate_rehearsal_answer(None, dispatcher, tracker, domain)) == {}
    assert not dispatcher.messages
