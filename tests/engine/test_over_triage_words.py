"""Ordinary or reassuring words that pushed an account up a level (issue 11, over-triage). Texts are fictional and
written for these tests."""

from __future__ import annotations

import pytest

from bot.engine.assess import assess, get_engine
from bot.engine.case import Case
from bot.engine.history import weigh_history
from bot.engine.life_threat import threat_to_life

SELF_HARM_DENIED = ("School nurse. 15 year old, cutting her thighs about twice a week since the autumn, none needing "
                    "stitches. I asked her directly about suicide and she said she doesn't want to die, she does it "
                    "to calm down. Referred to CAMHS by the GP, on the waiting list. Parents know and are supportive.")


def test_a_denial_asked_directly_is_not_a_threat_to_life():
    """Issue 11 "pushed to level 4 wrongly": "Explicit denials, after the professional asked directly, of self-harm
    or suicidal thoughts". 000 Level 3 "Self-harming behaviours"; the level-4 line is a risk of admission."""
    assert not threat_to_life("she said she doesn't want to die")
    assert threat_to_life("she said she wants to die")
    advice = assess(Case(area="Corby", age="15", role="professional", scale=4, worried=SELF_HARM_DENIED))
    assert advice.level == 3 and not advice.s47


@pytest.mark.parametrize("history, raised", [
    ("Previous heroin dependency.", False),
    ("Historic heroin use, in treatment since before her pregnancy.", False),
    ("Referred in 2019 for dad's drinking.", False),
    ("Two previous referrals for dad's drinking.", True),
    ("School has logged concerns about mum's drinking several times.", True),
])
def test_only_more_than_one_earlier_concern_raises_the_level(history, raised):
    """000 7.1: harm builds up "when there have been a number of events"; one past episode is one event."""
    raise_, _ = weigh_history(get_engine().matcher, history, ["parental_substance_misuse"])
    assert bool(raise_) is raised


def _concepts(worried: str, age: str = "8") -> set:
    advice = assess(Case(area="Norwich", age=age, role="professional", scale=6, worried=worried))
    return {i.concept for i in advice.indicators}


# 002 Tier 1 "bruising consistent with normal play"; bullying lines: a child hurt by another child at play.
@pytest.mark.parametrize("worried", ["Bruises on both shins. He says 'at football Jayden always kicks me'.",
                                     "She said 'I fell off the monkey bars and Ruby kicked me at break'."])
def test_a_child_hurt_by_another_child_at_play_is_not_abuse_by_a_carer(worried):
    concepts = _concepts(worried)
    assert "physical_abuse" not in concepts and "disclosure_abuse" not in concepts


def test_an_adult_named_in_the_words_keeps_it_abuse_even_at_football():
    """004 line 304 / 000 l.1449: an adult's assault on a child; the game is where, not who."""
    assert "physical_abuse" in _concepts("His dad kicked him hard at football on Sunday and he limped off crying.")


# 004 Level 2 "The child exhibits aggressive ... behaviours": a toddler's tantrum that hurts the adult.
@pytest.mark.parametrize("worried", ["I babysit. The 3 year old had a meltdown at bedtime and he hit me.",
                                     "Mum says her toddler has tantrums all day, he hits her and won't sleep."])
def test_a_young_child_who_hits_the_adult_in_a_tantrum_is_behaviour(worried):
    concepts = _concepts(worried, age="3")
    assert "behaviour_problems" in concepts
    assert not concepts & {"physical_abuse", "disclosure_abuse"}


def test_an_adult_who_hits_a_child_in_a_tantrum_is_still_abuse():
    assert "physical_abuse" in _concepts("When she has a tantrum her stepdad hits her.", age="3")


def test_a_partner_who_kicks_off_and_hits_her_is_not_a_tantrum():
    concepts = _concepts("Mum says when he kicks off after the pub he hits her.", age="3")
    assert concepts & {"physical_abuse", "disclosure_abuse", "domestic_abuse"}


def test_a_hitter_the_account_does_not_name_as_the_child_keeps_it_abuse():
    """Safety: "he" may be the mother's partner; only a child named as the one hitting makes it behaviour."""
    concepts = _concepts("Mum says when she has a tantrum he hits her.", age="3")
    assert concepts & {"physical_abuse", "disclosure_abuse"}


def test_a_negation_further_back_does_not_cancel_a_wish_to_die():
    """000 Appendix 2 / the suicidal lines: "she can't cope and wants to die" is a threat to her life."""
    assert threat_to_life("she can't cope any more and wants to die")
    assert not threat_to_life("she said she doesn't want to die")
