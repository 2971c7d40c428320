"""Start again and stop: clear the case, never leave the user without a next step."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict


class ActionStartAgain(Action):
    def name(self) -> str:
        return "action_start_again"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        dispatcher.utter_message(text="OK, starting again with a new child. Nothing from before is carried over.")
        return [ActiveLoop(None), AllSlotsReset(), SlotSet("requested_slot", None)]


class ActionStopAssessment(Action):
    def name(self) -> str:
        return "action_stop_assessment"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        dispatcher.utter_message(response="utter_stopped")
        return [ActiveLoop(None), AllSlotsReset(), SlotSet("requested_slot", None)]
