"""Read one message once, for everything the conversation needs: place, age, role, danger now and worries.

Why one reader: the form, quick queries, rehearsal and the red-flag check all need the same facts from the
same words. Each used to parse for itself, so an opening like "one of my year 5s came in with a black eye ...
we're in corby" was read for a red flag without its place, and the town was asked for again. Now
``read_message`` returns one frozen ``Reading`` and every caller uses it; none re-parses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Tuple

from bot.guidance.areas import NOT_COVERED, cached_resolver
from bot.guidance.gazetteer import UKPlace, get_finder, outside_named_first
from bot.guidance.loader import cached_areas, cached_concepts
from bot.language.earlier_concerns import said_before
from bot.language.matcher import ConceptHit, get_matcher
from bot.language.parsing import parse_age_years, parse_unborn
from bot.language.roles import Role, read_role

_NUM = (r"\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
        r"fifteen|sixteen|seventeen")
# An age written as an age in a longer message ("a 9-year-old", "aged 14", "my 3 month old"): a bare number
# in free text is not an age ("2 bruises", "at 3 o'clock").
_AGE = re.compile(rf"\b({_NUM})\s*-?\s*(day|week|month|year|yr)s?\s*-?\s*olds?\b|\baged?\s+({_NUM})\b|"
                  rf"\b({_NUM})\s*(?:yo|y/o|yrs? old)\b|\b(?:is|she's|he's|they're)\s+({_NUM})\s*(?:years|yrs)\b|"
                  rf"\b(?:she|he)(?:'s| is)\s+(?:only\s+|just\s+)?({_NUM})\b(?!\s*(?:weeks?|months?|times|%|pm|am|"
                  r"o'?clock|minutes|hours|days|of|more|or|bruises|marks|kg|stone|st)\b)(?![.:/]\d)",
                  re.I)
# School years (England and Wales): a child in Year N is N+4 at the start of the school year.
_SCHOOL_YEAR = re.compile(r"\b(?:year|yr|y)\s?(\d{1,2})s?\b", re.I)
_RECEPTION = re.compile(r"\b(reception (class|child|pupil|kid)s?|in reception)\b", re.I)
_UNBORN_WORDS = re.compile(r"\b(unborn|pre-?\s?birth|not yet born|(\d{1,2})\s*(?:weeks?|wks?)\s*pregnant)\b", re.I)
_CHILD = re.compile(r"\b(child|children|kid|kids|baby|babies|toddler|infant|boy|girl|son|daughter|pupil|student|"
                    r"teen|teenager|young person|youngster|little one|year \d+s?|grandchild|grandson|"
                    r"granddaughter|niece|nephew|stepson|stepdaughter|unborn|newborn)\b", re.I)
_WORRY = re.compile(r"\b(worr\w*|concern\w*|safeguarding|not (ok|okay|right|safe)|scared|frightened|afraid|"
                    r"upset|uneasy|suspect\w*|disclos\w*|told me|said (that )?(his|her|their)|hurt\w*|harm\w*|"
                    r"abus\w*|neglect\w*|bruis\w*|injur\w*|refer\w*|report\w*)\b", re.I)
_DANGER_NO = re.compile(r"\b(not in (immediate )?danger|(is|he's|she's|they're) safe (now|at the moment|for now)|"
                        r"no immediate danger|not at (immediate )?risk right now)\b", re.I)
_DANGER_YES = re.compile(r"\b(in (immediate )?danger (now|right now)|is in danger|happening (right )?now)\b", re.I)


# Readings of the last few messages, so the actions that handle one message share one read. Small on purpose:
# it holds the user's words (in the action server's memory only, never stored) for as short a time as it can.
READ_CACHE_SIZE = 16


@dataclass(frozen=True)
class PlaceRead:
    """A place named: covered (``area`` set) or a UK place we don't cover (``outside`` set)."""

    words: str
    area: Optional[str] = None
    area_name: Optional[str] = None
    outside: Optional[UKPlace] = None


@dataclass(frozen=True)
class AgeRead:
    """The age as the words that gave it (what the engine reads) and in years (negative: unborn)."""

    text: str
    years: float

    def describe(self) -> str:
        if self.years < 0:
            return "an unborn baby"
        if self.years < 1:
            months = round(self.years * 12)
            return f"a {months}-month-old" if months >= 1 else "a newborn"
        return f"a {self.years:g}-year-old"


@dataclass(frozen=True)
class Reading:
    """Everything one message says that the conversation can use."""

    text: str
    place: Optional[PlaceRead] = None
    age: Optional[AgeRead] = None
    role: Optional[Role] = None
    danger_now: Optional[bool] = None
    hits: Tuple[ConceptHit, ...] = ()
    mentions_child: bool = False
    mentions_worry: bool = False
    history: str = ""  # sentences about earlier concerns or referrals (issue 13.5): then they're not asked

    @property
    def about_a_child(self) -> bool:
        """A worry about a child (never out of scope), or any concept the guidance knows."""
        return bool(self.hits) or (self.mentions_child and self.mentions_worry) or \
            (self.role is not None and (self.mentions_child or self.mentions_worry))

    def taken(self, fields: Tuple[str, ...] = ("place", "age", "role")) -> str:
        """What was taken, briefly, so a wrong guess can be corrected: "Corby, so Northamptonshire; ..."."""
        parts = []
        if "place" in fields and self.place and self.place.area:
            place = self.place.words
            same = place.lower() == (self.place.area_name or "").lower()
            parts.append(place if same else f"{place}, so {self.place.area_name}")
        if "age" in fields and self.age:
            parts.append(self.age.describe())
        if "role" in fields and self.role:
            parts.append(f"you're {self.role.title}" + ("" if self.role.title.endswith(("professional", "public"))
                                                        else f" (so a {self.role.category})"
                                                        if self.role.category == "professional"
                                                        else " (so a member of the public)"))
        if not parts:
            return ""
        return "I've taken: " + "; ".join(parts) + ". If any of that is wrong, just tell me."


def _place(text: str, answering: bool) -> Optional[PlaceRead]:
    match = cached_resolver().resolve(text)
    # Only an answer to "where?" is read as "<place>, near <covered name>": in a longer message the first place
    # named may be where someone else lives ("my mum lives in Leeds but we're in Corby").
    first = outside_named_first(text, match.place) if answering and match and match.area else None
    if first is not None:
        return PlaceRead(words=first.place, outside=first)
    if match and match.area:
        words = _original_words(text, match.place)
        return PlaceRead(words=words, area=match.area, area_name=cached_areas()[match.area].name)
    if match and match.not_covered:
        words = _original_words(text, match.place)
        return PlaceRead(words=words, outside=UKPlace(place=words, council=NOT_COVERED[match.place]))
    outside = get_finder().find(text, answering=answering)
    return PlaceRead(words=outside.place, outside=outside) if outside else None


def _original_words(text: str, normalised: str) -> str:
    """The place as the user wrote it, capitalised ("corby" -> "Corby")."""
    return " ".join(w[:1].upper() + w[1:] for w in normalised.split())


def _age(text: str, answering: bool) -> Optional[AgeRead]:
    if answering:
        years = parse_age_years(text)
        return AgeRead(text=text.strip(), years=years) if years is not None else None
    match = _AGE.search(text)
    if match:
        words = match.group(0)
        years = parse_age_years(words.replace("-", " "))
        if years is not None:
            return AgeRead(text=words, years=years)
    school = _SCHOOL_YEAR.search(text)
    if school and 1 <= int(school.group(1)) <= 13:
        years = float(int(school.group(1)) + 4)
        return AgeRead(text=str(int(years)), years=years)
    if _RECEPTION.search(text):
        return AgeRead(text="4", years=4.0)
    unborn = _UNBORN_WORDS.search(text)
    if unborn:
        years = parse_unborn(unborn.group(0))
        if years is not None:
            return AgeRead(text=unborn.group(0), years=years)
    return None


def _danger(text: str, hits: Tuple[ConceptHit, ...]) -> Optional[bool]:
    concepts = {c.id: c for c in cached_concepts().concepts}
    if any(concepts[h.concept].immediate_danger for h in hits if h.concept in concepts):
        return True
    if _DANGER_NO.search(text):
        return False
    if _DANGER_YES.search(text):
        return True
    return None


@lru_cache(maxsize=READ_CACHE_SIZE)
def read_message(text: Optional[str], answering: Optional[str] = None) -> Reading:
    """One message -> one Reading. ``answering`` is the slot we asked for: an answer is read more loosely
    ("Leeds", "9", "TA") than words in a longer message, where only explicit forms count.

    Cached on the text, so the form's validation, the red-flag check and the quick-query path share one read.
    """
    text = (text or "").replace("’", "'")[:20_000]
    if not text.strip():
        return Reading(text=text)
    hits = tuple(h for h in get_matcher().find(text) if not h.negated)
    return Reading(
        text=text,
        place=_place(text, answering == "triage_area"),
        age=_age(text, answering == "child_age"),
        role=read_role(text, answering=answering == "triage_role"),
        danger_now=_danger(text, hits),
        hits=hits,
        mentions_child=bool(_CHILD.search(text)),
        mentions_worry=bool(_WORRY.search(text)),
        history=said_before(text),
    )
