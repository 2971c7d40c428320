"""The knowledge base against the seeds: no invented contacts, every area complete, coverage measured."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.guidance.coverage import SEEDS_DIR, coverage
from bot.guidance.loader import load_areas, load_concepts

AREAS = load_areas()
EXPECTED_AREAS = {"northamptonshire", "norfolk", "nottingham_city", "bedford_borough"}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_every_seed_area_is_encoded():
    assert set(AREAS) == EXPECTED_AREAS
    seeds = {d.seed for a in AREAS.values() for d in a.documents}
    assert seeds == {p.name for p in Path(SEEDS_DIR).glob("*.txt")}


@pytest.mark.parametrize("area", sorted(EXPECTED_AREAS))
def test_every_phone_number_is_in_the_seed_it_cites(area):
    guidance = AREAS[area]
    seeds = {d.id: _digits((SEEDS_DIR / d.seed).read_text(encoding="utf-8")) for d in guidance.documents}
    for route in guidance.routes:
        for phone in route.phones:
            if phone.number == "999":
                continue
            found = [doc for doc, text in seeds.items() if _digits(phone.number) in text]
            assert found, f"{route.id}: {phone.number} is not in any seed of {area}"


@pytest.mark.parametrize("area", sorted(EXPECTED_AREAS))
def test_each_area_has_levels_routes_999_and_a_front_door(area):
    guidance = AREAS[area]
    kinds = {r.kind for r in guidance.routes}
    assert "999" in kinds and kinds & {"mash", "cads"}
    assert [lv.level for lv in guidance.levels] == [1, 2, 3, 4]
    assert guidance.consent.rules and guidance.consent.record
    assert guidance.escalation.summary
    assert sum(i.s47 for i in guidance.indicators) >= 10


def test_documented_contacts():
    """The contacts the issue names, exactly as the seeds give them."""
    norfolk = {r.id: r for r in AREAS["norfolk"].routes}
    assert [p.number for p in norfolk["nfk-public"].phones] == ["0344 800 8020"]
    cads = next(r for r in AREAS["norfolk"].routes if r.kind == "cads")
    assert cads.written_referrals is False and not cads.phones and cads.contact_missing
    nh_mash = next(r for r in AREAS["northamptonshire"].routes if r.kind == "mash")
    assert "0300 126 7000" in [p.number for p in nh_mash.phones] and "24 hours" in nh_mash.follow_up
    cfss = next(r for r in AREAS["northamptonshire"].routes if r.kind == "partnership_support")
    assert {"01604 526963", "01604 526936"} <= {p.number for p in cfss.phones}
    assert any("526963" in " ".join(c.values) for c in AREAS["northamptonshire"].contradictions)


def test_newer_northamptonshire_document_wins_and_older_stays_as_history():
    nh = AREAS["northamptonshire"]
    docs = {d.id: d for d in nh.documents}
    assert docs["nh-rhrt"].supersedes == "nh22"
    assert nh.history and all(i.source.document == "nh22" for i in nh.history)
    assert not any(i.s47 for i in nh.history), "a section 47 item must never be retired to history"


def test_indicator_concepts_exist():
    concepts = {c.id for c in load_concepts().concepts}
    for area in AREAS.values():
        for indicator in area.indicators:
            assert set(indicator.concepts) <= concepts, indicator.id


def test_every_matrix_line_of_every_seed_is_encoded():
    report = coverage(AREAS)
    assert set(report) == {p.name for p in Path(SEEDS_DIR).glob("*.txt")}
    for seed, result in report.items():
        assert result.lines > 100 and result.missing == [], (seed, result.missing[:5])


def test_two_columns_merged_inside_a_word_count_only_when_both_halves_are_encoded():
    from bot.guidance.coverage import _two_columns

    haystack = "persistent poor and inappropriate self presentation | disability prevents significant range of tasks"
    assert _two_columns("persistent poor and inappropriate selfsignificant range of tasks", haystack)
    assert not _two_columns("persistent poor and inappropriate selfish range of hobbies", haystack)
