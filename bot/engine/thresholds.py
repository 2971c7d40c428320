"""Threshold rules: matched indicators + scale + danger -> level of need.

The rules only ever raise the level. Nothing lowers a section 47 indicator, and
a low Signs of Safety score (0-3, very worried) raises the advice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from bot.engine.advice import MatchedIndicator

LOW_SCALE_MAX = 3
SEVERAL_LEVEL2 = 3  # "several" level-2 needs...
ACROSS_DOMAINS = 2  # ...across at least two domains
MANY_LEVEL3 = 3
# Nothing (or only level-1 descriptors) matched, yet the user is at least somewhat worried: a level is
# "the least" to do, and every seed says to seek advice when unsure. So the advice is level 2 (talk it
# through with the DSL / the front door's advice line, consider early help), never universal services alone.
# 7 or below: on the Signs of Safety scale 10 means "safe enough to close"; a referrer who stops at 7 still has
# a worry they could not put into the matrices' words (level-1 vignettes in both dev sets score 9-10).
UNSURE_SCALE_MAX = 7
# Earlier low-level concerns of the same kind raise the level by one, to at most 3 (000 7.1: "a number of
# events which have compromised the child's physical and psychological wellbeing").
HISTORY_CAP = 3


@dataclass
class Decision:
    level: int
    s47: bool
    immediate_danger: bool
    reasons: List[str] = field(default_factory=list)
    consult_front_door: bool = False


@dataclass(frozen=True)
class Weighing:
    """What the rules around the indicators add: minimum levels, earlier concerns (bot/engine/history.py)."""

    floors: Tuple[Tuple[int, str], ...] = ()
    history_raise: Optional[str] = None  # why earlier concerns of the same kind raise the level by one
    consult: Optional[str] = None  # why the front door should be consulted (a plan closed without change)


def decide_level(indicators: Sequence[MatchedIndicator], scale: Optional[int], danger_now: bool,
                 protective: bool, weighing: Weighing = Weighing()) -> Decision:
    """Apply the rules in order of precedence; each that fires adds a plain-English reason."""
    decision = _decide(indicators, scale, danger_now, protective)
    if decision.s47:
        return decision
    for floor, why in weighing.floors:
        if decision.level < floor:
            decision.level = floor
            decision.reasons.append(why)
    if weighing.history_raise and decision.level < HISTORY_CAP:
        decision.level += 1
        decision.reasons.append(weighing.history_raise)
    if weighing.consult and decision.level < 4:
        decision.level = max(decision.level, HISTORY_CAP)
        decision.consult_front_door = True
        decision.reasons.append(weighing.consult)
    return decision


def _decide(indicators: Sequence[MatchedIndicator], scale: Optional[int], danger_now: bool,
            protective: bool) -> Decision:
    reasons: List[str] = []
    if danger_now:
        reasons.append("You told us the child is in immediate danger: call 999 first.")
    s47 = [i for i in indicators if i.s47]
    if s47:
        reasons.append("There is reasonable cause to suspect significant harm (a section 47 red flag: "
                       + "; ".join(sorted({i.text for i in s47})) + ").")
        return Decision(level=4, s47=True, immediate_danger=danger_now, reasons=reasons)
    if danger_now:
        # A child in immediate danger is a child at risk of significant harm.
        return Decision(level=4, s47=True, immediate_danger=True, reasons=reasons)

    level = max((i.level for i in indicators), default=1)
    if indicators:
        top = [i for i in indicators if i.level == level]
        reasons.append(f"The highest level among the matched indicators is {level} ("
                       + "; ".join(sorted({i.text for i in top})[:3]) + ").")
    else:
        reasons.append("Nothing you described matched a threshold indicator.")

    level2 = [i for i in indicators if i.level == 2]
    if level == 2 and len({i.id for i in level2}) >= SEVERAL_LEVEL2 \
            and len({i.domain for i in level2}) >= ACROSS_DOMAINS:
        level = 3
        reasons.append("Several level 2 needs across different parts of the child's life together suggest "
                       "complex needs (level 3).")

    level3 = [i for i in indicators if i.level == 3]
    many_level3 = len({i.id for i in level3}) >= MANY_LEVEL3 and len({i.domain for i in level3}) >= ACROSS_DOMAINS
    # Staying at 3 on protective factors needs a high scale (the rules' wording); a 0 or 1 never does.
    if level == 3 and scale is not None and scale <= 1:
        level = 4
        reasons.append("Complex needs with a score of 0 or 1 (you are extremely worried) suggest possible "
                       "significant harm: talk to the front door.")
    elif level == 3 and many_level3:
        reasons.append("Several complex needs across the child's life: consider talking the case through with "
                       "the front door before deciding on targeted support.")
    elif level == 3 and level3 and protective and (scale is None or scale > LOW_SCALE_MAX):
        reasons.append("Protective factors and your score support staying at level 3.")

    if scale is not None and scale <= LOW_SCALE_MAX and level < 3:
        raised = 3 if not indicators else level + 1
        reasons.append(f"You scored {scale}/10, which means you are very worried; that raises the advice "
                       f"from level {level} to level {raised}.")
        level = raised
    elif scale is not None and scale <= UNSURE_SCALE_MAX and level < 2:
        reasons.append(f"You scored {scale}/10, so you are worried, but what you described did not match a "
                       "threshold indicator clearly. When unsure, the guidance says to seek advice: talk it "
                       "through with your designated safeguarding lead or the front door's advice line, and "
                       "consider early help (level 2) rather than universal services alone.")
        level = 2
    return Decision(level=level, s47=False, immediate_danger=False, reasons=reasons)
