"""Echoes: details found in the user's message are also removed wherever they recur in an event, as whole
words and without taking ordinary words with them.

The stored path (``bot/storage/redact_events.py``) redacts every string with the rules and then replaces the
values already found in the turn's user messages (``known_values``). An earlier version replaced them as
substrings in any case: a name "Lee" took the "lee" out of "sleeping", "Ash" the "ASH" of "DASH", and a
surname "Park" would have taken "park" out of "sleeping in the park". These tests hold the general rule.
"""

from __future__ import annotations

import pytest

from bot.privacy.redaction import known_values, redact, redact_known
from bot.storage.redact_events import redact_event
from tests.privacy_blind.scoring import load, score


@pytest.mark.parametrize(("text", "known", "expected"), [
    # whole words only
    ("She was sleeping in the park", {"Lee": "NAME"}, "She was sleeping in the park"),
    ("High risk on the DASH form", {"Ash": "NAME"}, "High risk on the DASH form"),
    ("also all of them, always", {"Al": "NAME"}, "also all of them, always"),
    ("Kacper said it, then Kacper left", {"Kacper": "NAME"}, "[NAME] said it, then [NAME] left"),
    # a value that is not a word is matched in any case
    ("Thanks, Okafor. OKAFOR said so", {"Okafor": "NAME"}, "Thanks, [NAME]. [NAME] said so"),
    # a value that is also a word only as written, and not where a capital says nothing (a sentence start)
    ("sleeping in the park with Mr Park", {"Park": "NAME"}, "sleeping in the park with Mr [NAME]"),
    ("Mark on her cheek; you said \"Mark hit her\"", {"Mark": "NAME"},
     "Mark on her cheek; you said \"[NAME] hit her\""),
    ("the grace period. Grace said", {"Grace": "NAME"}, "the grace period. Grace said"),
    # values that begin or end with a symbol
    ("call (07700 900123) today", {"07700 900123": "PHONE"}, "call ([PHONE]) today"),
    ("dm @kayz_99 now", {"@kayz_99": "HANDLE"}, "dm [HANDLE] now"),
])
def test_known_values_are_replaced_as_whole_words(text, known, expected):
    assert redact_known(text, known) == expected


def test_a_part_of_a_name_is_known_too_but_not_a_title_a_relation_or_a_word():
    known = known_values(["Jayden Clarke has a bruise and Mrs Okafor said her stepdad hit him"])
    assert {"Jayden Clarke", "Jayden", "Clarke", "Okafor"} <= set(known)
    assert not {"Mrs", "stepdad", "bruise", "hit"} & set(known)
    assert redact_known(redact('you said "Clarke bruise"'), known) == 'you said "[NAME] bruise"'


@pytest.mark.parametrize("batch", [1, 8, 40])
def test_the_stored_path_keeps_the_meaning_of_the_blind_corpus(batch):
    """Each message holds ``batch`` sentences; every string of the stored event is redacted with the details
    found in that message (as the tracker store does). Recall and meaning kept are at least those of the rules
    alone: the echo step may only remove more details, never meaning words."""
    corpus = load()
    stored = {}
    for start in range(0, len(corpus), batch):
        items = corpus[start:start + batch]
        known = known_values(item["text"] for item in items)
        for item in items:
            event = redact_event({"event": "user", "text": item["text"], "parse_data": {"text": item["text"]}},
                                 known)
            assert event["text"] == event["parse_data"]["text"]
            stored[item["text"]] = event["text"]
    rules = score(redact, corpus)
    path = score(lambda text: stored[text], corpus)
    assert path.kept() >= rules.kept() and not path.dropped, path.dropped
    assert not path.clean_changed, path.clean_changed
    assert path.recall() >= rules.recall(), sorted(set(path.misses) - set(rules.misses))


def test_a_json_encoded_log_record_is_redacted_as_well_as_the_plain_text():
    """Rasa logs some records as JSON ("processor.slots.log": the slots, one "\\n\\t" apart). The escapes glue
    to the words beside them ("Okafor.\\n\\tsos_more"), which once hid a surname; "£" comes as "\\u00a3". Every
    blind-corpus sentence, logged that way, loses as many details as it does in plain text, keeps its meaning
    words, and the record stays valid JSON."""
    import json

    def logged(text: str) -> str:
        record = json.dumps({"slot_values": f"\tsos_worried: {text}\n\tsos_more: None", "event": "slots.log"})
        value = json.loads(redact(record))["slot_values"]
        return value[len("\tsos_worried: "):-len("\n\tsos_more: None")]

    corpus = load()
    plain, as_json = score(redact, corpus), score(logged, corpus)
    assert {m.split(" -> ")[0] for m in as_json.misses} <= {m.split(" -> ")[0] for m in plain.misses}
    assert as_json.kept() >= plain.kept(), as_json.dropped
