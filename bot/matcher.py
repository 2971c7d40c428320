"""Free text -> concepts, with negation and hedging, keeping the words that triggered each match.

Patterns come from ``guidance/concepts.yml`` and are compiled into spaCy token
patterns on lower-cased lookup lemmas. Negation is deliberately narrow: a cue
must scope over the match ("no bruises", "isn't self-harming", "never hit"),
because wrongly dropping a worry is the worst error this product can make.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from bot.guidance.loader import cached_concepts
from bot.guidance.models import Concept, ConceptLexicon
from bot.nlp import get_nlp

NEGATION_CUES = {"no", "not", "never", "without", "nobody", "none", "nothing", "neither", "nor",
                 "deny", "denies", "denied", "n't", "nt", "cannot"}
# Tokens that may stand between a negation cue and what it negates ("no obvious signs of bruising").
NEGATION_BRIDGE = {
    "any", "obvious", "sign", "signs", "of", "evidence", "visible", "be", "been", "being", "is", "was", "are",
    "were", "have", "has", "had", "got", "get", "seen", "see", "a", "an", "the", "clear", "concern",
    "concerns", "about", "worry", "worries", "current", "currently", "really", "at", "all", "ever", "do",
    "does", "did", "he", "she", "they", "it", "him", "her", "them", "his", "their", "'s", "think", "believe",
    "appear", "appears", "seem", "seems", "to", "that", "new", "recent", "history", "indication", "aware",
    "known", "involved", "involvement", "suggestion", "worried", "reported", "report", "disclose", "disclosed",
    "mention", "mentioned", "or", ",", "suggest", "suggests", "indicate", "indicates", "other",
    # "never tried to kill herself", "doesn't want to hurt himself": the attempt or wish is what is negated.
    "try", "tried", "tries", "attempt", "attempted", "want", "wants", "wanted",
    # "didn't leave a mark", "no marks left": leaving is what is negated.
    "leave", "left", "leaves", "leaving",
    # "never heard anyone shouting at him", "haven't noticed anything like that": hearing or noticing is negated.
    "hear", "heard", "hears", "notice", "noticed", "saw", "anyone", "anybody", "anything", "someone",
}
LIST_NEGATORS = {"no", "without", "neither", "nor", "any"}
LIST_JOINERS = {"or", "nor", ","}  # "no drugs, alcohol or older lads": the cue reaches along a list
NEGATION_WINDOW = 8
POST_NEGATION = {"none", "denied", "denies", "absent", "negative"}
SENTENCE_BREAKS = {".", "!", "?", ";", "\n"}
# Inside a match, a cue after one of these belongs to the next clause, not to the matched worry.
INNER_CLAUSE_JOINERS = {"and", "so", "because", "when", "then"}
NEW_SUBJECTS = {"he", "she", "they", "i", "we", "mum", "mom", "mam", "mummy", "mother", "dad", "daddy", "father",
                "stepdad", "stepmum", "nan", "gran", "grandad", "partner", "boyfriend", "girlfriend"}
CLAUSE_BREAKS = {".", ";", "!", "?", "but", "however", "although", "though", "except", "yet", "whereas", "while"}
HEDGE_CUES = {"maybe", "perhaps", "possibly", "possible", "might", "may", "could", "think", "unsure", "suspect",
              "wonder", "apparently", "allegedly", "rumour", "rumoured", "heard", "seem", "seems", "likely",
              "unclear", "probably"}
_HYPHEN_IN_WORD = re.compile(r"(?<=[a-z])-(?=[a-z])")
# Quotation marks around a child's words ("he 'does things' to me") are not words: they become spaces so a
# pattern reads through them; an apostrophe inside a word ("don't", "mum's") stays.
_QUOTE_MARK = re.compile(r"[\"“”]|(?<![a-z0-9])['‘’]|['‘’](?![a-z])")
GAP = "..."
LONG_GAP = "~"  # "told ~ touched": both in one sentence, up to MAX_LONG_GAP words apart
ANY = "*"
MAX_GAP = 3
MAX_LONG_GAP = 16


# Some concepts are not tagged on any indicator in some areas' matrices (e.g. no Norfolk, Nottingham City or
# Bedford Borough line names an eating disorder; Nottingham City has no suicide line), so a hit on them alone
# reached no indicator there and the advice fell back to the scale. Each such hit also raises the broader
# concept that every area does tag, with the same words: the specific concept keeps its own indicators where
# it has them, and the broader one makes sure the worry is never silently dropped.
BROADER_CONCEPT = {
    "eating_disorder": "mental_health_child",
    "suicidal": "mental_health_child",
    "indecent_images": "sexual_abuse",
    "parental_learning_disability": "parental_capacity",
    "no_carer": "abandonment",
    "domestic_abuse_pregnancy": "domestic_abuse",
    "non_organic_faltering_growth": "faltering_growth",
}


@dataclass(frozen=True)
class ConceptHit:
    """One concept found in one answer: what was said, where, and how."""

    concept: str
    label: str
    words: str
    sentence: str
    start: int
    end: int
    negated: bool = False
    hedged: bool = False
    field: str = "worried"
    # The hit lies inside one of its concept's `exclude` phrases ("touched other children"): an exclude
    # relabels a hit, never deletes it (bot/hit_rules.relabel_other_children decides who did what).
    about_others: bool = False


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


# Each token's "lemma|lower" match key lives in NORM, a built-in attribute the matcher reads in C:
# a custom `._.` attribute cost a Python call per token per pattern (80% of assess's time).
# Nothing else in the project reads NORM from these docs (they are the matcher's own parses).
KEY_ATTR = "NORM"


# "step dad", "step-dad" (the hyphen becomes a space) and "grand dad" are one person: merged into one token
# whose lemma is the closed form the patterns use ("stepdad"), so every pattern naming a stepparent sees them.
COMPOUND_HEADS = {
    "step": {"dad", "dads", "father", "fathers", "mum", "mums", "mother", "mothers", "mom", "parent", "parents",
             "brother", "brothers", "sister", "sisters", "son", "daughter", "kids", "children", "child"},
    "grand": {"dad", "ad", "pa", "ma", "mother", "father", "parents", "son", "daughter"},
}


def _merge_compounds(doc: Doc) -> None:
    """Two-word kinship terms -> one token (character offsets are unchanged)."""
    spans = []
    index = 0
    while index < len(doc) - 1:
        head, tail = doc[index].lower_, doc[index + 1].lower_
        if head in COMPOUND_HEADS and tail in COMPOUND_HEADS[head] and doc[index].whitespace_:
            lemma = head + doc[index + 1].lemma_.lower()
            spans.append((doc[index:index + 2], "grandad" if lemma == "granddad" else lemma))
            index += 2
        else:
            index += 1
    if spans:
        with doc.retokenize() as retokenizer:
            for span, lemma in spans:
                retokenizer.merge(span, attrs={"LEMMA": lemma})


def _lower_lemmas(doc: Doc) -> None:
    """Lower-case lemmas, and each token's "lemma|lower" match key computed once per parse."""
    for token in doc:
        token.lemma_ = token.lemma_.lower()
        token.norm_ = f"{token.lemma_}|{token.lower_}"


class ConceptMatcher:
    """Finds guidance concepts in free text. Build once per process (see ``get_matcher``)."""

    def __init__(self, nlp: Language, lexicon: ConceptLexicon) -> None:
        self.nlp = nlp
        self.concepts: Dict[str, Concept] = {c.id: c for c in lexicon.concepts}
        self.matcher = AnchoredMatcher(nlp)
        self._pattern_negations: Dict[str, bool] = {}
        self._max_lengths: Dict[str, int] = {}
        for concept in lexicon.concepts:
            for index, pattern in enumerate(concept.patterns):
                key = f"{concept.id}#{index}"
                self.matcher.add(key, pattern, compile_pattern(nlp, pattern))
                self._pattern_negations[key] = any(w in NEGATION_CUES for w in pattern.replace("/", " ").split())
                self._max_lengths[key] = max_length(pattern)
            for index, pattern in enumerate(concept.exclude):
                self.matcher.add(f"{concept.id}!{index}", pattern, compile_pattern(nlp, pattern))
                self._max_lengths[f"{concept.id}!{index}"] = max_length(pattern)

    def parse(self, text: str) -> Doc:
        # Quotation marks are dropped (they would sit between the words a pattern joins); every other
        # character keeps its place, and doc.user_data["offsets"] maps each parsed character back to the
        # user's text, so the words and sentences reported are still exactly what they typed.
        cleaned, offsets = _clean(text)
        doc = self.nlp(cleaned)
        doc.user_data["offsets"] = offsets
        _merge_compounds(doc)
        _lower_lemmas(doc)
        return doc

    def sentences(self, text: str) -> List[str]:
        """The text split at sentence punctuation, for the long-tail ranker."""
        doc = self.parse(text)
        out: List[str] = []
        start = 0
        for token in doc:
            if token.text in SENTENCE_BREAKS:
                piece = text[_at(doc, doc[start].idx):_at(doc, token.idx)].strip() if start < token.i else ""
                if piece:
                    out.append(piece)
                start = token.i + 1
        if start < len(doc):
            out.append(text[_at(doc, doc[start].idx):].strip())
        return [p for p in out if p]

    def has_negation(self, text: str) -> bool:
        return any(t.lower_ in NEGATION_CUES for t in self.parse(text))

    def find(self, text: str, field: str = "worried") -> List[ConceptHit]:
        """All concept hits in ``text``; the longest span wins where several patterns of one concept overlap."""
        if not text or not text.strip():
            return []
        doc = self.parse(text)
        raw: List[Tuple[str, Span, bool]] = []
        excluded: Dict[str, List[Tuple[int, int]]] = {}
        for match_id, start, end in self.matcher(doc):
            key = self.nlp.vocab.strings[match_id]
            if end - start > self._max_lengths[key]:
                continue
            if "!" in key:
                excluded.setdefault(key.split("!")[0], []).append((start, end))
                continue
            raw.append((key.split("#")[0], doc[start:end], self._pattern_negations[key]))
        # A hit that starts inside an exclusion ("touch other children", "hits other kids") is about other
        # children: kept and marked, for bot/hit_rules to relabel by who is doing it; "made him touch" starts
        # before the exclusion and stays as it is.
        others = {(r[0], r[1].start, r[1].end) for r in raw
                  if any(s <= r[1].start < e for s, e in excluded.get(r[0], ()))}
        # Longest span first; on the same span a pattern that names its own negation ("not fed") reads as a
        # worry, so it goes before one that would be negated by the same words: the affirmative reading wins
        # (a worry is never dropped on a tie), and the result never depends on the matcher's order.
        raw.sort(key=lambda r: (r[1].start, -(r[1].end - r[1].start), not r[2], r[0]))
        hits: List[ConceptHit] = []
        taken: Dict[str, List[Tuple[int, int]]] = {}
        for concept_id, span, pattern_has_negation in raw:
            if any(t.text in SENTENCE_BREAKS for t in span):
                continue  # a "..." gap must not join two sentences
            spans = taken.setdefault(concept_id, [])
            if any(s < span.end and span.start < e for s, e in spans):
                continue
            spans.append((span.start, span.end))
            concept = self.concepts[concept_id]
            sentence = _sentence(doc, span)
            hits.append(ConceptHit(
                concept=concept_id,
                label=concept.label,
                words=text[_at(doc, span.start_char):_end_at(doc, span.end_char)],
                sentence=text[_at(doc, sentence[0]):_end_at(doc, sentence[1])].strip(),
                start=_at(doc, span.start_char),
                end=_end_at(doc, span.end_char),
                negated=False if pattern_has_negation else is_negated(doc, span),
                hedged=is_hedged(doc, span),
                field=field,
                about_others=(concept_id, span.start, span.end) in others,
            ))
        return self._with_broader(hits)

    def _with_broader(self, hits: List[ConceptHit]) -> List[ConceptHit]:
        """Each hit on a narrow concept also raises its broader concept (see BROADER_CONCEPT)."""
        extra: List[ConceptHit] = []
        for hit in hits:
            broader = BROADER_CONCEPT.get(hit.concept)
            if broader is None or broader not in self.concepts:
                continue
            if any(h.concept == broader and h.start < hit.end and hit.start < h.end for h in hits + extra):
                continue
            extra.append(replace(hit, concept=broader, label=self.concepts[broader].label))
        return hits + extra


def _clean(text: str) -> Tuple[str, List[int]]:
    """Lower-cased text without quotation marks, and for each kept character its index in ``text``.

    A quotation mark next to a space is dropped; one between two words ("said"my) becomes a space.
    """
    lowered = _HYPHEN_IN_WORD.sub(" ", text.lower())
    if len(lowered) != len(text):  # a character whose lower case is longer: keep the text as it is
        lowered = text
    quotes = {m.start() for m in _QUOTE_MARK.finditer(lowered)}
    kept: List[str] = []
    offsets: List[int] = []
    for index, char in enumerate(lowered):
        if index in quotes:
            if not kept or kept[-1].isspace() or index + 1 >= len(lowered) or lowered[index + 1].isspace():
                continue
            char = " "
        kept.append(char)
        offsets.append(index)
    offsets.append(len(lowered))
    return "".join(kept), offsets


def _at(doc: Doc, offset: int) -> int:
    """A start offset in the parsed text -> the same place in the user's text."""
    offsets = doc.user_data.get("offsets")
    return offsets[min(offset, len(offsets) - 1)] if offsets else offset


def _end_at(doc: Doc, offset: int) -> int:
    """An end offset (one past the last character) in the parsed text -> the user's text."""
    offsets = doc.user_data.get("offsets")
    if not offsets or offset <= 0:
        return offset
    return offsets[min(offset, len(offsets) - 1) - 1] + 1


def _clause_bounds(doc: Doc, span: Span) -> Tuple[int, int]:
    start = span.start
    while start > 0 and doc[start - 1].text not in CLAUSE_BREAKS:
        start -= 1
    end = span.end
    while end < len(doc) and doc[end].text not in CLAUSE_BREAKS:
        end += 1
    return start, end


def _sentence(doc: Doc, span: Span) -> Tuple[int, int]:
    start = span.start
    while start > 0 and doc[start - 1].text not in {".", "!", "?", "\n"}:
        start -= 1
    end = span.end
    while end < len(doc) and doc[end].text not in {".", "!", "?", "\n"}:
        end += 1
    start_char = doc[start].idx if start < len(doc) else len(doc.text)
    end_char = doc[end - 1].idx + len(doc[end - 1].text) if end > 0 else 0
    return start_char, end_char


def is_negated(doc: Doc, span: Span) -> bool:
    """True only when a negation cue scopes over the span, within its clause."""
    clause_start, clause_end = _clause_bounds(doc, span)
    index = span.start - 1
    crossed_list = False
    skipped: List[int] = []
    while index >= max(clause_start, span.start - NEGATION_WINDOW):
        token = doc[index]
        if (token.lower_ in NEGATION_CUES or token.lemma_ in {"deny"}) and not _minimiser(doc, token.i):
            if skipped and token.lower_ != "no":
                return False  # only "no" reaches over a describing word: "no safeguarding disclosures"
            # "no drugs, alcohol or older lads" negates the whole list; "not collected, missed reviews" does not.
            return not crossed_list or token.lower_ in LIST_NEGATORS
        in_list = index + 1 < len(doc) and doc[index + 1].lower_ in LIST_JOINERS
        crossed_list = crossed_list or in_list or token.lower_ in LIST_JOINERS
        if token.lower_ not in NEGATION_BRIDGE and token.lemma_ not in NEGATION_BRIDGE and not in_list:
            if skipped or index != span.start - 1 or not token.is_alpha:
                break
            skipped.append(index)  # one describing word right before the match
        index -= 1
    # A cue inside a gapped match: "dad doesn't hit him" matched by "dad ... hit". A cue after "and" or "because"
    # with a new subject inside the span is another clause's ("dad hits her and mum doesn't stop him"): it negates
    # nothing here ("sleeping and eating ok, no self-harm" has no new subject: its "no" still counts).
    for token in span[1:-1]:
        following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if token.text in CLAUSE_BREAKS or (token.lower_ in INNER_CLAUSE_JOINERS and following in NEW_SUBJECTS):
            break
        if token.lower_ in NEGATION_CUES:
            return True
    after = span.end
    for token in doc[after:min(after + 3, clause_end)]:
        if token.lower_ in POST_NEGATION:
            return True
        if token.text == "ruled" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "out":
            return True
    return False


# "probably nothing", "it's nothing really, but...": a minimiser in front of a worry, not a denial of it.
# "nothing" negates only when it governs what follows ("nothing to suggest abuse", "nothing about bruises").
NOTHING_GOVERNS = {"to", "suggest", "suggests", "suggesting", "indicate", "indicates", "about", "of"}


def _minimiser(doc: Doc, index: int) -> bool:
    token = doc[index]
    if token.lower_ != "nothing":
        return False
    following = doc[index + 1].lower_ if index + 1 < len(doc) else ""
    return following not in NOTHING_GOVERNS


def is_hedged(doc: Doc, span: Span) -> bool:
    clause_start, clause_end = _clause_bounds(doc, span)
    words = {t.lower_ for t in doc[clause_start:clause_end]} | {t.lemma_ for t in doc[clause_start:clause_end]}
    text = doc[clause_start:clause_end].text
    return bool(words & HEDGE_CUES) or "not sure" in text or "not certain" in text


@lru_cache(maxsize=1)
def get_matcher() -> ConceptMatcher:
    """Cached factory: the pipeline and patterns are built once per process, never at import time."""
    return ConceptMatcher(get_nlp(), cached_concepts())
