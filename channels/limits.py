"""Abuse limits any public channel can reuse: body parsing, size caps, rate limits and de-duplication.

Nothing here knows about Sanic or Rasa, so the socketio, web and Slack channels can call the
same pieces, and the unit tests run without a server. Everything is in memory and bounded:
a flood of new senders or IPs evicts the oldest entries instead of growing without limit.

Every message a person can see here ends with the 999 line: a user who is throttled or sent
something we cannot read may still be worried about a child in danger right now.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
import time
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, Generic, Hashable, Mapping, Optional, Tuple, TypeVar

from bot.engine.case import MAX_TEXT_CHARS
from bot.settings import environment_copy

DANGER = "If a child is in immediate danger, call 999."
MAX_SENDER_CHARS = 128
MAX_MESSAGE_ID_CHARS = 128
MAX_CHANNEL_CHARS = 64
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

T = TypeVar("T")


class LimitsConfigError(ValueError):
    """A limit in the environment is not a number we can use: refuse to start rather than guess."""


@dataclass(frozen=True)
class Rejection:
    """Why a request is refused: an HTTP status, a machine-readable code and a sentence for the person."""

    status: int
    code: str
    message: str
    retry_after: Optional[int] = None

    def body(self) -> Dict[str, Any]:
        body: Dict[str, Any] = {"error": self.code, "message": self.message}
        if self.retry_after is not None:
            body["retry_after"] = self.retry_after
        return body

    def headers(self) -> Dict[str, str]:
        return {"Retry-After": str(self.retry_after)} if self.retry_after is not None else {}


def _reject(status: int, code: str, text: str, retry_after: Optional[int] = None) -> Rejection:
    return Rejection(status, code, f"{text} {DANGER}", retry_after)


# ---------------------------------------------------------------- configuration


def _env_number(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise LimitsConfigError(f"{name} must be a number (got {raw!r})") from None
    if value < 0 or not math.isfinite(value):
        raise LimitsConfigError(f"{name} must be zero or more (got {raw!r})")
    return value


@dataclass(frozen=True)
class LimitSettings:
    """All the knobs, from the environment (0 for a per-minute rate switches that limit off)."""

    sender_per_minute: float = 60
    sender_burst: float = 30
    ip_per_minute: float = 600
    ip_burst: float = 300
    max_keys: int = 10_000
    max_body_bytes: int = 64 * 1024
    max_text_chars: int = MAX_TEXT_CHARS
    dedup_ttl_seconds: float = 600
    dedup_max_entries: int = 2_000
    sender_in_flight: int = 2

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> LimitSettings:
        env = environment_copy() if env is None else env
        d = cls()
        return cls(
            sender_per_minute=_env_number(env, "RATE_LIMIT_SENDER_PER_MIN", d.sender_per_minute),
            sender_burst=_env_number(env, "RATE_LIMIT_SENDER_BURST", d.sender_burst),
            ip_per_minute=_env_number(env, "RATE_LIMIT_IP_PER_MIN", d.ip_per_minute),
            ip_burst=_env_number(env, "RATE_LIMIT_IP_BURST", d.ip_burst),
            max_keys=int(_env_number(env, "RATE_LIMIT_MAX_KEYS", d.max_keys)) or 1,
            max_body_bytes=int(_env_number(env, "MESSAGE_MAX_BYTES", d.max_body_bytes)),
            max_text_chars=int(_env_number(env, "MESSAGE_MAX_CHARS", d.max_text_chars)),
            dedup_ttl_seconds=_env_number(env, "DEDUP_TTL_SECONDS", d.dedup_ttl_seconds),
            dedup_max_entries=int(_env_number(env, "DEDUP_MAX_ENTRIES", d.dedup_max_entries)) or 1,
            sender_in_flight=int(_env_number(env, "RATE_LIMIT_SENDER_IN_FLIGHT", d.sender_in_flight)),
        )


# ---------------------------------------------------------------- rate limiting


class TokenBucketLimiter:
    """One token bucket per key (sender or IP), at most ``max_keys`` of them (least recently used go first).

    A bucket holds up to ``burst`` tokens and refills at ``per_minute / 60`` a second; each request
    takes one. An evicted key comes back with a full bucket, which errs towards letting a person in.
    """

    def __init__(self, per_minute: float, burst: float, max_keys: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.burst = max(1.0, burst)
        self.max_keys = max(1, max_keys)
        self.clock = clock
        self._buckets: OrderedDict[Hashable, Tuple[float, float]] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def __len__(self) -> int:
        return len(self._buckets)

    def take(self, key: Hashable) -> Optional[float]:
        """Take a token: None if allowed, else the seconds until one is free."""
        if not self.enabled:
            return None
        now = self.clock()
        tokens, last = self._buckets.pop(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1:
            self._buckets[key] = (tokens - 1, now)
            wait = None
        else:
            self._buckets[key] = (tokens, now)
            wait = (1 - tokens) / self.rate
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return wait


class RateLimits:
    """Per-sender, then per-IP. A request refused for its sender does not spend its IP's tokens,
    so one person hammering the channel does not lock out colleagues behind the same office IP."""

    def __init__(self, settings: LimitSettings, clock: Callable[[], float] = time.monotonic) -> None:
        self.sender = TokenBucketLimiter(settings.sender_per_minute, settings.sender_burst, settings.max_keys, clock)
        self.ip = TokenBucketLimiter(settings.ip_per_minute, settings.ip_burst, settings.max_keys, clock)

    def check(self, sender: str, ip: Optional[str]) -> Optional[Rejection]:
        wait = self.sender.take(sender)
        if wait is None and ip:
            wait = self.ip.take(ip)
        if wait is None:
            return None
        seconds = max(1, math.ceil(wait))
        return _reject(429, "rate_limited", f"You're sending messages faster than I can answer. Please wait "
                                             f"{seconds} second{'s' if seconds != 1 else ''} and send your message "
                                             "again.", retry_after=seconds)


class InFlight:
    """At most ``limit`` messages per sender being answered at once (0: no limit).

    Rasa answers one sender's messages one after another, so a sender who fires messages in
    parallel only builds a queue that ties up the server; the token bucket alone would let that
    queue grow for as long as answers are slower than the refill. Only busy senders are stored.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._busy: Dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._busy)

    def acquire(self, sender: str) -> Optional[Rejection]:
        count = self._busy.get(sender, 0)
        if self.limit and count >= self.limit:
            return _reject(429, "busy", "I'm still answering your previous message. Please wait for my answer "
                                        "before sending the next one.", retry_after=2)
        self._busy[sender] = count + 1
        return None

    def release(self, sender: str) -> None:
        count = self._busy.get(sender, 0) - 1
        if count > 0:
            self._busy[sender] = count
        else:
            self._busy.pop(sender, None)


# ---------------------------------------------------------------- request bodies


@dataclass(frozen=True)
class ParsedMessage:
    """A validated message body: who sent it, the text, and the optional retry key and metadata."""

    sender: str
    text: str
    message_id: Optional[str] = None
    input_channel: Optional[str] = None
    metadata: Optional[Dict[str, Any]] = None


def check_size(size: Optional[int], settings: LimitSettings) -> Optional[Rejection]:
    if size is not None and size > settings.max_body_bytes:
        return _reject(413, "too_large", f"That message is too large ({size:,} bytes; the limit is "
                                         f"{settings.max_body_bytes:,}). Please send a shorter message.")
    return None


def _bad(text: str) -> Rejection:
    return _reject(400, "bad_request", text)


def _short_id(value: Any, name: str, limit: int) -> Tuple[Optional[str], Optional[Rejection]]:
    """Senders and message ids: text (or a whole number), non-blank, printable, bounded."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None, _bad(f"'{name}' must be text.")
    value = str(value)
    if not value.strip():
        return None, _bad(f"'{name}' must not be empty.")
    if len(value) > limit:
        return None, _bad(f"'{name}' is too long (at most {limit} characters).")
    if any(unicodedata.category(c) in ("Cc", "Cs", "Cf") for c in value):
        return None, _bad(f"'{name}' contains characters that are not allowed.")
    return value, None


def clean_text(text: str) -> str:
    """Control characters (NUL, backspace, escapes) become spaces: databases and logs choke on them."""
    return _CONTROL.sub(" ", text)


def parse_message_body(raw: bytes, settings: LimitSettings) -> Tuple[Optional[ParsedMessage], Optional[Rejection]]:
    """The REST body ``{"sender", "message", "message_id"?, "metadata"?, "input_channel"?}``.

    A missing sender is refused rather than defaulted: Rasa's default sender is one shared id, so
    defaulting would put strangers into the same conversation.
    """
    rejected = check_size(len(raw), settings)
    if rejected:
        return None, rejected
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, _bad(f"The request body is not valid UTF-8 text (byte {exc.start}). Send JSON such as "
                          '{"sender": "your-id", "message": "hello"}.')
    if not decoded.strip():
        return None, _bad('The request body is empty. Send JSON such as {"sender": "your-id", "message": "hello"}.')
    try:
        data = json.loads(decoded)
    except (ValueError, RecursionError):
        return None, _bad('The request body is not valid JSON. Send JSON such as '
                          '{"sender": "your-id", "message": "hello"}.')
    if not isinstance(data, dict):
        return None, _bad('The request body must be a JSON object such as {"sender": "your-id", "message": "hello"}.')
    if data.get("sender") is None:
        return None, _bad("'sender' is missing: each conversation needs its own sender id.")
    sender, rejected = _short_id(data["sender"], "sender", MAX_SENDER_CHARS)
    if rejected:
        return None, rejected
    text = data.get("message")
    if text is None:
        return None, _bad("'message' is missing: send the text you want to say.")
    if not isinstance(text, str):
        return None, _bad("'message' must be text.")
    if _SURROGATE.search(text):
        return None, _bad("'message' contains characters that are not valid text.")
    if len(text) > settings.max_text_chars:
        return None, _reject(413, "too_large", f"That message is too long ({len(text):,} characters; the limit is "
                                               f"{settings.max_text_chars:,}). Please send a shorter summary.")
    message_id = None
    if data.get("message_id") is not None:
        message_id, rejected = _short_id(data["message_id"], "message_id", MAX_MESSAGE_ID_CHARS)
        if rejected:
            return None, rejected
    channel = data.get("input_channel")
    if channel is not None:
        channel, rejected = _short_id(channel, "input_channel", MAX_CHANNEL_CHARS)
        if rejected:
            return None, rejected
    metadata = data.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        return None, _bad("'metadata' must be a JSON object.")
    return ParsedMessage(sender=sender or "", text=clean_text(text), message_id=message_id, input_channel=channel,
                         metadata=metadata), None


def is_blank(text: str) -> bool:
    """Nothing a person could mean: empty, whitespace, or invisible characters only."""
    return not "".join(c for c in text if unicodedata.category(c) not in ("Zs", "Cc", "Cf", "Zl", "Zp")).strip()


BLANK_REPLY = ("I didn't receive any words in that message. Please type your answer to my last question, or say "
               f"'help'. {DANGER}")


# ---------------------------------------------------------------- de-duplication


@dataclass
class _Entry:
    expires: float
    task: asyncio.Future = field(repr=False)


class Deduplicator(Generic[T]):
    """The same (sender, message_id) within a TTL runs once; a retry gets the first answer replayed.

    Replaying beats an empty 200: a channel retries because it never saw the first answer (a
    timeout, a dropped connection), so an empty reply would leave the person with silence. The
    key includes the sender, so a replay can only ever return that sender's own answer. The work
    runs as its own task, so a first caller that hangs up does not cancel it half-way, and a
    retry that arrives meanwhile waits for it instead of running it twice. If the work fails,
    the entry is dropped so that a later retry runs again.
    """

    def __init__(self, ttl_seconds: float, max_entries: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl_seconds
        self.max_entries = max(1, max_entries)
        self.clock = clock
        self._entries: OrderedDict[Tuple[str, str], _Entry] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def _expire(self, now: float) -> None:
        for key in [k for k, e in self._entries.items() if e.expires <= now]:
            del self._entries[key]
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def _forget_failure(self, key: Tuple[str, str], task: asyncio.Future) -> None:
        if task.cancelled() or task.exception() is not None:
            entry = self._entries.get(key)
            if entry is not None and entry.task is task:
                del self._entries[key]

    async def run(self, sender: str, message_id: Optional[str], work: Callable[[], Awaitable[T]]) -> Tuple[T, bool]:
        """(result, replayed). Without a message_id, or with a TTL of 0, the work always runs."""
        if not message_id or self.ttl <= 0:
            return await work(), False
        now = self.clock()
        self._expire(now)
        key = (sender, message_id)
        entry = self._entries.get(key)
        if entry is not None:
            return await asyncio.shield(entry.task), True
        task = asyncio.ensure_future(work())
        self._entries[key] = _Entry(expires=now + self.ttl, task=task)
        task.add_done_callback(lambda done: self._forget_failure(key, done))
        return await asyncio.shield(task), False
