"""The concept lexicon's pattern syntax compiled into spaCy token patterns, and a matcher that runs only the
patterns a text can match (split from ``bot.language.matcher`` so each module stays small).

Syntax (guidance/concepts.yml): lower-case words, "a/b/c" alternatives in one slot, "*" one word, "..." a gap of
0-3 words inside a sentence, "~" both in one sentence up to MAX_LONG_GAP words apart.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

GAP = "..."
LONG_GAP = "~"  # "told ~ touched": both in one sentence, up to MAX_LONG_GAP words apart
ANY = "*"
MAX_GAP = 3
MAX_LONG_GAP = 16

# Each token's "lemma|lower" match key lives in NORM, a built-in attribute the matcher reads in C:
# a custom `._.` attribute cost a Python call per token per pattern (80% of assess's time).
# Nothing else in the project reads NORM from these docs (they are the matcher's own parses).
KEY_ATTR = "NORM"


def _lemma(nlp: Language, word: str) -> str:
    doc = nlp(word.lower())
    return doc[0].lemma_.lower() if len(doc) == 1 else word.lower()


def _slot_regex(nlp: Language, alternatives: List[str]) -> str:
    """A slot's words as one regex over the token's "lemma|lower" key.

    A base form ("bruise") matches every inflection through the lemma; an inflected form
    ("drunk", "older", "weed") matches only itself, so it cannot drag in its lemma's other senses.
    """
    bases, exact = [], []
    for word in alternatives:
        (bases if _lemma(nlp, word) == word else exact).append(re.escape(word))
    parts = []
    if bases:
        parts.append(r"^(?:" + "|".join(sorted(set(bases))) + r")\|")
    if exact:
        parts.append(r"\|(?:" + "|".join(sorted(set(exact))) + r")$")
    return "|".join(parts)


def _slot_token(nlp: Language, alternatives: List[str]) -> Dict:
    """A set test on LEMMA or LOWER when the slot's words are all base forms or all inflected forms
    (a hash lookup, several times cheaper in the matcher than a regex); the regex otherwise."""
    bases = sorted({w for w in alternatives if _lemma(nlp, w) == w})
    exact = sorted(set(alternatives) - set(bases))
    if not exact:
        return {"LEMMA": {"IN": bases}}
    if not bases:
        return {"LOWER": {"IN": exact}}
    return {KEY_ATTR: {"REGEX": _slot_regex(nlp, alternatives)}}


def compile_pattern(nlp: Language, pattern: str) -> List[List[Dict]]:
    """'dad/father hit ... mum' -> a spaCy token pattern (alternatives, * and ... / ~ gaps)."""
    tokens: List[Dict] = []
    for slot in pattern.lower().split():
        if slot in (GAP, LONG_GAP):
            # One "*" wildcard that never crosses a sentence break, not a run of optional tokens: a run of
            # 16 "?" tokens made the matcher try 2^16 paths per start (50 s on two sentences). The gap's
            # length limit is enforced on the match instead (see max_length).
            tokens.append(dict(GAP_TOKEN))
        elif slot == ANY:
            tokens.append({})
        else:
            alternatives = [a for a in slot.split("/") if a]
            split = [[t.text for t in nlp(a)] for a in alternatives]
            if all(len(parts) == 1 for parts in split):
                tokens.append(_slot_token(nlp, alternatives))
            elif len(split) == 1:
                tokens.extend({"LOWER": t.lower()} for t in split[0])  # one word that tokenises into several
            else:
                raise ValueError(f"pattern {pattern!r}: alternative in {slot!r} is several tokens; "
                                 "write it as its own pattern")
    if not tokens or all(t.get("OP") == "*" or not t for t in tokens):
        raise ValueError(f"pattern has no words: {pattern!r}")
    while tokens and tokens[-1].get("OP") == "*":
        tokens.pop()
    return [tokens]


def max_length(pattern: str) -> int:
    """The longest span a pattern may cover: its words plus each gap's limit."""
    total = 0
    for slot in pattern.lower().split():
        total += MAX_GAP if slot == GAP else MAX_LONG_GAP if slot == LONG_GAP else 1
    return total


GAP_TOKEN = {"ORTH": {"NOT_IN": [".", "!", "?", ";", "\n"]}, "OP": "*"}


Anchor = Tuple[str, str]  # ("LEMMA" or "LOWER", word): a token value a pattern cannot match without


def pattern_anchors(nlp: Language, pattern: str) -> Optional[List[Anchor]]:
    """The most selective word slot of a pattern, as the token values any match must contain one of.

    None when the pattern has no word slot (it then runs on every text).
    """
    best: Optional[List[Anchor]] = None
    for slot in pattern.lower().split():
        if slot in (GAP, LONG_GAP, ANY):
            continue
        anchors: List[Anchor] = []
        for word in (a for a in slot.split("/") if a):
            parts = [t.text.lower() for t in nlp.make_doc(word)]
            if len(parts) > 1:
                anchors.append(("LOWER", parts[0]))
            else:
                anchors.append(("LEMMA", word) if _lemma(nlp, word) == word else ("LOWER", word))
        if anchors and (best is None or len(anchors) < len(best)):
            best = anchors
    return best


class AnchoredMatcher:
    """spaCy's Matcher, run only for the patterns a text can match.

    Every slot test of ours (a set of words, a regex) is a Python call per token per pattern in spaCy's
    Matcher, so running all ~2,000 patterns on every answer cost ~30 ms. Each pattern is filed under the
    words of its most selective slot; a text runs only the small matchers of the words it contains. The
    matches are exactly the full matcher's (tests/engine/test_matcher_anchors.py), ordered by span.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._by_anchor: Dict[Anchor, Matcher] = {}
        self._always = Matcher(nlp.vocab)
        self._order: Dict[int, int] = {}

    def add(self, key: str, pattern_text: str, token_patterns: List[List[Dict]]) -> None:
        self._order[self.nlp.vocab.strings.add(key)] = len(self._order)
        anchors = pattern_anchors(self.nlp, pattern_text)
        if anchors is None:
            self._always.add(key, token_patterns)
            return
        for anchor in set(anchors):
            self._by_anchor.setdefault(anchor, Matcher(self.nlp.vocab)).add(key, token_patterns)

    def __call__(self, doc: Doc) -> List[Tuple[int, int, int]]:
        present = {("LEMMA", t.lemma_) for t in doc} | {("LOWER", t.lower_) for t in doc}
        found: Dict[Tuple[int, int, int], None] = {}
        for anchor in present & self._by_anchor.keys():
            for match in self._by_anchor[anchor](doc):
                found[match] = None
        if len(self._always):
            for match in self._always(doc):
                found[match] = None
        return sorted(found, key=lambda m: (m[1], m[2], self._order.get(m[0], 0)))
