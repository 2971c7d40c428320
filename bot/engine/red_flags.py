"""One decision on red flags and immediate danger, from a Reading: the form, the opening message, quick
questions, rehearsal and the audit log all use it.

Why one place: urgency used to be decided three times (the form's check, the escalation action and quick
queries), and the form's check ran without the place the same message named, so an opening that said
"black eye ... mum's boyfriend did it ... we're in corby" was not escalated until the reflect-back. The
decision uses the engine's own red-flag concepts and rules (``guidance/red_flags.yml``, the age rules in
``bot/engine/indicators.py``) through ``assess``; it never uses the intent classifier.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from bot.engine.advice import Advice
from bot.engine.injury_words import INJURY_WORDS
from bot.engine.life_threat import threat_to_life
from bot.engine.routes import contact_door

NO_DOOR = "the children's social care front door for the child's area"


@dataclass(frozen=True)
class RedFlags:
    """What one message adds: immediate danger, section 47 red flags (by label), and the advice they rest on.

    ``area_known`` is False when no covered area is known yet: the flags were found with the rules every
    area shares (guidance/red_flags.yml) and the message asks for the area instead of naming a door.
    """

    danger: bool = False
    labels: Tuple[str, ...] = ()
    concepts: Tuple[str, ...] = ()
    advice: Optional[Advice] = None
    area_known: bool = False
    outside: Optional[str] = None  # the national-route text when the place is one we don't cover

    @property
    def s47(self) -> bool:
        return bool(self.labels)

    @property
    def message(self) -> str:
        return escalation_message(self)


NONE = RedFlags()


def should_escalate(flags: RedFlags) -> bool:
    """The one rule: immediate danger or a section 47 red flag in this message escalates in this reply."""
    return flags.danger or flags.s47


def could_flag_without_a_hit(text: str) -> bool:
    """Rules that flag words no concept pattern matched: injury words (age rules for babies, doubted
    explanations) and a threat to life. Anything else needs a concept hit."""
    lowered = text.lower()
    return bool(INJURY_WORDS.search(lowered)) or threat_to_life(lowered)


def _door(advice: Optional[Advice]) -> str:
    if advice is None or not advice.area:
        return NO_DOOR
    return contact_door(advice.door or advice.contact)


def escalation_message(flags: RedFlags) -> str:
    """999 first where there is danger; else 'a section 47 matter: contact the front door today', naming the
    door when the area is known and asking for the area when it isn't."""
    door = _door(flags.advice)
    if flags.outside:
        first = "If the child is in immediate danger, call 999 now." if flags.danger else (
            f"What you've told me ({'; '.join(flags.labels)}) is a section 47 matter: reasonable cause to suspect "
            "significant harm. Contact children's social care today.")
        return f"{first} {flags.outside}"
    if flags.danger:
        then = f" Then contact {door}." if flags.area_known else \
            " Then contact the children's social care front door: tell me where the child lives and I'll name it."
        return "If the child is in immediate danger, call 999 now." + then + \
            " I'll keep going with you once the child is safe."
    labels = "; ".join(flags.labels)
    ask = "" if flags.area_known else " Tell me where the child lives and I'll give you the number."
    return (f"What you've just told me ({labels}) is a section 47 red flag: reasonable cause to suspect significant "
            f"harm. This is a section 47 matter: don't wait for the end of this conversation, contact {door} today."
            f"{ask} If the child is in immediate danger, call 999. I'll carry on so we can get the details right.")


def flags_in_advice(advice: Advice, before: Optional[Advice] = None) -> RedFlags:
    """The section 47 red flags an assessment holds that an earlier one did not (issue 13.4: a follow-up
    answer confirmed one), as the same decision object, so the same escalation message is sent."""
    old = {i.id for i in before.indicators} if before is not None else set()
    new = [i for i in advice.indicators if i.s47 and i.id not in old]
    if not advice.s47 or not new or (before is not None and before.s47):
        return NONE
    return RedFlags(danger=advice.immediate_danger, labels=tuple(dict.fromkeys(i.label for i in new)),
                    concepts=tuple(dict.fromkeys(i.concept for i in new)), advice=advice,
                    area_known=advice.area is not None)
