"""The engine on the fictional dev set: no under-triage of level-4 vignettes, and accuracy floors."""

from pathlib import Path

import pytest

from bot.runtime.evaluate import DEV_SET, area_token, evaluate, load_vignettes

EXACT_LEVEL_FLOOR = 0.90  # the target; measured 0.902 on the dev set (110/122)


# A second, independent tuning set written in plainer, hedged, shorthand and indirect wording
# (tests/data/dev_set_2.yml). Floors measured when it was added; they may only be tightened.
DEV_SET_2 = Path(__file__).resolve().parents[1] / "data" / "dev_set_2.yml"
DEV_SET_2_EXACT_LEVEL_FLOOR = 0.88  # measured: 0.906
# The blind tuning sets (issue 11), written from the seeds only by helpers who never saw the engine. They are
# training data now (the engine was tuned on them); ceilings and floors are what was measured when the tuning
# stopped, and may only be tightened. The target is 0 under-triage: not met yet (see README).
BLIND = Path(__file__).resolve().parents[1] / "blind"
SETS = {"dev_set": DEV_SET, "dev_set_2": DEV_SET_2, "blind_a": BLIND / "set_a_shorthand.yml",
        "blind_b": BLIND / "set_b_public.yml", "blind_c": BLIND / "reserved_teachers.yml",
        "blind_d": BLIND / "reserved_mixed.yml", "blind_e": BLIND / "reserved_winter.yml",
        "blind_f": BLIND / "reserved_next.yml", "blind_g": BLIND / "reserved_after.yml",
        "blind_h": BLIND / "reserved_final.yml", "blind_i": BLIND / "reserved_dec.yml",
        "blind_j": BLIND / "reserved_late.yml", "blind_k": BLIND / "reserved_k.yml",
        "blind_l": BLIND / "reserved_l.yml", "blind_m": BLIND / "reserved_m.yml", "blind_n": BLIND / "reserved_n.yml",
        "blind_o": BLIND / "reserved_o.yml", "blind_p": BLIND / "reserved_p.yml", "blind_r": BLIND / "reserved_r.yml",
        "blind_q": BLIND / "reserved_q.yml", "blind_t": BLIND / "reserved_t.yml",
        "blind_s": BLIND / "reserved_s.yml", "blind_u": BLIND / "reserved_u.yml"}
RATCHETS = {  # set: (under-triage ceiling, level-4 under-triage ceiling, exact-level floor)
    "dev_set": (0, 0, 0.90), "dev_set_2": (0, 0, DEV_SET_2_EXACT_LEVEL_FLOOR),
    # Measured 2026-12-06 (issue 11): 0 under-triage on every set; exact A 84.1%, B 83.8%, C 80.5%, D 86.5%;
    # 2026-12-07 after the over-triage round: A 86.6%, B 85.0%, C 84.1%, D 90.6%.
    # blind_c: nh-r-l3-snapchat-secretive (level 3) is right again since secrecy in the sentence of an online worry
    # is a level-3 floor (bot/engine/level_floors._online_secrecy_floor, 001 lines 508-511), 2026-12-07.
    "blind_a": (0, 0, 0.85), "blind_b": (0, 0, 0.83), "blind_c": (0, 0, 0.81), "blind_d": (0, 0, 0.88),
    # Sets E-J were reserved sets until their one reading each (tests/blind/README.md); guarded since 2026-12-07 at
    # what was measured then (exact E 76%, F 78%, G 78%, H 82%, I 72%, J 80%), after J's three level-4 misses were
    # fixed by general rules (a served sentence said in slang, a target or weapon beside extremist views, a child who
    # says someone keeps "my passport") and domestic abuse, sexualised behaviour and online secrecy said plainly.
    "blind_e": (1, 0, 0.73), "blind_f": (4, 0, 0.75), "blind_g": (1, 0, 0.75), "blind_h": (1, 0, 0.79),
    "blind_i": (4, 0, 0.69), "blind_j": (2, 0, 0.77),
    # Set K was the reserved set until its one reading at 047a69d (67.0% exact, 6 under, 5 of them level 4); its
    # five level-4 misses were then fixed by general rules (bot/engine/rules/away_from_home.py, a threat to snap a
    # neck, a child out of school doing the house, children alone at night while mum is out): 72% exact, 1 under.
    "blind_k": (1, 0, 0.70),
    # Set L was the reserved set until its one reading at 0e13941 (65.0% exact, 7 under, 5 of them level 4); its
    # level-4 misses were then fixed by general rules (the register said without its name, an employer who keeps a
    # child's phone, a friend asked to have a child for weeks, needles where the children are, no family in the UK):
    # 74% exact, 2 under (level 3 -> 2).
    "blind_l": (2, 0, 0.72),
    # Set M was the reserved set until its one reading at 7294a70 (70.0% exact, 10 under, 7 of them level 4); its
    # level-4 misses were then fixed by general rules (sex said as what a 12-year-old does, an adult who gets in her
    # bed and touches her, "I'll kill you", police called to the adults' fights, "I know how to make one", children
    # alone till after midnight, a girl doing the cooking for "aunty's" kids): 78% exact, 3 under.
    "blind_m": (3, 0, 0.76),
    # Set N was the reserved set until its one reading (67.0% exact, 10 under, 7 of them level 4); its level-4 misses
    # were then fixed by general rules and patterns (police taking a father's laptop over "pictures of kids", a cutting
    # "so you're clean", a child "cleansed" of "something evil", children alone while mum works nights, a boyfriend's
    # age said two sentences later, a list of targets and a machete, a girl living for months with her mum's friend).
    "blind_n": (3, 0, 0.78),
    # Set O was the reserved set until its one reading at 1b4e05a (73.0% exact, 4 under, 3 of them level 4); its misses
    # were then fixed by general rules (city shorthand "Nottm", a child working under someone's control, a parent's
    # binges said plainly): 80% exact, 0 under. Set P was the reserved set until its one reading at 5664fb9 (65.0%
    # exact, 10 under, 3 of them level 4); its level-4 misses (a child's own words for sex and pregnancy, "seeing" a
    # 19-year-old, "doctors" with no clothes filmed) and three estates not recognised were then fixed: 72% exact,
    # 3 under (level 3 -> 2).
    "blind_o": (0, 0, 0.78), "blind_p": (3, 0, 0.70),
    # blind_r: read once on 2026-12-07 (68.0% exact, 14 under, 9 at level 4), then tuned on (docs/safety.md E32).
    "blind_r": (4, 0, 0.78),
    # blind_q: reserved until its one reading on 2026-12-07 at 3be35ff (73.0% exact, 9 under, 6 at level 4); its
    # level-4 misses were then fixed by general rules (tests/engine/test_words_from_set_q.py).
    "blind_q": (3, 0, 0.78),
    # blind_t: read once, blind, on 2026-12-07 at ac3030c (76.0% exact, 5 under, 3 at level 4), then tuned on
    # (tests/engine/test_words_from_set_t.py): 81% exact, 0 under.
    "blind_t": (0, 0, 0.79),
    # blind_s: reserved until its one reading on 2026-12-07 at 7e2c958 (58.0% exact, 6 under, 4 at level 4, 36% over);
    # its level-4 misses were then fixed by general rules (tests/engine/test_words_from_set_s.py): 62% exact, 2 under.
    "blind_s": (2, 0, 0.61),
    # blind_u: reserved until its one reading on 2026-12-08 at 5bb524b (71.0% exact, 6 under, 2 at level 4, 23% over);
    # its two level-4 misses ('going "OT"', "special tickling ... under the covers") fixed by general rules since.
    "blind_u": (4, 0, 0.71),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def named_report(request):
    return request.param, evaluate(load_vignettes(SETS[request.param]))


@pytest.mark.parametrize("name, minimum", [("dev_set", 80), ("dev_set_2", 64), ("blind_a", 60), ("blind_b", 60),
                                           ("blind_c", 60), ("blind_d", 60),
                                           ("blind_e", 100), ("blind_f", 100), ("blind_g", 100),
                                           ("blind_h", 100), ("blind_i", 100), ("blind_j", 100),
                                           ("blind_k", 100), ("blind_l", 100),
                                           ("blind_m", 100), ("blind_n", 100), ("blind_o", 100),
                                           ("blind_p", 100), ("blind_r", 100), ("blind_q", 100),
                                           ("blind_t", 100), ("blind_s", 100), ("blind_u", 100)])
def test_each_set_is_big_and_covers_every_area_and_level(name, minimum):
    vignettes = load_vignettes(SETS[name])
    assert len(vignettes) >= minimum
    ids = [v["id"] for v in vignettes]
    assert len(set(ids)) == len(ids)
    seen = {(area_token(v["id"]), v["expect"].get("level")) for v in vignettes}
    for area in ("nh", "nfk", "ncity", "bed"):
        for level in (1, 2, 3, 4):
            assert (area, level) in seen


def test_the_sets_share_no_vignette():
    ids = [v["id"] for path in SETS.values() for v in load_vignettes(path)]
    assert len(ids) == len(set(ids))


def test_no_under_triage_on_level_4_vignettes(named_report):
    name, report = named_report
    missed = [o.id for o in report.outcomes if o.expected.get("level") == 4 and o.under_triage]
    assert len(missed) <= RATCHETS[name][1], f"{name}: level-4 vignettes advised lower: {missed}"
    s47_missed = [o.id for o in report.outcomes if o.expected.get("s47") and o.under_triage]
    assert not s47_missed, f"{name}: section 47 vignettes advised lower: {s47_missed}"


def test_danger_always_means_999(named_report):
    name, report = named_report
    for outcome in report.outcomes:
        if outcome.expected.get("route") == "999":
            assert outcome.route == "999", (name, outcome.id)


def test_out_of_area_gets_the_national_fallback(named_report):
    name, report = named_report
    for outcome in report.outcomes:
        if outcome.out_of_area:
            assert outcome.out_of_area_ok, (name, outcome.id)


def test_floors(named_report):
    name, report = named_report
    under, _, exact = RATCHETS[name]
    assert len(report.under) <= under, [o.id for o in report.under]
    assert report.rate("level_ok") >= exact


@pytest.mark.parametrize("area", ["Norwich", "Nottingham", "Bedford", "Corby"])
def test_every_area_reaches_an_indicator_for_eating_disorder_suicide_and_indecent_images(area):
    """Concepts that an area's matrix does not tag still reach an indicator there (through the broader concept)."""
    from bot.engine.assess import assess
    from bot.engine.case import Case

    for worry in ("She's making herself sick after every meal and has lost loads of weight",
                  "She told me she wants to kill herself and has a plan"):
        advice = assess(Case(area=area, age="15", worried=worry, scale=5))
        assert advice.indicators and advice.level == 4, (area, worry)
    images = assess(Case(area=area, age="9", worried="Police told us dad has been downloading indecent images of "
                                                       "children", scale=5))
    assert images.level == 4 and images.s47
