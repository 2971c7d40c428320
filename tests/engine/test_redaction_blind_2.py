"""The second blind PII corpus (issue 14): read once, on 2026-12-07 at commit af04866, then tuned on.

`tests/privacy_blind/pii_blind_corpus_2.yml` was written by a helper that never opened the redactor or either earlier
corpus: 260 sentences, 200 holding 984 details of 12 kinds and 60 holding none. Its one reading is the honest figure
for text the rules had never seen (docs/privacy.md): 86.8% recall overall and 99.9% of meaning words kept, short of the
issue's targets (95% overall, 90% per kind). The rules were then widened on what it missed, so it is tuning data now,
like the first: these floors are the values measured after tuning (ratchets: they may only be raised), and the
targets are asserted too. An honest figure for new text needs a third blind corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.privacy.redaction import redact
from tests.engine.test_redaction_blind import assert_fictional
from tests.privacy_blind.scoring import KINDS, load, score

CORPUS = Path(__file__).resolve().parents[1] / "privacy_blind" / "pii_blind_corpus_2.yml"
READ_ONCE_OVERALL = 0.868  # the one blind reading, kept for the record (docs/privacy.md)
TUNED_OVERALL = 0.989
TUNED_PER_KIND = {"name": 0.98, "address": 1.0, "postcode": 1.0, "phone": 1.0, "email": 1.0, "dob": 1.0,
                  "nhs_number": 1.0, "ni_number": 1.0, "vehicle_reg": 1.0, "handle": 1.0, "reference": 1.0, "org": 1.0}
TUNED_KEPT = 0.998
CLEAN_CHANGED_CEILING = 0
TARGET_OVERALL, TARGET_PER_KIND, TARGET_KEPT = 0.95, 0.90, 0.98


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


def test_recall_overall_holds_at_its_tuned_value_and_meets_the_target(result):
    assert result.recall() >= max(TUNED_OVERALL, TARGET_OVERALL, READ_ONCE_OVERALL), result.misses


@pytest.mark.parametrize("kind", KINDS)
def test_recall_per_kind_holds_at_its_tuned_value_and_meets_the_target(result, kind):
    assert result.recall(kind) >= max(TUNED_PER_KIND[kind], TARGET_PER_KIND), \
        [m for m in result.misses if f" {kind}: " in m]


def test_meaning_kept_holds_at_its_tuned_value(result):
    assert result.kept() >= max(TUNED_KEPT, TARGET_KEPT), result.dropped
    assert len(result.clean_changed) <= CLEAN_CHANGED_CEILING, result.clean_changed
