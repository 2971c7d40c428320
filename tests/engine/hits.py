"""A concept hit built from a sentence, for the engine's rule tests."""

from __future__ import annotations

from bot.language.matcher import ConceptHit


def concept_hit(concept: str, words: str, sentence: str) -> ConceptHit:
    """The hit a pattern would give for ``words`` inside ``sentence``."""
    start = sentence.find(words)
    return ConceptHit(concept=concept, label=concept, words=words, sentence=sentence, start=start,
                      end=start + len(words))
