"""Our own web chat widget, served by the Rasa server itself at ``/webhooks/web/``.

This channel only serves three static files from ``web/``; the widget talks to the
stock REST channel (``/webhooks/rest/webhook``). REST is stateless: every request
carries the sender id and the conversation lives in the tracker store, so any Rasa
instance behind a load balancer can answer any turn (no sticky sessions, no
websocket rooms held in one process's memory).

Only the files named in ``FILES`` are ever read; every other path under the prefix
(including ``..`` tricks) is a 404. Every response carries a strict
Content-Security-Policy, so even if some text slipped past the widget's escaping,
the browser would not run inline script or load anything from elsewhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional

from pydantic import ValidationError
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.engine.advice import Advice
from bot.render.cards import web_card
from bot.runtime.rasa_ext import install
from bot.settings import WEB_DIR

install()

WEB_CHANNEL = "web"  # the widget's REST requests say input_channel "web": the reply is drawn for the widget

# The whole allow-list: URL name -> content type. Nothing else is served.
FILES: Dict[str, str] = {
    "index.html": "text/html; charset=utf-8",
    "widget.js": "text/javascript; charset=utf-8",
    "widget.css": "text/css; charset=utf-8",
}

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

SECURITY_HEADERS: Dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-cache",
}


def _secure(resp: HTTPResponse) -> HTTPResponse:
    for name, value in SECURITY_HEADERS.items():
        resp.headers[name] = value
    return resp


def _not_found() -> HTTPResponse:
    return _secure(response.text("Not found. The chat page is at /webhooks/web/", status=404))


def read_file(name: str, web_dir: Path = WEB_DIR) -> Optional[bytes]:
    """The bytes of an allow-listed file, or None. Names are looked up, never joined from user input."""
    if name not in FILES:
        return None
    try:
        return (web_dir / name).read_bytes()
    except OSError:
        return None


class WebCollector(CollectingOutputChannel):
    """The widget's replies: the advice becomes the one card (``bot.render.cards.web_card``), nothing else.

    The action sends the advice once, as text with the engine's advice object attached. REST clients get
    both; the widget gets only the card, drawn from the same renderer the tests check, so a phone user
    sees the advice once (issue 13.7).
    """

    @classmethod
    def name(cls) -> str:
        return WEB_CHANNEL

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        custom = message.get("custom")
        if isinstance(custom, dict) and custom.get("type") == "advice":

            try:
                card = web_card(Advice.parse_obj(custom))
            except ValidationError:
                await self.send_text_message(recipient_id, str(message.get("text") or ""))
                return
            await self._persist_message(self._message(recipient_id, custom=card))
            return
        await super().send_response(recipient_id, message)


class WebChatInput(InputChannel):
    """Serves the chat page; the messages themselves go over the REST channel."""

    def __init__(self, web_dir: Path = WEB_DIR) -> None:
        self.web_dir = web_dir

    @classmethod
    def name(cls) -> str:
        return "web"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        return cls()

    def _serve(self, name: str) -> HTTPResponse:
        body = read_file(name, self.web_dir)
        if body is None:
            return _not_found()
        return _secure(response.raw(body, content_type=FILES[name]))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        web = Blueprint("web_chat_widget", __name__)

        @web.route("/", methods=["GET"])
        async def index(request: Request) -> HTTPResponse:
            if not request.path.endswith("/"):
                # The page's relative URLs (widget.js, ../rest/webhook) need the trailing slash.
                return _secure(response.redirect(request.path + "/", status=301))
            return self._serve("index.html")

        @web.route("/<name:path>", methods=["GET"])
        async def static(request: Request, name: str) -> HTTPResponse:
            return self._serve(name or "index.html")

        return web
