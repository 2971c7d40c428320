"""The conversation's red-flag check: what this message adds to the case the slots hold (issue 13.2).

The decision itself (``RedFlags``, ``should_escalate``, the escalation message) is the engine's
(``bot.engine.red_flags``); this module only builds the case from the conversation's state, through the one
slots -> Case mapping (``bot.features.conversation.case_from_slots``), and asks the engine.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from bot.engine.assess import assess, get_engine
from bot.engine.case import Case
from bot.engine.life_threat import threat_to_life
from bot.engine.red_flags import NONE, RedFlags, could_flag_without_a_hit, should_escalate
from bot.features.conversation import case_from_slots
from bot.guidance.areas import NATIONAL_FALLBACK, OUT_OF_AREA
from bot.language.reading import Reading, read_message


def _danger_words(reading: Reading, concepts: Mapping[str, Any]) -> bool:
    """True when a worry the matcher found in this message is itself immediate danger."""
    return any(concepts[h.concept].immediate_danger for h in reading.hits if h.concept in concepts)


def _case(reading: Reading, slots: Mapping[str, Any], area: Optional[str], danger_words: bool) -> Case:
    """The case so far plus this message, with the place and age this message gave where slots lack them."""
    case = case_from_slots(slots, extra_worry=reading.text)
    update: dict = {"area": area}
    if case.age is None and reading.age is not None:
        update["age"] = reading.age.years
    # Danger said in plain words ("she's in danger right now") is the user's answer; danger read from a worry's words
    # is the engine's to decide, with its rules (a game's score, "mum's going to kill me" over spilt paint).
    if reading.danger_now and not danger_words:
        update["danger_now"] = True
    return case.copy(update=update)


def find_red_flags(reading: Reading, slots: Optional[Mapping[str, Any]] = None) -> RedFlags:
    """Red flags and danger in this message, read against what the conversation already holds."""
    slots = slots or {}
    text = reading.text
    if not text.strip() or (not reading.hits and not could_flag_without_a_hit(text)):
        return NONE  # "no", "Norwich", "9": nothing here can be a new flag; skip the assessment
    engine = get_engine()
    slot_area = slots.get("triage_area")
    area = None if slot_area in (None, OUT_OF_AREA) else slot_area
    outside = None
    if area is None and reading.place is not None:
        area = reading.place.words if reading.place.area else None
        outside = reading.place.outside.message() if reading.place.outside else None
    if slot_area == OUT_OF_AREA and outside is None:
        outside = NATIONAL_FALLBACK
    area_known = area is not None and bool((m := engine.resolver.resolve(area)) and m.area)
    # Red flags hold in every covered area (guidance/red_flags.yml): with no area yet, any area's rules find them.
    probe = area if area_known else engine.areas[sorted(engine.areas)[0]].name
    said_here = _danger_words(reading, engine.concepts)
    advice = assess(_case(reading, slots, probe, said_here))
    lowered = text.lower()
    flagged = [i for i in advice.indicators if i.s47 and i.matched and i.matched.lower() in lowered]
    # Danger is the engine's decision on the case where it read one (its rules rule out a game's score or "mum's
    # going to kill me" over spilt paint); outside the covered areas nothing is ruled out. Either way this message
    # must carry the danger words for the check to escalate on it.
    engine_says = advice.immediate_danger or advice.area is None
    danger = engine_says and (said_here or (advice.immediate_danger and threat_to_life(lowered)))
    if not (danger or flagged):
        return NONE
    return RedFlags(danger=danger, labels=tuple(dict.fromkeys(i.label for i in flagged)),
                    concepts=tuple(dict.fromkeys(i.concept or "" for i in flagged)),
                    advice=advice if area_known else None, area_known=area_known, outside=outside)


def check_urgent(slots: Mapping[str, Any], text: str) -> Optional[RedFlags]:
    """The red-flag decision for this message (bot/engine/red_flags.py), or None when nothing escalates."""
    if not text or not text.strip():
        return None
    flags = find_red_flags(read_message(text, slots.get("requested_slot")), slots)
    return flags if should_escalate(flags) else None
