"""Plain values out of the tracker: the only place actions touch tracker internals."""

from __future__ import annotations

from typing import Any, Dict, Optional

from rasa_sdk import Tracker

CASE_SLOTS = (
    "triage_danger_now", "triage_area", "triage_role", "child_age", "child_mobile", "sos_worried", "sos_more",
    "sos_working_well", "sos_needs", "sos_scale", "review_confirmed", "sos_corrections", "consent_parents_know",
    "consent_status", "consent_risky",
    "sos_history", "sos_followup", "followup_state",  # issue 13.4-5
)


def slot_values(tracker: Tracker) -> Dict[str, Any]:
    return {name: tracker.get_slot(name) for name in CASE_SLOTS}


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def latest_intent(tracker: Tracker) -> Optional[str]:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


def latest_entity(tracker: Tracker, entity: str) -> Optional[str]:
    return next(tracker.get_latest_entity_values(entity), None)


def escalated_this_turn(tracker: Tracker) -> bool:
    """An escalation was already sent for the latest message (by the escalation action before the form)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") == "escalation_given" and event.get("value"):
            return True
    return False
