"""Quick queries: read the question, the remembered area and any held question; bot/ answers."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.escalation_events import escalation_events
from actions.tracker_values import latest_text
from bot.features import conversation as conv
from bot.features.quick_query import converse, form_answer

FORM = "assessment_form"


def remembered_area(tracker: Tracker) -> str | None:
    """The area of this conversation: the one a quick query named, else the assessment's."""
    area = tracker.get_slot("query_area") or tracker.get_slot("triage_area")
    return None if area == conv.OUT_OF_AREA else area


class ActionQuickQuery(Action):
    """Answers one question; asks for the area once when it matters; hands a running assessment back intact."""

    def name(self) -> str:
        return "action_quick_query"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        text = latest_text(tracker)
        in_form = (tracker.active_loop or {}).get("name") == FORM
        requested = tracker.get_slot("requested_slot")
        answer = form_answer(text, requested) if in_form else None
        if answer is not None:
            # "unborn (26 weeks), sibling 3" to "how old?", "Caister-on-Sea" to "which town?": the answer,
            # whatever the classifier thought
            if answer.message:
                dispatcher.utter_message(text=answer.message)
            return [SlotSet(requested, answer.value), SlotSet("query_pending", None),
                    SlotSet("query_awaiting_area", False)]
        pending = tracker.get_slot("query_pending") if tracker.get_slot("query_awaiting_area") else None
        turn = converse(text, remembered_area(tracker), pending, can_ask=not in_form,
                        role=tracker.get_slot("triage_role"))
        dispatcher.utter_message(text=turn.answer.text)
        dispatcher.utter_message(json_message=turn.answer.dict())
        events: List[Dict[str, Any]] = [SlotSet("query_pending", turn.pending),
                                         SlotSet("query_awaiting_area", bool(turn.pending))]
        if turn.remember_area:
            events.append(SlotSet("query_area", turn.remember_area))
        if in_form:
            events += self._resume_form(tracker, text, turn.answer.escalate, turn.answer.immediate_danger)
        return events

    @staticmethod
    def _resume_form(tracker: Tracker, text: str, escalate: bool, danger: bool) -> List[Dict[str, Any]]:
        """The question is not an answer to the form's question: undo what slot mapping took from it.

        The form then asks its question again. A question that names a red flag or danger is kept as a worry,
        as the escalation path does, so the advice at the end cannot miss it.
        """
        events: List[Dict[str, Any]] = []
        requested = tracker.get_slot("requested_slot")
        if requested:
            events += [SlotSet(requested, None), SlotSet("requested_slot", None)]
        if escalate:
            events += escalation_events(tracker.get_slot("sos_worried"), text, danger)
        elif danger:
            events.append(SlotSet("triage_danger_now", True))
        return events
