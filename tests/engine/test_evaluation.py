"""The engine on the fictional dev set: no under-triage of level-4 vignettes, and accuracy floors."""

from pathlib import Path

import pytest

from bot.evaluate import DEV_SET, evaluate, load_vignettes

EXACT_LEVEL_FLOOR = 0.90  # the target; measured 0.902 on the dev set (110/122)


# A second, independent tuning set written in plainer, hedged, shorthand and indirect wording
# (tests/data/dev_set_2.yml). Floors measured when it was added; they may only be tightened.
DEV_SET_2 = Path(__file__).resolve().parents[1] / "data" / "dev_set_2.yml"
DEV_SET_2_UNDER_TRIAGE_CEILING = 2  # measured: 2 of 64 (both level 3 advised level 2; 19 before this work)
DEV_SET_2_EXACT_LEVEL_FLOOR = 0.80  # measured: 0.812 (0.531 before this work)
SETS = {"dev_set": DEV_SET, "dev_set_2": DEV_SET_2}


@pytest.fixture(scope="module", params=sorted(SETS))
def named_report(request):
    return request.param, evaluate(load_vignettes(SETS[request.param]))


@pytest.mark.parametrize("name, minimum", [("dev_set", 80), ("dev_set_2", 64)])
def test_each_set_is_big_and_covers_every_area_and_level(name, minimum):
    vignettes = load_vignettes(SETS[name])
    assert len(vignettes) >= minimum
    ids = [v["id"] for v in vignettes]
    assert len(set(ids)) == len(ids)
    seen = {(v["id"].split("-")[0], v["expect"].get("level")) for v in vignettes}
    for area in ("nh", "nfk", "ncity", "bed"):
        for level in (1, 2, 3, 4):
            assert (area, level) in seen


def test_the_sets_share_no_vignette():
    assert not {v["id"] for v in load_vignettes(DEV_SET_2)} & {v["id"] for v in load_vignettes()}


def test_no_under_triage_on_level_4_vignettes(named_report):
    name, report = named_report
    missed = [o.id for o in report.outcomes if o.expected.get("level") == 4 and o.under_triage]
    assert not missed, f"{name}: level-4 vignettes advised lower: {missed}"


def test_danger_always_means_999(named_report):
    name, report = named_report
    for outcome in report.outcomes:
        if outcome.expected.get("route") == "999":
            assert outcome.route == "999", (name, outcome.id)


def test_out_of_area_gets_the_national_fallback(named_report):
    name, report = named_report
    for outcome in report.outcomes:
        if outcome.expected.get("out_of_area"):
            assert outcome.out_of_area_ok, (name, outcome.id)


def test_floors(named_report):
    name, report = named_report
    if name == "dev_set":
        assert report.rate("level_ok") >= EXACT_LEVEL_FLOOR
    else:
        assert len(report.under) <= DEV_SET_2_UNDER_TRIAGE_CEILING, [o.id for o in report.under]
        assert report.rate("level_ok") >= DEV_SET_2_EXACT_LEVEL_FLOOR


@pytest.mark.parametrize("area", ["Norwich", "Nottingham", "Bedford", "Corby"])
def test_every_area_reaches_an_indicator_for_eating_disorder_suicide_and_indecent_images(area):
    """Concepts that an area's matrix does not tag still reach an indicator there (through the broader concept)."""
    from bot.assess import assess
    from bot.case import Case

    for worry in ("She's making herself sick after every meal and has lost loads of weight",
                  "She told me she wants to kill herself and has a plan"):
        advice = assess(Case(area=area, age="15", worried=worry, scale=5))
        assert advice.indicators and advice.level == 4, (area, worry)
    images = assess(Case(area=area, age="9", worried="Police told us dad has been downloading indecent images of "
                                                       "children", scale=5))
    assert images.level == 4 and images.s47
