"""The learned recall net: nearest everyday descriptions -> the indicator (and level) a sentence is about.

The concept patterns are precise but know only the phrasings they were written for. Beside them,
this net compares each sentence of the account with the paraphrase corpus (guidance/paraphrases/,
3-5 everyday descriptions of every indicator line) in the all-MiniLM-L6-v2 space, and votes over
the k nearest descriptions: first for a level, then for the indicator at that level.

- Its score is calibrated: a logistic fit, on the corpus itself with each description left out,
  of "the vote's level is the description's own level" against the vote's top similarity and share.
- Negated descriptions vote too: a sentence whose neighbours are mostly denials is not a worry.
- A section 47 item the net proposes is never decided here: it is a *possible* red flag, which the
  conversation confirms with one question and the CLI reports under ``possible`` (docs/safety.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from bot.engine.stored_form import as_stored
from bot.guidance.loader import cached_areas
from bot.guidance.models import AreaGuidance, Indicator
from bot.guidance.paraphrases import cached_paraphrases, corpus_version
from bot.language.ranker import get_ranker
from bot.settings import EMBEDDINGS_CACHE_DIR

K_NEIGHBOURS = 7
CACHE_DIR = EMBEDDINGS_CACHE_DIR
# A description this close is a paraphrase of the sentence; below FLOOR nothing is proposed at all.
FLOOR = 0.45


@dataclass(frozen=True)
class Proposal:
    """What the net thinks one sentence is about."""

    indicator: Indicator
    score: float  # calibrated probability that the voted level is right
    similarity: float  # of the nearest description of this indicator
    sentence: str
    field: str = "worried"


@dataclass
class _AreaRows:
    vectors: np.ndarray  # one row per description
    indicator: np.ndarray  # index into the area's indicators
    negated: np.ndarray  # bool


@dataclass(frozen=True)
class Calibration:
    """score = sigmoid(a * top_similarity + b * level_share + c)."""

    a: float
    b: float
    c: float

    def __call__(self, top: float, share: float) -> float:
        return 1.0 / (1.0 + math.exp(-(self.a * top + self.b * share + self.c)))


def _vote(sims: np.ndarray, rows: _AreaRows, area: AreaGuidance,
          k: int = K_NEIGHBOURS) -> Optional[Tuple[int, float, float, Dict[int, float]]]:
    """(indicator index, top similarity, share of the winning level, votes per indicator) or None."""
    order = np.argsort(-sims)[:k]
    weights: Dict[int, float] = {}
    levels: Dict[int, float] = {}
    denial = 0.0
    total = 0.0
    for row in order:
        weight = float(max(sims[row], 0.0)) ** 2
        total += weight
        if rows.negated[row]:
            denial += weight
            continue
        index = int(rows.indicator[row])
        weights[index] = weights.get(index, 0.0) + weight
        level = area.indicators[index].level
        levels[level] = levels.get(level, 0.0) + weight
    if not weights or denial >= total / 2:
        return None
    level = max(levels, key=lambda lv: (levels[lv], lv))
    best = max((i for i in weights if area.indicators[i].level == level), key=lambda i: weights[i])
    return best, float(sims[order[0]]), levels[level] / total, weights


class RecallNet:
    """Built once per process; ``vector_of`` is the shared sentence-encoder cache (the ranker's)."""

    def __init__(self, areas: Dict[str, AreaGuidance], rows: Dict[str, _AreaRows], calibration: Calibration,
                 vector_of: Callable[[str], np.ndarray]) -> None:
        self.areas = areas
        self.rows = rows
        self.calibration = calibration
        self.vector_of = vector_of

    def _voted(self, area: str, sentence: str) -> Optional[Tuple[int, float, float, Dict[int, float]]]:
        """The k-nearest vote for a sentence in an area, or None below the similarity floor."""
        rows = self.rows.get(area)
        if rows is None or not len(rows.vectors):
            return None
        voted = _vote(rows.vectors @ self.vector_of(sentence), rows, self.areas[area])
        return voted if voted is not None and voted[1] >= FLOOR else None

    def propose(self, area: str, sentence: str, field: str = "worried") -> Optional[Proposal]:
        voted = self._voted(area, sentence)
        if voted is None:
            return None
        index, top, share, _ = voted
        return Proposal(indicator=self.areas[area].indicators[index], score=self.calibration(top, share),
                        similarity=top, sentence=sentence, field=field)

    def red_flag(self, area: str, sentence: str, field: str = "worried") -> Optional[Proposal]:
        """The section 47 item among the sentence's neighbours, if the red-flag items hold a third of the vote."""
        voted = self._voted(area, sentence)
        if voted is None:
            return None
        _, top, _, weights = voted
        indicators = self.areas[area].indicators
        flagged = {i: w for i, w in weights.items() if indicators[i].s47}
        if not flagged or sum(flagged.values()) < sum(weights.values()) / 3:
            return None
        best = max(flagged, key=lambda i: flagged[i])
        share = sum(flagged.values()) / sum(weights.values())
        return Proposal(indicator=indicators[best], score=self.calibration(top, share), similarity=top,
                        sentence=sentence, field=field)


def build_rows(area: AreaGuidance, descriptions: Sequence[Tuple[str, str, bool]],
               encode: Callable[[List[str]], np.ndarray]) -> _AreaRows:
    """(indicator id, text, negated) rows -> vectors; unknown ids are skipped (validated elsewhere)."""
    position = {i.id: n for n, i in enumerate(area.indicators)}
    kept = [(position[i], t, neg) for i, t, neg in descriptions if i in position]
    vectors = encode([t for _, t, _ in kept]) if kept else np.zeros((0, 384), dtype=np.float32)
    return _AreaRows(vectors=vectors.astype(np.float32), indicator=np.array([p for p, _, _ in kept], dtype=np.int32),
                     negated=np.array([n for _, _, n in kept], dtype=bool))


def fit_calibration(areas: Dict[str, AreaGuidance], rows: Dict[str, _AreaRows]) -> Calibration:
    """Platt scaling on the corpus, each affirmed description scored with itself left out."""
    features: List[Tuple[float, float]] = []
    labels: List[float] = []
    for name, area_rows in rows.items():
        area = areas[name]
        if len(area_rows.vectors) < K_NEIGHBOURS + 1:
            continue
        sims_all = area_rows.vectors @ area_rows.vectors.T
        for row in range(len(area_rows.vectors)):
            if area_rows.negated[row]:
                continue
            sims = sims_all[row].copy()
            sims[row] = -1.0
            voted = _vote(sims, area_rows, area)
            if voted is None:
                continue
            own = area.indicators[int(area_rows.indicator[row])].level
            features.append((voted[1], voted[2]))
            labels.append(1.0 if area.indicators[voted[0]].level == own else 0.0)
    if len(set(labels)) < 2:
        return Calibration(a=4.0, b=2.0, c=-4.0)
    x = np.array(features, dtype=np.float64)
    y = np.array(labels, dtype=np.float64)
    weights = np.zeros(3)
    design = np.hstack([x, np.ones((len(x), 1))])
    for _ in range(3000):  # plain gradient descent: three parameters, a few thousand rows
        predicted = 1.0 / (1.0 + np.exp(-design @ weights))
        weights -= 0.5 * design.T @ (predicted - y) / len(y)
    return Calibration(a=float(weights[0]), b=float(weights[1]), c=float(weights[2]))


def build_net(areas: Dict[str, AreaGuidance], vector_of: Callable[[str], np.ndarray],
              encode: Callable[[List[str]], np.ndarray], cache_dir: Path = CACHE_DIR) -> RecallNet:
    """Encode the corpus (cached under build/ by its content hash) and calibrate."""

    corpora = cached_paraphrases()
    version = corpus_version()
    cache_dir.mkdir(parents=True, exist_ok=True)
    rows: Dict[str, _AreaRows] = {}
    for name, corpus in corpora.items():
        descriptions = [(d.indicator, s.text, s.polarity == "negated") for d in corpus.descriptions for s in d.says]
        path = cache_dir / f"recall-{name}-{version}.npz"
        if path.exists():
            saved = np.load(path)
            rows[name] = _AreaRows(vectors=saved["vectors"], indicator=saved["indicator"], negated=saved["negated"])
        else:
            rows[name] = build_rows(areas[name], descriptions, encode)
            np.savez(path, vectors=rows[name].vectors, indicator=rows[name].indicator, negated=rows[name].negated)
    return RecallNet(areas, rows, fit_calibration(areas, rows), vector_of)


@lru_cache(maxsize=1)
def get_net() -> Optional[RecallNet]:
    """Cached factory; None when embeddings are switched off (SAFEGUARDING_EMBEDDINGS=0)."""

    ranker = get_ranker()
    if ranker is None:
        return None

    return build_net(cached_areas(), lambda sentence: ranker.query(as_stored(sentence)),
                     lambda texts: ranker.encoder.encode(texts))
