"""One reading of short answers for every question (issue 16: the patterns had been written four times and drifted)."""

from __future__ import annotations

import pytest

from bot.features import followup
from bot.features.rehearsal_reading import probe_for
from bot.features.rehearsal_topics import CONSENT, TOPICS
from bot.language.answer_words import is_unsure, parse_mobile, said_not_mobile


@pytest.mark.parametrize("text", ["not sure", "I don't know", "dunno", "can't remember", "no idea"])
def test_not_sure_is_never_a_no(text):
    assert is_unsure(text)
    item = {"key": "possible:x", "question": "q", "fact": "", "indicator": "x", "concept": ""}
    assert followup.read_answer(item, text).answer == "unsure"


@pytest.mark.parametrize("text, mobile", [
    ("not crawling yet", False), ("she isn't crawling yet", False), ("newborn", False), ("non-mobile", False),
    ("yes, crawling everywhere", True), ("walking now", True), ("yes", True), ("no", False), ("hmm", None),
])
def test_the_mobility_answer_reads_the_same_in_the_form_and_a_quick_question(text, mobile):
    assert parse_mobile(text) is mobile
    assert said_not_mobile(text) is (mobile is False and text != "no")


def test_the_rehearsal_hears_the_same_not_sure_as_the_form():
    """A 'don't know' is an answer in a rehearsal (listed as missing, not probed) in every word the form accepts."""
    topic = next(t for t in TOPICS if t.kind != CONSENT)
    for text in ("can't remember", "do not know", "dunno", "not sure"):
        assert is_unsure(text)
        assert probe_for(topic, text) is None
