"""Start and stop the action server and the Rasa server as child processes.

Used by `make run`, `make shell`, the end-to-end tests and the benchmark, so all
of them start the assistant the same way.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]
RASA = str(Path(sys.executable).with_name("rasa"))


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


@dataclass
class Assistant:
    """The two servers of one running assistant."""

    model: Path
    port: int = 5005
    action_port: int = 5055
    db_url: Optional[str] = None
    log_dir: Path = ROOT / "build" / "logs"
    extra_env: Dict[str, str] = field(default_factory=dict)
    processes: List[subprocess.Popen] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def webhook(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"

    def env(self) -> Dict[str, str]:
        env = dict(os.environ)
        env.update({
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.action_port}/webhook",
            "TRACKER_DB_URL": self.db_url or env.get("TRACKER_DB_URL") or "sqlite:///build/conversations.db",
            "RASA_TELEMETRY_ENABLED": "false",
            "SANIC_HOST": "127.0.0.1",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        })
        env.update(self.extra_env)
        return env

    def _spawn(self, name: str, args: List[str]) -> subprocess.Popen:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}-{self.port}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(args, cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        self.processes.append(process)
        return process

    def start_actions(self, timeout: float = 120) -> subprocess.Popen:
        # rasa_sdk binds to SANIC_HOST (set to 127.0.0.1 in env()): the action server is never public.
        process = self._spawn("actions", [RASA, "run", "actions", "--actions", "actions",
                                          "--port", str(self.action_port)])
        wait_for(f"http://127.0.0.1:{self.action_port}/health", timeout, process)
        return process

    def start_rasa(self, timeout: float = 300) -> subprocess.Popen:
        process = self._spawn("rasa", [RASA, "run", "--model", str(self.model), "--port", str(self.port),
                                       "--credentials", "credentials.yml", "--endpoints", "endpoints.yml",
                                       "--interface", "127.0.0.1"])
        wait_for(self.url + "/", timeout, process)
        return process

    def start(self) -> Assistant:
        self.start_actions()
        self.start_rasa()
        return self

    def stop_process(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def stop(self) -> None:
        for process in reversed(self.processes):
            self.stop_process(process)
        self.processes.clear()
