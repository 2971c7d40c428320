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
from typing import Dict, List, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from bot.guidance.loader import cached_concepts
from bot.guidance.models import Concept, ConceptLexicon
from bot.language.nlp import get_nlp
from bot.language.patterns import AnchoredMatcher, compile_pattern, max_length

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
    "mention", "mentioned", "or", ",", "/", "suggest", "suggests", "indicate", "indicates", "other",
    # "never tried to kill herself", "doesn't want to hurt himself": the attempt or wish is what is negated.
    "try", "tried", "tries", "attempt", "attempted", "want", "wants", "wanted",
    # "didn't leave a mark", "no marks left": leaving is what is negated.
    "leave", "left", "leaves", "leaving",
    # "never heard anyone shouting at him", "haven't noticed anything like that": hearing or noticing is negated.
    "hear", "heard", "hears", "notice", "noticed", "saw", "anyone", "anybody", "anything", "someone",
}
LIST_NEGATORS = {"no", "without", "neither", "nor", "any"}
# "no drugs, alcohol or older lads", "no money/new phones/gifts" (set O): the cue reaches along a list.
LIST_JOINERS = {"or", "nor", ",", "/"}
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
_PLACEHOLDER = re.compile(r"\[[a-z_]{2,12}\]")  # bot/privacy/redaction.py's typed placeholders, lower-cased
# An age in brackets after a person ("mum (24) has a learning disability", "girl (14) is pregnant"): its brackets
# are dropped, so a "..." gap reaches across it and the number still reads as an age.
_AGE_ASIDE = re.compile(r"\((?:aged? ?)?\d{1,2}(?: ?(?:yrs?|years?|y/?o|months?|mths?|weeks?|wks?|s))?\)")
_QUOTE_MARK = re.compile(r"[\"“”]|(?<![a-z0-9])['‘’]|['‘’](?![a-z])")


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
    # relabels a hit, never deletes it (bot/engine/rules/hit_rules.relabel_other_children decides who did what).
    about_others: bool = False




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
        # children: kept and marked, for bot/engine/rules/hit_rules to relabel by who is doing it; "made him
        # touch" starts before the exclusion and stays as it is.
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

    A quotation mark next to a space is dropped; one between two words ("said"my) becomes a space; the brackets of
    a redaction placeholder, and of an age in brackets, are dropped.
    """
    lowered = _HYPHEN_IN_WORD.sub(" ", text.lower())
    if len(lowered) != len(text):  # a character whose lower case is longer: keep the text as it is
        lowered = text
    # A redaction placeholder ("[NAME]'s upper arm") reads as one word, as the name did: its brackets are dropped.
    brackets = {i for pattern in (_PLACEHOLDER, _AGE_ASIDE) for m in pattern.finditer(lowered)
                for i in (m.start(), m.end() - 1)}
    probe = "".join("x" if i in brackets else c for i, c in enumerate(lowered)) if brackets else lowered
    quotes = {m.start() for m in _QUOTE_MARK.finditer(probe)}
    kept: List[str] = []
    offsets: List[int] = []
    for index, char in enumerate(lowered):
        if index in brackets:
            continue
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
        no_one = token.lower_ == "one" and token.i > 0 and doc[token.i - 1].lower_ == "no"  # "no one's grooming him"
        if (token.lower_ in NEGATION_CUES or token.lemma_ in {"deny"} or no_one) and not _minimiser(doc, token.i):
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
