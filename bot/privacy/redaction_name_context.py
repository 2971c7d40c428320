"""Names found from what sits around them, once the token rules of ``redaction_names.py`` have run.

These rules look at the whole sentence rather than one token at a time, which is how people write names
that are not on any list: a nickname in quotes after "called" or "known as" ('Pixie', 'Lil P'); a surname
after a quoted nickname (Jessica 'Jess' Harrow); a word that the sentence already used as part of a name
("mum Chelsea Finch ... Oakley Finch"); an unlisted first name straight before a found surname ("Xinyi
[Chen]"); a family named by its surname alone ("the O'Driscolls", "the Flanagans lot"); and a name after
"mum is", "surname is", "call her". The guards are those of the token rules: worry words from guidance/,
places the assistant needs, services and, for names that are also words, a cue.
"""

from __future__ import annotations

import re
from typing import Any, List, Set, Tuple

from bot.privacy.redaction_lexicon import (
    ACRONYMS,
    ALL_FIRST,
    NOT_NAMES,
    PARTICLES,
    RELATIONS,
    SENTENCE_START,
    SURNAMES,
    TITLES,
    Span,
    concept_words,
    is_english,
    is_ordinary_word,
    is_place,
    word_set,
)

QUOTES = "'‘’\"“”"
# A nickname in quotes after a word that introduces one: "called her 'Pixie'", "known as 'Lil P' & 'Skeng'",
# "older male 'Smokes'", "hangs about with 'Shifty'", "her boyfriend 'Tall Dre'".
NICK_CUE = re.compile(
    r"(?:\b(?:called|named|nicknamed|known\s+as|aka|a\.k\.a\.?|call(?:s|ed)?\s+(?:him|her|them|me)|male|female|man|bloke|"
    r"lad|guy|boy|girl|boyfriend|girlfriend|bf|gf|friend|mate|cousin|uncle|with|and|or)|&)\s+$", re.I)
QUOTED = re.compile(r"['‘\"“](?P<nick>[A-Z][^\W\d_]*(?:\s+[A-Z][^\W\d_]*)?)['’\"”](?!\w)")
# A nickname in brackets between a first name and a surname: "Alfie (Alf) Brown".
BRACKETED = re.compile(r"\((?P<nick>[A-Z][^\W\d_]+)\)(?=\s+[A-Z])")
# Words after which a capitalised word is a name: "mum is Paulette", "surname is Morley", "HV is Sandy".
IS_CUES = RELATIONS | word_set("surname name keyworker worker hv sw officer nurse mentor")
FAMILY_AFTER = word_set("lot family families clan household brothers sisters boys girls kids children")
MONTH_NAMES = word_set("april may june august")
NOT_ECHO = TITLES | RELATIONS | PARTICLES | word_set("big little lil")


def _core_ok(token: Any) -> bool:
    """A word that may be a name at all: no worry word, service, place the assistant needs or acronym."""
    low = token.lower_
    return (token.is_alpha and low not in NOT_NAMES and low not in concept_words() and token.text not in ACRONYMS
            and not is_place([token.text]))


def _capitalised(token: Any) -> bool:
    text = token.text
    return len(text) > 1 and text[0].isupper() and (text[1:].islower() or text.isupper())


def _name_word(token: Any) -> bool:
    """A capitalised word that is a listed name or no English word."""
    return _capitalised(token) and _core_ok(token) and (token.lower_ in ALL_FIRST or token.lower_ in SURNAMES
                                                        or not is_english(token.lower_))


def _covered(spans: List[Span], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def _token_span(token: Any) -> Span:
    return Span(token.idx, token.idx + len(token.text), "NAME", token.text)


def _echo_words(spans: List[Span]) -> Set[str]:
    """Words of the names found so far that can stand for the person elsewhere in the sentence."""
    words = set()
    for span in spans:
        for part in re.findall(r"[^\W\d_][^\W\d_'’]+", span.text):
            if len(part) > 2 and part.lower() not in NOT_ECHO and part.lower() not in concept_words():
                words.add(part)
    return words


def _echoes(doc: Any, spans: List[Span]) -> List[Span]:
    """A word already taken as part of a name is a name wherever else it stands in the sentence ("Finch"). A word
    that is also ordinary ("Holly", "Lamb") counts only capitalised and not at a sentence start."""
    words = _echo_words(spans)
    found = []
    for token in doc:
        if token.text not in words and token.text.capitalize() not in words:
            continue
        if _covered(spans, token.idx, token.idx + len(token.text)) or not _core_ok(token):
            continue
        low = token.lower_
        start = token.i == 0 or doc[token.i - 1].text in SENTENCE_START
        if is_ordinary_word(low) and (token.text not in words or start):
            continue
        if token.is_lower and low in ALL_FIRST and token.text not in words:
            continue  # a lower-case echo of a name that is a word ("jade's") stays: no cue strong enough
        found.append(_token_span(token))
    return found


def _before(doc: Any, spans: List[Span]) -> List[Span]:
    """An unlisted capitalised word straight before a found name, mid-sentence: "Xinyi [Chen]", "Kristian [Nagy]"."""
    starts = {s.start: s for s in spans}
    found = []
    for token in doc[1:]:
        if token.idx not in starts:
            continue
        j = token.i - 1
        prev = doc[j]
        if j > 0 and doc[j - 1].text in SENTENCE_START or j == 0:
            continue
        if _name_word(prev) and prev.lower_ not in TITLES and not _covered(spans, prev.idx, prev.idx + 1) \
                and not prev.text.isupper():
            found.append(_token_span(prev))
    return found


def _quoted(text: str, doc: Any, spans: List[Span]) -> List[Span]:
    """Nicknames in quotes after a cue, and a capitalised word right after a quoted (or bracketed) nickname that
    follows a name."""
    found = []
    for m in [*QUOTED.finditer(text), *BRACKETED.finditer(text)]:
        words = m.group("nick").split()
        if any(w.lower() in concept_words() or w.lower() in NOT_NAMES for w in words) or is_place(words):
            continue
        after_name = _covered(spans, m.start() - 2, m.start())
        quoted = m.re is QUOTED
        cued = after_name or quoted and bool(NICK_CUE.search(text[max(0, m.start() - 24):m.start()]))
        if cued and not _covered(spans, m.start("nick"), m.end("nick")):
            found.append(Span(m.start("nick"), m.end("nick"), "NAME", m.group("nick")))
        if after_name:
            tail = re.match(r"\s+([A-Z][^\W\d_'’]+(?:[-'’][A-Z][^\W\d_]+)?)", text[m.end():])
            if tail:
                start = m.end() + tail.start(1)
                token = doc.char_span(start, start + len(tail.group(1)), alignment_mode="expand")
                if token is not None and all(_core_ok(t) or t.text in "-'’" for t in token):
                    found.append(Span(start, start + len(tail.group(1)), "NAME", tail.group(1)))
    return found


def _cued(doc: Any, spans: List[Span]) -> List[Span]:
    """Capitalised words after "mum is", "surname is", "call her", "name"; families by surname alone; a month
    name after a relation ("the mum June is")."""
    found = []
    n = len(doc)
    for i, token in enumerate(doc):
        if i == 0 or not _capitalised(token) or _covered(spans, token.idx, token.idx + len(token.text)):
            continue
        low, prev = token.lower_, doc[i - 1].lower_
        prev2 = doc[i - 2].lower_ if i > 1 else ""
        nxt = doc[i + 1].lower_ if i + 1 < n else ""
        listed = low in ALL_FIRST or low in SURNAMES
        ok = _core_ok(token) and (listed or not is_english(low))
        if ok and ((prev in ("is", "was", "=") and prev2 in IS_CUES)
                   or (prev in ("her", "him", "them") and prev2 in ("call", "calls", "called"))
                   or prev == "name"):
            found.append(_token_span(token))
        elif ok and prev == "the" and low.endswith("s") and not token.text.isupper() \
                and not is_english(low[:-1]) and not is_place([token.text[:-1]]):
            found.append(_token_span(token))  # the O'Driscolls, the McGinleys
        elif ok and prev == "the" and nxt in FAMILY_AFTER and (low in SURNAMES or not is_english(low)):
            found.append(_token_span(token))  # the Okafor lot
        elif low in MONTH_NAMES and prev in RELATIONS and not (doc[i + 1:i + 2].text[:1].isdigit() or nxt == "the"):
            found.append(_token_span(token))  # the mum June is too scared
    return found


def context_name_spans(text: str, doc: Any, spans: List[Span]) -> List[Span]:
    """Names found from their surroundings, given the names already found (which these never overlap)."""
    found: List[Span] = []
    for rule in (_cued, _before):
        found += [s for s in rule(doc, spans + found) if not _covered(spans + found, s.start, s.end)]
    found += [s for s in _quoted(text, doc, spans + found) if not _covered(spans + found, s.start, s.end)]
    for _ in range(2):  # an echo can sit before another found name ("Jayla [Thompson]")
        more = [s for s in _echoes(doc, spans + found) + _before(doc, spans + found)
                if not _covered(spans + found, s.start, s.end)]
        if not more:
            break
        found += _dedupe(more)
    return found


def _dedupe(spans: List[Span]) -> List[Span]:
    seen: Set[Tuple[int, int]] = set()
    out = []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            out.append(span)
    return out
