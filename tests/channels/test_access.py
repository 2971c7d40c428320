"""Access rules checked before anything starts: the API needs a token, CORS needs real origins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.runtime.servers import ROOT, AccessConfigError, Assistant, check_origins

TOKEN = "a-long-random-test-token-123456"


def assistant(**env: str) -> Assistant:
    clean = {"RASA_API_TOKEN": "", "ALLOWED_ORIGIN": ""}
    return Assistant(model=Path("models/assistant.tar.gz"), extra_env={**clean, **env})


def test_default_is_no_api_no_cors_localhost():
    args = assistant().rasa_args()
    assert "--enable-api" not in args and "--auth-token" not in args and "--cors" not in args
    assert args[args.index("--interface") + 1] == "127.0.0.1"
    env = assistant().env()
    assert env["SANIC_HOST"] == "127.0.0.1"


@pytest.mark.parametrize("token", ["", "short", "               "])
def test_api_without_a_real_token_is_refused(token):
    running = assistant(RASA_API_TOKEN=token)
    running.enable_api = True
    with pytest.raises(AccessConfigError, match="RASA_API_TOKEN"):
        running.rasa_args()
    with pytest.raises(AccessConfigError):
        running.start_rasa()  # refused before any process is started
    assert running.processes == []


def test_api_with_a_token_keeps_the_token_off_the_command_line():
    running = assistant(RASA_API_TOKEN=TOKEN)
    running.enable_api = True
    args = running.rasa_args()
    assert "--enable-api" in args and TOKEN not in " ".join(args)


@pytest.mark.parametrize("value", ["*", "chat.example.org", "ftp://x.org", "https://x.org/path", "https://"])
def test_bad_origins_are_refused(value):
    with pytest.raises(AccessConfigError, match="ALLOWED_ORIGIN"):
        check_origins(value)


def test_origins_become_cors_arguments():
    args = assistant(ALLOWED_ORIGIN="https://chat.example.org/, http://localhost:8080").rasa_args()
    assert args[args.index("--cors"):] == ["--cors", "https://chat.example.org", "http://localhost:8080"]


def test_launcher_refuses_the_api_without_a_token():
    env = {k: v for k, v in os.environ.items() if k != "RASA_API_TOKEN"}
    done = subprocess.run([sys.executable, "-m", "bot.runtime.servers", "run", "--enable-api"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "RASA_API_TOKEN" in done.stderr and "Traceback" not in done.stderr
