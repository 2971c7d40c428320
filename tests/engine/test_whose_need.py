"""A need or an injury said of someone else is not the child's own (bot/engine/rules/whose_need.py).

Seed lines: 003 line 206 (Early Help) "Caring for adult or siblings, young carer"; 004 level 3 "The child is acting
as a young carer"; 003 line 211 (Early Help) "Concerns and suspected domestic violence". Texts are fictional and
written for these tests.
"""

from __future__ import annotations

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.rules.whose_need import parents_injury, siblings_needs
from tests.engine.hits import concept_hit

SIBLING = "Her younger brother has cerebral palsy and uses a wheelchair, and she helps lift him every morning."


def test_a_siblings_disability_is_a_young_carers_need_when_the_child_helps():
    hits = siblings_needs([concept_hit("disability", "cerebral palsy", SIBLING)], SIBLING)
    assert [h.concept for h in hits] == ["young_carer"]


def test_a_siblings_disability_without_caring_is_not_the_childs_need():
    text = "Her older sister is autistic and goes to a special school."
    assert siblings_needs([concept_hit("send", "autistic", text)], text) == []


def test_the_childs_own_disability_is_kept():
    text = "He is autistic and non-verbal, and his brother walks him to school."
    hits = siblings_needs([concept_hit("disability", "autistic", text)], text)
    assert [h.concept for h in hits] == ["disability"]


def test_a_siblings_disability_does_not_make_the_child_disabled_for_a_smack():
    """A smack to a disabled child is a red flag (chastisement rule); the brother's disability must not count."""
    worried = ("Dad told me he gave Mia a smack on the leg for swearing. Her little brother has severe autism "
               "and she helps calm him down after school.")
    advice = assess(Case(area="Norwich", age="10", role="professional", worried=worried, scale=6))
    assert not advice.s47 and advice.level < 4


MOTHER = "At pick up mum had a bruise under her eye and said she had walked into a door."


def test_a_mothers_injury_is_a_sign_of_domestic_abuse_not_an_injury_to_the_child():
    hits = parents_injury([concept_hit("unexplained_injury", "bruise under her eye", MOTHER)])
    assert [h.concept for h in hits] == ["domestic_abuse"]


def test_an_injury_to_the_child_stays_an_injury():
    text = "Mum said his bruise under his eye was from football."
    hits = parents_injury([concept_hit("unexplained_injury", "bruise under his eye", text)])
    assert [h.concept for h in hits] == ["unexplained_injury"]


def test_the_whole_assessment_weighs_the_mothers_bruise_as_domestic_abuse():
    worried = ("Leo said in circle time that mummy and daddy shout a lot. " + MOTHER + " She said she is fine.")
    advice = assess(Case(area="Bulwell", age="6", role="professional", worried=worried, scale=6))
    assert "domestic_abuse" in {i.concept for i in advice.indicators}
    assert not advice.s47 and 2 <= advice.level <= 3


def test_an_injury_by_mums_partner_to_her_is_not_read_as_the_mothers():
    """Safety: "mum's boyfriend hit her across the face" may be about the girl; the face is a fact of harm."""
    hits = parents_injury([concept_hit("physical_abuse", "boyfriend hit her", "Mum's boyfriend hit her in the face.")])
    assert [h.concept for h in hits] == ["physical_abuse"]
    advice = assess(Case(area="Bulwell", age="9", role="professional", scale=4,
                         worried="Mum's boyfriend hit her across the face last night."))
    assert advice.level == 4
