"""Resolve the area a user names (county, city, town) to the guidance that covers it.

Unknown places are not guessed: the caller gets ``None`` and gives the national
fallback, because the wrong area's phone number is a safety hazard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional

from bot.guidance.loader import cached_areas
from bot.guidance.models import AreaGuidance

# Places that sound close to a covered area but are a different local authority.
NOT_COVERED = {
    "nottinghamshire": "Nottinghamshire County Council (not Nottingham City)",
    "mansfield": "Nottinghamshire County Council (not Nottingham City)",
    "newark": "Nottinghamshire County Council (not Nottingham City)",
    "worksop": "Nottinghamshire County Council (not Nottingham City)",
    "central bedfordshire": "Central Bedfordshire Council (not Bedford Borough)",
    "dunstable": "Central Bedfordshire Council (not Bedford Borough)",
    "leighton buzzard": "Central Bedfordshire Council (not Bedford Borough)",
    "biggleswade": "Central Bedfordshire Council (not Bedford Borough)",
    "luton": "Luton Borough Council (not Bedford Borough)",
    # Nottinghamshire towns round the city, and Central Bedfordshire towns round Bedford, as users write them beside
    # the covered name ("West Bridgford, Nottingham"; the first place named wins): a name that is also a common
    # word or street ("Sandy", "Carlton") is left out, since a covered area's street must not send the user to the
    # national route.
    **{town: "Nottinghamshire County Council (not Nottingham City)" for town in (
        "west bridgford", "beeston", "arnold", "hucknall", "stapleford", "eastwood", "gedling", "rushcliffe",
        "broxtowe", "ashfield", "bassetlaw", "kirkby in ashfield", "sutton in ashfield", "retford", "southwell",
        "bingham", "cotgrave", "ruddington", "keyworth", "radcliffe on trent")},
    **{town: "Central Bedfordshire Council (not Bedford Borough)" for town in (
        "flitwick", "ampthill", "houghton regis", "shefford", "stotfold", "arlesey", "cranfield",
        "potton", "toddington", "barton le clay", "marston moretaine")},
}

OUT_OF_AREA = "out_of_area"  # the triage_area slot's value for a place we don't cover

# The covered areas' names, written once (a test checks them against the guidance files' own names, so adding an
# area without adding it here fails): every sentence that lists them is built from this tuple.
COVERED_NAMES = ("Northamptonshire", "Norfolk", "Nottingham City", "Bedford Borough")


def covered_list(conjunction: str = "and") -> str:
    """"Northamptonshire, Norfolk, Nottingham City and Bedford Borough" (or "... or Bedford Borough")."""
    return f"{', '.join(COVERED_NAMES[:-1])} {conjunction} {COVERED_NAMES[-1]}"


NATIONAL_FALLBACK = (
    f"We only hold guidance for {covered_list()}. "
    "If a child is in immediate danger call 999. Otherwise contact the children's social care "
    "front door of the local authority where the child lives (its number is on the council's website), "
    "or the NSPCC helpline on 0808 800 5000."
)


# Short forms users type for a place: "Gt Yarmouth", "nr Norwich", and police and health shorthand for the cities
# ("Nottm NG7", "Nott'm city centre"; "N'hampton"); "Notts" is the county (Nottinghamshire), not the city.
ABBREVIATIONS = {"gt": "great", "nr": "near", "nottm": "nottingham", "notts": "nottinghamshire",
                 "nhampton": "northampton", "nthampton": "northampton", "nton": "northampton"}


def covered_area(place: Optional[str]) -> Optional[str]:
    """The covered area id for a place as the slot keeps it ("King's Lynn" -> "norfolk"); None if unknown or not
    covered. The one reading of a typed place that every consumer of the slot uses."""
    match = cached_resolver().resolve(place) if place else None
    return match.area if match and match.area else None


@lru_cache(maxsize=1)
def cached_resolver() -> AreaResolver:
    """The one resolver of a process, over the loaded guidance (the engine and every message reading share it)."""
    return AreaResolver(cached_areas())


def normalise_place(text: str) -> str:
    text = text.lower().replace("’", "'").replace("'", "")
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    words = [ABBREVIATIONS.get(w, w) for w in text.split()]
    return " ".join(words)


@dataclass(frozen=True)
class AreaMatch:
    area: Optional[str]
    place: str
    not_covered: Optional[str] = None


class AreaResolver:
    """The first place named wins ("West Bridgford, Nottingham" is West Bridgford: people name the place, then the
    city it is near); at one position the longest name wins ("King's Lynn" before "Lynn")."""

    def __init__(self, areas: Dict[str, AreaGuidance]) -> None:
        names: Dict[str, Optional[str]] = {}
        for area in areas.values():
            for place in [area.name, area.area.replace("_", " "), *area.places]:
                names[normalise_place(place)] = area.area
        for place in NOT_COVERED:
            names[place] = None
        self._names = names
        self._ordered: List[str] = sorted(names, key=len, reverse=True)

    def resolve(self, text: Optional[str]) -> Optional[AreaMatch]:
        """AreaMatch for a known place (area None if known but not covered); None if no place is recognised."""
        if not text:
            return None
        haystack = f" {normalise_place(text)} "
        found = [(haystack.find(f" {place} "), -len(place), place) for place in self._ordered
                 if place and f" {place} " in haystack]
        if not found:
            return None
        place = min(found)[2]
        area = self._names[place]
        return AreaMatch(area=area, place=place, not_covered=None if area else NOT_COVERED[place])
