"""Quick queries: one question, one answer from guidance/, with the area named and the source cited."""

from __future__ import annotations

import re
from typing import Optional

import pytest

from bot.engine.advice import DISCLAIMER
from bot.features.quick_query import ASK_AREA, answer_question, child_age, converse
from bot.features.quick_query_topics import detect_topic
from bot.guidance.loader import cached_areas

AREA_NAMES = {"northamptonshire": "Northamptonshire", "norfolk": "Norfolk", "nottingham_city": "Nottingham City",
              "bedford_borough": "Bedford Borough"}
TITLES = {area_id: {d.title for d in area.documents} for area_id, area in cached_areas().items()}

# (question, remembered area, expected area, expected topic, words the answer must contain)
CASES = [
    # contacts
    ("What's the MASH number in Northamptonshire?", None, "northamptonshire", "contact", ["0300 126 7000"]),
    ("When is Nottingham City MASH open?", None, "nottingham_city", "hours", ["8:30 am to 4:50 pm"]),
    ("Who do I call in Norfolk?", None, "norfolk", "contact", ["Children's Advice and Duty Service",
                                                               "0344 800 8020"]),
    ("What's Partnership Support?", None, "northamptonshire", "what_is", ["cfss@nctrust.co.uk"]),
    ("CADS email?", None, "norfolk", "email", ["takes no written referrals", "no referral email"]),
    ("what's the city MASH email address", None, "nottingham_city", "email", ["CityMASH@nottinghamcity.gov.uk"]),
    ("phone number for the MASH in Kettering", None, "northamptonshire", "contact", ["0300 126 7000"]),
    ("who do I ring in Nottingham about a child", None, "nottingham_city", "contact", ["0115 876 4800"]),
    ("What's the MASH number?", "Norwich", "norfolk", "contact", ["reached through CADS"]),
    ("early help phone number", "Bedford", "bedford_borough", "contact", ["01234 276043"]),
    ("what's the out of hours number", "Nottingham", "nottingham_city", "hours", ["emergency safeguarding"]),
    ("partnership support number", None, "northamptonshire", "contact", ["01604 526963", "01604 526936"]),
    # consent
    ("Do I need consent to call CADS?", None, "norfolk", "consent_needed", ["do not need consent"]),
    ("Can I refer without telling the parents if she disclosed abuse by dad?", "Norwich", "norfolk",
     "consent_tell_parents", ["Do not tell the parents"]),
    ("Can a 14-year-old consent?", "Corby", "northamptonshire", "consent_young_person", ["over 13",
                                                                                         "A 14-year-old is over 13"]),
    ("Can a 14-year-old consent?", "Bedford", "bedford_borough", "consent_young_person", ["not over 16"]),
    ("Parents refused early help, what now?", "Norfolk", "norfolk", "consent_refused",
     ["should not be seen in isolation"]),
    ("what do I do if the parents refuse consent", "Northampton", "northamptonshire", "consent_refused",
     ["rationale"]),
    ("should I tell the parents before I ring the MASH", "Nottingham", "nottingham_city", "consent_tell_parents",
     ["loss of evidence"]),
    # thresholds
    ("Is a bruise on a 3-month-old a section 47?", "Bedford", "bedford_borough", "threshold",
     ["section 47 red flag", "So yes"]),
    ("What does level 3 mean in Bedford?", None, "bedford_borough", "level_meaning", ["Level 3 (Targeted)"]),
    ("Is a parent on methadone a level 2?", "Norfolk", "norfolk", "threshold", ["level 2", "So yes: level 2"]),
    ("is domestic abuse a level 3", "Corby", "northamptonshire", "threshold", ["domestic abuse"]),
    ("what is tier 3 in Norfolk", None, "norfolk", "level_meaning", ["Tier 3"]),
    ("explain level 4 in Nottingham", None, "nottingham_city", "level_meaning", ["Specialist & Safeguarding"]),
    ("is FGM a section 47", "Northampton", "northamptonshire", "threshold", ["section 47"]),
    # process
    ("How do I follow up a MASH call in writing?", "Northampton", "northamptonshire", "follow_up",
     ["within 24 hours"]),
    ("How do I follow up a MASH call in writing?", "Nottingham", "nottingham_city", "follow_up", ["MARF"]),
    ("How do I follow up a CADS call in writing?", None, "norfolk", "follow_up", ["takes no written referrals"]),
    ("What's an EHA?", "Bedford", "bedford_borough", "eha", ["Early Help Assessment", "01234 276043"]),
    ("What's an EHA?", "Corby", "northamptonshire", "eha", ["Early Help Assessment"]),
    ("How do I escalate if I disagree with the MASH decision?", "Nottingham", "nottingham_city", "escalation",
     ["Independent Chair"]),
    ("How do I escalate if I disagree with the MASH decision?", "Norwich", "norfolk", "escalation",
     ["Resolving Professional Disagreement Policy"]),
    ("how do I challenge a MASH decision in Bedford", None, "bedford_borough", "escalation",
     ["Managing Professional Disagreements"]),
    ("what will CADS ask me when I call", None, "norfolk", "front_door_asks", ["family composition"]),
]


def _check_framed(answer, area_id: str) -> None:
    """Area named, a source from that area's documents cited, the disclaimer last."""
    assert answer.area == area_id
    assert answer.text.startswith(AREA_NAMES[area_id] + ":") or f"\n{AREA_NAMES[area_id]}:" in answer.text
    assert answer.sources, answer.text
    assert all(s.title in TITLES[area_id] for s in answer.sources)
    assert "\nSource: " in answer.text
    assert answer.text.endswith(DISCLAIMER)


@pytest.mark.parametrize("question, remembered, area_id, topic, words", CASES,
                         ids=[f"{c[0][:40]}|{c[1]}" for c in CASES])
def test_quick_query_answers_from_the_areas_guidance(question: str, remembered: Optional[str], area_id: str,
                                                     topic: str, words: list) -> None:
    answer = answer_question(question, remembered)
    assert answer.topic == topic
    _check_framed(answer, area_id)
    for word in words:
        assert word.lower() in answer.text.lower(), (word, answer.text)
    assert not answer.needs_area


def test_at_least_thirty_different_questions_are_covered() -> None:
    assert len({c[0] for c in CASES}) >= 30


def test_every_phone_number_in_an_answer_is_in_the_guidance() -> None:
    """Never invent a number: every UK phone number an answer prints is in guidance/."""
    known = {p.number for area in cached_areas().values() for r in area.routes for p in r.phones}
    known |= {"0808 800 5000"}  # the national fallback (bot.guidance.areas)
    for question, remembered, *_ in CASES:
        for number in re.findall(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", answer_question(question, remembered).text):
            assert number in known, (question, number)


def test_area_named_in_the_question_wins_over_the_remembered_one() -> None:
    answer = answer_question("What's the MASH number in Northamptonshire?", "Norwich")
    assert answer.area == "northamptonshire"


def test_unknown_area_that_matters_is_asked_for() -> None:
    answer = answer_question("What's the MASH number?")
    assert answer.needs_area and answer.area is None
    assert ASK_AREA in answer.text and answer.text.endswith(DISCLAIMER)
    assert not re.search(r"\b0\d{3}", answer.text)  # no number for an area we don't know


def test_the_guidance_doesnt_say_and_whom_to_ask() -> None:
    answer = answer_question("Can a 14-year-old consent?", "Nottingham")
    assert answer.doesnt_say and answer.area == "nottingham_city"
    assert "doesn't give an age" in answer.text
    assert "designated safeguarding lead" in answer.text and "0115 876 4800" in answer.text


def test_hours_the_guidance_doesnt_give_are_not_guessed() -> None:
    answer = answer_question("When is the MASH open?", "Northampton")
    assert answer.doesnt_say and "doesn't give opening hours" in answer.text
    assert "0300 126 7000" in answer.text and not re.search(r"\d{1,2}[:.]\d{2}", answer.text)


def test_bedford_follow_up_the_guidance_doesnt_say() -> None:
    answer = answer_question("How do I follow up a MASH call in writing?", "Bedford")
    assert answer.doesnt_say and "doesn't say" in answer.text
    assert "designated safeguarding lead" in answer.text


def test_question_the_guidance_doesnt_answer() -> None:
    answer = answer_question("Can I claim mileage for a home visit?", "Norwich")
    assert answer.topic is None and answer.doesnt_say and answer.area == "norfolk"
    assert "The guidance doesn't say" in answer.text and "designated safeguarding lead" in answer.text
    assert answer.text.endswith(DISCLAIMER)


def test_question_without_area_the_guidance_doesnt_answer_is_not_asked_for_an_area() -> None:
    answer = answer_question("Can I claim mileage for a home visit?")
    assert answer.doesnt_say and not answer.needs_area and "won't guess" in answer.text


def test_red_flag_question_escalates_first() -> None:
    answer = answer_question("Is a bruise on a 3-month-old a section 47?", "Bedford")
    assert answer.escalate
    first = answer.text.split("\n")[0]
    assert "section 47 red flag" in first and "today" in first and "999" in first


def test_red_flag_question_without_area_still_escalates_and_cites_the_policy() -> None:
    answer = answer_question("Is a bruise on a 3-month-old a section 47?")
    assert answer.escalate and answer.needs_area
    assert "999" in answer.text.split("\n")[0]
    assert any("red flag" in s.title.lower() for s in answer.sources)


def test_immediate_danger_in_a_quick_question_means_999_first() -> None:
    answer = answer_question("Who do I call? He's got a knife and is threatening her right now", "Kettering")
    assert answer.immediate_danger and answer.escalate
    assert answer.text.startswith("If a child is in immediate danger, call 999 now.")
    assert "0300 126 7000" in answer.text.split("\n")[0]


def test_disclosure_by_dad_escalates_and_says_not_to_tell_parents() -> None:
    answer = answer_question("Can I refer without telling the parents if she disclosed abuse by dad?", "Norwich")
    assert answer.escalate and "section 47" in answer.text.split("\n")[0]
    assert "Do not tell the parents" in answer.text


def test_place_we_do_not_cover_gets_the_national_fallback() -> None:
    answer = answer_question("What's the MASH number in Mansfield?")
    assert answer.area is None and not answer.needs_area
    assert "Nottinghamshire County Council" in answer.text and "0808 800 5000" in answer.text


def test_threshold_question_we_cannot_match_is_not_guessed() -> None:
    answer = answer_question("is wearing odd socks a level 2?", "Norwich")
    assert answer.topic == "threshold" and answer.doesnt_say
    assert "couldn't match" in answer.text


@pytest.mark.parametrize("text, age", [("a 3-month-old", 0.25), ("aged 14", 14.0), ("is it a level 2", None),
                                       ("a 14 year old", 14.0), ("6 weeks old", 0.115)])
def test_child_age_only_reads_ages(text: str, age: Optional[float]) -> None:
    assert child_age(text) == age


@pytest.mark.parametrize("text, topic", [
    ("What does level 3 mean?", "level_meaning"), ("is neglect level 3", "threshold"),
    ("do I need parental permission to share information", "consent_needed"),
    ("what's a TAF", "eha"), ("is CADS open at night", "hours"), ("hello there", None),
])
def test_topic_rules(text: str, topic: Optional[str]) -> None:
    from bot.engine.assess import get_engine
    worry = any(not h.negated for h in get_engine().matcher.find(text))
    assert detect_topic(text, worry) == topic


def test_asking_for_the_area_once_then_answering_the_held_question() -> None:
    first = converse("what's the MASH number")
    assert first.answer.needs_area and first.pending == "what's the MASH number"
    second = converse("Kettering", pending=first.pending)
    assert second.answer.area == "northamptonshire" and "0300 126 7000" in second.answer.text
    assert second.remember_area == "Northamptonshire" and second.pending is None
    third = converse("is the MASH open at the weekend", remembered_area=second.remember_area)
    assert third.answer.area == "northamptonshire" and not third.answer.needs_area


def test_a_reply_that_is_not_a_place_is_said_once_and_the_question_dropped() -> None:
    turn = converse("no idea", pending="what's the MASH number")
    assert turn.pending is None and turn.answer.doesnt_say
    assert "didn't recognise that place" in turn.answer.text and turn.answer.text.endswith(DISCLAIMER)


def test_a_new_question_instead_of_the_area_replaces_the_held_one() -> None:
    turn = converse("Who do I call in Norfolk?", pending="what's the MASH number")
    assert turn.answer.area == "norfolk" and turn.answer.topic == "contact"


def test_mid_assessment_the_area_is_not_asked_for_by_the_quick_query() -> None:
    turn = converse("what's the MASH number", can_ask=False)
    assert turn.pending is None and "Ask me again with the area" in turn.answer.text
    assert ASK_AREA not in turn.answer.text


def test_a_worry_stated_rather_than_asked_escalates_and_points_to_the_assessment() -> None:
    answer = answer_question("mum's partner strangled her in front of the kids last night")
    assert answer.escalate and "section 47" in answer.text.split("\n")[0]
    assert "I'm worried about a child" in answer.text and "doesn't say" not in answer.text
