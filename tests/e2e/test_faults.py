"""Faults, each checked from the user's side and for what was kept.

- the action server dies mid-conversation and comes back;
- the Rasa server restarts mid-conversation;
- the conversation database (a throwaway PostgreSQL cluster of our own, never the shared
  server) stops mid-conversation and starts again;
- the same message is delivered twice.

One assistant (``faulty``) serves the first two and the access checks that need the HTTP API
on (token) and CORS set, so the module starts two Rasa servers in all.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from bot.features.safety_net import door_line
from bot.runtime.servers import Assistant, free_port
from tests.e2e.conftest import MODEL
from tests.e2e.driver import advice_payload, answer_for, post, which_question

pytestmark = pytest.mark.e2e

TOKEN = "test-token-" + uuid.uuid4().hex
ORIGIN = "https://chat.example.org"
CASE: Dict[str, Any] = {"area": "Northampton", "age": "9", "role": "professional",
                        "worried": "He comes in hungry most days and his uniform is dirty.",
                        "working_well": "His nan helps out", "needs": "Support for mum", "scale": 5,
                        "consent": "given"}
DOOR = door_line("northamptonshire")


def texts(messages: List[Dict[str, Any]]) -> str:
    return " ".join(m.get("text") or "" for m in messages)


def send(webhook: str, body: Dict[str, Any], timeout: float = 120) -> Tuple[int, Any, Dict[str, str]]:
    request = urllib.request.Request(webhook, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read().decode()), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read().decode() or "null"), dict(error.headers)


def answer_until(webhook: str, sender: str, messages: List[Dict[str, Any]], stop_at: Optional[str] = None,
                 max_turns: int = 30) -> List[Dict[str, Any]]:
    """Answer whatever is asked (from CASE) until ``stop_at`` is asked, or the advice arrives."""
    for _ in range(max_turns):
        slot = which_question(messages)
        if advice_payload(messages) or (stop_at and slot == stop_at):
            return messages
        assert slot, f"no question recognised in {texts(messages)[:500]}"
        messages = post(webhook, sender, answer_for(slot, CASE), timeout=120)
    raise AssertionError(f"no advice after {max_turns} turns")


def start_of_conversation(webhook: str, sender: str, stop_at: str) -> List[Dict[str, Any]]:
    messages = answer_until(webhook, sender, post(webhook, sender, "I'm worried about a child"), stop_at)
    assert which_question(messages) == stop_at
    return messages


@pytest.fixture(scope="module")
def faulty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    db = Path(tmp_path_factory.mktemp("faults-db")) / "conversations.db"
    running = Assistant(model=MODEL, port=free_port(), action_port=free_port(), db_url=f"sqlite:///{db}",
                        log_dir=Path(tmp_path_factory.mktemp("faults-logs")), enable_api=True,
                        extra_env={"RASA_API_TOKEN": TOKEN, "ALLOWED_ORIGIN": ORIGIN})
    try:
        running.start()
        yield running
    finally:
        running.stop()


def _process(assistant: Assistant, marker: str) -> subprocess.Popen:
    return next(p for p in reversed(assistant.processes) if p.poll() is None and marker in " ".join(p.args))


def test_action_server_down_mid_conversation_then_back(faulty: Assistant):
    sender = f"fault-actions-{uuid.uuid4().hex}"
    start_of_conversation(faulty.webhook, sender, "triage_role")
    faulty.stop_process(_process(faulty, "--actions"))

    status, messages, _ = send(faulty.webhook, {"sender": sender, "message": "teacher"})
    said = texts(messages)
    assert status == 200 and "999" in said and DOOR in said, said[:800]

    faulty.start_actions()
    messages = post(faulty.webhook, sender, "teacher")
    assert which_question(messages) == "child_age", texts(messages)[:800]  # the form goes on, area kept
    advice = advice_payload(answer_until(faulty.webhook, sender, messages))
    assert advice and advice["area"] == "northamptonshire" and advice["role"] == "professional"


def test_rasa_restart_mid_conversation_resumes_from_the_tracker_store(faulty: Assistant):
    sender = f"fault-restart-{uuid.uuid4().hex}"
    start_of_conversation(faulty.webhook, sender, "child_age")
    faulty.stop_process(_process(faulty, "bot.runtime.servers"))
    faulty.start_rasa()

    messages = post(faulty.webhook, sender, "9")
    assert which_question(messages) == "sos_worried", texts(messages)[:800]
    with urllib.request.urlopen(f"{faulty.url}/conversations/{sender}/tracker?token={TOKEN}", timeout=60) as r:
        slots = json.loads(r.read().decode())["slots"]
    assert slots.get("triage_role") == "professional" and slots.get("child_age")
    assert slots.get("triage_area") and slots.get("triage_danger_now") is False
    advice = advice_payload(answer_until(faulty.webhook, sender, messages))
    assert advice and advice["area"] == "northamptonshire"


def test_http_api_needs_the_token(faulty: Assistant):
    for path in ("/status", "/conversations/anyone/tracker", f"/status?token=wrong-{TOKEN}"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(faulty.url + path, timeout=30)
        assert refused.value.code in (401, 403), path
    with urllib.request.urlopen(f"{faulty.url}/status?token={TOKEN}", timeout=30) as response:
        assert response.status == 200


def _cors(url: str, origin: str) -> Optional[str]:
    request = urllib.request.Request(url, method="OPTIONS", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.headers.get("Access-Control-Allow-Origin")
    except urllib.error.HTTPError as error:
        return error.headers.get("Access-Control-Allow-Origin")


def test_cors_only_for_the_configured_origin(faulty: Assistant):
    assert _cors(faulty.webhook, ORIGIN) == ORIGIN
    assert _cors(faulty.webhook, "https://evil.example.com") is None


def test_the_same_message_delivered_twice_gets_one_answer(faulty: Assistant):
    sender = f"fault-dup-{uuid.uuid4().hex}"
    start_of_conversation(faulty.webhook, sender, "triage_area")
    body = {"sender": sender, "message": "Northampton", "message_id": "retry-1"}
    first = send(faulty.webhook, body)
    second = send(faulty.webhook, body)
    assert first[0] == second[0] == 200
    assert second[1] == first[1] and second[2].get("X-Replayed") == "true"
    assert which_question(first[1]) == "triage_role"
    with urllib.request.urlopen(f"{faulty.url}/conversations/{sender}/tracker?token={TOKEN}", timeout=60) as r:
        events = json.loads(r.read().decode())["events"]
    user_texts = [e.get("text") for e in events if e["event"] == "user"]
    assert user_texts.count("Northampton") == 1, user_texts
    # A new message id is a new message: it is answered (here, as the next question's answer).
    status, messages, headers = send(faulty.webhook, {**body, "message": "teacher", "message_id": "retry-2"})
    assert status == 200 and "X-Replayed" not in headers and which_question(messages) == "child_age"


# ------------------------------------------------------------------ PostgreSQL down and back


def _pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not found:
        pytest.fail("PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)")
    return found[-1].parent


class ThrowawayPostgres:
    """A private cluster in a temporary directory on a free port: stopping it never touches the shared server."""

    def __init__(self) -> None:
        self.bin = _pg_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="pg-faults-"))
        self.port = free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if os.geteuid() == 0:  # postgres refuses to run as root: the cluster belongs to the postgres user
            shutil.chown(self.dir, "postgres")
        self._run("initdb", "-D", str(self.dir / "data"), "-A", "trust", "-U", "postgres", "--no-sync")

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_postgres, str(self.bin / tool), *args], check=True, capture_output=True,
                       timeout=120)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-l", str(self.dir / "log"), "-w", "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def test_database_down_fails_visibly_and_the_conversation_recovers(tmp_path: Path):
    postgres = ThrowawayPostgres()
    running = Assistant(model=MODEL, port=free_port(), action_port=free_port(), db_url=postgres.url, log_dir=tmp_path)
    try:
        postgres.start()
        running.start()
        sender = f"fault-db-{uuid.uuid4().hex}"
        start_of_conversation(running.webhook, sender, "triage_role")

        postgres.stop()
        status, messages, headers = send(running.webhook, {"sender": sender, "message": "teacher"})
        said = texts(messages)
        assert status == 503 and headers.get("Retry-After"), (status, said[:500])
        assert "999" in said and "not saved" in said and DOOR in said

        postgres.start()
        messages = post(running.webhook, sender, "teacher")
        assert which_question(messages) == "child_age", texts(messages)[:800]  # area and danger answers kept
        advice = advice_payload(answer_until(running.webhook, sender, messages))
        assert advice and advice["area"] == "northamptonshire"
    finally:
        running.stop()
        postgres.remove()
