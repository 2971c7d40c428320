"""The form's validation: bad answers are re-asked with a clear message, nothing the user said is lost."""

from __future__ import annotations

import asyncio

import pytest

from actions.assessment_form import DANGER_ONLY, ValidateAssessmentForm
from bot.features.conversation import OUT_OF_AREA

FORM = ValidateAssessmentForm()


def run(method, dispatcher, tracker, domain):
    return getattr(FORM, method)(tracker.latest_message["text"], dispatcher, tracker, domain)


@pytest.mark.parametrize("text, expected", [("7", 7.0), ("seven", 7.0), ("about a 3", 3.0), ("7/10", 7.0)])
def test_scale_accepts_what_people_type(text, expected, dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text=text, requested_slot="sos_scale")
    assert run("validate_sos_scale", dispatcher, tracker, domain) == {"sos_scale": expected}
    assert dispatcher.messages == []


@pytest.mark.parametrize("text", ["11", "-2", "very"])
def test_scale_out_of_range_is_reasked(text, dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text=text, requested_slot="sos_scale")
    assert run("validate_sos_scale", dispatcher, tracker, domain) == {"sos_scale": None,
                                                                      "question_failures": {"sos_scale": 1}}
    assert "0 to 10" in dispatcher.messages[0]["text"]


def test_age_is_kept_as_typed_and_bad_age_reasked(dispatcher, tracker_factory, domain):
    good = tracker_factory(text="4 months", requested_slot="child_age")
    assert run("validate_child_age", dispatcher, good, domain) == {"child_age": "4 months"}
    bad = tracker_factory(text="old enough", requested_slot="child_age")
    assert run("validate_child_age", dispatcher, bad, domain)["child_age"] is None
    assert "age" in dispatcher.messages[-1]["text"]


def test_area_resolves_towns_and_explains_unknown_places(dispatcher, tracker_factory, domain):
    town = tracker_factory(text="we're in King's Lynn", requested_slot="triage_area")
    assert run("validate_triage_area", dispatcher, town, domain) == {"triage_area": "Kings Lynn"}
    unknown = tracker_factory(text="Narnia", requested_slot="triage_area")
    assert run("validate_triage_area", dispatcher, unknown, domain)["triage_area"] is None
    assert "Northamptonshire" in dispatcher.messages[-1]["text"]


def test_area_not_covered_gives_the_national_fallback(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="Mansfield", requested_slot="triage_area")
    assert run("validate_triage_area", dispatcher, tracker, domain) == {"triage_area": OUT_OF_AREA}
    assert "0808 800 5000" in dispatcher.messages[-1]["text"]


def test_danger_yes_says_999_and_shortens_the_form(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="yes", intent="affirm", requested_slot="triage_danger_now")
    assert run("validate_triage_danger_now", dispatcher, tracker, domain) == {"triage_danger_now": True}
    assert "999" in dispatcher.messages[0]["text"]
    after = tracker_factory(slots={"triage_danger_now": True})
    slots = asyncio.run(FORM.required_slots(list(domain["forms"]["assessment_form"]["required_slots"]),
                                            dispatcher, after, domain))
    assert slots == DANGER_ONLY


def test_unsure_about_danger_is_treated_as_danger(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="not sure", intent="not_sure", requested_slot="triage_danger_now")
    assert run("validate_triage_danger_now", dispatcher, tracker, domain) == {"triage_danger_now": True}


def test_babies_get_the_mobility_question_older_children_do_not(dispatcher, tracker_factory, domain):
    required = list(domain["forms"]["assessment_form"]["required_slots"])
    baby = tracker_factory(slots={"child_age": "3 months", "triage_danger_now": False})
    child = tracker_factory(slots={"child_age": "7", "triage_danger_now": False})
    assert "child_mobile" in asyncio.run(FORM.required_slots(required, dispatcher, baby, domain))
    assert "child_mobile" not in asyncio.run(FORM.required_slots(required, dispatcher, child, domain))


def test_more_worries_are_appended_not_lost(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(slots={"sos_worried": "He is often hungry."}, text="His mum seems very low.",
                              requested_slot="sos_more")
    result = run("validate_sos_more", dispatcher, tracker, domain)
    assert result["sos_more"] is None
    assert result["sos_worried"] == "He is often hungry. His mum seems very low."


def test_done_adding_finishes_the_worries(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="no that's everything", intent="done_adding", requested_slot="sos_more")
    assert run("validate_sos_more", dispatcher, tracker, domain) == {"sos_more": "done"}


def test_review_correction_is_kept_and_reasked(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="Actually there were no bruises, I was wrong about that",
                              requested_slot="review_confirmed")
    result = run("validate_review_confirmed", dispatcher, tracker, domain)
    assert result["review_confirmed"] is None
    assert "no bruises" in result["sos_corrections"]


@pytest.mark.parametrize("text, intent, status", [
    ("they agreed", "", "given"), ("they refused", "", "refused"), ("not asked yet", "", "not_asked"),
    ("I haven't asked mum", "consent_not_asked", "not_asked"), ("no", "deny", "refused"),
    ("not sure", "not_sure", "unsure"), ("I don't know", "", "unsure"),  # issue 13.6: never "refused"
])
def test_consent_status(text, intent, status, dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text=text, intent=intent, requested_slot="consent_status")
    assert run("validate_consent_status", dispatcher, tracker, domain) == {"consent_status": status}


def test_free_text_answers_fill_even_when_they_mention_help(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="Nan helps out a lot with the school run", intent="help_request",
                              requested_slot="sos_working_well")
    result = asyncio.run(FORM.extract_sos_working_well(dispatcher, tracker, domain))
    assert result == {"sos_working_well": "Nan helps out a lot with the school run"}


def test_an_answer_the_classifier_thinks_urgent_is_still_kept(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="She trusts me and came back to see me", intent="urgent_concern",
                              requested_slot="sos_working_well")
    assert asyncio.run(FORM.extract_sos_working_well(dispatcher, tracker, domain)) == {
        "sos_working_well": "She trusts me and came back to see me"}


def test_a_short_command_is_not_an_answer(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(text="help", intent="help_request", requested_slot="sos_worried")
    assert asyncio.run(FORM.extract_sos_worried(dispatcher, tracker, domain)) == {}


def _events(tracker, dispatcher, domain):
    return {e["name"]: e["value"] for e in asyncio.run(FORM.get_validation_events(dispatcher, tracker, domain))}


def test_red_flag_in_an_answer_escalates_at_once(dispatcher, tracker_factory, domain):
    text = "She told me her stepdad touches her private parts at night"
    tracker = tracker_factory(slots={"triage_area": "Norwich", "child_age": "9", "triage_danger_now": False,
                                     "sos_worried": text}, text=text, requested_slot="sos_worried")
    events = _events(tracker, dispatcher, domain)
    assert events["escalation_given"] is True
    assert "section 47" in dispatcher.messages[-1]["text"] and "CADS" in dispatcher.messages[-1]["text"]


def test_danger_said_in_answer_to_any_question_is_escalated_and_kept(dispatcher, tracker_factory, domain):
    text = "he has got a knife and is threatening to stab his sister"
    tracker = tracker_factory(slots={"triage_area": text, "triage_danger_now": False}, text=text,
                              requested_slot="triage_area")
    events = _events(tracker, dispatcher, domain)
    assert events["triage_danger_now"] is True and text in events["sos_worried"]
    assert "999" in dispatcher.messages[-1]["text"]


def test_an_ordinary_answer_is_not_escalated(dispatcher, tracker_factory, domain):
    tracker = tracker_factory(slots={"triage_area": "Norwich", "child_age": "2 and a half"}, text="2 and a half",
                              requested_slot="child_age")
    assert "escalation_given" not in _events(tracker, dispatcher, domain)


def test_starting_an_assessment_drops_a_quick_question_waiting_for_its_area(dispatcher, tracker_factory, domain):
    """Otherwise the quick-query rule would take the form's area answer as the held question's area."""
    waiting = tracker_factory(slots={"query_awaiting_area": True, "query_pending": "What's the MASH number?"},
                              text="I'm worried about a child", requested_slot=None)
    assert _events(waiting, dispatcher, domain)["query_awaiting_area"] is False
    idle = tracker_factory(text="no", requested_slot="triage_danger_now")
    assert "query_awaiting_area" not in _events(idle, dispatcher, domain)


def test_the_second_failed_answer_takes_the_safe_default_and_says_so(dispatcher, tracker_factory, domain):
    again = tracker_factory(slots={"question_failures": {"triage_area": 1}}, text="Atlantis",
                            requested_slot="triage_area")
    result = run("validate_triage_area", dispatcher, again, domain)
    assert result["triage_area"] == OUT_OF_AREA and result["question_failures"] == {"triage_area": 2}
    assert "0808 800 5000" in dispatcher.messages[-1]["text"]


def test_the_opening_message_fills_what_it_says_and_escalates_first(dispatcher, tracker_factory, domain):
    text = ("one of my year 5s came in with a black eye and said his mum's boyfriend did it. what do i do? "
            "we're in corby")
    opening = tracker_factory(text=text, requested_slot=None)
    events = _events(opening, dispatcher, domain)
    assert (events["triage_area"], events["child_age"], events["triage_role"]) == ("Corby", "9", "professional")
    assert events["escalation_given"] is True and text in events["sos_worried"]
    assert "section 47" in dispatcher.messages[0]["text"] and "0300 126 7000" in dispatcher.messages[0]["text"]
    assert dispatcher.messages[1]["text"].startswith("I've taken: Corby, so Northamptonshire; a 9-year-old")


def test_a_red_flag_with_no_area_asks_for_the_area_first(dispatcher, tracker_factory, domain):
    slots = asyncio.run(FORM.required_slots(list(domain["forms"]["assessment_form"]["required_slots"]), dispatcher,
                                            tracker_factory(slots={"escalation_given": True}), domain))
    assert slots[0] == "triage_area"


def test_parents_who_dont_know_are_not_asked_whether_they_agreed(dispatcher, tracker_factory, domain):
    """Issue 13.6: after "Do the parents know?" -> "no", "Have they agreed?" is not asked."""
    required = list(domain["forms"]["assessment_form"]["required_slots"])
    dont_know = tracker_factory(slots={"child_age": "9", "triage_danger_now": False, "consent_parents_know": False})
    know = tracker_factory(slots={"child_age": "9", "triage_danger_now": False, "consent_parents_know": True})
    assert "consent_status" not in asyncio.run(FORM.required_slots(required, dispatcher, dont_know, domain))
    assert "consent_risky" in asyncio.run(FORM.required_slots(required, dispatcher, dont_know, domain))
    assert "consent_status" in asyncio.run(FORM.required_slots(required, dispatcher, know, domain))
