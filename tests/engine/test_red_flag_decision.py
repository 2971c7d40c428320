"""One red-flag decision from a Reading, for the opening message and every later one (issue 13.2)."""

from __future__ import annotations

from bot.engine.red_flags import should_escalate
from bot.features.red_flag_check import check_urgent, find_red_flags
from bot.language.reading import read_message

CORBY = ("one of my year 5s came in with a black eye and said his mum's boyfriend did it. what do i do? "
         "we're in corby")


def test_the_opening_message_escalates_with_the_door_its_own_place_names():
    flags = find_red_flags(read_message(CORBY), {})
    assert should_escalate(flags) and flags.s47 and not flags.danger and flags.area_known
    assert "section 47" in flags.message and "0300 126 7000" in flags.message and "today" in flags.message


def test_with_no_area_the_red_flag_still_escalates_and_asks_where():
    flags = find_red_flags(read_message("she told me her stepdad touches her at night"), {})
    assert should_escalate(flags) and flags.s47 and not flags.area_known and flags.advice is None
    assert "section 47" in flags.message and "where the child lives" in flags.message


def test_danger_says_999_first():
    flags = find_red_flags(read_message("her dad has a knife and is threatening to kill her right now"),
                           {"triage_area": "Norwich"})
    assert should_escalate(flags) and flags.danger
    assert flags.message.startswith("If the child is in immediate danger, call 999 now.")


def test_outside_our_areas_the_escalation_gives_the_national_route():
    text = "I'm in Leeds and a 9 year old told me her stepdad touches her at night"
    flags = find_red_flags(read_message(text), {})
    assert should_escalate(flags) and "Leeds City Council" in flags.message and "0808 800 5000" in flags.message


def test_plain_answers_never_escalate_and_skip_the_assessment():
    for text in ("no", "Norwich", "9", "I'm a teacher"):
        assert not should_escalate(find_red_flags(read_message(text), {"triage_area": "Norwich"}))
    assert check_urgent({"triage_area": "Norwich"}, "no") is None


def test_the_conversation_hears_a_figure_of_speech_as_the_engine_does():
    """Danger is the engine's decision (its figures-of-speech rules included), not the raw words of one message."""
    idiom = "she knocked the paint pot over her new dress and said 'oh no, my daddy is going to kill me'"
    assert not find_red_flags(read_message(idiom), {"triage_area": "Norwich"}).danger
    game = "he laughed and said his dad killed him on FIFA last night"
    assert not find_red_flags(read_message(game), {"triage_area": "Norwich"}).danger


def test_danger_outside_our_areas_still_escalates_on_the_words():
    flags = find_red_flags(read_message("I'm in Leeds and her dad has a knife and is threatening to kill her right "
                                        "now"), {})
    assert should_escalate(flags) and flags.danger
