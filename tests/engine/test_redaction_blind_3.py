"""The third blind PII corpus (issue 14): read once, on 2026-12-08 at commit cb92bcf, and not tuned on.

`tests/privacy_blind/pii_blind_corpus_3.yml` was written by a helper that never opened the redactor or any earlier
corpus: 270 sentences, 210 holding 1,142 details of 12 kinds and 60 holding none. Its one reading, after the rules were
tuned on corpus 2, is the honest figure for text the rules had never seen (docs/privacy.md): 90.4% recall overall and
99.1% of meaning words kept, still short of the issue's targets (95% overall, 90% per kind; vehicle registrations,
handles, organisations, addresses and names fall short). These floors are that reading (ratchets: they may only be
raised); the targets are not asserted, because they are not met.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.privacy.redaction import redact
from tests.engine.test_redaction_blind import assert_fictional
from tests.privacy_blind.scoring import KINDS, load, score

CORPUS = Path(__file__).resolve().parents[1] / "privacy_blind" / "pii_blind_corpus_3.yml"
READ_ONCE_OVERALL = 0.904
READ_ONCE_PER_KIND = {"name": 0.893, "address": 0.878, "postcode": 1.0, "phone": 0.985, "email": 1.0, "dob": 0.981,
                      "nhs_number": 1.0, "ni_number": 1.0, "vehicle_reg": 0.655, "handle": 0.824, "reference": 1.0,
                      "org": 0.815}
READ_ONCE_KEPT = 0.991
CLEAN_CHANGED_CEILING = 5


@pytest.fixture(scope="module")
def result():
    return score(redact, load(CORPUS))


def test_the_third_corpus_is_as_the_issue_asks_and_fictional():
    corpus = load(CORPUS)
    assert len([i for i in corpus if i["pii"]]) >= 200 and len([i for i in corpus if not i["pii"]]) >= 50
    assert {span["kind"] for item in corpus for span in item["pii"]} == set(KINDS)
    for item in corpus:
        assert all(span["text"] in item["text"] for span in item["pii"]), item["id"]
        assert all(word in item["text"] for word in item["keep"]), item["id"]
    assert_fictional(corpus)


def test_recall_overall_holds_at_its_blind_reading(result):
    assert result.recall() >= READ_ONCE_OVERALL - 0.0005, result.misses


@pytest.mark.parametrize("kind", KINDS)
def test_recall_per_kind_holds_at_its_blind_reading(result, kind):
    assert result.recall(kind) >= READ_ONCE_PER_KIND[kind] - 0.0005, [m for m in result.misses if f" {kind}: " in m]


def test_meaning_kept_holds_at_its_blind_reading(result):
    assert result.kept() >= READ_ONCE_KEPT - 0.0005, result.dropped
    assert len(result.clean_changed) <= CLEAN_CHANGED_CEILING, result.clean_changed
