"""The `make run` launcher under real signals, as an operator or a service manager sends them.

- the action server crashes (SIGKILL): the launcher restarts it, with a log line, the Rasa
  server keeps serving, and meanwhile users get the safety net (999 and the front door);
- the action server hangs (SIGSTOP): each turn gets the safety net within 10 seconds, and the
  conversation goes on once it runs again (SIGCONT);
- SIGTERM, SIGHUP (with the action server hung, too) and SIGINT to the launcher stop both servers
  and free their ports.

Three launchers (``scripts/run_assistant.py``, what `make run` starts) are started at once, on
free ports of their own, so the module pays for one start-up, not three.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import pytest

from bot.runtime.servers import ROOT, free_port
from tests.e2e.conftest import MODEL
from tests.e2e.driver import post, which_question
from tests.e2e.test_faults import DOOR, send, start_of_conversation, texts

pytestmark = pytest.mark.e2e

START_TIMEOUT = 300
HANG_LIMIT = 10.0  # seconds a person may wait for the safety net while the action server hangs


def _stat(pid: int) -> Optional[List[str]]:
    """Fields of /proc/<pid>/stat after the command name (state first), or None if gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return raw.rsplit(")", 1)[1].split()


def alive(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def port_open(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class Launcher:
    """One `scripts/run_assistant.py` process, its output in a file, its servers found through /proc."""

    def __init__(self, name: str, tmp: Path) -> None:
        self.name = name
        self.port, self.action_port = free_port(), free_port()
        self.out = tmp / f"launcher-{name}.log"
        env = {k: v for k, v in os.environ.items() if k != "ACTION_TIMEOUT_SECONDS"}  # the default is tested
        env.update({"TRACKER_DB_URL": f"sqlite:///{tmp / f'{name}.db'}", "RASA_TELEMETRY_ENABLED": "false"})
        with open(self.out, "wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "scripts/run_assistant.py", "--model", str(MODEL), "--port", str(self.port),
                 "--action-port", str(self.action_port)], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        self.seen: Dict[int, str] = {}  # every server pid ever seen, for the clean-up

    @property
    def webhook(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhooks/rest/webhook"

    def output(self) -> str:
        return self.out.read_text(errors="replace")

    def children(self) -> Dict[str, int]:
        """The launcher's live servers: {"actions": pid, "rasa": pid}."""
        found: Dict[str, int] = {}
        for entry in Path("/proc").iterdir():
            fields = _stat(int(entry.name)) if entry.name.isdigit() else None
            if not fields or int(fields[1]) != self.process.pid or fields[0] in ("Z", "X"):
                continue
            with contextlib.suppress(OSError):
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                name = "actions" if " run actions" in cmd else "rasa" if "bot.runtime.servers" in cmd else None
                if name:
                    found[name] = int(entry.name)
                    self.seen[int(entry.name)] = name
        return found

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"launcher {self.name} exited with {self.process.returncode}:\n{self.output()[-3000:]}")
            if "The assistant is running." in self.output() and len(self.children()) == 2:
                return
            time.sleep(0.5)
        pytest.fail(f"launcher {self.name} not ready within {START_TIMEOUT}s:\n{self.output()[-3000:]}")

    def wait_for_log(self, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output():
            if time.monotonic() > deadline:
                pytest.fail(f"launcher {self.name} never logged {text!r}:\n{self.output()[-3000:]}")
            time.sleep(0.25)

    def clean_up(self) -> None:
        """Whatever a test did: SIGTERM to the launcher, then SIGKILL to anything of ours still alive."""
        self.children()
        for pid, _ in self.seen.items():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=60)
        for pid in [*self.seen, self.process.pid]:
            if alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def launchers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, Launcher]]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train` (make e2e does this first)")
    tmp = Path(tmp_path_factory.mktemp("launchers"))
    started: Dict[str, Launcher] = {}
    try:
        for name in ("main", "hup", "int"):
            started[name] = Launcher(name, tmp)
        for launcher in started.values():
            launcher.wait_ready()
        yield started
    finally:
        for launcher in started.values():
            launcher.clean_up()


def test_a_crashed_action_server_is_restarted_and_users_get_the_safety_net_meanwhile(launchers):
    main = launchers["main"]
    sender = f"crash-{os.getpid()}-{time.time_ns()}"
    start_of_conversation(main.webhook, sender, "triage_role")
    before = main.children()

    os.kill(before["actions"], signal.SIGKILL)
    status, messages, _ = send(main.webhook, {"sender": sender, "message": "teacher"}, timeout=30)
    said = texts(messages)
    assert status == 200 and "999" in said and DOOR in said, said[:800]

    main.wait_for_log(f"action server (pid {before['actions']}) stopped (killed by SIGKILL); restarting it in 1s",
                      timeout=30)
    main.wait_for_log("action server is back", timeout=180)
    after = main.children()
    assert after["actions"] != before["actions"]
    assert after["rasa"] == before["rasa"] and main.process.poll() is None  # the Rasa server kept serving
    messages = post(main.webhook, sender, "teacher")
    assert which_question(messages) == "child_age", texts(messages)[:800]  # the form goes on


def test_a_hung_action_server_gets_the_safety_net_within_10_seconds_then_resumes(launchers):
    main = launchers["main"]
    sender = f"hang-{os.getpid()}-{time.time_ns()}"
    start_of_conversation(main.webhook, sender, "triage_role")
    actions = main.children()["actions"]

    os.kill(actions, signal.SIGSTOP)
    try:
        for _ in range(2):  # every turn, not only the first
            started = time.monotonic()
            status, messages, _ = send(main.webhook, {"sender": sender, "message": "teacher"}, timeout=60)
            took = time.monotonic() - started
            said = texts(messages)
            assert status == 200 and "999" in said and DOOR in said, (status, said[:800])
            assert took < HANG_LIMIT, f"the safety net took {took:.1f}s"
            assert sum("call 999" in (m.get("text") or "") for m in messages) == 1, said  # one message a turn
        assert main.children()["actions"] == actions  # hung, not restarted
    finally:
        os.kill(actions, signal.SIGCONT)

    messages = post(main.webhook, sender, "teacher")
    assert which_question(messages) == "child_age", texts(messages)[:800]
    messages = post(main.webhook, sender, "9")
    assert which_question(messages) == "sos_worried", texts(messages)[:800]


@pytest.mark.parametrize(("name", "sig"), [("main", signal.SIGTERM), ("hup", signal.SIGHUP), ("int", signal.SIGINT)])
def test_a_stop_signal_to_the_launcher_stops_both_servers(launchers, name: str, sig: signal.Signals):
    launcher = launchers[name]
    servers = launcher.children()
    assert set(servers) == {"actions", "rasa"}, launcher.output()[-2000:]
    if sig == signal.SIGHUP:  # a hung server must be stopped too
        os.kill(servers["actions"], signal.SIGSTOP)

    launcher.process.send_signal(sig)
    code = launcher.process.wait(timeout=60)

    assert code == 0, launcher.output()[-2000:]
    left = [f"{kind} (pid {pid})" for kind, pid in servers.items() if alive(pid)]
    assert not left, f"orphaned after {sig.name}: {left}"
    assert not port_open(launcher.port) and not port_open(launcher.action_port)
    if sig != signal.SIGINT:
        assert f"{sig.name}: stopping both servers" in launcher.output()
