"""Reflect-back question and the advice itself: both come straight from bot's one advice object."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.tracker_values import slot_values
from bot.engine.assess_memo import assess_memo
from bot.features import conversation as conv
from bot.render.reply import build_reply, details_text, reply_text
from bot.storage.audit.log import record_from_slots

NO_ADVICE_YET = ("I haven't given any advice yet, so there are no details to show. Tell me what you're worried "
                 "about, or say 'help'. If a child is in immediate danger, call 999.")


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
    """The advice once (issue 13.7): one message, the short reply's text with the engine's advice object.

    Each channel draws it once: REST and the shell show the text (the payload rides along unchanged), the
    web widget, Slack and Teams draw the card with the text as its fallback (channels/).
    """

    def name(self) -> str:
        return "action_give_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        advice = assess_memo(conv.case_from_slots(slot_values(tracker)))
        dispatcher.utter_message(text=reply_text(build_reply(advice)), json_message=advice.to_payload())
        record_from_slots(tracker.sender_id, advice, slot_values(tracker), source="advice")  # privacy: advice log
        # when the advice was given, for the written record (actions/record.py)
        return [SlotSet("advice_summary", conv.advice_summary(advice)),
                SlotSet("record_assessed_at", datetime.now(timezone.utc).isoformat(timespec="seconds"))]


class ActionAdviceDetails(Action):
    """ "more": the details behind the short reply (every step, what matched, consent in full, sources)."""

    def name(self) -> str:
        return "action_advice_details"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        if not tracker.get_slot("advice_summary"):
            dispatcher.utter_message(text=NO_ADVICE_YET)
            return []
        advice = assess_memo(conv.case_from_slots(slot_values(tracker)))
        dispatcher.utter_message(text=details_text(build_reply(advice)))
        return []
