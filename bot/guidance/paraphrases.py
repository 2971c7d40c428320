"""The paraphrase corpus: everyday descriptions of each indicator line, validated like the rest of guidance/.

Each area's file (``guidance/paraphrases/<area>.yml``) gives 3-5 things a teacher, a health
visitor, a police officer or a neighbour would actually say for every indicator of that area,
some of them negated or hedged and labelled so. The recall net (``bot/engine/recall.py``) learns the
meaning of the indicators from it, so that words no pattern was written for still reach them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Literal

from pydantic import Field, ValidationError

from bot.guidance.loader import GUIDANCE_DIR, GuidanceError, _explain, _read_yaml, cached_areas, content_hash
from bot.guidance.models import AreaGuidance, Strict

PARAPHRASE_DIR = GUIDANCE_DIR / "paraphrases"
MIN_DESCRIPTIONS = 3  # affirmed or hedged, per indicator

Voice = Literal["teacher", "health", "police", "public"]
Polarity = Literal["affirmed", "negated", "hedged"]


class Saying(Strict):
    voice: Voice
    polarity: Polarity
    text: str = Field(..., min_length=6, max_length=400)


class IndicatorDescriptions(Strict):
    indicator: str
    says: List[Saying] = Field(..., min_items=1)


class ParaphraseFile(Strict):
    schema_version: Literal[1]
    area: str
    descriptions: List[IndicatorDescriptions]


def load_paraphrases(areas: Dict[str, AreaGuidance], directory: Path = PARAPHRASE_DIR) -> Dict[str, ParaphraseFile]:
    """Every area's corpus, checked against its indicators: known ids, each once, enough descriptions."""
    corpora: Dict[str, ParaphraseFile] = {}
    for path in sorted(directory.glob("*.yml")):
        try:
            corpus = ParaphraseFile.parse_obj(_read_yaml(path))
        except ValidationError as exc:
            raise _explain(f"paraphrases/{path.name}", exc) from exc
        if corpus.area not in areas:
            raise GuidanceError(f"paraphrases/{path.name}: unknown area {corpus.area!r}")
        known = {i.id for i in areas[corpus.area].indicators}
        ids = [d.indicator for d in corpus.descriptions]
        problems = sorted(set(ids) - known)
        if problems:
            raise GuidanceError(f"paraphrases/{path.name}: unknown indicators {problems[:5]}")
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise GuidanceError(f"paraphrases/{path.name}: indicators described twice {twice[:5]}")
        corpora[corpus.area] = corpus
    return corpora


def thin_indicators(area: AreaGuidance, corpus: ParaphraseFile) -> List[str]:
    """Indicators with fewer than MIN_DESCRIPTIONS affirmed or hedged descriptions (or none)."""
    counts = {d.indicator: sum(s.polarity != "negated" for s in d.says) for d in corpus.descriptions}
    return [i.id for i in area.indicators if counts.get(i.id, 0) < MIN_DESCRIPTIONS]


def corpus_version(directory: Path = PARAPHRASE_DIR) -> str:
    return content_hash(directory)


@lru_cache(maxsize=1)
def cached_paraphrases() -> Dict[str, ParaphraseFile]:
    return load_paraphrases(cached_areas())
