"""SQL tracker store that fails loudly instead of falling back to memory.

Rasa wraps every tracker store in ``FailSafeTrackerStore``, which silently keeps
conversations in memory when the database fails. For safeguarding conversations
that loses the record without anyone noticing, so this store: checks the
database at start-up and refuses to start if it cannot reach it; pings pooled
connections before use (``pool_pre_ping``); and re-raises save/retrieve errors
so the operator sees them.

It also redacts personal details from every event before it is written (see
``bot/storage/redact_events.py``): the current turn uses the raw text in memory,
but only the redacted form ever reaches the database. Starting it applies the
advice-log migrations, so the audit table exists before the first advice.

Two things keep a turn cheap (each turn reads the conversation and writes its new events):

- ``EventCache``: the latest session's events as stored (redacted), already deserialised, per
  conversation. A read checks the database's row count and highest id for the conversation (one
  indexed query) and uses the cache only if they are unchanged, so another instance's write, a
  ``forget`` or a ``purge`` is always seen. The database stays the one source of truth.
- SQLite runs in WAL mode with ``synchronous=NORMAL`` (see ``bot/storage/sqlite_tuning.py``).
"""

from __future__ import annotations

import json
import logging
import os
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot import settings
from bot.privacy.redaction import known_values
from bot.storage.redact_events import redact_event
from bot.storage.sqlite_tuning import tune_sqlite

logger = logging.getLogger(__name__)



class TrackerStoreUnavailable(RasaException):
    """The conversation database cannot be reached: an operator must act."""


class StrictFailSafeTrackerStore(FailSafeTrackerStore):
    """Logs and re-raises instead of switching to an in-memory store."""

    def on_tracker_store_error(self, error: Exception) -> None:
        logger.error("Conversation database error (not falling back to memory): %s", error)
        raise TrackerStoreUnavailable(f"conversation database unavailable: {error}") from error

    async def save(self, tracker: Any) -> None:
        try:
            await self._tracker_store.save(tracker)
        except Exception as error:  # noqa: BLE001 - every storage error must surface
            self.on_tracker_store_error(error)

    async def retrieve(self, sender_id: str) -> Any:
        try:
            return await self._tracker_store.retrieve(sender_id)
        except Exception as error:  # noqa: BLE001
            self.on_tracker_store_error(error)
            return None


def install_strict_failsafe() -> None:
    """Make Rasa's agent wrap stores in the strict wrapper (called when this store is built)."""
    import rasa.core.agent

    rasa.core.agent.FailSafeTrackerStore = StrictFailSafeTrackerStore


def database_url(url: Optional[str] = None) -> str:
    return settings.tracker_db_url(url)


def check_database(url: str) -> None:
    """Connect once, with a short timeout, so a wrong URL fails at start-up with a clear message."""
    engine = sa.create_engine(url, pool_pre_ping=True)
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as error:  # noqa: BLE001
        raise TrackerStoreUnavailable(f"cannot reach the conversation database at {engine.url!r}: {error}") from error
    finally:
        engine.dispose()


@dataclass
class CachedSession:
    """A conversation's latest session as stored, and the database state it was read at."""

    rows: int  # all rows stored for the conversation
    last_id: int  # the highest row id stored for the conversation
    events: List[Event]  # the latest session's events, deserialised from the redacted rows


class EventCache:
    """A bounded LRU of ``CachedSession`` by conversation id (``size`` 0 turns it off)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._sessions: OrderedDict[str, CachedSession] = OrderedDict()

    def get(self, sender_id: str) -> Optional[CachedSession]:
        cached = self._sessions.get(sender_id)
        if cached is not None:
            self._sessions.move_to_end(sender_id)
        return cached

    def put(self, sender_id: str, cached: CachedSession) -> None:
        if self.size <= 0:
            return
        self._sessions[sender_id] = cached
        self._sessions.move_to_end(sender_id)
        while len(self._sessions) > self.size:
            self._sessions.popitem(last=False)

    def drop(self, sender_id: str) -> None:
        self._sessions.pop(sender_id, None)

    def __len__(self) -> int:
        return len(self._sessions)


class StrictSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL store, configured by one URL (TRACKER_DB_URL), with pre-ping and no silent fallback."""

    def __init__(self, domain: Optional[Domain] = None, host: Optional[str] = None, url: Optional[str] = None,
                 **kwargs: Any) -> None:
        # Rasa hands the endpoint's `url` to custom stores as `host`.
        url = database_url(url or host)
        check_database(url)
        parsed = sa.engine.make_url(url)
        if parsed.drivername.startswith("sqlite") and parsed.database:
            os.makedirs(os.path.dirname(os.path.abspath(parsed.database)), exist_ok=True)
        super().__init__(domain=domain, dialect=parsed.drivername, host=parsed.host, port=parsed.port,
                         db=parsed.database or "rasa.db", username=parsed.username, password=parsed.password,
                         **kwargs)
        self.engine.pool._pre_ping = True
        self.engine = tune_sqlite(self.engine)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self.cache = EventCache(int(settings.env("TRACKER_CACHE_SIZE", "1000")))
        install_strict_failsafe()
        from bot.privacy.redaction import install_log_redaction
        from bot.storage.audit.migrate import upgrade

        install_log_redaction()
        upgrade(settings.env("ADVICE_DB_URL") or url)  # the advice log's schema (default: this database)

    def _stored_state(self, session: Any, sender_id: str) -> Tuple[int, int]:
        """(row count, highest id) of a conversation's rows: one indexed query."""
        count, last_id = session.query(sa.func.count(self.SQLEvent.id), sa.func.max(self.SQLEvent.id)).filter(
            self.SQLEvent.sender_id == sender_id).one()
        return int(count or 0), int(last_id or 0)

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        """The latest session, from the cache when the database has not changed since it was cached."""
        if self.domain is None:
            return await super().retrieve(sender_id)
        with self.session_scope() as session:
            rows, last_id = self._stored_state(session, sender_id)
            cached = self.cache.get(sender_id)
            if cached is not None and (cached.rows, cached.last_id) == (rows, last_id):
                return DialogueStateTracker.from_events(sender_id, list(cached.events), self.domain.slots)
            self.cache.drop(sender_id)
            if rows == 0:
                return None
            stored = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
            events = [e for e in (Event.from_parameters(json.loads(row.data)) for row in stored) if e is not None]
        if stored and stored[-1].id == last_id:
            self.cache.put(sender_id, CachedSession(rows=rows, last_id=last_id, events=events))
        if not events:
            return None
        return DialogueStateTracker.from_events(sender_id, list(events), self.domain.slots)

    async def save(self, tracker: Any) -> None:
        """Rasa's save, with every event redacted before it is serialised (see redact_events.py)."""
        await self.stream_events(tracker)
        known = known_values(e.text for e in tracker.events if isinstance(e, UserUttered) and e.text)
        sender_id = tracker.sender_id
        with self.session_scope() as session:
            stored_in_session, cache_current = self._stored_in_session(session, sender_id)
            written = []
            for event in list(tracker.events)[stored_in_session:]:
                data = redact_event(event.as_dict(), known)
                intent = ((data.get("parse_data") or {}).get("intent") or {}).get(INTENT_NAME_KEY)
                row = self.SQLEvent(sender_id=sender_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                                    intent_name=intent, action_name=data.get("name"), data=json.dumps(data))
                session.add(row)
                written.append((event, data, row))
            session.flush()  # assigns the new rows' ids
            new_ids = [row.id for _, _, row in written]
            session.commit()
        self._remember(sender_id, cache_current, written, new_ids)
        logger.debug("Tracker with sender_id '%s' stored to database", sender_id)

    def _stored_in_session(self, session: Any, sender_id: str) -> Tuple[int, bool]:
        """How many of the latest session's events are stored, and whether the cache is still current."""
        cached = self.cache.get(sender_id)
        if cached is not None and (cached.rows, cached.last_id) == self._stored_state(session, sender_id):
            return len(cached.events), True
        return self._event_query(session, sender_id, fetch_events_from_all_sessions=False).count(), False

    def _remember(self, sender_id: str, cache_current: bool, written: List[Tuple[Event, dict, Any]],
                  new_ids: List[int]) -> None:
        """Extend the cached session with what was just written, exactly as stored (redacted).

        A new session, or a cache that no longer lines up with the database, is dropped: the next
        read loads the session from the database.
        """
        cached = self.cache.get(sender_id)
        if cached is None or not written:
            return
        if not cache_current or any(isinstance(event, SessionStarted) for event, _, _ in written) \
                or min(new_ids) <= cached.last_id:
            self.cache.drop(sender_id)
            return
        added = [e for e in (Event.from_parameters(data) for _, data, _ in written) if e is not None]
        self.cache.put(sender_id, CachedSession(rows=cached.rows + len(written), last_id=max(new_ids),
                                                events=cached.events + added))
