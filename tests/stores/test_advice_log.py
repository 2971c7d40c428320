"""The advice log: one row per advice, codes and ids only, migrated by alembic."""

from __future__ import annotations

import json
import logging

import pytest
import sqlalchemy as sa

from bot.runtime.cli import main
from bot.storage.audit import log as advice_log
from bot.storage.audit.migrate import current, upgrade
from tests.stores.factories import advice


def read_rows(url: str):
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return [dict(r._mapping) for r in connection.execute(sa.text("SELECT * FROM advice_log"))]
    finally:
        engine.dispose()


def test_one_row_per_advice_with_no_free_text_and_no_names(db_url):
    assert advice_log.record_advice("sender-42", advice(), source="advice", consent_status="refused", url=db_url)
    rows = read_rows(db_url)
    assert len(rows) == 1
    row = rows[0]
    assert (row["area"], row["level"], row["route"], row["source"]) == ("norfolk", 4, "cads", "advice")
    ids = json.loads(row["indicator_ids"]) if isinstance(row["indicator_ids"], str) else row["indicator_ids"]
    assert ids == ["nfk-s47-01"]
    assert row["consent_status"] == "refused" and row["consent_needed"] is not None
    assert row["consent_rationale"] == "significant_harm_share_and_tell_parents"
    assert row["guidance_version"] == "abc123def456" and row["created_at"] is not None
    dump = json.dumps(row, default=str)
    assert "Tyler" not in dump and "belt" not in dump and "sender-42" not in dump
    assert row["sender_hash"] == advice_log.sender_hash("sender-42")


def test_consent_rationale_is_the_engines_code_from_a_closed_set():
    """The log copies the engine's reason (issue 16: it is decided once, with the consent advice)."""
    told = advice(tell_parents=False)
    told.consent.reason = "significant_harm_do_not_tell:user_said_risky"
    assert advice_log.consent_rationale(told) == "significant_harm_do_not_tell:user_said_risky"
    odd = advice()
    odd.consent.reason = "because I said so"
    with pytest.raises(ValueError):
        advice_log.consent_rationale(odd)
    for code in ("consent_needed:given", "significant_harm_do_not_tell:user_said_risky"):
        assert code in advice_log.RATIONALES


def test_migrations_are_idempotent_and_the_command_reports_the_revision(db_url, capsys):
    upgrade(db_url)
    upgrade(db_url)
    assert current(db_url) == "0001_advice_log"
    assert main(["migrate", "--db-url", db_url]) == 0
    assert "0001_advice_log" in capsys.readouterr().out


def test_a_failed_write_is_logged_not_raised(caplog, tmp_path):
    with caplog.at_level(logging.ERROR):
        ok = advice_log.record_advice("s", advice(), url="postgresql://nobody@127.0.0.1:1/none")
    assert ok is False
    assert "Advice log write failed" in caplog.text


def test_the_actions_write_the_log_from_their_slots(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/a.db"
    monkeypatch.setenv("ADVICE_DB_URL", url)
    assert advice_log.record_from_slots("s1", advice(tell_parents=False), {"consent_status": "given",
                                                                           "consent_risky": "yes"}, "escalation")
    row = read_rows(url)[0]
    assert (row["source"], row["consent_status"], row["consent_rationale"]) == \
        ("escalation", "given", "significant_harm_do_not_tell:user_said_risky")
