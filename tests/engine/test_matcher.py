"""The matcher on plain words: every example sentence finds its concept; negated ones do not; the words are kept."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Tuple

import pytest
import yaml

from bot.matcher import get_matcher

EXAMPLES = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "concept_examples.yml")
                          .read_text(encoding="utf-8"))["examples"]


def _cases(kind: str) -> List[Tuple[str, str]]:
    return [(e["concept"], s) for e in EXAMPLES for s in e.get(kind, [])]


def _found(text: str) -> Dict[str, bool]:
    """concept -> negated? (a concept found both negated and not counts as not negated)"""
    result: Dict[str, bool] = {}
    for hit in get_matcher().find(text):
        result[hit.concept] = result.get(hit.concept, True) and hit.negated
    return result


@pytest.mark.parametrize("concept, sentence", _cases("positive"))
def test_positive_examples_match_their_concept(concept, sentence):
    found = _found(sentence)
    assert found.get(concept) is False, f"{concept!r} not found (active) in {sentence!r}; found {found}"


@pytest.mark.parametrize("concept, sentence", _cases("negative"))
def test_negative_examples_do_not_raise_their_concept(concept, sentence):
    found = _found(sentence)
    assert found.get(concept, True) is True, f"{concept!r} raised by {sentence!r}"


def test_every_concept_has_examples():
    concepts = {c for c, _ in _cases("positive")}
    assert concepts == set(get_matcher().concepts)


@pytest.mark.parametrize("text, concept", [
    ("No bruises seen. She isn't self-harming.", "self_harm"),
    ("There are no signs of neglect at all", "neglect"),
    ("Not aware of any drugs or older lads involved.", "child_sexual_exploitation"),
])
def test_negation_scopes_over_the_match(text, concept):
    assert _found(text).get(concept, True) is True


def test_negation_does_not_reach_across_a_clause():
    hits = [h for h in get_matcher().find("No bruises today but she said her stepdad hits her") if not h.negated]
    assert any(h.concept in ("disclosure_abuse", "physical_abuse") for h in hits)


def test_hedged_worries_are_kept_and_flagged():
    hits = [h for h in get_matcher().find("I think maybe dad is drinking heavily again") if not h.negated]
    assert hits and all(h.hedged for h in hits)


def test_match_keeps_the_users_own_words():
    text = "Mum's new boyfriend hit him with a belt last night."
    hit = next(h for h in get_matcher().find(text) if h.concept == "physical_abuse")
    assert hit.words in text and hit.sentence in text


def test_matches_do_not_join_two_sentences():
    assert "young_carer" not in _found("She's well cared for. Mum is great.")
