"""Start and stop the action server and the Rasa server as child processes.

Used by `make run`, `make shell`, the end-to-end tests and the benchmark, so all
of them start the assistant the same way, with the same access rules:

- the action server binds to 127.0.0.1 only (SANIC_HOST) and allows no CORS;
- Rasa's HTTP API (trackers, models, events) is off unless asked for, and then only with a
  token (RASA_API_TOKEN); asking for it without one is refused before anything starts;
- CORS on the Rasa server is limited to ALLOWED_ORIGIN (unset: same-origin only; "*" refused);
- request bodies are capped (SANIC_REQUEST_MAX_SIZE, 1 MiB unless set).

The token is handed to Rasa inside the launcher process (``python -m bot.runtime.servers``), never on a
command line that ``ps`` would show to other users of the machine.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional
from urllib.parse import urlsplit

from bot.settings import ROOT, environment_copy
from bot.settings import env as read_env

RASA = str(Path(sys.executable).with_name("rasa"))
DEFAULT_REQUEST_MAX_SIZE = str(1024 * 1024)
TOKEN_ENV = "RASA_API_TOKEN"
ORIGIN_ENV = "ALLOWED_ORIGIN"
MIN_TOKEN_CHARS = 16


class AccessConfigError(ValueError):
    """The access settings are unsafe (an API without a token, CORS for every origin): refuse to start."""


def check_origins(value: Optional[str]) -> List[str]:
    """ALLOWED_ORIGIN: one or more (comma or space separated) origins like https://chat.example.org."""
    origins = [o for o in (value or "").replace(",", " ").split() if o]
    for origin in origins:
        parts = urlsplit(origin)
        if origin == "*" or parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
            raise AccessConfigError(f"{ORIGIN_ENV} must list origins like https://chat.example.org (no '*', no "
                                    f"path); got {origin!r}")
    return [o.rstrip("/") for o in origins]


def check_token(token: Optional[str]) -> str:
    if not token or len(token.strip()) < MIN_TOKEN_CHARS:
        raise AccessConfigError(f"the Rasa HTTP API needs a token: set {TOKEN_ENV} to a random secret of at least "
                                f"{MIN_TOKEN_CHARS} characters (e.g. `python -c 'import secrets; "
                                f"print(secrets.token_urlsafe(32))'`), or leave the API off")
    return token.strip()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float, process: Optional[subprocess.Popen] = None) -> None:
    """Poll ``url`` until it answers 200; fail early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f}s")


WARM_UP_CALL = {"next_action": "action_warm_up", "sender_id": "warm-up", "domain": {},
                "tracker": {"sender_id": "warm-up", "slots": {}, "latest_message": {}, "events": [], "paused": False,
                            "followup_action": None, "active_loop": {}, "latest_action_name": None}}


def warm_up_actions(action_port: int, timeout: float = 120, token: str = "") -> None:
    """Have the action server load the engine now (actions/warmup.py), not on the first person's answer."""
    body = json.dumps(WARM_UP_CALL).encode()
    query = "?" + urllib.parse.urlencode({"token": token}) if token else ""
    request = urllib.request.Request(f"http://127.0.0.1:{action_port}/webhook{query}", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        answer = json.loads(response.read().decode())
    if answer.get("events") != [] or answer.get("responses") != []:
        raise RuntimeError(f"the action server's warm-up answered unexpectedly: {answer}")


def action_server_token() -> str:
    """ACTION_SERVER_TOKEN if set (a cluster shares one), else a fresh random one for this launch.

    The action server answers only callers with this token (bot/runtime/action_server.py); it is handed to both servers.
    """
    return read_env("ACTION_SERVER_TOKEN") or secrets.token_urlsafe(32)


class LocalHttp:
    """The address of something serving Rasa's channels on 127.0.0.1 (one assistant, or a cluster's balancer)."""

    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def webhook(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"


@dataclass
class Assistant(LocalHttp):
    """The two servers of one running assistant."""

    model: Path
    port: int = 5005
    action_port: int = 5055
    db_url: Optional[str] = None
    log_dir: Path = ROOT / "build" / "logs"
    extra_env: Dict[str, str] = field(default_factory=dict)
    enable_api: bool = False
    processes: List[subprocess.Popen] = field(default_factory=list)
    action_token: str = field(default_factory=action_server_token)

    def env(self) -> Dict[str, str]:
        env = environment_copy()
        env.update({
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.action_port}/webhook",
            "TRACKER_DB_URL": self.db_url or env.get("TRACKER_DB_URL") or "sqlite:///build/conversations.db",
            "RASA_TELEMETRY_ENABLED": "false",
            "SANIC_HOST": "127.0.0.1",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "ACTION_SERVER_TOKEN": self.action_token,
        })
        env.update(self.extra_env)
        return env

    def _spawn(self, name: str, args: List[str], env: Optional[Dict[str, str]] = None) -> subprocess.Popen:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}-{self.port}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(args, cwd=ROOT, env={**self.env(), **(env or {})}, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        self.processes.append(process)
        return process

    def start_actions(self, timeout: float = 120) -> subprocess.Popen:
        # rasa_sdk binds to SANIC_HOST (set to 127.0.0.1 in env()): the action server is never public.
        process = self._spawn("actions", [sys.executable, "-m", "bot.runtime.action_server", "run", "actions",
                                          "--actions", "actions", "--port", str(self.action_port)])
        try:
            wait_for(f"http://127.0.0.1:{self.action_port}/health", timeout, process)
            warm_up_actions(self.action_port, timeout, self.env()["ACTION_SERVER_TOKEN"])
        except BaseException:  # a half-started server must not be left holding the port (or be restarted twice)
            self.forget(process)
            raise
        return process

    def rasa_args(self) -> List[str]:
        """The `rasa run` arguments; checks the access settings first (raises AccessConfigError)."""
        env = self.env()
        args = ["run", "--model", str(self.model), "--port", str(self.port), "--credentials", "credentials.yml",
                "--endpoints", "endpoints.yml", "--interface", "127.0.0.1"]
        if self.enable_api:
            check_token(env.get(TOKEN_ENV))
            args.append("--enable-api")  # the launcher adds --auth-token from the environment
        origins = check_origins(env.get(ORIGIN_ENV))
        if origins:
            args += ["--cors", *origins]
        return args

    def start_rasa(self, timeout: float = 300) -> subprocess.Popen:
        args = self.rasa_args()
        process = self._spawn("rasa", [sys.executable, "-m", "bot.runtime.servers", *args],
                              {"SANIC_REQUEST_MAX_SIZE": self.env().get("SANIC_REQUEST_MAX_SIZE")
                               or DEFAULT_REQUEST_MAX_SIZE})
        try:
            wait_for(self.url + "/", timeout, process)
        except BaseException:
            self.forget(process)
            raise
        return process

    def start(self) -> Assistant:
        self.start_actions()
        self.start_rasa()
        return self

    def stop_process(self, process: subprocess.Popen) -> None:
        """SIGTERM to the server's process group (SIGCONT too, so a stopped server can act on it), then SIGKILL."""
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGCONT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def forget(self, process: subprocess.Popen) -> None:
        """Stop ``process`` if it still runs and drop it from ``processes`` (a crashed or failed server)."""
        with contextlib.suppress(ProcessLookupError):
            self.stop_process(process)
        with contextlib.suppress(ProcessLookupError, PermissionError):  # anything it left behind in its group
            os.killpg(process.pid, signal.SIGKILL)
        if process in self.processes:
            self.processes.remove(process)

    def stop(self) -> None:
        for process in reversed(self.processes):
            with contextlib.suppress(ProcessLookupError):  # already gone: nothing to stop
                self.stop_process(process)
        self.processes.clear()


def launch_rasa(argv: List[str]) -> int:
    """`python -m bot.runtime.servers run ...`: Rasa's own CLI, with the API token read from the environment.

    Putting the token into this process's argument list (not the command line we were started
    with) keeps it out of ``ps``; --enable-api without a token is refused here too.
    """
    argv = list(argv)
    if "--enable-api" in argv:
        argv += ["--auth-token", check_token(read_env(TOKEN_ENV))]
    from rasa.__main__ import main as rasa_main

    sys.argv = [RASA, *argv]
    rasa_main()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(launch_rasa(sys.argv[1:]))
    except AccessConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
