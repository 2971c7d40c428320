"""What the REST and Slack channels remember between requests: in memory, or in Redis for a cluster.

One process (``make run``): the in-memory pieces of ``channels/limits.py`` and the Slack
``RecentKeys``, exactly as before. With ``REDIS_URL`` set (``make cluster``): the same rules kept in
Redis (``bot/storage/shared_state.py``), so a retry or the next message may land on any instance.
Both sides have the same async interface; a Redis failure raises ``RedisUnavailable`` and the
channel answers 503 with 999 and the front doors. There is no fallback to memory.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import time
from typing import Any, Awaitable, Callable, Iterable, List, Optional, Protocol, Tuple

from bot.storage.redis_lock import RedisUnavailable
from bot.storage.shared_state import RedisState, redis_url
from channels.limits import DANGER, Deduplicator, InFlight, LimitSettings, RateLimits, Rejection

__all__ = ["ChannelState", "MemoryState", "RedisChannelState", "RedisUnavailable", "channel_state",
           "recent_keys"]

REPLAY_WAIT_SECONDS = 60.0  # how long a retry waits for the first try's answer on another instance
REPLAY_POLL_SECONDS = 0.05


def rate_limited(wait: float) -> Rejection:
    seconds = max(1, math.ceil(wait))
    return Rejection(429, "rate_limited", "You're sending messages faster than I can answer. Please wait "
                     f"{seconds} second{'s' if seconds != 1 else ''} and send your message again. {DANGER}",
                     retry_after=seconds)


BUSY = Rejection(429, "busy", "I'm still answering your previous message. Please wait for my answer before "
                 f"sending the next one. {DANGER}", retry_after=2)


def _digest(value: str) -> str:
    """Keys in Redis carry a hash, not the sender id or message id itself."""
    return hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()[:32]


class ChannelState(Protocol):
    async def check_rate(self, sender: str, ip: Optional[str]) -> Optional[Rejection]: ...

    async def enter(self, sender: str) -> Optional[Rejection]: ...

    async def leave(self, sender: str) -> None: ...

    async def run_once(self, sender: str, message_id: Optional[str],
                       work: Callable[[], Awaitable[List[Any]]]) -> Tuple[List[Any], bool]: ...


class MemoryState:
    """One process: the in-memory limits, in-flight cap and replay of ``channels/limits.py``."""

    def __init__(self, settings: LimitSettings) -> None:
        self.limits = RateLimits(settings)
        self.in_flight = InFlight(settings.sender_in_flight)
        self.dedup: Deduplicator[List[Any]] = Deduplicator(settings.dedup_ttl_seconds, settings.dedup_max_entries)

    async def check_rate(self, sender: str, ip: Optional[str]) -> Optional[Rejection]:
        return self.limits.check(sender, ip)

    async def enter(self, sender: str) -> Optional[Rejection]:
        return self.in_flight.acquire(sender)

    async def leave(self, sender: str) -> None:
        self.in_flight.release(sender)

    async def run_once(self, sender: str, message_id: Optional[str],
                       work: Callable[[], Awaitable[List[Any]]]) -> Tuple[List[Any], bool]:
        return await self.dedup.run(sender, message_id, work)


class RedisChannelState:
    """The same rules, kept in Redis and shared by every instance."""

    def __init__(self, settings: LimitSettings, state: RedisState) -> None:
        self.settings = settings
        self.state = state

    async def check_rate(self, sender: str, ip: Optional[str]) -> Optional[Rejection]:
        s = self.settings
        wait = await self.state.take(f"rate:sender:{_digest(sender)}", s.sender_per_minute, s.sender_burst)
        if wait is None and ip:
            wait = await self.state.take(f"rate:ip:{_digest(ip)}", s.ip_per_minute, s.ip_burst)
        return None if wait is None else rate_limited(wait)

    async def enter(self, sender: str) -> Optional[Rejection]:
        if not self.settings.sender_in_flight:
            return None
        entered = await self.state.enter(f"busy:{_digest(sender)}", self.settings.sender_in_flight)
        return None if entered else BUSY

    async def leave(self, sender: str) -> None:
        if self.settings.sender_in_flight:
            await self.state.leave(f"busy:{_digest(sender)}")

    async def run_once(self, sender: str, message_id: Optional[str],
                       work: Callable[[], Awaitable[List[Any]]]) -> Tuple[List[Any], bool]:
        """The first try runs and stores its answer; a retry (any instance) waits for it and replays it.

        If the first try fails its claim is dropped so a retry runs again; if its instance dies,
        the claim lapses after ``REPLAY_WAIT_SECONDS`` and a retry runs again.
        """
        ttl = self.settings.dedup_ttl_seconds
        if not message_id or ttl <= 0:
            return await work(), False
        key = f"replay:{_digest(sender + chr(0) + message_id)}"
        if await self.state.replay_begin(key, REPLAY_WAIT_SECONDS):
            try:
                messages = await work()
            except BaseException:
                await self.state.replay_drop(key)
                raise
            await self.state.replay_put(key, messages, ttl)
            return messages, False
        deadline = time.monotonic() + REPLAY_WAIT_SECONDS
        while time.monotonic() < deadline:
            stored = await self.state.replay_get(key)
            if stored is not None:
                return stored, True
            if not await self.state.replay_exists(key):  # the first try failed or lapsed: run it ourselves
                return await self.run_once(sender, message_id, work)
            await asyncio.sleep(REPLAY_POLL_SECONDS)
        raise RedisUnavailable("the first try of this message_id never finished")


def channel_state(settings: LimitSettings) -> ChannelState:
    """Redis-backed when REDIS_URL is set, in memory otherwise."""
    url = redis_url()
    return RedisChannelState(settings, RedisState(url)) if url else MemoryState(settings)


class RedisRecentKeys:
    """Slack's de-duplication keys, claimed in Redis: the first instance to see an event answers it."""

    def __init__(self, state: RedisState, ttl_seconds: float = 3600) -> None:
        self.state = state
        self.ttl = ttl_seconds

    async def seen(self, keys: Iterable[str]) -> bool:
        return await self.state.seen_any([f"slack:{_digest(k)}" for k in keys if k], self.ttl)


class MemoryRecentKeys:
    """The one-process ``RecentKeys`` behind the same async interface."""

    def __init__(self, recent: Any) -> None:
        self.recent = recent

    async def seen(self, keys: Iterable[str]) -> bool:
        return bool(self.recent.seen(keys))


def recent_keys(memory: Any) -> Any:
    """Slack's de-duplication: Redis when REDIS_URL is set, else ``memory`` (a ``RecentKeys``)."""
    url = redis_url()
    return RedisRecentKeys(RedisState(url)) if url else MemoryRecentKeys(memory)
