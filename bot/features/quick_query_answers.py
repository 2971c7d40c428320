"""Quick-query answers for one covered area, topic by topic, each from ``guidance/`` with its source.

Split from bot/features/quick_query.py (which routes a question and frames the answer) so each module stays small:
here is only what the area's guidance says about contacts, hours, process, thresholds and consent.
"""

from __future__ import annotations

import re
from typing import Callable, Dict, List, Optional

from pydantic import BaseModel

from bot.engine.advice import Advice, Citation
from bot.engine.routes import citation, contact_for, emergency, front_door, route_door
from bot.features.quick_query_topics import asks_s47, level_asked, service_asked
from bot.guidance.models import AreaGuidance, Route
from bot.language.reading import read_message
from bot.render.text import contact_line


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



def _route_source(area: AreaGuidance, route: Route) -> Citation:
    return citation(area, route.source.document, route.source.section)


def _door_text(area: AreaGuidance) -> str:
    door = front_door(area, "professional")
    return route_door(door, _sentences(door.contact_missing or door.how, 1))


def whom_to_ask(area: Optional[AreaGuidance]) -> str:
    if area is None:
        return ("Ask your designated safeguarding lead (DSL), or the advice line of the children's social care "
                "front door for the child's area.")
    return f"Ask your designated safeguarding lead (DSL), or the front door's advice line: {_door_text(area)}."


def _sentences(text: str, count: int) -> str:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z(])", text.strip())
    return " ".join(parts[:count])



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


def topic_contact(area: AreaGuidance, text: str, advice: Optional[Advice], role: str = "professional") -> Body:
    service = "public" if role == "public" else service_asked(text)
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

