"""Issue 13.4-5 in the engine: follow-up answers (Case.answers) only raise; earlier concerns (Case.history).

The cases are fictional. Each level-changing fact quotes the seed distinction it rests on in
guidance/questions/open_questions.yml (chastisement: "visible bruising, grazes, scratches ..."; domestic
abuse: the DASH checklist's high-risk items, 000 7.1 "a single event, such as a violent assault").
"""

from __future__ import annotations

import io
import json
import sys

import pytest

from bot.engine.answers import KEPT_NOTE, detail, fold_answers, never_lower
from bot.engine.assess import assess, get_engine
from bot.engine.case import Answer, Case
from bot.engine.facts import read_facts
from bot.engine.open_questions import cached_questions
from bot.features.conversation import case_from_slots
from bot.features.followup import plan, read_answer, record
from bot.language.earlier_concerns import said_before
from bot.runtime.cli import main

SMACK = Case(area="Corby", age=7, scale=5, worried="His dad smacked him on Saturday because he was cheeky.")
DA = Case(area="Kettering", age=6, scale=5,
          worried="Mum said her partner is controlling and there have been arguments at home.")
BRUISE = Case(area="Corby", age=8, scale=5, worried="He has a bruise on his leg and said he fell over.")


def _with(case: Case, *answers: Answer) -> Case:
    return case.copy(update={"answers": list(answers)})


def _yes(fact: str, concept: str, words: str = "yes") -> Answer:
    return Answer(fact=fact, concept=concept, answer="yes", words=words)


def test_every_says_states_its_own_fact():
    for family in cached_questions().families:
        for question in family.questions:
            if question.says:
                assert question.fact in read_facts(question.says), question.says


@pytest.mark.parametrize("fact", ["mark", "implement", "head_face"])
def test_a_yes_to_a_chastisement_question_makes_it_section_47(fact):
    before = assess(SMACK)
    assert before.level == 2 and not before.s47
    assert fact in {q.fact for q in before.open_questions}
    after = assess(_with(SMACK, _yes(fact, "physical_chastisement")))
    assert after.s47 and after.level == 4


@pytest.mark.parametrize("answer, words", [("no", "no"), ("unsure", "not sure"), ("no", "no, just his hand")])
def test_no_and_not_sure_keep_the_level(answer, words):
    after = assess(_with(SMACK, Answer(fact="mark", concept="physical_chastisement", answer=answer, words=words)))
    assert (after.level, after.s47) == (assess(SMACK).level, False)


def test_the_fact_said_in_any_words_is_a_yes():
    item = {"key": "fact:implement", "question": "?", "fact": "implement", "indicator": "",
            "concept": "physical_chastisement"}
    assert read_answer(item, "he used a belt").answer == "yes"
    assert read_answer(item, "not sure, maybe a belt").answer == "yes"  # a hedged fact is still a worry
    assert read_answer(item, "not sure").answer == "unsure"
    assert read_answer(item, "just his hand").answer == "no"
    assert read_answer(item, "what?") is None  # asked once more, then taken as not sure
    older = {**item, "fact": "older_person", "concept": "child_sexual_exploitation"}
    assert read_answer(older, "he's 19").answer == "yes"


@pytest.mark.parametrize("fact", ["strangling", "weapon", "repeated_police"])
def test_dash_high_risk_answers_make_domestic_abuse_section_47(fact):
    assert not assess(DA).s47
    assert assess(_with(DA, _yes(fact, "domestic_abuse"))).s47


def test_only_questions_whose_yes_would_raise_the_level_are_planned():
    state = plan(DA)
    facts = [p["fact"] for p in state["pending"]]
    assert 0 < len(facts) <= 3
    for fact in facts:
        after = assess(_with(DA, _yes(fact, "domestic_abuse")))
        assert after.level > assess(DA).level or after.s47


def test_at_most_three_questions_are_asked_in_all():
    state = plan(SMACK)
    assert len(state["pending"]) == 3
    for _ in range(3):
        item = state["pending"][0]
        state = record(state, item, Answer(fact=item["fact"], concept=item["concept"], answer="no", words="no"))
        state = plan(_with(SMACK, *[Answer(**{k: v for k, v in a.items() if k != "question"})
                                    for a in state["answers"]]), state)
    assert len(state["asked"]) == 3 and state["pending"] == []


@pytest.mark.parametrize("minimiser", ["mum says the toddler did it", "he said it was a joke",
                                       "yes, I saw him fall over in PE"])
def test_a_minimiser_never_lowers_a_red_flag(minimiser):
    before = assess(BRUISE)
    assert before.s47
    for answer in ("yes", "no", "unsure"):
        after = assess(_with(BRUISE, Answer(fact="witnessed_explanation", concept="unexplained_injury",
                                            answer=answer, words=minimiser)))
        assert after.s47 and after.level == 4, (answer, minimiser)


def test_answers_that_would_lower_keep_the_earlier_advice_and_say_so():
    before, lower = assess(BRUISE), assess(SMACK)
    assert before.s47 and not lower.s47
    kept = never_lower(before, lower)
    assert (kept.level, kept.s47, kept.route) == (before.level, before.s47, before.route)
    assert KEPT_NOTE in kept.notes
    higher = assess(_with(SMACK, _yes("mark", "physical_chastisement")))
    assert never_lower(assess(SMACK), higher) is higher


def test_a_yes_is_folded_into_the_sentence_of_the_worry():
    text = fold_answers(get_engine().matcher, SMACK.worried, [_yes("mark", "physical_chastisement",
                                                                   "yes, on his cheek")])
    assert text.startswith("His dad smacked him on Saturday because he was cheeky, and it left a mark (on his cheek)")
    assert detail("yes") == "" and detail("no, just his hand") == "just his hand"


def _s47_item(area: str):
    return next(i for i in get_engine().areas[area].indicators if i.s47)


def test_a_confirmed_possible_red_flag_is_section_47_and_not_sure_consults_the_front_door():
    case = Case(area="Corby", age=9, scale=6, worried="He seems withdrawn and quiet in class lately.")
    before = assess(case)
    assert not before.s47
    item = _s47_item("northamptonshire")
    confirmed = assess(_with(case, Answer(indicator=item.id, answer="yes", words="yes")))
    assert confirmed.s47 and any(i.id == item.id and i.s47 for i in confirmed.indicators)
    unsure = assess(_with(case, Answer(indicator=item.id, answer="unsure", words="not sure")))
    assert unsure.level >= max(3, before.level) and not unsure.s47
    assert any("front door" in r for r in unsure.rationale)
    denied = assess(_with(case, Answer(indicator=item.id, answer="no", words="no")))
    assert (denied.level, denied.s47) == (before.level, before.s47)


def test_the_cli_takes_the_same_answers_and_reaches_the_same_advice(monkeypatch):
    state = {"pending": [], "asked": ["fact:mark"],
             "answers": [{"fact": "mark", "indicator": "", "concept": "physical_chastisement", "answer": "yes",
                          "words": "yes", "question": "Did it leave a mark?"}]}
    slots = {"triage_area": "Corby", "child_age": "7", "triage_role": "professional", "sos_worried": SMACK.worried,
             "sos_scale": 5.0, "followup_state": state, "sos_history": "no"}
    conversation = assess(case_from_slots(slots))
    payload = {"area": "Corby", "age": 7, "worried": SMACK.worried, "scale": 5, "history": "no",
               "answers": [{"fact": "mark", "concept": "physical_chastisement", "answer": "yes", "words": "yes"}]}
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(payload)))
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["assess"]) == 0
    cli = json.loads(out.getvalue())
    assert (cli["level"], cli["s47"], cli["route"]) == (conversation.level, conversation.s47, conversation.route)
    assert cli["s47"]


def test_earlier_concerns_said_in_passing_are_found_and_fed_to_the_case():
    said = said_before("He came in hungry again. School has logged concerns before and he was referred last year.")
    assert "referred last year" in said and "hungry again" not in said
    assert said_before("He came in hungry today.") == ""
    assert case_from_slots({"triage_area": "Bedford", "sos_history": "not sure"}).history == ""
    worried = "He came in hungry and in dirty clothes today"
    history = "Yes. School has logged concerns about him coming in hungry and dirty several times"
    plain = assess(case_from_slots({"triage_area": "Bedford", "child_age": "7", "sos_worried": worried,
                                    "sos_scale": 7.0}))
    weighed = assess(case_from_slots({"triage_area": "Bedford", "child_age": "7", "sos_worried": worried,
                                      "sos_scale": 7.0, "sos_history": history}))
    assert weighed.level > plain.level


@pytest.mark.parametrize("case", [SMACK, DA, BRUISE,
                                  _with(SMACK, Answer(fact="mark", concept="physical_chastisement", answer="no",
                                                      words="no"))])
def test_the_planner_decides_the_baseline_once_and_plans_the_same_questions(case):
    """Issue 14: the planner weighs each candidate against one baseline; the questions it plans are exactly
    those a full ``assess`` per candidate would plan (a "yes" that raises the level or makes it section 47)."""
    advice = assess(case)
    expected = []
    for question in advice.open_questions:
        if any(p == question.fact for p in expected) or \
                any(a.fact == question.fact for a in case.answers):
            continue
        after = assess(_with(case, *case.answers, _yes(question.fact, question.concept)))
        if (after.level or 0) > (advice.level or 0) or (after.s47 and not advice.s47):
            expected.append(question.fact)
    state = {"asked": [f"fact:{a.fact}" for a in case.answers], "answers": [], "pending": []}
    planned = [p["fact"] for p in plan(case, state, advice=advice)["pending"] if p["fact"]]
    room = 3 - len(case.answers)
    assert planned == expected[:room]
