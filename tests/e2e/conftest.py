"""One real assistant (action server + Rasa server) per test session, on free local ports."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from bot.runtime.servers import ROOT, Assistant, free_port

# ASSISTANT_MODEL lets a branch of work test its own trained model without touching models/.
MODEL = Path(os.environ.get("ASSISTANT_MODEL") or ROOT / "models" / "assistant.tar.gz")


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train` (make e2e does this first)")
    db = Path(tmp_path_factory.mktemp("db")) / "conversations.db"
    running = Assistant(model=MODEL, port=free_port(), action_port=free_port(), db_url=f"sqlite:///{db}",
                        log_dir=Path(tmp_path_factory.mktemp("logs")),
                        # Every e2e conversation comes from 127.0.0.1, hundreds a minute in the dev-set test:
                        # the per-IP limit is off here (it is tested in tests/channels/test_limits.py); the
                        # per-sender limits stay on and the flood test relies on them.
                        extra_env={"RATE_LIMIT_IP_PER_MIN": "0"})
    try:
        running.start()
        yield running
    finally:
        running.stop()
