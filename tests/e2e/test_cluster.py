"""Two assistants behind HAProxy on one PostgreSQL database and a private Redis (issue 15), with faults.

One cluster for the module (about a minute to start on 2 cores). Conversations go through the
balancer; the duplicate-delivery tests post straight to each Rasa server so both really get it.
"""

from __future__ import annotations

import json
import os
import secrets
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest
import sqlalchemy as sa

from bot.runtime.cluster import Cluster, create_database, drop_database
from bot.runtime.servers import free_port
from tests.e2e.conftest import MODEL
from tests.e2e.driver import advice_payload, post, run_case
from tests.fakes.loop import BackgroundLoop, wait_until
from tests.fakes.slack import FakeSlackAPI, message_event, post_event

pytestmark = pytest.mark.e2e

CASE = {"area": "Norwich", "age": "4 months", "mobile": False, "worried": "bruise on her cheek", "scale": 3,
        "role": "professional"}
SLACK_SECRET = "fictional-cluster-signing-secret"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train` (make e2e does this first)")
    name = f"safeguarding_cluster_{secrets.token_hex(4)}"
    loop, slack = BackgroundLoop().start(), FakeSlackAPI()
    slack_base = loop.serve_aiohttp(slack.app())
    running = Cluster(model=MODEL, instances=2, port=free_port(), db_url=create_database(name),
                      log_dir=Path(tmp_path_factory.mktemp("cluster")),
                      # every test conversation comes from 127.0.0.1: the per-IP limit is tested in tests/cluster
                      extra_env={"RATE_LIMIT_IP_PER_MIN": "0", "LOCK_TTL_SECONDS": "5",
                                 "SLACK_BOT_TOKEN": "xoxb-fictional-cluster", "SLACK_SIGNING_SECRET": SLACK_SECRET,
                                 "SLACK_API_BASE_URL": f"{slack_base}/api/"})
    running.slack = slack  # type: ignore[attr-defined]
    try:
        running.start()
        yield running
    finally:
        running.stop()
        loop.stop()
        drop_database(name)


def send(url: str, sender: str, message: str, message_id: str = "", timeout: float = 60) -> Tuple[int, Any, Dict]:
    """(status, JSON body, headers) of one REST post; HTTP errors are returned, not raised."""
    body: Dict[str, Any] = {"sender": sender, "message": message}
    if message_id:
        body["message_id"] = message_id
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, json.loads(answer.read().decode()), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read().decode() or "null"), dict(error.headers)


def stored_events(cluster: Cluster, sender: str) -> List[Dict[str, Any]]:
    engine = sa.create_engine(cluster.db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT id, type_name, timestamp, data FROM events "
                                              "WHERE sender_id = :s ORDER BY id"), {"s": sender}).all()
    finally:
        engine.dispose()
    return [{"id": r.id, "type": r.type_name, "timestamp": r.timestamp, "data": r.data} for r in rows]


def check_stored(cluster: Cluster, sender: str, turns: int) -> None:
    """Complete (one user row per turn sent, advice stored), in order, and nothing written twice."""
    events = stored_events(cluster, sender)
    assert sum(e["type"] == "user" for e in events) == turns
    assert [e["timestamp"] for e in events] == sorted(e["timestamp"] for e in events)
    assert len({e["data"] for e in events}) == len(events), "an event was stored twice"
    assert any(e["type"] == "bot" and '"advice"' in e["data"] for e in events), "the advice was not stored"


def test_twenty_concurrent_conversations_are_stored_complete_in_order_once(cluster):
    senders = [f"cl-{uuid.uuid4().hex}" for _ in range(20)]
    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(lambda s: run_case(cluster.webhook, s, CASE), senders))
    for sender, result in zip(senders, results, strict=True):
        assert result["advice"]["level"] == 4 and result["advice"]["s47"]
        check_stored(cluster, sender, len(result["transcript"]))


def test_a_killed_instance_the_next_turn_is_answered_by_the_other(cluster):
    sender = f"kill-{uuid.uuid4().hex}"
    first = post(cluster.webhook, sender, "I'm worried about a child")
    assert first, "no answer before the kill"
    victim = cluster.assistants[0]
    rasa = victim.processes[-1]
    os.killpg(rasa.pid, 9)
    rasa.wait()
    try:
        turns = []
        for reply in ("no", "Norwich", "I'm a teacher"):
            status, body, headers = send(cluster.webhook, sender, reply)
            assert status == 200 and body, f"silence or an error after the kill: {status} {body}"
            turns.append(headers.get("X-Instance") or headers.get("x-instance"))
        assert set(turns) == {"rasa2"}
        assert sum(e["type"] == "user" for e in stored_events(cluster, sender)) == 4
    finally:
        victim.processes.remove(rasa)
        victim.start_rasa()
        cluster.wait_balanced()


def test_the_same_rest_message_id_sent_to_both_instances_is_answered_once(cluster):
    sender, message_id = f"dup-{uuid.uuid4().hex}", uuid.uuid4().hex
    urls = [a.webhook for a in cluster.assistants]
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda u: send(u, sender, "I'm worried about a child", message_id), urls))
    assert [a[0] for a in answers] == [200, 200]
    assert answers[0][1] == answers[1][1] and answers[0][1]
    assert sorted(str(a[2].get("X-Replayed") or a[2].get("x-replayed")) for a in answers) == ["None", "true"]
    assert sum(e["type"] == "user" for e in stored_events(cluster, sender)) == 1


def test_the_same_slack_event_delivered_to_both_instances_gets_one_answer(cluster):
    """Slack retries to whichever instance the balancer picks: both get event Ev1, one answers it."""
    channel, ts = f"D0CL{uuid.uuid4().hex[:8].upper()}", f"{time.time():.6f}"
    event = message_event("hello", event_id=f"Ev{uuid.uuid4().hex}", ts=ts, channel=channel)
    urls = [a.url + "/webhooks/slack/webhook" for a in cluster.assistants]
    with ThreadPoolExecutor(2) as pool:
        statuses = list(pool.map(lambda u: post_event(u, event, SLACK_SECRET)[0], urls))
    assert statuses == [200, 200]
    slack = cluster.slack  # type: ignore[attr-defined]
    assert wait_until(lambda: slack.posts(channel), timeout=60, interval=0.2), "no answer at all"
    time.sleep(3)  # a second answer would arrive by now
    posts = slack.posts(channel)
    greeting = [p for p in posts if "999" in (p.get("text") or "")]
    assert len(greeting) == 1, f"answered {len(greeting)} times: {posts}"
    engine = sa.create_engine(cluster.db_url)
    try:
        with engine.connect() as connection:
            users = connection.execute(sa.text("SELECT count(*) FROM events WHERE type_name = 'user' AND "
                                               "sender_id LIKE :c"), {"c": f"%{channel}%"}).scalar()
    finally:
        engine.dispose()
    assert users == 1


def test_concurrent_messages_for_one_sender_through_both_instances_are_all_kept(cluster):
    sender = f"conc-{uuid.uuid4().hex}"
    assert post(cluster.webhook, sender, "I'm worried about a child")
    urls = [a.webhook for a in cluster.assistants]
    sent = 1
    for n in range(4):
        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(lambda u, n=n: send(u, sender, f"no {n} {u[-30:]}"), urls))
        assert [a[0] for a in answers] == [200, 200], answers
        assert all(a[1] for a in answers), "a message got no answer"
        sent += 2
    assert sum(e["type"] == "user" for e in stored_events(cluster, sender)) == sent


def test_redis_down_is_a_503_with_999_and_conversations_resume(cluster):
    sender = f"redis-{uuid.uuid4().hex}"
    assert post(cluster.webhook, sender, "I'm worried about a child")
    assert cluster.redis is not None
    cluster.redis.stop()
    try:
        status, body, _ = send(cluster.webhook, sender, "no")
        assert status == 503
        assert "999" in body[0]["text"] and "not saved" in body[0]["text"]
    finally:
        cluster.redis.start()
    deadline = time.monotonic() + 30
    status = 0
    while time.monotonic() < deadline and status != 200:
        status, body, _ = send(cluster.webhook, sender, "no")
        time.sleep(0.5)
    assert status == 200 and body
    assert advice_payload(body) is None
    assert sum(e["type"] == "user" for e in stored_events(cluster, sender)) == 2


def test_a_record_link_minted_on_one_instance_works_on_the_other(cluster):
    """The token lives in the conversation (PostgreSQL), so every instance knows it, and a new one replaces it."""
    sender = f"rec-{uuid.uuid4().hex}"
    run_case(cluster.webhook, sender, CASE)
    records = []
    for assistant in cluster.assistants:  # mint on each instance in turn
        messages = post(assistant.webhook, sender, "/show_record")
        records.append(next(m["custom"] for m in messages if (m.get("custom") or {}).get("type") == "record"))
    for assistant in cluster.assistants:
        with urllib.request.urlopen(assistant.url + records[1]["download_url"], timeout=60) as answer:
            assert answer.status == 200 and "WRITTEN RECORD" in answer.read().decode()
        with pytest.raises(urllib.error.HTTPError) as replaced:
            urllib.request.urlopen(assistant.url + records[0]["download_url"], timeout=60)
        assert replaced.value.code == 404
