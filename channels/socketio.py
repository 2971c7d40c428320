"""socketio channel with Rasa 3.6.21's session_persistence bug fixed.

In 3.6.21 ``session_request`` calls ``sio.enter_room(...)`` without ``await``
(RasaHQ/rasa#13027); python-socketio 5.10+ made it a coroutine, so the client is
never put in its room and never hears a reply. We re-register the handler with
the await.
"""

from __future__ import annotations

import uuid
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.runtime.rasa_ext import install
from channels.limits import DANGER, LimitSettings, RateLimits, Rejection

install()


def socket_ip(sio: Any, sid: str, namespace: Optional[str]) -> Optional[str]:
    """The client's address from the Sanic request behind the socket (same trust rules as REST)."""
    try:
        request = sio.get_environ(sid, namespace=namespace).get("sanic.request")
    except (KeyError, AttributeError, TypeError):
        return None
    return (getattr(request, "remote_addr", None) or getattr(request, "ip", None)) if request else None


def check_socket_message(data: Any, sender: str, ip: Optional[str], limits: RateLimits,
                         settings: LimitSettings) -> Optional[Rejection]:
    """The REST channel's limits for socketio: a dict body, a text message of bounded size, rate limits."""
    if not isinstance(data, dict) or not isinstance(data.get("message", ""), str):
        return Rejection(400, "bad_request", f"Send an object with a text 'message'. {DANGER}")
    if len(data.get("message", "")) > settings.max_text_chars:
        return Rejection(413, "too_large", f"That message is too long: please keep it under "
                                           f"{settings.max_text_chars} characters. {DANGER}")
    return limits.check(sender, ip)


class FixedSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        namespace = self.namespace
        persistence = self.session_persistence

        async def session_request(sid: str, data: Optional[Dict]) -> None:
            data = dict(data or {})
            if not data.get("session_id"):
                data["session_id"] = uuid.uuid4().hex
            if persistence:
                await sio.enter_room(sid, data["session_id"], namespace=namespace)
            await sio.emit("session_confirm", data["session_id"], room=sid, namespace=namespace)

        sio.on("session_request", namespace=namespace)(session_request)

        # Abuse limits, as on REST: the stock handler is wrapped, so a refused message never reaches Rasa
        # and the person is told why (with the 999 line), never left in silence.
        stock_handler = sio.handlers[namespace or "/"][self.user_message_evt]
        settings = LimitSettings.from_env()
        limits = RateLimits(settings)
        reply_event = self.bot_message_evt

        async def limited_message(sid: str, data: Any) -> None:
            sender = str(data.get("session_id") or sid) if isinstance(data, dict) else sid
            refused = check_socket_message(data, sender, socket_ip(sio, sid, namespace), limits, settings)
            if refused:
                await sio.emit(reply_event, {"text": refused.message, "custom": {"type": "error",
                                                                               "error": refused.code}},
                               room=sid, namespace=namespace)
                return
            await stock_handler(sid, data)

        sio.on(self.user_message_evt, namespace=namespace)(limited_message)
        return blueprint
