"""REST channel on /webhooks/rest/webhook (stock path) with abuse limits and the safety net installed.

On top of Rasa's RestInput: the body is parsed by ``channels.limits`` (clear 400/413 JSON, never a
500, never a default sender that would mix conversations), each sender and IP is rate limited
(429 with Retry-After), a retry carrying the same ``message_id`` gets the first answer replayed,
blank text gets a plain answer, and a failure while handling the message (the database down,
say) is a visible 503 with 999 and the front doors, never an empty 200.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.utils.endpoints import bool_arg
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.features.safety_net import door_line
from bot.guidance.loader import cached_areas
from bot.runtime.rasa_ext import install
from channels.limits import (
    BLANK_REPLY,
    DANGER,
    LimitSettings,
    ParsedMessage,
    Rejection,
    check_size,
    is_blank,
    parse_message_body,
)
from channels.shared import RedisUnavailable, channel_state
from channels.web import WEB_CHANNEL, WebCollector

install()

logger = logging.getLogger(__name__)
FAILURE_PREFIX = "Sorry, part of the system is down and I couldn't answer or save that message."


def failure_message() -> str:
    """999 and every front door, from guidance/; says plainly that the last message was not kept."""

    doors = "; ".join(door_line(a) for a in sorted(cached_areas()))
    return (f"{FAILURE_PREFIX} {DANGER} Otherwise contact the children's social care front door. {doors}. "
            "Your last message was not saved: please send it again in a moment.")


def client_ip(request: Request) -> Optional[str]:
    """The proxy-reported address only when Sanic is told to trust a proxy (SANIC_REAL_IP_HEADER /
    SANIC_PROXIES_COUNT / SANIC_FORWARDED_SECRET); otherwise the socket's peer. A bare
    X-Forwarded-For from the client is never trusted: anyone could send a new one each time."""
    return request.remote_addr or request.ip or None


class SafeRestInput(RestInput):
    """Rasa's REST input with limits; importing this module installs the action-failure safety net."""

    def __init__(self, settings: Optional[LimitSettings] = None) -> None:
        self.settings = settings or LimitSettings.from_env()
        # Rate limits, in-flight cap and message_id replay: in memory, or in Redis for a cluster (issue 15).
        self.state = channel_state(self.settings)

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> SafeRestInput:
        return cls()

    @staticmethod
    def _unavailable(sender: str, error: Exception) -> HTTPResponse:
        # The type only: a database error's text can carry the message itself, which must not reach logs.
        logger.error("Could not handle a message (%s); answered 503 with the safety net", type(error).__name__)
        return response.json([{"recipient_id": sender, "text": failure_message(),
                               "custom": {"type": "error", "error": "unavailable"}}], status=503,
                             headers={"Retry-After": "30"})

    @staticmethod
    def _refuse(rejection: Rejection) -> HTTPResponse:
        return response.json(rejection.body(), status=rejection.status, headers=rejection.headers())

    async def _answer(self, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                      message: ParsedMessage) -> List[Dict[str, Any]]:
        # The widget (input_channel "web") gets the advice as its card only; everyone else gets the text.
        collector = WebCollector() if message.input_channel == WEB_CHANNEL else CollectingOutputChannel()
        await on_new_message(UserMessage(message.text, collector, message.sender,
                                         input_channel=message.input_channel or self.name(),
                                         message_id=message.message_id, metadata=message.metadata))
        return collector.messages

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Any:
            too_big = check_size(len(request.body or b""), self.settings)
            if too_big:
                return self._refuse(too_big)
            message, rejected = parse_message_body(request.body or b"", self.settings)
            if rejected or message is None:
                return self._refuse(rejected or Rejection(400, "bad_request", DANGER))
            try:
                limited = await self.state.check_rate(message.sender, client_ip(request))
            except RedisUnavailable as error:  # the cluster's shared state is gone: say so, keep nothing
                return self._unavailable(message.sender, error)
            if limited:
                return self._refuse(limited)
            if is_blank(message.text):
                return response.json([{"recipient_id": message.sender, "text": BLANK_REPLY}])
            if bool_arg(request, "stream", default=False):
                return response.stream(self.stream_response(on_new_message, message.text, message.sender,
                                                            message.input_channel or self.name(), message.metadata),
                                       content_type="text/event-stream")
            try:
                busy = await self.state.enter(message.sender)
            except RedisUnavailable as error:
                return self._unavailable(message.sender, error)
            if busy:
                return self._refuse(busy)
            try:
                messages, replayed = await self.state.run_once(
                    message.sender, message.message_id, lambda: self._answer(on_new_message, message))
            except Exception as error:  # noqa: BLE001 - any failure must be visible to the user, not an empty 200
                return self._unavailable(message.sender, error)
            finally:
                try:
                    await self.state.leave(message.sender)
                except RedisUnavailable:  # the counter lapses by its TTL
                    logger.error("Could not release a sender's in-flight count (Redis unavailable)")
            headers = {"X-Replayed": "true"} if replayed else {}
            return response.json(messages, headers=headers)

        return webhook
