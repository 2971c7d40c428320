"""Rank an area's indicators against what the user said, by sentence-embedding similarity.

Indicator vectors are computed once per guidance version and cached under
``build/``; a query costs one small encoder call. Section 47 red flags are never
decided here (see ``bot/engine/indicators.py``): this only orders candidates and finds
the long tail that no concept pattern caught.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from bot.guidance.loader import cached_areas, guidance_version
from bot.guidance.models import AreaGuidance, Indicator
from bot.settings import EMBEDDINGS_CACHE_DIR, env

CACHE_DIR = EMBEDDINGS_CACHE_DIR
LONG_TAIL_MIN_SIMILARITY = 0.62
ENV_SWITCH = "SAFEGUARDING_EMBEDDINGS"
QUERY_CACHE = 2048


def embeddings_enabled() -> bool:
    """On unless SAFEGUARDING_EMBEDDINGS=0 (then candidates are ordered by word overlap only)."""
    return env(ENV_SWITCH, "1") != "0"


@dataclass
class AreaVectors:
    ids: List[str]
    matrix: np.ndarray

    def index(self) -> Dict[str, int]:
        return {ident: n for n, ident in enumerate(self.ids)}


class IndicatorRanker:
    def __init__(self, areas: Dict[str, AreaGuidance], version: str, cache_dir: Path = CACHE_DIR) -> None:
        from bot.language.embeddings import get_encoder

        self.encoder = get_encoder()
        self.vectors: Dict[str, AreaVectors] = {}
        self._positions: Dict[str, Dict[str, int]] = {}
        self._queries: Dict[str, np.ndarray] = {}
        cache_dir.mkdir(parents=True, exist_ok=True)
        for area in areas.values():
            ids = [i.id for i in area.indicators]
            path = cache_dir / f"{area.area}-{version}.npy"
            if path.exists():
                matrix = np.load(path)
            else:
                matrix = self.encoder.encode([i.text for i in area.indicators])
                np.save(path, matrix)
            self.vectors[area.area] = AreaVectors(ids=ids, matrix=matrix)
            self._positions[area.area] = self.vectors[area.area].index()

    def prime(self, sentences: Sequence[str]) -> None:
        """Encode the sentences one assessment will ask about in a single batch."""
        missing = [s for s in dict.fromkeys(sentences) if s not in self._queries]
        if missing:
            for sentence, vector in zip(missing, self.encoder.encode(missing), strict=True):
                self._queries[sentence] = vector
            while len(self._queries) > QUERY_CACHE:
                self._queries.pop(next(iter(self._queries)))

    def query(self, sentence: str) -> np.ndarray:
        if sentence not in self._queries:
            self.prime([sentence])
        return self._queries[sentence]

    def similarities(self, area: str, sentence: str, indicators: Sequence[Indicator]) -> List[float]:
        query = self.query(sentence)
        rows = [self._positions[area][i.id] for i in indicators]
        return list(self.vectors[area].matrix[rows] @ query)

    def nearest(self, area: AreaGuidance, sentence: str, exclude_levels: Tuple[int, ...] = (1,),
                allow_s47: bool = False) -> Optional[Tuple[Indicator, float]]:
        """The closest indicator above the long-tail threshold, or None."""
        query = self.query(sentence)
        scores = self.vectors[area.area].matrix @ query
        best: Optional[Tuple[Indicator, float]] = None
        for indicator, score in zip(area.indicators, scores, strict=True):
            if indicator.level in exclude_levels or (indicator.s47 and not allow_s47):
                continue
            if best is None or score > best[1]:
                best = (indicator, float(score))
        if best and best[1] >= LONG_TAIL_MIN_SIMILARITY:
            return best
        return None


@lru_cache(maxsize=1)
def get_ranker() -> Optional[IndicatorRanker]:
    """Cached factory; None when embeddings are switched off."""
    if not embeddings_enabled():
        return None

    return IndicatorRanker(cached_areas(), guidance_version())
