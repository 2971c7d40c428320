"""General rules found by reserved set S's one reading (2026-12-07, at 7e2c958), each with a twin.

Texts are fictional and written here, not copied from the set. Seed lines are cited per test.
"""

from __future__ import annotations

from tests.engine.words import advice as _advice
from tests.engine.words import live as _live


# 004 lines 299-302 (section 47): injuries to a non-mobile or disabled child, "bruising in unusual places".
def test_fingertip_bruises_on_the_inner_thighs_are_an_injury_to_explain():
    assert "unexplained_injury" in _live("There were small round bruises on the inside of both his thighs, like "
                                         "fingertips.")
    assert "unexplained_injury" in _live("A big bruise in the middle of his back.")
    assert "unexplained_injury" not in _live("He has grazes on his knees from the playground.")


# 002 line 2119 (section 47): pregnancy in a child under 13.
def test_a_twelve_year_old_girl_who_is_expecting_is_section_47():
    advice = _advice("Their daughter is 12. Her aunt says the girl is 'expecting', about four months.", "Thetford",
                     "12")
    assert advice.level == 4 and advice.s47
    assert "teenage_pregnancy" not in _live("The girl's mum is expecting again in the spring.")


# 004 lines 300 and 308 (section 47): sexual abuse, including images of a child.
def test_an_adult_filming_a_child_in_the_shower_is_sexual_abuse():
    assert "sexual_abuse" in _live("He keeps coming into the bathroom when she's in the shower and was filming on "
                                   "his phone.")
    assert "sexual_abuse" not in _live("We were filming the sports day races on the field.")


# 000 Level 4 (no asterisk): "Emergency housing needs as a consequence of fleeing domestic violence/gang reprisal".
# Only where the area's own top line says "fleeing" (level_caps.TOP_LINE_WORDS).
def test_emergency_housing_after_fleeing_domestic_abuse_is_northamptonshires_top_line():
    text = ("Mum and the two children fled from her partner on Friday and are in an emergency B&B room, one double "
            "bed, no cooking.")
    advice = _advice(text, "Northampton", "6")
    assert advice.level == 4 and not advice.s47
    assert _advice(text.replace("fled from her partner", "were evicted"), "Northampton", "6").level < 4


def _ruled_out(advice) -> set:
    return {r.concept for r in advice.ruled_out}


# 002 Tier 1 "Child is safe"; 004 Level 1 "No concerns about the child's safety": the idiom for being in trouble
# over a small mishap to a thing, in the child's words, is not a threat (figures_of_speech._mishap_idiom).
def test_me_mam_will_batter_me_over_a_lost_jumper_is_an_idiom():
    advice = _advice("He lost his new school jumper at lunch and was crying, saying 'me mam'll batter me'.",
                     "Sneinton", "6", scale=9)
    assert advice.level == 1 and "physical_abuse" in _ruled_out(advice)
    kept = _advice("He was crying, saying 'me mam'll batter me, she hit me with the belt last time'.", "Sneinton", "6")
    assert kept.level == 4


def test_mum_is_literally_going_to_kill_me_over_a_scratched_car_is_an_idiom():
    advice = _advice("She scratched mum's car with her scooter and said 'mum is literally going to kill me'.",
                     "Kempston", "10", role="public", scale=9)
    assert advice.level == 1 and not advice.immediate_danger


# 000 Level 1 (pre-birth, universal midwifery): a first-time parent's searched fear is not a child's death.
def test_googling_sids_at_night_is_a_fear_not_a_death():
    advice = _advice("28/40, very tearful, says she's been googling SIDS at 3am. Scans normal.", "Kettering",
                     "unborn, 28 weeks", scale=8)
    assert "child_death_or_serious_harm" in _ruled_out(advice)
    assert "child_death_or_serious_harm" in _live("Her first baby died of SIDS at 3 months.")


def test_a_threat_said_to_have_been_carried_out_before_is_not_the_idiom():
    advice = _advice("He lost his reading book and was crying, saying 'me mam'll batter me, she did last time'.",
                     "Sneinton", "6", scale=9)
    assert "physical_abuse" not in _ruled_out(advice)


def test_filming_the_baby_in_the_bath_is_not_abuse_but_coming_in_to_film_her_is():
    assert "sexual_abuse" not in _live("Mum filmed the baby splashing in the bath to send to granny.")
    assert "sexual_abuse" in _live("He keeps walking into the bathroom when she's washing, holding his phone up.")
