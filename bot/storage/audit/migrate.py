"""Apply the advice-log migrations (alembic, bot/storage/migrations/) programmatically.

Called at start-up by the tracker store and by the advice writer, and by
`python -m bot migrate`. Alembic keeps its own version table
(``advice_log_alembic_version``) so it never touches Rasa's ``events`` table.
"""

from __future__ import annotations

import os
from typing import Optional

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from bot import settings
from bot.settings import MIGRATIONS_DIR

MIGRATIONS = MIGRATIONS_DIR
VERSION_TABLE = "advice_log_alembic_version"


def advice_db_url(url: Optional[str] = None) -> str:
    """ADVICE_DB_URL, else the conversation database (TRACKER_DB_URL), else the default SQLite file."""
    return settings.advice_db_url(url)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: Optional[str] = None, revision: str = "head") -> str:
    """Bring the advice-log schema up to ``revision``; returns the URL used (password hidden)."""
    url = advice_db_url(url)
    parsed = sa.engine.make_url(url)
    if parsed.drivername.startswith("sqlite") and parsed.database:
        os.makedirs(os.path.dirname(os.path.abspath(parsed.database)), exist_ok=True)
    command.upgrade(alembic_config(url), revision)
    return repr(parsed)


def current(url: Optional[str] = None) -> Optional[str]:
    """The applied revision, or None if the advice log has never been migrated."""
    engine = sa.create_engine(advice_db_url(url))
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table(VERSION_TABLE):
                return None
            return connection.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    finally:
        engine.dispose()
