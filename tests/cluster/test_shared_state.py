"""Channel state in Redis: two 'instances' (two state objects) share limits, replay and Slack de-duplication,
and a stopped Redis is an error, never a silent switch to memory."""

from __future__ import annotations

import asyncio
import os
from unittest import mock

import pytest

from bot.storage.shared_state import RedisState
from channels.limits import LimitSettings
from channels.shared import MemoryState, RedisChannelState, RedisRecentKeys, RedisUnavailable, channel_state


def two(url: str, **settings: float) -> list:
    limits = LimitSettings(**settings)
    return [RedisChannelState(limits, RedisState(url)) for _ in range(2)]


def test_the_factory_follows_redis_url(redis_server):
    with mock.patch.dict(os.environ, {"REDIS_URL": ""}):
        assert isinstance(channel_state(LimitSettings()), MemoryState)
    with mock.patch.dict(os.environ, {"REDIS_URL": redis_server.url}):
        assert isinstance(channel_state(LimitSettings()), RedisChannelState)


def test_a_senders_rate_limit_is_shared_by_both_instances(redis_server):
    a, b = two(redis_server.url, sender_per_minute=6, sender_burst=4, ip_per_minute=0)

    async def main() -> list:
        return [await (a if n % 2 else b).check_rate("rate-sender", "10.0.0.1") for n in range(6)]

    results = asyncio.run(main())
    assert results[:4] == [None] * 4
    assert all(r is not None and r.status == 429 and "999" in r.message for r in results[4:])


def test_the_ip_limit_is_shared_too(redis_server):
    a, b = two(redis_server.url, sender_per_minute=0, ip_per_minute=60, ip_burst=2)

    async def main() -> list:
        return [await s.check_rate(f"s{n}", "10.9.9.9") for n, s in enumerate([a, b, a])]

    assert [r is None for r in asyncio.run(main())] == [True, True, False]


def test_a_message_id_sent_to_both_instances_runs_once_and_replays(redis_server):
    a, b = two(redis_server.url)
    runs: list = []

    async def work() -> list:
        runs.append(1)
        await asyncio.sleep(0.2)
        return [{"text": "the answer"}]

    async def main() -> list:
        return list(await asyncio.gather(a.run_once("s", "m-1", work), b.run_once("s", "m-1", work)))

    results = asyncio.run(main())
    assert len(runs) == 1
    assert sorted(replayed for _, replayed in results) == [False, True]
    assert all(messages == [{"text": "the answer"}] for messages, _ in results)


def test_a_failed_first_try_lets_the_retry_run(redis_server):
    a, b = two(redis_server.url)

    async def fail() -> list:
        raise RuntimeError("database down")

    async def work() -> list:
        return [{"text": "ok"}]

    async def main() -> tuple:
        with pytest.raises(RuntimeError):
            await a.run_once("s", "m-2", fail)
        return await b.run_once("s", "m-2", work)

    assert asyncio.run(main()) == ([{"text": "ok"}], False)


def test_in_flight_cap_counts_across_instances(redis_server):
    a, b = two(redis_server.url, sender_in_flight=2)

    async def main() -> list:
        got = [await a.enter("busy"), await b.enter("busy"), await a.enter("busy")]
        await b.leave("busy")
        got.append(await a.enter("busy"))
        return got

    got = asyncio.run(main())
    assert got[0] is None and got[1] is None and got[2].status == 429 and got[3] is None


def test_slack_event_seen_by_one_instance_is_a_duplicate_for_the_other(redis_server):
    a, b = (RedisRecentKeys(RedisState(redis_server.url)) for _ in range(2))

    async def main() -> list:
        return [await a.seen(["event:Ev1", "message:C1:1.0"]), await b.seen(["event:Ev1", "message:C1:1.0"]),
                await b.seen(["event:Ev2", "message:C1:1.0"])]  # an app_mention and a message for one post

    assert asyncio.run(main()) == [False, True, True]


def test_one_slack_delivery_racing_on_two_instances_is_answered_by_exactly_one(redis_server):
    """Both instances get the same event at once. Claimed key by key, each could win one key and both
    stand down (the cluster e2e saw no answer at all); recorded in one step, exactly one answers."""
    a, b = (RedisRecentKeys(RedisState(redis_server.url)) for _ in range(2))

    async def race(n: int) -> list:
        keys = [f"event:Race{n}", f"message:C9:{n}.0"]
        return list(await asyncio.gather(a.seen(keys), b.seen(keys)))

    async def main() -> list:
        return [await race(n) for n in range(60)]

    assert all(sorted(pair) == [False, True] for pair in asyncio.run(main()))


def test_redis_down_raises_instead_of_counting_in_memory(tmp_path):
    from bot.runtime.cluster import RedisServer

    server = RedisServer(log_dir=tmp_path)
    server.start()
    state = RedisChannelState(LimitSettings(), RedisState(server.url))
    assert asyncio.run(state.check_rate("s", "1.2.3.4")) is None
    server.stop()

    async def after_stop() -> None:
        await state.check_rate("s", "1.2.3.4")

    with pytest.raises(RedisUnavailable):
        asyncio.run(after_stop())
    with pytest.raises(RedisUnavailable):
        asyncio.run(RedisRecentKeys(RedisState(server.url)).seen(["event:x"]))
