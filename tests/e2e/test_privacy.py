"""End to end: personal details sent over REST never reach the database or the logs (read back to check).

One assistant of our own, with DEBUG logging on the Rasa server (LOG_LEVEL=DEBUG) so that it logs every
user message and parse result: the logs are then the hardest case for redaction, not an empty one. The
action server runs at its production level (INFO).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest
import sqlalchemy as sa
import yaml

from bot.runtime.servers import ROOT, Assistant, free_port
from tests.e2e.conftest import MODEL
from tests.e2e.driver import post, run_case

pytestmark = pytest.mark.e2e

CORPUS = yaml.safe_load((ROOT / "tests" / "data" / "pii_corpus.yml").read_text(encoding="utf-8"))["sentences"]
PII_ITEMS = [item for item in CORPUS if item["pii"]]
PII = sorted({span["value"] for item in PII_ITEMS for span in item["pii"]}, key=len, reverse=True)
CASE = {"area": "Norwich", "age": "4 months", "mobile": False, "scale": 3, "consent": "not_asked",
        "worried": "Kayden Hollis has a bruise on his cheek and his stepdad Darren rang me from 07700 900765"}
CASE_PII = ["Kayden Hollis", "Kayden", "Hollis", "Darren", "07700 900765"]
PER_MESSAGE = 1  # one sentence per message (several per message hit a slow matcher path, see report)
PER_SENDER = 4  # messages per conversation: short, so no answer accumulates into a very long text


@pytest.fixture(scope="module")
def privacy_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, Any]]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train` (make e2e does this first)")
    db_url = f"sqlite:///{tmp_path_factory.mktemp('privacy-db') / 'conversations.db'}"
    logs = Path(tmp_path_factory.mktemp("privacy-logs"))
    assistant = Assistant(model=MODEL, port=free_port(), action_port=free_port(), db_url=db_url, log_dir=logs,
                          extra_env={"LOG_LEVEL": "DEBUG", "ADVICE_DB_URL": db_url})
    replies: List[Any] = []
    try:
        assistant.start()
        result = run_case(assistant.webhook, "privacy-e2e-advice", CASE)
        chunks = [PII_ITEMS[i:i + PER_MESSAGE] for i in range(0, len(PII_ITEMS), PER_MESSAGE)]
        for number, start in enumerate(range(0, len(chunks), PER_SENDER)):
            sender = f"privacy-e2e-{number}"
            for chunk in chunks[start:start + PER_SENDER]:
                replies.append(post(assistant.webhook, sender, " ".join(item["text"] for item in chunk)))
    finally:
        assistant.stop()  # flushes and closes the log files before they are read
    yield {"db_url": db_url, "logs": sorted(logs.glob("*.log")), "advice": result["advice"],
           "transcript": result["transcript"], "replies": replies}


def db_dump(url: str, table: str) -> List[Dict[str, Any]]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return [dict(r._mapping) for r in connection.execute(sa.text(f"SELECT * FROM {table}"))]
    finally:
        engine.dispose()


def found(values: List[str], text: str) -> List[str]:
    """The values that occur in ``text`` as whole words ("Ava", not the "Ava" of "Available"), raw or JSON-escaped."""
    def occurs(value: str) -> bool:
        return any(re.search(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])", text)
                   for form in {value, json.dumps(value)[1:-1]})
    return [v for v in values if occurs(v)]


def test_the_conversation_still_uses_the_words_in_memory(privacy_run):
    assert privacy_run["advice"]["level"] == 4  # the bruise on a non-mobile baby was understood
    assert all(isinstance(r, list) and r for r in privacy_run["replies"])  # every message was answered


def test_no_personal_detail_reaches_the_database(privacy_run):
    events = db_dump(privacy_run["db_url"], "events")
    dump = "\n".join(str(row["data"]) for row in events)
    assert len(events) > 100
    assert not found(PII + CASE_PII, dump)
    assert "[NAME]" in dump and "[PHONE]" in dump and "bruise" in dump


def test_the_advice_log_has_a_row_per_advice_and_no_free_text(privacy_run):
    rows = db_dump(privacy_run["db_url"], "advice_log")
    assert any(r["source"] == "advice" and r["level"] == 4 and r["area"] == "norfolk" for r in rows), rows
    dump = json.dumps(rows, default=str)
    assert not found(PII + CASE_PII + ["bruise", "privacy-e2e"], dump)


def test_no_personal_detail_reaches_the_logs(privacy_run):
    logs = privacy_run["logs"]
    assert {p.name.split("-")[0] for p in logs} == {"actions", "rasa"}
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in logs)
    assert '"parse_data_text"' in text  # DEBUG logging really did log the user's messages...
    assert "[NAME]" in text  # ...redacted
    assert not found(PII + CASE_PII, text)
