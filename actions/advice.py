"""Reflect-back question and the advice itself: both come straight from bot's one advice object."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.tracker_values import slot_values
from bot import conversation as conv
from bot.assess import assess
from bot.audit.log import record_from_slots
from bot.redaction import install_log_redaction
from bot.render.text import render_text

install_log_redaction()  # privacy (issue 6): user text never reaches the action server's logs


class ActionAskReviewConfirmed(Action):
    """Asks 'Is that right?' with what the assistant heard, in plain words."""

    def name(self) -> str:
        return "action_ask_review_confirmed"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        reflection = conv.reflect(conv.case_from_slots(slot_values(tracker)))
        dispatcher.utter_message(text=reflection.message(), buttons=[
            {"title": "Yes, that's right", "payload": "yes"},
            {"title": "No, change something", "payload": "no"}])
        return []


class ActionGiveAdvice(Action):
    """Plain-text advice plus one custom payload that is exactly the engine's advice object."""

    def name(self) -> str:
        return "action_give_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        advice = assess(conv.case_from_slots(slot_values(tracker)))
        dispatcher.utter_message(text=render_text(advice))
        dispatcher.utter_message(json_message=advice.to_payload())
        record_from_slots(tracker.sender_id, advice, slot_values(tracker), source="advice")  # privacy: advice log
        # when the advice was given, for the written record (actions/record.py)
        return [SlotSet("advice_summary", conv.advice_summary(advice)),
                SlotSet("record_assessed_at", datetime.now(timezone.utc).isoformat(timespec="seconds"))]
