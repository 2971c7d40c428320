"""Rehearsing the call: the front door's questions from guidance/, probes, pre-fill and feedback."""

from __future__ import annotations

import json
import re

import pytest

from bot.features import rehearsal as r
from bot.guidance.loader import cached_areas

AREAS = ("norfolk", "northamptonshire", "nottingham_city", "bedford_borough")

GOOD = {  # specific, observable answers by topic (fictional)
    "referrer": "Jo Bloggs, class teacher, Oakfield Primary, 01234 567890.",
    "child_details": "Sam, aged 9, lives on Elm Road, Year 4 at Oakfield Primary.",
    "family": "Sam lives with mum and her partner; a sister aged 4 attends the nursery.",
    "concern": "At 9am today Sam told me: 'Dad hit me with a belt last night'. I saw two red marks on his arm.",
    "health": "Sam has come in hungry four days this week and said there was no tea at home.",
    "parenting": "Mum told me on Monday she can't get up in the mornings; Sam was late 6 times this term.",
    "wider_family": "Nan lives nearby and collects Sam on Fridays; the flat has one bedroom for four people.",
    "development": "Sam is behind in reading by two years; mum said she has missed 3 hospital appointments.",
    "risks": "He said he is scared to go home tonight because dad said he would hit him again.",
    "whereabouts": "He is in school with me now until 3.15pm.",
    "working_well": "Nan collects him on Fridays and he told me he feels safe at her house.",
    "agencies": "School and the school nurse now; housing may be needed.",
    "eha": "There is no EHA yet.",
    "family_views": "Mum said on the phone today she would accept help with money and meals.",
    "parents_told": "No, I haven't told them because Sam's disclosure is about dad and telling him could put Sam "
                    "at risk.",
    "consent": "Not asked, because asking dad could put Sam at risk of harm after his disclosure.",
    "consent_understood": "Not applicable: I have not asked because of the risk of harm.",
    "sharing": "With City MASH only, to protect Sam; I have recorded why I am sharing without consent.",
    "no_consent_evidence": "Sam's words and the two marks I saw: reasonable cause to suspect significant harm.",
}


def run_through(area: str, answers: dict, facts=None) -> dict:
    state = r.start(area, facts)
    for _ in range(40):
        if state["done"]:
            return state
        topic = r.current_topic(state)
        state, _ = r.answer(state, answers.get(topic.id, "The details are in my notes, dated today."))
    raise AssertionError("rehearsal never finished")


@pytest.mark.parametrize("area", AREAS)
def test_every_question_comes_from_the_areas_guidance(area):
    guidance = cached_areas()[area]
    texts = [i for a in guidance.front_door_asks for i in a.items] + guidance.recording + \
        guidance.signs_of_safety.worried
    steps = r.plan(area)
    assert len(steps) >= 4
    for step in steps:
        assert step["sources"] and all(ask in texts for ask in step["asks"])


def test_the_doors_ask_what_the_issue_says():
    ids = {area: [s["id"] for s in r.plan(area)] for area in AREAS}
    assert ids["norfolk"] == ["child_details", "family", "concern", "risks", "whereabouts", "parents_told"]
    assert {"development", "eha", "consent", "referrer"} <= set(ids["northamptonshire"])
    assert {"concern", "consent", "consent_understood", "sharing"} <= set(ids["nottingham_city"])
    assert {"health", "parenting", "wider_family", "consent"} <= set(ids["bedford_borough"])
    assert "CADS" in r.door_name("norfolk") and "MASH" in r.door_name("bedford_borough")


def test_recording_anchors_resolve():
    for area, anchors in r.RECORDING_ASKS.items():
        for anchor in anchors:
            assert any(anchor.lower() in line.lower() for line in cached_areas()[area].recording), anchor


@pytest.mark.parametrize("area", AREAS)
def test_a_good_call_is_ready(area):
    state = run_through(area, GOOD)
    result = r.feedback(state)
    assert result.missing == [] and result.opinion == [] and result.not_specific == []
    assert result.consent_clear, result.consent_note
    assert result.verdict == "ready" and "Ready" in result.text()
    assert "999" in result.text()
    json.dumps(state)  # the state lives in a slot: plain JSON


def test_opinion_is_probed_and_reported():
    state = r.start("norfolk")
    state, _ = r.answer(state, GOOD["child_details"])
    state, reply = r.answer(state, "I think the family is chaotic.")
    assert reply.startswith("Is that what you saw or heard, or what you think?")
    state, reply = r.answer(state, "Mum, her partner and a sister aged 4.")
    assert reply == r.TOPICS[3].question  # one probe only, then the next question
    result = r.feedback(run_on(state, GOOD))
    assert ("the family composition, including siblings", "I think the family is chaotic.") in result.opinion
    assert result.verdict == "nearly ready"


def test_hearsay_gets_the_consultants_question():
    state = r.start("norfolk")
    state, _ = r.answer(state, GOOD["child_details"])
    state, _ = r.answer(state, GOOD["family"])
    state, reply = r.answer(state, "She sort of implied her stepdad hurts her.")
    assert reply == "Is that what she said, or what you think? What were her exact words?"


def test_vague_words_without_observation_are_probed_and_reported():
    state = r.start("bedford_borough")
    state, reply = r.answer(state, "He is neglected and the home is a mess.")
    assert reply.startswith("What exactly did you see?")
    state = run_on(state, GOOD)
    result = r.feedback(state)
    assert result.not_specific and "neglected" in result.not_specific[0][1]
    assert "Observable" not in result.text() and "specific, observable behaviour" in result.text()


def test_observed_detail_is_not_called_vague():
    assert r.vague_phrases("On Monday I saw a bruise and he said it was a bad fall.") == []
    assert r.vague_phrases("Things are bad at home.") == ["Things are bad at home."]


def test_dont_know_is_missing_and_not_ready():
    state = run_through("norfolk", {**GOOD, "whereabouts": "don't know", "parents_told": "not sure"})
    result = r.feedback(state)
    assert "where the child is now" in result.missing
    assert result.verdict == "not ready" and "Not ready yet" in result.verdict_text


def test_consent_without_a_reason_is_unclear():
    state = run_through("nottingham_city", {**GOOD, "consent": "Not asked yet.",
                                            "consent_understood": "Not applicable.", "sharing": "With MASH."})
    result = r.feedback(state)
    assert not result.consent_clear and "why" in result.consent_note


def test_unclear_consent_answer_is_probed():
    state = r.start("bedford_borough")
    for topic in ("health", "parenting", "wider_family", "working_well", "agencies"):
        state, _ = r.answer(state, GOOD[topic])
    state, reply = r.answer(state, "Mum was fine about it I suppose")
    assert reply.startswith("Just so I'm clear")


def test_assessment_facts_prefill_and_are_not_asked_again():
    facts = {"sos_worried": "He said dad hit him with a belt yesterday.", "consent_parents_know": False,
             "consent_status": "not_asked", "consent_risky": "yes", "sos_working_well": "nothing stated"}
    state = r.start("norfolk", facts)
    assert state["prefilled"] == ["concern", "parents_told"]
    assert "From your assessment I already have" in r.intro(state) and "belt" in r.intro(state)
    asked = []
    while not state["done"]:
        asked.append(r.current_topic(state).id)
        state, _ = r.answer(state, GOOD[asked[-1]])
    assert "concern" not in asked and "parents_told" not in asked
    result = r.feedback(state)
    assert result.prefilled == ["the nature of the concern", "whether the parents know"]
    assert result.consent_clear


def test_long_answers_are_cut_and_said_so():
    state = r.start("norfolk")
    state, _ = r.answer(state, "Sam " + "x" * 5000)
    assert len(state["answers"]["child_details"][0]) == r.MAX_ANSWER_CHARS and state["truncated"]


def test_answer_does_not_change_the_given_state():
    state = r.start("norfolk")
    before = json.dumps(state, sort_keys=True)
    r.answer(state, GOOD["child_details"])
    assert json.dumps(state, sort_keys=True) == before


def test_unknown_area_is_a_clear_error():
    with pytest.raises(ValueError, match="no guidance for area"):
        r.start("narnia")
    assert not r.is_state({"v": 1, "area": "narnia"}) and not r.is_state(None)


def test_feedback_cites_the_recording_guidance():
    text = r.feedback(run_through("northamptonshire", GOOD)).text()
    assert re.search(r"fact (from|and) opinion", text) and "observable" in text


def run_on(state: dict, answers: dict) -> dict:
    while not state["done"]:
        topic = r.current_topic(state)
        state, _ = r.answer(state, answers[topic.id])
    return state
