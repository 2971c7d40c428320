"""Nothing the user typed reaches the conversation database unredacted: read the rows back and look."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import List

import sqlalchemy as sa
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.redaction import redact
from bot.storage.tracker_store import StrictSQLTrackerStore

ROOT = Path(__file__).resolve().parents[2]
CORPUS = yaml.safe_load((ROOT / "tests" / "data" / "pii_corpus.yml").read_text())["sentences"]
PII = [span["value"] for item in CORPUS for span in item["pii"]]


def stored_rows(url: str) -> List[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return [r[0] for r in connection.execute(sa.text("SELECT data FROM events ORDER BY id"))]
    finally:
        engine.dispose()


def conversation(sender: str) -> DialogueStateTracker:
    events = []
    for item in CORPUS:
        text = item["text"]
        events.append(UserUttered(text, parse_data={"text": text, "intent": {"name": "inform", "confidence": 1.0},
                                                    "entities": [{"entity": "name", "value": text[:20]}]}))
        events.append(SlotSet("sos_worried", text))
        if item["pii"]:
            value = item["pii"][0]["value"]
            # the reflect-back quote and the advice card's matched words echo the user
            events.append(BotUttered(f'It sounds like: a worry (you said "{text}"). Is that right?',
                                     data={"custom": {"type": "advice", "indicators": [{"matched": text}]}}))
            events.append(BotUttered(f"Thank you. I've noted {value}."))
    events.append(SlotSet("triage_area", "King's Lynn"))
    return DialogueStateTracker.from_events(sender, events)


def test_no_corpus_detail_reaches_the_database_and_places_survive(db_url):
    store = StrictSQLTrackerStore(domain=Domain.load(ROOT / "domain.yml"), host=db_url)
    asyncio.run(store.save(conversation("privacy-test")))
    rows = stored_rows(db_url)
    dump = "\n".join(rows)
    assert len(rows) > len(CORPUS)
    leaks = [value for value in PII if value in dump or json.dumps(value)[1:-1] in dump]
    assert not leaks, leaks[:10]
    assert "King's Lynn" in dump and "bruise" in dump and "[NAME]" in dump and "[PHONE]" in dump
    # The conversation still reads back (Rasa rebuilds the tracker from the redacted events).
    back = asyncio.run(store.retrieve("privacy-test"))
    assert back.get_slot("triage_area") == "King's Lynn"
    assert back.get_slot("sos_worried") == redact(CORPUS[-1]["text"])


def test_only_new_events_are_added_on_the_next_turn(tmp_path):
    url = f"sqlite:///{tmp_path}/c.db"
    store = StrictSQLTrackerStore(domain=Domain.empty(), host=url)
    tracker = DialogueStateTracker.from_events("s", [UserUttered("Her brother Tyler hit her")])
    asyncio.run(store.save(tracker))
    tracker.update(UserUttered("Call me on 07700 900123"))
    asyncio.run(store.save(tracker))
    rows = [json.loads(r) for r in stored_rows(url)]
    assert [r["text"] for r in rows if r["event"] == "user"] == ["Her brother [NAME] hit her", "Call me on [PHONE]"]


def test_advice_log_migrations_run_when_the_store_starts(tmp_path):
    url = f"sqlite:///{tmp_path}/c.db"
    StrictSQLTrackerStore(domain=Domain.empty(), host=url)
    engine = sa.create_engine(url)
    try:
        tables = set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"events", "advice_log", "advice_log_alembic_version"} <= tables
