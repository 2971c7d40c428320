"""Level-4 children in the eleventh reserved set (N), said in words no rule read (issue 11; set N read once, then
training data). Each test cites the seed line and has a twin that must not be read as the red flag. Fictional texts.
"""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.facts import read_facts


def _advice(worried: str, area: str, age: str, role: str = "professional", scale: int = 4):
    return assess(Case(area=area, age=age, role=role, worried=worried, scale=scale))


# 000 line 1445 "Downloading sexual imagery of children" (Level 4): police taking a parent's devices over "pictures of
# kids", told by a mother who believes it was a virus.
def test_police_taking_a_fathers_laptop_over_pictures_of_kids_is_a_red_flag():
    advice = _advice("She said the police came last Thursday and took her husband's laptop and phones because of "
                     "'pictures of kids' but he's home now and she believes it was a virus.", "Moulton", "7")
    assert advice.s47 and advice.level == 4


def test_police_looking_at_photos_of_a_fight_on_a_phone_is_not_indecent_images():
    advice = _advice("The police took his phone and looked at the photos of the fight outside the chippy.", "Moulton",
                     "15")
    assert "indecent_images" not in {i.concept for i in advice.indicators}


# 002 line 2120 "A child at risk of FGM" (Tier 4): a cutting "so you're clean", at a party to "become a big girl".
def test_a_cutting_to_make_a_girl_clean_is_fgm():
    advice = _advice("She's going to have 'a special party to become a big girl' where 'the old lady cuts you so "
                     "you're clean', like her big cousin had.", "Thetford", "8", scale=2)
    assert advice.s47 and "fgm" in {i.concept for i in advice.indicators}


def test_a_haircut_to_look_clean_is_not_fgm():
    advice = _advice("Her nan cuts her hair so it looks clean and tidy for school photos.", "Thetford", "8", scale=9)
    assert "fgm" not in {i.concept for i in advice.indicators} and not advice.s47


# 002 line 2026 "Belief in Spirit possession" (harmful practices): a child said to hold "something evil" and
# "cleansed" in very hot baths.
def test_a_child_cleansed_of_something_evil_inside_him_is_a_red_flag():
    advice = _advice("Mum says her son 'has something evil inside him' and she has been 'cleansing' him with very hot "
                     "salt baths.", "Wymondham", "6", scale=1)
    assert advice.s47 and advice.level == 4


def test_cleansing_wipes_are_not_a_cleansing():
    advice = _advice("She uses cleansing wipes on him because his eczema flares.", "Wymondham", "2", scale=9)
    assert not advice.s47


# 003 line 259 Left "home alone" and their age and vulnerability places them at risk: a mother on night shifts with a
# 7- and a 4-year-old on their own.
def test_children_alone_while_mum_works_nights_is_a_red_flag():
    advice = _advice("The lady next door works nights at the care home, goes out about 8pm. I think the kids are on "
                     "their own, a boy about 7 and a little girl about 4.", "Basford", "7", role="public")
    assert advice.level == 4


def test_a_mum_on_nights_with_dad_at_home_is_not_abandonment():
    advice = _advice("Mum works nights at the care home, dad is home with them and does bedtime.", "Basford", "7",
                     role="public", scale=8)
    assert advice.level <= 2 and "abandonment" not in {i.concept for i in advice.indicators}


# 000 line 1398 sexual abuse of a child under 13 (Level 4): a 12-year-old whose boyfriend's age, 19, is said two
# sentences after the boyfriend.
def test_a_twelve_year_olds_boyfriend_said_later_to_be_nineteen_is_a_red_flag():
    advice = _advice("My little sister is 12. She's got a boyfriend now. He drives, he picks her up from school. He's "
                     "19 I think. She said they've 'done it' twice at his flat.", "Brackley", "12", role="public")
    assert advice.s47 and advice.level == 4


def test_a_boyfriend_whose_brother_is_nineteen_is_not_an_adult_partner():
    advice = _advice("My little sister is 12. She's got a boyfriend in her class. His brother drives them to the "
                     "cinema, his brother is 19.", "Brackley", "12", role="public", scale=8)
    assert not advice.s47


# 000 line 1418 "Participates in extremist action in language and behaviour" (Level 4): a list of targets, a plan to
# "sort out" a mosque and a machete bought online.
def test_targets_a_plan_and_a_machete_beside_extremist_views_are_violent_intent():
    assert "violent_intent" in read_facts("He's got a list of 'targets' and a machete he bought online.")
    assert "violent_intent" in read_facts("They are going to 'sort out' the new mosque in town.")
    assert "violent_intent" not in read_facts("He bought a new football and a list of fixtures.")


# 003 line 206 "Privately fostered": a 14-year-old living for months with her mother's friend, said not to be family.
def test_a_girl_living_for_months_with_her_mums_friend_is_private_fostering():
    advice = _advice("Her carer is Mrs B, a friend of her mum from church, not a relative. She has lived with her "
                     "since February because mum went back home.", "Hyson Green", "14", scale=7)
    assert "private_fostering" in {i.concept for i in advice.indicators}


def test_a_girl_living_with_her_mum_is_not_private_fostering():
    advice = _advice("A friend of her mum picks her up on Tuesdays. She has lived with her mum since February in a "
                     "new flat.", "Hyson Green", "14", scale=8)
    assert "private_fostering" not in {i.concept for i in advice.indicators}


# Set P's three level-4 misses, each said in a child's or a GP's own words. 002 s47 "Pregnancy in a child aged under
# 13"; 000 Appendix 2 "Sexual abuse of a child under 13*"; 004 and 002 s47 "sexual abuse" and indecent images.
@pytest.mark.parametrize("text", [
    "A Year 7 girl told her friend she 'did it properly' with a 15yo boy in the park at the weekend.",
    "Pt said quietly she thinks she 'might have a baby in her tummy' as she's 'missed her monthly' twice.",
    "She's been 'seeing' mum's friend's son, 19, 'at his flat after school'.",
])
def test_a_twelve_year_olds_sex_or_pregnancy_in_her_own_words_is_section_47(text):
    advice = assess(Case(area="Bulwell", age="12", role="professional", worried=text, scale=4))
    assert advice.level == 4 and advice.s47


@pytest.mark.parametrize("text", [
    "He did it with his mum's help last night, the maths homework was hard.",
    "Mum has a baby in her tummy and she's excited to be a big sister.",
    "She's been seeing her dad, 35, every other weekend since the split.",
    "Her covid test was positive so she's off this week.",
])
def test_the_same_words_about_homework_a_mothers_pregnancy_or_contact_are_not(text):
    advice = assess(Case(area="Bulwell", age="12", role="professional", worried=text, scale=8))
    assert not advice.s47


def test_a_naked_game_filmed_by_an_adult_is_section_47():
    advice = assess(Case(area="Kempston", age="10", role="public", scale=2, worried=(
        "She said they play 'doctors' with no clothes and Dean 'makes videos for his mate to keep'. She said it's a "
        "secret.")))
    assert advice.level == 4 and advice.s47
