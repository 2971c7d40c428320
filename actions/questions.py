"""One ask-action per form slot; the wording comes from bot.features.questions."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.features.followup import ask_text
from bot.features.questions import BASE, YES_NO_UNSURE, question_for


class AskQuestion(Action):
    """Base: subclasses set ``slot``; rasa-sdk registers each subclass by its name()."""

    slot = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        question = question_for(self.slot, tracker.get_slot("triage_area"))
        dispatcher.utter_message(text=question.text, buttons=question.buttons or None)
        return []


# A small class per slot, made from the table of questions (no per-conversation state on them).
for _slot in BASE:
    globals()[f"Ask_{_slot}"] = type(f"Ask_{_slot}", (AskQuestion,), {"slot": _slot})


class AskSosFollowup(Action):
    """Issue 13.4: the next question whose answer could change the level (planned in ``followup_state``)."""

    def name(self) -> str:
        return "action_ask_sos_followup"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        text = ask_text(tracker.get_slot("followup_state"))
        if text:
            dispatcher.utter_message(text=text, buttons=YES_NO_UNSURE)
        return []
