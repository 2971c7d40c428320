"""Level-4 accounts of set H's kind, said without the seeds' words (issue 11). Texts are fictional and written
for these tests, in words of their own (not the vignettes').
"""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.facts import read_facts
from bot.engine.rules.care_and_age_rules import kept_to_work
from bot.engine.rules.plain_word_rules import visible_hunger


def _advice(worried: str, area: str = "Bedford", age: str = "8", role: str = "professional", scale: int = 3):
    return assess(Case(area=area, age=age, role=role, worried=worried, scale=scale))


# 002 line 2103 and 004 line 304: "A child being traumatised injured or neglected as a result of domestic violence."
CHILD_HURT = ("Police attended a domestic last night. Her partner threw a mug at mum and their 10 year old got in "
              "between them and it hit him on the arm.")


def test_a_child_hurt_in_a_domestic_abuse_incident_is_section_47():
    assert "child_hurt" in read_facts(CHILD_HURT)
    advice = _advice(CHILD_HURT, age="10")
    assert advice.level == 4 and advice.s47


def test_a_glass_thrown_at_the_mother_is_a_serious_assault():
    assert "serious_assault" in read_facts("He threw a wine glass at mum during the row.")
    assert "serious_assault" not in read_facts("He threw a tantrum at school.")


# 002 line 2115 and 004 line 313: "Suspicion that child has suffered or is at risk of significant harm due to
# fabricated or induced illness."
@pytest.mark.parametrize("worried", [
    "Mum reports fits at home but none have ever been witnessed by the nurses in five admissions.",
    "On the ward he eats well when his mother is away, and at home she says he refuses everything.",
    "A nurse saw dad switching off the feed pump and then reporting that she had vomited.",
])
def test_symptoms_no_professional_sees_or_interference_is_fabricated_illness(worried):
    advice = _advice(worried, area="Norwich", age="4")
    assert "fabricated_illness" in {i.concept for i in advice.indicators}
    assert advice.level == 4 and advice.s47


# 004 line 253 (private fostering, level 4): "There is concern that the child is a victim of CSE, domestic
# slavery, or being physically abused in their private foster placement."
SERVITUDE = ("The girl next door says she is their cousin from back home. She doesn't go to school, she is cleaning "
             "and minding their little ones from early till late.")


def test_a_child_kept_out_of_school_to_work_for_a_household_not_her_own_is_domestic_servitude():
    assert kept_to_work(SERVITUDE, 14) is not None
    advice = _advice(SERVITUDE, age="14", role="public")
    assert advice.level == 4 and advice.s47


def test_a_young_carer_who_misses_school_is_not_in_servitude():
    text = "She doesn't go to school most days since mum's stroke, she does the cooking and cleaning for her."
    assert kept_to_work(text, 14) is None


# 004 line 199 (level 4): "physical signs of neglect such as a thin or swollen tummy, poor skin tone/sores/rashes,
# prominent joints and bones"; 004 line 306: "Allegations / reasonable suspicions of serious neglect".
def test_a_thin_child_taking_food_from_bins_is_serious_neglect():
    text = "He was taking sandwiches out of the bins at lunch. He is really thin, you can see his ribs in PE."
    assert visible_hunger(text) is not None
    advice = _advice(text, age="7")
    assert advice.level == 4 and advice.s47


# 004 line 253, level 3: "the local authority hasn't been notified of the private fostering arrangement".
def test_a_private_fostering_arrangement_the_council_does_not_know_of_is_at_least_level_3():
    advice = _advice("He has been living with his mum's friend, not a relative, for about ten weeks while mum works "
                     "away. The friend said she didn't know she had to tell the council.", age="13", scale=6)
    assert advice.level >= 3


def test_a_third_police_notification_is_a_frequency_fact():
    assert "frequent" in read_facts("3rd PPN for this couple in ten months, all verbal.")


# 002/004 s47 tables: "Pregnancy in a child aged under 13"; health shorthand for a positive test and gestation.
def test_a_positive_test_in_health_shorthand_at_12_is_section_47():
    advice = _advice("GP. 12F c/o nausea and missed periods. UPT positive, about 9/40 by dates.", area="Kempston",
                     age="12", scale=3)
    assert advice.level == 4 and advice.s47


def test_a_mothers_gestation_is_not_the_childs_pregnancy():
    from bot.engine.rules.care_and_age_rules import own_pregnancy
    assert own_pregnancy("HV visit. Mum is 20/40 with her third, Kayla (14) is helping at home.", 14) is None


# 003 "Left 'home alone' and their age and vulnerability places them at risk"; "left alone ... overnight".
def test_a_young_child_left_in_charge_while_mum_goes_out_in_the_night_is_abandonment():
    advice = _advice("He came in alone with his little sister. He said mummy went to work in the night and he did "
                     "bedtime for them both and got breakfast.", area="Radford", age="6", scale=2)
    assert advice.level == 4 and advice.s47


# 002 Tier 4 "the child is an unaccompanied asylum-seeker"; 000 "Unaccompanied refugee/asylum seeker" (level 4,
# a child in need: not section 47, consent needed).
def test_a_child_alone_in_the_country_is_the_top_line_without_section_47():
    advice = _advice("A boy of 15 came to our drop-in. He got into the UK four days ago hidden in a lorry. His parents "
                     "are dead and he has no family here.", area="Norwich", age="15", scale=4)
    assert advice.level == 4 and not advice.s47 and advice.consent.needed


def test_no_family_in_uk_and_no_one_waiting_are_a_child_alone_in_the_country():
    assert "unaccompanied" in read_facts("No ID. No family or contacts in UK.")
    assert "unaccompanied" in read_facts("He says no one is waiting for him here.")
    assert "unaccompanied" not in read_facts("He came with his mum; no family in Leeds any more.")


# 000 Appendix 2 "An individual with serious child related offences visiting/moving into a household with
# children": the register said without its name.
def test_the_register_for_something_with_a_girl_is_a_person_posing_risk():
    advice = _advice("My daughter's new fella is moving in Saturday. My neighbour says he's on that register for "
                     "something with a girl of about ten. He's been babysitting on his own.", area="Wellingborough",
                     age="4", scale=7)
    assert advice.level == 4 and advice.s47


# 003 line 260 (immediate referral) "Child victims of exploitation including trafficking, modern slavery".
def test_a_girl_whose_boss_keeps_her_phone_and_who_sleeps_at_work_is_trafficking():
    advice = _advice("A young girl works in the nail bar every day, school days too, and sleeps upstairs. The boss "
                     "takes her phone off her.", area="Bulwell", age="15", scale=4)
    assert advice.level == 4 and advice.s47


# 000 Appendix 1 level 4 and Appendix 2 "Participates in extremist actions in language and behaviour"; 004 level 4
# "saying that they will carry out violence in support of extremist views".
def test_threats_that_a_group_should_be_wiped_out_and_making_something_are_violent_intent():
    assert "violent_intent" in read_facts("He told a teacher people like them should be wiped out.")
    assert "violent_intent" in read_facts("He has been talking about making something in his shed.")


# 000 line 1449 (Appendix 2): "Allegations or suspicion about a serious injury or sexual abuse to a child"; 004
# line 304: an adult's physical abuse of a child is section 47. Said as what the adult left on the child.
@pytest.mark.parametrize("worried", [
    "Mum's boyfriend left bruises on her arms.",
    "She says her stepdad gave her a fat lip on Saturday.",
    "Her nan's partner left marks on her legs when she was staying there.",
])
def test_an_adult_who_left_marks_on_a_child_is_section_47(worried):
    advice = _advice(worried, area="Corby", age="9", scale=5)
    assert "physical_abuse" in {i.concept for i in advice.indicators}
    assert advice.level == 4 and advice.s47


def test_an_adult_who_left_the_home_is_not_read_as_leaving_marks():
    advice = _advice("Her dad left in the summer and she has a bruise on her knee from netball.", area="Corby",
                     age="9", scale=7)
    assert "physical_abuse" not in {i.concept for i in advice.indicators}


# 003 line 253 (immediate referral): "Child lives or has contact with adults who are known to pose a risk to
# children". A sentence served, said in slang.
@pytest.mark.parametrize("worried", [
    "Her uncle moved in last month. He did time for interfering with a neighbour's kid years ago.",
    "The lodger served a stretch for indecent stuff, everyone on the estate knows, and he minds the boys.",
])
def test_an_adult_who_served_a_sentence_for_a_sexual_offence_poses_a_risk(worried):
    advice = _advice(worried, area="Nottingham", age="8", role="public", scale=4)
    assert "person_posing_risk" in {i.concept for i in advice.indicators}
    assert advice.level == 4 and advice.s47


# 000 line 1418 (Appendix 2) "Participates in extremist action in language and behaviour"; 004 Level 4 "saying that
# they will carry out violence in support of extremist views": a plan said as what was found.
@pytest.mark.parametrize("found", [
    "His sketch of the high street has the synagogue ringed in red pen.",
    "He sent the group a photo of himself posing with a machete next to the flag.",
])
def test_extremist_views_with_a_target_or_a_weapon_are_the_top_line(found):
    worried = f"He keeps sharing hateful videos blaming migrants and says they are replacing us. {found}"
    assert "violent_intent" in read_facts(found)
    advice = _advice(worried, area="Kettering", age="15", scale=3)
    assert advice.level == 4 and advice.s47


@pytest.mark.parametrize("ordinary", ["She was holding a knife and fork at tea.", "The school is marked on the map.",
                                      "Someone has to take the bins out on Fridays."])
def test_ordinary_sentences_are_not_violent_intent(ordinary):
    assert "violent_intent" not in read_facts(ordinary)


# 004 line 315: "A child at risk of sexual exploitation or trafficking"; a child who says the person he works
# for keeps his passport.
def test_a_child_who_says_someone_keeps_my_passport_is_a_trafficking_concern():
    advice = _advice("A lad of about 15 sweeps up at the barber's all day. He told me the owner keeps my passport "
                     "until I pay.", area="Bedford", age="15", role="public", scale=3)
    assert "trafficking" in {i.concept for i in advice.indicators}
    assert advice.level == 4 and advice.s47


def test_the_same_views_without_a_plan_stay_below_the_top_line():
    """000 Level 3 "Exhibiting extremist language/behaviour": views alone are not the section 47 item."""
    advice = _advice("He keeps sharing hateful videos blaming migrants and says they are replacing us.",
                     area="Kettering", age="15", scale=4)
    assert "radicalisation" in {i.concept for i in advice.indicators}
    assert advice.level == 3 and not advice.s47


def test_a_workplace_that_collects_phones_for_a_shift_is_not_trafficking():
    from bot.language.matcher import get_matcher

    said = "The owner takes their phones at the start of the shift and gives them back after."
    assert "trafficking" not in {h.concept for h in get_matcher().find(said) if not h.negated}
