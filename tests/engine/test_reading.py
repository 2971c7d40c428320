"""One message, read once: place (covered or elsewhere in the UK), age, role, danger and worries (issue 13.1)."""

from __future__ import annotations

import pytest

from bot.features.listening import SAFE_DEFAULTS, after_failure, fill_from_reading
from bot.guidance.gazetteer import GAZETTEER_FILE, get_finder, load_gazetteer
from bot.language.reading import read_message
from bot.language.roles import PROFESSIONAL, PUBLIC, read_role

CORBY = ("one of my year 5s came in with a black eye and said his mum's boyfriend did it. what do i do? "
         "we're in corby")


def test_the_corby_opening_gives_place_age_role_and_a_worry():
    reading = read_message(CORBY)
    assert reading.place is not None and reading.place.area == "northamptonshire"
    assert reading.age is not None and reading.age.years == 9
    assert reading.role is not None and reading.role.category == PROFESSIONAL
    assert reading.hits and reading.about_a_child
    assert reading.taken() == ("I've taken: Corby, so Northamptonshire; a 9-year-old; you're a teacher (so a "
                               "professional). If any of that is wrong, just tell me.")


@pytest.mark.parametrize("text, years", [
    ("my neighbour's 3 month old has a bruise", 0.25), ("a 14-year-old girl", 14), ("she's aged 7", 7),
    ("mum is 30 weeks pregnant with her first", -0.192), ("an unborn baby", -0.25), ("a reception child", 4),
])
def test_ages_written_as_ages_in_a_longer_message(text, years):
    age = read_message(text).age
    assert age is not None and age.years == pytest.approx(years, abs=0.01)


@pytest.mark.parametrize("text", ["he has 2 bruises", "at 3 o'clock she was collected", "I'm worried about a child"])
def test_a_bare_number_in_a_longer_message_is_not_an_age(text):
    assert read_message(text).age is None


def test_an_answer_to_the_age_question_is_read_loosely():
    assert read_message("9", "child_age").age.years == 9
    assert read_message("9").age is None


@pytest.mark.parametrize("text, category", [
    ("Hi, I'm a dinner lady and I'm worried about a child", PROFESSIONAL), ("I'm a college tutor", PROFESSIONAL),
    ("I'm a PCSO", PROFESSIONAL), ("I'm a midwife", PROFESSIONAL), ("i'm a childminder", PROFESSIONAL),
    ("I'm his teacher", PROFESSIONAL), ("I'm a football coach", PROFESSIONAL), ("I'm a foster carer", PROFESSIONAL),
    ("I'm her nan", PUBLIC), ("my neighbour's kids are left alone all night", PUBLIC),
])
def test_job_titles_and_relationships_in_any_message(text, category):
    role = read_role(text)
    assert role is not None and role.category == category


@pytest.mark.parametrize("text", ["his mum's boyfriend did it", "as his mum said", "I'm worried about a child",
                                  "I'm at school"])
def test_a_third_person_or_a_place_is_not_the_speaker_s_role(text):
    assert read_role(text) is None


@pytest.mark.parametrize("answer, category", [("TA", PROFESSIONAL), ("paramedic", PROFESSIONAL),
                                              ("college tutor", PROFESSIONAL), ("neighbour", PUBLIC),
                                              ("nan", PUBLIC), ("member of the public", PUBLIC)])
def test_an_answer_to_the_role_question_takes_any_job(answer, category):
    assert read_role(answer, answering=True).category == category


def test_the_gazetteer_is_valid_and_never_names_a_covered_place():
    gazetteer = load_gazetteer(GAZETTEER_FILE)
    assert len(gazetteer.authorities) > 50
    from bot.engine.assess import get_engine

    resolver = get_engine().resolver
    assert [name for name in get_finder().names() if resolver.resolve(name)] == []


@pytest.mark.parametrize("text, council", [("Leeds", "Leeds City Council"), ("cornwall", "Cornwall Council"),
                                           ("we live in Bath", "Bath and North East Somerset Council")])
def test_uk_places_we_do_not_cover_get_the_national_route(text, council):
    place = read_message(text, "triage_area").place
    assert place is not None and place.area is None and place.outside.council == council
    message = place.outside.message()
    assert "I don't hold guidance for" in message and "999" in message and "0808 800 5000" in message


def test_an_everyday_word_is_not_a_place_unless_capitalised_or_the_answer():
    assert read_message("she had a bath and went to bed").place is None
    assert read_message("bath", "triage_area").place is not None


def test_fill_takes_every_empty_slot_but_the_one_asked_and_says_what_it_took():
    fill = fill_from_reading(read_message(CORBY), {}, "triage_danger_now")
    assert fill.slots["triage_area"] == "Corby" and fill.slots["child_age"] == "9"
    assert fill.slots["triage_role"] == PROFESSIONAL and CORBY.strip() in fill.slots["sos_worried"]
    assert fill.said and fill.said[0].startswith("I've taken: Corby, so Northamptonshire")
    kept = fill_from_reading(read_message(CORBY), {"triage_area": "Norwich", "child_age": "10"}, None)
    assert "triage_area" not in kept.slots and "child_age" not in kept.slots


def test_a_place_outside_our_areas_is_answered_at_once():
    fill = fill_from_reading(read_message("I'm worried about a child in Leeds"), {}, None)
    assert fill.slots["triage_area"] == "out_of_area"
    assert any("I don't hold guidance for Leeds" in line for line in fill.said)


def test_no_question_more_than_twice_then_the_safe_default():
    counts, default = after_failure("triage_area", None)
    assert default is None and counts == {"triage_area": 1}
    counts, default = after_failure("triage_area", counts)
    assert default == SAFE_DEFAULTS["triage_area"] and "0808 800 5000" in default[1]
    assert set(SAFE_DEFAULTS) >= {"triage_danger_now", "triage_area", "triage_role", "child_age", "sos_scale",
                                  "consent_parents_know", "consent_status", "consent_risky"}


def test_a_place_visited_is_not_where_the_child_lives():
    assert read_message("she went to London with older men").place is None
    assert read_message("we're in Leeds").place.outside.council == "Leeds City Council"


def test_a_correction_replaces_a_wrong_guess_and_says_so():
    taken = {"triage_area": "Corby", "child_age": "9", "triage_role": PROFESSIONAL}
    fill = fill_from_reading(read_message("no, she's 10 and it's Kettering"), taken, "sos_more")
    assert fill.slots["child_age"] == "she's 10" and fill.slots["triage_area"] == "Kettering"
    assert fill.said[0].startswith("I've taken: Kettering, so Northamptonshire; a 10-year-old")
    plain = fill_from_reading(read_message("she's 10 and lives near Kettering"), taken, "sos_more")
    assert "child_age" not in plain.slots and "triage_area" not in plain.slots  # not a correction: kept


@pytest.mark.parametrize("text", ["she's 10 minutes late every day", "he's 2 stone underweight", "she is 5 of 6"])
def test_she_is_a_number_is_an_age_only_when_nothing_else_follows(text):
    assert read_message(text).age is None


def test_the_reading_never_sets_danger_silently_only_its_absence():
    assert "triage_danger_now" not in fill_from_reading(read_message("what if he is in danger now"), {}, None).slots
    safe = fill_from_reading(read_message("she's safe now, not in danger"), {}, None)
    assert safe.slots["triage_danger_now"] is False


def test_a_quick_question_about_a_place_we_do_not_cover_gets_the_national_route():
    from bot.features.quick_query import answer_question

    answer = answer_question("What's the MASH number for Leeds?")
    assert "I don't hold guidance for Leeds" in answer.text and "0808 800 5000" in answer.text
