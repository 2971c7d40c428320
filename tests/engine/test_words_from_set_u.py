"""General rules found by reserved set U's one reading (2026-12-08, at 5bb524b), each with a twin.

Texts are fictional and written here, not copied from the set. Seed lines are cited per test.
"""

from __future__ import annotations

from tests.engine.words import advice, live


# 000 line 578 (county lines) and line 1410 (Level 4* "significant risk of ... criminal exploitation").
def test_going_ot_in_quotes_is_county_lines() -> None:
    assert "criminal_exploitation" in live('He keeps going "OT" with his mates for days at a time.')
    assert "criminal_exploitation" not in live("She is going to OT on Tuesday for her hand.")


def test_a_teenager_going_ot_for_days_with_cash_is_section_47() -> None:
    said = ('My brother (15) keeps going "OT", he is gone 3 days at a time and comes back with £300 and new '
            "trainers. Mum has reported him missing four times.")
    result = advice(said, "Corby", "15", role="public")
    assert result.level == 4 and result.s47


# 003 lines 200 and 258 (sexual abuse; a secret kept from the parent).
def test_special_tickling_under_the_covers_is_sexual_abuse() -> None:
    said = ("She wrote that she doesn't like the special tickling her stepdad does when mum is at work, under the "
            "covers, and it is their secret.")
    result = advice(said, "Clifton", "9")
    assert result.level == 4 and result.s47
    assert "sexual_abuse" not in live("We played a tickling game in PE and everyone laughed.")
