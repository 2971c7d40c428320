"""Online grooming said in plain words, and what is not (bot/engine/rules/online_grooming.py).

000 Appendix 1 level 4 and 002 Tier 4: a child at risk of sexual exploitation; 001 Level 4 "Child Sexual
Exploitation"; Northamptonshire level 3 "Child becoming more secretive/anxious about phone/internet use". Texts are
fictional and written for these tests.
"""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.rules.denied_questions import mask_denied_questions
from bot.engine.rules.online_grooming import online_grooming


@pytest.mark.parametrize("text", [
    "A man she met on Roblox keeps asking her for pictures and says he is 19.",
    "Someone on Snapchat wants her to send photos and meet up at the park on Saturday.",
])
def test_an_ask_for_pictures_or_to_meet_online_is_grooming(text):
    assert online_grooming(text, 13, set())


@pytest.mark.parametrize("text", [
    "He screamed when I took the xbox off him and slammed his door so hard the picture fell off the wall. "
    "It's like living with a stranger.",
    "She has a new friend on Roblox. She says nobody has asked her for pictures or to meet up.",
    "Did a condoms chat. I asked her if anyone older had asked for photos or given her stuff. No to all of it.",
])
def test_a_picture_on_the_wall_a_metaphor_or_a_denied_ask_is_not_grooming(text):
    """The rule reads the account with questions answered "no" set aside, as ``assess`` gives it."""
    assert online_grooming(mask_denied_questions(text), 14, set()) == []


def test_a_real_online_grooming_account_is_still_level_4():
    advice = assess(Case(area="Corby", age="13", role="professional", scale=4,
                         worried="Her friend told us a man on Instagram has been asking Amy for pictures and wants "
                                 "to meet her after school. He said he's 17 but his profile looks much older."))
    assert advice.level == 4 and advice.s47


def test_a_question_answered_no_after_a_dash_is_set_aside():
    """bot/engine/rules/denied_questions.py: "I went through everything - asked her straight if ..." then "No to all
    of it"."""
    advice = assess(Case(area="Kettering", age="15", role="professional", scale=7, worried=(
        "School nurse. She came for contraception, her boyfriend is 15 too. I went through everything - asked her "
        "straight if anyone older was involved, if anyone asked for photos or gave her stuff. No to all of it.")))
    assert not advice.s47 and advice.level <= 2


def test_grooming_read_about_in_general_is_not_about_this_child():
    """bot/engine/rules/figures_of_speech.py: "you hear about grooming gangs" is a worry from the news, not a
    disclosure."""
    advice = assess(Case(area="Bromham", age="12", role="public", scale=5, worried=(
        "She wants to go to her first sleepover and I don't know the parents. You hear about grooming gangs and all "
        "sorts. Nothing has happened, it's four girls watching films.")))
    assert not advice.s47 and advice.level <= 2
