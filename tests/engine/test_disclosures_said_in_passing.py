"""Red flags said in passing or in everyday words (issue 11, tuning set M's level-4 misses). Each test cites the seed
line; each has a twin that must not be read as the red flag. Texts are fictional."""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.facts import read_facts
from bot.language.matcher import get_matcher


def _advice(worried: str, area: str, age: str, role: str = "professional", scale: int = 3):
    return assess(Case(area=area, age=age, role=role, worried=worried, scale=scale))


def _concepts(text: str) -> set:
    return {h.concept for h in get_matcher().find(text) if not h.negated}


# 000 line 1398 (Appendix 2) "Pregnancy or STI or sexual abuse of a child under 13": sex said as what a 12-year-old
# does, in the middle of other news.
def test_a_twelve_year_old_who_says_they_have_sex_at_his_flat_is_section_47():
    advice = _advice("She's been forgetting PE kit. She said her boyfriend is 17 and they have sex at his flat after "
                     "school, like it was nothing. Attendance is down.", "Northampton", "12", scale=4)
    assert advice.level == 4 and advice.s47


def test_sex_education_is_not_sexual_activity():
    assert not _concepts("We have sex education on Tuesday and she was giggly.") & {"sexual_health_risk",
                                                                                  "sexual_activity_under13"}


# 002 line 2107 (s47) "Direct allegation of sexual abuse made by child".
def test_an_adult_who_gets_in_her_bed_and_touches_her_is_sexual_abuse():
    advice = _advice("She said her stepdad comes in her room when mum's on nights and gets in her bed and touches "
                     "her where her pants are.", "Dereham", "10", scale=1)
    assert advice.level == 4 and advice.s47


def test_a_mother_who_gets_in_her_bed_to_cuddle_her_is_not_sexual_abuse():
    assert "sexual_abuse" not in _concepts("Mum gets in her bed and cuddles her when she has nightmares.")


# 004 line 305 (s47) "Repeated allegations involving serious verbal threats and/or emotional abuse".
def test_a_parent_who_says_he_will_kill_the_child_is_section_47():
    advice = _advice("He's told me three times now that when his dad's been drinking he says 'I'll kill you and your "
                     "mother and bury you in the garden'.", "Elstow", "9", role="public", scale=2)
    assert advice.level == 4 and advice.s47


# 002 Tier 3/4 and 004 line 304: police called to the adults' fights is domestic abuse.
def test_police_called_out_to_fights_between_the_parents_is_domestic_abuse():
    assert "domestic_abuse" in _concepts("Police have been out twice in 6 weeks for fights between them.")


# 000 Appendix 2 "Participates in extremist actions in language and behaviour" (Level 4*).
def test_knowing_how_to_make_one_beside_extremist_views_is_violent_intent():
    said = "He told a classmate 'you lot will get what's coming, I know how to make one'."
    assert "violent_intent" in read_facts(said)
    advice = _advice("He has been sharing clips of attacks on mosques from a banned group. He told a Muslim classmate "
                     "'you lot will get what's coming, I know how to make one'.", "Kettering", "15", scale=2)
    assert advice.level == 4


# 003 line 259 (immediate referral) "Left 'home alone' and their age and vulnerability places them at risk".
def test_young_children_left_on_their_own_while_mum_is_out_till_after_midnight():
    advice = _advice("The kids next door, about 6 and 4, have been left on their own most evenings. Their mum goes "
                     "out about 6 and I don't hear her come back till after midnight.", "Basford", "6",
                     role="public")
    assert advice.level == 4 and advice.s47


# 004 line 253 (private fostering, level 4) "a victim of ... domestic slavery"; 004 line 315 (s47) "trafficking".
def test_a_girl_out_of_school_doing_the_cooking_for_aunty_s_kids_is_servitude():
    advice = _advice("A 13yo girl brought in by a woman she calls 'aunty', a family friend. She isn't registered at "
                     "any school and does all the cooking, cleaning and childcare for aunty's 3 kids.", "Bedford", "13",
                     scale=1)
    assert advice.level == 4 and advice.s47


@pytest.mark.parametrize("area", ["Beccles, just over the border from Norfolk", "Peterborough, not far from Corby"])
def test_a_place_we_do_not_cover_named_first_is_out_of_area(area):
    assert _advice("He is hungry most days.", area, "9").area is None


def test_a_covered_town_named_first_stays_covered():
    assert _advice("He is hungry most days.", "King's Lynn, not far from Peterborough", "9").area == "norfolk"
