"""Conversation logic the Rasa actions call: answer parsing, the case from slots, reflect-back, urgency.

Actions stay thin: they read slot values into plain dicts, call these
functions, and turn the results into messages and slot events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from bot.engine.advice import Advice
from bot.engine.assess_memo import assess_memo
from bot.engine.case import Case
from bot.features.followup import answers, describe
from bot.guidance.areas import NATIONAL_FALLBACK, OUT_OF_AREA, covered_list
from bot.language.answer_words import is_unsure, parse_yes_no
from bot.language.parsing import parse_age_years, parse_scale
from bot.language.reading import read_message
from bot.language.roles import read_role

COVERED_AREAS = covered_list("or")
MOBILE_CHECK_BELOW_YEARS = 1.0
HISTORY_MORE = ("What were the earlier worries about, and roughly when? (Say 'not sure' if you don't know.)")
ESCALATE_UNCLEAR = "Thank you, I've noted that. If the child is in immediate danger at any point, call 999."


CONTROL_INTENTS = {"help_request", "start_again", "stop_conversation"}
_COMMAND = re.compile(r"^\s*(please\s+)?(help( me)?|stop( now)?|stop this|cancel|quit|exit|end|restart|reset|"
                      r"start (again|over)|begin again|new child|another child|what can you do|"
                      r"how does this work)(\s+please)?\s*[.!?]*\s*$", re.I)


def is_control_message(text: Optional[str], intent: Optional[str]) -> bool:
    """A short 'help' / 'stop' / 'start again' is a command; a longer answer that mentions them is an answer.

    An answer the classifier thinks is urgent is still an answer: it fills the slot, and the form's
    validation escalates when the matcher's explicit rules find a red flag in it.
    """
    return intent in CONTROL_INTENTS and bool(_COMMAND.match(text or ""))


def parse_role(text: Optional[str], entity: Optional[str] = None) -> Optional[str]:
    """The answer to "professional or public?": any job title or relationship counts (bot/language/roles.py)."""
    if entity in ("professional", "public"):
        return entity
    role = read_role(text, answering=True)
    return role.category if role else None


CONSENT_STATES = ("given", "refused", "not_asked", "unsure")


def asks_consent_status(slots: Mapping[str, Any]) -> bool:
    """'Have they agreed?' only follows 'yes, they know': parents who don't know can't have agreed (issue 13.6)."""
    return slots.get("consent_parents_know") is not False


def parse_consent_status(text: Optional[str], intent: Optional[str] = None) -> Optional[str]:
    """'Have they agreed?' -> given / refused / not_asked / unsure. "Not sure" stays unsure, never refused."""
    text = (text or "").lower()
    if intent == "consent_not_asked" or re.search(r"\b(not asked|haven'?t asked|didn'?t ask|not yet|"
                                                  r"not spoken|haven'?t spoken|not been asked)\b", text):
        return "not_asked"
    if is_unsure(text, intent):
        return "unsure"
    if re.search(r"\b(refus\w*|declin\w*|said no|won'?t|don'?t want|do not want|object\w*|disagree\w*)\b", text):
        return "refused"
    if re.search(r"\b(agree\w*|consent\w*|gave|given|happy|ok with|okay with|said yes|fine with)\b", text):
        return "given"
    yes_no = parse_yes_no(text, intent)
    if yes_no is True:
        return "given"
    if yes_no is False:
        return "refused"
    return None


@dataclass(frozen=True)
class AreaAnswer:
    """The slot value to keep (area text, or OUT_OF_AREA) and what to tell the user, if anything."""

    value: Optional[str]
    area: Optional[str]
    message: Optional[str] = None


def resolve_area_answer(text: Optional[str], entity: Optional[str] = None) -> AreaAnswer:
    """The whole answer first ("King's Lynn"), then the extracted entity, which may be a fragment."""
    place = read_message(text, "triage_area").place or (read_message(entity, "triage_area").place if entity else None)
    if place and place.area:
        return AreaAnswer(value=place.words, area=place.area)
    if place and place.outside:
        return AreaAnswer(value=OUT_OF_AREA, area=None, message=place.outside.message())
    if text and re.search(r"\b(other|elsewhere|none of (those|them)|somewhere else|outside)\b", text, re.I):
        return AreaAnswer(value=OUT_OF_AREA, area=None, message=NATIONAL_FALLBACK)
    return AreaAnswer(value=None, area=None,
                      message=f"I didn't recognise that place. Which town, city or county does the child live in? "
                              f"I hold guidance for {COVERED_AREAS}. If it's somewhere else, say 'other'.")


def age_answer(text: Optional[str]) -> Optional[float]:
    return parse_age_years(text)


def scale_answer(text: Optional[str]) -> Optional[int]:
    return parse_scale(text)


def needs_mobility_question(age_text: Optional[str]) -> bool:
    age = parse_age_years(age_text) if age_text else None
    return age is not None and 0 <= age < MOBILE_CHECK_BELOW_YEARS  # not for an unborn baby


def append_text(existing: Optional[str], new: Optional[str]) -> str:
    """Answers accumulate; nothing the user typed is dropped (long answers are capped, and said so)."""
    # Each answer ends its own sentence, so a pattern's gap can never join two answers (or an
    # answer and its repeat) into one match.
    parts = [p.strip() for p in (existing or "", new or "") if p and p.strip()]
    return " ".join(p if p.endswith((".", "!", "?")) else p + "." for p in parts)


def case_from_slots(slots: Mapping[str, Any], extra_worry: Optional[str] = None) -> Case:
    """The engine's input from the conversation's slots: the one mapping, used by every action."""
    area = slots.get("triage_area")
    age = slots.get("child_age") or None
    existing = slots.get("sos_worried") or ""
    # Validation may already have put the new answer in the slot: never count it twice.
    worried = append_text(existing, extra_worry) if extra_worry and extra_worry.strip() not in existing \
        else existing
    return Case(
        area=None if area in (None, OUT_OF_AREA) else area,
        age=age if age is not None and parse_age_years(age) is not None else None,  # "unknown": a safe default
        role=slots.get("triage_role") if slots.get("triage_role") in ("professional", "public") else "professional",
        worried=worried,
        corrections=slots.get("sos_corrections") or "",
        working_well=slots.get("sos_working_well") or "",
        needs=slots.get("sos_needs") or "",
        scale=slots.get("sos_scale"),
        danger_now=bool(slots.get("triage_danger_now")),
        consent=slots.get("consent_status") if slots.get("consent_status") in CONSENT_STATES else "not_asked",
        consent_risky=slots.get("consent_risky") in (True, "yes", "unsure"),
        mobile=slots.get("child_mobile") if isinstance(slots.get("child_mobile"), bool) else None,
        history=_history(slots.get("sos_history"), worried),
        answers=followup_answers(slots.get("followup_state")),
    )


def _history(value: Any, worried: str) -> str:
    """Earlier concerns as the engine reads them (issue 13.5); "not sure" states none. Earlier concerns already
    said among the worries (so not asked again) stay where they were said: the CLI given the same worries reads
    the same case, and nothing is counted twice."""
    text = str(value or "").strip()
    if not text or (is_unsure(text) and len(text.split()) <= 3) or text in worried:
        return ""
    return text


def followup_answers(state: Any) -> list:
    """The follow-up answers (issue 13.4) as ``Case.answers``."""
    return answers(state)


@dataclass
class Reflection:
    """What the assistant heard, in plain words, for the user to confirm or correct."""

    heard: List[str] = field(default_factory=list)
    ruled_out: List[str] = field(default_factory=list)
    answered: List[str] = field(default_factory=list)  # the follow-up questions and answers (issue 13.4)
    history: str = ""  # earlier concerns, as said (issue 13.5)

    def message(self) -> str:
        if not self.heard:
            lines = ["I couldn't match what you've told me to a specific indicator in the guidance."]
        else:
            lines = ["It sounds like:"] + [f"- {h}" for h in self.heard]
        if self.ruled_out:
            lines.append("You told me these are not happening: " + "; ".join(self.ruled_out) + ".")
        if self.answered:
            lines.append("You answered:")
            lines += [f"- {a}" for a in self.answered]
        if self.history:
            lines.append(f'Earlier concerns: "{self.history[:300]}"')
        lines.append("Is that right? Say yes, or tell me what to change or add.")
        return "\n".join(lines)


def reflect(case: Case) -> Reflection:
    advice = assess_memo(case)
    heard = []
    for item in advice.indicators:
        words = f' (you said "{item.matched}")' if item.matched else ""
        flag = " - a section 47 red flag" if item.s47 else ""
        heard.append(f"{item.label}{words}{flag}")
    return Reflection(heard=list(dict.fromkeys(heard)), ruled_out=[r.label for r in advice.ruled_out],
                      answered=_answered(case), history=case.history)


def _answered(case: Case) -> List[str]:
    return describe(case.answers)


def advice_summary(advice: Advice) -> Dict[str, Any]:
    """The few facts other features (record, rehearsal) need, without free text."""
    return {"area": advice.area, "level": advice.level, "route": advice.route, "s47": advice.s47,
            "indicators": [i.id for i in advice.indicators]}
