"""End to end on the blind PII corpus (issue 14): every sentence sent over REST to a running assistant, then
every store read back (the tracker database, the advice log, the written record, both servers' logs) and
scored per kind for recall (no listed detail left) and meaning kept (the listed words still there).

Two kinds of traffic, to keep the run short:
- every sentence once, one sentence per message, ``PER_SENDER`` messages per conversation (the way the issue
  measured it: a person typing into whatever question is open);
- ``FULL`` whole conversations whose worry, "what's working well" and "what's needed" answers are corpus
  sentences, taken to the advice (advice log rows) and the written record (shown in chat and downloaded).

Two measures, both per kind:
- **per sentence** in the database (the stored user message) and in the record: the same scoring as the unit
  test (``tests/privacy_blind/scoring.py``), held to the issue's targets;
- **anywhere in a store**: a detail leaks if one of its identifying words (no ordinary word, place, worry word,
  and not a word of the corpus outside a detail) is anywhere in that store's dump. What leaks must be a detail
  the rules alone miss: the REST path may add no leak of its own (echoes, slots, parse data, logs).
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set

import pytest
import sqlalchemy as sa

from bot.privacy.redaction import redact
from bot.privacy.redaction_lexicon import is_ordinary_word
from bot.runtime.servers import ROOT, Assistant, free_port
from tests.e2e.conftest import MODEL
from tests.e2e.driver import post, run_case
from tests.engine.test_redaction_blind import (
    MEANING_KEPT_TARGET,
    RECALL_OVERALL_TARGET,
    RECALL_PER_KIND_TARGET,
)
from tests.privacy_blind.scoring import GENERIC, KINDS, Score, load, score

pytestmark = pytest.mark.e2e

CORPUS = load()
PER_SENDER = 8  # messages per conversation: few conversations, none so long that a turn slows down
FULL = 3  # whole conversations to the advice and the record
FULL_ITEMS = [item for item in CORPUS if item["pii"]][:3 * FULL]  # worry, working well, needs of each
STORES = ("database", "advice_log", "record", "logs")
YEAR = re.compile(r"(?:19|20)\d\d")  # "2024" of "SGO-2024-118" names no one; the log's own dates hold years


def db_rows(url: str, table: str) -> List[Dict[str, Any]]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return [dict(r._mapping) for r in connection.execute(sa.text(f"SELECT * FROM {table} ORDER BY id"))]
    finally:
        engine.dispose()


def get_text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=120) as response:
        assert response.status == 200
        return response.read().decode()


def full_conversation(assistant: Assistant, number: int) -> Dict[str, Any]:
    """A whole assessment whose free-text answers are corpus sentences; then the record, in chat and as a file."""
    worry, well, needs = (item["text"] for item in FULL_ITEMS[3 * number:3 * number + 3])
    sender = f"blind-full-{number}"
    case = {"area": "Kettering", "age": "9", "role": "professional", "worried": worry, "working_well": well,
            "needs": needs, "scale": 4, "consent": "not_asked"}
    advice = run_case(assistant.webhook, sender, case)["advice"]
    messages = post(assistant.webhook, sender, "/show_record")
    record = [m["custom"] for m in messages if isinstance(m.get("custom"), dict)
              and m["custom"].get("type") == "record"]
    assert record, messages
    download = get_text(assistant.url + record[0]["download_url"])
    headings = ("What are we worried about?", "What's working well?", "What needs to happen?")
    answers = {text: section(download, heading) for text, heading in zip((worry, well, needs), headings, strict=True)}
    return {"advice": advice, "record": record[0]["markdown"] + "\n" + download, "answers": answers}


def section(text: str, heading: str) -> str:
    """The body of one section of the plain-text record (heading in capitals, a rule, the lines, a blank)."""
    lines = text.splitlines()
    start = lines.index(heading.upper()) + 2
    return "\n".join(lines[start:lines.index("", start)])


@pytest.fixture(scope="module")
def blind_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, Any]]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train` (make e2e does this first)")
    db_url = f"sqlite:///{tmp_path_factory.mktemp('blind-db') / 'conversations.db'}"
    logs = Path(tmp_path_factory.mktemp("blind-logs"))
    assistant = Assistant(model=MODEL, port=free_port(), action_port=free_port(), db_url=db_url, log_dir=logs,
                          extra_env={"LOG_LEVEL": "DEBUG", "ADVICE_DB_URL": db_url, "RATE_LIMIT_IP_PER_MIN": "0"})
    senders: Dict[str, List[str]] = {}
    try:
        assistant.start()
        full = [full_conversation(assistant, n) for n in range(FULL)]
        for start in range(0, len(CORPUS), PER_SENDER):
            sender = f"blind-{start // PER_SENDER}"
            senders[sender] = [item["text"] for item in CORPUS[start:start + PER_SENDER]]
            for text in senders[sender]:
                assert post(assistant.webhook, sender, text, timeout=120), text  # every message is answered
    finally:
        assistant.stop()  # flushes and closes the log files before they are read
    events = db_rows(db_url, "events")
    stored: Dict[str, str] = {}
    for sender, texts in senders.items():
        users = [json.loads(row["data"]) for row in events if row["sender_id"] == sender
                 and row["type_name"] == "user"]
        assert len(users) == len(texts), (sender, len(users))
        for text, event in zip(texts, users, strict=True):
            assert event["text"] == event["parse_data"]["text"]
            stored[text] = event["text"]
    run = {
        "stored": stored, "full": full,
        "dumps": {"database": "\n".join(str(row["data"]) for row in events),
                  "advice_log": json.dumps(db_rows(db_url, "advice_log"), default=str),
                  "record": "\n".join(f["record"] for f in full),
                  "logs": "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in logs.glob("*.log"))},
    }
    (logs / "run.json").write_text(json.dumps(run), encoding="utf-8")  # to read a failure at leisure
    yield run


def keys(lines: List[str]) -> Set[str]:
    """A scorer's misses or dropped words without the redacted text after the arrow: what, not where."""
    return {line.split(" -> ")[0] for line in lines}


def assert_targets(result: Score, where: str) -> None:
    assert result.recall() >= RECALL_OVERALL_TARGET, (where, result.misses)
    for kind in KINDS:
        if result.total[kind]:
            assert result.recall(kind) >= RECALL_PER_KIND_TARGET, (where, kind, result.misses)
    assert result.kept() >= MEANING_KEPT_TARGET, (where, result.dropped)


def test_every_sentence_is_stored_redacted_with_its_meaning(blind_run):
    """Per sentence, in the database: recall per kind and meaning kept meet the issue's targets, and the REST
    path stores exactly what the rules make of the sentence (it loses no meaning word and keeps no detail more)."""
    result = score(lambda text: blind_run["stored"][text], CORPUS)
    assert_targets(result, "database")
    rules = score(redact, CORPUS)
    assert keys(result.misses) == keys(rules.misses)
    assert keys(result.dropped) == keys(rules.dropped) and not result.clean_changed


def test_the_record_holds_the_answers_redacted_with_their_meaning(blind_run):
    record = blind_run["dumps"]["record"]
    assert record.count("## Written record") == FULL and record.count("WRITTEN RECORD") == FULL
    answers = {text: body for full in blind_run["full"] for text, body in full["answers"].items()}
    assert len(answers) == len(FULL_ITEMS)
    result = score(lambda text: answers[text], FULL_ITEMS)
    assert_targets(result, "record")
    assert keys(result.misses) <= keys(score(redact, FULL_ITEMS).misses)


def test_the_advice_log_has_a_row_per_advice_and_only_codes(blind_run):
    rows = json.loads(blind_run["dumps"]["advice_log"])
    advice = [r for r in rows if r["source"] == "advice"]
    # The three full assessments each log their advice; since the conversation reads every message for red
    # flags and places (issue 13.1-2), corpus sentences that name a worry or a place may log advice too.
    assert len([r for r in advice if (r["area"] or "").startswith("northamptonshire")]) >= FULL, advice
    for row in rows:  # codes and ids only; consent_source names a guidance section, the time is a time
        for key, value in row.items():
            if key == "indicator_ids":
                value = json.loads(value) if isinstance(value, str) else value
                assert all(re.fullmatch(r"[A-Za-z0-9_.:\-]+", v) for v in value), value
            elif isinstance(value, str) and key not in ("consent_source", "created_at"):
                assert re.fullmatch(r"[A-Za-z0-9_.:\-]*", value), (key, value)
    assert not [r for r in rows if r["consent_source"] and redact(r["consent_source"]) != r["consent_source"]]


def said_by_the_assistant() -> Set[str]:
    """Words the assistant says on its own: guidance/ (contacts such as "0115 876 4800", sources such as "DfE
    2024") and domain.yml. A detail sharing one of them ("0115 496 0312") is found by its other words."""
    files = [*sorted((ROOT / "guidance").rglob("*.yml")), ROOT / "domain.yml"]
    return {w.lower() for f in files for w in re.findall(r"[A-Za-z0-9]+", f.read_text(encoding="utf-8"))}


def identifying_words(corpus: List[Dict[str, Any]]) -> Dict[str, Set[str]]:
    """For each detail (id, kind, text): the words that name someone and that nothing else here would say."""
    outside: Set[str] = said_by_the_assistant()
    for item in corpus:
        rest = item["text"]
        for span in sorted(item["pii"], key=lambda s: len(s["text"]), reverse=True):
            rest = rest.replace(span["text"], " ")
        outside |= {w.lower() for w in re.findall(r"[A-Za-z0-9]+", rest)}
    words: Dict[str, Set[str]] = {}
    for item in corpus:
        for span in item["pii"]:
            tokens = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", span["text"])}
            words[f"{item['id']} {span['kind']}: {span['text']!r}"] = {
                w for w in tokens - GENERIC - outside
                if (len(w) >= 4 and not YEAR.fullmatch(w) if w.isdigit() else len(w) >= 3 and not is_ordinary_word(w))}
    return words


@pytest.mark.parametrize("store", STORES)
def test_no_store_holds_a_detail_the_rules_catch(blind_run, store):
    """Anywhere in each store, per kind: a detail's identifying word present is a leak. Recall per kind meets
    the targets, and every leak is one the rules miss on their own (listed in docs/privacy.md)."""
    text = blind_run["dumps"][store].lower()
    present = set(re.findall(r"[a-z0-9]+", text))
    rules_missed = keys(score(redact, CORPUS).misses)
    words = identifying_words(CORPUS)
    leaks = sorted(detail for detail, ws in words.items() if ws & present)
    assert not [leak for leak in leaks if leak not in rules_missed], leaks
    total: Dict[str, int] = {}
    leaked: Dict[str, int] = {}
    for detail, ws in words.items():
        kind = detail.split()[1].rstrip(":")
        total[kind] = total.get(kind, 0) + bool(ws)
        leaked[kind] = leaked.get(kind, 0) + (detail in leaks)
    assert sum(leaked.values()) <= (1 - RECALL_OVERALL_TARGET) * sum(total.values()), leaks
    for kind, count in total.items():
        assert leaked[kind] <= (1 - RECALL_PER_KIND_TARGET) * count, (kind, leaks)
    assert "[NAME]" in blind_run["dumps"][store] or store == "advice_log"
