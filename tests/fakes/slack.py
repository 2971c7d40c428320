"""A fake Slack Web API that records every call, and a client that signs Events API requests."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from typing import Any, Dict, List, Optional, Tuple

from aiohttp import web


class FakeSlackAPI:
    """Answers any ``/api/<method>`` with ok and records it (method, token, body)."""

    def __init__(self) -> None:
        self.calls: List[Dict[str, Any]] = []
        self._ts = 1_700_000_000

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/{method}", self._handle)
        return app

    async def _handle(self, request: web.Request) -> web.Response:
        if request.content_type == "application/json":
            body = await request.json()
        else:
            body = dict(await request.post())
        self._ts += 1
        self.calls.append({"method": request.match_info["method"], "auth": request.headers.get("Authorization"),
                           "body": body})
        return web.json_response({"ok": True, "channel": body.get("channel"), "ts": f"{self._ts}.000100"})

    def posts(self, channel: Optional[str] = None) -> List[Dict[str, Any]]:
        return [c["body"] for c in list(self.calls)
                if c["method"] == "chat.postMessage" and (channel is None or c["body"].get("channel") == channel)]


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return "v0=" + hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()


def post_event(url: str, payload: Dict[str, Any], secret: str, timestamp: Optional[int] = None,
               signature: Optional[str] = None, headers: Optional[Dict[str, str]] = None) -> Tuple[int, str]:
    """POST a signed Events API request exactly as Slack does; returns (status, body)."""
    body = json.dumps(payload).encode()
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    all_headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp,
                   "X-Slack-Signature": signature or sign(secret, stamp, body)}
    all_headers.update(headers or {})
    request = urllib.request.Request(url, data=body, headers=all_headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def message_event(text: str, *, event_id: str, ts: str, user: str = "U0FAKEUSER", channel: str = "D0FAKEDM",
                  channel_type: str = "im", event_type: str = "message", thread_ts: Optional[str] = None,
                  bot_user: str = "U0FAKEBOT") -> Dict[str, Any]:
    """An Events API envelope around a DM ``message`` or an ``app_mention`` (fictional ids)."""
    event: Dict[str, Any] = {"type": event_type, "user": user, "text": text, "ts": ts, "channel": channel,
                             "event_ts": ts}
    if event_type == "message":
        event["channel_type"] = channel_type
    if thread_ts:
        event["thread_ts"] = thread_ts
    return {"token": "unused", "team_id": "T0FAKE", "api_app_id": "A0FAKE", "type": "event_callback",
            "event_id": event_id, "event_time": int(float(ts)), "event": event,
            "authorizations": [{"user_id": bot_user, "is_bot": True}]}
