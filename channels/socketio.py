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

from bot.rasa_ext import install

install()


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
        return blueprint
