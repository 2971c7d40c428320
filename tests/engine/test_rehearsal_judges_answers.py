"""Issue 13.9: a rehearsal answer counts only if it answers the question; a call missing name and role and
holding an opinion is not ready, and the feedback names both."""

from __future__ import annotations

from bot.features import rehearsal as r
from bot.features.rehearsal_reading import answers_topic
from bot.features.rehearsal_topics import TOPICS

REFERRER = next(t for t in TOPICS if t.id == "referrer")
CHILD = next(t for t in TOPICS if t.id == "child_details")


def test_the_childs_age_is_not_your_name_role_and_agency():
    assert not answers_topic(REFERRER, "a 7 year old boy")
    assert not answers_topic(REFERRER, "He's 7")
    for good in ("Jo Bloggs, class teacher, Oakfield Primary", "I'm a TA at the school", "my name is Sam Jones",
                 "health visitor", "I'm Priya, the school nurse"):
        assert answers_topic(REFERRER, good), good
    assert answers_topic(CHILD, "a 7 year old boy") and not answers_topic(CHILD, "it happened yesterday")


def _at_referrer():
    state = r.start("northamptonshire")
    if r.current_topic(state).id != "referrer":  # Northamptonshire's MASH asks for your own details first
        raise AssertionError(r.current_topic(state).id)
    return state


def test_a_non_answer_is_asked_again_and_never_counted():
    state = _at_referrer()
    state, reply = r.answer(state, "a 7 year old boy")
    assert reply.startswith("That doesn't give me your name, role and agency")
    assert "referrer" not in state["answers"]
    state, reply = r.answer(state, "she's 7")  # the probe answered with another non-answer
    assert "referrer" not in state["answers"] and r.current_topic(state).id != "referrer"
    assert "a 7 year old boy" in state["not_answers"]


def _finish(state, text="don't know"):
    while not state["done"]:
        state, _ = r.answer(state, text)
    return state


def test_missing_name_and_role_with_an_opinion_is_not_ready_and_names_both():
    state = _at_referrer()
    state, _ = r.answer(state, "a 7 year old boy")
    state, _ = r.answer(state, "he's 7")
    while not state["done"]:
        topic = r.current_topic(state)
        text = {"concern": "I think mum is neglecting him.", "parents_told": "No, not yet, because she might "
                "hurt him if she knew.", "consent": "Not asked, because asking would put him at risk."}.get(
            topic.id, "Sam, aged 7, at Oakfield Primary; he lives with mum; I saw a bruise on his arm at 9am today.")
        state, _ = r.answer(state, text)
    result = r.feedback(state)
    assert result.verdict == "not ready"
    text = result.text()
    assert "your name, role and agency" in text and "name" in result.verdict_text and "role" in result.verdict_text
    assert "I think mum is neglecting him" in text and "opinions" in result.verdict_text


def test_parents_who_dont_know_prefill_the_consent_position():
    """The assessment no longer asks "have they agreed?" after "no": the rehearsal still knows consent wasn't
    sought, and why."""
    state = r.start("northamptonshire", {"sos_worried": "He said his stepdad hit him with a belt.",
                                         "consent_parents_know": False, "consent_risky": "yes"})
    assert "consent" in state["prefilled"]
    assert "haven't asked" in state["answers"]["consent"][0] and "at risk" in state["answers"]["consent"][0]
