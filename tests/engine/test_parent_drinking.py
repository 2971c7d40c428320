"""A parent's escalating drinking that the child feels is level 3 (bot/engine/rules/parent_drinking.py).

002 Tier 3 and 004 line 271 Level 3: "Drug/alcohol use has escalated; now includes binge drinking ... Child feels
unable to invite friends to the home; child worrying about parent/adults". Texts are fictional and written here.
"""

from __future__ import annotations

from bot.engine.rules.parent_drinking import NO_FRIENDS_HOME, WORRIES_FOR_PARENT
from tests.engine.words import advice, live


def test_binges_in_everyday_words_are_a_parents_drinking() -> None:
    assert "parental_substance_misuse" in live("Her dad is on the cans from Friday night till Sunday.")
    assert "parental_substance_misuse" in live("There are cans everywhere in the front room.")
    assert "parental_substance_misuse" in live("My brother's drinking has got a lot worse since the divorce.")
    assert "parental_substance_misuse" not in live("We recycle our cans and bottles every week.")


def test_the_two_signs_that_the_drinking_has_reached_the_child() -> None:
    assert NO_FRIENDS_HOME.search("He says he can't have his mates round any more")
    assert WORRIES_FOR_PARENT.search("She asked me 'is mum going to die?'")
    assert not NO_FRIENDS_HOME.search("He has his mates round most Fridays")


def test_escalating_binges_with_the_child_keeping_friends_away_are_level_3() -> None:
    said = ("I'm worried about my daughter. Her drinking has got out of hand, she's on the vodka all weekend. "
            "Her lad is 10. He told me he doesn't bring his friends home any more because of the state of her.")
    assert advice(said, "Swaffham", "10", role="public").level == 3


def test_weekend_drinking_that_has_not_escalated_or_reached_the_child_stays_below_level_3() -> None:
    # Escalation alone is the first clause of 002's Tier 3 line ("Drug/alcohol use has escalated"), so the twin is
    # drinking with neither escalation nor a sign that it reaches the child.
    said = ("I'm worried about my daughter. She has a few glasses of wine at the weekend. Her lad is 10, he has his "
            "friends round and he's doing fine.")
    assert advice(said, "Swaffham", "10", role="public").level <= 2
