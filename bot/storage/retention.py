"""Retention, export and erasure for the conversation store (Rasa's ``events`` table).

Works on the table directly with SQLAlchemy (SQLite or PostgreSQL), without importing
Rasa, so the CLI is quick and can run beside a live assistant.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import sqlalchemy as sa

from bot.privacy.redaction import redact_json

metadata = sa.MetaData()
# The columns of rasa.core.tracker_store.SQLTrackerStore.SQLEvent (Rasa 3.6).
EVENTS = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)
SESSION_STARTED = "session_started"


def engine_for(url: str) -> sa.engine.Engine:
    return sa.create_engine(url, pool_pre_ping=True)


def _has_events(connection: sa.engine.Connection) -> bool:
    return sa.inspect(connection).has_table("events")


def purge_events(url: str, cutoff_ts: float) -> int:
    """Delete stored events older than the cutoff (a Unix time); returns how many rows went.

    A conversation whose last event is older than the cutoff goes entirely. For one still
    active, only events older than both the cutoff and its current session's start go, so a
    live session is never cut in half (Rasa reads the current session from its first event).
    """
    engine = engine_for(url)
    deleted = 0
    try:
        with engine.begin() as connection:
            if not _has_events(connection):
                return 0
            old_senders = [r[0] for r in connection.execute(
                sa.select(EVENTS.c.sender_id).where(EVENTS.c.timestamp < cutoff_ts).distinct())]
            for sender in old_senders:
                last = connection.execute(sa.select(sa.func.max(EVENTS.c.timestamp))
                                          .where(EVENTS.c.sender_id == sender)).scalar()
                session_start = connection.execute(
                    sa.select(sa.func.max(EVENTS.c.timestamp)).where(EVENTS.c.sender_id == sender,
                                                                      EVENTS.c.type_name == SESSION_STARTED)).scalar()
                condition = EVENTS.c.sender_id == sender
                if last is not None and last >= cutoff_ts:
                    if session_start is None:
                        continue  # one long, still-active session: kept whole until it goes quiet
                    condition = sa.and_(condition, EVENTS.c.timestamp < min(cutoff_ts, session_start))
                deleted += connection.execute(EVENTS.delete().where(condition)).rowcount or 0
    finally:
        engine.dispose()
    return deleted


def export_events(url: str, sender_id: str) -> List[Dict[str, Any]]:
    """One conversation's stored events, redacted again on the way out (for rows written before redaction)."""
    engine = engine_for(url)
    try:
        with engine.connect() as connection:
            if not _has_events(connection):
                return []
            rows = connection.execute(sa.select(EVENTS.c.data).where(EVENTS.c.sender_id == sender_id)
                                      .order_by(EVENTS.c.id)).fetchall()
    finally:
        engine.dispose()
    return [json.loads(redact_json(row[0])) for row in rows if row[0]]


def forget_events(url: str, sender_id: str) -> int:
    engine = engine_for(url)
    try:
        with engine.begin() as connection:
            if not _has_events(connection):
                return 0
            return connection.execute(EVENTS.delete().where(EVENTS.c.sender_id == sender_id)).rowcount or 0
    finally:
        engine.dispose()


def summarise(event: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The readable part of an event for an export: who said what, which slot was set, which action ran."""
    kind = event.get("event")
    base = {"event": kind, "timestamp": event.get("timestamp")}
    if kind in ("user", "bot"):
        base["text"] = event.get("text")
        if kind == "bot" and (event.get("data") or {}).get("custom"):
            base["custom"] = event["data"]["custom"]
    elif kind == "slot":
        base.update(name=event.get("name"), value=event.get("value"))
    elif kind == "action":
        base["name"] = event.get("name")
    return base
