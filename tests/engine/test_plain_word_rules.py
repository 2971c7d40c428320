"""Red flags in plain words, reassurance heard, questions answered "no", and who must not be told first.

Rules in bot/engine/rules/plain_word_rules.py, bot/engine/rules/denied_questions.py, bot/engine/rules/hit_rules.py
(reassurance, chastisement), bot/engine/level_floors.py (Bedford significant impact) and bot/engine/consent_risk.py.
Each test quotes the seed line the rule
rests on. Texts are fictional and written for these tests, in words of their own (not the vignettes').
"""

from __future__ import annotations

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.rules.denied_questions import mask_denied_questions
from bot.engine.rules.plain_word_rules import images_of_children, private_fostering, sexual_touching, weapon_on_a_parent


def _advice(worried: str, area: str = "Norwich", age: str = "8", **kw):
    fields = {"area": area, "age": age, "role": "professional", "worried": worried, "scale": 5,
              "danger_now": False, **kw}
    return assess(Case(**fields))


# --- sexual abuse with no sexual word: 002 line 2107, 004 line 308 "Direct allegation of sexual abuse made by child"
def test_hands_inside_a_childs_clothes_is_sexual_abuse():
    text = "She said her mum's friend slides his hand inside her pyjama bottoms when he reads her a story."
    assert sexual_touching(text) is not None
    advice = _advice(text)
    assert advice.level == 4 and advice.s47


def test_a_secret_bath_game_she_must_not_tell_is_sexual_abuse():
    text = "He calls it their special game at bath time and says she mustn't tell anyone or she'll be in trouble."
    assert sexual_touching(text) is not None
    assert _advice(text, area="Bedford").s47


def test_an_ordinary_tickle_is_not_sexual_abuse():
    assert sexual_touching("Grandad tickles him on the sofa and they both laugh, it's their silly game.") is None
    assert sexual_touching("He never puts his hands in her pockets.") is None


# --- a weapon or strangling on a parent: 000 line 688 "a single event, such as a violent assault"
def test_a_knife_held_to_mums_throat_is_serious_domestic_abuse_at_level_4():
    text = "Last night her boyfriend put a bread knife to her neck in the kitchen while the boys watched."
    assert weapon_on_a_parent(text) is not None
    advice = _advice(text, area="Kettering", age="5")
    assert advice.level == 4 and advice.s47
    assert advice.consent.tell_parents is False  # the abuser must not learn of it (002, 000 8.1)


def test_a_knife_in_the_kitchen_drawer_is_not_domestic_abuse():
    assert weapon_on_a_parent("Dad keeps a knife in the drawer for the bread and he cooks with her.") is None


# --- images: 002 line 2111, 004 line 310 "An individual (adult or child) posing a risk to children"
def test_unclothed_pictures_of_children_on_a_partners_tablet_pose_a_risk():
    text = "I saw photos of young girls on his tablet, they had no clothes on. He lives with us."
    assert images_of_children(text) is not None
    assert _advice(text, area="Bedford", role="public").level == 4


def test_school_photos_of_children_are_not_images_of_abuse():
    assert images_of_children("Mum showed me photos of the children at the beach, all in wetsuits.") is None


# --- private fostering: 000 Appendix 1 level 4 "Privately fostered"; 002 line 564 "always require statutory
# intervention, for example, children who are privately fostered"
def test_living_with_a_family_friend_is_private_fostering_at_level_4_in_norfolk():
    text = "He has been living with a family friend since September because his dad works away; no relation."
    assert private_fostering(text, 13) is not None
    advice = _advice(text, age="13")
    assert advice.level == 4 and not advice.s47 and advice.consent.needed


def test_a_night_at_a_mates_house_is_not_private_fostering():
    assert private_fostering("He'd been at his mate's house playing games until midnight.", 14) is None
    assert private_fostering("She is 17 and living with her boyfriend's family.", 17) is None


# --- reassurance: 002 Tier 1 "bruising consistent with normal play"; a witnessed fall of a mobile child
def test_a_fall_the_caller_saw_is_heard_for_a_mobile_child():
    text = ("I was right with him when it happened, he came off the trampoline and caught his face on the frame. "
            "Big bruise on his cheekbone now, we went to the walk-in centre.")
    assert _advice(text, area="Nottingham", age="6").level < 4


def test_a_witnessed_fall_is_never_heard_for_a_baby_who_is_not_mobile():
    text = "I saw him roll off the changing mat, he has a bruise on his forehead."
    assert _advice(text, area="Nottingham", age="3 months").level == 4


def test_a_diagnosed_skin_condition_explains_the_marks():
    text = "Red raw patches on both arms, some bleeding. Mum showed me the GP letter, it is eczema and cream helps."
    assert _advice(text, area="Corby", age="4").level < 4


def test_a_doubtful_account_is_still_a_red_flag_beside_a_witness():
    text = "Staff saw him trip at lunch, but the bruises on his back were there before and he said dad hit him."
    assert _advice(text, area="Corby", age="7").level == 4


# --- a plain smack is the chastisement line, not a second worry (002 Tier 2, 004 Level 2)
def test_a_smack_beside_the_childs_own_hitting_is_not_physical_abuse():
    text = "Mummy smacked his leg because he hit his sister, no marks, he wasn't bothered telling me."
    advice = _advice(text, area="Bedford")
    assert advice.level <= 3 and not advice.s47


# --- questions answered "no" are what was ruled out
def test_a_question_answered_no_is_set_aside_but_what_follows_is_kept():
    text = "I asked him straight about older lads and drugs and he said no. Later he said his uncle touched him."
    masked = mask_denied_questions(text)
    assert "older lads" not in masked and "uncle touched him" in masked
    assert len(masked) == len(text)


def test_no_to_are_you_safe_is_a_disclosure_not_a_denial():
    text = "I asked if she feels safe at home and she said no."
    assert mask_denied_questions(text) == text


def test_a_mark_asked_about_stays_a_mark():
    text = "I asked about the bruise on his arm and he said no, nothing happened."
    assert "bruise" in mask_denied_questions(text)


def test_grooming_asked_about_and_denied_is_not_a_red_flag():
    text = ("She has an older-looking boyfriend on Snapchat, same school year. I asked directly whether anyone had "
            "asked her for pictures or to meet up, or given her presents - she said no to all of it.")
    assert not _advice(text, area="Nottingham", age="15").s47


# --- Bedford 004 line 241 level 4: "needs ... have a significant impact on the day to day lives of the
# child/children and their siblings and/or parents"
def test_bedford_complex_care_with_a_sibling_missing_school_is_level_4_child_in_need():
    text = ("Her 5 year old is tube fed through a gastrostomy and needs suction at night. The 10 year old brother "
            "keeps missing school because nights are so broken. Parents would like short breaks.")
    advice = _advice(text, area="Bedford", age="5")
    assert advice.level == 4 and not advice.s47 and advice.consent.needed


# --- who is told first: 002 Information Sharing and 000 8.1
def test_a_child_who_names_dad_and_begs_not_to_tell_him_keeps_the_parents_out():
    text = "Two long marks on his legs. He said daddy used the belt. Please don't tell him I said."
    assert _advice(text, area="Norwich", age="7").consent.tell_parents is False


def test_online_grooming_by_a_stranger_lets_the_parents_be_told():
    text = ("A man she met on a game, who says he is 25, keeps asking her for pictures and wants to meet her at "
            "the station on Saturday.")
    advice = _advice(text, area="Norwich", age="13")
    assert advice.s47 and advice.consent.tell_parents is True


# --- an implement: 002 Tier 4 "Parent physically chastises child, leaving visible bruising"
def test_daddy_used_the_belt_is_physical_abuse_at_level_4():
    advice = _advice("He came in sore. He said daddy used the belt because he was cheeky.", age="7")
    assert advice.level == 4 and advice.s47


def test_a_wooden_spoon_for_cooking_is_not_an_implement_used_on_a_child():
    from bot.engine.rules.plain_word_rules import implement_used
    assert implement_used("Mum used the wooden spoon to stir the soup while he did homework.") is None


# --- more plain words for the same red flags (tuning set E, 2026-12-06)
def test_did_it_with_his_belt_is_physical_abuse():
    """002 Tier 4 'Parent deliberately physically harms child'."""
    from bot.engine.rules.plain_word_rules import implement_used
    assert implement_used("She said her stepdad did it with his belt after tea.") is not None


def test_an_offender_who_went_down_for_offences_against_children_poses_a_risk():
    """000 Appendix 2: 'An individual with serious child related offences visiting/moving into a household'."""
    text = "Her new boyfriend moved in last week; he went down years ago for things with children."
    assert _advice(text, area="Corby", age="6", role="public").s47


def test_visibly_thin_children_asking_neighbours_for_food_is_serious_neglect():
    """004 s47 list: 'Allegations / reasonable suspicions of serious neglect'."""
    from bot.engine.rules.plain_word_rules import visible_hunger
    text = "The two little ones are so thin you can see their ribs, and they keep knocking on doors asking for food."
    assert visible_hunger(text) is not None
    assert visible_hunger("He is thin, like his dad, and eats well.") is None


def test_a_friends_son_living_next_door_is_private_fostering():
    text = "A boy of 12 has been living next door with that couple since spring; they say he is a friend's son."
    assert private_fostering(text, 12) is not None


def test_a_friends_daughter_staying_there_for_months_is_private_fostering():
    """000 Appendix 1 level 4 'Privately fostered'; 004 line 253 (private fostering, by level)."""
    text = "There's a girl of 11 staying there since the summer, the man says she's his friend's daughter."
    assert private_fostering(text, 11) is not None


def test_living_with_an_adult_cousin_is_private_fostering():
    """A cousin is not a close relative in the private fostering rules (003 immediate referral list, 'Privately
    fostered'); six weeks is past the 28 days."""
    text = "He has been living with his 22 year old cousin for two months since his dad went to work abroad."
    assert private_fostering(text, 14) is not None


def test_a_childs_own_question_answered_no_is_never_blanked():
    """Only the professional's questions are set aside: a child who asked to stay away 'because dad hits her' has
    disclosed, whatever the answer was (002 line 2107: a direct allegation made by a child)."""
    text = "She asked mum if she could stay at her friend's because dad hits her, and mum said no."
    assert mask_denied_questions(text) == text
    assert _advice(text, area="Norwich", age="9").indicators  # the hitting is read, not blanked
