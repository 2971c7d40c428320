"""Validation for the assessment form: each answer is parsed by bot/, bad answers re-asked clearly."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.escalation_events import escalation_events
from actions.tracker_values import escalated_this_turn, latest_entity, latest_intent, latest_text, slot_values
from bot.engine.assess_memo import assess_memo
from bot.engine.case import Answer
from bot.engine.red_flags import flags_in_advice, should_escalate
from bot.features import conversation as conv
from bot.features import followup
from bot.features.listening import after_failure, fill_from_reading
from bot.features.quick_query import form_answer
from bot.features.red_flag_check import find_red_flags
from bot.language import answer_words as answers
from bot.language.reading import read_message
from bot.storage.audit.log import record_from_slots  # privacy (issue 6): escalations go in the advice log

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
        state = tracker.get_slot("followup_state")
        if state is not None and followup.next_question(state) is None and "sos_followup" in required \
                and tracker.get_slot("sos_followup") is None:
            required.remove("sos_followup")  # issue 13.4: nothing (more) that could change the level
        if not conv.asks_consent_status(slots) and "consent_status" in required:
            required.remove("consent_status")  # the parents don't know: don't ask whether they agreed
        if tracker.get_slot("escalation_given") and not slots["triage_area"]:
            # A red flag is already known: the area comes first, so the front door can be named.
            required.remove("triage_area")
            required.insert(0, "triage_area")
        return required

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[Dict[str, Any]]:
        """Validate and listen (``_listen``), then plan the follow-up questions once the scale is known."""
        events = await self._listen(dispatcher, tracker, domain)
        return events + _plan_followup(tracker, events)

    async def _listen(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: DomainDict) -> List[Dict[str, Any]]:
        """Validate the answer, then read the whole message once for everything else it says.

        The Reading fills every empty slot it answers (and says what was taken), and the one red-flag decision
        runs on it whatever was asked, the opening message included: a knife mentioned in answer to "which
        town?" escalates at once, and nothing the user said is lost.
        """
        events = await super().get_validation_events(dispatcher, tracker, domain)
        if tracker.get_slot("query_awaiting_area"):
            # A quick question was waiting for its area, but the user started an assessment instead: drop it,
            # or the rule for "the area answers the held question" would take the form's area answer.
            events.append(SlotSet("query_awaiting_area", False))
        text = latest_text(tracker)
        requested = tracker.get_slot("requested_slot")
        if not text or (latest_intent(tracker) == "quick_question" and form_answer(text, requested) is None):
            return events  # a quick question mid-form is answered by its own action, not read as an answer
        slots = {**slot_values(tracker), **{e["name"]: e["value"] for e in events if e.get("event") == "slot"}}
        reading = read_message(text, requested)
        fill = fill_from_reading(reading, slots, requested)
        events += [SlotSet(name, value) for name, value in fill.slots.items()]
        slots.update(fill.slots)
        # The escalation action may already have answered this message; otherwise the one decision runs here.
        answered = any(e.get("name") == "escalation_given" and e.get("value") for e in events)  # a follow-up
        flags = None if escalated_this_turn(tracker) or answered else find_red_flags(reading, slots)
        if flags is None or not should_escalate(flags):
            for line in fill.said:
                dispatcher.utter_message(text=line)
            return events
        dispatcher.utter_message(text=flags.message)  # 999 or the front door first, then what was taken
        for line in fill.said:
            dispatcher.utter_message(text=line)
        if flags.advice is not None:
            record_from_slots(tracker.sender_id, flags.advice, slots, source="escalation")
        keep = requested not in ("sos_worried", "sos_more", "sos_followup") and "sos_worried" not in fill.slots
        return events + escalation_events(slots.get("sos_worried"), text, flags.danger, keep_worry=keep)

    def _failed(self, slot: str, tracker: Tracker, dispatcher: CollectingDispatcher, ask_again: str
                ) -> Dict[str, Any]:
        """A second failed answer takes the safe default and says so; the first is asked once more."""
        counts, default = after_failure(slot, tracker.get_slot("question_failures"))
        if default is None:
            dispatcher.utter_message(text=ask_again)
            return {slot: None, "question_failures": counts}
        value, said = default
        dispatcher.utter_message(text=said)
        return {slot: value, "question_failures": counts}

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
        if answers.is_unsure(text, intent):
            dispatcher.utter_message(text="If you're not sure, treat it as an emergency: call 999 now.")
            return {"triage_danger_now": True}
        answer = answers.parse_yes_no(text, intent)
        if answer is True:
            dispatcher.utter_message(text="Call 999 now. When the child is safe, I'll tell you which front door "
                                          "to contact and what they will ask.")
            return {"triage_danger_now": True}
        if answer is False:
            return {"triage_danger_now": False}
        return self._failed("triage_danger_now", tracker, dispatcher,
                            "Please answer yes, no or not sure: is the child in immediate danger now?")

    def validate_triage_area(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> Dict[str, Any]:
        if tracker.get_slot("requested_slot") != "triage_area":
            return {"triage_area": value}  # filled from another message's Reading: already resolved
        answer = conv.resolve_area_answer(latest_text(tracker), latest_entity(tracker, "area"))
        if answer.value is None:
            return self._failed("triage_area", tracker, dispatcher, answer.message or "")
        if answer.message:
            dispatcher.utter_message(text=answer.message)
        return {"triage_area": answer.value}

    def validate_triage_role(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> Dict[str, Any]:
        if tracker.get_slot("requested_slot") != "triage_role":
            return {"triage_role": value}
        role = conv.parse_role(latest_text(tracker), latest_entity(tracker, "user_role"))
        if role is None:
            return self._failed("triage_role", tracker, dispatcher,
                                "Sorry, I didn't catch that. What's your job, or your relationship to the child? "
                                "(For example 'teacher', 'dinner lady', 'neighbour' or 'member of the public'.)")
        return {"triage_role": role}

    def validate_child_age(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                           domain: DomainDict) -> Dict[str, Any]:
        if tracker.get_slot("requested_slot") != "child_age":
            return {"child_age": value}
        age = read_message(latest_text(tracker), "child_age").age
        if age is None:
            return self._failed("child_age", tracker, dispatcher,
                                "I need the child's age, from unborn to 17: for example 14, 'nine', '4 months' or "
                                "'30 weeks pregnant'. If you don't know, give your best guess.")
        return {"child_age": age.text}

    def validate_child_mobile(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> Dict[str, Any]:
        mobile = answers.parse_mobile(latest_text(tracker), latest_intent(tracker))
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
        if answers.is_done(text, intent):
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
            return self._failed("sos_scale", tracker, dispatcher,
                                "Please give a whole number from 0 to 10: 0 means the child is not safe at all, 10 "
                                "means the child is safe and their needs are met.")
        return {"sos_scale": float(scale)}

    def validate_review_confirmed(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[str, Any]:
        text, intent = latest_text(tracker), latest_intent(tracker)
        answer = answers.parse_yes_no(text, intent)
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
        answer = answers.parse_yes_no(latest_text(tracker), latest_intent(tracker))
        if answer is None:
            return self._failed("consent_parents_know", tracker, dispatcher,
                                "Please answer yes or no: do the parents or carers know you're worried?")
        return {"consent_parents_know": answer}

    def validate_consent_status(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> Dict[str, Any]:
        status = conv.parse_consent_status(latest_text(tracker), latest_intent(tracker))
        if status is None:
            return self._failed("consent_status", tracker, dispatcher,
                                "Have they agreed, refused, or have you not asked yet?")
        return {"consent_status": status}

    def validate_consent_risky(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> Dict[str, Any]:
        text, intent = latest_text(tracker), latest_intent(tracker)
        if answers.is_unsure(text, intent):
            return {"consent_risky": "unsure"}
        answer = answers.parse_yes_no(text, intent)
        if answer is None:
            return self._failed("consent_risky", tracker, dispatcher, "Please answer yes, no or not sure.")
        return {"consent_risky": "yes" if answer else "no"}


    # --- issue 13.4-5: earlier concerns, and the follow-up questions that could change the level
    def validate_sos_history(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> Dict[str, Any]:
        """Asked once; a bare "yes" gets one "what about?" (never a third ask); "not sure" states nothing."""
        if tracker.get_slot("requested_slot") != "sos_history":
            return {"sos_history": value}
        text, intent = latest_text(tracker).strip(), latest_intent(tracker)
        counts = dict(tracker.get_slot("question_failures") or {})
        asked_more = counts.get("sos_history", 0) >= 1
        if answers.is_unsure(text, intent) and len(text.split()) <= 4:
            return {"sos_history": "not sure"}
        answer = answers.parse_yes_no(text, intent)
        if answer is False and len(text.split()) <= 3:
            return {"sos_history": "no"}
        if answer is True and len(text.split()) <= 3:
            if asked_more:
                return {"sos_history": "yes (no details given)"}
            counts["sos_history"] = 1
            dispatcher.utter_message(text=conv.HISTORY_MORE)
            return {"sos_history": None, "question_failures": counts}
        return {"sos_history": f"Yes. {text}" if asked_more else text}

    def validate_sos_followup(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> Dict[str, Any]:
        """Read the answer to the question asked, then re-plan: the answer may make the rest moot."""
        state = tracker.get_slot("followup_state")
        item = followup.next_question(state)
        if item is None:
            return {"sos_followup": "done"}
        counts = dict(tracker.get_slot("question_failures") or {})
        answer = followup.read_answer(item, latest_text(tracker), latest_intent(tracker))
        if answer is None:
            counts, default = after_failure("sos_followup", counts)
            if default is None:
                dispatcher.utter_message(text=followup.UNREAD + item["question"])
                return {"sos_followup": None, "question_failures": counts}
            dispatcher.utter_message(text=default[1])
            answer = Answer(answer="unsure", fact=item.get("fact") or "",
                                     indicator=item.get("indicator") or "", concept=item.get("concept") or "",
                                     words=latest_text(tracker)[:2000])
        counts.pop("sos_followup", None)  # each question gets its own two tries
        slots = slot_values(tracker)
        before = assess_memo(conv.case_from_slots(slots))
        state = followup.record(state, item, answer)
        slots["followup_state"] = state
        case = conv.case_from_slots(slots)
        after = assess_memo(case)
        state = followup.plan(case, state, after)
        out: Dict[str, Any] = {"followup_state": state, "question_failures": counts,
                               "sos_followup": None if followup.next_question(state) else "done"}
        flags = flags_in_advice(after, before)
        if should_escalate(flags) and not tracker.get_slot("escalation_given"):
            dispatcher.utter_message(text=flags.message)  # the answer made it a red flag: say so now
            record_from_slots(tracker.sender_id, after, slots, source="escalation")
            out["escalation_given"] = True
        return out


def _plan_followup(tracker: Tracker, events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Once the scale is known, the engine's open questions and possible red flags become the plan (13.4)."""
    slots = {**slot_values(tracker), **{e["name"]: e["value"] for e in events if e.get("event") == "slot"}}
    if slots.get("sos_scale") is None or slots.get("followup_state") is not None \
            or slots.get("sos_followup") is not None or slots.get("triage_danger_now"):
        return []
    state = followup.plan(conv.case_from_slots(slots))
    out = [SlotSet("followup_state", state)]
    if followup.next_question(state) is None:
        out.append(SlotSet("sos_followup", "none"))
    return out


FREE_TEXT_SLOTS = ("sos_worried", "sos_more", "sos_working_well", "sos_needs", "review_confirmed",
                   "sos_history", "sos_followup")


def _free_text_extractor(slot: str):  # noqa: ANN202 - rasa-sdk calls extract_<slot>(dispatcher, tracker, domain)
    async def extract(self: ValidateAssessmentForm, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: DomainDict) -> Dict[str, Any]:
        return self._free_text(slot, tracker)

    extract.__name__ = f"extract_{slot}"
    return extract


for _slot in FREE_TEXT_SLOTS:  # custom extraction for every free-text answer (see _free_text)
    setattr(ValidateAssessmentForm, f"extract_{_slot}", _free_text_extractor(_slot))
