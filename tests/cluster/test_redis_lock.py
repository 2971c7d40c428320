"""The atomic Redis lock store: one holder at a time across stores (instances), checked release, lapse."""

from __future__ import annotations

import asyncio
import os
from unittest import mock

import pytest
from rasa.core.lock_store import InMemoryLockStore, LockError

from bot.storage.redis_lock import AtomicRedisLockStore, LockStoreFromEnv, RedisUnavailable


def test_two_stores_never_hold_one_conversation_at_once(redis_server):
    """Two 'instances' (two stores, two clients) hammer one conversation; the critical sections never overlap."""
    stores = [AtomicRedisLockStore(redis_server.url, ttl_seconds=5) for _ in range(2)]
    holders: list = []
    overlaps: list = []

    async def turn(store: AtomicRedisLockStore, n: int) -> None:
        async with store.lock("conv-1", lock_lifetime=30):
            holders.append(n)
            if len(holders) > 1:
                overlaps.append(list(holders))
            await asyncio.sleep(0.003)
            holders.remove(n)

    async def main() -> None:
        await asyncio.gather(*(turn(stores[n % 2], n) for n in range(40)))

    asyncio.run(main())
    assert overlaps == []


def test_rasa_ticket_store_races_where_ours_does_not(redis_server):
    """Why the subclass exists: Rasa's GET-then-SET tickets let two instances in together."""
    from rasa.core.lock_store import RedisLockStore

    plain = [RedisLockStore(host="127.0.0.1", port=redis_server.port, db=0, key_prefix="plain") for _ in range(2)]
    # Both instances read the (absent) lock before either saves: both get ticket 0 and are served.
    locks = [store.get_or_create_lock("conv-race") for store in plain]
    tickets = [lock.issue_ticket(30) for lock in locks]
    for store, lock in zip(plain, locks, strict=True):
        store.save_lock(lock)
    assert tickets == [0, 0]


def test_release_only_deletes_our_own_token(redis_server):
    store = AtomicRedisLockStore(redis_server.url, ttl_seconds=5)

    async def main() -> None:
        await store.acquire("lock:x", "mine", 1)
        assert not await store.release("lock:x", "someone-else")
        assert await store.release("lock:x", "mine")

    asyncio.run(main())


def test_a_crashed_holders_lock_lapses_and_a_held_one_is_renewed(redis_server):
    store = AtomicRedisLockStore(redis_server.url, ttl_seconds=1)

    async def main() -> None:
        await store.acquire(store.key_prefix + "dead", "crashed-instance", 1)  # never released
        async with store.lock("dead", lock_lifetime=5):  # waits about a second, then gets it
            pass
        async with store.lock("slow", lock_lifetime=5):
            await asyncio.sleep(2.5)  # longer than the TTL: renewal keeps it
            with pytest.raises(LockError):
                await AtomicRedisLockStore(redis_server.url, ttl_seconds=1).acquire(store.key_prefix + "slow", "b", 0.3)

    asyncio.run(main())


def test_factory_picks_memory_without_redis_url_and_refuses_an_unreachable_redis(redis_server):
    with mock.patch.dict(os.environ, {"REDIS_URL": ""}):
        assert isinstance(LockStoreFromEnv(endpoint_config=None), InMemoryLockStore)
    with mock.patch.dict(os.environ, {"REDIS_URL": redis_server.url}):
        assert isinstance(LockStoreFromEnv(endpoint_config=None), AtomicRedisLockStore)
    with mock.patch.dict(os.environ, {"REDIS_URL": "redis://127.0.0.1:1/0"}), pytest.raises(RedisUnavailable):
        LockStoreFromEnv(endpoint_config=None)


def test_endpoints_yml_builds_it_through_rasa(redis_server):
    from rasa.core.lock_store import LockStore
    from rasa.core.utils import read_endpoints_from_path

    with mock.patch.dict(os.environ, {"REDIS_URL": redis_server.url, "ACTION_ENDPOINT_URL": "http://x/webhook",
                                      "ACTION_SERVER_TOKEN": "t" * 20, "TRACKER_DB_URL": "sqlite://"}):
        endpoints = read_endpoints_from_path("endpoints.yml")
        assert isinstance(LockStore.create(endpoints.lock_store), AtomicRedisLockStore)
        assert endpoints.action.token == "t" * 20
