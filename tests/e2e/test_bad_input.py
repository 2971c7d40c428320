"""The issue's bad inputs sent to the REST channel: a clear answer or a 4xx, never a 500, never a crash,
never another conversation's data. The same list against `bot assess` is tests/engine/test_cli_bad_input.py.
Also the default access rules: the HTTP API off, no CORS for strangers, both servers on 127.0.0.1.
"""

from __future__ import annotations

import collections
import json
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

from tests.e2e.driver import post, which_question

pytestmark = pytest.mark.e2e

DANGER = "call 999"


def raw_post(webhook: str, data: bytes, timeout: float = 120) -> Tuple[int, Any]:
    request = urllib.request.Request(webhook, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read().decode())
    except urllib.error.HTTPError as error:
        body = error.read().decode()
        try:
            return error.code, json.loads(body)
        except ValueError:
            return error.code, body


def said(messages: List[Dict[str, Any]]) -> str:
    return " ".join(m.get("text") or "" for m in messages)


def assert_own_clear_answer(status: int, messages: Any, sender: str) -> str:
    assert status == 200, (status, messages)
    assert isinstance(messages, list) and messages, "silence"
    assert all(m.get("recipient_id") == sender for m in messages), "another conversation's data"
    text = said(messages)
    assert text.strip()
    return text


ODD_TEXT = {
    "empty": "",
    "whitespace": "   \n\t ",
    "emoji_only": "😀😢🙈",
    "html_script": "<script>alert('x')</script><b>hi</b>",
    "sql_looking": "'; DROP TABLE events; -- OR 1=1",
    "non_english": "Martwię się o dziecko, ma siniaki na twarzy",
}


@pytest.mark.parametrize("name", sorted(ODD_TEXT))
def test_odd_text_gets_a_clear_safe_answer_at_the_start_and_mid_form(assistant, name):
    text = ODD_TEXT[name]
    sender = f"bad-{name}-{uuid.uuid4().hex}"
    reply = assert_own_clear_answer(*raw_post(assistant.webhook, json.dumps({"sender": sender,
                                                                             "message": text}).encode()), sender)
    assert "<script" not in reply and "DROP TABLE" not in reply
    if name in ("empty", "whitespace"):
        assert "didn't receive any words" in reply and DANGER in reply

    # Mid-form, at the area question: the assistant re-asks or moves on, but always says something.
    mid = f"bad-mid-{name}-{uuid.uuid4().hex}"
    post(assistant.webhook, mid, "I'm worried about a child")
    assert which_question(post(assistant.webhook, mid, "no")) == "triage_area"
    reply = assert_own_clear_answer(*raw_post(assistant.webhook, json.dumps({"sender": mid,
                                                                             "message": text}).encode()), mid)
    assert "<script" not in reply and "DROP TABLE" not in reply
    # ... and the conversation still works afterwards.
    assert which_question(post(assistant.webhook, mid, "Northampton")) == "triage_role"


@pytest.mark.parametrize("name, data, status, fragment", [
    ("one_megabyte", json.dumps({"sender": "big", "message": "a" * 1_000_000}).encode(), 413, "too large"),
    ("over_the_server_cap", json.dumps({"sender": "big", "message": "a" * 2_000_000}).encode(), 413, None),
    ("long_but_under_the_body_cap", json.dumps({"sender": "long", "message": "worried " * 7000}).encode(), 413,
     "too long"),
    ("binary", bytes(range(256)) * 8, 400, "UTF-8"),
    ("invalid_utf8", b'{"sender": "x", "message": "\xff\xfe"}', 400, "UTF-8"),
    ("missing_sender", json.dumps({"message": "hello"}).encode(), 400, "'sender' is missing"),
    ("null_sender", json.dumps({"sender": None, "message": "hello"}).encode(), 400, "'sender' is missing"),
    ("list_body", b'[{"sender": "a", "message": "hello"}]', 400, "JSON object"),
    ("string_body", b'"hello"', 400, "JSON object"),
    ("number_body", b"42", 400, "JSON object"),
    ("not_json", b"sender=a&message=hello", 400, "not valid JSON"),
    ("empty_body", b"", 400, "empty"),
    ("message_not_text", json.dumps({"sender": "a", "message": ["hello"]}).encode(), 400, "must be text"),
    ("lone_surrogate", b'{"sender": "a", "message": "\\udc00"}', 400, "not valid text"),
])
def test_bad_bodies_get_a_4xx_with_a_clear_message(assistant, name, data, status, fragment):
    code, body = raw_post(assistant.webhook, data)
    assert code == status, (code, body)
    if fragment:
        assert isinstance(body, dict) and fragment in body["message"] and DANGER in body["message"]


def test_a_thousand_rapid_messages_from_one_sender_are_rate_limited(assistant):
    flooder = f"flood-{uuid.uuid4().hex}"
    data = json.dumps({"sender": flooder, "message": "I'm worried about a child"}).encode()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: raw_post(assistant.webhook, data), range(1000)))
    codes = collections.Counter(code for code, _ in results)
    assert set(codes) <= {200, 429}, codes  # never a 5xx
    assert codes[429] >= 900, codes
    refused = next(body for code, body in results if code == 429)
    assert "wait" in refused["message"].lower() or "still answering" in refused["message"]
    assert DANGER in refused["message"]
    # The server is healthy and another sender (same IP) is answered as usual.
    with urllib.request.urlopen(assistant.url + "/webhooks/rest/", timeout=30) as response:
        assert response.status == 200
    other = f"other-{uuid.uuid4().hex}"
    assert_own_clear_answer(*raw_post(assistant.webhook, json.dumps({"sender": other, "message": "hello"}).encode()),
                            other)


def test_a_retry_without_message_id_while_busy_is_refused_not_queued(assistant):
    sender = f"busy-{uuid.uuid4().hex}"
    data = json.dumps({"sender": sender, "message": "I'm worried about a child"}).encode()
    with ThreadPoolExecutor(max_workers=6) as pool:
        codes = collections.Counter(code for code, _ in pool.map(lambda _: raw_post(assistant.webhook, data),
                                                                  range(6)))
    assert codes[200] >= 1 and set(codes) <= {200, 429}, codes


# ------------------------------------------------------------------ access, default configuration


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_http_api_is_off_by_default(assistant):
    for path in ("/status", "/version", "/conversations/anyone/tracker", "/model/parse"):
        assert _status(assistant.url + path) in (404, 405), path


def test_no_cors_for_a_stranger_by_default(assistant):
    request = urllib.request.Request(assistant.webhook, method="OPTIONS", headers={
        "Origin": "https://evil.example.com", "Access-Control-Request-Method": "POST"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            allowed = response.headers.get("Access-Control-Allow-Origin")
    except urllib.error.HTTPError as error:
        allowed = error.headers.get("Access-Control-Allow-Origin")
    assert allowed is None


def _listening_addresses(port: int) -> List[str]:
    """Local addresses LISTENing on ``port``, from /proc/net/tcp{,6} (no extra tools needed)."""
    found: List[str] = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:
                found.append(_address(address))
    return found


def _address(hex_address: str) -> Optional[str]:
    if len(hex_address) == 8:
        return ".".join(str(b) for b in reversed(bytes.fromhex(hex_address)))
    raw = bytes.fromhex(hex_address)
    words = [raw[i:i + 4][::-1] for i in range(0, 16, 4)]
    return ":".join(b"".join(words).hex()[i:i + 4] for i in range(0, 32, 4))


def test_action_server_and_rasa_listen_on_localhost_only(assistant):
    for port in (assistant.action_port, assistant.port):
        addresses = _listening_addresses(port)
        assert addresses, f"nothing listening on {port}"
        assert set(addresses) == {"127.0.0.1"}, (port, addresses)
