"""Issue 13.4-5 over REST: the answer to a follow-up question changes the level, and earlier concerns are
asked once before the scale. Fictional cases."""

from __future__ import annotations

import uuid
from typing import Any, Dict, List

import pytest

from bot.engine.assess import assess
from bot.engine.case import Answer, Case
from tests.e2e.driver import advice_payload, answer_for, post, which_question

pytestmark = pytest.mark.e2e


def _text(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def _talk(webhook: str, case: Dict[str, Any], followups: List[str]) -> Dict[str, Any]:
    """Answer each question from the case, the follow-up questions in order; return advice and transcript."""
    sender = f"e2e-{uuid.uuid4().hex}"
    messages = post(webhook, sender, "I'm worried about a child")
    asked: List[str] = []
    said: List[str] = []
    for _ in range(30):
        advice = advice_payload(messages)
        if advice:
            return {"advice": advice, "asked": asked, "bot": said}
        slot = which_question(messages)
        assert slot is not None, _text(messages)
        asked.append(slot)
        assert asked.count(slot) <= (3 if slot == "sos_followup" else 2), asked
        reply = followups[asked.count("sos_followup") - 1] if slot == "sos_followup" else answer_for(slot, case)
        messages = post(webhook, sender, reply)
        said.append(_text(messages))
    raise AssertionError(f"no advice; asked {asked}")


def test_a_mark_said_in_answer_makes_a_smack_a_section_47_matter(assistant):
    case = {"area": "Corby", "age": "7", "role": "professional", "scale": 5, "history": "no",
            "worried": "His dad smacked him on Saturday because he was cheeky.", "working_well": "mum is supportive"}
    cli_without = assess(Case(area="Corby", age=7, worried=case["worried"], working_well=case["working_well"],
                              scale=5, history="no"))
    assert not cli_without.s47 and cli_without.level <= 3
    result = _talk(assistant.webhook, case, ["yes, a bruise on his arm"])
    advice, asked = result["advice"], result["asked"]
    assert asked.count("sos_history") == 1 and asked.index("sos_history") < asked.index("sos_scale")
    assert asked.index("sos_scale") < asked.index("sos_followup") < asked.index("review_confirmed")
    assert asked.count("sos_followup") == 1  # the yes made it section 47: nothing more to ask
    reply = result["bot"][asked.index("sos_followup")]  # the escalation, then the reflect-back
    assert "section 47" in reply and "today" in reply and reply.count("section 47 red flag: reasonable") == 1
    assert "It left a mark" in reply and reply.index("section 47") < reply.index("It left a mark")
    assert (advice["level"], advice["s47"]) == (4, True)
    cli = assess(Case(area="Corby", age=7, worried=case["worried"], working_well=case["working_well"], scale=5,
                      history="no", answers=[Answer(fact="mark", concept="physical_chastisement", answer="yes",
                                                    words="yes, a bruise on his arm")]))
    assert (advice["level"], advice["route"], advice["s47"]) == (cli.level, cli.route, cli.s47)


def test_a_no_then_a_weapon_makes_domestic_abuse_section_47(assistant):
    case = {"area": "Kettering", "age": "6", "role": "professional", "scale": 5, "history": "no",
            "worried": "Mum said her partner is controlling and there have been arguments at home."}
    before = assess(Case(area="Kettering", age=6, worried=case["worried"], scale=5, history="no"))
    assert not before.s47
    result = _talk(assistant.webhook, case, ["no", "yes, a knife"])
    advice, asked = result["advice"], result["asked"]
    assert asked.count("sos_followup") == 2
    first = result["bot"][asked.index("sos_followup")]
    assert "section 47" not in first and "weapon" in first  # the "no" kept the level; the next question came
    assert (advice["level"], advice["s47"]) == (4, True)
