"""A red flag or immediate danger said at any turn: escalate now, keep the words, carry on."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.tracker_values import latest_text, slot_values
from bot import conversation as conv


class ActionEscalateNow(Action):
    def name(self) -> Text:
        return "action_escalate_now"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        text = latest_text(tracker)
        slots = slot_values(tracker)
        urgency = conv.check_urgent(slots, text)
        message = urgency.message if urgency else conv.ESCALATE_UNCLEAR
        dispatcher.utter_message(text=message)
        events: List[Dict[Text, Any]] = [SlotSet("escalation_given", True),
                                         SlotSet("sos_worried", conv.append_text(slots["sos_worried"], text))]
        if urgency and urgency.danger:
            events.append(SlotSet("triage_danger_now", True))
        return events
