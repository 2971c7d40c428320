"""Rehearse the call: a form whose one slot is re-asked until the front door's questions are done.

Thin: the rehearsal itself (questions, probes, feedback) is ``bot.features.rehearsal``; its state is a plain
dict kept in the ``rehearsal_state`` slot. A red flag or immediate danger said while rehearsing
still escalates at once (``bot.features.red_flag_check.check_urgent``).
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.escalation_events import escalation_slots
from actions.tracker_values import latest_entity, latest_intent, latest_text, slot_values
from bot.engine.assess import get_engine
from bot.features import conversation as conv
from bot.features import rehearsal
from bot.features.listening import after_failure, fill_from_reading
from bot.features.quick_query import service_area
from bot.features.red_flag_check import check_urgent
from bot.guidance.areas import covered_area
from bot.language.reading import read_message

DONE = "done"
REHEARSAL_FACTS = ("child_age", "triage_role", "sos_worried", "triage_area")
DOOR_WORDS = re.compile(r"\b(mash|front door|duty (team|social worker)|social care|practi[sc]e|rehears\w*|"
                        r"my call)\b", re.I)
CANCELLED = "cancelled"
ASK_AREA = ("Which area's front door do you want to practise calling? I can play the duty social worker for "
            f"{conv.COVERED_AREAS}.")
NOT_COVERED = "I can only rehearse calls to the front doors I hold guidance for: " + conv.COVERED_AREAS + "."


def area_id(area_text: Optional[str]) -> Optional[str]:
    """The area id for a slot value such as "King's Lynn"; None if unknown or not covered."""
    if not area_text or area_text == conv.OUT_OF_AREA:
        return None
    return covered_area(area_text)


def named_place(text: Optional[str]) -> Optional[str]:
    """The covered area a message names by place (the one reader). A service name ("CADS") is taken only as the
    answer to "which area's front door?", so the documented opening still asks for the area."""
    place = read_message(text).place
    return place.area if place is not None and place.area else None


def facts(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The assessment's answers when one was finished in this conversation, else None."""
    if not isinstance(tracker.get_slot("advice_summary"), dict):
        return None
    return slot_values(tracker)


def offer_buttons(has_assessment: bool) -> List[Dict[str, str]]:
    buttons = [{"title": "Rehearse the call again", "payload": "/rehearse_call"},
               {"title": "Start again", "payload": "/start_again"}]
    if has_assessment:
        buttons.insert(0, {"title": "Show the written record", "payload": "/show_record"})
    return buttons


class ActionStartRehearsal(Action):
    """Fresh state; starts at once when the area is known, from the assessment's facts if there is one."""

    def name(self) -> str:
        return "action_start_rehearsal"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        # the assessment's area, else the one a quick query or an earlier rehearsal named (query_area)
        area = area_id(tracker.get_slot("triage_area")) or area_id(tracker.get_slot("query_area")) \
            or named_place(latest_text(tracker))  # "practise my call to the MASH in Bedford"
        state = rehearsal.start(area, facts(tracker)) if area else None
        if state:
            dispatcher.utter_message(text=rehearsal.intro(state))
        return [SlotSet("rehearsal_state", state), SlotSet("rehearsal_answer", None)]


class ActionAskRehearsalAnswer(Action):
    """The duty social worker's next question (or probe); the area first if we don't know it."""

    def name(self) -> str:
        return "action_ask_rehearsal_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        state = tracker.get_slot("rehearsal_state")
        if not rehearsal.is_state(state):
            dispatcher.utter_message(text=ASK_AREA)
            return []
        dispatcher.utter_message(text=rehearsal.prompt(state) or "That's everything I'd ask.")
        return []


class ValidateRehearsalForm(FormValidationAction):
    def name(self) -> str:
        return "validate_rehearsal_form"

    async def extract_rehearsal_answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> Dict[str, Any]:
        """Everything but a short command ('stop', 'help', 'start again') is an answer."""
        if tracker.get_slot("requested_slot") != "rehearsal_answer":
            return {}
        text = latest_text(tracker)
        if not text.strip() or text.startswith("/") or conv.is_control_message(text, latest_intent(tracker)):
            return {}
        if latest_intent(tracker) == "rehearse_call":
            # the request that started the rehearsal ("practise my call to the MASH") is not an answer: taking it
            # as one said "I didn't recognise that place", or counted it as the caller's name and role
            return {}
        return {"rehearsal_answer": text}

    async def validate_rehearsal_answer(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                        domain: DomainDict) -> Dict[str, Any]:
        if value is None or latest_intent(tracker) == "rehearse_call":
            # The slot was only reset (ActionStartRehearsal's SlotSet makes rasa-sdk validate it) or this is the
            # request that started the rehearsal: not an answer. Taking it as one said "I didn't recognise that
            # place" to "practise my call to the MASH", or took "rehearse the call" as the caller's name and role.
            return {}
        text = latest_text(tracker)
        state = tracker.get_slot("rehearsal_state")
        events: Dict[str, Any] = {}
        if not rehearsal.is_state(state):
            return self._choose_area(dispatcher, tracker, text)
        slots = slot_values(tracker)
        # Facts said while rehearsing ("a 7 year old boy") feed the case, read once: the age, the role, a worry,
        # a covered place. Never the danger answer or a place we don't cover: rehearsal has its own door.
        fill = fill_from_reading(read_message(text), slots, None)
        taken = {k: v for k, v in fill.slots.items() if k in REHEARSAL_FACTS and v != conv.OUT_OF_AREA}
        events.update(taken)
        escalation = self._escalate(dispatcher, {**slots, **taken}, state, text)
        state, _ = rehearsal.answer(state, text)
        if escalation:
            state["escalated"] = escalation.pop("escalated")
        events.update(escalation)
        events.update({"rehearsal_state": state, "rehearsal_answer": DONE if state["done"] else None})
        return events

    def _choose_area(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> Dict[str, Any]:
        found = conv.resolve_area_answer(text, latest_entity(tracker, "area"))
        chosen = found.area or service_area(text)
        if chosen is None and DOOR_WORDS.search(text):
            # "Practise my call to the MASH": a door every area has, not a place we failed to recognise
            dispatcher.utter_message(text=ASK_AREA)
            return {"rehearsal_answer": None}
        if chosen:
            state = rehearsal.start(chosen, facts(tracker))
            dispatcher.utter_message(text=rehearsal.intro(state))
            # remembered for the conversation, as quick queries do (actions/quick_query.py)
            return {"rehearsal_state": state, "rehearsal_answer": None,
                    "query_area": get_engine().areas[chosen].name}
        if found.value == conv.OUT_OF_AREA:
            dispatcher.utter_message(text=f"{found.message} {NOT_COVERED}")
            return {"rehearsal_state": None, "rehearsal_answer": CANCELLED}
        counts, default = after_failure("rehearsal_area", tracker.get_slot("question_failures"))
        if default is not None:  # asked twice: stop the practice with the route that works anywhere
            counts["rehearsal_area"] = 0
            dispatcher.utter_message(text=default[1])
            return {"rehearsal_state": None, "rehearsal_answer": CANCELLED, "question_failures": counts}
        dispatcher.utter_message(text=found.message or ASK_AREA)
        return {"rehearsal_answer": None, "question_failures": counts}

    def _escalate(self, dispatcher: CollectingDispatcher, slots: Dict[str, Any], state: Dict[str, Any],
                  text: str) -> Dict[str, Any]:
        """Practice or not, a red flag or immediate danger gets the real advice now, once: a flag already
        escalated in this rehearsal is not escalated again on every later answer."""
        slots = dict(slots)
        if area_id(slots.get("triage_area")) is None:
            slots["triage_area"] = get_engine().areas[state["area"]].name
        urgency = check_urgent(slots, text)
        if urgency is None:
            return {}
        seen = list(state.get("escalated", []))
        new = [c for c in (["danger"] if urgency.danger else []) + list(urgency.labels) if c not in seen]
        if not new:
            return {}
        dispatcher.utter_message(text=urgency.message + " (This is no longer practice: act on it now.)")
        # The rehearsal's answers are not worries of the form's case: only the escalation and danger now are kept.
        return {**escalation_slots(None, text, urgency.danger, keep_worry=False), "escalated": seen + new}


class ActionRehearsalFeedback(Action):
    """Feedback at the end of the rehearsal: missing, opinion, not observable, consent, readiness."""

    def name(self) -> str:
        return "action_rehearsal_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        state = tracker.get_slot("rehearsal_state")
        if rehearsal.is_state(state) and state.get("done"):
            result = rehearsal.feedback(state)
            dispatcher.utter_message(text=result.text(), buttons=offer_buttons(facts(tracker) is not None))
            dispatcher.utter_message(json_message=result.to_dict())
        else:
            dispatcher.utter_message(text="Say 'rehearse the call' whenever you want to practise.",
                                     buttons=offer_buttons(facts(tracker) is not None))
        return [SlotSet("rehearsal_state", None), SlotSet("rehearsal_answer", None)]


class ActionStopRehearsal(Action):
    """'Stop' mid-rehearsal ends the rehearsal only; an assessment already done is kept for its record."""

    def name(self) -> str:
        return "action_stop_rehearsal"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        dispatcher.utter_message(text="OK, I've stopped the rehearsal. If a child is in immediate danger, call 999.",
                                 buttons=offer_buttons(facts(tracker) is not None))
        return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("rehearsal_state", None),
                SlotSet("rehearsal_answer", None)]
