"""Fuzz the parsing helpers with hypothesis: arbitrary text, bytes and JSON never crash them.

Each property says what a helper may return (a value in range, None, or its documented error)
and nothing else. Bounded: a fixed number of examples per property, no deadline (CI machines
are slow and shared), about half a minute in total; the database is off so runs repeat.
"""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.engine.case import Case
from bot.features import conversation
from bot.language import answer_words
from bot.language.parsing import parse_age_years, parse_duration_days, parse_scale
from bot.runtime.cli import InputError, read_case
from channels.limits import LimitSettings, clean_text, is_blank, parse_message_body

FUZZ = settings(max_examples=300, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LIMITS = LimitSettings()

# Text that looks like answers: numbers, unit words, yes/no words, mixed with anything at all.
WORDS = st.sampled_from(["4", "months", "years", "old", "a", "half", "and", "weeks", "nine", "ten", "out of",
                         "/10", "about", "yes", "no", "not", "sure", "teacher", "mum", "crawling", "refused",
                         "agreed", "-", ".", "1e308", "nan", "inf", "\u0660", "½", "newborn", "teen", "0.5"])
ANSWER_TEXT = st.one_of(st.text(), st.lists(WORDS, max_size=8).map(" ".join))
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children,
                                                                                      max_size=4),
                    max_leaves=12)
CASE_KEYS = ["area", "age", "role", "worried", "working_well", "needs", "scale", "danger_now", "consent",
             "consent_risky", "mobile", "corrections", "unknown"]
CASE_LIKE = st.dictionaries(st.sampled_from(CASE_KEYS), JSON | ANSWER_TEXT, max_size=6)


# Found by this test: NaN, infinity, 400 nines (float overflow) and huge integers crashed the parsers.
FOUND = [float("nan"), float("inf"), "9" * 400, 10**400, "for " + "9" * 400 + " days"]


@FUZZ
@given(st.one_of(ANSWER_TEXT, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none()))
@example(FOUND[0])
@example(FOUND[1])
@example(FOUND[2])
@example(FOUND[3])
def test_parse_age_is_none_or_a_child_age(value):
    age = parse_age_years(value)
    assert age is None or 0 <= age <= 18


@FUZZ
@given(st.one_of(ANSWER_TEXT, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none()))
@example(FOUND[0])
@example(FOUND[1])
@example(FOUND[2])
@example(FOUND[3])
def test_parse_scale_is_none_or_0_to_10(value):
    scale = parse_scale(value)
    assert scale is None or (isinstance(scale, int) and 0 <= scale <= 10)


@FUZZ
@given(ANSWER_TEXT)
@example(FOUND[4])
def test_parse_duration_is_none_or_days(text):
    days = parse_duration_days(text)
    assert days is None or (isinstance(days, int) and days >= 0)


@FUZZ
@given(ANSWER_TEXT, st.sampled_from([None, "affirm", "deny", "not_sure", "help_request", "stop_conversation"]))
def test_conversation_parsers_return_their_documented_values(text, intent):
    assert answer_words.parse_yes_no(text, intent) in (True, False, None)
    assert answer_words.parse_mobile(text, intent) in (True, False, None)
    assert conversation.parse_role(text) in ("professional", "public", None)
    assert conversation.parse_consent_status(text, intent) in ("given", "refused", "not_asked", "unsure", None)
    assert isinstance(answer_words.is_unsure(text, intent), bool)
    assert isinstance(answer_words.is_done(text, intent), bool)
    assert isinstance(conversation.is_control_message(text, intent), bool)
    joined = conversation.append_text(text, text)
    assert isinstance(joined, str)


def _read(raw: bytes):
    return read_case(io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))


@FUZZ
@given(st.binary(max_size=2000))
@example(b"[" * 100_000)
@example(b'{"scale": ' + b"9" * 5000 + b"}")
@example(b'{"scale": Infinity}')
def test_read_case_on_any_bytes_gives_a_case_or_a_clear_input_error(raw):
    try:
        assert isinstance(_read(raw), Case)
    except InputError as error:
        assert str(error) and "Traceback" not in str(error)


@FUZZ
@given(st.one_of(CASE_LIKE, JSON))
def test_read_case_on_any_json_gives_a_case_or_a_clear_input_error(data):
    raw = json.dumps(data).encode()
    try:
        case = _read(raw)
    except InputError as error:
        assert str(error)
    else:
        assert isinstance(case, Case)
        assert case.age_years is None or 0 <= case.age_years <= 18
        assert case.scale_value is None or 0 <= case.scale_value <= 10


REST_BODY = st.fixed_dictionaries({}, optional={
    "sender": JSON | st.text(max_size=200), "message": JSON | ANSWER_TEXT, "message_id": JSON,
    "metadata": JSON, "input_channel": JSON})


@FUZZ
@given(st.one_of(st.binary(max_size=3000), REST_BODY.map(lambda d: json.dumps(d).encode()),
                 JSON.map(lambda d: json.dumps(d).encode())))
def test_rest_body_parser_accepts_or_rejects_with_a_4xx(raw):
    parsed, rejected = parse_message_body(raw, LIMITS)
    assert (parsed is None) != (rejected is None)
    if rejected is not None:
        assert rejected.status in (400, 413) and "999" in rejected.message
        json.dumps(rejected.body())
    else:
        assert parsed.sender.strip() and len(parsed.sender) <= 128
        assert isinstance(parsed.text, str) and len(parsed.text) <= LIMITS.max_text_chars
        parsed.text.encode("utf-8")  # storable: no lone surrogates
        assert "\x00" not in parsed.text


@FUZZ
@given(st.text())
def test_text_helpers(text):
    assert isinstance(is_blank(text), bool)
    cleaned = clean_text(text)
    assert len(cleaned) == len(text) and "\x00" not in cleaned
