"""A young child touching their own body is typical development (bot/engine/rules/developmental_behaviour.py).

000 line 874 (Level 1) "Safe and age appropriate sexual" development; 001 line 225 names only "Sexualised behaviours
not in line with typical development milestones for a child". Set N's nursery manager asked whether a three-year-old
touching himself at nap time "means something has happened"; the engine answered section 47. Each twin below must
keep the red flag. Texts are fictional and written for these tests.
"""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case


def _advice(worried: str, age: str):
    return assess(Case(area="Corby", age=age, role="professional", worried=worried, scale=8))


@pytest.mark.parametrize("text", [
    "Noah (3) touches his private parts quite a lot at nap time and when he's tired, sometimes hand down his "
    "trousers at story time. He isn't doing it to other children and he's not upset.",
    "Our reception girl (4) puts her hand down her knickers at carpet time when she is bored; mum says she does it in "
    "the bath too.",
])
def test_a_young_child_touching_their_own_body_is_not_sexual_abuse(text):
    advice = _advice(text, "3")
    assert not advice.s47 and advice.level <= 2
    assert any("typical development" in note for note in advice.notes)
    assert "sexual_abuse" in {r.concept for r in advice.ruled_out}


@pytest.mark.parametrize("text, age", [
    ("Her uncle touches his private parts in front of her.", "4"),  # an adult: exposure
    ("She said uncle touches her private parts.", "4"),  # a disclosure
    ("Noah (3) touches his private parts and tries to touch other children's private parts at nap time.", "3"),
    ("Since mum's new boyfriend moved in she keeps touching her private parts and says it hurts.", "4"),
    ("He touches his private parts a lot in class.", "9"),  # older than the rule's age
    ("Ellie (4) touches her private parts at nap time when Daddy tells her to.", "4"),  # an adult after it
])
def test_touching_with_someone_else_an_adult_pain_or_an_older_child_keeps_the_worry(text, age):
    advice = _advice(text, age)
    assert advice.level == 4 and advice.s47
