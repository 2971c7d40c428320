"""Use what was said: fill the form's slots from any message, and never ask one question more than twice.

Why: the form used to ask its questions in order whatever it had been told, and re-asked a question it
could not read forever ("I didn't recognise that place", again and again). Here a Reading fills every empty
slot it can, the reply says briefly what was taken so a wrong guess can be corrected, and the second failed
answer to a question takes a documented safe default (docs/conversation.md) and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Tuple

from bot.features.conversation import append_text
from bot.guidance.areas import NATIONAL_FALLBACK, OUT_OF_AREA
from bot.language.reading import Reading

FREE_TEXT = ("sos_worried", "sos_more", "sos_working_well", "sos_needs", "review_confirmed",
             "sos_history", "sos_followup")  # issue 13.4-5: answers kept in their own slots
MAX_FAILURES = 2  # the question is asked, asked once more, then the safe default is taken

# slot -> (safe default, what we tell the person). Each is the safer reading for the child: see
# docs/conversation.md for why.
SAFE_DEFAULTS: Dict[str, Tuple[Any, str]] = {
    "triage_danger_now": (False, "I'll carry on, but if the child is in immediate danger now, or you're not sure, "
                                 "call 999 now."),
    "triage_area": (OUT_OF_AREA, "I still can't place that, so I'll give you the route that works anywhere in "
                                 "the UK. " + NATIONAL_FALLBACK),
    "triage_role": ("professional", "I'll answer as I would a professional, which gives you the front door's "
                                    "professional route. If you're a member of the public, say 'start again' and "
                                    "tell me."),
    "child_age": ("unknown", "I'll carry on without the age. Tell me later if you find out: for a baby or a child "
                             "under 13 some worries are red flags whatever else is known."),
    "sos_scale": (3.0, "I'll take it that you're quite worried (3 out of 10): an unsure score is not read as "
                       "reassurance."),
    "consent_parents_know": (False, "I'll take it that the parents don't know yet."),
    "consent_status": ("not_asked", "I'll take it that you haven't asked them yet."),
    "consent_risky": ("unsure", "I'll take it that it might be risky to tell them, the safer assumption."),
    # issue 13.4: a follow-up question that could change the level; "not sure" never lowers it
    "sos_followup": ("unsure", "I'll take that as 'not sure', which never lowers the advice, and carry on."),
    # rehearsal's "which area's front door?": stop the practice, give the route that works anywhere
    "rehearsal_area": (None, "I still can't place that, so I'll stop the rehearsal here. " + NATIONAL_FALLBACK
                             + " To practise again, name the area, for example 'practise my call to the MASH in "
                               "Bedford'."),
}


@dataclass
class Fill:
    """Slot values a message gave beyond the question asked, and what to say about them."""

    slots: Dict[str, Any] = field(default_factory=dict)
    said: list = field(default_factory=list)


_CORRECTION = re.compile(r"^\s*(no(?! one| body|body)|nope|actually|sorry|wrong|correction|not)\b|"
                         r"\b(i meant|i said|not \w+ but|it'?s actually|got that wrong|that'?s wrong)\b", re.I)


def is_correction(text: str) -> bool:
    """'No, she's 10', 'actually it's Norwich', 'I meant Kettering': a wrong guess being put right."""
    return bool(_CORRECTION.search(text or ""))


def _empty_or_corrected(slot: str, new: Any, slots: Mapping[str, Any], correcting: bool) -> bool:
    old = slots.get(slot)
    return old in (None, "") or (correcting and str(old).strip().lower() != str(new).strip().lower())


def fill_from_reading(reading: Reading, slots: Mapping[str, Any], requested: Optional[str]) -> Fill:
    """Every empty slot this message answers, except the one asked (its own validator reads it).

    A message that corrects a guess ("no, she's 10") replaces what was taken before. A place we don't cover
    is answered at once with the national route, never "I didn't recognise it". Worries said in answer to
    another question are kept for the assessment.
    """
    fill = Fill()
    taken = []
    correcting = is_correction(reading.text)
    if reading.place and reading.place.area and requested != "triage_area" \
            and _empty_or_corrected("triage_area", reading.place.words, slots, correcting):
        fill.slots["triage_area"] = reading.place.words
        taken.append("place")
    elif reading.place and reading.place.outside and not slots.get("triage_area") and requested != "triage_area":
        fill.slots["triage_area"] = OUT_OF_AREA
        fill.said.append(reading.place.outside.message())
    if reading.role and requested != "triage_role" \
            and _empty_or_corrected("triage_role", reading.role.category, slots, correcting):
        fill.slots["triage_role"] = reading.role.category
        taken.append("role")
    if reading.age and requested != "child_age" \
            and _empty_or_corrected("child_age", reading.age.text, slots, correcting):
        fill.slots["child_age"] = reading.age.text
        taken.append("age")
    if reading.danger_now is False and slots.get("triage_danger_now") is None \
            and requested != "triage_danger_now":
        # "he's safe now" answers the danger question; danger itself is set only by the red-flag decision,
        # which says 999 in the same reply, never silently.
        fill.slots["triage_danger_now"] = False
    if reading.hits and requested not in FREE_TEXT:
        existing = slots.get("sos_worried") or ""
        if reading.text.strip() not in existing:
            fill.slots["sos_worried"] = append_text(existing, reading.text)
    if reading.history and not slots.get("sos_history") and requested != "sos_history":
        fill.slots["sos_history"] = reading.history  # issue 13.5: earlier concerns already said, not asked again
    summary = reading.taken(tuple(taken))
    if summary:
        fill.said.insert(0, summary)
    return fill


def after_failure(slot: str, failures: Optional[Mapping[str, int]]) -> Tuple[Dict[str, int], Optional[Tuple[Any, str]]]:
    """Count a failed answer; on the second failure return the safe default and what to say."""
    counts = dict(failures or {})
    counts[slot] = counts.get(slot, 0) + 1
    if counts[slot] >= MAX_FAILURES and slot in SAFE_DEFAULTS:
        return counts, SAFE_DEFAULTS[slot]
    return counts, None
