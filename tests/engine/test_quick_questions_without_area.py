"""Issue 13.8: quick questions that need no area are answered at once, from the seeds, with their source."""

from __future__ import annotations

import pytest

from bot.features.quick_query import ASK_AREA, answer_question, converse, form_answer
from bot.features.quick_query_general import FGM_DUTY
from bot.features.quick_query_topics import detect_topic
from bot.guidance.areas import OUT_OF_AREA


def _no_area_asked(answer) -> None:
    assert not answer.needs_area and ASK_AREA not in answer.text
    assert answer.sources, "every answer cites the guidance"


def test_nspcc_line_without_an_area():
    answer = answer_question("What's the NSPCC helpline number?")
    _no_area_asked(answer)
    assert "0808 800 5000" in answer.text and "Norfolk Threshold Guide" in answer.text


@pytest.mark.parametrize("question,words", [("What is the MASH?", ["Multi-Agency Safeguarding Hub",
                                                                      "Northamptonshire", "Bedford Borough"]),
                                            ("What is an EHA?", ["Early Help Assessment", "Nottingham City"])])
def test_what_a_mash_or_an_eha_is_without_an_area(question, words):
    answer = answer_question(question)
    _no_area_asked(answer)
    for word in words:
        assert word in answer.text


def test_cads_and_partnership_support_name_their_own_area():
    assert answer_question("What is CADS?").area == "norfolk"
    assert answer_question("What is Partnership Support?").area == "northamptonshire"


def test_signs_of_safety_questions_from_the_seeds():
    answer = answer_question("What are the Signs of Safety questions?")
    _no_area_asked(answer)
    assert answer.topic == "signs_of_safety" and "doesn't say" not in answer.text
    for words in ("What are we worried about?", "What's working well?", "What needs to happen", "0-10"):
        assert words in answer.text
    # with the area known, that area's own wording
    assert "What have you seen or heard that worries you?" in answer_question(
        "What are the Signs of Safety questions?", "Norwich").text


def test_consent_where_there_is_risk_of_significant_harm():
    answer = answer_question("Do I need consent to share information if there is a risk of significant harm?")
    _no_area_asked(answer)
    assert answer.text.startswith("No.") and "shared without consent" in answer.text


def test_fgm_consent_question_is_answered_and_still_escalates():
    answer = answer_question("Do I need consent to share information about suspected FGM?")
    _no_area_asked(answer)
    assert answer.escalate and "section 47" in answer.text
    assert "you do not need consent" in answer.text and "female genital mutilation" in answer.text
    assert FGM_DUTY in answer.text
    assert any("Mandatory reporting of female genital mutilation" in s.title and "20 October 2015" in s.title
               for s in answer.sources)
    assert answer.text.index("section 47") < answer.text.index("No.")  # the escalation comes first


def test_fgm_with_an_area_never_appends_a_seek_consent_rule():
    answer = answer_question("Do I need consent to share information about suspected FGM?", "Corby")
    assert "seek consent prior" not in answer.text and FGM_DUTY in answer.text


def test_whom_to_talk_to_when_unsure_is_the_dsl_and_the_door_where_known():
    question = "I'm not sure whether to refer, who should I talk to first?"
    assert detect_topic(question) == "unsure_whom"
    answer = answer_question(question)
    _no_area_asked(answer)
    assert "designated safeguarding lead (DSL)" in answer.text
    assert "0300 126 7000" in answer_question(question, "Corby").text


def test_member_of_the_public_gets_their_areas_public_route_or_is_asked_once():
    answer = answer_question("I'm a neighbour in Norfolk, who should I phone?")
    assert "0344 800 8020" in answer.text and "members of the public" in answer.text
    by_role = answer_question("Who should I phone?", "Norwich", role="public")
    assert "0344 800 8020" in by_role.text
    turn = converse("Who should I phone?", role="public")
    assert turn.answer.needs_area and turn.pending
    held = converse("Norwich", pending=turn.pending, role="public")
    assert "0344 800 8020" in held.answer.text


def test_the_held_question_reads_the_area_with_the_one_reader():
    """A UK place we don't cover gets the national route, not "I didn't recognise that place"."""
    turn = converse("Leeds", pending="What's the MASH number?")
    assert "Leeds" in turn.answer.text and "0808 800 5000" in turn.answer.text
    assert "didn't recognise" not in turn.answer.text


@pytest.mark.parametrize("text,age", [("unborn (26 weeks), sibling 3", "unborn"), ("9", "9"),
                                      ("4 months", "4 months"), ("she's 14", "14")])
def test_an_age_looking_answer_to_the_age_question_is_the_answer(text, age):
    answer = form_answer(text, "child_age")
    assert answer is not None and age in answer.value


def test_a_real_question_mid_form_is_not_a_form_answer():
    assert form_answer("What is the MASH?", "child_age") is None
    assert form_answer("unborn (26 weeks), sibling 3", "triage_area") is None


@pytest.mark.parametrize("text", ["Caister-on-Sea", "Kempston"])
def test_a_place_that_asks_nothing_is_the_answer_to_which_town(text):
    answer = form_answer(text, "triage_area")
    assert answer is not None and answer.value and answer.value in text and answer.message is None


def test_a_place_we_dont_cover_answers_which_town_with_the_national_route():
    answer = form_answer("Leeds", "triage_area")
    assert answer is not None and answer.value == OUT_OF_AREA
    assert "Leeds" in answer.message and "0808 800 5000" in answer.message


@pytest.mark.parametrize("text", ["What is the MASH in Norwich?", "who do I ring in Corby"])
def test_a_question_that_names_a_place_is_still_a_question(text):
    assert form_answer(text, "triage_area") is None
