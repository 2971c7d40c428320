"""The engine on the fictional dev set: no under-triage of level-4 vignettes, and accuracy floors."""

import pytest

from bot.evaluate import evaluate, load_vignettes

EXACT_LEVEL_FLOOR = 0.90  # the target; measured 0.902 on the dev set (110/122)


@pytest.fixture(scope="module")
def report():
    return evaluate(load_vignettes())


def test_dev_set_is_big_and_covers_every_area_and_level():
    vignettes = load_vignettes()
    assert len(vignettes) >= 80
    seen = {(v["id"].split("-")[0], v["expect"].get("level")) for v in vignettes}
    for area in ("nh", "nfk", "ncity", "bed"):
        for level in (1, 2, 3, 4):
            assert (area, level) in seen


def test_no_under_triage_on_level_4_vignettes(report):
    missed = [o.id for o in report.outcomes if o.expected.get("level") == 4 and o.under_triage]
    assert not missed, f"level-4 vignettes advised lower: {missed}"


def test_danger_always_means_999(report):
    for outcome in report.outcomes:
        if outcome.expected.get("route") == "999":
            assert outcome.route == "999", outcome.id


def test_out_of_area_gets_the_national_fallback(report):
    for outcome in report.outcomes:
        if outcome.expected.get("out_of_area"):
            assert outcome.out_of_area_ok, outcome.id


def test_exact_level_floor(report):
    assert report.rate("level_ok") >= EXACT_LEVEL_FLOOR
