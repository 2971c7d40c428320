"""General rules found by blind set R's one reading (2026-12-07), each with a twin that must keep the other reading.

Texts are fictional and written here, not copied from the set. Seed lines are cited per test.
"""

from __future__ import annotations

import pytest

from bot.engine.assess import assess, get_engine
from bot.engine.case import Case
from bot.engine.level_caps import at_top_line, stable_on_treatment
from bot.language.parsing import parse_age_years


def _advice(worried: str, area: str, age: str, role: str = "professional", scale: int = 4, working_well: str = ""):
    return assess(Case(area=area, age=age, role=role, worried=worried, working_well=working_well, scale=scale))


def _live(text: str) -> set:
    return {h.concept for h in get_engine().matcher.find(text) if not h.negated}


def _concepts(advice) -> set:
    return {i.concept for i in advice.indicators}


@pytest.mark.parametrize("text,years", [("yr 7", 11.5), ("Year 9", 13.5), ("y10", 14.5), ("7", 7.0),
                                        ("7 yrs", 7.0), ("9y", 9.0)])
def test_a_school_year_is_read_as_the_age_of_that_year(text, years):
    """England's Year N is aged N+4 to N+5: "yr 7" is 11-12, never 7 (the under-13 rules depend on it)."""
    assert parse_age_years(text) == years


# 000 line 1453 / Appendix: sexual activity under 13 is section 47 in every area (guidance/red_flags.yml).
def test_a_positive_test_said_after_a_dash_for_a_year_7_is_section_47():
    advice = _advice("She came in feeling sick in the mornings. Did a test with her - positive. Says the boyfriend "
                     "is older.", "Brackley", "yr 7")
    assert advice.level == 4 and advice.s47


def test_a_covid_test_after_a_dash_is_not_a_pregnancy():
    advice = _advice("She was off with a temperature, did a covid test with her - positive. Back next week.",
                     "Brackley", "yr 7", scale=9)
    assert not advice.s47
    assert "teenage_pregnancy" not in _concepts(advice)


# 000 line 1410, Level 4*: "Child is at significant risk of gang affiliation and/or criminal exploitation".
def test_working_in_another_town_and_days_away_is_the_county_lines_top_line():
    advice = _advice("He hadn't been home since Thursday, came back Sunday saying he'd been 'working in Skeg' with "
                     "a mate's cousin, new trainers and two phones.", "Corby", "15")
    assert advice.level == 4 and advice.s47


def test_a_second_phone_and_late_nights_alone_stay_below_the_top_line():
    assert not at_top_line("criminal_exploitation", frozenset({"exploitation_signs"}))
    advice = _advice("Hanging round with older lads, new trainers and two phones, came in at 1am twice.", "Corby",
                     "15", scale=5)
    assert advice.level == 3


# 000 line 1374, Level 4 "Child is main carer for family member"; 004 line 196 asks for long-term, unsupported caring.
def test_a_main_carer_whose_schooling_suffers_is_the_northamptonshire_top_line():
    advice = _advice("She basically runs the house for her mum, who is in a wheelchair. Off school loads.",
                     "Kettering", "13", role="public")
    assert advice.level == 4 and not advice.s47


def test_a_main_carer_in_bedford_needs_the_caring_to_be_long_term():
    advice = _advice("She basically runs the house for her mum, who is in a wheelchair. Off school loads.",
                     "Kempston", "13", role="public")
    assert advice.level < 4  # 004's top line asks for caring that is long-term and unsupported


def test_a_carer_for_four_yrs_whose_attendance_dropped_is_long_term():
    advice = _advice("Mum has severe COPD 4 yrs, he does all the shopping, meds and cleaning. Attendance 58%.",
                     "Downham Market", "15")
    assert advice.level == 4


# 000 Level 4 "Suicide attempts/threats": the warning signs without the word.
def test_giving_things_away_because_he_wont_need_them_is_a_suicide_sign():
    assert "suicidal" in _live("He gave his boots to his brother 'cos I won't need them where I'm going'.")
    assert "suicidal" in _live("His mate said he has been searching how many paracetamol on his phone.")


def test_giving_old_boots_to_a_brother_is_not_a_suicide_sign():
    assert "suicidal" not in _live("He gave his old boots to his brother because they don't fit him any more.")


# 002 section 47 "trafficked"; 003 immediate referral "Child victims of exploitation including trafficking".
def test_a_debt_for_the_journey_worked_off_is_trafficking():
    assert "trafficking" in _live('She said "I pay my debt for travel, then I go school".')
    assert "trafficking" not in _live("Mum is paying off a debt for the car.")


def test_an_engagement_sorted_by_her_dad_and_uncle_is_forced_marriage():
    assert "forced_marriage" in _live("Her engagement has been sorted by her dad and uncle back home.")
    assert "forced_marriage" not in _live("Her big sister's engagement party is next month.")


# The age rule makes sexual activity under 13 section 47; a 15-year-old asking for contraception is not.
def test_a_12_year_old_requesting_contraception_is_section_47():
    advice = _advice("Attended with mum requesting contraception. Boyfriend is 14.", "Arboretum", "12")
    assert advice.level == 4 and advice.s47


def test_a_15_year_old_requesting_contraception_is_not_section_47():
    advice = _advice("Attended requesting contraception. Boyfriend is 15, same year, no pressure, Fraser competent.",
                     "Arboretum", "15", scale=8)
    assert not advice.s47


def test_a_locked_box_in_a_high_cupboard_is_not_being_high():
    """003 line 211 Early Help "Controlled or stable substance abuse"."""
    assert stable_on_treatment("Methadone script 3 years, stable, kept in a locked box in a high cupboard.")
    assert not stable_on_treatment("On a methadone script but he was high at pick-up.")


def test_kicking_off_over_a_treat_is_a_tantrum():
    advice = _advice('The dad said "he\'s my son, he\'s kicking off cos no kinder egg", the boy climbed in his seat.',
                     "Corby", "4", role="public", scale=8)
    assert not advice.s47


def test_a_child_who_says_daddy_kicked_him_is_still_a_disclosure():
    advice = _advice('He said "daddy kicked me" and he was kicking off all morning.', "Corby", "4", scale=5)
    assert advice.s47


def test_exasperation_at_a_chore_is_not_a_suicide_threat():
    advice = _advice('She said "if I have to do one more maths sheet I\'m going to kill myself" and laughed.',
                     "Corby", "14", role="public", scale=8)
    assert advice.level <= 2 and not advice.immediate_danger


def test_kill_myself_said_without_the_condition_keeps_the_threat():
    advice = _advice("She said she is going to kill myself, she can't do this anymore.", "Corby", "14",
                     role="public", scale=3)
    assert advice.level == 4


def test_a_black_eye_from_boxing_sparring_is_explained():
    """002 Tier 1 "bruising consistent with normal play"; the child is mobile and no doubt is said."""
    advice = _advice("He came home with a black eye from boxing, his first proper sparring. Coach said it happens.",
                     "Bulwell", "14", role="public", scale=9)
    assert advice.level == 1


def test_a_black_eye_that_dad_gave_him_is_not_explained_by_boxing():
    advice = _advice("He has a black eye. He goes boxing but he told me his dad punched him.", "Bulwell", "14")
    assert advice.s47


def test_a_teenager_crying_most_nights_is_not_neglect():
    assert "neglect" not in _live("She's crying most nights about her mocks.")
    assert "neglect" in _live("The baby has been crying for hours and I haven't heard an adult.")


def test_food_stuffed_in_pockets_is_basic_care():
    assert "basic_care" in _live("The brothers are stuffing food in their pockets every day.")


def test_health_shorthand_for_self_harm_with_its_method_is_self_harm():
    """001 line 160 ("superficial self-harm") and the level-3 lines for self-harm that is increasing."""
    assert "self_harm" in _live("14F, SH (cutting) up from monthly to several x/wk, now thighs.")
    assert "self_harm" not in _live("Sh, don't tell anyone about the cutting of the cake.")


def test_stabbed_in_the_back_by_friends_is_betrayal():
    advice = _advice('Her best friends "stabbed her in the back" on the group chat and are "dead to me" now.',
                     "Corby", "13", role="public", scale=7)
    assert not advice.s47


def test_stabbed_in_the_back_with_a_knife_is_a_stabbing():
    advice = _advice("Her brother's friend stabbed him in the back with a knife outside the shop.", "Corby", "13",
                     role="public", scale=3)
    assert advice.s47


def test_a_grandmother_saying_his_dad_my_son_died_in_brackets_is_a_bereavement():
    """002 line 849, Tier 2: a bereavement with support from family and friends."""
    advice = _advice("My grandson's dad (my son) died in March. He's sad and cries at bedtime.", "Thetford", "9",
                     role="public", scale=7)
    assert not advice.s47


# 004 line 212 Level 4 "The child consistently does not have adequate food ... resisting engagement".
def test_hunger_every_day_with_a_parent_who_will_not_engage_is_the_top_line():
    advice = _advice('The brothers are stuffing food in their pockets every day. Mum told the teacher "mind your own '
                     'business" when asked about food.', "Kempston", "6 and 8", scale=3)
    assert advice.level == 4


def test_hunger_every_day_with_a_parent_who_takes_help_is_below_the_top_line():
    advice = _advice("The brothers are stuffing food in their pockets every day. Mum asked us about the food bank "
                     "and breakfast club, and they start on Monday.", "Kempston", "6 and 8", scale=6)
    assert advice.level < 4
