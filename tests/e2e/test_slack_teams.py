"""Slack and Teams against the real running assistant, with local fakes of the Slack Web API and the Bot
Framework (OpenID metadata, keys, token endpoint, serviceUrl). Secrets and fake URLs reach the server through
its environment, as in production."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

from bot.runtime.servers import Assistant, free_port
from channels.slack import slack_unescape
from tests.e2e.conftest import MODEL
from tests.e2e.driver import answer_for, which_question
from tests.fakes.botframework import FakeBotFramework, TestKey, activity, claims, post_activity
from tests.fakes.loop import BackgroundLoop, wait_until
from tests.fakes.slack import FakeSlackAPI, message_event, post_event

pytestmark = pytest.mark.e2e

SECRET = "fictional-e2e-signing-secret"
APP_ID = "fictional-e2e-app-id"
TENANT = "fictional-e2e-tenant"
CASE = {"area": "King's Lynn", "role": "professional", "age": "4 months", "mobile": False,
        "worried": "There's a bruise on her cheek and mum couldn't explain it", "working_well": "dad is supportive",
        "needs": "a check-up", "scale": 3}


class Running:
    def __init__(self, assistant: Assistant, slack: FakeSlackAPI, teams: FakeBotFramework, key: TestKey,
                 teams_base: str) -> None:
        self.assistant, self.slack, self.teams, self.key, self.teams_base = assistant, slack, teams, key, teams_base

    @property
    def slack_url(self) -> str:
        return self.assistant.url + "/webhooks/slack/webhook"

    @property
    def teams_url(self) -> str:
        return self.assistant.url + "/webhooks/botframework/webhook"


@pytest.fixture(scope="module")
def chat_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """Its own assistant (module scope, so it is stopped as soon as these tests end), configured by env."""
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train` (make e2e does this first)")
    loop = BackgroundLoop().start()
    slack, key = FakeSlackAPI(), TestKey()
    teams = FakeBotFramework(key)
    db = Path(tmp_path_factory.mktemp("db")) / "conversations.db"
    assistant: Optional[Assistant] = None
    try:
        slack_base = loop.serve_aiohttp(slack.app())
        teams_base = loop.serve_aiohttp(teams.app())
        assistant = Assistant(model=MODEL, port=free_port(), action_port=free_port(), db_url=f"sqlite:///{db}",
                              log_dir=Path(tmp_path_factory.mktemp("logs")), extra_env={
                                  "SLACK_BOT_TOKEN": "xoxb-fictional-e2e", "SLACK_SIGNING_SECRET": SECRET,
                                  "SLACK_API_BASE_URL": f"{slack_base}/api/",
                                  "TEAMS_APP_ID": APP_ID, "TEAMS_APP_PASSWORD": "fictional-e2e-password",
                                  "TEAMS_TENANT_ID": TENANT,
                                  "TEAMS_OPENID_METADATA_URL": f"{teams_base}/v1/.well-known/openidconfiguration",
                                  "TEAMS_TOKEN_URL": teams_base + "/{tenant}/oauth2/v2.0/token"})
        assistant.start()
        yield Running(assistant, slack, teams, key, teams_base)
    finally:
        if assistant is not None:
            assistant.stop()
        loop.stop()


def _ts() -> str:
    return f"{time.time():.6f}"


def _thread(slack: FakeSlackAPI, channel: str, root: str) -> List[Dict[str, Any]]:
    return [p for p in slack.posts(channel) if p.get("thread_ts") == root]


def _is_card(post: Dict[str, Any]) -> bool:
    return any(b.get("type") == "header" for b in post.get("blocks") or [])


def _turn(run: Running, channel: str, root: str, text: str, event_type: str = "message") -> List[Dict[str, Any]]:
    """Send one message in the thread; return the posts it caused (waits for a question or the card)."""
    before = len(_thread(run.slack, channel, root))
    ts = _ts()
    event = message_event(text, event_id=f"Ev{uuid.uuid4().hex}", ts=ts, channel=channel, event_type=event_type,
                          channel_type="im" if channel.startswith("D") else "channel",
                          thread_ts=None if ts == root else root)
    status, body = post_event(run.slack_url, event, SECRET)
    assert status == 200, body

    def done() -> bool:
        new = _thread(run.slack, channel, root)[before:]
        messages = [{"text": slack_unescape(p.get("text") or "")} for p in new]
        return bool(new) and (which_question(messages) is not None or any(_is_card(p) for p in new))

    wait_until(done, timeout=90, interval=0.2)
    settled = -1
    while settled != len(_thread(run.slack, channel, root)):  # let the rest of the turn arrive
        settled = len(_thread(run.slack, channel, root))
        time.sleep(0.7)
    return _thread(run.slack, channel, root)[before:]


def _start(run: Running, channel: str, text: str, event_type: str = "message") -> tuple:
    """Start a thread: the first message's ts is the thread's root."""
    root = _ts()
    event = message_event(text, event_id=f"Ev{uuid.uuid4().hex}", ts=root, channel=channel, event_type=event_type,
                          channel_type="im" if channel.startswith("D") else "channel")
    status, body = post_event(run.slack_url, event, SECRET)
    assert status == 200, body
    posts = wait_until(lambda: _thread(run.slack, channel, root), timeout=90, interval=0.2)
    time.sleep(1.0)
    return root, posts and _thread(run.slack, channel, root)


def test_slack_dm_is_answered_in_the_thread(chat_assistant: Running):
    root, posts = _start(chat_assistant, "D0E2EDM1", "hello")
    assert posts, "no answer to a DM"
    assert all(p["thread_ts"] == root for p in posts)
    assert "999" in " ".join(p.get("text") or "" for p in posts)


def test_slack_mentions_in_a_channel_thread_escalate_a_disclosure_in_the_thread(chat_assistant: Running):
    """A short conversation by mentions in a channel thread; the disclosure gets the section 47 escalation."""
    channel = "C0E2ECHAN"
    root, posts = _start(chat_assistant, channel, "<@U0FAKEBOT> I'm worried about a pupil", event_type="app_mention")
    assert posts
    for answer in ("no", "Norwich", "teacher", "9"):
        assert _turn(chat_assistant, channel, root, f"<@U0FAKEBOT> {answer}", event_type="app_mention")
    posts = _turn(chat_assistant, channel, root,
                  "<@U0FAKEBOT> she just told me her stepdad touches her private parts at night",
                  event_type="app_mention")
    text = slack_unescape(" ".join(p.get("text") or "" for p in posts))
    assert all(p["thread_ts"] == root for p in _thread(chat_assistant.slack, channel, root))
    assert "section 47" in text and "today" in text
    assert "CADS" in text or "Children's Advice and Duty Service" in text


def test_slack_whole_conversation_ends_with_the_advice_as_block_kit(chat_assistant: Running):
    channel = "D0E2EDM2"
    root, posts = _start(chat_assistant, channel, "I'm worried about a baby I visited")
    card = None
    for _ in range(25):
        messages = [{"text": slack_unescape(p.get("text") or "")} for p in posts]
        card = next((p for p in posts if _is_card(p)), None)
        if card:
            break
        slot = which_question(messages)
        assert slot, f"could not tell what was asked: {messages}"
        posts = _turn(chat_assistant, channel, root, answer_for(slot, CASE))
    assert card, "the conversation never reached the advice card"
    blocks = json.dumps(card["blocks"])
    assert card["thread_ts"] == root
    assert card["blocks"][0]["text"]["text"].startswith("Level 4")
    assert "CADS" in blocks or "Children's Advice and Duty Service" in blocks
    assert "designated safeguarding lead" in blocks


def test_slack_rejects_bad_signature_and_stale_timestamp(chat_assistant: Running):
    event = message_event("hello", event_id=f"Ev{uuid.uuid4().hex}", ts=_ts(), channel="D0E2EDM3")
    assert post_event(chat_assistant.slack_url, event, "not-the-secret")[0] == 401
    assert post_event(chat_assistant.slack_url, event, SECRET, timestamp=int(time.time()) - 600)[0] == 400
    time.sleep(2)
    assert chat_assistant.slack.posts("D0E2EDM3") == []


def test_slack_same_event_twice_gives_one_answer(chat_assistant: Running):
    root = _ts()
    event = message_event("hello", event_id=f"Ev{uuid.uuid4().hex}", ts=root, channel="D0E2EDM4")
    assert post_event(chat_assistant.slack_url, event, SECRET)[0] == 200
    status, body = post_event(chat_assistant.slack_url, event, SECRET,
                              headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"})
    assert status == 200 and "Duplicate" in body
    first = wait_until(lambda: chat_assistant.slack.posts("D0E2EDM4"), timeout=90, interval=0.2)
    assert first
    time.sleep(4)
    texts = [p.get("text") for p in chat_assistant.slack.posts("D0E2EDM4")]
    assert len(texts) == len(set(texts)), f"an answer was posted twice: {texts}"


def test_teams_activity_is_answered_at_the_service_url_and_a_forgery_is_401(chat_assistant: Running):
    run = chat_assistant
    service_url = f"{run.teams_base}/emea/"
    forged = run.key.token(claims(APP_ID, service_url, iss="https://evil.example"))
    assert post_activity(run.teams_url, activity(service_url, "hello", conversation_id="a:e2e-forged"), forged)[0] \
        == 401
    token = run.key.token(claims(APP_ID, service_url))
    assert post_activity(run.teams_url, activity(service_url, "hello", conversation_id="a:e2e-1"), token)[0] == 200
    replies = wait_until(lambda: [a for a in run.teams.activities if a["conversation"] == "a:e2e-1"], timeout=90)
    assert replies, "no reply at the fake serviceUrl"
    assert replies[0]["region"] == "emea" and replies[0]["auth"].startswith("Bearer fake-access-token-")
    assert run.teams.token_requests[0]["tenant"] == TENANT
    assert "999" in " ".join(r["body"].get("text") or "" for r in replies)
    assert not [a for a in run.teams.activities if a["conversation"] == "a:e2e-forged"]
