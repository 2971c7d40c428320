"""Slack channel in-process: signed Events API requests to the real blueprint, replies to a fake Web API."""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from typing import Iterator, Tuple

import pytest

from bot.render.cards import DETAILS_PAYLOAD, slack_blocks
from bot.render.reply import build_reply, reply_text
from channels.slack import RecentKeys, SafeSlackInput, slack_escape
from tests.fakes.agent import StubAgent, mount
from tests.fakes.loop import BackgroundLoop, wait_until
from tests.fakes.slack import FakeSlackAPI, message_event, post_event, sign

SECRET = "fictional-signing-secret"
TOKEN = "xoxb-fictional-token"


@pytest.fixture()
def slack(monkeypatch: pytest.MonkeyPatch) -> Iterator[Tuple[str, FakeSlackAPI, StubAgent]]:
    """(webhook URL, fake Web API, agent) with the channel configured from the environment only."""
    loop = BackgroundLoop().start()
    fake = FakeSlackAPI()
    try:
        api = loop.serve_aiohttp(fake.app())
        monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
        monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
        monkeypatch.setenv("SLACK_API_BASE_URL", f"{api}/api/")
        channel = SafeSlackInput.from_credentials(None)
        agent = StubAgent()
        url = loop.serve_sanic(mount(channel, agent)) + "/webhooks/slack/webhook"
        yield url, fake, agent
    finally:
        loop.stop()


def new_ts() -> str:
    return f"{time.time():.6f}"


def test_dm_is_answered_in_its_thread_with_the_bot_token(slack):
    url, fake, agent = slack
    ts = new_ts()
    status, _ = post_event(url, message_event("quick question about consent", event_id="Ev1", ts=ts), SECRET)
    assert status == 200
    posts = wait_until(lambda: fake.posts("D0FAKEDM"))
    assert posts, "no reply posted to the fake Web API"
    assert posts[0]["thread_ts"] == ts and posts[0]["text"] == "You said: quick question about consent"
    assert "as_user" not in posts[0]
    assert fake.calls[0]["auth"] == f"Bearer {TOKEN}"
    assert agent.messages[0].input_channel == "slack"


def test_channel_mention_is_answered_in_the_thread_and_the_mention_is_stripped(slack):
    url, fake, agent = slack
    ts = new_ts()
    event = message_event("<@U0FAKEBOT> is a bruise on a baby a red flag?", event_id="Ev2", ts=ts,
                          channel="C0FAKECHAN", event_type="app_mention")
    assert post_event(url, event, SECRET)[0] == 200
    posts = wait_until(lambda: fake.posts("C0FAKECHAN"))
    assert posts and posts[0]["thread_ts"] == ts
    assert agent.messages[0].text == "is a bruise on a baby a red flag?"
    # One conversation per thread: a reply in the thread continues it.
    reply = message_event("<@U0FAKEBOT> thanks", event_id="Ev3", ts=new_ts(), channel="C0FAKECHAN",
                          event_type="app_mention", thread_ts=ts)
    assert post_event(url, reply, SECRET)[0] == 200
    assert wait_until(lambda: len(fake.posts("C0FAKECHAN")) == 2)
    assert agent.messages[0].sender_id == agent.messages[1].sender_id == f"U0FAKEUSER_C0FAKECHAN_{ts}"
    assert fake.posts("C0FAKECHAN")[1]["thread_ts"] == ts


def test_advice_payload_is_posted_once_as_block_kit_with_the_text_as_fallback(slack):
    """Issue 13.7: one post for the advice: the blocks, with the reply's text as the fallback, not text then card."""
    url, fake, agent = slack
    ts = new_ts()
    assert post_event(url, message_event("give me the advice", event_id="Ev4", ts=ts), SECRET)[0] == 200
    posts = wait_until(lambda: [p for p in fake.posts() if p.get("blocks")])
    assert posts, f"no blocks posted: {fake.calls}"
    time.sleep(0.3)
    assert len(fake.posts()) == 1, "the advice is posted once"
    card = posts[0]
    assert card["blocks"] == slack_blocks(agent.advice)
    assert card["thread_ts"] == ts
    assert card["text"] == slack_escape(reply_text(build_reply(agent.advice)))  # notification/fallback text
    assert card["text"].startswith("Level 4")
    headline = card["blocks"][0]["text"]["text"] + "\n" + card["blocks"][1]["text"]["text"]
    assert card["blocks"][0]["type"] == "header" and headline.count("\n") <= 2
    assert "Exampleshire MASH" in headline and "01632 960 001" in headline
    buttons = [e["value"] for b in card["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons[0] == DETAILS_PAYLOAD, "details on request"


def test_a_bad_signature_is_rejected_with_401_and_nothing_is_answered(slack):
    url, fake, agent = slack
    status, body = post_event(url, message_event("hi", event_id="Ev5", ts=new_ts()), SECRET,
                              signature="v0=" + "0" * 64)
    assert status == 401 and "X-Slack-Signature" in body
    status, _ = post_event(url, message_event("hi", event_id="Ev6", ts=new_ts()), "another-secret")
    assert status == 401
    time.sleep(0.3)
    assert agent.messages == [] and fake.calls == []


@pytest.mark.parametrize("age", [6 * 60, -6 * 60])
def test_a_stale_or_future_timestamp_is_rejected_even_when_correctly_signed(slack, age):
    url, fake, agent = slack
    status, body = post_event(url, message_event("hi", event_id="Ev7", ts=new_ts()), SECRET,
                              timestamp=int(time.time()) - age)
    assert status == 400 and "Stale" in body
    assert agent.messages == []


def test_a_missing_timestamp_is_rejected_with_400(slack):
    url, _, agent = slack
    status, _ = post_event(url, message_event("hi", event_id="Ev8", ts=new_ts()), SECRET,
                           headers={"X-Slack-Request-Timestamp": "yesterday"})
    assert status == 400 and agent.messages == []


def test_the_same_event_id_twice_gives_one_answer(slack):
    url, fake, agent = slack
    event = message_event("is this a worry?", event_id="EvSame", ts=new_ts())
    assert post_event(url, event, SECRET)[0] == 200
    status, body = post_event(url, event, SECRET, headers={"X-Slack-Retry-Num": "1",
                                                           "X-Slack-Retry-Reason": "http_error"})
    assert status == 200 and "Duplicate" in body
    assert wait_until(lambda: fake.posts())
    time.sleep(0.5)
    assert len(agent.messages) == 1 and len(fake.posts()) == 1


def test_a_timeout_retry_of_an_event_never_seen_is_still_answered(slack):
    """The stock connector drops every http_timeout retry, even when the first try never arrived."""
    url, fake, agent = slack
    event = message_event("hello?", event_id="EvLost", ts=new_ts())
    status, _ = post_event(url, event, SECRET, headers={"X-Slack-Retry-Num": "1",
                                                        "X-Slack-Retry-Reason": "http_timeout"})
    assert status == 200
    assert wait_until(lambda: fake.posts())
    assert len(agent.messages) == 1


def test_a_mention_and_its_message_event_for_one_post_give_one_answer(slack):
    url, fake, agent = slack
    ts = new_ts()
    mention = message_event("<@U0FAKEBOT> hello", event_id="EvA", ts=ts, channel="D0FAKEDM",
                            event_type="app_mention")
    message = message_event("<@U0FAKEBOT> hello", event_id="EvB", ts=ts, channel="D0FAKEDM")
    assert post_event(url, mention, SECRET)[0] == 200
    assert post_event(url, message, SECRET)[0] == 200
    assert wait_until(lambda: fake.posts())
    time.sleep(0.5)
    assert len(agent.messages) == 1


def test_bot_messages_and_edits_are_ignored(slack):
    url, fake, agent = slack
    bot = message_event("I am the bot", event_id="EvBot", ts=new_ts())
    bot["event"]["bot_id"] = "B0FAKE"
    assert post_event(url, bot, SECRET)[0] == 200
    edit = message_event("", event_id="EvEdit", ts=new_ts())
    edit["event"]["subtype"] = "message_changed"
    assert post_event(url, edit, SECRET)[0] == 200
    time.sleep(0.3)
    assert agent.messages == []


def test_url_verification_echoes_the_challenge(slack):
    url, _, _ = slack
    status, body = post_event(url, {"type": "url_verification", "challenge": "fictional-challenge"}, SECRET)
    assert status == 200 and json.loads(body) == {"challenge": "fictional-challenge"}


def test_slack_entities_are_decoded_in_and_escaped_out(slack):
    """An echoed '<!channel>' must not ping the whole channel."""
    url, fake, agent = slack
    assert post_event(url, message_event("say &lt;!channel&gt; &amp; more", event_id="EvEsc", ts=new_ts()),
                      SECRET)[0] == 200
    posts = wait_until(lambda: fake.posts())
    assert agent.messages[0].text == "say <!channel> & more"
    assert posts[0]["text"] == "You said: say &lt;!channel&gt; &amp; more"
    assert slack_escape("<@U1>") == "&lt;@U1&gt;"


def test_buttons_become_block_kit_and_a_click_comes_back_as_the_payload(slack):
    url, fake, agent = slack
    ts = new_ts()
    assert post_event(url, message_event("show me buttons", event_id="EvBtn", ts=ts), SECRET)[0] == 200
    posts = wait_until(lambda: [p for p in fake.posts() if p.get("blocks")])
    assert posts
    actions = posts[0]["blocks"][1]
    assert actions["type"] == "actions"
    assert [e["value"] for e in actions["elements"]] == ["/affirm", "/deny"]
    click = {"type": "block_actions", "user": {"id": "U0FAKEUSER"}, "channel": {"id": "D0FAKEDM"},
             "trigger_id": "trig-1", "message": {"ts": "1700000001.000100", "thread_ts": ts},
             "actions": [{"type": "button", "value": "/affirm", "action_id": "button_0"}]}
    body = urllib.parse.urlencode({"payload": json.dumps(click)}).encode()
    stamp = str(int(time.time()))
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": sign(SECRET, stamp, body)})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
    assert wait_until(lambda: len(agent.messages) == 2)
    assert agent.messages[1].text == "/affirm"
    assert agent.messages[1].sender_id == agent.messages[0].sender_id  # same thread, same conversation


def test_bad_bodies_get_a_clear_4xx_never_500(slack):
    url, _, _ = slack
    stamp = str(int(time.time()))
    for content_type, body, expected in [("application/json", b"{not json", 400),
                                         ("text/plain", b"hello", 415),
                                         ("application/x-www-form-urlencoded", b"payload=%7Bbroken", 400)]:
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": content_type, "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": sign(SECRET, stamp, body)})
        try:
            urllib.request.urlopen(request, timeout=30)
            status = 200
        except urllib.error.HTTPError as error:
            status = error.code
        assert status == expected, content_type


def test_unconfigured_slack_starts_and_answers_503(monkeypatch: pytest.MonkeyPatch):
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    channel = SafeSlackInput.from_credentials(None)
    assert not channel.configured
    loop = BackgroundLoop().start()
    try:
        base = loop.serve_sanic(mount(channel, StubAgent()))
        status, body = post_event(base + "/webhooks/slack/webhook",
                                  message_event("hi", event_id="Ev9", ts=new_ts()), SECRET)
        assert status == 503 and "SLACK_BOT_TOKEN" in body
        with urllib.request.urlopen(base + "/webhooks/slack/", timeout=10) as response:
            assert json.loads(response.read()) == {"status": "not configured"}
    finally:
        loop.stop()


def test_secrets_in_credentials_yml_are_ignored(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    channel = SafeSlackInput.from_credentials({"slack_token": "xoxb-in-a-file", "slack_signing_secret": "in-a-file"})
    assert not channel.configured and channel.slack_token == ""


def test_recent_keys_expire_and_stay_bounded():
    now = [0.0]
    keys = RecentKeys(ttl_seconds=60, max_size=3, clock=lambda: now[0])
    assert not keys.seen(["a"]) and keys.seen(["a"])
    now[0] = 61
    assert not keys.seen(["a"])  # expired
    for key in "bcde":
        keys.seen([key])
    assert not keys.seen(["a"])  # pushed out by the size bound
    assert len(keys._seen) <= 3


def test_an_odd_but_signed_event_is_a_400_not_a_500(slack):
    url, _, agent = slack
    event = message_event("hello", event_id="EvOdd", ts=new_ts())
    event["authorizations"] = "not-a-list"
    status, _ = post_event(url, event, SECRET)
    assert status == 400 and agent.messages == []
