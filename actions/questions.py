"""One ask-action per form slot; the wording comes from bot.questions."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.questions import BASE, question_for


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
