"""The reusable abuse limits: rate limits, in-flight cap, body parsing and de-duplication, without a server."""

from __future__ import annotations

import asyncio
import json

import pytest

from channels.limits import (
    DANGER,
    Deduplicator,
    InFlight,
    LimitsConfigError,
    LimitSettings,
    RateLimits,
    TokenBucketLimiter,
    is_blank,
    parse_message_body,
)

SETTINGS = LimitSettings()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def body(**fields: object) -> bytes:
    return json.dumps(fields).encode()


def test_token_bucket_allows_the_burst_then_refuses_then_refills():
    clock = Clock()
    bucket = TokenBucketLimiter(per_minute=60, burst=3, clock=clock)
    assert [bucket.take("a") for _ in range(3)] == [None, None, None]
    wait = bucket.take("a")
    assert wait is not None and 0 < wait <= 1
    clock.now += 1.0
    assert bucket.take("a") is None


def test_token_bucket_memory_is_bounded():
    bucket = TokenBucketLimiter(per_minute=60, burst=1, max_keys=100, clock=Clock())
    for n in range(5000):
        bucket.take(f"sender-{n}")
    assert len(bucket) == 100


def test_zero_rate_switches_the_limit_off():
    bucket = TokenBucketLimiter(per_minute=0, burst=1, clock=Clock())
    assert all(bucket.take("a") is None for _ in range(100))


def test_one_noisy_sender_does_not_lock_out_colleagues_on_the_same_ip():
    limits = RateLimits(LimitSettings(sender_per_minute=60, sender_burst=5, ip_per_minute=60, ip_burst=20),
                        clock=Clock())
    results = [limits.check("noisy", "10.0.0.1") for _ in range(1000)]
    assert sum(r is None for r in results) == 5
    refused = next(r for r in results if r is not None)
    assert refused.status == 429 and refused.retry_after and refused.retry_after >= 1
    assert "wait" in refused.message and DANGER in refused.message
    assert refused.headers() == {"Retry-After": str(refused.retry_after)}
    assert limits.check("colleague", "10.0.0.1") is None


def test_many_senders_from_one_ip_are_limited_by_ip():
    limits = RateLimits(LimitSettings(sender_burst=5, ip_per_minute=60, ip_burst=10), clock=Clock())
    results = [limits.check(f"s{n}", "10.0.0.9") for n in range(50)]
    assert sum(r is None for r in results) == 10
    assert limits.check("s-new", "10.0.0.10") is None


def test_in_flight_cap_per_sender():
    busy = InFlight(2)
    assert busy.acquire("a") is None and busy.acquire("a") is None
    refused = busy.acquire("a")
    assert refused is not None and refused.status == 429 and refused.code == "busy"
    assert busy.acquire("b") is None
    busy.release("a")
    assert busy.acquire("a") is None
    for sender in ("a", "a", "b"):
        busy.release(sender)
    assert len(busy) == 0


def test_settings_from_env_and_bad_values_refused():
    settings = LimitSettings.from_env({"RATE_LIMIT_SENDER_PER_MIN": "5", "MESSAGE_MAX_BYTES": "1000"})
    assert settings.sender_per_minute == 5 and settings.max_body_bytes == 1000
    assert LimitSettings.from_env({}) == LimitSettings()
    with pytest.raises(LimitsConfigError, match="RATE_LIMIT_IP_BURST"):
        LimitSettings.from_env({"RATE_LIMIT_IP_BURST": "lots"})
    with pytest.raises(LimitsConfigError):
        LimitSettings.from_env({"DEDUP_TTL_SECONDS": "-1"})


@pytest.mark.parametrize("raw, fragment", [
    (b"", "empty"),
    (b"   ", "empty"),
    (b"\xff\xfe\x00binary", "UTF-8"),
    (b"{not json", "not valid JSON"),
    (b"[1, 2, 3]", "JSON object"),
    (b'"just a string"', "JSON object"),
    (b"null", "JSON object"),
    (body(message="hello"), "'sender' is missing"),
    (body(sender=None, message="hello"), "'sender' is missing"),
    (body(sender="", message="hello"), "must not be empty"),
    (body(sender="   ", message="hello"), "must not be empty"),
    (body(sender=["a"], message="hello"), "must be text"),
    (body(sender=True, message="hello"), "must be text"),
    (body(sender="x" * 500, message="hello"), "too long"),
    (body(sender="a\x00b", message="hello"), "not allowed"),
    (body(sender="a"), "'message' is missing"),
    (body(sender="a", message=42), "must be text"),
    (body(sender="a", message={"text": "hi"}), "must be text"),
    (b'{"sender": "a", "message": "\\ud800"}', "not valid text"),
    (body(sender="a", message="hi", metadata=[1]), "metadata"),
    (body(sender="a", message="hi", message_id=""), "message_id"),
    (body(sender="a", message="hi", input_channel="x" * 100), "input_channel"),
    (b"[" * 50_000, "not valid JSON"),
], ids=lambda value: repr(value)[:40] if isinstance(value, bytes) else None)
def test_bad_bodies_get_a_clear_400(raw, fragment):
    parsed, rejected = parse_message_body(raw, SETTINGS)
    assert parsed is None and rejected is not None
    assert rejected.status == 400 and rejected.code == "bad_request"
    assert fragment in rejected.message and DANGER in rejected.message


def test_too_large_body_and_too_long_text_get_413():
    _, rejected = parse_message_body(body(sender="a", message="x" * 1_000_000), SETTINGS)
    assert rejected is not None and rejected.status == 413 and "too large" in rejected.message
    _, rejected = parse_message_body(body(sender="a", message="x" * (SETTINGS.max_text_chars + 1)), SETTINGS)
    assert rejected is not None and rejected.status == 413 and "too long" in rejected.message


def test_good_body_is_parsed_and_control_characters_cleaned():
    parsed, rejected = parse_message_body(body(sender=123, message="a\x00b\tc\nd", message_id="m-1",
                                               metadata={"k": 1}), SETTINGS)
    assert rejected is None and parsed is not None
    assert parsed.sender == "123" and parsed.text == "a b\tc\nd" and parsed.message_id == "m-1"
    assert parsed.metadata == {"k": 1}


@pytest.mark.parametrize("text, blank", [
    ("", True), ("   ", True), ("\n\t", True), ("\u200b\u00a0", True),
    ("😀", False), ("no", False), ("<b></b>", False),
])
def test_blank_text(text, blank):
    assert is_blank(text) is blank


def test_same_message_id_runs_once_and_the_retry_gets_the_same_answer():
    calls = []

    async def scenario():
        dedup: Deduplicator[str] = Deduplicator(ttl_seconds=60, max_entries=10)

        async def work() -> str:
            calls.append(1)
            await asyncio.sleep(0.05)
            return f"answer {len(calls)}"

        first, second = await asyncio.gather(dedup.run("alice", "m1", work), dedup.run("alice", "m1", work))
        third = await dedup.run("alice", "m1", work)
        other_sender = await dedup.run("bob", "m1", work)
        no_id = await dedup.run("alice", None, work)
        return first, second, third, other_sender, no_id

    first, second, third, other_sender, no_id = asyncio.run(scenario())
    assert first == ("answer 1", False)
    assert second == ("answer 1", True) and third == ("answer 1", True)
    assert other_sender == ("answer 2", False)  # never another conversation's answer
    assert no_id == ("answer 3", False)


def test_dedup_expires_after_ttl_and_forgets_failures_and_is_bounded():
    clock = Clock()

    async def scenario():
        dedup: Deduplicator[int] = Deduplicator(ttl_seconds=60, max_entries=5, clock=clock)
        counter = iter(range(100))

        async def work() -> int:
            return next(counter)

        async def broken() -> int:
            raise RuntimeError("database down")

        assert await dedup.run("a", "m", work) == (0, False)
        clock.now += 61
        assert await dedup.run("a", "m", work) == (1, False)
        with pytest.raises(RuntimeError):
            await dedup.run("a", "x", broken)
        assert await dedup.run("a", "x", work) == (2, False)  # a failed first try is not replayed
        for n in range(50):
            await dedup.run("a", f"k{n}", work)
        await dedup.run("a", "last", work)
        return len(dedup)

    assert asyncio.run(scenario()) <= 6


def test_dedup_finishes_the_work_even_if_the_first_caller_hangs_up():
    async def scenario():
        dedup: Deduplicator[str] = Deduplicator(ttl_seconds=60, max_entries=10)
        done = []

        async def work() -> str:
            await asyncio.sleep(0.05)
            done.append(1)
            return "answer"

        first = asyncio.ensure_future(dedup.run("a", "m", work))
        await asyncio.sleep(0.01)
        first.cancel()
        retry = await dedup.run("a", "m", work)
        return retry, done

    retry, done = asyncio.run(scenario())
    assert retry == ("answer", True) and done == [1]
