"""Slack (Events API) channel: Rasa 3.6.21's connector, configured from the environment and hardened.

What this adds to ``rasa.core.channels.slack``:
- Secrets come only from the environment (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET). If they are not
  set, Rasa still starts and the webhook answers 503 saying what to set.
- A bad signature is 401 and a missing or stale timestamp (more than 5 minutes) is 400, never 500.
- Slack retries never give a second answer: events are de-duplicated on ``event_id`` and on the
  message's channel+ts (an ``app_mention`` and a ``message`` event for one post share it). The stock
  connector only drops ``http_timeout`` retries, and drops them even when the first try was lost.
- Answers go in the thread of the question (DM or channel mention); the advice payload is posted as
  Block Kit (``bot.render.cards.slack_blocks``); outgoing text is escaped so echoed words cannot
  ping ``@channel``.
- SLACK_API_BASE_URL points the Web API client somewhere else (tests use a local fake).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections import OrderedDict
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional

from pydantic import ValidationError
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.engine.advice import Advice
from bot.render.cards import slack_blocks
from bot.render.reply import build_reply, reply_text
from bot.runtime.rasa_ext import install
from bot.settings import env
from channels.advice_once import AdviceCardOnce
from channels.rest import failure_message
from channels.shared import RedisUnavailable, recent_keys

install()

logger = logging.getLogger(__name__)

MAX_REQUEST_AGE_SECONDS = 5 * 60
SECRET_KEYS = ("slack_token", "slack_signing_secret")
UNCONFIGURED = ("Slack is not configured on this server: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET "
                "in the environment of the Rasa server and restart it.")
ADVICE_UNREADABLE = ("The advice could not be displayed here. If a child is in immediate danger, call 999; "
                     "otherwise contact your local children's social care front door and your designated "
                     "safeguarding lead.")


def slack_escape(text: str) -> str:
    """Slack's three control characters; without this an echoed '<!channel>' would ping everyone."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def media_type(request: Request) -> str:
    return (request.headers.get("content-type") or "").split(";")[0].strip().lower()


class RecentKeys:
    """A bounded set of recently seen keys with a time-to-live (per process).

    Slack retries after about 0s, 1 min and 5 min, so one hour covers every retry.
    """

    def __init__(self, ttl_seconds: float = 3600, max_size: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl_seconds
        self.max_size = max_size
        self.clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()

    def _expire(self, now: float) -> None:
        while self._seen:
            key, stamp = next(iter(self._seen.items()))
            if now - stamp <= self.ttl and len(self._seen) <= self.max_size:
                break
            self._seen.pop(key)

    def seen(self, keys: Iterable[str]) -> bool:
        """True if any key was seen within the TTL; records all of them either way."""
        now = self.clock()
        self._expire(now)
        keys = [k for k in keys if k]
        duplicate = any(k in self._seen for k in keys)
        for key in keys:
            self._seen[key] = now
            self._seen.move_to_end(key)
        self._expire(now)
        return duplicate


class SafeSlackBot(AdviceCardOnce, SlackBot):
    """Slack output: one message per utterance, escaped text, Block Kit advice, optional API base URL."""

    def __init__(self, token: str, slack_channel: Optional[str] = None, thread_id: Optional[str] = None,
                 proxy: Optional[str] = None, base_url: Optional[str] = None) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        if base_url:
            self.client = AsyncWebClient(token, proxy=proxy, base_url=base_url.rstrip("/") + "/")

    @classmethod
    def name(cls) -> str:
        return "slack"

    async def _post_message(self, channel: str, **kwargs: Any) -> None:
        kwargs.pop("as_user", None)  # legacy argument; new bot tokens reject or ignore it
        if self.thread_id:
            kwargs["thread_ts"] = self.thread_id
        try:
            await self.client.chat_postMessage(channel=channel, **kwargs)
        except SlackApiError as error:
            logger.error("Slack chat.postMessage failed: %s", error.response.get("error"))

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._post_message(channel=self.slack_channel or recipient_id, text=slack_escape(text.strip()))

    async def send_text_with_buttons(self, recipient_id: str, text: str, buttons: List[Dict[str, Any]],
                                     **kwargs: Any) -> None:
        if len(buttons) > 5:
            await self.send_text_message(recipient_id, text)
            return
        escaped = slack_escape(text.strip())
        blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": escaped[:2900]}},
                  {"type": "actions", "elements": [
                      {"type": "button", "text": {"type": "plain_text", "text": str(b["title"])[:75]},
                       "value": str(b["payload"])[:2000], "action_id": f"button_{n}"}
                      for n, b in enumerate(buttons)]}]
        await self._post_message(channel=self.slack_channel or recipient_id, text=escaped, blocks=blocks)

    async def send_custom_json(self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any) -> None:
        channel = self.slack_channel or recipient_id
        if json_message.get("type") == "advice":
            fallback = kwargs.get("fallback")
            try:
                advice = Advice.parse_obj(json_message)
            except ValidationError as error:
                logger.error("Advice payload did not validate; sending the plain fallback: %s", error)
                await self._post_message(channel=channel, text=slack_escape(fallback or ADVICE_UNREADABLE))
                return
            reply = build_reply(advice)
            await self._post_message(channel=channel, text=slack_escape(fallback or reply_text(reply)),
                                     blocks=slack_blocks(advice, reply))
        elif any(key in json_message for key in ("blocks", "text", "attachments")):
            await self._post_message(channel=json_message.get("channel", channel),
                                     **{k: v for k, v in json_message.items() if k != "channel"})
        else:
            logger.debug("Custom payload of type %r has no Slack rendering; not posted.", json_message.get("type"))


class SafeSlackInput(SlackInput):
    """Slack Events API input on /webhooks/slack/webhook (also the Interactivity request URL)."""

    @classmethod
    def name(cls) -> str:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        options = dict(credentials or {})
        for key in SECRET_KEYS:
            if options.pop(key, None):
                logger.warning("Ignoring %s in credentials.yml: Slack secrets are read from the environment only "
                               "(SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET).", key)
        return cls(
            slack_token=env("SLACK_BOT_TOKEN"),
            slack_signing_secret=env("SLACK_SIGNING_SECRET"),
            slack_channel=options.get("slack_channel"),
            proxy=options.get("proxy"),
            use_threads=bool(options.get("use_threads", True)),
            conversation_granularity=options.get("conversation_granularity", "thread"),
            base_url=env("SLACK_API_BASE_URL") or None,
        )

    def __init__(self, slack_token: str, slack_channel: Optional[str] = None, proxy: Optional[str] = None,
                 use_threads: bool = True, slack_signing_secret: str = "",
                 conversation_granularity: str = "thread", base_url: Optional[str] = None,
                 recent: Optional[RecentKeys] = None) -> None:
        self.configured = bool(slack_token and slack_signing_secret)
        super().__init__(slack_token, slack_channel, proxy, "x-slack-retry-reason", "x-slack-retry-num", None,
                         use_threads, slack_signing_secret, conversation_granularity)
        # Retries are handled by event_id below; never drop one just because of its reason header,
        # or a retry of a first try that never arrived would go unanswered.
        self.errors_ignore_retry = ()
        self.base_url = base_url
        # Seen event ids: this process's RecentKeys, or Redis when REDIS_URL is set (a retry may reach any instance).
        self.recent = recent_keys(recent or RecentKeys())
        if not self.configured:
            logger.info(UNCONFIGURED)

    def _validate_credentials(self) -> None:
        """Unconfigured is allowed (the webhook answers 503); a half-configured channel is reported."""
        if bool(self.slack_token) != bool(self.slack_signing_secret):
            logger.warning("Slack is half configured (token and signing secret must both be set); "
                           "the webhook will answer 503.")

    def get_output_channel(self, channel: Optional[str] = None, thread_id: Optional[str] = None) -> OutputChannel:
        return SafeSlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.base_url)

    def check_request(self, request: Request) -> Optional[HTTPResponse]:
        """Slack's v0 signing: HMAC-SHA256 over 'v0:{timestamp}:{body}' with the signing secret."""
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        try:
            age = abs(time.time() - int(timestamp))
        except ValueError:
            return response.text("Missing or malformed X-Slack-Request-Timestamp header.",
                                 status=HTTPStatus.BAD_REQUEST)
        if age > MAX_REQUEST_AGE_SECONDS:
            return response.text("Stale request: X-Slack-Request-Timestamp is more than 5 minutes from now.",
                                 status=HTTPStatus.BAD_REQUEST)
        base = f"v0:{timestamp}:".encode() + (request.body or b"")
        expected = "v0=" + hmac.new(self.slack_signing_secret.encode(), base, hashlib.sha256).hexdigest()
        given = request.headers.get("X-Slack-Signature", "")
        if not hmac.compare_digest(expected.encode(), given.encode("utf-8", "replace")):
            return response.text("Invalid X-Slack-Signature.", status=HTTPStatus.UNAUTHORIZED)
        return None

    @staticmethod
    def event_metadata(payload: Dict[str, Any]) -> Dict[str, Any]:
        event = payload.get("event") or {}
        users: List[str] = list(payload.get("authed_users") or [])
        if not users and payload.get("authorizations"):
            users.append(payload["authorizations"][0].get("user_id"))
        return {"out_channel": event.get("channel"), "thread_id": event.get("thread_ts") or event.get("ts"),
                "users": users}

    @staticmethod
    def interaction_metadata(payload: Dict[str, Any]) -> Dict[str, Any]:
        message = payload.get("message") or {}
        user = (payload.get("user") or {}).get("id")
        return {"out_channel": (payload.get("channel") or {}).get("id"),
                "thread_id": message.get("thread_ts") or message.get("ts"), "users": [user] if user else []}

    async def handle_event(self, request: Request, payload: Dict[str, Any],
                           on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        if payload.get("type") == "url_verification":
            return response.json({"challenge": payload.get("challenge")})
        event = payload.get("event")
        if not isinstance(event, dict) or not self._is_user_message(payload) or not event.get("user"):
            return response.text("Ignored: not a user message.")
        metadata = self.event_metadata(payload)
        if not self._is_supported_channel(payload, metadata):
            return response.text("Ignored: channel not supported.")
        keys = [f"event:{payload['event_id']}" if payload.get("event_id") else "",
                f"message:{event.get('channel')}:{event['ts']}" if event.get("ts") else ""]
        try:
            duplicate = await self.recent.seen(keys)
        except RedisUnavailable:
            return await self.unavailable(metadata)
        if duplicate:
            logger.info("Slack event %s already handled (retry #%s); not answering again.",
                        payload.get("event_id"), request.headers.get("x-slack-retry-num"))
            return response.text("Duplicate event ignored.", headers={"X-Slack-No-Retry": "1"})
        text = slack_unescape(self._sanitize_user_message(str(event["text"]), metadata["users"]))
        sender = self._get_conversation_id(event["user"], metadata["out_channel"], metadata["thread_id"])
        return await self.process_message(request, on_new_message, text=text, sender_id=sender, metadata=metadata)

    async def handle_interaction(self, request: Request,
                                 on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        try:
            payload = json.loads(request.form.get("payload") or "")
        except ValueError:
            return response.text("Expected a form field 'payload' holding JSON.", status=HTTPStatus.BAD_REQUEST)
        if not isinstance(payload, dict) or not self._is_interactive_message(payload):
            return response.text("Ignored: unsupported interaction.")
        text = self._get_interactive_response(payload["actions"][0])
        user = (payload.get("user") or {}).get("id")
        if text is None or not user:
            return response.text("Ignored: nothing to send.")
        metadata = self.interaction_metadata(payload)
        try:
            duplicate = await self.recent.seen([f"action:{payload['trigger_id']}" if payload.get("trigger_id") else ""])
        except RedisUnavailable:
            return await self.unavailable(metadata)
        if duplicate:
            return response.text("Duplicate interaction ignored.")
        sender = self._get_conversation_id(user, metadata["out_channel"], metadata["thread_id"])
        return await self.process_message(request, on_new_message, text=text, sender_id=sender, metadata=metadata)

    async def unavailable(self, metadata: Dict[str, Any]) -> HTTPResponse:
        """Redis (the cluster's shared state) is down: tell the person in the thread, 999 first, and answer 503.

        No retry is asked for: the message says to send it again, and a retry answered later as well
        would be a second answer.
        """

        logger.error("Shared state unavailable; told the Slack user and answered 503")
        output = self.get_output_channel(metadata.get("out_channel"), metadata.get("thread_id"))
        if metadata.get("out_channel"):
            await output.send_text_message(str(metadata["out_channel"]), failure_message())
        return response.text("Shared state unavailable.", status=HTTPStatus.SERVICE_UNAVAILABLE,
                             headers={"X-Slack-No-Retry": "1"})

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        slack_webhook = Blueprint("slack_webhook", __name__)

        @slack_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.configured else "not configured"})

        @slack_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.configured:
                return response.text(UNCONFIGURED, status=HTTPStatus.SERVICE_UNAVAILABLE)
            rejection = self.check_request(request)
            if rejection is not None:
                logger.warning("Rejected a Slack request: %s", rejection.body.decode())
                return rejection
            try:
                return await self.dispatch(request, on_new_message)
            except Exception:  # noqa: BLE001 - an odd but signed payload is a 400, never a 500 (Slack would retry)
                logger.exception("Could not process a signed Slack request.")
                return response.text("Could not process this Slack request.", status=HTTPStatus.BAD_REQUEST,
                                     headers={"X-Slack-No-Retry": "1"})

        return slack_webhook

    async def dispatch(self, request: Request,
                       on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        """A verified request: an event (JSON) or an interaction (form-encoded)."""
        kind = media_type(request)
        if kind == "application/json":
            try:
                payload = json.loads(request.body)
            except ValueError:
                return response.text("The body is not valid JSON.", status=HTTPStatus.BAD_REQUEST)
            if not isinstance(payload, dict):
                return response.text("Expected a JSON object.", status=HTTPStatus.BAD_REQUEST)
            return await self.handle_event(request, payload, on_new_message)
        if kind == "application/x-www-form-urlencoded":
            return await self.handle_interaction(request, on_new_message)
        return response.text("Unsupported Content-Type: expected application/json or "
                             "application/x-www-form-urlencoded.", status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
