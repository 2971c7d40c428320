"""`python -m bot purge / export / forget` against SQLite and PostgreSQL, reading the tables back."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.runtime.cli import main, parse_age
from bot.runtime.servers import ROOT
from bot.storage.audit import log as advice_log
from bot.storage.audit.models import AdviceRecord
from bot.storage.tracker_store import StrictSQLTrackerStore
from tests.stores.factories import advice

DAY = 86400.0


def session(start: float, text: str) -> list:
    return [ActionExecuted("action_session_start", timestamp=start), SessionStarted(timestamp=start + 0.1),
            ActionExecuted("action_listen", timestamp=start + 0.2), UserUttered(text, timestamp=start + 1),
            SlotSet("sos_worried", text, timestamp=start + 2), BotUttered("Thank you.", timestamp=start + 3)]


def populate(url: str) -> None:
    now = time.time()
    store = StrictSQLTrackerStore(domain=Domain.empty(), host=url)
    conversations = {
        "old-sender": session(now - 40 * DAY, "Her brother Tyler hit her"),
        "new-sender": session(now - 60, "Mrs Okafor rang me on 07700 900123"),
        "mixed-sender": session(now - 45 * DAY, "Jayden Clarke was born on 3rd March 2015")
        + session(now - 120, "The family live at 14 Elm Road, Norwich NR3 1QX"),
    }
    for sender, events in conversations.items():
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    with advice_log.session_for(url) as db:
        old = dt.datetime.utcnow() - dt.timedelta(days=40)
        db.add(AdviceRecord(**advice_log.advice_row("old-sender", advice(), "advice", when=old)))
        db.add(AdviceRecord(**advice_log.advice_row("new-sender", advice(), "advice")))
        db.add(AdviceRecord(**advice_log.advice_row("mixed-sender", advice(), "escalation")))
        db.commit()


def counts(url: str) -> dict:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            query = sa.text("SELECT sender_id, count(*) FROM events GROUP BY sender_id")
            events = dict(connection.execute(query).fetchall())
            advice_rows = connection.execute(sa.text("SELECT count(*) FROM advice_log")).scalar()
    finally:
        engine.dispose()
    return {"events": events, "advice": advice_rows}


def test_purge_removes_what_is_past_the_period_and_keeps_live_sessions(db_url, capsys):
    populate(db_url)
    before = counts(db_url)
    assert before["events"] == {"old-sender": 6, "new-sender": 6, "mixed-sender": 12} and before["advice"] == 3
    assert main(["purge", "--older-than", "30d", "--db-url", db_url]) == 0
    assert "12 conversation events, 1 advice log rows" in capsys.readouterr().out
    after = counts(db_url)
    assert after["events"] == {"new-sender": 6, "mixed-sender": 6}, after
    assert after["advice"] == 2
    # The mixed conversation keeps its current session and still reads back.
    store = StrictSQLTrackerStore(domain=Domain.empty(), host=db_url)
    tracker = asyncio.run(store.retrieve("mixed-sender"))
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["The family live at [ADDRESS], "
                                                                               "Norwich [POSTCODE]"]
    # A shorter period then removes the rest; hours and weeks are understood.
    assert main(["purge", "--older-than", "1h", "--db-url", db_url]) == 0
    assert main(["purge", "--older-than", "1w", "--db-url", db_url]) == 0


def test_purge_default_period_comes_from_retention_days(db_url, monkeypatch, capsys):
    populate(db_url)
    monkeypatch.setenv("RETENTION_DAYS", "50")
    assert main(["purge", "--db-url", db_url]) == 0
    assert counts(db_url)["events"] == {"old-sender": 6, "new-sender": 6, "mixed-sender": 12}
    monkeypatch.setenv("RETENTION_DAYS", "35")
    assert main(["purge", "--db-url", db_url]) == 0
    assert "old-sender" not in counts(db_url)["events"]


def test_export_prints_one_redacted_conversation(db_url, capsys):
    populate(db_url)
    capsys.readouterr()
    assert main(["export", "mixed-sender", "--db-url", db_url]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["sender"] == "mixed-sender" and record["redacted"] is True
    texts = [e.get("text") for e in record["events"] if e["event"] == "user"]
    assert texts == ["[NAME] was born on [DOB]", "The family live at [ADDRESS], Norwich [POSTCODE]"]
    assert [r["source"] for r in record["advice_log"]] == ["escalation"]
    dump = json.dumps(record)
    for value in ("Jayden", "Clarke", "Elm Road", "NR3 1QX", "Okafor", "Tyler"):
        assert value not in dump
    assert main(["export", "nobody-here", "--db-url", db_url]) == 1
    assert "nothing stored" in capsys.readouterr().err


def test_forget_deletes_one_conversation_and_its_advice_rows(db_url, capsys):
    populate(db_url)
    assert main(["forget", "new-sender", "--db-url", db_url]) == 0
    assert "6 conversation events, 1 advice log rows deleted" in capsys.readouterr().out
    after = counts(db_url)
    assert "new-sender" not in after["events"] and after["events"]["old-sender"] == 6
    assert after["advice"] == 2
    assert advice_log.rows_for("new-sender", db_url) == []


@pytest.mark.parametrize("text,seconds", [("30d", 30 * DAY), ("12h", 12 * 3600), ("2w", 14 * DAY), ("7", 7 * DAY)])
def test_periods(text, seconds):
    assert parse_age(text) == seconds


@pytest.mark.parametrize("bad", ["thirty", "0d", "-3d", "5y", ""])
def test_bad_period_is_a_clear_error(bad, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["purge", f"--older-than={bad}", "--db-url", "sqlite://"])
    assert exit_info.value.code == 2
    assert "is not a period" in capsys.readouterr().err


def test_unreachable_database_is_one_clear_line(capsys):
    assert main(["forget", "x", "--db-url", "postgresql://nobody@127.0.0.1:1/none"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: database unavailable") and "Traceback" not in err


def test_the_module_entry_point_runs(tmp_path):
    url = f"sqlite:///{tmp_path}/c.db"
    result = subprocess.run([sys.executable, "-m", "bot", "purge", "--older-than", "30d", "--db-url", url],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "purged data older than" in result.stdout


def test_bad_retention_days_is_a_clear_error(monkeypatch, capsys):
    monkeypatch.setenv("RETENTION_DAYS", "a month")
    assert main(["purge", "--db-url", "sqlite://"]) == 2
    assert "RETENTION_DAYS" in capsys.readouterr().err
