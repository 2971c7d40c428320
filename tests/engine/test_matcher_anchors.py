"""The anchored matcher finds exactly what one spaCy Matcher with every pattern finds (find() orders
them itself, so the order never matters) on every text we hold: the dev sets, the held-out set's cases
(read, never tuned on), the concept examples and the privacy corpus."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest
import yaml
from spacy.matcher import Matcher

from bot.guidance.loader import cached_concepts
from bot.language.matcher import get_matcher
from bot.language.patterns import compile_pattern, pattern_anchors

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def corpus() -> List[str]:
    texts: List[str] = []
    for name in ("dev_set.yml", "dev_set_2.yml", "holdout_set.yml"):
        for vignette in yaml.safe_load((DATA / name).read_text())["vignettes"]:
            case = vignette["case"]
            texts += [case.get(f) or "" for f in ("worried", "working_well", "needs")]
    for item in yaml.safe_load((DATA / "concept_examples.yml").read_text())["examples"]:
        texts += item.get("positive", []) + item.get("negative", [])
    texts += [item["text"] for item in yaml.safe_load((DATA / "pii_corpus.yml").read_text())["sentences"]]
    return [t for t in texts if t.strip()]


@pytest.fixture(scope="module")
def full_matcher() -> Matcher:
    nlp = get_matcher().nlp
    matcher = Matcher(nlp.vocab)
    for concept in cached_concepts().concepts:
        for index, pattern in enumerate(concept.patterns):
            matcher.add(f"{concept.id}#{index}", compile_pattern(nlp, pattern))
        for index, pattern in enumerate(concept.exclude):
            matcher.add(f"{concept.id}!{index}", compile_pattern(nlp, pattern))
    return matcher


def test_same_matches_in_the_same_order_on_every_text(full_matcher: Matcher) -> None:
    ours = get_matcher()
    texts = corpus()
    assert len(texts) > 1000
    for text in texts:
        doc = ours.parse(text)
        expected = sorted(full_matcher(doc), key=lambda m: (m[1], m[2]))
        got = ours.matcher(doc)
        assert [(m[1], m[2]) for m in got] == sorted((m[1], m[2]) for m in got)  # ordered by span
        assert sorted(got) == sorted(expected), text


def test_anchors_are_the_most_selective_word_slot() -> None:
    nlp = get_matcher().nlp
    assert pattern_anchors(nlp, "dad/father/stepdad hit ... mum") == [("LEMMA", "hit")]
    assert pattern_anchors(nlp, "mum/mother hits/hitting") == [("LEMMA", "mum"), ("LEMMA", "mother")]
    assert pattern_anchors(nlp, "... ~ *") is None
    assert set(pattern_anchors(nlp, "cot death")) <= {("LEMMA", "cot"), ("LEMMA", "death")}
