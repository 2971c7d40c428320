"""socketio gets the REST channel's abuse limits: refused messages never reach Rasa and are answered."""

from __future__ import annotations

import asyncio
from typing import Any, List

import pytest

from channels.socketio import FixedSocketIOInput


def _channel_and_handler(monkeypatch: pytest.MonkeyPatch, received: List[Any], emitted: List[Any]):
    monkeypatch.setenv("RATE_LIMIT_SENDER_BURST", "3")
    monkeypatch.setenv("RATE_LIMIT_SENDER_PER_MIN", "1")
    monkeypatch.setenv("MESSAGE_MAX_CHARS", "100")
    channel = FixedSocketIOInput(user_message_evt="user_uttered", bot_message_evt="bot_uttered",
                                 session_persistence=True)

    async def on_new_message(message: Any) -> None:
        received.append(message)

    channel.blueprint(on_new_message)

    async def emit(event: str, data: Any, room: Any = None, namespace: Any = None) -> None:
        emitted.append((event, data, room))

    monkeypatch.setattr(channel.sio, "emit", emit)
    return channel.sio.handlers["/"]["user_uttered"]


def test_a_flood_from_one_session_is_refused_with_a_reason_and_others_still_get_through(monkeypatch):
    received: List[Any] = []
    emitted: List[Any] = []
    handler = _channel_and_handler(monkeypatch, received, emitted)

    async def flood() -> None:
        for _ in range(10):
            await handler("sid-a", {"message": "hello", "session_id": "session-a"})
        await handler("sid-b", {"message": "hello", "session_id": "session-b"})

    asyncio.run(flood())
    assert [m.sender_id for m in received] == ["session-a"] * 3 + ["session-b"]
    refusals = [data for event, data, room in emitted if event == "bot_uttered" and room == "sid-a"]
    assert len(refusals) == 7 and all("999" in r["text"] for r in refusals)


@pytest.mark.parametrize("data", [["not", "an", "object"], {"message": 42, "session_id": "s"},
                                  {"message": "x" * 101, "session_id": "s"}])
def test_bad_bodies_are_refused_not_crashed_on(monkeypatch, data):
    received: List[Any] = []
    emitted: List[Any] = []
    handler = _channel_and_handler(monkeypatch, received, emitted)
    asyncio.run(handler("sid-c", data))
    assert received == []
    assert emitted and emitted[0][1]["custom"]["type"] == "error" and "999" in emitted[0][1]["text"]
