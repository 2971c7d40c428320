"""A red flag or immediate danger said at any turn: escalate now, keep the words, carry on."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.escalation_events import escalation_events
from actions.tracker_values import latest_text, slot_values
from bot.engine.red_flags import should_escalate
from bot.features import conversation as conv
from bot.features.red_flag_check import find_red_flags
from bot.language.reading import read_message
from bot.storage.audit.log import record_from_slots  # privacy (issue 6): the advice log

FORM = "assessment_form"


class ActionEscalateNow(Action):
    def name(self) -> str:
        return "action_escalate_now"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        text = latest_text(tracker)
        slots = slot_values(tracker)
        flags = find_red_flags(read_message(text, tracker.get_slot("requested_slot")), slots)
        urgent = should_escalate(flags)
        # Nothing urgent found by the rules (the classifier was cautious): a calm reminder, then carry on.
        dispatcher.utter_message(text=flags.message if urgent else conv.ESCALATE_UNCLEAR)
        if urgent and flags.advice is not None:  # privacy (issue 6): escalation advice goes in the advice log
            record_from_slots(tracker.sender_id, flags.advice, slots, source="escalation")
        return escalation_events(slots["sos_worried"], text, urgent and flags.danger)


class ActionNotUnderstood(Action):
    """Out of scope, chitchat or low confidence: but a message about a worry for a child is never out of scope.

    "Hi, I'm a dinner lady and I'm worried about a child" starts the assessment (its Reading fills what it can),
    in place of the rule's next step; anything else goes on to the rule's usual answer (out of scope, chitchat
    or "I didn't follow", each with 999).
    """

    def name(self) -> str:
        return "action_not_understood"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        return [FollowupAction(FORM)] if starts_assessment(tracker) else []


def starts_assessment(tracker: Tracker) -> bool:
    """A worry about a child, or the person saying who they are ("I'm a TA"), outside the assessment."""
    reading = read_message(latest_text(tracker))
    return (reading.about_a_child or reading.role is not None) and (tracker.active_loop or {}).get("name") != FORM


class ActionDefaultFallback(Action):
    """Rasa's fallback for a turn no rule covers, overridden so that "I'm a TA" or a worry about a child starts
    the assessment instead of "Sorry, I didn't follow that"; anything else gets that answer, as before."""

    def name(self) -> str:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        if starts_assessment(tracker):
            return [FollowupAction(FORM)]
        dispatcher.utter_message(response="utter_default")
        return [UserUtteranceReverted()]
