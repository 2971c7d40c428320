"""Drive a whole conversation over REST from a case, answering whichever question the assistant asks."""

from __future__ import annotations

import json
import urllib.request
from typing import Any, Dict, List, Optional

from bot.engine.open_questions import cached_questions
from bot.features.conversation import HISTORY_MORE, is_control_message
from bot.features.followup import INTRO, UNREAD
from bot.features.questions import BASE

REVIEW_PREFIXES = ("It sounds like:", "I couldn't match what you've told me")


def post(webhook: str, sender: str, message: str, timeout: float = 60) -> List[Dict[str, Any]]:
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(webhook, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode())


def which_question(messages: List[Dict[str, Any]]) -> Optional[str]:
    """The slot being asked for, from the last question-like message."""
    for message in reversed(messages):
        text = message.get("text") or ""
        if text.startswith(REVIEW_PREFIXES) or "Is that right?" in text:
            return "review_confirmed"
        if is_followup(text):
            return "sos_followup"
        if text.startswith(HISTORY_MORE[:40]):
            return "sos_history"
        for slot, question in BASE.items():
            if text.startswith(question.text.split("\n")[0][:40]):
                return slot
    return None


def is_followup(text: str) -> bool:
    """A follow-up question that could change the level (issue 13.4): an open question or a possible red flag."""
    asks = {q.ask for f in cached_questions().families for q in f.questions}
    return text.startswith((INTRO, "Up to ", UNREAD)) or text in asks or \
        (text.startswith('You said "') and "Could this be:" in text)


def answer_for(slot: str, case: Dict[str, Any]) -> str:
    consent = case.get("consent", "not_asked")
    mobile = case.get("mobile")
    return {
        "triage_danger_now": "yes" if case.get("danger_now") else "no",
        "triage_area": str(case.get("area") or "other"),
        "triage_role": "member of the public" if case.get("role") == "public" else "professional",
        "child_age": str(case.get("age") if case.get("age") is not None else "10"),
        "child_mobile": "not sure" if mobile is None else ("yes, mobile" if mobile else "not mobile yet"),
        "sos_worried": case.get("worried") or "I'm not sure",
        "sos_more": "no",
        "sos_working_well": case.get("working_well") or "nothing really",
        "sos_needs": case.get("needs") or "not sure",
        "sos_history": case.get("history") or "no",
        "sos_scale": str(case.get("scale") if case.get("scale") is not None else 5),
        # a "no" states nothing and never lowers: the advice is the CLI's for the same case without answers
        "sos_followup": case.get("followup") or "no",
        "review_confirmed": "yes",
        "consent_parents_know": "no" if consent == "not_asked" else "yes",
        "consent_status": {"given": "they agreed", "refused": "they refused"}.get(consent, "not asked yet"),
        "consent_risky": "yes" if case.get("consent_risky") else "no",
    }[slot]


def advice_payload(messages: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    for message in messages:
        custom = message.get("custom")
        if isinstance(custom, dict) and custom.get("type") == "advice":
            return custom
    return None


def run_case(webhook: str, sender: str, case: Dict[str, Any], max_turns: int = 30) -> Dict[str, Any]:
    """Talk through the case; return the advice payload and the transcript. Fails loudly if stuck."""
    transcript: List[Dict[str, Any]] = []
    messages = post(webhook, sender, "I'm worried about a child")
    transcript.append({"user": "I'm worried about a child", "bot": messages})
    asked: Dict[str, int] = {}
    for _ in range(max_turns):
        advice = advice_payload(messages)
        if advice:
            return {"advice": advice, "transcript": transcript}
        slot = which_question(messages)
        if slot is None:
            raise AssertionError(f"no question recognised; transcript: {json.dumps(transcript)[-3000:]}")
        asked[slot] = asked.get(slot, 0) + 1
        if asked[slot] > 3:
            raise AssertionError(f"stuck on {slot}; transcript: {json.dumps(transcript)[-3000:]}")
        reply = answer_for(slot, case)
        if is_control_message(reply, "help_request"):
            reply = "not sure"  # an answer that is literally "Help!" is taken as a request for help
        messages = post(webhook, sender, reply)
        transcript.append({"user": reply, "bot": messages})
    raise AssertionError(f"no advice after {max_turns} turns; transcript: {json.dumps(transcript)[-3000:]}")
