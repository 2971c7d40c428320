"""Issue 13.7 over the REST channel: the advice once per channel.

A REST client gets the reply's text (one message, no blank-line split) with the custom payload exactly the
engine's advice object. The web widget (``input_channel: "web"``) gets one card, drawn by
``bot.render.cards.web_card``, and no text copy of the advice.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from bot.render.cards import web_card
from bot.render.reply import build_reply, reply_text
from channels.rest import SafeRestInput
from channels.web import WEB_CHANNEL
from tests.fakes.agent import StubAgent, mount
from tests.fakes.loop import BackgroundLoop


@pytest.fixture()
def rest() -> Iterator[Tuple[str, StubAgent]]:
    loop = BackgroundLoop().start()
    try:
        agent = StubAgent()
        yield loop.serve_sanic(mount(SafeRestInput(), agent)) + "/webhooks/rest/webhook", agent
    finally:
        loop.stop()


def post(url: str, message: str, channel: Optional[str] = None) -> List[Dict[str, Any]]:
    body: Dict[str, Any] = {"sender": "fictional-sender", "message": message}
    if channel:
        body["input_channel"] = channel
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read().decode())


def test_rest_gets_the_text_once_and_the_payload_is_exactly_the_advice(rest):
    url, agent = rest
    messages = post(url, "the advice please")
    texts = [m["text"] for m in messages if "text" in m]
    assert texts == [reply_text(build_reply(agent.advice))], "one text message, not one per paragraph"
    customs = [m["custom"] for m in messages if "custom" in m]
    assert customs == [agent.advice.to_payload()]


def test_the_widget_gets_one_card_and_no_text_copy(rest):
    url, agent = rest
    messages = post(url, "the advice please", channel=WEB_CHANNEL)
    assert messages == [{"recipient_id": "fictional-sender", "custom": web_card(agent.advice)}]
    card = messages[0]["custom"]
    assert card["type"] == "card" and len(card["heading"]) <= 3
    assert {"text": "01632 960 001", "href": "tel:01632960001"} in card["heading"][2]
    assert agent.messages[0].input_channel == WEB_CHANNEL


def test_the_widget_still_gets_ordinary_text_and_buttons(rest):
    url, _ = rest
    assert post(url, "hello", channel=WEB_CHANNEL) == [{"recipient_id": "fictional-sender", "text": "You said: hello"}]
    asked = post(url, "show buttons", channel=WEB_CHANNEL)
    assert asked[0]["text"] == "Is the child in immediate danger?" and asked[0]["buttons"]
