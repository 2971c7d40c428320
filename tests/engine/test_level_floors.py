"""Minimum levels from facts the seeds put at a level on their own (bot/engine/level_floors.py, issues 11.4 and 12).

Each test quotes the seed line the floor rests on. The texts are fictional and written for these tests.
"""

from __future__ import annotations

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.level_floors import PARAPHERNALIA_EXPOSED, level_floors
from bot.language.matcher import ConceptHit
from tests.engine.hits import concept_hit as _hit


def test_a_level_3_fact_beside_a_smack_is_level_3():
    """002 Protection from harm Tier 3: 'Concern that chastisement may escalate in frequency/severity'."""
    sentence = "Dad says he has had to give him a slap more and more lately, a few times a week now."
    floors = level_floors("norfolk", [_hit("physical_chastisement", "give him a slap", sentence)], sentence)
    assert floors and floors[0][0] == 3


def test_the_worry_words_themselves_are_not_a_fact_about_it():
    """A child who 'came in hungry' is the neglect itself (004 level 2), not a stated impact of it."""
    sentence = "He came in hungry and in dirty clothes today."
    hits = [_hit("basic_care", "came in hungry", sentence), _hit("neglect", "dirty clothes", sentence)]
    assert level_floors("bedford_borough", hits, sentence) == []


def test_a_denied_hit_sets_no_floor():
    sentence = "She has not been smacked more and more, mum says never."
    hit = _hit("physical_chastisement", "smacked", sentence)
    denied = ConceptHit(**{**hit.__dict__, "negated": True})
    assert level_floors("norfolk", [denied], sentence) == []


def test_missing_repeatedly_with_whereabouts_unknown_is_level_3():
    """002 Tier 3 (line 1006): 'Runs away frequently and/ or goes missing for periods; reasons for whereabouts
    not understood'; 004 Level 3 (line 192): 'The child persistently goes missing'."""
    advice = assess(Case(area="Cromer", age="15", scale=5,
                         worried="Third time this month she hasn't come home till the morning. Won't say where she "
                                 "goes or who with. Mum is at her wits' end."))
    assert advice.level >= 3


def test_nobody_knowing_where_a_child_keeps_going_is_whereabouts_unknown():
    """002 Tier 3 (line 1006): 'reasons for whereabouts not understood', said as 'nobody knows where he goes'."""
    advice = assess(Case(area="Dereham", age="13", scale=5, role="public",
                         worried="The lad over the road keeps running away, police have been out loads of times. "
                                 "No one really knows where he ends up, he just comes back."))
    assert advice.level >= 3


def test_missing_once_with_signs_of_exploitation_is_level_3():
    """000 Level 3 (line 1088): 'Missing from home or change in behaviour/routine suggesting development of
    inappropriate relationship'."""
    advice = assess(Case(area="Wellingborough", age="14", scale=5,
                         worried="Reported missing Saturday night, came back at 7 in the morning with a new iPhone "
                                 "nobody bought her. Hanging round with older lads at the retail park."))
    assert advice.level >= 3


def test_missing_once_with_a_known_reason_sets_no_floor():
    """004 Level 2 (line 192): 'missing from home on one or two occasions' is below level 3."""
    text = "She stayed out late once at her nan's and forgot to text mum; mum knew where she was."
    assert level_floors("bedford_borough", [], text) == []


def test_a_child_scared_to_go_home_is_at_least_level_3():
    """004 Level 3 (line 285): 'the child appears fearful of the parent'."""
    assert level_floors("bedford_borough", [], "He told me he is scared to go home tonight.")[0][0] == 3
    assert level_floors("norfolk", [], "Mum begged me not to tell anyone, it'll be worse if he finds out.")[0][0] == 3


def test_a_disabled_childs_carer_asking_for_a_break_is_a_child_in_need():
    """000 lines 663-667: 'A social care request is also appropriate where parents need practical support and
    respite at home because of a disabled child's complex care needs'; 002 line 566: 'will always require
    statutory intervention'; 003 line 208 puts 'Parent/carer in need of short break' at level 3."""
    worried = ("He has cerebral palsy and is PEG fed overnight. Mum is exhausted and asking for short breaks; "
               "his care is excellent.")
    norfolk = assess(Case(area="Harleston", age="9", worried=worried, scale=6, consent="given"))
    assert norfolk.level == 4 and not norfolk.s47 and norfolk.consent.needed
    assert level_floors("nottingham_city", [], worried)[0][0] == 3


def test_a_carer_asking_for_a_break_without_complex_needs_sets_no_floor():
    assert level_floors("norfolk", [], "Mum is exhausted with the new baby and would like a break.") == []


def test_an_explanation_in_doubt_without_an_injury_is_not_an_injury_red_flag():
    """002 s47: 'Inconsistent explanations or an admission about a clear non-accidental injury' needs an injury:
    a changing story about where a 13-year-old slept, or school marks that dropped, are not one."""
    for worried in ("She stayed out one night, first time ever, and her story keeps changing about which friend.",
                    "He is on his xbox till 2am, tired all the time and his marks have dropped a bit."):
        advice = assess(Case(area="Bedford", age="13", worried=worried, scale=6))
        assert not advice.s47 and all(i.concept != "unexplained_injury" for i in advice.indicators)


def test_a_denied_doubt_does_not_make_a_smack_a_red_flag():
    """002 Tier 2: chastisement 'within legal limits'; 'didnt seem scared' (typed without the apostrophe) is no
    fear, and 'no mark' is no injury."""
    advice = assess(Case(area="Fakenham", age="5", scale=8,
                         worried="A dad gave his boy one smack on the legs over his jeans. No mark that i could see, "
                                 "the boy didnt seem scared of him after."))
    assert advice.level == 2 and not advice.s47


def test_a_doubted_explanation_of_a_real_injury_is_still_a_red_flag():
    """002 s47: 'Inconsistent explanations ... about a clear non-accidental injury' (no floor lost)."""
    advice = assess(Case(area="Norwich", age="8", scale=3,
                         worried="He has a bruise on his cheek and the story keeps changing, first the stairs then "
                                 "his brother."))
    assert advice.level == 4 and advice.s47


def test_an_injury_named_in_no_list_of_injury_words_is_still_a_red_flag():
    """000 Appendix 2 / 002 s47: an injury the child says an adult caused. 'Black eye' must never be dropped as
    'no injury said' (this test failed when the injury check knew only bruises and marks)."""
    advice = assess(Case(area="Corby", age="9", scale=4,
                         worried="He came in with a black eye and said his mum's boyfriend did it."))
    assert advice.level == 4 and advice.s47


def test_a_smack_with_no_raising_fact_is_level_2_in_every_area():
    """Issue 12.6; 002 Tier 2 and 004 Level 2: chastisement 'within legal limits'. Northamptonshire's seeds have
    no smacking line: its nearest lines are about boundaries, and the level-2 one is chosen when no fact raises
    it; the net may not make the smack a possible red flag again."""
    for town in ("Corby", "Norwich", "Bulwell", "Kempston"):
        advice = assess(Case(area=town, age="6", worried="Mum smacked him on the bottom once when he ran into the "
                                                         "road. No mark, he wasn't frightened."))
        assert advice.level == 2 and not advice.s47 and not any(p.applied for p in advice.possible), town


def test_a_parent_who_believes_in_smacking_is_level_3():
    """002 Protection from harm Tier 3: 'parent believes in physical punishment to manage behaviour'."""
    advice = assess(Case(area="Diss", age="6", worried="Dad gives him a good smack when he's naughty and says it "
                                                       "never did him any harm. No marks seen."))
    assert advice.level == 3 and not advice.s47


def test_a_clause_that_starts_with_no_but_states_an_injury_is_not_a_denial():
    """Review of the denial rule: 'No explanation for the bruises' is a worry (002 s47 'inconsistent
    explanations'), only 'No mark, he wasn't frightened' denies."""
    from bot.engine.recall_use import _only_denies

    assert _only_denies("No mark, he wasn't frightened.")
    assert not _only_denies("No explanation has been given for the bruises on her back.")
    assert not _only_denies("Nobody knows how she got the burns.")


# 002 line 1836 Tier 4 and 004 line 271 Level 4: "drug paraphernalia not stored or disposed of safely"; 003 line 251
# (immediate referral) "significant substance use issues which may make the children vulnerable to neglect".
def test_needles_where_the_children_are_with_a_parents_drug_use_is_the_top_level():
    advice = assess(Case(area="The Meadows", age="9", role="professional", scale=2,
                         worried="Both parents under the influence, pinned pupils. Used needles x3 on the living room "
                                 "floor, one on the children's bed. No food in the house."))
    assert advice.level == 4


def test_paraphernalia_merely_in_the_home_stays_with_the_concept():
    assert PARAPHERNALIA_EXPOSED.search("Mum said she keeps her works locked in a box on top of the wardrobe") is None
    assert PARAPHERNALIA_EXPOSED.search("Dad left a syringe on the sofa where the baby plays")
