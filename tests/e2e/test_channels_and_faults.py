"""socketio with session persistence replies; a dead action server gives the safety net, never silence."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest
import socketio

from bot.runtime.servers import Assistant, free_port
from tests.e2e.conftest import MODEL
from tests.e2e.driver import post

pytestmark = pytest.mark.e2e


def test_socketio_with_session_persistence_replies(assistant):
    """Rasa 3.6.21 never answers here without our fix (enter_room was not awaited)."""
    client = socketio.Client()
    replies: list = []
    confirmed = threading.Event()
    got_reply = threading.Event()

    @client.on("session_confirm")
    def on_confirm(session_id):  # noqa: ANN001 - socketio callback
        confirmed.set()

    @client.on("bot_uttered")
    def on_reply(data):  # noqa: ANN001
        replies.append(data)
        got_reply.set()

    client.connect(assistant.url, socketio_path="/socket.io", transports=["polling"])
    try:
        session = uuid.uuid4().hex
        client.emit("session_request", {"session_id": session})
        assert confirmed.wait(30), "no session_confirm"
        client.emit("user_uttered", {"message": "hello", "session_id": session})
        assert got_reply.wait(60), "no reply over socketio"
    finally:
        client.disconnect()
    assert any("999" in (r.get("text") or "") for r in replies)


def test_action_server_down_gives_the_safety_net_not_silence(tmp_path: Path):
    dead = Assistant(model=MODEL, port=free_port(), action_port=free_port(), db_url=f"sqlite:///{tmp_path}/c.db",
                     log_dir=tmp_path)
    try:
        dead.start_rasa()  # no action server on purpose
        sender = f"fault-{uuid.uuid4().hex}"
        messages = post(dead.webhook, sender, "I'm worried about a child in my class")
        text = " ".join(m.get("text") or "" for m in messages)
        assert "999" in text and "0300 126 7000" in text and "0115 876 4800" in text
    finally:
        dead.stop()
