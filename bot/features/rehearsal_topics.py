"""What the front door asks on the call, as the duty social worker would put it: the rehearsal's topics.

Split from bot/features/rehearsal.py so each module stays small; the plan for an area (``rehearsal``) maps
the guidance's own items onto these topics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, List, Mapping, Tuple

from bot.guidance.loader import cached_areas
from bot.guidance.models import AreaGuidance, Route

# kinds: "detail" (facts the door notes down; only emptiness is probed), "account" (the story:
# probed for opinion and vagueness), "consent" (probed until the position is stated).
DETAIL, ACCOUNT, CONSENT = "detail", "account", "consent"


@dataclass(frozen=True)
class Topic:
    """One thing the front door asks, with the question as the duty social worker would put it."""

    id: str
    label: str
    question: str
    kind: str
    pattern: str  # matched (case-insensitive) against the guidance item that asks for it


# Order is the order of the call. Each guidance item maps to every topic whose pattern it matches;
# an item that matches none is still asked, in the guidance's own words (see _generic_topic).
TOPICS: Tuple[Topic, ...] = (
    Topic("referrer", "your name, role and agency",
          "Can I take your name, role and agency first? You can't stay anonymous on a referral.",
          DETAIL, r"own details|anonymous"),
    Topic("child_details", "the child's details",
          "Let's start with the child. What details do you have: name, age or date of birth, address, school "
          "or nursery? (For practice, initials or made-up details are fine.)",
          DETAIL, r"details known to you|child's details"),
    Topic("family", "the family composition, including siblings",
          "Who's in the family? Who lives with the child, are there brothers or sisters, and who else is "
          "around them?",
          ACCOUNT, r"family composition|siblings"),
    Topic("concern", "the nature of the concern",
          "What is the nature of your concern? What exactly have you seen or heard, and when?",
          ACCOUNT, r"nature of the concern|seen or heard that worries"),
    Topic("health", "the child's health and wellbeing",
          "How is the child's health and wellbeing? Tell me what you've seen.",
          ACCOUNT, r"health and wellbeing"),
    Topic("parenting", "parenting ability",
          "What have you seen of the parents' or carers' ability to look after the child?",
          ACCOUNT, r"parenting ability"),
    Topic("wider_family", "the wider family and environment",
          "What about the child's wider family and environment: home, housing, community?",
          ACCOUNT, r"wider family and environment"),
    Topic("development", "the child's developmental needs and the parents' capacity to meet them",
          "What are the child's developmental needs, and how able are the parents or carers to meet them?",
          ACCOUNT, r"developmental needs"),
    Topic("risks", "your view of the immediate risks",
          "What's your view of the immediate risks to the child?",
          ACCOUNT, r"immediate risks"),
    Topic("whereabouts", "where the child is now",
          "Where is the child right now, and who are they with?",
          DETAIL, r"where the child is now"),
    Topic("working_well", "what is working well and what needs to be addressed",
          "What's working well for this family, and what needs to be addressed?",
          ACCOUNT, r"what is working well"),
    Topic("agencies", "the agencies involved or needed",
          "Which agencies are involved already or needed (education, housing, health)? Will it take more "
          "than one?",
          DETAIL, r"agencies"),
    Topic("eha", "any Early Help Assessment to attach",
          "Is there an Early Help Assessment? If there is, you'll need to send it with the referral.",
          DETAIL, r"early help assessment \(eha\)"),
    Topic("family_views", "the family's views",
          "What are the family's views on support, and on the worries you've raised?",
          ACCOUNT, r"family's views"),
    Topic("parents_told", "whether the parents know",
          "Have you told the parents or carers about your concern?",
          CONSENT, r"informed parents"),
    Topic("consent", "consent and your efforts to get it",
          "Has the family been told, and have they consented? If not, what did you do to seek it, and why "
          "didn't you, or why wasn't it given?",
          CONSENT, r"has consented|parent given consent|consent of the parent|efforts made to get it"),
    Topic("consent_understood", "whether the parents understood what will be shared",
          "When you sought consent, did the parents understand that the information will be shared with "
          "services where that's appropriate?",
          CONSENT, r"understood that the information will be shared"),
    Topic("sharing", "why and with whom information will be shared",
          "Why, and with whom, will the information be shared? Is the consent recorded?",
          CONSENT, r"why and with whom"),
    Topic("no_consent_evidence", "the evidence of significant harm if there is no consent",
          "If there's no consent: what's the evidence that the child would be at risk of significant harm if "
          "this referral weren't made? (Say 'not applicable' if they agreed.)",
          CONSENT, r"no parental consent"),
)
_BY_ID = {t.id: t for t in TOPICS}

# Where a seed says what a referral must include outside ``front_door_asks`` (Northamptonshire's 2022
# guidance, sections 4.2 and 8.1): these ``recording`` lines are asked too. tests check they resolve.
RECORDING_ASKS: Dict[str, Tuple[str, ...]] = {
    "northamptonshire": ("When referring a child, include", "Where you refer without consent, provide evidence"),
}


def label(topic_id: str) -> str:
    return _BY_ID[topic_id].label if topic_id in _BY_ID else topic_id


def _area(area_id: str) -> AreaGuidance:
    areas = cached_areas()
    if area_id not in areas:
        raise ValueError(f"no guidance for area {area_id!r}; areas: {', '.join(sorted(areas))}")
    return areas[area_id]


def door_route(area: AreaGuidance) -> Route:
    """The door a professional calls about a child at risk: the MASH or CADS (the one whose asks are listed)."""
    doors = [r for r in area.routes if r.kind in ("cads", "mash") and r.audience != "public"]
    if not doors:
        raise ValueError(f"{area.area}: no front door in the guidance")
    asked = {a.route for a in area.front_door_asks}
    return next((r for r in doors if r.id in asked), doors[0])


@lru_cache(maxsize=16)
def plan(area_id: str) -> Tuple[Dict[str, Any], ...]:
    """The call's questions for the area, in order, each with the guidance words it comes from."""
    area = _area(area_id)
    door = door_route(area)
    asks = [a for a in area.front_door_asks if a.route == door.id]
    if not asks:  # Bedford Borough: the seed lists what its Early Help Assessment asks, not the MASH call
        kinds = {r.id: r.kind for r in area.routes}
        asks = [a for a in area.front_door_asks if kinds.get(a.route) != "public"][:1]
    items: List[Tuple[str, str]] = []  # (guidance words, where they come from)
    for ask in asks:
        document = next(d for d in area.documents if d.id == ask.source.document)
        items += [(item, f"{document.title}, {ask.source.section}") for item in ask.items]
    for anchor in RECORDING_ASKS.get(area_id, ()):
        line = next((r for r in area.recording if anchor.lower() in r.lower()), None)
        if line:
            items.append((line, f"{area.name} recording guidance"))
    concern = next((q for q in area.signs_of_safety.worried if "seen or heard" in q.lower()), "")
    if concern:
        document = next(d for d in area.documents if d.id == area.signs_of_safety.source.document)
        items.append((concern, f"{document.title}, {area.signs_of_safety.source.section}"))
    found: Dict[str, Dict[str, Any]] = {}
    extra: List[Dict[str, Any]] = []
    for words, source in items:
        topics = [t for t in TOPICS if re.search(t.pattern, words, re.I)]
        for topic in topics:
            entry = found.setdefault(topic.id, {"id": topic.id, "asks": [], "sources": []})
            entry["asks"].append(words)
            if source not in entry["sources"]:
                entry["sources"].append(source)
        if not topics:
            extra.append({"id": f"ask{len(extra) + 1}", "asks": [words], "sources": [source]})
    ordered = [found[t.id] for t in TOPICS if t.id in found] + extra
    return tuple(ordered)


def topic_of(entry: Mapping[str, Any]) -> Topic:
    """The topic for a plan entry; guidance items we have no wording for are asked in their own words."""
    if entry["id"] in _BY_ID:
        return _BY_ID[entry["id"]]
    words = entry["asks"][0].rstrip(".")
    return Topic(entry["id"], words[:1].lower() + words[1:], f"They'll also ask about this: {words}. What would "
                 "you tell them?", ACCOUNT, "")


def door_name(area_id: str) -> str:
    return door_route(_area(area_id)).service
