"""Databases for the store and CLI tests: a fresh SQLite file, and a throwaway PostgreSQL database."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa

from bot.runtime.cluster import ensure_postgres as start_postgres

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def ensure_postgres() -> None:
    """Start the local cluster if it is down (bot/runtime/cluster.py, shared with `make cluster`); fail, never skip."""
    try:
        start_postgres(PG_ADMIN)
    except RuntimeError as exc:
        pytest.fail(str(exc))


@pytest.fixture()
def postgres_url() -> Iterator[str]:
    ensure_postgres()
    name = f"safeguarding_test_{secrets.token_hex(4)}"
    admin = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/conversations.db"
    return request.getfixturevalue("postgres_url")


@pytest.fixture(autouse=True)
def _advice_log_beside_the_tracker(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests check the default: the advice log lives in the tracker's database (no ADVICE_DB_URL)."""
    monkeypatch.delenv("ADVICE_DB_URL", raising=False)
