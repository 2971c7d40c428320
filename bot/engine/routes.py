"""Which door, for which level and which person: from the area's levels and routes only."""

from __future__ import annotations

from typing import List, Optional, Sequence

from bot.engine.advice import Citation, Contact, MatchedIndicator
from bot.guidance.models import AreaGuidance, Route

FRONT_DOOR_KINDS = ("mash", "cads")


def citation(area: AreaGuidance, document: str, section: str) -> Citation:
    doc = next(d for d in area.documents if d.id == document)
    return Citation(document=doc.id, title=doc.title, section=section, seed=doc.seed)


def contact_for(area: AreaGuidance, route: Route) -> Contact:
    phones = list(dict.fromkeys(p.number for p in route.phones))
    return Contact(
        service=route.service, phone=phones[0] if phones else None, phones=phones, email=route.email,
        web=route.web, hours=route.hours, out_of_hours=route.out_of_hours, how=route.how,
        written_referrals=route.written_referrals, follow_up=route.follow_up, contact_missing=route.contact_missing,
        source=citation(area, route.source.document, route.source.section),
    )


def door_sentence(service: str, phones: Sequence[str], missing: Optional[str] = None) -> str:
    """The one way a front door is named with its numbers: "Norfolk CADS on 0344 800 8021", every number the
    seed gives; where it gives none, what it says instead, in brackets."""
    numbers = list(dict.fromkeys(phones))
    if numbers:
        return f"{service} on {' or '.join(numbers)}"
    return f"{service} ({missing.strip().rstrip('.')})" if missing and missing.strip() else service


def route_door(route: Route, missing: Optional[str] = None) -> str:
    """``door_sentence`` for a route of the guidance."""
    return door_sentence(route.service, [p.number for p in route.phones], missing)


def contact_door(contact: Contact) -> str:
    """``door_sentence`` for the advice's contact or door."""
    return door_sentence(contact.service, contact.phones)


def phones_text(contact: Contact) -> Optional[str]:
    """Every number the seed gives for a contact ("01604 526963 or 01604 526936"), never just the first."""
    return " or ".join(contact.phones) if contact.phones else contact.phone


def guidance_date(area: AreaGuidance) -> str:
    """The date of each of the area's guidance documents, as the document states it (issue 12.14)."""
    return "; ".join(f"{doc.title.split(':')[0].strip()}: {doc.published}" for doc in area.documents)


def route_by_id(area: AreaGuidance, route_id: str) -> Route:
    return next(r for r in area.routes if r.id == route_id)


_by_id = route_by_id


def _for_audience(routes: List[Route], role: str) -> Optional[Route]:
    wanted = ("public", "all") if role == "public" else ("professional", "all")
    return next((r for r in routes if r.audience in wanted and r.kind != "999"), None)


def level_routes(area: AreaGuidance, level: int) -> List[Route]:
    spec = next(lv for lv in area.levels if lv.level == level)
    return [_by_id(area, r) for r in spec.routes]


def front_door(area: AreaGuidance, role: str = "professional") -> Route:
    """The statutory door (MASH/CADS) for this person; the public line where the area has one."""
    if role == "public":
        public = next((r for r in area.routes if r.kind == "public"), None)
        if public:
            return public
    for route in level_routes(area, 4):
        if route.kind in FRONT_DOOR_KINDS and route.audience in ("professional", "all"):
            return route
    return next(r for r in area.routes if r.kind in FRONT_DOOR_KINDS)


def emergency(area: AreaGuidance) -> Route:
    return next(r for r in area.routes if r.kind == "999")


def _open_to_public(route: Route) -> bool:
    return route.audience in ("public", "all")


def route_for(area: AreaGuidance, level: int, role: str) -> Route:
    """Level 4 -> the front door; lower levels -> the level's first route for this audience.

    A member of the public at levels 1-2 is pointed to universal services that take anyone (the level's own,
    else the area's), and only where the area has none of those to its public line (Norfolk: its universal
    services are for professionals, and 0344 800 8020 takes calls from anyone). At level 3 and above the
    public get the public line or the front door, which take calls from anyone.
    """
    if level >= 4:
        return front_door(area, role)
    routes = level_routes(area, level)
    if role == "public":
        if level >= 3:
            return front_door(area, role)
        universal = [r for r in routes + area.routes if r.kind == "universal" and _open_to_public(r)]
        public = next((r for r in area.routes if r.kind == "public"), None)
        chosen = universal[0] if universal else public
        if chosen:
            return chosen
    chosen = _for_audience(routes, role) or (routes[0] if routes else None)
    return chosen or front_door(area, role)


def route_override(area: AreaGuidance, indicators: Sequence[MatchedIndicator], level: int,
                   role: str = "professional") -> Optional[str]:
    """The route id a seed requires for what was matched at this level, or None (issue 12.10).

    Data, not code: ``route_rules`` in the area file (Bedford level 3 environmental and parental items: "A
    referral to children's social care is required", 004). Only items at the decided level count, and a member
    of the public keeps the public line.
    """
    if role == "public":
        return None
    for rule in area.route_rules:
        if level in rule.levels and any(i.level == level and i.source.section.startswith(tuple(rule.sections))
                                        for i in indicators):
            return rule.route
    return None
