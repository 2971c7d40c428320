"""The store's event cache: a read from the cache is exactly a read from the database, and any change to
the database (another instance's turn, a forget, a new session) is seen on the next read."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import List

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.storage import retention
from bot.storage.tracker_store import CachedSession, EventCache, StrictSQLTrackerStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def store_for(url: str, domain: Domain, size: int = 1000, monkeypatch: pytest.MonkeyPatch | None = None
              ) -> StrictSQLTrackerStore:
    store = StrictSQLTrackerStore(domain=domain, host=url)
    store.cache = EventCache(size)
    return store


def turn(tracker: DialogueStateTracker, text: str, slot_value: str) -> None:
    tracker.update_with_events([UserUttered(text, parse_data={"text": text, "intent": {"name": "inform",
                                                                                          "confidence": 1.0}}),
                                SlotSet("sos_needs", slot_value), BotUttered("Thank you."),
                                ActionExecuted("action_listen")], None)


def started(sender: str) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender, [ActionExecuted("action_session_start"), SessionStarted(),
                                                     ActionExecuted("action_listen")])


def as_dicts(events: List[Event]) -> List[dict]:
    return [e.as_dict() for e in events]


def count_loads(store: StrictSQLTrackerStore, monkeypatch: pytest.MonkeyPatch) -> List[int]:
    """Counts full session loads (the events query run by a read)."""
    loads: List[int] = []
    original = store._event_query

    def spy(session, sender_id, fetch_events_from_all_sessions):  # noqa: ANN001, ANN202
        loads.append(1)
        return original(session, sender_id, fetch_events_from_all_sessions)

    monkeypatch.setattr(store, "_event_query", spy)
    return loads


def test_a_cached_read_equals_a_database_read(db_url: str, domain: Domain, monkeypatch: pytest.MonkeyPatch) -> None:
    store = store_for(db_url, domain)
    tracker = started("c1")
    turn(tracker, "He comes in hungry", "breakfast club")
    asyncio.run(store.save(tracker))
    first = asyncio.run(store.retrieve("c1"))  # a full load, which fills the cache
    turn(first, "My number is 07700 900123", "call Sam on 07700 900123")  # a detail the store must redact
    asyncio.run(store.save(first))
    loads = count_loads(store, monkeypatch)
    cached = asyncio.run(store.retrieve("c1"))
    save_count_queries = len(loads)
    fresh = asyncio.run(store_for(db_url, domain, size=0).retrieve("c1"))
    assert save_count_queries == 0, "the read should have come from the cache"
    assert as_dicts(cached.events) == as_dicts(fresh.events)
    assert "07700 900123" not in str(as_dicts(cached.events)), "the cache must hold the redacted events"
    assert cached.get_slot("sos_needs") == fresh.get_slot("sos_needs")


def test_another_instances_turn_is_seen(db_url: str, domain: Domain) -> None:
    ours, theirs = store_for(db_url, domain), store_for(db_url, domain)
    tracker = started("c2")
    turn(tracker, "first", "one")
    asyncio.run(ours.save(tracker))
    asyncio.run(ours.retrieve("c2"))
    elsewhere = asyncio.run(theirs.retrieve("c2"))
    turn(elsewhere, "second", "two")
    asyncio.run(theirs.save(elsewhere))
    back = asyncio.run(ours.retrieve("c2"))
    assert back.get_slot("sos_needs") == "two"
    assert [e.text for e in back.events if isinstance(e, UserUttered)] == ["first", "second"]


def test_forget_is_seen_at_once(db_url: str, domain: Domain) -> None:
    store = store_for(db_url, domain)
    tracker = started("c3")
    turn(tracker, "hello", "x")
    asyncio.run(store.save(tracker))
    assert asyncio.run(store.retrieve("c3")) is not None
    assert retention.forget_events(db_url, "c3") > 0
    assert asyncio.run(store.retrieve("c3")) is None


def test_a_new_session_reads_only_that_session(db_url: str, domain: Domain) -> None:
    store = store_for(db_url, domain)
    tracker = started("c4")
    turn(tracker, "old session", "old")
    asyncio.run(store.save(tracker))
    back = asyncio.run(store.retrieve("c4"))
    back.update_with_events([ActionExecuted("action_session_start"), SessionStarted(),
                             ActionExecuted("action_listen")], None)
    turn(back, "new session", "new")
    asyncio.run(store.save(back))
    assert store.cache.get("c4") is None  # a new session is never stitched onto the cached one
    again = asyncio.run(store.retrieve("c4"))
    assert [e.text for e in again.events if isinstance(e, UserUttered)] == ["new session"]


def test_the_cache_is_bounded_and_can_be_turned_off() -> None:
    cache = EventCache(2)
    for name in ("a", "b", "c"):
        cache.put(name, CachedSession(rows=1, last_id=1, events=[]))
    assert len(cache) == 2 and cache.get("a") is None and cache.get("c") is not None
    off = EventCache(0)
    off.put("a", CachedSession(rows=1, last_id=1, events=[]))
    assert off.get("a") is None


def test_sqlite_file_runs_in_wal_mode(tmp_path: Path, domain: Domain) -> None:
    url = f"sqlite:///{tmp_path}/wal.db"
    store = store_for(url, domain)
    with store.engine.connect() as connection:
        assert connection.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(sa.text("PRAGMA synchronous")).scalar() == 1  # NORMAL
    assert isinstance(store.engine.pool, sa.pool.QueuePool)  # one connection per turn is not reopened
