"""A hung action server: the call gives up after ACTION_TIMEOUT_SECONDS and the person gets the
safety net once per turn, instead of a 5-minute wait that ends in a bare 503 (issue 14)."""

from __future__ import annotations

import asyncio
import time
from typing import Any, List, Tuple

import pytest
from rasa.core.actions import action as rasa_action
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.runtime import rasa_ext


@pytest.mark.parametrize(("raw", "expected"), [(None, 8.0), ("", 8.0), ("3", 3.0), ("2.5", 2.5), ("soon", 8.0),
                                               ("0", 8.0), ("-4", 8.0), ("nan", 8.0)])
def test_action_timeout_from_the_environment(monkeypatch: pytest.MonkeyPatch, raw: Any, expected: float) -> None:
    if raw is None:
        monkeypatch.delenv(rasa_ext.ACTION_TIMEOUT_ENV, raising=False)
    else:
        monkeypatch.setenv(rasa_ext.ACTION_TIMEOUT_ENV, raw)
    assert rasa_ext.action_timeout() == expected


async def _hung_server() -> Tuple[asyncio.AbstractServer, int]:
    """Accepts connections and reads requests but never answers, like a SIGSTOPped action server."""

    async def never_answer(reader: asyncio.StreamReader, _writer: asyncio.StreamWriter) -> None:
        await reader.read(65536)
        await asyncio.sleep(3600)

    server = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


def _run(action: RemoteAction, tracker: DialogueStateTracker, channel: CollectingOutputChannel) -> List[Any]:
    return asyncio.run(action.run(channel, None, tracker, Domain.empty()))


def test_a_hung_action_server_gets_the_safety_net_after_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    rasa_ext.install()
    monkeypatch.setattr(rasa_action, "DEFAULT_REQUEST_TIMEOUT", 0.5)  # what install() set from the environment
    tracker = DialogueStateTracker.from_events("hung", [UserUttered("teacher")])
    channel = CollectingOutputChannel()

    async def call() -> Tuple[List[Any], float]:
        server, port = await _hung_server()
        try:
            action = RemoteAction("validate_assessment_form", EndpointConfig(f"http://127.0.0.1:{port}/webhook"))
            started = time.monotonic()
            events = await action.run(channel, None, tracker, Domain.empty())
            return events, time.monotonic() - started
        finally:
            server.close()

    events, took = asyncio.run(call())
    assert took < 5
    assert len(events) == 1 and isinstance(events[0], BotUttered) and events[0].metadata == {"safety_net": True}
    assert "999" in events[0].text
    assert channel.messages == []  # Rasa's processor sends the returned BotUttered: once, not twice


def test_after_the_safety_net_the_turn_does_not_wait_on_the_server_again() -> None:
    rasa_ext.install()
    net = BotUttered("Sorry ... call 999 ...", metadata={"safety_net": True})
    tracker = DialogueStateTracker.from_events("hung", [UserUttered("teacher"), net])
    action = RemoteAction("action_ask_child_age", EndpointConfig("http://127.0.0.1:9/webhook"))
    assert _run(action, tracker, CollectingOutputChannel()) == []


def test_the_next_turn_tries_the_server_again() -> None:
    rasa_ext.install()
    net = BotUttered("Sorry ... call 999 ...", metadata={"safety_net": True})
    tracker = DialogueStateTracker.from_events("back", [UserUttered("teacher"), net, UserUttered("teacher")])
    action = RemoteAction("action_ask_child_age", EndpointConfig("http://127.0.0.1:9/webhook"))  # refused
    events = _run(action, tracker, CollectingOutputChannel())
    assert len(events) == 1 and events[0].metadata == {"safety_net": True}


def test_a_failed_validation_puts_back_the_slots_filled_from_the_message() -> None:
    rasa_ext.install()
    tracker = DialogueStateTracker.from_events("down", [
        UserUttered("Northampton"), SlotSet("triage_area", "northamptonshire"),
        UserUttered("teacher"), SlotSet("triage_role", "teacher"), SlotSet("requested_slot", "triage_role"),
        SlotSet("triage_area", "teacher")])
    action = RemoteAction("validate_assessment_form", EndpointConfig("http://127.0.0.1:9/webhook"))  # refused
    net, *undo = _run(action, tracker, CollectingOutputChannel())
    assert net.metadata == {"safety_net": True}
    assert undo == [SlotSet("triage_role", None), SlotSet("triage_area", "northamptonshire")]
    other = RemoteAction("action_give_advice", EndpointConfig("http://127.0.0.1:9/webhook"))
    assert len(_run(other, tracker, CollectingOutputChannel())) == 1  # only a form's validation is undone
