"""Rehearsal and the written record over REST, against the real servers (one session for all)."""

from __future__ import annotations

import urllib.error
import urllib.request
import uuid
from typing import Any, Dict, List, Tuple

import pytest

from bot.features import rehearsal
from tests.e2e.driver import post, run_case

pytestmark = pytest.mark.e2e

AREA_NAMES = {"norfolk": "Norfolk", "northamptonshire": "Northampton", "nottingham_city": "Nottingham",
              "bedford_borough": "Bedford"}
ANSWERS = {  # fictional, specific and observable, with no red flags (escalation is tested on its own)
    "referrer": "Jo Bloggs, class teacher at Oakfield Primary.",
    "child_details": "Sam, aged 9, Year 4 at Oakfield Primary.",
    "family": "Sam lives with mum and her partner; his sister is 4 and goes to the school nursery.",
    "concern": "This morning Sam told me 'there was no tea at home again'. I saw him eat two breakfasts.",
    "health": "Sam has come in hungry four days this week and said there was no tea at home.",
    "parenting": "Mum told me on Monday she can't get up in the mornings; Sam was late 6 times this term.",
    "wider_family": "Nan lives nearby and collects Sam on Fridays; the flat has one bedroom for four people.",
    "development": "Sam is two years behind in reading; mum said she has missed 3 hospital appointments.",
    "risks": "He said he was hungry when he arrived today; I have seen no injuries.",
    "whereabouts": "He is in school with me now until 3.15pm.",
    "working_well": "Nan collects him on Fridays and he told me he feels safe at her house.",
    "agencies": "School and the school nurse now; housing may be needed.",
    "eha": "There is no EHA yet.",
    "family_views": "Mum said on the phone today she would accept help with money and meals.",
    "parents_told": "Yes, I told mum this morning and she agreed to me calling.",
    "consent": "Yes, mum agreed this morning to the referral.",
    "consent_understood": "Yes, I told mum the information would be shared with the MASH and she agreed.",
    "sharing": "With City MASH only, so they can offer support; her consent is recorded on our system.",
    "no_consent_evidence": "Not applicable: mum agreed.",
}
QUESTIONS = {t.question: t.id for t in rehearsal.TOPICS}


def texts(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def custom(messages: List[Dict[str, Any]], kind: str) -> Dict[str, Any]:
    found = [m["custom"] for m in messages if isinstance(m.get("custom"), dict) and m["custom"].get("type") == kind]
    assert found, f"no {kind} payload in {messages}"
    return found[0]


def rehearse(webhook: str, sender: str, messages: List[Dict[str, Any]], first_answer: str = "",
             max_turns: int = 25) -> Tuple[List[Dict[str, Any]], List[str]]:
    """Answer each question the duty social worker asks until the feedback comes; returns it and the topics."""
    asked: List[str] = []
    for _ in range(max_turns):
        if any("How that call to" in (m.get("text") or "") for m in messages):
            return messages, asked
        question = [m.get("text") for m in messages if m.get("text")][-1]
        topic = QUESTIONS.get(question)
        assert topic, f"not a rehearsal question: {question!r}"
        asked.append(topic)
        reply = first_answer if first_answer and len(asked) == 1 else ANSWERS[topic]
        messages = post(webhook, sender, reply)
    raise AssertionError(f"no feedback after {max_turns} turns: {asked}")


@pytest.mark.parametrize("area", sorted(AREA_NAMES))
def test_full_rehearsal_per_area_with_feedback(assistant, area):
    sender = f"e2e-rehearse-{uuid.uuid4().hex}"
    first = post(assistant.webhook, sender, "/rehearse_call")
    assert "Which area's front door" in texts(first)
    opening = post(assistant.webhook, sender, AREA_NAMES[area])
    assert rehearsal.door_name(area) in texts(opening)
    messages, asked = rehearse(assistant.webhook, sender, opening)
    assert asked == [s["id"] for s in rehearsal.plan(area)]
    feedback = custom(messages, "rehearsal_feedback")
    assert feedback["area"] == area and feedback["verdict"] == "ready", feedback
    assert "Readiness: Ready to make the call" in texts(messages)


def test_vague_opinion_is_probed_and_fed_back(assistant):
    sender = f"e2e-rehearse-{uuid.uuid4().hex}"
    post(assistant.webhook, sender, "can I practise my call to CADS")
    opening = post(assistant.webhook, sender, "Norwich")
    assert QUESTIONS[[m["text"] for m in opening if m.get("text")][-1]] == "child_details"
    family = post(assistant.webhook, sender, ANSWERS["child_details"])
    assert QUESTIONS[texts(family)] == "family"
    reply = post(assistant.webhook, sender, "I think things are chaotic at home.")
    assert "Is that what you saw or heard, or what you think?" in texts(reply)
    messages, _ = rehearse(assistant.webhook, sender, post(assistant.webhook, sender, ANSWERS["family"]))
    feedback = custom(messages, "rehearsal_feedback")
    assert feedback["verdict"] == "nearly ready" and feedback["opinion"]
    assert "Where opinion stood in for fact" in texts(messages)


def test_red_flag_during_rehearsal_escalates_and_stop_leaves(assistant):
    sender = f"e2e-rehearse-{uuid.uuid4().hex}"
    post(assistant.webhook, sender, "rehearse the call")
    post(assistant.webhook, sender, "Norfolk")
    reply = post(assistant.webhook, sender, "She told me her stepdad touches her private parts at night")
    assert "section 47" in texts(reply) and "no longer practice" in texts(reply)
    stopped = post(assistant.webhook, sender, "stop")
    assert "stopped the rehearsal" in texts(stopped)
    after = post(assistant.webhook, sender, "/show_record")
    assert "no finished assessment" in texts(after)


CASE = {"area": "Corby", "age": "9", "role": "professional",
        "worried": "He told me his stepdad hit him with a belt and I saw marks on his back.",
        "working_well": "His nan collects him on Fridays.", "needs": "Someone to check on him.", "scale": 2,
        "consent": "not_asked", "consent_risky": True}


@pytest.fixture(scope="module")
def assessed(assistant) -> Dict[str, Any]:
    sender = f"e2e-record-{uuid.uuid4().hex}"
    result = run_case(assistant.webhook, sender, CASE)
    return {"sender": sender, "advice": result["advice"]}


def get(url: str) -> Tuple[int, Dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, _lower(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, _lower(error.headers), error.read().decode()


def _lower(headers: Any) -> Dict[str, str]:
    return {key.lower(): value for key, value in headers.items()}


def test_record_after_assessment_in_chat_and_download(assistant, assessed):
    messages = post(assistant.webhook, assessed["sender"], "/show_record")
    payload = custom(messages, "record")
    markdown = payload["markdown"]
    assert markdown.startswith("## Written record") and CASE["worried"] in markdown
    assert f'Level {assessed["advice"]["level"]} ({assessed["advice"]["level_name"]})' in markdown
    assert "within 24 hours" in markdown and "### Consent decision" in markdown
    assert f'Guidance version: {assessed["advice"]["guidance_version"]}' in markdown
    status, headers, body = get(assistant.url + payload["download_url"])
    assert status == 200 and headers["content-type"].startswith("text/plain")
    assert headers["content-disposition"].startswith('attachment; filename="safeguarding-record-')
    assert "WRITTEN RECORD" in body and CASE["worried"] in body and "###" not in body
    wrong = payload["download_url"].rsplit("token=", 1)[0] + "token=not-the-token"
    assert get(assistant.url + wrong)[0] == 404
    assert get(assistant.url + "/webhooks/record/download?sender=nobody&token=x")[0] == 404
    assert get(assistant.url + "/webhooks/record/download")[0] == 404
    newer = custom(post(assistant.webhook, assessed["sender"], "show me the written record"), "record")
    assert get(assistant.url + payload["download_url"])[0] == 404  # the old link dies with a new one
    assert get(assistant.url + newer["download_url"])[0] == 200


def test_rehearsal_after_assessment_starts_from_its_facts(assistant, assessed):
    opening = post(assistant.webhook, assessed["sender"], "rehearse the call")
    assert "From your assessment I already have" in texts(opening) and "belt" in texts(opening)
    messages, asked = rehearse(assistant.webhook, assessed["sender"], opening)
    assert "concern" not in asked and "consent" not in asked
    assert "Taken from your assessment" in texts(messages)
    assert "/show_record" in [b["payload"] for m in messages for b in m.get("buttons") or []]
