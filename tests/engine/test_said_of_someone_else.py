"""Words about someone other than the child, or about what has not happened (issue 11 over-triage, tuning sets L, M).

Each test cites the seed line the lower level rests on and has a twin that must keep the red flag. Texts are fictional.
"""

from __future__ import annotations

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.injury_words import doubt_said


def _advice(worried: str, area: str, age: str, role: str = "professional", scale: int = 7, needs: str = ""):
    return assess(Case(area=area, age=age, role=role, worried=worried, needs=needs, scale=scale))


# 003 line 211 "Teenage parent" (Targeted and Specialist, a parenting factor): a 17-year-old mother's "young parents
# group" is about the mother, not sexual activity of her 3-month-old under 13.
def test_a_young_parents_group_for_a_babys_mother_is_not_sexual_activity_under_13():
    advice = _advice("Mum is 17, baby 3 months, living with her own mum. Baby thriving, feeds well.", "Hyson Green",
                     "3 months", needs="Young parents group and college childcare information.")
    assert not advice.s47 and advice.level <= 3
    assert "sexual_activity_under13" not in {i.concept for i in advice.indicators}


def test_a_mother_said_to_be_twelve_keeps_the_under_13_red_flag():
    advice = _advice("Mum is only 12, baby 3 months, living with her own mum. She is a young mum.", "Hyson Green",
                     "3 months", needs="Young parents group.")
    assert advice.s47 and advice.level == 4


# 002 line 849, Tier 2 "Has suffered a bereavement ... receives support from family and friends": a grandmother's son
# who died is the child's father.
def test_a_grandmother_speaking_of_her_son_the_childs_dad_who_died_is_a_bereavement():
    advice = _advice("I'm his nan. His dad, my son, died in the spring, heart attack. He's been quiet and sometimes "
                     "cries in his room, but he still sees his mates and eats well.", "Thetford", "13", role="public")
    assert not advice.s47 and advice.level <= 3
    assert "bereavement" in {i.concept for i in advice.indicators}


def test_a_child_who_died_in_the_family_keeps_the_red_flag():
    advice = _advice("His brother, my son, died suddenly at home last week, he was 2. Nobody knows why.", "Thetford",
                     "6", role="public")
    assert advice.level == 4


# 001 Level 1 "supported by parents/carers to ensure their digital activity is safe": a grandmother's warning that
# gaming will get him groomed is a prediction, with nothing seen or said.
def test_a_relatives_warning_that_he_will_get_groomed_is_not_exploitation():
    advice = _advice("My son plays Fortnite with his school mates most evenings. My mum keeps telling me it'll rot his "
                     "brain and he'll get groomed. Am I a bad parent?", "King's Lynn", "12", role="public", scale=9)
    assert not advice.s47 and advice.level <= 2


def test_a_relative_saying_he_is_being_groomed_keeps_the_worry():
    advice = _advice("My mum keeps telling me he's being groomed by the man upstairs who gives him money and vapes.",
                     "King's Lynn", "12", role="public", scale=3)
    assert advice.s47 and advice.level == 4


# 002 Tier 1 "bruising consistent with normal play": a parent who saw the fall, afraid of being blamed, voices her own
# fear; the child's fear would be a sign.
def test_the_speakers_own_fear_is_no_doubt_about_the_explanation():
    assert not doubt_said("I was right there. I'm scared nursery will think I hit her.")
    assert not doubt_said("We're really frightened they'll blame us.")
    assert doubt_said("She was scared and said she fell.")
    assert doubt_said("He looked scared when I asked about the bruise.")


def test_a_witnessed_scooter_fall_told_by_a_worried_mum_is_not_section_47():
    advice = _advice("My 3yo came off her scooter at the park and hit her forehead, now she's got a big bruise. I "
                     "was right there. I'm scared nursery will think I hit her.", "Bedford", "3", role="public",
                     scale=8)
    assert not advice.s47 and advice.level <= 3


# 003 line 211: "Family break down" (Specialist) is a parent leaving home; "Child abandoned or left alone for long
# periods or overnight" is a child left without care.
def test_a_dad_who_left_home_is_a_separation_not_a_child_abandoned():
    advice = _advice("Mum told me she's been really low since their dad left and some days cant get out of bed, she's "
                     "on a waiting list for talking therapy. The children come in hungry.", "Wellingborough", "7",
                     scale=4)
    assert not advice.s47 and "abandonment" not in {i.concept for i in advice.indicators}


def test_a_mum_who_left_and_has_not_come_back_is_still_abandonment():
    advice = _advice("Mum left and hasn't been back for three days, he is staying with a neighbour.",
                     "Wellingborough", "7", scale=3)
    assert advice.s47 and advice.level == 4


# 000 Level 2 "Some difficulties with family or peer group relationships": a boy who loses on the Xbox to his big
# brother and screams "I'm going to KILL you" (set N); a dad who says it to him is not a game.
def test_a_threat_screamed_at_a_brother_over_a_game_is_not_999():
    advice = _advice("He was on the Xbox with his big brother and when he lost he screamed 'I'm going to KILL you' and "
                     "threw the controller on the settee.", "Raunds", "8", role="public", scale=9)
    assert advice.route != "999" and not advice.immediate_danger and advice.level <= 2


def test_a_dad_screaming_he_will_kill_him_over_a_game_is_still_danger():
    advice = _advice("He was on the Xbox with his big brother and his dad screamed 'I'm going to KILL you' and threw "
                     "the controller at him.", "Raunds", "8", role="public", scale=2)
    assert advice.level == 4


def test_blood_that_frightened_the_grandmother_is_no_doubt():
    assert not doubt_said("Lots of blood, which frightened me more than her.")
    assert doubt_said("She was frightened of going home.")


# 004 Level 1-2 chastisement "within legal limits": a grandparent's wife who "says that's abuse these days" gives an
# opinion of the act, she is not a child telling of abuse (set P). The act keeps its own hit.
def test_someones_opinion_that_an_act_is_abuse_is_not_a_disclosure():
    advice = _advice("My son in law tapped my granddaughter on the back of the hand when she reached for a pan on the "
                     "hob. My wife says that's abuse these days and we should report it.", "Kempston", "3",
                     role="public", scale=9)
    assert not advice.s47 and "disclosure_abuse" not in {i.concept for i in advice.indicators}


def test_a_child_saying_it_was_abuse_keeps_the_disclosure():
    advice = _advice("She told me her stepdad hits her with a belt and she said it's abuse.", "Kempston", "9")
    assert advice.s47 and advice.level == 4


# 003 Targeted "Rejection or taunting by peers": name-calling on a children's group chat is bullying.
def test_name_calling_on_a_group_chat_is_bullying_not_emotional_abuse():
    advice = _advice("My son is 12 and he's been getting messages on a group chat calling him gay and fat.", "Norwich",
                     "12", role="public", scale=6)
    assert "bullying" in {i.concept for i in advice.indicators}
    assert "emotional_abuse" not in {i.concept for i in advice.indicators}


def test_a_parent_calling_names_in_a_group_chat_keeps_emotional_abuse():
    advice = _advice("His dad keeps calling him fat and useless, even in the family group chat.", "Norwich", "12")
    assert "emotional_abuse" in {i.concept for i in advice.indicators}
