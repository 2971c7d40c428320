"""Teams (Bot Framework) channel in-process: real JWT checks against a fake OpenID/JWKS, replies to a fake
serviceUrl with a token from a fake tenant token endpoint."""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from typing import Iterator

import pytest

from bot.render.cards import teams_card
from bot.render.reply import build_reply, reply_text
from channels.teams import SafeBotFrameworkInput
from tests.fakes.agent import StubAgent, mount
from tests.fakes.botframework import FakeBotFramework, TestKey, activity, claims, post_activity
from tests.fakes.loop import BackgroundLoop, wait_until

APP_ID = "00000000-1111-2222-3333-fictional000"
PASSWORD = "fictional-app-password"
TENANT = "11111111-2222-3333-4444-fictionaltenant"


class Teams:
    def __init__(self, url: str, fake: FakeBotFramework, agent: StubAgent, key: TestKey, service_url: str) -> None:
        self.url, self.fake, self.agent, self.key, self.service_url = url, fake, agent, key, service_url

    def token(self, algorithm: str = "RS256", **overrides) -> str:
        return self.key.token(claims(APP_ID, self.service_url, **overrides), algorithm=algorithm)

    def send(self, text: str, token: str, **changes) -> int:
        body = activity(self.service_url, text)
        body.update(changes)
        return post_activity(self.url, body, token)[0]


@pytest.fixture(scope="module")
def key() -> TestKey:
    return TestKey()


@pytest.fixture()
def teams(key: TestKey, monkeypatch: pytest.MonkeyPatch) -> Iterator[Teams]:
    loop = BackgroundLoop().start()
    fake = FakeBotFramework(key)
    try:
        base = loop.serve_aiohttp(fake.app())
        monkeypatch.setenv("TEAMS_APP_ID", APP_ID)
        monkeypatch.setenv("TEAMS_APP_PASSWORD", PASSWORD)
        monkeypatch.setenv("TEAMS_TENANT_ID", TENANT)
        monkeypatch.setenv("TEAMS_OPENID_METADATA_URL", f"{base}/v1/.well-known/openidconfiguration")
        monkeypatch.setenv("TEAMS_TOKEN_URL", base + "/{tenant}/oauth2/v2.0/token")
        agent = StubAgent()
        url = loop.serve_sanic(mount(SafeBotFrameworkInput.from_credentials(None), agent))
        yield Teams(url + "/webhooks/botframework/webhook", fake, agent, key, f"{base}/amer/")
    finally:
        loop.stop()


def test_valid_activity_is_answered_at_the_service_url_with_the_tenant_token(teams: Teams):
    assert teams.send("hello there", teams.token()) == 200
    replies = wait_until(lambda: teams.fake.activities)
    assert replies, "no reply posted to the fake serviceUrl"
    reply = replies[0]
    assert reply["region"] == "amer" and reply["conversation"] == "a:1fictional-conversation"
    assert reply["body"]["text"] == "You said: hello there"
    assert reply["body"]["type"] == "message" and reply["body"]["recipient"]["id"] == "29:1fictional-user"
    assert reply["body"]["replyToId"].startswith("act-")
    [token_request] = teams.fake.token_requests
    assert token_request["tenant"] == TENANT  # not the stock, hard-coded botframework.com
    assert token_request["form"] == {"client_id": APP_ID, "client_secret": PASSWORD,
                                     "grant_type": "client_credentials",
                                     "scope": "https://api.botframework.com/.default"}
    assert reply["auth"] == "Bearer fake-access-token-1"
    assert teams.agent.messages[0].sender_id == "29:1fictional-user"
    assert teams.agent.messages[0].input_channel == "botframework"


def test_keys_and_token_are_cached_across_messages(teams: Teams):
    assert teams.send("one", teams.token()) == 200
    assert wait_until(lambda: len(teams.fake.activities) == 1)
    assert teams.send("two", teams.token()) == 200
    assert wait_until(lambda: len(teams.fake.activities) == 2)
    assert teams.fake.metadata_fetches == 1 and len(teams.fake.token_requests) == 1
    assert {a["auth"] for a in teams.fake.activities} == {"Bearer fake-access-token-1"}


def test_advice_is_sent_once_as_an_adaptive_card_with_a_text_fallback(teams: Teams):
    """Issue 13.7: one activity for the advice (not text then card); the card's fallbackText is the reply."""
    assert teams.send("the advice please", teams.token()) == 200
    cards = wait_until(lambda: [a["body"] for a in teams.fake.activities if a["body"].get("attachments")])
    assert cards
    time.sleep(0.3)
    assert len(teams.fake.activities) == 1, "the advice is sent once"
    [attachment] = cards[0]["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    content = attachment["content"]
    assert content == teams_card(teams.agent.advice)
    assert content["fallbackText"] == reply_text(build_reply(teams.agent.advice))
    assert "01632 960 001" in json.dumps(content["body"][:3])
    assert content["actions"][0] == {"type": "Action.OpenUrl", "title": "Call 01632 960 001", "url": "tel:01632960001"}
    more = next(a for a in content["actions"] if a["type"] == "Action.ShowCard")
    assert "Record what you saw." in json.dumps(more["card"]), "details on request, in the card's disclosure"
    assert cards[0]["summary"].startswith("Level 4") and not cards[0].get("text"), "no second copy as text"


def test_buttons_are_real_imback_actions(teams: Teams):
    assert teams.send("buttons please", teams.token()) == 200
    cards = wait_until(lambda: [a["body"] for a in teams.fake.activities if a["body"].get("attachments")])
    assert cards[0]["attachments"][0]["content"]["buttons"] == [
        {"type": "imBack", "title": "Yes", "value": "/affirm"}, {"type": "imBack", "title": "No", "value": "/deny"}]


def test_a_channel_mention_is_stripped_from_the_text(teams: Teams):
    assert teams.send("<at>Safeguarding Bot</at> is this a worry?", teams.token()) == 200
    assert wait_until(lambda: teams.agent.messages)
    assert teams.agent.messages[0].text == "is this a worry?"


def test_an_expired_token_within_the_five_minute_leeway_is_accepted(teams: Teams):
    assert teams.send("hello", teams.token(exp=int(time.time()) - 120)) == 200


FORGERIES = {
    "wrong issuer": lambda t: t.token(iss="https://sts.windows.net/attacker/"),
    "no exp": lambda t: t.token(exp=None),
    "HS256": lambda t: t.token(algorithm="HS256"),
    "mismatched serviceUrl": lambda t: t.token(serviceurl="https://attacker.example/"),
    "no serviceurl claim": lambda t: t.token(serviceurl=None),
    "wrong audience": lambda t: t.token(aud="someone-elses-app-id"),
    "expired beyond leeway": lambda t: t.token(exp=int(time.time()) - 400),
    "not yet valid": lambda t: t.token(nbf=int(time.time()) + 900),
    "unknown key id": lambda t: t.key.token(claims(APP_ID, t.service_url), kid="not-published"),
    "signed by another key": lambda t: TestKey(kid=t.key.kid).token(claims(APP_ID, t.service_url)),
    "alg none": lambda t: _unsigned(claims(APP_ID, t.service_url), t.key.kid),
    "garbage": lambda t: "not.a.jwt",
}


def _unsigned(payload: dict, kid: str) -> str:
    import jwt

    return jwt.encode(payload, None, algorithm="none", headers={"kid": kid})


@pytest.mark.parametrize("forgery", list(FORGERIES))
def test_each_forged_token_is_rejected_with_401_and_nothing_is_sent(teams: Teams, forgery: str):
    status = teams.send("hello", FORGERIES[forgery](teams))
    assert status == 401, forgery
    time.sleep(0.2)
    assert teams.agent.messages == [] and teams.fake.activities == []


def test_the_token_must_be_for_the_activity_service_url(teams: Teams):
    """A valid token replayed with an activity naming the attacker's serviceUrl: the bot must not post there."""
    assert teams.send("hello", teams.token(), serviceUrl="https://attacker.example/") == 401
    assert teams.agent.messages == []


def test_a_key_not_endorsed_for_the_channel_is_rejected(teams: Teams):
    assert teams.send("hello", teams.token(), channelId="skype") == 401


def test_no_authorization_header_is_401(teams: Teams):
    assert post_activity(teams.url, activity(teams.service_url, "hi"), None)[0] == 401


def test_a_valid_token_with_a_broken_activity_gets_a_clear_400_not_500(teams: Teams):
    body = activity(teams.service_url, "hi")
    del body["from"]
    assert post_activity(teams.url, body, teams.token())[0] == 400


def test_unconfigured_teams_starts_and_answers_503(monkeypatch: pytest.MonkeyPatch):
    for name in ("TEAMS_APP_ID", "TEAMS_APP_PASSWORD", "TEAMS_TENANT_ID"):
        monkeypatch.delenv(name, raising=False)
    channel = SafeBotFrameworkInput.from_credentials(None)
    assert not channel.configured and "botframework.com" in channel.token_url
    loop = BackgroundLoop().start()
    try:
        base = loop.serve_sanic(mount(channel, StubAgent()))
        status, body = post_activity(base + "/webhooks/botframework/webhook", activity("http://x/", "hi"), "t")
        assert status == 503 and "TEAMS_APP_ID" in body
    finally:
        loop.stop()


def test_keys_unreachable_is_401_not_500(monkeypatch: pytest.MonkeyPatch, key: TestKey):
    from bot.runtime.servers import free_port

    dead = f"http://127.0.0.1:{free_port()}"
    channel = SafeBotFrameworkInput(APP_ID, PASSWORD, TENANT, f"{dead}/v1/.well-known/openidconfiguration",
                                    dead + "/{tenant}/oauth2/v2.0/token")
    assert urllib.parse.urlparse(channel.token_url).path == f"/{TENANT}/oauth2/v2.0/token"
    loop = BackgroundLoop().start()
    try:
        base = loop.serve_sanic(mount(channel, StubAgent()))
        token = key.token(claims(APP_ID, "http://x/"))
        status, _ = post_activity(base + "/webhooks/botframework/webhook", activity("http://x/", "hi"), token)
        assert status == 401
        with urllib.request.urlopen(base + "/webhooks/botframework/", timeout=10) as response:
            assert json.loads(response.read()) == {"status": "ok"}
    finally:
        loop.stop()


def test_an_odd_but_authenticated_activity_is_a_400_not_a_500(teams: Teams):
    assert teams.send("hi", teams.token(), **{"from": "not-an-object"}) == 400
