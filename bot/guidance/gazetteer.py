"""UK places outside the areas we cover, as validated data (guidance/gazetteer/uk_places.yml).

Why: "Leeds" or "Cornwall" is a real place, and the person needs the national route at once
("I don't hold guidance for Leeds": 999, that council's children's social care, NSPCC), not
"I didn't recognise that place" until they give up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional

import yaml
from pydantic import BaseModel, Extra, validator

from bot.guidance.areas import covered_list, normalise_place
from bot.settings import GAZETTEER_FILE

NSPCC = "0808 800 5000"


class Authority(BaseModel):
    council: str
    places: List[str]

    class Config:
        extra = Extra.forbid

    @validator("places")
    def _places(cls, value: List[str]) -> List[str]:  # noqa: N805
        if not value or any(not p.strip() for p in value):
            raise ValueError("every council needs at least one non-empty place name")
        return value


class Gazetteer(BaseModel):
    schema_version: int
    authorities: List[Authority]
    common_words: List[str] = []

    class Config:
        extra = Extra.forbid

    @validator("schema_version")
    def _version(cls, value: int) -> int:  # noqa: N805
        if value != 1:
            raise ValueError("schema_version must be 1")
        return value


@dataclass(frozen=True)
class UKPlace:
    """A place we know but do not cover, and the council whose children's social care covers it."""

    place: str
    council: str

    def message(self) -> str:
        """The national route, said once: 999 first, then the council's front door, then the NSPCC."""
        return (f"I don't hold guidance for {self.place}: I only hold guidance for {covered_list()}. "
                f"If the child is in immediate danger, call 999 now. Otherwise "
                f"contact the children's social care front door of {self.council} (its number is on the council's "
                f"website), or the NSPCC helpline on {NSPCC}.")


def load_gazetteer(path: Path = GAZETTEER_FILE) -> Gazetteer:
    return Gazetteer.parse_obj(yaml.safe_load(path.read_text(encoding="utf-8")))


class PlaceFinder:
    """Longest known place name in the text wins ("Newport Isle of Wight" before "Newport")."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._names: Dict[str, UKPlace] = {}
        for authority in gazetteer.authorities:
            for place in authority.places:
                self._names[normalise_place(place)] = UKPlace(place=place, council=authority.council)
        self._common = {normalise_place(w) for w in gazetteer.common_words}
        self._ordered = sorted(self._names, key=len, reverse=True)

    def names(self) -> List[str]:
        return list(self._ordered)

    def find(self, text: Optional[str], answering: bool = False) -> Optional[UKPlace]:
        """The place named in ``text``: as the answer to "where?", or after "in", "from", "near" ... in a longer
        message; a common word (Reading, Bath) counts only capitalised or as the answer."""
        if not text:
            return None
        haystack = f" {normalise_place(text)} "
        for name in self._ordered:
            if f" {name} " not in haystack:
                continue
            if not answering and not re.search(rf" (in|from|near|at|around|of|for) {re.escape(name)} ", haystack):
                continue  # "we're in Leeds" is where the child is; "went to London with him" is not
            if name in self._common and not answering and not _capitalised(text, self._names[name].place):
                continue
            return self._names[name]
        return None


def _capitalised(text: str, place: str) -> bool:
    return bool(re.search(rf"(?<![A-Za-z]){re.escape(place)}(?![A-Za-z])", text))


@lru_cache(maxsize=1)
def get_finder() -> PlaceFinder:
    return PlaceFinder(load_gazetteer())


def outside_named_first(text: Optional[str], covered_place: str) -> Optional[UKPlace]:
    """In an answer to "where?" (the area field, the area question), a place we don't cover named before the covered
    name it is near ("Beccles, just over the border from Norfolk"): people name the place, then what it is near."""
    at = f" {normalise_place(text or '')} ".find(f" {covered_place} ")
    if at <= 0:
        return None
    before = (text or "")[:_original_offset(text or "", at)]
    return get_finder().find(before, answering=True)


def _original_offset(text: str, normalised_at: int) -> int:
    """Where in the original text the normalised text's ``normalised_at`` falls (the place words keep their order),
    so the capitalisation of an everyday word can still be read."""
    words_before = len(normalise_place(text)[:max(0, normalised_at - 1)].split())
    spans = [m.end() for m in re.finditer(r"[A-Za-z0-9'’]+", text)]
    return spans[words_before - 1] + 1 if 0 < words_before <= len(spans) else 0
