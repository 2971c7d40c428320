"""Parse the small values people type: ages, 0-10 scales, durations.

Each parser returns ``None`` for "I could not read that" so the caller can
re-ask with a clear message instead of guessing.
"""

from __future__ import annotations

import math
import re
from typing import Optional

_NUMBER_WORDS = {
    "zero": 0, "nought": 0, "none": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}
_UNIT_YEARS = {
    "day": 1 / 365, "days": 1 / 365, "d": 1 / 365,
    "week": 7 / 365, "weeks": 7 / 365, "wk": 7 / 365, "wks": 7 / 365, "w": 7 / 365,
    "month": 1 / 12, "months": 1 / 12, "mth": 1 / 12, "mths": 1 / 12, "mo": 1 / 12, "m": 1 / 12,
    "year": 1.0, "years": 1.0, "yr": 1.0, "yrs": 1.0, "y": 1.0, "yo": 1.0,
}
_UNIT_DAYS = {"day": 1, "days": 1, "night": 1, "nights": 1, "week": 7, "weeks": 7, "fortnight": 14,
              "fortnights": 14, "month": 30, "months": 30, "year": 365, "years": 365}
_NUM = r"(\d+(?:\.\d+)?|\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b)"
_AGE_RE = re.compile(_NUM + r"(\s+and\s+a\s+half)?\s*-?\s*(" + "|".join(sorted(_UNIT_YEARS, key=len, reverse=True))
                     + r")\b")
_DURATION_RE = re.compile(r"\b" + _NUM + r"\s*(" + "|".join(sorted(_UNIT_DAYS, key=len, reverse=True)) + r")\b")
_BARE_NUM = re.compile(r"^\s*(?:about|around|roughly|maybe|approx\.?|nearly|almost|just)?\s*(?:a|an)?\s*"
                       + r"(-?\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")\s*(?:/\s*10|out of (?:10|ten))?"
                       + r"\s*(?:years?\s*old|yrs?|yo)?\s*[.!]?\s*$")
_NEWBORN = re.compile(r"\b(newborn|new born|new-born|neonate)\b")
_TEEN_WORDS = {"teenager": 15.0, "teen": 15.0, "toddler": 2.0, "infant": 0.5, "baby": 0.5}
MAX_AGE_YEARS = 18.0
# Pre-birth (issue 11.5): a midwife's "unborn", "pre-birth" or "30 weeks pregnant" is an age the guidance
# covers (Nottingham's pre-birth items; 000 "including unborn babies"). It is stored as a negative age in
# years (weeks until a 40-week due date), so every "under N" rule still reads it as the youngest child.
_GESTATION = re.compile(r"\b(\d{1,2})\s*(?:\+\d\s*)?(?:weeks?|wks?|/40)\b(?:\s*(?:pregnant|gestation|preg))?")
_UNBORN = re.compile(r"\b(unborn|pre-?\s?birth|not (?:yet )?born|antenatal|ante-natal|in utero|pregnan\w*|"
                     r"expecting|due (?:in|on|date)|edd)\b|\b\d{1,2}\s*/\s*40\b")
FULL_TERM_WEEKS = 40
UNBORN_UNKNOWN_GESTATION = -0.25  # "unborn", gestation not given: about three months before birth


def parse_unborn(text: str) -> Optional[float]:
    """'unborn' -> -0.25; '30 weeks pregnant' -> -(10/52); '15, pregnant' -> None (a pregnant 15-year-old)."""
    lowered = text.strip().lower()
    if not _UNBORN.search(lowered):
        return None
    weeks = _GESTATION.search(lowered)
    if weeks and ("pregnan" in lowered or "gestation" in lowered or "/40" in lowered or "unborn" in lowered):
        gestation = min(int(weeks.group(1)), FULL_TERM_WEEKS - 1)
        return -round(max(FULL_TERM_WEEKS - gestation, 1) / 52, 3)
    if re.search(r"\b\d+(?:\.\d+)?\b(?!\s*(?:weeks?|wks?|months?))", lowered) and "unborn" not in lowered:
        return None  # "14 and pregnant": the child is 14
    return UNBORN_UNKNOWN_GESTATION


def is_unborn(age: Optional[float]) -> bool:
    return age is not None and age < 0


def _number(token: str) -> Optional[float]:
    token = token.strip().lower()
    if token in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[token])
    try:
        number = float(token)
    except ValueError:
        return None
    return number if math.isfinite(number) else None  # 400 nines overflow to inf (found by the fuzz test)


def _finite(value: float) -> Optional[float]:
    """A JSON number as a float, or None for NaN, infinity and integers too big for a float."""
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


_SCHOOL_YEAR = re.compile(r"^(?:in\s+)?(?:year|yr|y)\s*-?\s*(\d{1,2})\b(?!\s*(?:years?|yrs?|y/?o|months?)\b)")
SCHOOL_YEAR_OFFSET = 4.5


def parse_age_years(value: object) -> Optional[float]:
    """'4 months' -> 0.33, 'nine' -> 9, 14 -> 14, '6 weeks' -> 0.115, 'newborn' -> 0.0.

    Ages outside 0-18 return None: the guidance covers children only, and the
    caller asks again rather than assuming.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        age = _finite(value)
        return age if age is not None and 0 <= age <= MAX_AGE_YEARS else None
    text = str(value).strip().lower()
    if not text:
        return None
    unborn = parse_unborn(text)
    if unborn is not None:
        return unborn
    if _NEWBORN.search(text):
        return 0.0
    school = _SCHOOL_YEAR.match(text)
    if school and 1 <= int(school.group(1)) <= 13:
        # England's school years: a Year N child is N+4 at the start of the year and N+5 by its end ("yr 7" is
        # 11-12, never 7). The middle of the year is taken.
        return int(school.group(1)) + SCHOOL_YEAR_OFFSET
    match = _AGE_RE.search(text)
    if match:
        amount = _number(match.group(1))
        if amount is not None:
            if match.group(2):
                amount += 0.5
            age = amount * _UNIT_YEARS[match.group(3)]
            return round(age, 3) if 0 <= age <= MAX_AGE_YEARS else None
    bare = _BARE_NUM.match(text)
    if bare:
        age = _number(bare.group(1))
        return age if age is not None and 0 <= age <= MAX_AGE_YEARS else None
    loose = re.search(r"\b(\d+(?:\.\d+)?|" + "|".join(w for w in _NUMBER_WORDS if len(w) > 2) + r")\b", text)
    if loose:
        age = _number(loose.group(1))
        return age if age is not None and 0 <= age <= MAX_AGE_YEARS else None
    for word, age in _TEEN_WORDS.items():
        if re.search(rf"\b{word}\b", text):
            return age
    return None


def parse_scale(value: object) -> Optional[int]:
    """'7', 'seven', 'about a 3', '7/10' -> int 0-10; '11', '-2', 'lots' -> None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        number = _finite(value)  # JSON allows NaN, Infinity and huge integers (found by the fuzz test)
        if number is None:
            return None
    else:
        match = _BARE_NUM.match(str(value).strip().lower())
        if not match:
            return None
        number = _number(match.group(1))
        if number is None:
            return None
    if number != int(number) or not 0 <= number <= 10:
        return None
    return int(number)


def parse_duration_days(text: str) -> Optional[int]:
    """Longest stated duration in days ('for six weeks' -> 42), or None if none is stated."""
    best: Optional[int] = None
    for match in _DURATION_RE.finditer(text.lower()):
        amount = _number(match.group(1))
        if amount is None:
            continue
        days = int(amount * _UNIT_DAYS[match.group(2)])
        best = days if best is None else max(best, days)
    return best
