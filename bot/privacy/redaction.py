"""Redact personal details from what users type, before anything is stored or logged.

This is the entry point; the rules live beside it, split by family so each stays readable:

- ``bot/privacy/redaction_patterns.py``: regular expressions for the structured kinds (emails, also spelled out
  with "at" and "dot"; UK phone numbers; postcodes, also an outward code alone; NHS numbers, mod-11
  checked or named; NI numbers; vehicle registrations; social media handles; reference numbers; dates of
  birth; addresses, flats, plots, pitches, house names and named streets; schools; workplaces);
- ``bot/privacy/redaction_names.py``: names from spaCy tokens, a shipped first-name and surname list from many
  backgrounds (``bot/privacy/data/``), titles, cue words and relations;
- ``bot/privacy/redaction_lexicon.py``: the word lists and guards shared by both.

Place names the assistant needs (every place in ``guidance/`` and ``bot/guidance/areas.py``), services ("MASH",
"CADS", "NSPCC") and worry words are never redacted. Each detail becomes a typed placeholder such as
``[NAME]`` or ``[POSTCODE]``. It runs on every stored event, so it uses only the tokenizer and compiled
patterns (about a millisecond per sentence).
"""

from __future__ import annotations

import json
import logging
import re
import threading
from functools import lru_cache
from typing import Any, Dict, Iterable, List, Optional, Tuple

from bot.privacy.redaction_buildings import building_spans
from bot.privacy.redaction_lexicon import (  # noqa: F401 - re-exported: the public names of this module
    AMBIGUOUS,
    FIRST_NAMES,
    KIN_TITLES,
    PARTICLES,
    RELATIONS,
    SURNAMES,
    TITLES,
    Span,
    concept_words,
    is_ordinary_word,
    protected_words,
)
from bot.privacy.redaction_names import name_spans
from bot.privacy.redaction_patterns import (  # noqa: F401 - re-exported
    EMAIL,
    PHONE,
    POSTCODE,
    contact_spans,
    handle_and_reference_spans,
    nhs_check_digit_ok,
    place_spans,
    service_emails,
    service_numbers,
)

TYPES = ("NAME", "ADDRESS", "POSTCODE", "PHONE", "EMAIL", "DOB", "NHS_NUMBER", "SCHOOL", "NI_NUMBER",
         "VEHICLE_REG", "HANDLE", "REFERENCE", "ORG")
PLACEHOLDER = re.compile(r"\[(?:" + "|".join(TYPES) + r")\]")


def find_pii(text: str) -> List[Span]:
    """Every personal detail found in ``text``, non-overlapping, in order."""
    if not text or not text.strip():
        return []
    # A JSON-encoded log record holds line breaks as the two characters "\n", glued to the words beside them
    # ("Okafor.\n\tsos_more"), and "£" as "\u00a3": read escapes as the spaces or quotes they stand for, with
    # every offset kept, so that no span starts or ends inside one (the record must stay valid JSON).
    plain = ESCAPE.sub(_unescaped, text) if "\\" in text else text
    found = contact_spans(plain) + handle_and_reference_spans(plain) + place_spans(plain) + building_spans(plain) \
        + name_spans(plain)
    return [s if plain is text else Span(s.start, s.end, s.type, text[s.start:s.end]) for s in _resolve(found)]


ESCAPE = re.compile(r"\\(?:[nrt\"\\/]|u[0-9a-fA-F]{4})")


def _unescaped(match: re.Match) -> str:
    return '""' if match.group() == '\\"' else " " * len(match.group())


PRIORITY = {"EMAIL": 0, "DOB": 1, "NHS_NUMBER": 2, "NI_NUMBER": 3, "PHONE": 4, "POSTCODE": 5, "VEHICLE_REG": 6,
            "SCHOOL": 7, "ADDRESS": 8, "ORG": 9, "HANDLE": 10, "REFERENCE": 11, "NAME": 12}


def _resolve(spans: Iterable[Span]) -> List[Span]:
    """Overlaps: the longer span wins, then the more specific type. Overlapping addresses are first joined into one
    ("Pitch 22 Elmtree Park" and "Elmtree Park caravan site"), so no part of either is left behind."""
    spans = _join_addresses(list(spans))
    chosen: List[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), PRIORITY[s.type], s.start)):
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def _join_addresses(spans: List[Span]) -> List[Span]:
    addresses = sorted((s for s in spans if s.type == "ADDRESS"), key=lambda s: s.start)
    joined: List[Span] = []
    for span in addresses:
        if joined and span.start < joined[-1].end:
            last = joined[-1]
            end = max(last.end, span.end)
            text = last.text + span.text[last.end - span.start:] if span.end > last.end else last.text
            joined[-1] = Span(last.start, end, "ADDRESS", text)
        else:
            joined.append(span)
    return [s for s in spans if s.type != "ADDRESS"] + joined


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
    """Replace values already found in the user's messages (e.g. echoed back by the bot) wherever they occur,
    as whole words: a name "Lee" must not take the "lee" out of "sleeping", nor "Ash" the "ash" of "DASH"."""
    if not text or not isinstance(text, str) or not known:
        return text
    for value in sorted(known, key=len, reverse=True):
        if len(value) >= 2:
            text = _replace_known(text, value, f"[{known[value]}]")
    return text


def _replace_known(text: str, value: str, placeholder: str) -> str:
    pattern, ordinary = _known_pattern(value)
    parts: List[str] = []
    last = 0
    for match in pattern.finditer(text):
        if ordinary and SENTENCE_END.search(text[:match.start()]):
            continue  # "Mark on the left cheek": a capital at a sentence start says nothing
        parts += [text[last:match.start()], placeholder]
        last = match.end()
    return "".join(parts) + text[last:]


SENTENCE_END = re.compile(r"(?:\A|[.!?])\s*\Z")


@lru_cache(maxsize=4096)
def _known_pattern(value: str) -> Tuple[re.Pattern, bool]:
    """A found value as a whole-word pattern, and whether it is also an ordinary word. Case is ignored
    ("KOWALSKA", "Kowalska") unless every word of the value is also an ordinary word, place or worry word:
    a name "Park" must not take "park" out of "sleeping in the park", nor "Mark" the worry "Mark on her cheek"."""
    before = r"(?<![A-Za-z0-9])" if value[0].isalnum() else ""
    after = r"(?![A-Za-z0-9])" if value[-1].isalnum() else ""
    words = re.findall(r"[a-z]+", value.lower())
    ordinary = bool(words) and all(is_ordinary_word(word) for word in words)
    return re.compile(before + re.escape(value) + after, 0 if ordinary else re.I), ordinary


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
            if span.type == "NAME":  # an echo may hold one part of a name ("Clarke" of "Jayden Clarke")
                for part in re.findall(r"[A-Za-z][A-Za-z'’-]+", span.text):
                    if len(part) > 2 and part.lower() not in NAME_PART_STOP and not is_ordinary_word(part.lower()):
                        values.setdefault(part, "NAME")
    return values


NAME_PART_STOP = TITLES | KIN_TITLES | RELATIONS | PARTICLES


def redact_json(text: str) -> str:
    """Redact a JSON document's strings (used by exports of rows written before redaction existed)."""
    try:
        return json.dumps(redact_value(json.loads(text)))
    except (TypeError, ValueError):
        return redact(text) or text
