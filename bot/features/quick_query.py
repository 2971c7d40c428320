"""Quick queries: one question, one precise answer from ``guidance/``, with the area named and the source cited.

No assessment is started. Contacts only ever come from the guidance; where it gives none, the answer says
so and whom to ask. A question that mentions immediate danger or a section 47 red flag is still escalated
(999 first) before anything else is said: a quick question never swallows an emergency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from pydantic import BaseModel

from bot.engine.advice import DISCLAIMER, Advice, Citation
from bot.engine.assess import Engine, assess, get_engine
from bot.engine.case import Case
from bot.engine.routes import front_door
from bot.features.conversation import resolve_area_answer
from bot.features.quick_query_answers import (
    TOPICS,
    _door_text,
    _route_source,
    child_age,
    topic_contact,
    topic_unknown,
    whom_to_ask,
)
from bot.features.quick_query_general import general_answer
from bot.features.quick_query_topics import detect_topic, service_asked
from bot.features.red_flag_check import find_red_flags
from bot.guidance.areas import NATIONAL_FALLBACK, covered_list
from bot.guidance.loader import load_red_flags
from bot.guidance.models import AreaGuidance
from bot.language.answer_words import said_not_mobile
from bot.language.reading import PlaceRead, read_message

__all__ = ["ASK_AREA", "FormAnswer", "QuickAnswer", "QuickTurn", "answer_question", "child_age", "converse",
           "form_answer", "is_quick_question"]

COVERED = covered_list()
ASK_AREA = (f"Which area is the child in? The answer depends on the local guidance: I hold guidance for "
            f"{COVERED}.")
# Service names that belong to one area only: naming them names the area ("CADS email?" is Norfolk).
AREA_TERMS = ("children's advice and duty", "cads", "partnership support", "cfss", "marf", "city mash")


class QuickAnswer(BaseModel):
    """What a channel shows: the text, the area it is for, and the guidance sections it rests on."""

    type: str = "quick_answer"
    text: str
    topic: Optional[str] = None
    area: Optional[str] = None
    area_name: Optional[str] = None
    sources: List[Citation] = []
    needs_area: bool = False
    doesnt_say: bool = False
    escalate: bool = False
    immediate_danger: bool = False


def worry_text(text: str) -> str:
    """The question as the matcher reads it: '3-month-old' -> '3 month old'."""
    return re.sub(r"(?<=\w)-(?=\w)", " ", text)


def service_area(text: Optional[str]) -> Optional[str]:
    """The area id a service name belongs to when only one area has it ("CADS" is Norfolk); None for "the MASH"."""
    lowered = (text or "").lower().replace("’", "'")
    engine = get_engine()
    for term in AREA_TERMS:
        if re.search(rf"\b{re.escape(term)}\b", lowered):
            owners = [a for a in engine.areas.values()
                      if any(term in (r.service + " " + r.how).lower() for r in a.routes)]
            if len(owners) == 1:
                return owners[0].area
    return None


def resolve_area(engine: Engine, text: str, remembered: Optional[str]) -> Tuple[Optional[AreaGuidance], Optional[str]]:
    """The area the question is about: a place it names, a service only one area has, else the remembered area.

    Returns (area, not_covered_message); both None when the area is unknown.
    """
    place = read_message(text).place  # the one reader: a UK place we don't cover gets the national route
    if place is not None and place.area:
        return engine.areas[place.area], None
    if place is not None and place.outside is not None:
        return None, place.outside.message()
    owner = service_area(text)
    if owner is not None:
        return engine.areas[owner], None
    remembered_place = read_message(remembered, "triage_area").place if remembered else None
    if remembered_place is not None and remembered_place.area:
        return engine.areas[remembered_place.area], None
    return None, None


# --- urgency ------------------------------------------------------------------------------------------------

def _red_flag_sources(concepts: List[str]) -> List[Citation]:
    """The red-flag policy's sources, for an answer that has no area to cite."""
    found = []
    for flag in load_red_flags().red_flags:
        if flag.concept in concepts:
            found.append(Citation(document="red_flags", title="Section 47 red flags (all areas)",
                                  section="; ".join(flag.sources), seed="guidance/red_flags.yml"))
    return found


def urgency(engine: Engine, area: Optional[AreaGuidance], text: str,
            advice: Optional[Advice]) -> Tuple[bool, List[str], List[Citation]]:
    """(immediate danger, red-flag labels, sources) for what the question itself describes.

    The decision is the conversation's own (bot/engine/red_flags.py) on the question's one Reading; with no area,
    the red-flag policy's sources are cited instead of an area's matrix.
    """
    age = child_age(text)
    slots = {"triage_area": area.name if area else None, "child_age": age,
             "child_mobile": False if said_not_mobile(text) else None}
    flags = find_red_flags(read_message(worry_text(text)), slots)
    return flags.danger, list(flags.labels), [] if area else _red_flag_sources(list(flags.concepts))


def escalation_lines(area: Optional[AreaGuidance], danger: bool, labels: List[str]) -> List[str]:
    door = _door_text(area) if area else "the children's social care front door for the child's area"
    if danger:
        return [f"If a child is in immediate danger, call 999 now. Then contact {door}."]
    if labels:
        return [f"What you describe ({'; '.join(labels)}) is a section 47 red flag: if this is about a child you "
                f"are worried about now, contact {door} today. If the child is in immediate danger, call 999."]
    return []


# --- the one entry point ------------------------------------------------------------------------------------

def _frame(first: List[str], body_lines: List[str], sources: List[Citation]) -> str:
    lines = first + body_lines
    if sources:
        lines.append("Source: " + "; ".join(f"{c.title}, {c.section}" for c in sources) + ".")
    lines.append(DISCLAIMER)
    return "\n".join(lines)


def answer_question(text: str, remembered_area: Optional[str] = None, role: Optional[str] = None) -> QuickAnswer:
    """One question -> one answer. ``remembered_area`` is the place the user gave earlier in the conversation;
    ``role`` the conversation's (a member of the public asking whom to phone gets the public route)."""
    text = (text or "").strip()[:2000]
    engine = get_engine()
    if not text:
        return QuickAnswer(text=_frame([], ["What would you like to know?"], []), doesnt_say=True)
    area, not_covered = resolve_area(engine, text, remembered_area)
    worry = worry_text(text)
    names_a_worry = any(not h.negated for h in engine.matcher.find(worry))
    topic = detect_topic(text, names_a_worry)
    advice = None
    if area is not None and names_a_worry:
        mobile = False if said_not_mobile(text) else None
        advice = assess(Case(area=area.name, age=child_age(text), worried=worry, mobile=mobile))
    danger, labels, flag_sources = urgency(engine, area, text, advice)
    first = escalation_lines(area, danger, labels)
    escalate = danger or bool(labels)
    if not_covered:
        return QuickAnswer(text=_frame(first, [not_covered], []), topic=topic, escalate=escalate,
                           immediate_danger=danger)
    if topic is None and names_a_worry and not QUESTION_FORM.search(text):
        body = ["That sounds like a worry about a child rather than a quick question. Say \"I'm worried about a "
                "child\" and I'll take you through the questions and tell you what the guidance says to do.",
                whom_to_ask(area)]
        sources = flag_sources or ([_route_source(area, front_door(area))] if area else [])
        lines = [f"{area.name}: {body[0]}", body[1]] if area else body
        return QuickAnswer(text=_frame(first, lines, sources), area=area.area if area else None,
                           area_name=area.name if area else None, sources=sources, escalate=escalate,
                           immediate_danger=danger)
    reading = read_message(text)
    public = (reading.role.category if reading.role else role) == "public"
    general = general_answer(topic, text, area, advice)
    if general is not None:  # needs no area (issue 13.8): answered at once, the area's wording where known
        lines = ([f"{area.name}: {general.lines[0]}"] if area else general.lines[:1]) + general.lines[1:]
        return QuickAnswer(text=_frame(first, lines, general.sources), topic=topic,
                           area=area.area if area else None, area_name=area.name if area else None,
                           sources=general.sources, escalate=escalate, immediate_danger=danger)
    if area is None:
        if topic is None:
            body = ["The guidance doesn't say: I can't find an answer to that in the guidance I hold, and I won't "
                    "guess. I can answer questions about contacts, consent, thresholds and process for " + COVERED
                    + ".", whom_to_ask(None)]
            return QuickAnswer(text=_frame(first, body, flag_sources), doesnt_say=True, escalate=escalate,
                               immediate_danger=danger, sources=flag_sources)
        return QuickAnswer(text=_frame(first, [ASK_AREA], flag_sources), topic=topic, needs_area=True,
                           escalate=escalate, immediate_danger=danger, sources=flag_sources)
    if topic == "contact" and public and service_asked(text) == "front_door":
        body = topic_contact(area, text, advice, role="public")  # the area's public route
    else:
        body = TOPICS.get(topic or "", topic_unknown)(area, text, advice)
    lines = [f"{area.name}: {body.lines[0]}"] + body.lines[1:]
    return QuickAnswer(text=_frame(first, lines, body.sources), topic=topic, area=area.area, area_name=area.name,
                       sources=body.sources, doesnt_say=body.doesnt_say, escalate=escalate, immediate_danger=danger)


# --- one conversational turn (what the Rasa action calls) ----------------------------------------------------

QUESTION_FORM = re.compile(r"\?\s*$|^\s*(what|whats|what's|who|when|where|how|is|are|can|could|do|does|should|"
                           r"shall|which|why|will|would|quick question)\b", re.I)


def is_quick_question(text: Optional[str], intent: Optional[str]) -> bool:
    """A quick question rather than an answer to the assessment's question.

    All three must hold, so an answer is only set aside when it clearly is a question about the guidance: the
    classifier says quick_question, it is worded as a question, and a topic rule recognises what it asks.
    """
    text = text or ""
    return intent == "quick_question" and bool(QUESTION_FORM.search(text)) and detect_topic(text) is not None


class QuickTurn(BaseModel):
    """The answer to send, and what the conversation should remember afterwards."""

    answer: QuickAnswer
    remember_area: Optional[str] = None
    pending: Optional[str] = None


def _not_recognised(place: Optional[PlaceRead]) -> QuickAnswer:
    """The reply to "which area?" named no covered area: a UK place we don't cover gets the national route."""
    if place is not None and place.outside is not None:
        body = place.outside.message()
    else:
        body = (f"I didn't recognise that place, so I can't answer for an area. I hold guidance for {COVERED}: ask "
                f"again naming one of them. {NATIONAL_FALLBACK}")
    return QuickAnswer(text=_frame([], [body], []), doesnt_say=True)


@dataclass(frozen=True)
class FormAnswer:
    """What an answer to the form's question sets: the slot's value, and a line to say first (if any)."""

    value: Optional[str]
    message: Optional[str] = None


def form_answer(text: Optional[str], requested: Optional[str]) -> Optional[FormAnswer]:
    """The answer to the form's question however the classifier read it, or None if the message isn't one.

    An age-looking answer to "how old?" ("unborn (26 weeks), sibling 3") is the age, and a place that asks nothing
    to "which town?" ("Caister-on-Sea", read by the classifier as a question) is the area, never a quick question.
    The message is read once here, so the action sets what this returns and never re-reads it.
    """
    if requested == "child_age":
        age = read_message(text, "child_age").age
        return FormAnswer(value=age.text) if age is not None else None
    if requested == "triage_area" and text:
        place = read_message(text, "triage_area").place
        if place is None or not (place.area or place.outside):
            return None
        if detect_topic(text, any(not h.negated for h in get_engine().matcher.find(worry_text(text)))) is not None:
            return None
        area = resolve_area_answer(text)
        return FormAnswer(value=area.value, message=area.message)
    return None


def converse(text: str, remembered_area: Optional[str] = None, pending: Optional[str] = None,
             can_ask: bool = True, role: Optional[str] = None) -> QuickTurn:
    """One turn of quick queries.

    ``pending`` is a question held while we asked for the area: a reply that names a place (and asks nothing
    new) answers it; a new question replaces it; anything else is said once not to be a place we know.
    ``can_ask`` is False mid-assessment, where the form owns the next question: the user is asked to name the
    area in the question instead.
    """
    engine = get_engine()
    if pending:
        place = read_message(text, "triage_area").place  # the one reader, as an answer to "which area?"
        new_question = detect_topic(text, any(not h.negated for h in engine.matcher.find(worry_text(text))))
        if place is not None and place.area and new_question is None:
            answer = answer_question(pending, remembered_area=engine.areas[place.area].name, role=role)
            return QuickTurn(answer=answer, remember_area=answer.area_name)
        if new_question is None:
            return QuickTurn(answer=_not_recognised(place))
    answer = answer_question(text, remembered_area, role)
    if answer.needs_area and not can_ask:
        body = (f"Ask me again with the area in your question (for example 'What's the MASH number in Norfolk?'): "
                f"the answer depends on the local guidance, and I hold guidance for {COVERED}.")
        first = [line for line in answer.text.split("\n") if line not in (ASK_AREA, DISCLAIMER)
                 and not line.startswith("Source: ")]
        answer = answer.copy(update={"text": _frame(first, [body], answer.sources)})
        return QuickTurn(answer=answer)
    return QuickTurn(answer=answer, remember_area=answer.area_name,
                     pending=text if answer.needs_area else None)
