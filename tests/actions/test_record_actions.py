"""Showing the record: Markdown in chat, a custom payload with a fresh download token."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs, urlsplit

from actions.record import DOWNLOAD_PATH, NO_ASSESSMENT, ActionShowRecord
from bot.engine.assess import assess
from bot.features.conversation import advice_summary, case_from_slots
from tests.engine.test_record import SLOTS


def test_no_assessment_no_record(dispatcher, tracker_factory, domain):
    events = asyncio.run(ActionShowRecord().run(dispatcher, tracker_factory(active_loop=None), domain))
    assert events == [] and dispatcher.messages[0]["text"] == NO_ASSESSMENT


def test_record_in_markdown_with_a_download_token(dispatcher, tracker_factory, domain):
    summary = advice_summary(assess(case_from_slots(SLOTS)))
    tracker = tracker_factory(slots={**SLOTS, "advice_summary": summary,
                                     "record_assessed_at": "2026-11-22T16:25:00+00:00"},
                              active_loop=None, sender="sender with space")
    events = asyncio.run(ActionShowRecord().run(dispatcher, tracker, domain))
    token = events[0]["value"]
    assert events[0]["name"] == "record_token" and len(token) >= 32
    text, custom = dispatcher.messages[0]["text"], dispatcher.messages[1]["custom"]
    assert text.startswith("## Written record") and "22 November 2026, 16:25 UTC" in text
    assert custom["type"] == "record" and custom["markdown"] == text
    url = urlsplit(custom["download_url"])
    assert url.path == DOWNLOAD_PATH
    assert parse_qs(url.query) == {"sender": ["sender with space"], "token": [token]}
    again = asyncio.run(ActionShowRecord().run(dispatcher, tracker, domain))
    assert again[0]["value"] != token  # a new token each time the record is shown


def test_download_route_checks_tokens_strictly_and_reads_every_case_slot():
    from actions.tracker_values import CASE_SLOTS
    from channels.record import RECORD_SLOTS, token_matches

    assert set(CASE_SLOTS) | {"advice_summary"} <= set(RECORD_SLOTS)
    assert token_matches("abc123", "abc123")
    assert not token_matches("abc123", "abc124") and not token_matches(None, "x") and not token_matches("", "")
    assert not token_matches("abc123", None)


def test_download_links_expire():
    from bot.features.record_links import expires_at, mint, token_valid

    token = mint(now=1_000_000, ttl=3600)
    assert expires_at(token) == 1_003_600
    assert token_valid(token, token, now=1_003_599)
    assert not token_valid(token, token, now=1_003_601)
    extended = token.rsplit(".", 1)[0] + f".{2_000_000:x}"
    assert not token_valid(token, extended, now=1_003_601)  # an edited expiry is a different token
    legacy = "abcdefghijklmnopqrstuvwxyz0123456789"  # minted before links expired: refused
    assert not token_valid(legacy, legacy, now=0)


def test_a_token_survives_the_stores_redaction():
    """The token is stored in a slot, and every stored string is redacted: it must come back unchanged."""
    from bot.features.record_links import mint
    from bot.storage.redact_events import redact_event

    known = {"Tom": "NAME", "Amy": "NAME"}  # names the user typed are redacted wherever they are echoed...
    for _ in range(2000):
        token = mint()
        event = {"event": "slot", "name": "record_token", "value": token}
        assert redact_event(event, known)["value"] == token  # ...but never inside the token
    # Other slots are still redacted. ("Tom" is also a word: an echo of it is replaced as written, but not at the
    # start of a sentence, where "Mark on her cheek" must keep its worry word; see test_redaction_echoes.py.)
    assert redact_event({"event": "slot", "name": "sos_worried", "value": "She says Tom hits her"}, known)["value"] \
        == "She says [NAME] hits her"
    assert redact_event({"event": "slot", "name": "sos_worried", "value": "Amy hits her"}, known)["value"] == \
        "[NAME] hits her"
