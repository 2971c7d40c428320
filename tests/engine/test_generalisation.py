"""Issue 11: facts, pre-birth ages, the recall net, open questions, earlier concerns and bad input."""

from __future__ import annotations

import pytest

from bot.engine.assess import assess, get_engine
from bot.engine.case import Case
from bot.engine.facts import read_facts
from bot.engine.history import weigh_history
from bot.guidance.loader import cached_areas
from bot.guidance.paraphrases import cached_paraphrases, thin_indicators
from bot.language.language_check import not_english
from bot.language.parsing import parse_age_years


@pytest.mark.parametrize("text, unborn", [
    ("unborn", True), ("pre-birth", True), ("30 weeks pregnant", True), ("mum is 28/40", True),
    ("15, pregnant", False), ("4 months", False), ("newborn", False),
])
def test_pre_birth_ages_are_accepted(text, unborn):
    """Issue 11.5: a midwife's 'unborn' or 'N weeks pregnant' is an age (000 'including unborn babies')."""
    age = parse_age_years(text)
    assert age is not None and (age < 0) is unborn


def test_a_pre_birth_case_is_not_a_non_mobile_baby():
    """The baby rules apply from birth: an unborn baby has no 'bruise on a non-mobile baby' rule."""
    case = Case(area="Nottingham", age="unborn", worried="Mum has a bruise on her arm from a fall at work", scale=7)
    assert case.unborn and not assess(case).s47


@pytest.mark.parametrize("text, fact, present", [
    ("he hit her with a belt", "implement", True),
    ("no marks were seen", "mark", False),
    ("there were marks on her arm", "mark", True),
    ("police have been out three times this month", "repeated_police", True),
    ("the police came once last year", "repeated_police", False),
    ("dad put his hands round mum's neck", "strangling", True),
    ("the coach saw him fall awkwardly in the tackle", "witnessed_explanation", True),
])
def test_facts_are_read_and_denials_are_not_facts(text, fact, present):
    assert (fact in read_facts(text)) is present


def test_level_variant_comes_from_facts_not_wording():
    """Issue 11.4: tooth decay alone is not the level-4 diet line; arguments about screen time are not
    persistent domestic abuse."""
    for worried in ("He has some tooth decay and the dentist wants to see him again",
                    "Mum and her 14 year old argue about screen time most evenings"):
        advice = assess(Case(area="Norwich", age="8", worried=worried, scale=7))
        assert advice.level <= 2, (worried, [i.id for i in advice.indicators])


def test_open_questions_list_what_would_change_the_level():
    """Issue 11.4: chastisement without the facts that move it lists marks, implement, head or face."""
    advice = assess(Case(area="Norwich", age="7", worried="Dad smacked him when he was cheeky", scale=7))
    facts = {q.fact: q.leads_to for q in advice.open_questions}
    assert advice.level == 2
    assert facts.get("mark") == 4 and facts.get("implement") == 4 and facts.get("frightened") == 3


def test_the_paraphrase_corpus_covers_every_indicator():
    """Issue 11.2: 3-5 everyday descriptions for every indicator line of every area, validated."""
    areas = cached_areas()
    corpora = cached_paraphrases()
    assert set(corpora) == set(areas)
    for name, corpus in corpora.items():
        assert thin_indicators(areas[name], corpus) == [], name


def test_the_recall_net_proposes_and_is_calibrated():
    """Issue 11.3: nearest-description voting proposes the right kind of indicator; the score is a probability."""
    from bot.engine.recall import get_net

    net = get_net()
    assert net is not None
    proposal = net.propose("norfolk", "Mum has not got out of bed for weeks and the kids get themselves to school")
    assert proposal is not None and 0.0 <= proposal.score <= 1.0
    assert proposal.indicator.domain in {"parenting_capacity", "family_environment"}
    assert net.propose("norfolk", "I asked him directly and nobody hurts him, there are no marks") is None \
        or not net.propose("norfolk", "I asked him directly and nobody hurts him, there are no marks").indicator.s47


def test_a_red_flag_only_the_net_sees_is_a_possible_red_flag_with_a_question():
    """Issue 11.3: red flags keep explicit rules; what only the net proposes is listed under `possible`."""
    advice = assess(Case(area="Northampton", age="12", scale=2,
                         worried="Her tummy has got rounder and she keeps being sick in the mornings at school."))
    assert advice.level >= 3
    for item in advice.possible:
        assert 0 <= item.score <= 1 and item.question.endswith("?")


def test_earlier_concerns_of_the_same_kind_raise_the_level_by_one():
    """Issue 12.12, 000 7.1: 'a number of events which have compromised the child's ... wellbeing'."""
    worried = "He came in hungry and in dirty clothes today"
    plain = assess(Case(area="Bedford", age="7", worried=worried, scale=7))
    weighed = assess(Case(area="Bedford", age="7", worried=worried, scale=7,
                          history="School has logged concerns about him coming in hungry and dirty several times"))
    assert weighed.level == min(plain.level + 1, 3) and weighed.level > plain.level
    assert any("earlier concerns" in r for r in weighed.rationale)


def test_a_plan_that_closed_without_change_goes_to_the_front_door():
    raise_, consult = weigh_history(get_engine().matcher, "Early help plan closed in June with no change", [])
    assert consult and raise_ is None
    advice = assess(Case(area="Norwich", age="7", worried="He often comes in hungry", scale=6,
                         history="An early help plan closed last year without any change"))
    assert advice.level >= 3 and advice.route == "cads"


def test_a_contradiction_keeps_the_affirmative_fact_and_says_so():
    advice = assess(Case(area="Corby", age="6", scale=5,
                         worried="No marks. Then she showed me marks on her arm and said dad grabbed her."))
    assert advice.level == 4 and any("You said both" in n for n in advice.notes)


def test_a_20000_character_account_still_finds_the_buried_fact():
    filler = "We talked about his reading and the school trip and his new trainers. " * 150
    worried = filler + "He told me his stepdad hits him with a belt. " + filler
    advice = assess(Case(area="Nottingham", age="9", worried=worried[:20000], scale=5))
    assert advice.level == 4 and advice.s47


def test_non_english_text_gets_a_clear_note_and_the_front_door():
    assert not_english("Mój syn ma siniaki na rękach i nie chce wracać do domu")
    assert not not_english("Attended address. DV. Male arrested. Children present.")
    advice = assess(Case(area="Norwich", age="9", worried="Mój syn ma siniaki na rękach i nie chce wracać do domu"))
    assert any("Only English" in n for n in advice.notes) and "999" in " ".join(advice.notes)


def test_bedford_mental_health_that_cannot_be_managed_at_home_is_level_4():
    """Issue 12.11: Bedford (004) parental and family factors, level 4: "The child has a mental health condition
    which cannot be managed in the home environment"; an acute fact reaches the level-4 line."""
    advice = assess(Case(area="Bedford", age="12", scale=6,
                         worried="The child has a mental health condition which cannot be managed at home"))
    assert advice.level == 4 and any(i.id == "bed-par-l4-12" for i in advice.indicators)


def test_low_self_esteem_is_level_2_in_northamptonshire():
    """Issue 12.11: 000 Appendix 1, level 2 "Low self esteem"."""
    advice = assess(Case(area="Kettering", age="12", scale=6, worried="He has low self esteem"))
    assert advice.level == 2
