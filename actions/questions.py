"""One ask-action per form slot; the wording comes from bot.features.questions."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.features.followup import ask_text
from bot.features.questions import YES_NO_UNSURE, question_for


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


# One small class per form slot, each written out so a search for an action's name finds it (issue 16: no class
# factory). tests/actions/test_ask_actions.py checks the list against the question table and domain.yml.
class AskTriageDangerNow(AskQuestion):
    """``action_ask_triage_danger_now``."""

    slot = "triage_danger_now"


class AskTriageArea(AskQuestion):
    """``action_ask_triage_area``."""

    slot = "triage_area"


class AskTriageRole(AskQuestion):
    """``action_ask_triage_role``."""

    slot = "triage_role"


class AskChildAge(AskQuestion):
    """``action_ask_child_age``."""

    slot = "child_age"


class AskChildMobile(AskQuestion):
    """``action_ask_child_mobile``."""

    slot = "child_mobile"


class AskSosWorried(AskQuestion):
    """``action_ask_sos_worried``."""

    slot = "sos_worried"


class AskSosMore(AskQuestion):
    """``action_ask_sos_more``."""

    slot = "sos_more"


class AskSosWorkingWell(AskQuestion):
    """``action_ask_sos_working_well``."""

    slot = "sos_working_well"


class AskSosNeeds(AskQuestion):
    """``action_ask_sos_needs``."""

    slot = "sos_needs"


class AskSosScale(AskQuestion):
    """``action_ask_sos_scale``."""

    slot = "sos_scale"


class AskConsentParentsKnow(AskQuestion):
    """``action_ask_consent_parents_know``."""

    slot = "consent_parents_know"


class AskConsentStatus(AskQuestion):
    """``action_ask_consent_status``."""

    slot = "consent_status"


class AskConsentRisky(AskQuestion):
    """``action_ask_consent_risky``."""

    slot = "consent_risky"


class AskSosHistory(AskQuestion):
    """``action_ask_sos_history``."""

    slot = "sos_history"


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
