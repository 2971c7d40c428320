"""A private Redis per test module (a free port, nothing on disk), so tests can stop it without
touching the machine's own Redis; and the PostgreSQL fixture of the store tests."""

from __future__ import annotations

from typing import Iterator

import pytest

from bot.runtime.cluster import RedisServer
from tests.stores.conftest import postgres_url  # noqa: F401 - re-exported fixture


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(log_dir=tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
