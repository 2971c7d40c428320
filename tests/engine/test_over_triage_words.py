"""Ordinary or reassuring words that pushed an account up a level (issue 11, over-triage). Texts are fictional and
written for these tests."""

from __future__ import annotations

import pytest

from bot.assess import assess, get_engine
from bot.case import Case
from bot.history import weigh_history
from bot.indicators import threat_to_life

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
