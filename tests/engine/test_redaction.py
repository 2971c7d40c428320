"""Redaction of personal details: recall per type on the fictional PII corpus, and no damage to clean text."""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
import yaml

from bot.privacy.redaction import (
    TYPES,
    RedactingLogFilter,
    find_pii,
    nhs_check_digit_ok,
    redact,
    redact_known,
    redact_quotes,
    redact_value,
)

CORPUS_PATH = Path(__file__).resolve().parents[1] / "data" / "pii_corpus.yml"
RECALL_FLOOR = 0.95
# Words that may stay after redaction because they identify no one ("Mrs [NAME]", "Flat [..]").
GENERIC = {"mr", "mrs", "miss", "ms", "mx", "dr", "and", "on", "st", "the", "of", "dob", "flat", "road", "street",
           "lane", "close", "drive", "way", "avenue", "grove", "house", "court", "lodge", "school", "primary",
           "academy", "college", "infants", "junior", "nursery", "high", "rc", "community", "catholic",
           "auntie", "nana", "reverend", "pc"}


def load_corpus() -> List[Dict]:
    return yaml.safe_load(CORPUS_PATH.read_text(encoding="utf-8"))["sentences"]


def words(text: str) -> List[str]:
    return [t.lower() for t in re.findall(r"[A-Za-z0-9]+", text)]


def leaked(value: str, text: str, redacted: str) -> bool:
    """True if any identifying part of the value is still in the redacted text.

    Identifying parts are the value's words that are not generic ("Mrs", "Road") and that the
    rest of the sentence does not also use ("office" in "office@..." when the sentence says "office").
    """
    elsewhere = set(words(text.replace(value, " ")))
    parts = [w for w in words(value) if w not in GENERIC and w not in elsewhere and len(w) > 1]
    return any(p in words(redacted) for p in parts) or value in redacted


def score(corpus: List[Dict]) -> Tuple[Counter, Counter, Counter, List[str]]:
    total, caught, typed = Counter(), Counter(), Counter()
    misses = []
    for item in corpus:
        out = redact(item["text"])
        for span in item["pii"]:
            total[span["type"]] += 1
            if leaked(span["value"], item["text"], out):
                misses.append(f"{span['type']}: {span['value']!r} in {out!r}")
            else:
                caught[span["type"]] += 1
                if f"[{span['type']}]" in out:
                    typed[span["type"]] += 1
    return total, caught, typed, misses


def test_corpus_is_big_enough_and_well_formed():
    corpus = load_corpus()
    assert len(corpus) >= 200
    kinds = Counter(span["type"] for item in corpus for span in item["pii"])
    # This corpus covers the first eight kinds; the blind corpus (tests/privacy_blind/) covers the rest.
    assert set(kinds) == set(TYPES[:8]), kinds
    assert sum(1 for item in corpus if not item["pii"]) >= 40
    for item in corpus:
        for span in item["pii"]:
            assert span["value"] in item["text"], span


def recall_table(title: str, corpus: List[Dict]) -> Tuple[float, List[str], List[str]]:
    total, caught, typed, misses = score(corpus)
    lines = [title, f"{'type':<12}{'spans':>6}{'recall':>8}{'typed':>8}"]
    for kind in TYPES:
        if total[kind]:
            lines.append(f"{kind:<12}{total[kind]:>6}{caught[kind] / total[kind]:>8.1%}"
                         f"{typed[kind] / total[kind]:>8.1%}")
    overall = sum(caught.values()) / sum(total.values())
    lines.append(f"{'overall':<12}{sum(total.values()):>6}{overall:>8.1%}"
                 f"{sum(typed.values()) / sum(total.values()):>8.1%}")
    return overall, lines, misses


def test_recall_per_type_and_overall(capsys):
    corpus = load_corpus()
    overall, lines, misses = recall_table("Redaction recall, whole corpus (tests/data/pii_corpus.yml)", corpus)
    held, held_lines, held_misses = recall_table(
        "Late additions only (held out at first: 71.4% before the rules were revised)",
        [i for i in corpus if i.get("held_out")])
    with capsys.disabled():
        print("\n" + "\n".join(lines + [""] + held_lines))
        for miss in misses:
            print("  missed", miss)
    assert overall >= RECALL_FLOOR, misses
    assert held >= RECALL_FLOOR, held_misses


@pytest.mark.parametrize("item", [i for i in load_corpus() if not i["pii"]], ids=lambda i: i["text"][:40])
def test_sentences_without_personal_details_are_unchanged(item):
    assert redact(item["text"]) == item["text"]


@pytest.mark.parametrize("words", ["bruise", "Norfolk", "MASH", "King's Lynn", "Kings Lynn", "Great Yarmouth",
                                   "Northampton", "Nottingham City", "Bedford Borough", "CADS", "NSPCC", "DSL",
                                   "Mansfield", "Luton", "Corby", "Diss", "Holt", "Clifton"])
def test_safeguarding_words_and_places_survive(words):
    text = f"I'm worried about a bruise; the family live in {words} and I called the MASH."
    assert redact(text) == text


def test_service_numbers_from_the_guidance_are_kept():
    text = "I rang the NSPCC on 0808 800 5000."
    assert redact(text) == text


def test_placeholders_are_typed():
    out = redact("Call Mrs Okafor on 07700 900123 or email k.obrien@example.co.uk, postcode NR3 1QX.")
    assert out == "Call Mrs [NAME] on [PHONE] or email [EMAIL], postcode [POSTCODE]."


def test_nhs_mod11_check():
    assert nhs_check_digit_ok("9434765919")
    assert not nhs_check_digit_ok("9434765918")
    # Ten digits that fail the check are not an NHS number unless the user calls them one; since issue 14 a
    # long bare number is redacted as a reference number instead (case, crime and log numbers identify people).
    assert [span.type for span in find_pii("order ref 1234567890")] == ["REFERENCE"]
    assert redact("NHS number 1234567890") == "NHS number [NHS_NUMBER]"


def test_echoes_of_user_words_are_redacted():
    assert redact_quotes('a bruise (you said "Tyler hit Kayden") - a red flag') == \
        'a bruise (you said "[NAME] hit [NAME]") - a red flag'
    assert redact_known("Thanks, Okafor.", {"Okafor": "NAME"}) == "Thanks, [NAME]."
    assert redact_value({"matched": ["Jayden Clarke's bruise"], "level": 4}) == {"matched": ["[NAME]'s bruise"],
                                                                                   "level": 4}


def test_log_filter_redacts_message_and_arguments():
    record = logging.LogRecord("rasa", logging.DEBUG, __file__, 1, "Received user message '%s'", ("Mrs Okafor",),
                               None)
    RedactingLogFilter().filter(record)
    assert record.getMessage() == "Received user message 'Mrs [NAME]'"


def test_fast_enough_for_every_message():
    sentences = [i["text"] for i in load_corpus()]
    redact(sentences[0])
    start = time.perf_counter()
    for text in sentences:
        redact(text)
    per_message = (time.perf_counter() - start) / len(sentences)
    assert per_message < 0.005, f"{per_message * 1000:.2f} ms per message"


def test_guidance_text_is_not_redacted():
    """Precision on the bot's side: the advice quotes guidance/, and none of it is mistaken for a person."""
    changed = []

    def walk(value):
        if isinstance(value, str):
            if redact(value) != value:
                changed.append((value[:80], redact(value)[:80]))
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for path in sorted((Path(__file__).resolve().parents[2] / "guidance").glob("*.yml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert not changed, changed[:5]


def test_installed_record_factory_redacts_every_logger(monkeypatch, caplog):
    """What the servers install: any logger's record is redacted before a handler sees it."""
    import bot.privacy.redaction as redaction

    monkeypatch.setattr(redaction, "_log_installed", False)
    original = logging.getLogRecordFactory()
    try:
        redaction.install_log_redaction()
        with caplog.at_level(logging.INFO, logger="sanic.anything"):
            logging.getLogger("sanic.anything").info("user said %s", "call Kayla Simmons on 07700 900123")
        assert caplog.messages[-1] == "user said call [NAME] on [PHONE]"
    finally:
        logging.setLogRecordFactory(original)


@pytest.mark.parametrize("text", ["her dad Hit her with a belt", "Mum Drinks every day and Dad Smacks him",
                                  "the baby's Bruise was on her ear", "her stepdad Touches her"])
def test_worry_words_are_never_taken_for_names(text):
    """Safety: later turns read the stored (redacted) answers, so a worry word must survive even if capitalised."""
    assert redact(text) == text


def test_the_action_server_installs_log_redaction_at_start(monkeypatch):
    """Issue 16: the action server redacts its logs when it starts (bot.runtime.action_server.install), not as a
    side effect of importing the actions package."""
    from rasa_sdk import endpoint

    import bot.privacy.redaction as redaction
    from bot.runtime import action_server

    monkeypatch.setattr(redaction, "_log_installed", False)
    monkeypatch.setattr(endpoint, "create_app", endpoint.create_app)  # restored after the test
    original = logging.getLogRecordFactory()
    try:
        action_server.install("t" * 32)
        assert redaction._log_installed and logging.getLogRecordFactory() is not original
    finally:
        logging.setLogRecordFactory(original)


def test_importing_the_actions_does_no_work_at_import():
    """Importing every action module leaves the process's logging as it was (run in a fresh interpreter)."""
    import subprocess
    import sys

    from bot.settings import ROOT

    code = ("import logging; f = logging.getLogRecordFactory(); import actions.advice, actions.assessment_form; "
            "import bot.privacy.redaction as r; print(logging.getLogRecordFactory() is f, r._log_installed)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.stdout.strip().splitlines()[-1] == "True False", result.stderr[-2000:]
