"""SQL tracker store that fails loudly instead of falling back to memory.

Rasa wraps every tracker store in ``FailSafeTrackerStore``, which silently keeps
conversations in memory when the database fails. For safeguarding conversations
that loses the record without anyone noticing, so this store: checks the
database at start-up and refuses to start if it cannot reach it; pings pooled
connections before use (``pool_pre_ping``); and re-raises save/retrieve errors
so the operator sees them.

It also redacts personal details from every event before it is written (see
``bot/stores/redact_events.py``): the current turn uses the raw text in memory,
but only the redacted form ever reaches the database. Starting it applies the
advice-log migrations, so the audit table exists before the first advice.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any, Optional

import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.exceptions import RasaException
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.redaction import known_values
from bot.stores.redact_events import redact_event

logger = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///build/conversations.db"


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
    return url or os.environ.get("TRACKER_DB_URL") or DEFAULT_URL


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
        install_strict_failsafe()
        from bot.audit.migrate import upgrade
        from bot.redaction import install_log_redaction

        install_log_redaction()
        upgrade(os.environ.get("ADVICE_DB_URL") or url)  # the advice log's schema (default: this database)

    async def save(self, tracker: Any) -> None:
        """Rasa's save, with every event redacted before it is serialised (see redact_events.py)."""
        await self.stream_events(tracker)
        known = known_values(e.text for e in tracker.events if isinstance(e, UserUttered) and e.text)
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = redact_event(event.as_dict(), known)
                intent = ((data.get("parse_data") or {}).get("intent") or {}).get(INTENT_NAME_KEY)
                session.add(self.SQLEvent(sender_id=tracker.sender_id, type_name=event.type_name,
                                          timestamp=data.get("timestamp"), intent_name=intent,
                                          action_name=data.get("name"), data=json.dumps(data)))
            session.commit()
        logger.debug("Tracker with sender_id '%s' stored to database", tracker.sender_id)
