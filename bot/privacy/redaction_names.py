"""Names found from spaCy tokens, a shipped name list (``bot/privacy/data/``) and cue words.

There is no pretrained NER model in this product (the pipeline is blank English plus lookup lemmas), so
names are found by rules, in order of confidence: a title ("Mrs Okafor"); a cue ("called", "my name is",
"her brother", "'s mum"); a listed first name in any case ("jayden", "Wiktoria"); an ambiguous first name
("Summer", "Mark") only with a surname or cue beside it; a listed surname ("Hughes", "the Kowalskis",
"Okafor family"); and a capitalised mid-sentence word that is no English word, no place and no service,
when it sits where names sit (before an age, after "and", in quotes). Places from guidance/ and worry
words are never names, so the advice that later turns read from the stored text keeps its meaning.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, List, Optional

from bot.guidance.areas import normalise_place
from bot.language.nlp import get_nlp
from bot.privacy.redaction_lexicon import (
    ACRONYMS,
    ALL_FIRST,
    AMBIGUOUS,
    CALLED,
    FIRST_NAMES,
    KIN_TITLES,
    NOT_NAMES,
    PARTICLES,
    POSSESSED,
    RELATIONS,
    SENTENCE_START,
    SURNAME_WORDS,
    SURNAMES,
    TITLES,
    Span,
    concept_words,
    english_words,
    is_english,
    is_place,
    protected_words,
    word_set,
)
from bot.privacy.redaction_name_context import context_name_spans
from bot.privacy.redaction_patterns import BRACKETED_DOB

NAME_PREFIX = re.compile(r"^(?:O['’]|D['’]|Mc|Mac)")
NAMELIKE = re.compile(r"^(?:O['’]|D['’]|Mc|Mac)?(?:[A-Z][a-z'’]+|[A-Z]{2,})$")
SECOND_PARTS = word_set("ann anne mae may jo rae lee leigh louise marie rose james jay lou belle grace")
HYPHENATED = re.compile(r"(?<![\w-])([A-Za-z]+)-([A-Za-z]+)(?![\w-])")
QUOTED_NAME = re.compile(r"(?<!\w)['‘\"“]([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’\"”](?!\w)")
AGE_AFTER = re.compile(r"^\s*(?:\(|,)?\s*(?:\d{1,2}(?:\s*(?:yrs?|years?|yo|y/o|mths|months|weeks?))?\b|aged\b)")
LOW_SURNAME_STOP = word_set("do he de le ma ho my the and in on at is was")
ANY_NAME = ALL_FIRST | SURNAMES
HYPHEN_PARTS = ANY_NAME | SECOND_PARTS
REL_CUES = RELATIONS | {"parents", "grandparents"}
# Words before a lower-case token that can make it a name; any other lower-case word is skipped at once.
LOWER_CUES = CALLED | REL_CUES | {"is", "was", "'s", "’s", "as", "by", "'m", "am", ",", "(", "big", "little", "lil"}
NOT_AFTER_NUMBER = word_set("""year yr y age aged room flat number plot pitch level page step class group stage
key week day tier section bus set form team part table box gate platform unit ward bed floor""")


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """The tokenizer of our one spaCy pipeline (no lemmatizer needed here, which keeps it fast)."""

    return get_nlp().tokenizer


def namelike(text: str) -> bool:
    """Capitalised, in capitals (police style: KOWALSKA), or Mc/O' forms (McDONAGH, O'NEILL), also with letters
    beyond ASCII ("Wiśniewska", "Rafał", "Erzsébet")."""
    if len(text) < 2 or text in ACRONYMS:
        return False
    if NAMELIKE.match(text):
        return True
    core = NAME_PREFIX.sub("", text).replace("'", "").replace("’", "")
    return core[:1].isupper() and core.isalpha() and (core[1:].islower() or core.isupper())


def _plain(token: Any) -> bool:
    """A word that may be a name at all: not a service, a worry word, a place word or part of a place
    phrase ("Lynn" of "King's Lynn")."""
    low = token.lower_
    if low in NOT_NAMES or low in concept_words() or token.text in ACRONYMS:
        return False
    doc, i = token.doc, token.i
    tokens = protected_words()[1]
    near = doc[max(0, i - 2):i + 3]
    if not any(t.lower_.replace("'", "").replace("’", "") in tokens for t in near):
        return True
    for lo, hi in ((i - 2, i + 1), (i - 1, i + 1), (i, i + 2), (i, i + 3)):
        if lo >= 0 and hi <= len(doc) and hi - lo > 1 and _place_phrase(doc[lo:hi].text):
            return False
    return not is_place([token.text]) or low in FIRST_NAMES


def _place_phrase(text: str) -> bool:
    return normalise_place(text) in protected_words()[0]


def _sentence_start(doc: Any, i: int) -> bool:
    return i == 0 or doc[i - 1].text in SENTENCE_START


def _surname(doc: Any, j: int, lower_ok: bool) -> bool:
    """Could doc[j] be a surname right after a name?"""
    token = doc[j]
    low = token.lower_
    if low in RELATIONS or low in LOW_SURNAME_STOP:
        return False
    if namelike(token.text) and token.text not in ACRONYMS and low not in NOT_NAMES:
        return not is_place([token.text]) or low in SURNAMES  # capitalised after a name: "Jayden Burns"
    if low in concept_words():
        return False
    if lower_ok and token.is_lower and low in SURNAMES:
        return True
    if not _plain(token):
        return low in SURNAMES and namelike(token.text)
    if namelike(token.text):
        return not is_place([token.text])
    return lower_ok and token.is_lower and low in SURNAMES


def _extend(doc: Any, end: int, lower_ok: bool) -> int:
    """Swallow up to three following name parts: middle names, a surname, "Van", "-Price"."""
    n = len(doc)
    for _ in range(3):
        hyphen = end + 1 < n and doc[end].text in ("-", "‐") and not doc[end - 1].whitespace_ \
            and (namelike(doc[end + 1].text) or doc[end + 1].lower_ in HYPHEN_PARTS)
        particle = end + 1 < n and doc[end].lower_ in PARTICLES and namelike(doc[end + 1].text)
        if hyphen or particle:
            end += 2
        elif end < n and _surname(doc, end, lower_ok):
            end += 1
        else:
            break
    return end


def _first_name(doc: Any, i: int) -> bool:
    """A listed, unambiguous first name: capitalised anywhere, or lower case if it is no English word."""
    token = doc[i]
    low = token.lower_
    if low not in FIRST_NAMES or low in concept_words():
        return False
    if token.text.isupper() and (i + 1 >= len(doc) or not namelike(doc[i + 1].text)):
        return False  # a listed name in capitals only as police write it, with the surname: "ZUZANNA KOWALSKA"
    if namelike(token.text):
        return i + 1 >= len(doc) or doc[i + 1].lower_ not in ("road", "street", "lane", "avenue", "close",
                                                             "drive", "primary", "academy", "school", "house",
                                                             "court", "way", "rd", "st")
    return token.is_lower and len(low) > 2 and not token.is_stop and not is_english(low)


def _unlisted_name(doc: Any, i: int) -> bool:
    """A capitalised word mid-sentence that is no English word, no place and no service, where names sit."""
    token = doc[i]
    if not (token.is_alpha and token.is_title and len(token.text) > 2) or _sentence_start(doc, i):
        return False
    low = token.lower_
    if is_english(low) and low not in ANY_NAME or not _plain(token):
        return False
    if low in NOT_AFTER_NUMBER:
        return False
    after = doc.text[token.idx + len(token.text):token.idx + len(token.text) + 14]
    before = doc[i - 1].lower_
    return bool(AGE_AFTER.match(after)) or before in ("and", "&", "with", "by", "from", "to", "for") \
        or (i + 1 < len(doc) and doc[i + 1].lower_ in ("and", "&") and i + 2 < len(doc)
            and namelike(doc[i + 2].text))


def _start(doc: Any, i: int) -> Optional[int]:
    """If a name starts at token i, where it ends (exclusive); else None."""
    token, n = doc[i], len(doc)
    low = token.lower_
    prev = doc[i - 1].lower_ if i > 0 else ""
    if token.is_lower and low not in ALL_FIRST and low not in TITLES and prev not in LOWER_CUES \
            and low not in ("big", "little", "lil") and not (low.endswith("s") and low[:-1] in FIRST_NAMES):
        return None  # the common case: an ordinary lower-case word with no cue before it
    prev2 = doc[i - 2].lower_ if i > 1 else ""
    nxt = doc[i + 1].lower_ if i + 1 < n else ""
    # 1. A title: "Mr Jones", "Mrs. Okafor", "Mr J Smith". Any capitalised word counts, even a place word.
    if low.rstrip(".") in TITLES and i + 1 < n and (token.text[:1].isupper() or low in ("mr", "mrs", "ms", "dr")):
        j = i + 1 + (1 if doc[i + 1].text == "." else 0)
        if j < n and (namelike(doc[j].text) or (len(doc[j].text) == 1 and doc[j].text.isupper())):
            return _extend(doc, j + 1, False)
        return None
    if not token.is_alpha and not namelike(token.text):
        return None
    if token.is_lower and ((i > 1 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_)
                           or (i + 1 < n and doc[i + 1].text == "-" and not token.whitespace_)):
        return None  # inside an identifier ("bed-dev-l1-01"); hyphenated names are found in name_spans
    plain = _plain(token)
    # 2. A cue: "called dazza", "my name is Ola", "known as", "I'm Sam".
    cue = (prev in CALLED or (prev in ("is", "was", "'s", "’s") and prev2 == "name")
           or (prev == "as" and prev2 == "known") or (prev == "by" and prev2 == "goes")
           or (prev in ("'m", "am") and prev2 == "i" and namelike(token.text))
           or (prev == "is" and prev2 == "this" and i == 2))
    if cue and plain and not token.is_stop and token.is_alpha:
        return _extend(doc, i + 1, True)
    # 3. A relation before: "her brother Tyler", "mum, Kelly,", "my neighbour shaz", "the parents Mark".
    rel = i - 1 if prev in REL_CUES else \
        i - 2 if prev in (",", "(") and prev2 in RELATIONS else None
    related = rel is not None and plain and (doc[rel].is_lower or doc[rel].lower_ in KIN_TITLES or rel == 0
                                             or doc[rel - 1].text in SENTENCE_START)
    if related and (namelike(token.text) or _first_name(doc, i) or (
            token.is_lower and low in ALL_FIRST and (nxt in ("in", "(", ",", "aged", "who", "from", "is")
                                                     or doc[i + 1:i + 2].text[:1].isdigit()))):
        return _extend(doc, i + 1, True)
    # 4. Before "'s mum", or a bracketed date of birth.
    if plain and namelike(token.text) and i + 2 < n and doc[i + 1].text in ("'s", "’s") \
            and doc[i + 2].lower_ in POSSESSED:
        return i + 1
    if plain and namelike(token.text) and i + 1 < n and doc[i + 1].text == "(" \
            and BRACKETED_DOB.match(doc.text, doc[i + 1].idx):
        return i + 1  # "Esme (DOB 04/10/2015)"
    # 5. A listed first name, in any case; an ambiguous one only with a surname or "and <name>" after it.
    if _first_name(doc, i) and plain:
        return _extend(doc, i + 1, True)
    if low in AMBIGUOUS and namelike(token.text) and plain:
        end = _extend(doc, i + 1, False)
        if end > i + 1 and (namelike(doc[i + 1].text) or doc[i + 1].text == "-"):
            return end
        if nxt in ("and", "&") and i + 2 < n and (_first_name(doc, i + 2) or namelike(doc[i + 2].text)
                                                   and doc[i + 2].lower_ in ALL_FIRST):
            return i + 1
    # "big tel", "Big Mike", "little Sami": a nickname after big/little (the word goes too, see name_spans).
    if low in ("big", "little", "lil") and i + 1 < n and doc[i + 1].is_alpha and doc[i + 1].lower_ in ALL_FIRST \
            and doc[i + 1].lower_ not in concept_words():
        return _extend(doc, i + 2, False)
    # "gareths car", "kyries mum": a first name with the apostrophe left out.
    if token.is_alpha and low.endswith("s") and low[:-1] in FIRST_NAMES and low not in english_words() \
            and nxt in POSSESSED | {"car", "kids", "only", "mum's", "dad's"}:
        return i + 1
    # 6. A surname on its own, or a family: "Hughes said", "the Kowalskis", "Okafor family".
    if namelike(token.text) and plain:
        stem = low[:-2] if low.endswith("es") and low[:-2] in SURNAMES else low[:-1] if low.endswith("s") else low
        if nxt in ("family", "families", "household", "kids", "children") and not is_place([token.text]) \
                and (low in SURNAMES or not is_english(low)):
            return i + 1
        if prev == "the" and stem != low and stem in SURNAMES:
            return i + 1
        if low in SURNAMES and low not in SURNAME_WORDS and (
                not _sentence_start(doc, i) or low not in english_words() or nxt in ("said", "says")
                or (i + 1 < n and (namelike(doc[i + 1].text) or nxt in PARTICLES))):
            return _extend(doc, i + 1, False)
        if low in SURNAMES and prev in ("'", "’", ")", "\"") and i > 1 and not doc[i - 2].is_lower:
            return i + 1  # Terence 'Big Tel' Hughes, Riley (Ri) Brown
        stem_nick = low[:-1] if low.endswith("y") else low[:-2] if low.endswith(("ie", "zz", "no")) else ""
        if stem_nick and (stem_nick in ALL_FIRST or stem_nick in SURNAMES) and not _sentence_start(doc, i) \
                and low not in english_words():
            return i + 1
        if _unlisted_name(doc, i):
            return _extend(doc, i + 1, False)
    return None


def name_spans(text: str) -> List[Span]:
    """Every name found in ``text`` by the rules above."""
    doc = _tokenizer()(text)
    spans: List[Span] = []
    i, n = 0, len(doc)
    while i < n:
        end = _start(doc, i)
        if end is not None and end > i:
            start = i
            # A title is kept in the text ("Mrs [NAME]"); "Big Tel", "little Sami" lose the "big".
            if doc[i].lower_.rstrip(".") in TITLES:
                start = i + 1 + (1 if i + 1 < n and doc[i + 1].text == "." else 0)
            elif i > 0 and doc[i - 1].lower_ in ("big", "little", "lil") and doc[i - 1].lower_ != doc[i].lower_:
                start = i - 1
            first, last = doc[start], doc[end - 1]
            spans.append(Span(first.idx, last.idx + len(last.text), "NAME", text[first.idx:last.idx + len(last.text)]))
            i = end
            continue
        i += 1
    for m in HYPHENATED.finditer(text):
        a, b = m.group(1).lower(), m.group(2).lower()
        if (a in ANY_NAME and b in HYPHEN_PARTS) or \
                (len(a) == 1 and m.group(1).isupper() and b in ("boy", "dog", "man", "money")):
            worry = a in concept_words() or b in concept_words()
            if not worry and not is_place([m.group()]):
                spans.append(Span(m.start(), m.end(), "NAME", m.group()))
    for m in QUOTED_NAME.finditer(text):
        if m.group(1).split()[0].lower().rstrip(".") in TITLES:
            continue
        words = [w for w in m.group(1).split() if w.lower() not in ("big", "little", "lil")] or ["big"]
        if all(w.lower() not in NOT_NAMES and w.lower() not in concept_words()
               and (w.lower() in ALL_FIRST or not is_english(w.lower())) for w in words) and not is_place(words):
            spans.append(Span(m.start(1), m.end(1), "NAME", m.group(1)))
    return spans + context_name_spans(text, doc, spans)
