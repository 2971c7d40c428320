"""Channel state that several Rasa instances must share, kept in Redis (``REDIS_URL``).

Behind a load balancer a retry, a Slack redelivery or the next message of a flood can land on
any instance, so what the channels remember between requests lives here, not in one process:

- ``claim``: a key seen once within a TTL;
- ``seen_any``: a Slack delivery's keys (``event_id``, channel and ts) recorded in one step;
- ``take``: a token bucket per sender or IP, updated in one Lua script on Redis's clock;
- ``enter`` / ``leave``: messages being answered per sender (the in-flight cap);
- ``replay_*``: a REST ``message_id``'s answer, so a retry to another instance gets the first answer.

Every Redis failure is raised as ``RedisUnavailable``; callers answer 503 with 999 and the front
doors. Nothing here falls back to memory: two instances each counting on their own would quietly
double every limit and answer retries twice.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, Dict, List, Optional

from bot import settings
from bot.storage.redis_lock import SOCKET_TIMEOUT, RedisUnavailable

PREFIX = "sg:"

# KEYS[1] bucket; ARGV rate per second, burst. Returns -1 when a token was taken, else ms to wait.
TAKE = """
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local state = redis.call('hmget', KEYS[1], 'tokens', 'at')
local tokens, at = tonumber(state[1]), tonumber(state[2])
if tokens == nil then tokens, at = burst, now end
tokens = math.min(burst, tokens + (now - at) * rate / 1000)
local wait = -1
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) * 1000 / rate) end
redis.call('hset', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('pexpire', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return wait
"""

# KEYS[1] counter; ARGV limit, ttl seconds. 1 if entered, 0 if at the limit.
ENTER = """
local n = tonumber(redis.call('get', KEYS[1]) or '0')
if tonumber(ARGV[1]) > 0 and n >= tonumber(ARGV[1]) then return 0 end
redis.call('incr', KEYS[1])
redis.call('expire', KEYS[1], ARGV[2])
return 1
"""

# KEYS the keys of one delivery; ARGV ttl ms. 1 if any key was already there, else 0; records all of them.
# One script, so two instances racing on the same delivery cannot each claim one key and both stand down.
SEEN_ANY = """
local seen = 0
for _, key in ipairs(KEYS) do
  if redis.call('exists', key) == 1 then seen = 1 end
end
for _, key in ipairs(KEYS) do redis.call('set', key, '1', 'px', ARGV[1]) end
return seen
"""

LEAVE = "local n = redis.call('decr', KEYS[1]) if n <= 0 then redis.call('del', KEYS[1]) end return n"
PENDING = "pending"


def redis_url() -> Optional[str]:
    """REDIS_URL, or None for the one-process default (state in memory)."""
    return settings.redis_url()


class RedisState:
    """The shared primitives over one Redis database; an asyncio client per event loop."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._clients: Dict[int, Any] = {}

    def client(self) -> Any:
        import redis.asyncio

        loop_id = id(asyncio.get_running_loop())
        if loop_id not in self._clients:
            self._clients[loop_id] = redis.asyncio.Redis.from_url(
                self.url, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=SOCKET_TIMEOUT,
                decode_responses=True)
        return self._clients[loop_id]

    async def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return await getattr(self.client(), method)(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - connection, timeout, script: all mean "no shared state"
            raise RedisUnavailable(f"Redis unavailable ({type(error).__name__})") from error

    async def claim(self, key: str, ttl_seconds: float) -> bool:
        """True the first time ``key`` is claimed within the TTL, False for every repeat."""
        return bool(await self._call("set", PREFIX + key, "1", nx=True, px=max(1, int(ttl_seconds * 1000))))

    async def seen_any(self, keys: List[str], ttl_seconds: float) -> bool:
        """True if any of ``keys`` was recorded within the TTL; records all of them, atomically."""
        if not keys:
            return False
        ttl = max(1, int(ttl_seconds * 1000))
        return bool(await self._call("eval", SEEN_ANY, len(keys), *[PREFIX + k for k in keys], ttl))

    async def take(self, key: str, per_minute: float, burst: float) -> Optional[float]:
        """A token from ``key``'s bucket: None if allowed, else the seconds until one is free."""
        if per_minute <= 0:
            return None
        wait = int(await self._call("eval", TAKE, 1, PREFIX + key, per_minute / 60.0, max(1.0, burst)))
        return None if wait < 0 else wait / 1000.0

    async def enter(self, key: str, limit: int, ttl_seconds: int = 120) -> bool:
        return bool(await self._call("eval", ENTER, 1, PREFIX + key, limit, ttl_seconds))

    async def leave(self, key: str) -> None:
        await self._call("eval", LEAVE, 1, PREFIX + key)

    async def replay_begin(self, key: str, pending_seconds: float) -> bool:
        """Claim the right to answer ``key`` (a sender's message_id); False if someone has it."""
        return bool(await self._call("set", PREFIX + key, PENDING, nx=True, px=int(pending_seconds * 1000)))

    async def replay_get(self, key: str) -> Optional[Any]:
        """The stored answer, or None while it is pending or absent."""
        raw = await self._call("get", PREFIX + key)
        return None if raw in (None, PENDING) else json.loads(raw)

    async def replay_exists(self, key: str) -> bool:
        return bool(await self._call("exists", PREFIX + key))

    async def replay_put(self, key: str, value: Any, ttl_seconds: float) -> None:
        await self._call("set", PREFIX + key, json.dumps(value), px=max(1, int(ttl_seconds * 1000)))

    async def replay_drop(self, key: str) -> None:
        await self._call("delete", PREFIX + key)
