"""A game's score and a worry read in the news are not harm to this child (bot/engine/rules/figures_of_speech.py).

004 Level 1 "No concerns about the child's safety" and 002 Tier 1 "Child is safe": the level rests on what is
happening to the child. Each rule is narrow, and the tests below also show what it must never rule out. Texts are
fictional and written for these tests.
"""

from __future__ import annotations

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case


def _advice(worried: str, area: str = "Clifton", age: str = "9", role: str = "professional"):
    return assess(Case(area=area, age=age, role=role, worried=worried, scale=8))


@pytest.mark.parametrize("text", [
    "Jayden told his friends his brother destroyed him yesterday - he meant they played chess and his brother "
    "battered him 3-1.",
    "She laughed and said her dad murdered her on Mario Kart again last night.",
])
def test_a_game_result_is_not_abuse(text):
    advice = _advice(text)
    assert advice.level <= 2 and not advice.s47


@pytest.mark.parametrize("text", [
    "Dad battered him after he lost 3-1 at FIFA, he has a bruise on his cheek.",
    "He said his stepdad beat him with a belt because he was on the Xbox too late.",
])
def test_violence_about_a_game_is_still_abuse(text):
    advice = _advice(text)
    assert advice.level == 4 and advice.s47


def test_a_worry_from_the_news_is_not_a_person_posing_risk():
    text = ("I saw a documentary about paedophiles grooming kids on games and now I'm scared for my son, he plays "
            "with his school friends and I check his chats.")
    advice = _advice(text, area="Kempston", age="10", role="public")
    assert advice.level <= 2 and not advice.s47


def test_the_news_does_not_hide_a_man_in_the_story_who_minds_the_child():
    text = ("I saw on the news about a man arrested for abusing children and he babysits my daughter every Friday.")
    assert not any(r.concept == "person_posing_risk" for r in
                   _advice(text, area="Kempston", age="7", role="public").ruled_out)


def test_the_news_does_not_hide_someone_in_the_childs_life():
    text = ("I read an article about grooming and realised her uncle has been messaging her asking for photos and "
            "to meet up without telling her mum.")
    advice = _advice(text, area="Kempston", age="12", role="public")
    assert advice.level == 4


# Set N: "oh no, my daddy is going to KILL me" over paint on a new dress; "I'm going to kill Josh, he ate my pizza".
# 002 Tier 1 "Child is safe" and 004 Level 1 "No concerns about the child's safety": the idiom for being in trouble
# over a small mishap to a thing, said in the child's words, is not a threat to life.
@pytest.mark.parametrize("text", [
    "At Sunday club Esme knocked the paint pot over her new dress and said 'oh no, my daddy is going to KILL me' "
    "and giggled. Dad laughed about it at pick up.",
    "My son wrote on the family group chat 'I'm actually going to kill Josh, he ate my pizza'. They were on the Xbox "
    "together an hour later.",
    "He spilt juice all over his brother's homework and said 'mum is going to kill me'.",
])
def test_the_idiom_for_being_in_trouble_over_a_mishap_is_not_danger(text):
    advice = _advice(text, area="Norwich", age="8")
    assert not advice.immediate_danger and advice.route != "999" and advice.level <= 2


# The twins: a threat said by an adult, a threat to keep a secret, and a mishap beside an injury keep the danger.
@pytest.mark.parametrize("text", [
    "Dad told her he is going to kill her because she broke his phone.",
    "He said 'if you tell anyone about the broken window I'll kill you'.",
    "She broke her mum's phone and said her dad is going to kill her when he gets home; she has bruises on her arm "
    "from last time.",
    "She said her stepdad is going to kill her.",
    "Dad lost his temper over the broken TV and after a lot of shouting said he's going to kill her.",
    "He ate nothing all weekend and told me his mum is going to kill him when she gets back.",
])
def test_a_threat_to_kill_with_no_mishap_idiom_keeps_the_red_flag(text):
    advice = _advice(text, area="Norwich", age="8")
    assert advice.level == 4 and advice.s47


# 002 Tier 1 "Child is safe": what would have happened in the speaker's own childhood (set O's neighbour).
def test_what_would_have_happened_in_my_day_is_not_this_childs_harm():
    advice = _advice("Saw the girl from number 12 snogging a lad at the bus stop. In my day we'd have got a clip round "
                     "the ear.", area="Norwich", age="15", role="public")
    assert not advice.s47 and advice.level <= 2


def test_a_smack_said_of_this_child_after_in_my_day_keeps_the_worry():
    advice = _advice("In my day we just got on with it. Her dad gives her a clip round the ear most nights and she had "
                     "a red mark on her face.", area="Norwich", age="9", role="public")
    assert advice.level >= 3
