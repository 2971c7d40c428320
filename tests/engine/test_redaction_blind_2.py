"""The second blind PII corpus (issue 14): read once, on 2026-12-07 at commit af04866, and guarded at what it scored.

`tests/privacy_blind/pii_blind_corpus_2.yml` was written by a helper that never opened the redactor or either earlier
corpus: 260 sentences, 200 holding 984 details of 12 kinds and 60 holding none. Its one reading is the honest figure
for text the rules have never seen (docs/privacy.md): 86.8% recall overall and 99.9% of meaning words kept. The issue's
targets (95% overall, 90% per kind) are not met on it; these floors are the reading, so any change that lowers recall
fails, and they may only be raised. Once the rules are tuned on this corpus, it is training data like the first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.privacy.redaction import redact
from tests.engine.test_redaction_blind import assert_fictional
from tests.privacy_blind.scoring import KINDS, load, score

CORPUS = Path(__file__).resolve().parents[1] / "privacy_blind" / "pii_blind_corpus_2.yml"
READ_ONCE_OVERALL = 0.865
READ_ONCE_PER_KIND = {"name": 0.855, "address": 0.85, "postcode": 1.0, "phone": 1.0, "email": 0.95, "dob": 0.95,
                      "nhs_number": 1.0, "ni_number": 1.0, "vehicle_reg": 0.95, "handle": 0.72, "reference": 0.80,
                      "org": 0.54}
READ_ONCE_KEPT = 0.998
CLEAN_CHANGED_CEILING = 1


@pytest.fixture(scope="module")
def result():
    return score(redact, load(CORPUS))


def test_the_second_corpus_is_as_the_issue_asks_and_fictional():
    corpus = load(CORPUS)
    assert len([i for i in corpus if i["pii"]]) >= 200 and len([i for i in corpus if not i["pii"]]) >= 50
    assert {span["kind"] for item in corpus for span in item["pii"]} == set(KINDS)
    for item in corpus:
        assert all(span["text"] in item["text"] for span in item["pii"]), item["id"]
        assert all(word in item["text"] for word in item["keep"]), item["id"]
    assert_fictional(corpus)


def test_recall_overall_holds_at_its_reading(result):
    assert result.recall() >= READ_ONCE_OVERALL, result.misses


@pytest.mark.parametrize("kind", KINDS)
def test_recall_per_kind_holds_at_its_reading(result, kind):
    assert result.recall(kind) >= READ_ONCE_PER_KIND[kind], [m for m in result.misses if f"[{kind}]" in m]


def test_meaning_kept_holds_at_its_reading(result):
    assert result.kept() >= READ_ONCE_KEPT, result.dropped
    assert len(result.clean_changed) <= CLEAN_CHANGED_CEILING, result.clean_changed
