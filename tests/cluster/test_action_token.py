"""The action server answers only callers with the shared token (constant-time check), and needs one to start."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from bot.runtime.action_server import ActionTokenError, server_token, token_ok
from bot.runtime.servers import ROOT, free_port, wait_for

TOKEN = "a-long-random-shared-secret-123"


def test_token_comparison():
    assert token_ok(TOKEN, TOKEN)
    assert not token_ok(TOKEN, None)
    assert not token_ok(TOKEN, "")
    assert not token_ok(TOKEN, TOKEN[:-1])
    assert not token_ok(TOKEN, "ünïcode")


def test_no_short_or_missing_token():
    with pytest.raises(ActionTokenError):
        server_token({})
    with pytest.raises(ActionTokenError):
        server_token({"ACTION_SERVER_TOKEN": "short"})
    assert server_token({"ACTION_SERVER_TOKEN": TOKEN}) == TOKEN


def post(port: int, query: str, path: str = "/webhook", payload: object = None) -> int:
    body = json.dumps(payload or {"next_action": "action_warm_up", "sender_id": "t", "domain": {},
                                  "tracker": {"sender_id": "t", "slots": {}, "latest_message": {},
                                              "events": []}}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}{query}", data=body,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_real_action_server_refuses_calls_without_the_token(tmp_path):
    port = free_port()
    env = {"PATH": "/usr/bin:/bin", "SANIC_HOST": "127.0.0.1", "ACTION_SERVER_TOKEN": TOKEN,
           "TF_CPP_MIN_LOG_LEVEL": "3", "HOME": str(tmp_path)}
    log = open(tmp_path / "actions.log", "wb")  # noqa: SIM115
    process = subprocess.Popen([sys.executable, "-m", "bot.runtime.action_server", "run", "actions", "--actions",
                                "actions", "--port", str(port)], cwd=ROOT, env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://127.0.0.1:{port}/health", 120, process)
        assert post(port, "") == 401
        assert post(port, "?token=" + urllib.parse.quote("wrong-token-of-the-same-size-12")) == 401
        assert post(port, "?token=" + urllib.parse.quote(TOKEN)) == 200
        # the record route (the engine stays in the action server) is behind the same token
        no_record = {"slots": {}, "assessed_at": None}
        assert post(port, "", "/record", no_record) == 401
        assert post(port, "?token=" + urllib.parse.quote(TOKEN), "/record", no_record) == 404
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_it_will_not_start_without_a_token():
    result = subprocess.run([sys.executable, "-m", "bot.runtime.action_server", "run", "actions", "--actions",
                             "actions"],
                            cwd=ROOT, env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "ACTION_SERVER_TOKEN" in result.stderr
