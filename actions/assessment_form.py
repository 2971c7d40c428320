"""Validation for the assessment form: each answer is parsed by bot/, bad answers re-asked clearly."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.tracker_values import latest_entity, latest_intent, latest_text, slot_values
from bot import conversation as conv

DANGER_ONLY = ["triage_danger_now", "triage_area"]
CONSENT_SLOTS = ["consent_parents_know", "consent_status", "consent_risky"]


class ValidateAssessmentForm(FormValidationAction):
    def name(self) -> str:
        return "validate_assessment_form"

    async def required_slots(self, domain_slots: List[str], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> List[str]:
        """Danger or an area we don't cover ends the questions early; babies get the mobility question."""
        slots = slot_values(tracker)
        if slots["triage_danger_now"] is True or slots["triage_area"] == conv.OUT_OF_AREA:
            return DANGER_ONLY
        required = list(domain_slots)
        if not conv.needs_mobility_question(slots["child_age"]) and "child_mobile" in required:
            required.remove("child_mobile")
        return required

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[Dict[str, Any]]:
        """Validate the answer, then check it for a red flag or immediate danger, whatever was asked.

        The check uses the matcher's explicit rules (not the intent classifier), so a knife mentioned in
        answer to "which town?" escalates at once, and nothing the user said is lost.
        """
        events = await super().get_validation_events(dispatcher, tracker, domain)
        if tracker.get_slot("query_awaiting_area"):
            # A quick question was waiting for its area, but the user started an assessment instead: drop it,
            # or the rule for "the area answers the held question" would take the form's area answer.
            events.append(SlotSet("query_awaiting_area", False))
        text = latest_text(tracker)
        if not text or tracker.get_slot("requested_slot") is None:
            return events
        slots = {**slot_values(tracker), **{e["name"]: e["value"] for e in events if e.get("event") == "slot"}}
        urgency = conv.check_urgent(slots, text)
        if urgency is None:
            return events
        dispatcher.utter_message(text=urgency.message)
        extra = [SlotSet("escalation_given", True)]
        if urgency.danger:
            extra.append(SlotSet("triage_danger_now", True))
        if tracker.get_slot("requested_slot") not in ("sos_worried", "sos_more"):
            extra.append(SlotSet("sos_worried", conv.append_text(slots.get("sos_worried"), text)))
        return events + extra

    def _free_text(self, slot: str, tracker: Tracker) -> Dict[str, Any]:
        """Custom extraction for free-text answers: everything but a short command fills the slot."""
        if tracker.get_slot("requested_slot") != slot:
            return {}
        text = latest_text(tracker)
        if conv.is_control_message(text, latest_intent(tracker)):
            return {}
        return {slot: text}

    def validate_triage_danger_now(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> Dict[str, Any]:
        text, intent = latest_text(tracker), latest_intent(tracker)
        if conv.is_unsure(text, intent):
            dispatcher.utter_message(text="If you're not sure, treat it as an emergency: call 999 now.")
            return {"triage_danger_now": True}
        answer = conv.parse_yes_no(text, intent)
        if answer is True:
            dispatcher.utter_message(text="Call 999 now. When the child is safe, I'll tell you which front door "
                                          "to contact and what they will ask.")
            return {"triage_danger_now": True}
        if answer is False:
            return {"triage_danger_now": False}
        dispatcher.utter_message(text="Please answer yes, no or not sure: is the child in immediate danger now?")
        return {"triage_danger_now": None}

    def validate_triage_area(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> Dict[str, Any]:
        answer = conv.resolve_area_answer(latest_text(tracker), latest_entity(tracker, "area"))
        if answer.message:
            dispatcher.utter_message(text=answer.message)
        return {"triage_area": answer.value}

    def validate_triage_role(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> Dict[str, Any]:
        role = conv.parse_role(latest_text(tracker), latest_entity(tracker, "user_role"))
        if role is None:
            dispatcher.utter_message(text="Sorry, I didn't catch that. Are you a professional or a member of "
                                          "the public?")
        return {"triage_role": role}

    def validate_child_age(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                           domain: DomainDict) -> Dict[str, Any]:
        text = latest_text(tracker)
        if conv.age_answer(text) is None:
            dispatcher.utter_message(text="I need the child's age, from newborn to 17: for example 14, 'nine' or "
                                          "'4 months'. If you don't know, give your best guess.")
            return {"child_age": None}
        return {"child_age": text}

    def validate_child_mobile(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> Dict[str, Any]:
        mobile = conv.parse_mobile(latest_text(tracker), latest_intent(tracker))
        if mobile is None:
            dispatcher.utter_message(text="If you're not sure, I'll treat the baby as not yet mobile, which is "
                                          "the safer assumption.")
            return {"child_mobile": False}
        return {"child_mobile": mobile}

    def validate_sos_worried(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> Dict[str, Any]:
        text = latest_text(tracker).strip()
        if not text:
            dispatcher.utter_message(text="Tell me in your own words what you've seen or heard.")
            return {"sos_worried": None}
        return {"sos_worried": text}

    def validate_sos_more(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                          domain: DomainDict) -> Dict[str, Any]:
        text, intent = latest_text(tracker), latest_intent(tracker)
        if conv.is_done(text, intent):
            return {"sos_more": "done"}
        # More worries: keep them, then ask "anything else?" again.
        return {"sos_more": None, "sos_worried": conv.append_text(tracker.get_slot("sos_worried"), text)}

    def validate_sos_working_well(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[str, Any]:
        text = latest_text(tracker).strip()
        return {"sos_working_well": text or "nothing stated"}

    def validate_sos_needs(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                           domain: DomainDict) -> Dict[str, Any]:
        text = latest_text(tracker).strip()
        return {"sos_needs": text or "nothing stated"}

    def validate_sos_scale(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                           domain: DomainDict) -> Dict[str, Any]:
        scale = conv.scale_answer(latest_text(tracker))
        if scale is None:
            dispatcher.utter_message(text="Please give a whole number from 0 to 10: 0 means the child is not safe "
                                          "at all, 10 means the child is safe and their needs are met.")
            return {"sos_scale": None}
        return {"sos_scale": float(scale)}

    def validate_review_confirmed(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[str, Any]:
        text, intent = latest_text(tracker), latest_intent(tracker)
        answer = conv.parse_yes_no(text, intent)
        if answer is True and len(text.split()) <= 4:
            return {"review_confirmed": True}
        if answer is False and len(text.split()) <= 3:
            dispatcher.utter_message(text="What should I change or add? Tell me in your own words, for example "
                                          "'there were no bruises' or 'she also said dad drinks'.")
            return {"review_confirmed": None}
        # Anything longer is a correction or an addition: keep it and reflect back again.
        corrections = conv.append_text(tracker.get_slot("sos_corrections"), text)
        return {"review_confirmed": None, "sos_corrections": corrections}

    def validate_consent_parents_know(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                      domain: DomainDict) -> Dict[str, Any]:
        answer = conv.parse_yes_no(latest_text(tracker), latest_intent(tracker))
        if answer is None:
            dispatcher.utter_message(text="Please answer yes or no: do the parents or carers know you're worried?")
        return {"consent_parents_know": answer}

    def validate_consent_status(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> Dict[str, Any]:
        status = conv.parse_consent_status(latest_text(tracker), latest_intent(tracker))
        if status is None:
            dispatcher.utter_message(text="Have they agreed, refused, or have you not asked yet?")
        return {"consent_status": status}

    def validate_consent_risky(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> Dict[str, Any]:
        text, intent = latest_text(tracker), latest_intent(tracker)
        if conv.is_unsure(text, intent):
            return {"consent_risky": "unsure"}
        answer = conv.parse_yes_no(text, intent)
        if answer is None:
            dispatcher.utter_message(text="Please answer yes, no or not sure.")
            return {"consent_risky": None}
        return {"consent_risky": "yes" if answer else "no"}


FREE_TEXT_SLOTS = ("sos_worried", "sos_more", "sos_working_well", "sos_needs", "review_confirmed")


def _free_text_extractor(slot: str):  # noqa: ANN202 - rasa-sdk calls extract_<slot>(dispatcher, tracker, domain)
    async def extract(self: ValidateAssessmentForm, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: DomainDict) -> Dict[str, Any]:
        return self._free_text(slot, tracker)

    extract.__name__ = f"extract_{slot}"
    return extract


for _slot in FREE_TEXT_SLOTS:  # custom extraction for every free-text answer (see _free_text)
    setattr(ValidateAssessmentForm, f"extract_{_slot}", _free_text_extractor(_slot))
