"""Redact personal details from what users type, before anything is stored or logged.

There is no pretrained NER model in this product (our spaCy pipeline is blank English
plus lookup lemmas), so personal details are found by rules:

- regular expressions for the structured kinds: emails, UK phone numbers, UK
  postcodes, NHS numbers (mod-11 checked, or named as such), dates of birth (a date
  said with "born", "DOB", "date of birth", "birthday", or in brackets after a name),
  street addresses (a house number or "on/in ..." before a street word) and school
  names ("St Mary's Primary", "Kingsway Academy");
- names from spaCy tokens: a first-name list, plus capitalised words after a title
  ("Mr", "Mrs", "Miss"), after "called / named / my name is", after a relation
  ("her brother", "mum", "stepdad", "boyfriend"), before "'s mum/dad/...", and a
  capitalised word following a listed first name (a surname).

Place names the assistant needs (every place in ``guidance/`` and ``bot/areas.py``) and
services ("MASH", "CADS", "NSPCC") are never treated as names. Each detail becomes a
typed placeholder such as ``[NAME]`` or ``[POSTCODE]``. It runs on every message, so
it uses only the tokenizer and compiled patterns (well under a millisecond per sentence).
"""

from __future__ import annotations

import json
import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

TYPES = ("NAME", "ADDRESS", "POSTCODE", "PHONE", "EMAIL", "DOB", "NHS_NUMBER", "SCHOOL")
PLACEHOLDER = re.compile(r"\[(?:" + "|".join(TYPES) + r")\]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    text: str


# ---------------------------------------------------------------- structured patterns
EMAIL = re.compile(r"\b[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b")
POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b", re.I)
# A UK number: +44 / 0044 / 0, then 9-10 more digits with optional spaces, dashes or brackets.
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d[\d\s\-()]{7,13}\d(?!\w)")
NHS_CONTEXT = re.compile(r"\bNHS\s*(?:number|no\.?|num|#)?\s*(?:is|:)?\s*$", re.I)
NHS = re.compile(r"(?<![\w+])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\w)")

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
DATE = (r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
        r"|\d{4}-\d{2}-\d{2}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+\d{{4}}"
        rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
DOB = re.compile(
    rf"(?:\b(?:born(?:\s+on)?|d\.?o\.?b\.?(?:\s+(?:is|was))?|date\s+of\s+birth(?:\s+(?:is|was))?|"
    rf"birthday\s+(?:is|was))\s*[:\-]?\s*"
    rf"(?:the\s+)?(?P<date>{DATE}))"
    rf"|\(\s*(?:d\.?o\.?b\.?\s*:?\s*)?(?P<bracketed>{DATE})\s*\)", re.I)

BRACKETED_DOB = re.compile(rf"\(\s*(?:d\.?o\.?b|born|{DATE})", re.I)
STREET_WORDS = ("Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Way|Crescent|Court|Gardens|Grove|Place|"
                "Terrace|Walk|Row|Hill|Square|Mews|Rise|View|Green|Parade|Boulevard|Yard|Gate|End|Estate")
CAP = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
ADDRESS = re.compile(
    rf"\b(?:(?:Flat|Apartment|Apt|Unit|Room)\s+\d+[A-Za-z]?,?\s+)?"
    rf"(?:{CAP}\s+(?:House|Court|Lodge|Mansions|Tower|Heights),?\s+)?"
    rf"\d{{1,4}}[A-Za-z]?,?\s+(?:{CAP}\s+){{1,3}}(?:{STREET_WORDS})\b\.?"
    rf"|\b(?:Flat|Apartment|Apt)\s+\d+[A-Za-z]?(?:,?\s+{CAP}(?:\s+{CAP})?\s+(?:House|Court|Lodge|Mansions|Tower))?"
    )
STREET = re.compile(
    rf"\b(?:on|in|at|off|along|near|from)\s+(?:the\s+)?(?P<street>(?:{CAP}\s+){{1,3}}"
    rf"(?:Road|Street|Avenue|Lane|Close|Drive|Crescent|Gardens|Grove|Terrace|Mews|Rise|Way|Estate)\b)")

SCHOOL_KIND = (r"(?:Primary|Infant|Infants|Junior|Juniors|Nursery|High|Secondary|Grammar|Middle|First|Community|"
               r"Church|Catholic|Academy|College|School|Pre-?school|Federation)")
SCHOOL = re.compile(
    rf"\b(?:(?:St\.?|Saint)\s+{CAP}(?:\s+(?:and|&)\s+(?:St\.?|Saint)\s+{CAP})?"
    rf"(?:\s+(?:C\s?of\s?E|CE|CofE|RC|Catholic|Church\s+of\s+England|VA|VC))?"
    rf"(?:\s+{SCHOOL_KIND})+"
    rf"|(?:(?!(?:The|A|An|Her|His|Their|My|Our|Your|This|That|Local|Primary|Secondary|High|Junior|Infant)\b)"
    rf"{CAP}\s+){{1,3}}(?:(?:C\s?of\s?E|CE|RC|Church\s+of\s+England)\s+)?(?:{SCHOOL_KIND}\s+)*"
    rf"(?:Academy|School|College|Primary|Infants|Juniors|Nursery|Pre-?school))\b")
SCHOOL_GENERIC = re.compile(rf"^(?:(?:{SCHOOL_KIND}|Special|Free|Independent|Boarding|Sunday|Forest)\s*)+$")

# ---------------------------------------------------------------- names
def _words(text: str) -> FrozenSet[str]:
    return frozenset(text.split())


FIRST_NAMES = _words("""
aaliyah aaron abdul abigail adam adrian ahmed aidan aisha alan albert alex alexander alfie ali alice alicia
alisha amanda amara amelia amir amy andrea andrew angela anna annabelle anthony archie arthur asha ashley
aston ava bailey barry becky bella ben benjamin beth bethany billy blake bobby bradley brandon brooke bryony
callum cameron carl carly caroline casey cerys charlie charlotte chelsea chloe chris christine christopher
ciara claire clara connor courtney craig daisy dale damien daniel danielle danny darren david dean debbie
declan demi denise dennis dexter diane dominic donna dylan ebony eden edward eleanor elijah elizabeth ella
ellie eloise emily emma erin ethan evan evie ewan faye finley finn florence francesca freddie freya gary
gavin gemma george georgia graham grace gracie hannah harley harper harriet harrison harry harvey hayley
heather helen henry hollie holly hugo ibrahim imogen isaac isabel isabella isabelle isla ivy jack jackson
jacob jade jake james jamie jane janet jason jasmine jay jayden jemma jenna jennifer jessica jodie joe joel
john jordan joseph josh joshua julie justin kai kaitlyn karen karl kate katie kayden kayla keith kelly kerry
kevin kieran kim kirsty kyle lacey laura lauren layla leah lee leo leon lewis liam lily lisa logan lola
louis louise lucas lucy luke lydia mackenzie maddison madison maisie maria mariam marie mark martin mason
matthew maya megan melissa mia michael michelle mikey mila millie mohammed molly morgan muhammad nadia
natalie nathan neil nicola nina noah oliver olivia oscar owen paige patrick paul paula peter phoebe poppy
rachel rebecca reece rhys richard riley rob robert robyn rory rosie ruby ryan sadie sam samantha samuel sara
sarah scarlett sean shane shannon sharon sienna simon sophia sophie stacey stephanie stephen steven stuart
summer tanya taylor teagan terry theo thomas tia tilly toby tom tommy tracey tyler tyrone vanessa victoria
wayne william willow yasmin yusuf zac zachary zara zoe zoey kacey kaylee brody tayla jaxon kenzie leighton
maxwell nathaniel reggie rocco ronnie stanley teddy tobias elsie ottilie marcus mohammad fatima zainab
priya ravi sunita arjun kofi ama oluwaseun chidi tomasz agnieszka kasia piotr andrei ionut bogdan darius
""")
# Names that are also ordinary words, months or places: only redacted after a title, "called" or a relation.
AMBIGUOUS = _words("""grace summer holly ivy ruby jade may june april hope faith joy mark will bill jack
rose amber dawn sky river rich guy frank art max pat sue victoria chase king sterling bailey lee dale
""")
# What may come before a capitalised relation that starts a sentence or a quoted text ("Baby Ruby-Mae ...").
SENTENCE_START = frozenset(list(".!?:;\"'“”‘’([{") + ["--", "-"])
# Kinship words used like titles, capitalised mid-sentence ("Auntie Bev", "Nan Joan").
KIN_TITLES = _words("auntie aunty aunt uncle nan nana nanna nanny gran granny grandad grandma grandpa cousin")
TITLES = _words("mr mrs miss ms mx dr master pc dc ds sgt reverend rev revd prof cllr")
CALLED = _words("called named name's nicknamed")
RELATIONS = _words("""mum mummy mam mom mother dad daddy father stepdad stepmum stepfather stepmother brother
sister son daughter boyfriend girlfriend partner husband wife ex uncle auntie aunt aunty nan nana nanna gran
granny grandma grandad grandpa grandmother grandfather cousin nephew niece baby child kid pupil student boy girl
friend neighbour neighbor teacher carer foster lodger toddler infant sibling stepbrother stepsister twin twins
sons daughters brothers sisters kids siblings
""")
POSSESSED = _words("""mum mummy mam mom mother dad daddy father stepdad stepmum brother sister son daughter
boyfriend girlfriend partner husband wife uncle aunt auntie nan gran grandma grandad cousin friend teacher
carer house home flat school baby sibling siblings parents family""")
# Capitalised words that are never names on their own.
NOT_NAMES = _words("""i i'm i've i'd the a an she he her his him they them their we our you your my me it its
this that these those there here who what when where why how which mum dad mummy daddy mother father police
school social services children child council early help level section yes no not and but or so if because
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december today yesterday tomorrow christmas easter mash cads nspcc dsl gp nhs
a&e ae hospital doctor nurse teacher miss sir hi hello hey thanks thank please sorry ok okay well also
just then after before since still baby boy girl brother sister son daughter nan gran grandad aunt uncle
partner boyfriend girlfriend england english uk britain british polish romanian muslim christian islam god
covid snapchat instagram tiktok facebook whatsapp youtube xbox playstation fortnite google iphone
street road lane avenue close drive primary academy high college nursery health visitor midwife health
partnership support front door team safeguarding lead designated officer service services care
consultant worker manager practitioner protection developmental development needs plan parent parents family
families conference review assessment strategy meeting panel board unit order
""")
# Single-letter initials and a few tokens that may sit inside a full name.
PARTICLES = _words("van von de da del di la le o' mc mac")


@lru_cache(maxsize=1)
def protected_words() -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """(place phrases, place tokens) the assistant needs: every place in guidance/ and bot/areas.py."""
    from bot.areas import NOT_COVERED, normalise_place

    phrases = set(NOT_COVERED)
    try:
        from bot.guidance.loader import cached_areas

        for area in cached_areas().values():
            for place in [area.name, area.area.replace("_", " "), *area.places]:
                phrases.add(normalise_place(place))
    except Exception:  # noqa: BLE001 - redaction must work even if guidance cannot load (e.g. in logging)
        pass
    phrases.update({"norfolk", "northamptonshire", "nottingham", "bedford", "kings lynn", "england", "mash",
                    "cads", "nspcc", "ofsted", "barnardos", "childline", "samaritans"})
    tokens = {token for phrase in phrases for token in phrase.split()}
    return frozenset(phrases), frozenset(tokens)


@lru_cache(maxsize=1)
def concept_words() -> FrozenSet[str]:
    """Every word of every concept pattern in guidance/ ("hit", "bruise", "drunk"), minus listed first names.

    Safety first: a capitalised worry word after "mum" or "her dad" ("her dad Hit her") must never become
    [NAME], or the next turn's advice (which reads the stored, redacted answers) would lose the worry.
    """
    words: set = set()
    try:
        from bot.guidance.loader import cached_concepts

        for concept in cached_concepts().concepts:
            for pattern in [*concept.patterns, *getattr(concept, "exclude", [])]:
                words.update(w for slot in pattern.split() for w in slot.split("/") if w.isalpha())
    except Exception:  # noqa: BLE001 - redaction must work even if guidance cannot load (e.g. in logging)
        pass
    return frozenset(words - FIRST_NAMES)


def _is_place(words: Sequence[str]) -> bool:
    from bot.areas import normalise_place

    phrases, tokens = protected_words()
    joined = normalise_place(" ".join(words))
    return joined in phrases or all(w in tokens for w in joined.split())


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """The tokenizer of our one spaCy pipeline (no lemmatizer needed here, which keeps it fast)."""
    from bot.nlp import get_nlp

    return get_nlp().tokenizer


APOSTROPHE_NAME = re.compile(r"^(?:O|D|Mc|Mac)['’][A-Z][a-z]+$")


def _capitalised(token: Any) -> bool:
    text = token.text
    if APOSTROPHE_NAME.match(text):  # O'Connell, D'Souza
        return True
    return (token.is_title or (text[:1].isupper() and text[1:].islower())) and token.is_alpha and len(text) > 1


def _name_candidate(token: Any, surname: bool = False) -> bool:
    """A capitalised word that could be a name (not a service, place word, acronym or stop word).

    A worry word ("Hit", "Burns") is not a name on its own, but is taken as a surname straight after a
    first name ("Jayden Burns"): capitalised there, it is far more likely a surname than a verb.
    """
    low = token.lower_
    if not _capitalised(token) or low in NOT_NAMES or (low in concept_words() and not surname):
        return False
    return not _is_place([token.text]) or low in FIRST_NAMES


def _extend_surname(doc: Any, end: int) -> int:
    """Swallow up to two following capitalised words (a middle name, a surname) that are not places."""
    for _ in range(3):
        if end + 1 < len(doc) and doc[end].text in ("-", "‐") and not doc[end - 1].whitespace_ \
                and _capitalised(doc[end + 1]):
            end += 2  # a double-barrelled name: "Ruby-Mae", "Lily-Rose"
            continue
        if end < len(doc) and doc[end].lower_ in PARTICLES and end + 1 < len(doc) and _capitalised(doc[end + 1]):
            end += 2
            continue
        if end < len(doc) and _name_candidate(doc[end], surname=True) and not _is_place([doc[end].text]) \
                and doc[end].lower_ not in RELATIONS:
            end += 1
            continue
        break
    return end


def _name_spans(text: str) -> List[Span]:
    doc = _tokenizer()(text)
    spans: List[Span] = []
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        low = token.lower_
        start = end = None
        prev = doc[i - 1].lower_ if i > 0 else ""
        prev2 = doc[i - 2].lower_ if i > 1 else ""
        # 1. A title: "Mr Jones", "Mrs. Okafor", "Miss Patel". Any capitalised word counts, even a place word.
        if low.rstrip(".") in TITLES and i + 1 < n:
            j = i + 1 + (1 if doc[i + 1].text == "." else 0)
            if j < n and (_capitalised(doc[j]) or (len(doc[j].text) == 1 and doc[j].text.isupper())):
                start = j
                end = _extend_surname(doc, j + 1)  # "Mr J Smith": an initial, then the surname
                if end == j + 1 and j + 1 < n and _capitalised(doc[j + 1]) and doc[j + 1].lower_ not in NOT_NAMES:
                    end = j + 2
        # 2. After "called", "named", "my name is", "her name's", "known as", "I'm" (a capitalised, non-place word).
        elif _capitalised(token) or low in FIRST_NAMES:
            trigger = (prev in CALLED or (prev in ("is", "was", "'s", "’s") and prev2 == "name")
                       or (prev == "as" and prev2 == "known") or (prev == "by" and prev2 == "goes")
                       or (prev in ("'m", "am") and prev2 == "i" and _capitalised(token))
                       or (prev == "is" and prev2 == "this" and i == 2))
            # "her brother Tyler", "mum, Kelly," - but not title-case phrases such as "Child Protection".
            rel = i - 1 if prev in RELATIONS else i - 2 if prev in (",", "(") and prev2 in RELATIONS else None
            relation = rel is not None and (doc[rel].is_lower or doc[rel].lower_ in KIN_TITLES or rel == 0
                                            or doc[rel - 1].text in SENTENCE_START)
            # "Esme (DOB 04/10/2015)": a capitalised word right before a bracketed date of birth.
            dated = i + 1 < n and doc[i + 1].text == "(" and bool(BRACKETED_DOB.match(text, doc[i + 1].idx))
            owner = (i + 2 < n and doc[i + 1].text in ("'s", "’s") and doc[i + 2].lower_ in POSSESSED)
            listed = low in FIRST_NAMES and _capitalised(token) and low not in AMBIGUOUS
            if listed and i + 1 < n and doc[i + 1].lower_ in ("road", "street", "lane", "avenue", "close", "drive",
                                                               "primary", "academy", "school", "house", "court"):
                listed = False
            if (trigger or relation or owner or dated) and (_name_candidate(token) or low in FIRST_NAMES):
                if not _is_place([token.text]) or low in FIRST_NAMES:
                    start = i
            elif listed and not _is_place([token.text]):
                start = i
            if start is not None:
                end = _extend_surname(doc, i + 1)
        if start is not None and end is not None and end > start:
            first, last = doc[start], doc[end - 1]
            spans.append(Span(first.idx, last.idx + len(last.text), "NAME", text[first.idx:last.idx + len(last.text)]))
            i = end
            continue
        i += 1
    return spans


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@lru_cache(maxsize=1)
def service_numbers() -> FrozenSet[str]:
    """Public service numbers from guidance/ (front doors, helplines): not personal, and useful in a record."""
    from bot.guidance.loader import GUIDANCE_DIR

    numbers = {"999", "111", "08088005000", "116111"}
    try:
        for path in GUIDANCE_DIR.glob("*.yml"):
            numbers.update(_digits(m.group()) for m in PHONE.finditer(path.read_text(encoding="utf-8")))
    except OSError:
        pass
    return frozenset(numbers)


@lru_cache(maxsize=1)
def service_emails() -> FrozenSet[str]:
    """Public service mailboxes from guidance/ (front doors, partnerships): not personal."""
    from bot.guidance.loader import GUIDANCE_DIR

    try:
        return frozenset(m.group().lower() for path in GUIDANCE_DIR.glob("*.yml")
                         for m in EMAIL.finditer(path.read_text(encoding="utf-8")))
    except OSError:
        return frozenset()


def _phone_ok(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("44") and candidate.lstrip().startswith("+"):
        digits = "0" + digits[2:]
    if digits.startswith("00"):
        digits = digits[1:]
    return digits.startswith("0") and len(digits) in (10, 11)


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number's mod-11 check: weights 10..2 over the first nine digits."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def find_pii(text: str) -> List[Span]:
    """Every personal detail found in ``text``, non-overlapping, in order."""
    if not text or not text.strip():
        return []
    found: List[Span] = []
    for m in EMAIL.finditer(text):
        if m.group().lower() in service_emails():
            continue
        found.append(Span(m.start(), m.end(), "EMAIL", m.group()))
    for m in DOB.finditer(text):
        group = "date" if m.group("date") else "bracketed"
        found.append(Span(m.start(group), m.end(group), "DOB", m.group(group)))
    for m in NHS.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if nhs_check_digit_ok(digits) or NHS_CONTEXT.search(text[max(0, m.start() - 30):m.start()]):
            found.append(Span(m.start(), m.end(), "NHS_NUMBER", m.group()))
    for m in PHONE.finditer(text):
        value = m.group().rstrip(" -(")
        if _phone_ok(value) and _digits(value) not in service_numbers():
            found.append(Span(m.start(), m.start() + len(value), "PHONE", value))
    for m in POSTCODE.finditer(text):
        value = m.group()
        # upper case, or lower case only when it is wholly a postcode ("nr30 1ab"), not a mixed-case word.
        if value.isupper() or re.fullmatch(r"[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}", value):
            found.append(Span(m.start(), m.end(), "POSTCODE", value))
    for m in SCHOOL.finditer(text):
        words = m.group().split()
        if SCHOOL_GENERIC.match(m.group()) or (len(words) == 1):
            continue
        found.append(Span(m.start(), m.end(), "SCHOOL", m.group()))
    for m in ADDRESS.finditer(text):
        value = m.group().rstrip(".")
        if _is_place(value.split()):
            continue
        found.append(Span(m.start(), m.start() + len(value), "ADDRESS", value))
    for m in STREET.finditer(text):
        if not _is_place(m.group("street").split()):
            found.append(Span(m.start("street"), m.end("street"), "ADDRESS", m.group("street")))
    found.extend(_name_spans(text))
    return _resolve(found)


PRIORITY = {"EMAIL": 0, "DOB": 1, "NHS_NUMBER": 2, "PHONE": 3, "POSTCODE": 4, "SCHOOL": 5, "ADDRESS": 6, "NAME": 7}


def _resolve(spans: Iterable[Span]) -> List[Span]:
    """Overlaps: the longer span wins, then the more specific type."""
    chosen: List[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), PRIORITY[s.type], s.start)):
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def redact(text: Optional[str]) -> Optional[str]:
    """``text`` with every personal detail replaced by a typed placeholder such as ``[NAME]``."""
    if not text or not isinstance(text, str):
        return text
    spans = find_pii(text)
    if not spans:
        return text
    out = []
    last = 0
    for span in spans:
        out.append(text[last:span.start])
        out.append(f"[{span.type}]")
        last = span.end
    out.append(text[last:])
    return "".join(out)


def redact_known(text: Optional[str], known: Dict[str, str]) -> Optional[str]:
    """Replace values already found in the user's messages (e.g. echoed back by the bot) wherever they occur."""
    if not text or not isinstance(text, str) or not known:
        return text
    for value in sorted(known, key=len, reverse=True):
        if len(value) >= 2:
            text = re.sub(re.escape(value), f"[{known[value]}]", text, flags=re.I)
    return text


QUOTED = re.compile(r"(you said|you told me|you wrote)(\s*[:\"“']\s*)([^\"”]*)", re.I)


def redact_quotes(text: Optional[str]) -> Optional[str]:
    """Redact the user's own words the bot quotes back ('you said "..."'), leaving the bot's own text intact."""
    if not text or not isinstance(text, str):
        return text
    return QUOTED.sub(lambda m: m.group(1) + m.group(2) + (redact(m.group(3)) or ""), text)


def redact_value(value: Any) -> Any:
    """Redact every string inside a JSON-like value (slot values, custom payloads)."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [redact_value(v) for v in value]
    if isinstance(value, dict):
        return {k: redact_value(v) for k, v in value.items()}
    return value


# ---------------------------------------------------------------- logging
class RedactingLogFilter(logging.Filter):
    """Replaces each record's message with its redacted form, so user text never reaches a log handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True


_busy = threading.local()


def redact_record(record: logging.LogRecord) -> None:
    """Redact a record in place. Records logged *while* redacting (spaCy or the guidance loading on first
    use) come from library internals, not users, and pass through untouched instead of recursing."""
    if getattr(record, "_redacted", False) or getattr(_busy, "active", False):
        return
    _busy.active = True
    try:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a badly formatted record is logged as it is
            return
        try:
            record.msg = redact(message) or message
        except Exception:  # noqa: BLE001 - never let unredacted text through
            record.msg = "[log message withheld: redaction failed]"
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record._redacted = True
    finally:
        _busy.active = False


_log_installed = False


def install_log_redaction() -> None:
    """Redact every log record this process creates (Rasa's, Sanic's, the SDK's and ours), once per process.

    A record factory is used rather than a handler filter because Rasa and Sanic add and replace their
    handlers after start-up; the factory sees every record that any enabled logger creates.
    """
    global _log_installed
    if _log_installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        redact_record(record)
        return record

    logging.setLogRecordFactory(factory)
    _log_installed = True


def known_values(texts: Iterable[str]) -> Dict[str, str]:
    """Personal details found in the user's messages, value -> type, for redacting echoes of them."""
    values: Dict[str, str] = {}
    for text in texts:
        for span in find_pii(text):
            values[span.text] = span.type
    return values


def redact_json(text: str) -> str:
    """Redact a JSON document's strings (used by exports of rows written before redaction existed)."""
    try:
        return json.dumps(redact_value(json.loads(text)))
    except (TypeError, ValueError):
        return redact(text) or text
