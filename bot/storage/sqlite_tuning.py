"""SQLite settings for a conversation store that is written on every turn.

SQLAlchemy 1.4 opens a new SQLite connection for every session (NullPool), and SQLite's default (a
rollback journal, ``synchronous=FULL``) syncs the disk several times per commit: together a few
milliseconds of every turn. Here the file is used through a small connection pool, in WAL mode, which
syncs once per checkpoint and lets readers (the action server's advice log, ``python -m bot export``)
work while a turn is written. With WAL, ``synchronous=NORMAL`` is still safe against a crash of the
assistant: a committed turn can only be lost if the machine itself loses power before the next
checkpoint. Deployments that need more use PostgreSQL (TRACKER_DB_URL), which this leaves alone.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

BUSY_TIMEOUT_MS = 5000  # the Rasa server and the action server may write the same file
POOL_SIZE = 5


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def tune_sqlite(engine: sa.engine.Engine) -> sa.engine.Engine:
    """For an SQLite file: a pooled engine in WAL mode with synchronous=NORMAL. Other engines unchanged."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return engine
    tuned = sa.create_engine(engine.url, poolclass=sa.pool.QueuePool, pool_size=POOL_SIZE, pool_pre_ping=True,
                             connect_args={"check_same_thread": False})
    sa.event.listen(tuned, "connect", _on_connect)
    engine.dispose()
    return tuned
