"""The written record: built from the engine's advice and the slots, never re-deciding anything."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from bot.engine.assess import assess
from bot.features import record as rec
from bot.features.conversation import advice_summary, case_from_slots

SLOTS = {  # a fictional Northamptonshire case as the conversation holds it
    "triage_danger_now": False, "triage_area": "Corby", "triage_role": "professional", "child_age": "9",
    "child_mobile": None, "sos_worried": "He told me his stepdad hit him with a belt and I saw marks on his back.",
    "sos_more": "done", "sos_working_well": "His nan collects him on Fridays.", "sos_needs": "Someone to check on him.",
    "sos_scale": 2.0, "review_confirmed": True, "sos_corrections": None, "consent_parents_know": False,
    "consent_status": "not_asked", "consent_risky": "yes",
}
WHEN = datetime(2026, 11, 22, 16, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def advice():
    return assess(case_from_slots(SLOTS))


@pytest.fixture(scope="module")
def record(advice):
    return rec.build_record(advice, SLOTS, assessed_at="2026-11-22T16:25:00+00:00", generated_at=WHEN)


def test_the_map_is_the_users_own_words(record):
    assert record["map"]["worried"] == SLOTS["sos_worried"]
    assert record["map"]["working_well"] == SLOTS["sos_working_well"]
    assert record["map"]["needs"] == SLOTS["sos_needs"]
    assert record["map"]["scale"] == 2


def test_level_route_and_indicators_are_the_engines(record, advice):
    assert (record["level"], record["route"], record["s47"]) == (advice.level, advice.route, advice.s47)
    assert [i["text"] for i in record["indicators"]] == [i.text for i in advice.indicators]
    assert record["contact"] == advice.contact.service


def test_consent_decision_has_its_rationale(record, advice):
    consent = record["consent"]
    assert consent["needed"] is advice.consent.needed and consent["rationale"] == advice.consent.advice
    assert "consent: not asked yet" in consent["said"]
    md = rec.render_markdown(record)
    assert "### Consent decision" in md and "Rationale: " + advice.consent.advice in md


def test_next_steps_carry_their_timescales(record, advice):
    assert [s["step"] for s in record["next_steps"]] == advice.then
    scales = {s["timescale"] for s in record["next_steps"]}
    assert "within 24 hours" in scales and "today" in scales
    assert "(timescale: within 24 hours)" in rec.render_text(record)


def test_version_date_and_time(record, advice):
    text = rec.render_text(record)
    assert f"Guidance version: {advice.guidance_version}." in text
    assert "Assessed: 22 November 2026, 16:25 UTC. Record made: 22 November 2026, 16:30 UTC." in text
    assert rec.filename(record) == "safeguarding-record-22-November-2026-16-25-UTC.txt"


def test_markdown_for_chat_plain_text_for_download(record):
    md, text = rec.render_markdown(record), rec.render_text(record)
    for heading in ("What are we worried about?", "What's working well?", "What needs to happen?",
                    "How worried are we? (scale)", "Indicators matched", "Level, advice and route",
                    "Consent decision", "Next steps", "Sources"):
        assert f"### {heading}" in md and heading.upper() in text
    assert "###" not in text and "_" + record["disclaimer"] + "_" in md
    assert text.endswith("\n") and record["disclaimer"] in text


def test_holds_no_more_than_the_user_typed(advice):
    slots = {**SLOTS, "rehearsal_state": {"answers": {"x": ["Fictional Name 123"]}}, "record_token": "SECRET-T"}
    dumped = json.dumps(rec.build_record(advice, slots, generated_at=WHEN))
    assert "Fictional Name 123" not in dumped and "SECRET-T" not in dumped
    assert rec.render_text(rec.build_record(advice, slots)).count(SLOTS["sos_worried"]) == 1


def test_only_the_engines_advice_object_is_accepted():
    with pytest.raises(ValueError, match="advice object"):
        rec.build_record({"type": "something else"}, SLOTS)


def test_from_slots_needs_a_finished_assessment(advice):
    assert rec.record_from_slots(SLOTS) is None
    summary = advice_summary(advice)
    built = rec.record_from_slots({**SLOTS, "advice_summary": summary}, assessed_at="2026-11-22T16:25:00+00:00")
    assert built["level"] == advice.level and not any("changed" in n for n in built["notes"])
    stale = rec.record_from_slots({**SLOTS, "advice_summary": {**summary, "level": 1}})
    assert "guidance has changed" in stale["notes"][0]


def test_when_formats_and_tolerates_bad_values():
    assert rec.when("2026-01-05T09:07:00") == "5 January 2026, 09:07 UTC"
    assert rec.when("yesterday") is None and rec.when(None) is None


def test_what_the_user_typed_cannot_become_markdown_or_html(advice):
    slots = {**SLOTS, "sos_working_well": "# Nan <script>x</script> [link](http://example.org)"}
    record = rec.build_record(advice, slots, generated_at=WHEN)
    md = rec.render_markdown(record)
    assert "<script>" not in md and "\\<script\\>" in md and "\\[link\\]" in md
    assert "\n# Nan" not in md
    assert slots["sos_working_well"] in rec.render_text(record)  # the text file keeps the words as typed


def test_record_citations_name_document_and_section_without_seed_lines(advice, record):
    """Issue 13.7: the record the user keeps cites in plain words; the guidance's seed-line notes stay out."""
    text = rec.render_text(record) + rec.render_markdown(record)
    assert "seed line" in str(advice.to_payload()), "the case must cite a section that carries seed lines"
    assert "seed line" not in text
    assert advice.citations[0].title in text
