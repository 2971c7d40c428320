"""General rules found by blind set T's first reading (2026-12-07, at ac3030c), each with a twin.

Texts are fictional and written here, not copied from the set. Seed lines are cited per test.
"""

from __future__ import annotations

from bot.engine.facts import read_facts
from bot.engine.level_caps import mitigation_contradicted
from tests.engine.words import advice as _advice
from tests.engine.words import live as _live


# 000 line 1398 (Level 4*): "sexual abuse of a child under 13"; line 1449 "Allegations or suspicion about ... sexual
# abuse to a child".
def test_a_tickle_game_under_the_covers_that_is_a_secret_is_sexual_abuse():
    advice = _advice("She said mummy's friend stayed over and they did the tickle game under the duvet again and it's "
                     "a secret.", "Corby", "6")
    assert advice.level == 4 and advice.s47
    assert "sexual_abuse" not in _live("We played a tickle game at the party and everyone laughed.")


# 000 line 1126 (Level 4): "Acute mental health problems e.g. severe depression; threat of suicide".
def test_tablets_hoarded_or_kept_with_a_note_are_a_suicide_threat():
    assert "suicidal" in _live("Her mum found she'd been stockpiling paracetamol in her wardrobe.")
    assert "suicidal" in _live("In his drawer there were forty tablets and a note to his dad.")
    assert "suicidal" not in _live("She takes her tablets every morning with breakfast.")


# 003 line 260: "Child victims of exploitation including ... child criminal exploitation ... county lines activity"
# (immediate referral); 000 line 578 "county lines".
def test_county_lines_slang_and_a_child_found_in_a_flat_with_cash_are_the_top_line():
    assert "county_lines_involved" in read_facts("He says he's been 'going cunch' and 'holding food' for the olders.")
    assert "county_lines_signs" in read_facts("Police found him in a flat in another town with £450 on him.")
    assert "county_lines_involved" not in read_facts("He was holding food for his little sister at the party.")
    advice = _advice("He's doing bits for the olders, two phones. Missing two nights, police found him in a flat in "
                     "Mansfield with cash.", "Bulwell", "15")
    assert advice.level == 4


# 002 line 1755 (Tier 3): "One/more adult members of the family is physically/emotionally abusive to other family
# member(s) ... Child/ren emotionally harmed by witnessing/awareness of violence".
def test_a_childs_words_about_he_pushing_mummy_are_domestic_abuse():
    assert "domestic_abuse" in _live("She said 'he pushed mummy over the sofa' at Christmas.")
    assert "domestic_abuse" in _live("She told me Steve shouts at mummy every night.")
    assert "domestic_abuse" not in _live("He pushed the buggy while mummy carried the shopping.")


def test_a_harm_is_mitigated_line_does_not_fit_an_account_of_a_harmed_child():
    assert mitigation_contradicted("Since then she has become really anxious and lashed out at two girls.")
    assert not mitigation_contradicted("Mum was anxious at the meeting; the girl is happy and settled.")
    advice = _advice("Her mum's partner shouts at her mum and pushed her once. Since then the girl has become really "
                     "anxious and clingy at school.", "Norwich", "9")
    assert advice.level == 3


# 004 line 274 (Level 3): "The parents/ carers learning disabilities are affecting the care of their child."
def test_an_age_in_brackets_does_not_break_a_match():
    assert "parental_learning_disability" in _live("Mum (24) has a learning disability and forgets feeds.")
    assert "teenage_pregnancy" in _live("The girl (14) is pregnant.")


# 004 line 290 (Level 2): "history of criminal activity in the family"; the child's own offending is 004 Level 4
# "The child is currently involved in persistent or serious criminal activity".
def test_an_offence_a_parent_was_sentenced_for_is_not_the_childs_offending():
    advice = _advice("My partner got sentenced last week, two years for burglary. Our son cries at night and misses "
                     "him.", "Bedford", "9", role="public", scale=7)
    assert advice.level == 2 and "offending" not in {i.concept for i in advice.indicators}
    child = _advice("Our son was arrested for burglary again last week, the third time this year.", "Bedford", "15")
    assert "offending" in {i.concept for i in child.indicators}


def test_a_childs_offending_since_a_parent_was_sentenced_stays_the_childs():
    child = _advice("Since his dad was sentenced he's been shoplifting every weekend with older lads.", "Bedford", "14")
    assert "offending" in {i.concept for i in child.indicators}
