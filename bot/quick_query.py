"""Quick queries: one question, one precise answer from ``guidance/``, with the area named and the source cited.

No assessment is started. Contacts only ever come from the guidance; where it gives none, the answer says
so and whom to ask. A question that mentions immediate danger or a section 47 red flag is still escalated
(999 first) before anything else is said: a quick question never swallows an emergency.
"""

from __future__ import annotations

import re
from typing import Callable, Dict, List, Optional, Tuple

from pydantic import BaseModel

from bot.advice import DISCLAIMER, Advice, Citation
from bot.areas import NATIONAL_FALLBACK
from bot.assess import Engine, assess, get_engine
from bot.case import Case
from bot.guidance.loader import load_red_flags
from bot.guidance.models import AreaGuidance, Route
from bot.quick_query_topics import asks_s47, detect_topic, level_asked, service_asked
from bot.reading import read_message
from bot.red_flags import find_red_flags
from bot.render.text import contact_line
from bot.routes import citation, contact_for, emergency, front_door

COVERED = "Northamptonshire, Norfolk, Nottingham City and Bedford Borough"
ASK_AREA = (f"Which area is the child in? The answer depends on the local guidance: I hold guidance for "
            f"{COVERED}.")
# Service names that belong to one area only: naming them names the area ("CADS email?" is Norfolk).
AREA_TERMS = ("children's advice and duty", "cads", "partnership support", "cfss", "marf", "city mash")
_NON_MOBILE = re.compile(r"\b(non[- ]?mobile|not (yet )?(mobile|crawling|rolling)|immobile)\b", re.I)


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


class Body(BaseModel):
    """One topic's answer before it is framed with the area, the sources and the disclaimer."""

    lines: List[str]
    sources: List[Citation] = []
    doesnt_say: bool = False


def child_age(text: str) -> Optional[float]:
    """Only an age written as an age ('3-month-old', 'aged 14', 'year 5'), from the question's one Reading:
    'level 2' is not a two-year-old."""
    age = read_message(text).age
    return age.years if age is not None else None


def worry_text(text: str) -> str:
    """The question as the matcher reads it: '3-month-old' -> '3 month old'."""
    return re.sub(r"(?<=\w)-(?=\w)", " ", text)


def resolve_area(engine: Engine, text: str, remembered: Optional[str]) -> Tuple[Optional[AreaGuidance], Optional[str]]:
    """The area the question is about: a place it names, a service only one area has, else the remembered area.

    Returns (area, not_covered_message); both None when the area is unknown.
    """
    place = read_message(text).place  # the one reader: a UK place we don't cover gets the national route
    if place is not None and place.area:
        return engine.areas[place.area], None
    if place is not None and place.outside is not None:
        return None, place.outside.message()
    lowered = text.lower().replace("’", "'")
    for term in AREA_TERMS:
        if re.search(rf"\b{re.escape(term)}\b", lowered):
            owners = [a for a in engine.areas.values()
                      if any(term in (r.service + " " + r.how).lower() for r in a.routes)]
            if len(owners) == 1:
                return owners[0], None
    remembered_match = engine.resolver.resolve(remembered) if remembered else None
    if remembered_match and remembered_match.area:
        return engine.areas[remembered_match.area], None
    return None, None


def _route_source(area: AreaGuidance, route: Route) -> Citation:
    return citation(area, route.source.document, route.source.section)


def _door_text(area: AreaGuidance) -> str:
    door = front_door(area, "professional")
    phones = list(dict.fromkeys(p.number for p in door.phones))
    missing = _sentences(door.contact_missing or door.how, 1)
    return door.service + (f" on {' or '.join(phones)}" if phones else f" ({missing.rstrip('.')})")


def whom_to_ask(area: Optional[AreaGuidance]) -> str:
    if area is None:
        return ("Ask your designated safeguarding lead (DSL), or the advice line of the children's social care "
                "front door for the child's area.")
    return f"Ask your designated safeguarding lead (DSL), or the front door's advice line: {_door_text(area)}."


def _sentences(text: str, count: int) -> str:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z(])", text.strip())
    return " ".join(parts[:count])


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

    The decision is the conversation's own (bot/red_flags.py) on the question's one Reading; with no area,
    the red-flag policy's sources are cited instead of an area's matrix.
    """
    age = child_age(text)
    slots = {"triage_area": area.name if area else None, "child_age": age,
             "child_mobile": False if _NON_MOBILE.search(text) else None}
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


# --- topics -------------------------------------------------------------------------------------------------

def _route_for_service(area: AreaGuidance, service: str, role: str = "professional") -> Optional[Route]:
    if service == "partnership_support":
        routes = [r for r in area.routes if r.kind == "partnership_support"]
        return next((r for r in routes if "partnership support" in r.service.lower()), routes[0] if routes else None)
    if service == "early_help":
        return next((r for r in area.routes if r.kind == "early_help"), None)
    if service == "out_of_hours":
        return next((r for r in area.routes if r.kind == "out_of_hours"), None)
    if service == "999":
        return emergency(area)
    if service == "public":
        return front_door(area, "public")
    return front_door(area, role)


def _contact_lines(area: AreaGuidance, route: Route) -> List[str]:
    contact = contact_for(area, route)
    lines = [contact_line(contact) + "."]
    if route.written_referrals is False:
        lines.append(f"{route.service} takes no written referrals: all concerns are dealt with on the phone.")
    if not contact.phones and route.contact_missing:
        lines.append(route.contact_missing)
    if route.out_of_hours:
        lines.append(route.out_of_hours)
    return lines


def topic_contact(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    service = service_asked(text)
    route = _route_for_service(area, service)
    if route is None:
        return Body(lines=[f"The {area.name} guidance doesn't name that service.", whom_to_ask(area)],
                    sources=[_route_source(area, front_door(area))], doesnt_say=True)
    lines: List[str] = []
    sources = [_route_source(area, route)]
    mash = next((r for r in area.routes if r.kind == "mash"), None)
    if re.search(r"\bmash\b", text, re.I) and mash and mash.id != route.id and mash.contact_missing:
        lines.append(mash.contact_missing)  # e.g. Norfolk: the MASH is reached through CADS
        sources.insert(0, _route_source(area, mash))
    lines += _contact_lines(area, route)
    if route.kind in ("mash", "cads") and not route.phones:
        public = next((r for r in area.routes if r.kind == "public"), None)
        if public and public.phones:
            lines.append(f"Members of the public: {contact_line(contact_for(area, public))}.")
    return Body(lines=lines, sources=sources)


def topic_hours(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    service = service_asked(text)
    route = _route_for_service(area, "front_door" if service in ("out_of_hours", "999") else service)
    if route is None:
        return topic_contact(area, text, advice)
    sources = [_route_source(area, route)]
    lines: List[str] = []
    out_of_hours = next((r for r in area.routes if r.kind == "out_of_hours"), None)
    if route.hours:
        lines.append(f"{route.service}: {route.hours}.")
        if route.out_of_hours:
            lines.append(route.out_of_hours)
        doesnt_say = False
    else:
        lines.append(f"The {area.name} guidance doesn't give opening hours for {route.service}.")
        lines += _contact_lines(area, route)
        if out_of_hours:
            lines.append(f"Out of hours: {contact_line(contact_for(area, out_of_hours))}. {out_of_hours.how}")
            sources.append(_route_source(area, out_of_hours))
        lines.append(whom_to_ask(area))
        doesnt_say = True
    return Body(lines=lines, sources=sources, doesnt_say=doesnt_say)


def topic_email(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    route = _route_for_service(area, service_asked(text)) or front_door(area)
    sources = [_route_source(area, route)]
    if route.written_referrals is False:
        lines = [f"{route.service} takes no written referrals: all concerns are dealt with on the phone, so "
                 "there is no referral email."]
        if route.contact_missing and not route.phones:
            lines.append(route.contact_missing)
        if route.follow_up:
            lines.append(route.follow_up)
        return Body(lines=lines, sources=sources)
    if route.email:
        return Body(lines=[f"{route.service}: email {route.email}."] + ([route.follow_up] if route.follow_up else []),
                    sources=sources)
    lines = [f"The {area.name} guidance doesn't give an email address for {route.service}."]
    lines += _contact_lines(area, route)
    return Body(lines=lines + [whom_to_ask(area)], sources=sources, doesnt_say=True)


def topic_follow_up(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    route = front_door(area)
    sources = [_route_source(area, route)]
    if route.written_referrals is False:
        lines = [f"{route.service} takes no written referrals: all concerns are dealt with on the phone."]
        if route.follow_up:
            lines.append(route.follow_up)
        return Body(lines=lines, sources=sources)
    if route.follow_up:
        return Body(lines=[route.follow_up], sources=sources)
    return Body(lines=[f"The {area.name} guidance doesn't say how to follow up a call to {route.service} in writing.",
                       whom_to_ask(area)], sources=sources, doesnt_say=True)


def topic_what_is(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    service = service_asked(text)
    route = _route_for_service(area, service)
    if route is None:
        return Body(lines=[f"The {area.name} guidance doesn't describe that service.", whom_to_ask(area)],
                    sources=[_route_source(area, front_door(area))], doesnt_say=True)
    lines = [f"{route.service}: {_sentences(route.how, 4)}"] + _contact_lines(area, route)
    return Body(lines=lines, sources=[_route_source(area, route)])


def topic_eha(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    early = [r for r in area.routes if r.kind == "early_help"]
    named = [r for r in early if re.search(r"\bEHA\b|Early Help Assessment|Early Help/Family Help Assessment",
                                           r.service + " " + r.how)]
    if not named:
        route = early[0] if early else None
        if route is None:
            return Body(lines=[f"The {area.name} guidance doesn't describe an Early Help Assessment (EHA).",
                               whom_to_ask(area)], sources=[_route_source(area, front_door(area))], doesnt_say=True)
        return Body(lines=[f"The {area.name} guidance doesn't use the term EHA (Early Help Assessment). Its early "
                           f"help route is {route.service}: {_sentences(route.how, 4)}"],
                    sources=[_route_source(area, route)])
    route = named[0]
    lines = [f"An EHA is an Early Help Assessment. In {area.name}: {_sentences(route.how, 4)}"]
    lines += _contact_lines(area, route)
    return Body(lines=lines, sources=[_route_source(area, route)])


def topic_escalation(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    esc = area.escalation
    lines = [f"Professional disagreement: {esc.summary}"] + [f"{n}. {s}" for n, s in enumerate(esc.steps, 1)]
    return Body(lines=lines, sources=[citation(area, esc.source.document, esc.source.section)])


def topic_front_door_asks(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    door = front_door(area, "public" if service_asked(text) == "public" else "professional")
    ask = next((a for a in area.front_door_asks if a.route == door.id), None)
    if ask is None:
        return Body(lines=[f"The {area.name} guidance doesn't list what {door.service} will ask.", whom_to_ask(area)],
                    sources=[_route_source(area, door)], doesnt_say=True)
    lines = [f"{door.service} will ask:"] + [f"- {item}" for item in ask.items]
    return Body(lines=lines, sources=[citation(area, ask.source.document, ask.source.section)])


def topic_level_meaning(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    number = level_asked(text)
    spec = next((lv for lv in area.levels if lv.level == number), None)
    if spec is None:
        return Body(lines=["The guidance has levels 1 to 4; which one do you mean?"],
                    sources=[citation(area, area.levels[0].source.document, area.levels[0].source.section)],
                    doesnt_say=True)
    lines = [f"Level {spec.level} ({spec.name}): {spec.descriptor}", f"What happens: {spec.response}"]
    return Body(lines=lines, sources=[citation(area, spec.source.document, spec.source.section)])


def topic_threshold(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    found = [i for i in (advice.indicators if advice else []) if i.concept != "similar_descriptor"]
    if not found:
        return Body(lines=[f"I couldn't match that to an indicator in the {area.name} guidance, so the guidance "
                           "doesn't say as far as I can tell. Describe what you have seen or heard in the full "
                           "assessment, or ask.", whom_to_ask(area)],
                    sources=[citation(area, area.levels[0].source.document, area.levels[0].source.section)],
                    doesnt_say=True)
    names = {lv.level: lv.name for lv in area.levels}
    lines = []
    for item in found[:3]:
        flag = ", a section 47 red flag" if item.s47 else ""
        lines.append(f'"{item.text}" (you said "{item.matched}") is level {item.level} ({names[item.level]}){flag}.')
    top = found[0]
    asked = level_asked(text)
    if asks_s47(text):
        lines.append("So yes: it is a section 47 red flag." if top.s47 else
                     f"It is not on the {area.name} section 47 list as you've described it. If you have reasonable "
                     f"cause to suspect significant harm, talk to {_door_text(area)}.")
    elif asked is not None:
        lines.append(f"So yes: level {asked}." if top.level == asked else
                     f"So not level {asked}: the guidance puts it at level {top.level}.")
    lines.append("The level depends on the impact on the child and the whole picture: the full assessment weighs "
                 "everything you know together.")
    sources = list({(i.source.document, i.source.section): i.source for i in found[:3]}.values())
    return Body(lines=lines, sources=sources)


def _rules(area: AreaGuidance, pattern: str, level: Optional[int] = None) -> list:
    return [r for r in area.consent.rules if re.search(pattern, r.text, re.I) and (level is None or level in r.levels)]


def _rule_sources(area: AreaGuidance, rules: list) -> List[Citation]:
    return list({(r.source.document, r.source.section): citation(area, r.source.document, r.source.section)
                 for r in rules}.values())


def topic_consent_needed(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    rules = (_rules(area, r"without consent|not need|do not need|consent is not|not .{0,20}barrier", 4)[:1]
             or [r for r in area.consent.rules if 4 in r.levels][:1])
    rules += [r for r in area.consent.rules if 2 in r.levels and r not in rules][:1]
    lines = [area.consent.summary]
    if rules and 4 in rules[0].levels:
        lines.append(f"Where a child may be at risk of significant harm: {rules[0].text}")
    return Body(lines=lines, sources=_rule_sources(area, rules or area.consent.rules[:1]))


def topic_consent_tell_parents(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    level4 = [r for r in area.consent.rules if 4 in r.levels]
    if advice is not None and advice.s47:
        lines = [advice.consent.advice]
        sources = [advice.consent.source] if advice.consent.source else _rule_sources(area, level4[:1])
        return Body(lines=lines, sources=sources)
    lines = ["You can share information without telling or asking the parents first where:"]
    lines += [f"- {item}" for item in area.consent.exceptions[:5]]
    lines.append("Otherwise, tell the parents and seek their agreement first.")
    return Body(lines=lines, sources=_rule_sources(area, level4[:2] or area.consent.rules[:1]))


def topic_consent_young_person(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    own = area.consent.young_person_can_consent_from
    rules = _rules(area, r"young (person|people)|aged over|over 1\d")
    if own is None or not rules:
        return Body(lines=[f"The {area.name} guidance doesn't give an age at which a young person can consent "
                           "for themselves.", whom_to_ask(area)],
                    sources=_rule_sources(area, area.consent.rules[:1]), doesnt_say=True)
    lines = [rules[0].text]
    age = child_age(text) or _bare_age(text)
    if age is not None:
        lines.append(f"A {age:g}-year-old is {'over' if age > own else 'not over'} {own}, the age this guidance "
                     "gives.")
    return Body(lines=lines, sources=_rule_sources(area, rules[:1]))


def _bare_age(text: str) -> Optional[float]:
    match = re.search(r"\b(1[0-7]|[5-9])\b", text)
    return float(match.group(1)) if match else None


def topic_consent_refused(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    rules = _rules(area, r"refus|not (been )?(given|provided)|lack of consent|do not consent|does not consent")[:2]
    if not rules:
        return Body(lines=[f"The {area.name} guidance doesn't say what to do when consent is refused.",
                           whom_to_ask(area)], sources=_rule_sources(area, area.consent.rules[:1]), doesnt_say=True)
    lines = [r.text for r in rules]
    lines.append("If you come to believe the child is at risk of significant harm, refer without consent and record "
                 "why.")
    return Body(lines=lines, sources=_rule_sources(area, rules))


def topic_unknown(area: AreaGuidance, text: str, advice: Optional[Advice]) -> Body:
    return Body(lines=["The guidance doesn't say: I can't find an answer to that in the "
                       f"{area.name} guidance, and I won't guess.", whom_to_ask(area)],
                sources=[_route_source(area, front_door(area))], doesnt_say=True)


TOPICS: Dict[str, Callable[[AreaGuidance, str, Optional[Advice]], Body]] = {
    "contact": topic_contact, "hours": topic_hours, "email": topic_email, "follow_up": topic_follow_up,
    "what_is": topic_what_is, "eha": topic_eha, "escalation": topic_escalation,
    "front_door_asks": topic_front_door_asks, "level_meaning": topic_level_meaning, "threshold": topic_threshold,
    "consent_needed": topic_consent_needed, "consent_tell_parents": topic_consent_tell_parents,
    "consent_young_person": topic_consent_young_person, "consent_refused": topic_consent_refused,
}


# --- the one entry point ------------------------------------------------------------------------------------

def _frame(first: List[str], body_lines: List[str], sources: List[Citation]) -> str:
    lines = first + body_lines
    if sources:
        lines.append("Source: " + "; ".join(f"{c.title}, {c.section}" for c in sources) + ".")
    lines.append(DISCLAIMER)
    return "\n".join(lines)


def answer_question(text: str, remembered_area: Optional[str] = None) -> QuickAnswer:
    """One question -> one answer. ``remembered_area`` is the place the user gave earlier in the conversation."""
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
        mobile = False if _NON_MOBILE.search(text) else None
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
    if area is None:
        if topic is None:
            body = ["The guidance doesn't say: I can't find an answer to that in the guidance I hold, and I won't "
                    "guess. I can answer questions about contacts, consent, thresholds and process for " + COVERED
                    + ".", whom_to_ask(None)]
            return QuickAnswer(text=_frame(first, body, flag_sources), doesnt_say=True, escalate=escalate,
                               immediate_danger=danger, sources=flag_sources)
        return QuickAnswer(text=_frame(first, [ASK_AREA], flag_sources), topic=topic, needs_area=True,
                           escalate=escalate, immediate_danger=danger, sources=flag_sources)
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


def _not_recognised(reply: str) -> QuickAnswer:
    engine = get_engine()
    match = engine.resolver.resolve(reply)
    if match and match.not_covered:
        body = f"{match.place.title()} is covered by {match.not_covered}. {NATIONAL_FALLBACK}"
    else:
        body = (f"I didn't recognise that place, so I can't answer for an area. I hold guidance for {COVERED}: ask "
                f"again naming one of them. {NATIONAL_FALLBACK}")
    return QuickAnswer(text=_frame([], [body], []), doesnt_say=True)


def converse(text: str, remembered_area: Optional[str] = None, pending: Optional[str] = None,
             can_ask: bool = True) -> QuickTurn:
    """One turn of quick queries.

    ``pending`` is a question held while we asked for the area: a reply that names a place (and asks nothing
    new) answers it; a new question replaces it; anything else is said once not to be a place we know.
    ``can_ask`` is False mid-assessment, where the form owns the next question: the user is asked to name the
    area in the question instead.
    """
    engine = get_engine()
    if pending:
        match = engine.resolver.resolve(text)
        new_question = detect_topic(text, any(not h.negated for h in engine.matcher.find(worry_text(text))))
        if match and match.area and new_question is None:
            answer = answer_question(pending, remembered_area=engine.areas[match.area].name)
            return QuickTurn(answer=answer, remember_area=answer.area_name)
        if new_question is None:
            return QuickTurn(answer=_not_recognised(text))
    answer = answer_question(text, remembered_area)
    if answer.needs_area and not can_ask:
        body = (f"Ask me again with the area in your question (for example 'What's the MASH number in Norfolk?'): "
                f"the answer depends on the local guidance, and I hold guidance for {COVERED}.")
        first = [line for line in answer.text.split("\n") if line not in (ASK_AREA, DISCLAIMER)
                 and not line.startswith("Source: ")]
        answer = answer.copy(update={"text": _frame(first, [body], answer.sources)})
        return QuickTurn(answer=answer)
    return QuickTurn(answer=answer, remember_area=answer.area_name,
                     pending=text if answer.needs_area else None)
