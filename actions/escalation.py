"""A red flag or immediate danger said at any turn: escalate now, keep the words, carry on."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.tracker_values import latest_text, slot_values
from bot import conversation as conv
from bot.audit.log import record_from_slots  # privacy (issue 6): the advice log


class ActionEscalateNow(Action):
    def name(self) -> str:
        return "action_escalate_now"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        text = latest_text(tracker)
        slots = slot_values(tracker)
        urgency = conv.check_urgent(slots, text)
        # Nothing urgent found by the rules (the classifier was cautious): a calm reminder, then carry on.
        dispatcher.utter_message(text=urgency.message if urgency else conv.ESCALATE_UNCLEAR)
        if urgency:  # privacy (issue 6): escalation advice goes in the advice log too
            record_from_slots(tracker.sender_id, urgency.advice, slots, source="escalation")
        events: List[Dict[str, Any]] = [SlotSet("escalation_given", True),
                                         SlotSet("sos_worried", conv.append_text(slots["sos_worried"], text))]
        if urgency and urgency.danger:
            events.append(SlotSet("triage_danger_now", True))
        return events
