"""Microsoft Teams (Bot Framework) channel: Rasa 3.6.21's botframework connector with its gaps closed.

What this changes in ``rasa.core.channels.botframework``:
- Inbound JWT validated fully: RS256 only (the stock code trusts the token's own ``alg``), issuer
  ``https://api.botframework.com``, ``aud`` = our app id, ``exp`` required, 5 minutes' leeway, keys
  from the OpenID metadata's ``jwks_uri`` (cached for a day), the key's endorsements must include the
  activity's channel, and the ``serviceurl`` claim must equal the activity's ``serviceUrl`` (or the bot
  would send its own token to whatever URL a forged activity names). Every failure is 401, never 500.
- The outgoing token comes from a configurable tenant (new Azure bots are single-tenant; the stock
  code hard-codes ``botframework.com``), and is cached until shortly before it expires.
- No blocking calls in the event loop: aiohttp instead of ``requests`` (the stock class fetches keys
  synchronously in ``__init__`` and posts every reply with ``requests``), replies run in the background.
- Secrets from the environment only; unconfigured, Rasa still starts and the webhook answers 503.
- The advice payload is sent as an Adaptive Card (``bot.render.cards.teams_card``); buttons are
  real ``imBack`` actions.

Environment: TEAMS_APP_ID, TEAMS_APP_PASSWORD, TEAMS_TENANT_ID (default botframework.com),
TEAMS_OPENID_METADATA_URL and TEAMS_TOKEN_URL (``{tenant}`` is filled in) to point at a fake in tests.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, List, Optional, Set, Tuple
from urllib.parse import quote

import aiohttp
import jwt
from jwt.algorithms import RSAAlgorithm
from pydantic import ValidationError
from rasa.core.channels.botframework import BotFramework, BotFrameworkInput
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.engine.advice import Advice
from bot.render.cards import teams_card
from bot.render.reply import build_reply
from bot.runtime.rasa_ext import install
from bot.settings import env
from channels.advice_once import AdviceCardOnce

install()

logger = logging.getLogger(__name__)

ISSUER = "https://api.botframework.com"
OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
TOKEN_URL = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
DEFAULT_TENANT = "botframework.com"
SCOPE = "https://api.botframework.com/.default"
LEEWAY_SECONDS = 300
KEYS_TTL_SECONDS = 24 * 3600
UNKNOWN_KID_REFRESH_SECONDS = 300
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=15)
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
BEARER = re.compile(r"Bearer\s+(\S+)\s*$")
MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
UNCONFIGURED = ("Microsoft Teams is not configured on this server: set TEAMS_APP_ID and TEAMS_APP_PASSWORD "
                "(and TEAMS_TENANT_ID for a single-tenant bot) in the environment of the Rasa server and "
                "restart it.")
ADVICE_UNREADABLE = ("The advice could not be displayed here. If a child is in immediate danger, call 999; "
                     "otherwise contact your local children's social care front door and your designated "
                     "safeguarding lead.")


class AuthError(Exception):
    """Why an inbound request is not trusted; always answered with 401."""


class SigningKeys:
    """The Bot Framework's signing keys, from the OpenID metadata's jwks_uri, cached."""

    def __init__(self, metadata_url: str) -> None:
        self.metadata_url = metadata_url
        self.keys: Dict[str, Dict[str, Any]] = {}
        self.fetched_at = 0.0
        self._lock: Optional[asyncio.Lock] = None

    async def _fetch(self) -> None:
        async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
            async with session.get(self.metadata_url) as metadata:
                metadata.raise_for_status()
                jwks_uri = (await metadata.json(content_type=None))["jwks_uri"]
            async with session.get(jwks_uri) as jwks:
                jwks.raise_for_status()
                keys = (await jwks.json(content_type=None))["keys"]
        self.keys = {key["kid"]: key for key in keys if isinstance(key, dict) and key.get("kid")}
        self.fetched_at = time.monotonic()

    async def get(self, kid: str) -> Dict[str, Any]:
        self._lock = self._lock or asyncio.Lock()
        async with self._lock:
            age = time.monotonic() - self.fetched_at
            if not self.keys or age > KEYS_TTL_SECONDS or (kid not in self.keys and age > UNKNOWN_KID_REFRESH_SECONDS):
                try:
                    await self._fetch()
                except (aiohttp.ClientError, asyncio.TimeoutError, KeyError, TypeError, ValueError) as error:
                    logger.error("Could not fetch the Bot Framework signing keys from %s: %r", self.metadata_url, error)
                    if not self.keys:
                        raise AuthError("signing keys unavailable") from error
        if kid not in self.keys:
            raise AuthError(f"unknown signing key {kid!r}")
        return self.keys[kid]


def _same_url(a: Any, b: Any) -> bool:
    return isinstance(a, str) and isinstance(b, str) and bool(a) and a.rstrip("/") == b.rstrip("/")


class SafeBotFramework(AdviceCardOnce, BotFramework):
    """Replies through the activity's serviceUrl with a token from the configured tenant, via aiohttp."""

    _tokens: Dict[Tuple[str, str], Tuple[str, float]] = {}

    def __init__(self, app_id: str, app_password: str, conversation: Dict[str, Any], bot: Dict[str, Any],
                 service_url: str, token_url: str, reply_to_id: Optional[str] = None) -> None:
        super().__init__(app_id, app_password, conversation, bot, service_url)
        self.token_url = token_url
        self.reply_to_id = reply_to_id

    @classmethod
    def name(cls) -> str:
        return "botframework"

    async def _get_headers(self) -> Optional[Dict[str, Any]]:
        key = (self.token_url, self.app_id)
        cached = self._tokens.get(key)
        if cached is None or cached[1] <= time.monotonic():
            form = {"client_id": self.app_id, "client_secret": self.app_password,
                    "grant_type": "client_credentials", "scope": SCOPE}
            try:
                async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session, \
                        session.post(self.token_url, data=form) as reply:
                    if reply.status != HTTPStatus.OK:
                        logger.error("Bot Framework token request failed: HTTP %s %s", reply.status,
                                     (await reply.text())[:300])
                        return None
                    body = await reply.json(content_type=None)
                cached = (body["access_token"], time.monotonic() + max(0, int(body.get("expires_in", 3600)) - 300))
            except (aiohttp.ClientError, asyncio.TimeoutError, KeyError, TypeError, ValueError) as error:
                logger.error("Bot Framework token request to %s failed: %r", self.token_url, error)
                return None
            self._tokens[key] = cached
        return {"Content-Type": "application/json", "Authorization": f"Bearer {cached[0]}"}

    def prepare_message(self, recipient_id: str, message_data: Dict[str, Any]) -> Dict[str, Any]:
        data = super().prepare_message(recipient_id, message_data)
        data.setdefault("conversation", {"id": self.conversation["id"]})
        if self.reply_to_id:
            data.setdefault("replyToId", self.reply_to_id)
        return data

    async def send(self, message_data: Dict[str, Any]) -> None:
        url = f"{self.global_uri}conversations/{quote(str(self.conversation['id']), safe='')}/activities"
        headers = await self._get_headers()
        if headers is None:
            logger.error("No Bot Framework token, so the reply to conversation %s was not sent.",
                         self.conversation.get("id"))
            return
        try:
            async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session, \
                    session.post(url, json=message_data, headers=headers) as reply:
                if reply.status >= 300:
                    logger.error("Sending to Bot Framework failed: HTTP %s %s", reply.status,
                                 (await reply.text())[:300])
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.error("Sending to Bot Framework at %s failed: %r", url, error)

    async def send_text_with_buttons(self, recipient_id: str, text: str, buttons: List[Dict[str, Any]],
                                     **kwargs: Any) -> None:
        actions = [{"type": "imBack", "title": str(b["title"]), "value": str(b["payload"])} for b in buttons]
        card = {"contentType": "application/vnd.microsoft.card.hero", "content": {"text": text, "buttons": actions}}
        await self.send(self.prepare_message(recipient_id, {"attachments": [card]}))

    async def send_custom_json(self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any) -> None:
        if json_message.get("type") == "advice":
            try:
                advice = Advice.parse_obj(json_message)
            except ValidationError as error:
                logger.error("Advice payload did not validate; sending the plain fallback: %s", error)
                await self.send_text_message(recipient_id, kwargs.get("fallback") or ADVICE_UNREADABLE)
                return
            reply = build_reply(advice)
            message = {"summary": reply.headline[0],
                       "attachments": [{"contentType": ADAPTIVE_CARD, "content": teams_card(advice, reply)}]}
            await self.send(self.prepare_message(recipient_id, message))
        elif "attachments" in json_message or "text" in json_message:
            await super().send_custom_json(recipient_id, json_message, **kwargs)
        else:
            logger.debug("Custom payload of type %r has no Teams rendering; not sent.", json_message.get("type"))


class SafeBotFrameworkInput(BotFrameworkInput):
    """Bot Framework input on /webhooks/botframework/webhook (the Azure bot's messaging endpoint)."""

    @classmethod
    def name(cls) -> str:
        return "botframework"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        for key in ("app_id", "app_password"):
            if (credentials or {}).get(key):
                logger.warning("Ignoring %s in credentials.yml: Teams settings are read from the environment only "
                               "(TEAMS_APP_ID, TEAMS_APP_PASSWORD).", key)
        return cls(app_id=env("TEAMS_APP_ID"), app_password=env("TEAMS_APP_PASSWORD"),
                   tenant=env("TEAMS_TENANT_ID", DEFAULT_TENANT),
                   openid_metadata_url=env("TEAMS_OPENID_METADATA_URL", OPENID_METADATA_URL),
                   token_url=env("TEAMS_TOKEN_URL", TOKEN_URL))

    def __init__(self, app_id: str, app_password: str, tenant: str = DEFAULT_TENANT,
                 openid_metadata_url: str = OPENID_METADATA_URL, token_url: str = TOKEN_URL) -> None:
        # The stock __init__ fetches the keys with blocking requests calls; ours fetches lazily with aiohttp.
        self.app_id = app_id
        self.app_password = app_password
        self.tenant = tenant
        self.token_url = token_url.replace("{tenant}", quote(tenant, safe=""))
        self.signing_keys = SigningKeys(openid_metadata_url)
        self.configured = bool(app_id and app_password)
        self._background_tasks: Set[asyncio.Task] = set()
        if not self.configured:
            logger.info(UNCONFIGURED)

    async def authenticate(self, auth_header: Optional[str], activity: Dict[str, Any]) -> Dict[str, Any]:
        """The token's claims, or AuthError saying why it is not trusted."""
        match = BEARER.match(auth_header or "")
        if not match:
            raise AuthError("no Bearer token in the Authorization header")
        token = match.group(1)
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise AuthError("malformed token") from error
        if header.get("alg") != "RS256":
            raise AuthError(f"algorithm {header.get('alg')!r} is not accepted (RS256 only)")
        jwk = await self.signing_keys.get(str(header.get("kid")))
        try:
            key = RSAAlgorithm.from_jwk(jwk)
            claims = jwt.decode(token, key=key, algorithms=["RS256"], audience=self.app_id, issuer=ISSUER,
                                leeway=LEEWAY_SECONDS, options={"require": ["exp", "iss", "aud"]})
        except (jwt.PyJWTError, ValueError, TypeError, KeyError) as error:
            raise AuthError(f"token rejected: {error}") from error
        endorsements = jwk.get("endorsements")
        if isinstance(endorsements, list) and activity.get("channelId") not in endorsements:
            raise AuthError(f"signing key is not endorsed for channel {activity.get('channelId')!r}")
        if not _same_url(claims.get("serviceurl"), activity.get("serviceUrl")):
            raise AuthError("the token's serviceurl claim does not match the activity's serviceUrl")
        return claims

    def _handle_in_background(self, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                              message: UserMessage) -> None:
        async def run() -> None:
            try:
                await on_new_message(message)
            except Exception:  # noqa: BLE001 - logged; the HTTP answer has already gone
                logger.exception("Handling a Teams message failed.")

        task = asyncio.create_task(run())
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    def accept(self, request: Request, activity: Dict[str, Any],
               on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        """An authenticated activity: a message starts a turn in the background; others are acknowledged."""
        if activity.get("type") != "message":
            return response.text(f"Ignored activity of type {activity.get('type')!r}.")
        sender = (activity.get("from") or {}).get("id")
        conversation = activity.get("conversation") or {}
        if not sender or not conversation.get("id"):
            return response.text("The activity needs from.id and conversation.id.",
                                 status=HTTPStatus.BAD_REQUEST)
        out_channel = SafeBotFramework(self.app_id, self.app_password, conversation,
                                       activity.get("recipient") or {}, activity["serviceUrl"],
                                       self.token_url, activity.get("id"))
        metadata = self.add_attachments_to_metadata(activity, self.get_metadata(request))
        text = MENTION.sub(" ", str(activity.get("text") or "")).strip()
        self._handle_in_background(on_new_message, UserMessage(
            text=text, output_channel=out_channel, sender_id=str(sender), input_channel=self.name(),
            metadata=metadata))
        return response.text("", status=HTTPStatus.OK)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook_bp = Blueprint("botframework_webhook", __name__)

        @webhook_bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.configured else "not configured"})

        @webhook_bp.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.configured:
                return response.text(UNCONFIGURED, status=HTTPStatus.SERVICE_UNAVAILABLE)
            try:
                activity = json.loads(request.body or b"null")
            except ValueError:
                activity = None
            try:
                await self.authenticate(request.headers.get("Authorization"),
                                        activity if isinstance(activity, dict) else {})
            except AuthError as error:
                logger.warning("Rejected a Bot Framework request: %s", error)
                return response.text(f"Unauthorized: {error}.", status=HTTPStatus.UNAUTHORIZED)
            except Exception:  # noqa: BLE001 - whatever went wrong, the caller is not authenticated
                logger.exception("Unexpected error while validating a Bot Framework token.")
                return response.text("Unauthorized: the token could not be validated.",
                                     status=HTTPStatus.UNAUTHORIZED)
            try:
                return self.accept(request, activity, on_new_message)
            except Exception:  # noqa: BLE001 - an odd but authenticated activity is a 400, never a 500
                logger.exception("Could not process an authenticated Bot Framework activity.")
                return response.text("Could not process this activity.", status=HTTPStatus.BAD_REQUEST)

        return webhook_bp
