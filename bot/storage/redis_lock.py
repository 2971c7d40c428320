"""A conversation lock that holds across Rasa instances: Redis ``SET NX PX`` and a checked release.

Why not Rasa Open Source's ``RedisLockStore``: it keeps a ticket list per conversation and updates
it with GET, change in Python, then SET. Two instances that GET at the same moment both issue
ticket 0, both think they are being served, and both process the conversation at once: one turn's
events overwrite the other's and an answer is lost (8 of 8 tries in issue 15). The atomic fix is in
Rasa Pro only. Here a lock is one Redis key set only if absent (``SET key token NX PX ttl``), so at
most one instance holds it; it is renewed while held (a compare-and-``PEXPIRE`` script), so a slow
turn keeps it, and a crashed instance's lock lapses within ``LOCK_TTL_SECONDS``; and it is released
by a compare-and-delete script, so an instance whose lock lapsed can never delete another's.

Within one instance a per-conversation ``asyncio.Lock`` (first come, first served) queues that
instance's messages in order before they contend for the Redis key.

``LockStoreFromEnv`` is what ``endpoints.yml`` names: with ``REDIS_URL`` set it is this store
(Redis checked at start-up, refusing to start if unreachable); without it, Rasa's in-memory store,
so one-process ``make run`` needs no Redis.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from typing import Any, AsyncGenerator, Dict, Optional, Tuple

from rasa.core.lock import TicketLock
from rasa.core.lock_store import (
    DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX,
    LOCK_LIFETIME,
    InMemoryLockStore,
    LockError,
    LockStore,
    RedisLockStore,
)
from rasa.shared.exceptions import RasaException

from bot import settings

logger = logging.getLogger(__name__)

LOCK_TTL_ENV = "LOCK_TTL_SECONDS"
DEFAULT_LOCK_TTL = 10.0
SOCKET_TIMEOUT = 5.0

RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"
RENEW = ("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) "
         "else return 0 end")


class RedisUnavailable(RasaException):
    """Redis cannot be reached: the cluster's shared state is gone, so refuse rather than guess."""


def lock_ttl() -> float:
    """LOCK_TTL_SECONDS (default 10): how long a crashed instance's lock outlives it."""
    try:
        value = float(settings.env(LOCK_TTL_ENV) or DEFAULT_LOCK_TTL)
    except ValueError:
        return DEFAULT_LOCK_TTL
    return value if 1 <= value <= 600 else DEFAULT_LOCK_TTL


class AtomicRedisLockStore(RedisLockStore):
    """Rasa's lock store interface, with an atomic mutex per conversation in Redis."""

    def __init__(self, url: str, ttl_seconds: Optional[float] = None, key_prefix: str = "") -> None:
        import redis

        self.url = url
        self.red = redis.Redis.from_url(url, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=SOCKET_TIMEOUT)
        self.key_prefix = (key_prefix + ":" if key_prefix else "") + DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX
        self.ttl_ms = int((ttl_seconds or lock_ttl()) * 1000)
        self._clients: Dict[int, Any] = {}
        self._local: Dict[str, Tuple[asyncio.Lock, int]] = {}
        LockStore.__init__(self)

    def check(self) -> None:
        """Ping once at start-up, so a wrong REDIS_URL fails before the first person is served."""
        try:
            self.red.ping()
        except Exception as error:  # noqa: BLE001 - any failure to reach Redis stops start-up
            raise RedisUnavailable(f"cannot reach Redis for the lock store at {self.url!r}: {error}") from error

    def client(self) -> Any:
        """One asyncio client per event loop (a client's connections belong to the loop that made them)."""
        import redis.asyncio

        loop_id = id(asyncio.get_running_loop())
        if loop_id not in self._clients:
            self._clients[loop_id] = redis.asyncio.Redis.from_url(
                self.url, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=SOCKET_TIMEOUT)
        return self._clients[loop_id]

    @contextlib.asynccontextmanager
    async def _local_turn(self, conversation_id: str) -> AsyncGenerator[None, None]:
        """This instance's messages for one conversation, one at a time and in arrival order."""
        lock, users = self._local.get(conversation_id, (asyncio.Lock(), 0))
        self._local[conversation_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._local[conversation_id]
            if users <= 1:
                del self._local[conversation_id]
            else:
                self._local[conversation_id] = (lock, users - 1)

    async def acquire(self, key: str, token: str, wait_seconds: float) -> None:
        """Poll ``SET NX PX`` until it succeeds; LockError after ``wait_seconds``."""
        red = self.client()
        deadline = time.monotonic() + wait_seconds
        pause = 0.005
        while True:
            if await red.set(key, token, nx=True, px=self.ttl_ms):
                return
            if time.monotonic() >= deadline:
                raise LockError(f"Could not acquire the lock for a conversation within {wait_seconds:g}s.")
            await asyncio.sleep(pause)
            pause = min(0.05, pause * 2)

    async def _keep(self, key: str, token: str) -> None:
        """Renew the lock every third of its TTL while the turn runs."""
        red = self.client()
        while True:
            await asyncio.sleep(self.ttl_ms / 3000)
            try:
                if not await red.eval(RENEW, 1, key, token, self.ttl_ms):
                    logger.error("A conversation lock lapsed before its turn finished (lock TTL too short?)")
                    return
            except Exception as error:  # noqa: BLE001 - the turn itself will fail on Redis too; log only
                logger.error("Could not renew a conversation lock: %s", type(error).__name__)

    async def release(self, key: str, token: str) -> bool:
        """Delete the key only if it still holds our token (compare-and-delete, one script)."""
        return bool(await self.client().eval(RELEASE, 1, key, token))

    @contextlib.asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncGenerator[TicketLock, None]:
        """Hold the conversation's lock for the duration; waits up to ``lock_lifetime`` seconds for it."""
        key = self.key_prefix + conversation_id
        token = secrets.token_hex(16)
        async with self._local_turn(conversation_id):
            await self.acquire(key, token, lock_lifetime)
            keeper = asyncio.ensure_future(self._keep(key, token))
            try:
                yield TicketLock(conversation_id)
            finally:
                keeper.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await keeper
                try:
                    if not await self.release(key, token):
                        logger.warning("A conversation lock had already lapsed when its turn finished")
                except Exception as error:  # noqa: BLE001 - it lapses by its TTL anyway
                    logger.error("Could not release a conversation lock (%s); it lapses in %ss",
                                 type(error).__name__, self.ttl_ms / 1000)


class LockStoreFromEnv(LockStore):
    """``lock_store: type: bot.storage.redis_lock.LockStoreFromEnv``: Redis if REDIS_URL is set, else memory."""

    def __new__(cls, endpoint_config: Any = None, **kwargs: Any) -> LockStore:  # type: ignore[misc]
        url = settings.redis_url()
        if not url:
            return InMemoryLockStore()
        store = AtomicRedisLockStore(url)
        store.check()
        logger.info("Conversation locks in Redis (atomic SET NX PX, TTL %ss)", store.ttl_ms / 1000)
        return store
