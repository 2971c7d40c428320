"""Issue 13.4-5 in the form, with fake trackers: which follow-up questions are asked and what the answers do,
and earlier concerns asked once before the scale (or not at all when already said)."""

from __future__ import annotations

import asyncio

from actions.assessment_form import ValidateAssessmentForm, _plan_followup
from actions.questions import AskSosFollowup
from bot.engine.assess import assess, get_engine
from bot.features.conversation import HISTORY_MORE, case_from_slots
from bot.features.followup import UNREAD, plan
from bot.features.listening import SAFE_DEFAULTS, fill_from_reading
from bot.language.reading import read_message

FORM = ValidateAssessmentForm()
SMACK = {"triage_danger_now": False, "triage_area": "Corby", "triage_role": "professional", "child_age": "7",
         "sos_worried": "His dad smacked him on Saturday because he was cheeky.", "sos_more": "done",
         "sos_working_well": "nothing stated", "sos_needs": "nothing stated", "sos_history": "no", "sos_scale": 5.0}


def _validate(slot, dispatcher, tracker, domain):
    return getattr(FORM, f"validate_{slot}")(tracker.latest_message["text"], dispatcher, tracker, domain)


def _planned(slots):
    return plan(case_from_slots(slots))


def test_once_the_scale_is_known_up_to_three_level_changing_questions_are_planned(tracker_factory):
    events = _plan_followup(tracker_factory(slots=SMACK), [])
    state = events[0]["value"]
    assert [p["fact"] for p in state["pending"]] == ["mark", "implement", "head_face"]
    assert len(events) == 1  # sos_followup stays empty: the form asks


def test_a_red_flag_already_known_asks_nothing_more(tracker_factory):
    slots = {**SMACK, "sos_worried": "He has a bruise on his leg and said he fell over."}
    assert assess(case_from_slots(slots)).s47
    events = _plan_followup(tracker_factory(slots=slots), [])
    assert events[0]["value"]["pending"] == [] and events[1]["name"] == "sos_followup"
    assert events[1]["value"] == "none"


def test_history_comes_before_the_scale_and_followup_after_it(dispatcher, tracker_factory, domain):
    required = list(domain["forms"]["assessment_form"]["required_slots"])
    assert required.index("sos_history") < required.index("sos_scale") < required.index("sos_followup") \
        < required.index("review_confirmed")
    done = tracker_factory(slots={**SMACK, "followup_state": {"pending": [], "asked": [], "answers": []}})
    assert "sos_followup" not in asyncio.run(FORM.required_slots(required, dispatcher, done, domain))


def test_the_question_is_asked_short_with_yes_no_not_sure(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(slots={**SMACK, "followup_state": _planned(SMACK)})
    asyncio.run(AskSosFollowup().run(dispatcher, tracker, domain))
    message = dispatcher.messages[0]
    assert message["text"].startswith("Up to three quick questions") and "leave a mark" in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["yes", "no", "not sure"]


def test_a_yes_that_makes_it_a_red_flag_escalates_at_once(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(slots={**SMACK, "followup_state": _planned(SMACK)}, text="yes, on his arm",
                              intent="affirm", requested_slot="sos_followup")
    out = _validate("sos_followup", dispatcher, tracker, domain)
    assert out["followup_state"]["answers"][0]["answer"] == "yes"
    assert out["sos_followup"] == "done" and out["escalation_given"] is True  # section 47: nothing more to ask
    assert "section 47" in dispatcher.messages[0]["text"] and "today" in dispatcher.messages[0]["text"]
    assert assess(case_from_slots({**SMACK, "followup_state": out["followup_state"]})).s47


def test_a_no_keeps_the_level_and_the_next_question_follows(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(slots={**SMACK, "followup_state": _planned(SMACK)}, text="no", intent="deny",
                              requested_slot="sos_followup")
    out = _validate("sos_followup", dispatcher, tracker, domain)
    assert out["sos_followup"] is None and dispatcher.messages == []
    state = out["followup_state"]
    assert state["answers"][0]["answer"] == "no" and state["pending"][0]["fact"] == "implement"
    assert assess(case_from_slots({**SMACK, "followup_state": state})).level == assess(case_from_slots(SMACK)).level


def test_not_sure_is_kept_and_never_lowers(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(slots={**SMACK, "followup_state": _planned(SMACK)}, text="not sure",
                              intent="not_sure", requested_slot="sos_followup")
    state = _validate("sos_followup", dispatcher, tracker, domain)["followup_state"]
    assert state["answers"][0]["answer"] == "unsure"
    assert assess(case_from_slots({**SMACK, "followup_state": state})).level >= assess(case_from_slots(SMACK)).level


def test_an_unreadable_answer_is_asked_once_more_then_taken_as_not_sure(dispatcher, tracker_factory, domain):
    state = _planned(SMACK)
    first = _validate("sos_followup", dispatcher, tracker_factory(
        slots={**SMACK, "followup_state": state}, text="what?", requested_slot="sos_followup"), domain)
    assert first["sos_followup"] is None and "followup_state" not in first
    assert dispatcher.messages[-1]["text"].startswith(UNREAD)
    second = _validate("sos_followup", dispatcher, tracker_factory(
        slots={**SMACK, "followup_state": state, "question_failures": first["question_failures"]}, text="eh",
        requested_slot="sos_followup"), domain)
    assert dispatcher.messages[-1]["text"] == SAFE_DEFAULTS["sos_followup"][1]
    assert second["followup_state"]["answers"][0]["answer"] == "unsure"
    assert "sos_followup" not in second["question_failures"]  # the next question gets its own two tries


def test_a_possible_red_flag_is_confirmed_with_one_direct_question(dispatcher, tracker_factory, domain):
    slots = {**SMACK, "sos_worried": "He seems withdrawn and quiet in class lately."}
    item = next(i for i in get_engine().areas["northamptonshire"].indicators if i.s47)
    state = {"pending": [{"key": f"possible:{item.id}", "question": "Could this be it?", "fact": "",
                          "indicator": item.id, "concept": ""}], "asked": [], "answers": []}
    tracker = tracker_factory(slots={**slots, "followup_state": state}, text="yes", intent="affirm",
                              requested_slot="sos_followup")
    out = _validate("sos_followup", dispatcher, tracker, domain)
    assert out["followup_state"]["answers"][0]["indicator"] == item.id
    assert out.get("escalation_given") is True and "section 47" in dispatcher.messages[0]["text"]


def test_earlier_concerns_are_asked_once_and_a_bare_yes_gets_one_what_about(dispatcher, tracker_factory, domain):
    no = tracker_factory(slots=SMACK, text="no", intent="deny", requested_slot="sos_history")
    assert _validate("sos_history", dispatcher, no, domain) == {"sos_history": "no"}
    yes = tracker_factory(slots=SMACK, text="yes", intent="affirm", requested_slot="sos_history")
    first = _validate("sos_history", dispatcher, yes, domain)
    assert first["sos_history"] is None and dispatcher.messages[-1]["text"] == HISTORY_MORE
    more = tracker_factory(slots={**SMACK, "question_failures": first["question_failures"]},
                           text="neglect, referred last spring", requested_slot="sos_history")
    assert _validate("sos_history", dispatcher, more, domain) == {"sos_history": "Yes. neglect, referred last spring"}
    again = tracker_factory(slots={**SMACK, "question_failures": first["question_failures"]}, text="yes",
                            intent="affirm", requested_slot="sos_history")
    assert _validate("sos_history", dispatcher, again, domain)["sos_history"] == "yes (no details given)"


def test_earlier_concerns_already_said_are_not_asked_and_reach_the_case():
    text = "He's hungry most days and was referred last year for the same thing."
    fill = fill_from_reading(read_message(text, "sos_worried"), {"sos_worried": text}, "sos_worried")
    assert "referred last year" in fill.slots["sos_history"]
    # said among the worries, it stays there (the CLI given the same worries reads the same case)
    assert case_from_slots({"sos_worried": text, "sos_history": fill.slots["sos_history"]}).history == ""
    assert "referred" in case_from_slots({"sos_worried": "He's hungry.", "sos_history": "referred in May"}).history
    asked = fill_from_reading(read_message(text, "sos_history"), {}, "sos_history")
    assert "sos_history" not in asked.slots  # the answer to the question itself is the validator's
