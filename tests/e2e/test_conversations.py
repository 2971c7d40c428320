"""Whole conversations through REST against the real servers, each checking the advice payload."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.runtime.evaluate import TUNING_SETS, load_vignettes
from tests.e2e.driver import advice_payload, post, run_case, which_question

pytestmark = pytest.mark.e2e


def _one_per_area_and_level() -> List[Dict[str, Any]]:
    chosen: Dict[tuple, Dict[str, Any]] = {}
    for item in load_vignettes():
        exp = item["expect"]
        if exp.get("out_of_area") or item["case"].get("danger_now"):
            continue
        key = (item["id"].split("-")[0], exp["level"])
        chosen.setdefault(key, item)
    return list(chosen.values())


@pytest.mark.parametrize("vignette", _one_per_area_and_level(), ids=lambda v: v["id"])
def test_one_conversation_per_area_and_level(assistant, vignette):
    result = run_case(assistant.webhook, f"e2e-{uuid.uuid4().hex}", vignette["case"])
    advice = result["advice"]
    expected = assess(Case.parse_obj(vignette["case"]))
    assert advice["type"] == "advice"
    assert (advice["level"], advice["route"], advice["s47"]) == (expected.level, expected.route, expected.s47)
    assert advice["contact"]["service"] == expected.contact.service
    assert advice["disclaimer"] and advice["citations"]


@pytest.mark.parametrize("disclosure", ["she just told me her stepdad touches her private parts at night",
                                        "she said her stepdad touches her"])
def test_red_flag_mid_form_escalates_before_the_form_ends(assistant, disclosure):
    sender = f"e2e-{uuid.uuid4().hex}"
    post(assistant.webhook, sender, "I'm worried about a pupil")
    post(assistant.webhook, sender, "no")
    post(assistant.webhook, sender, "Norwich")
    post(assistant.webhook, sender, "teacher")
    post(assistant.webhook, sender, "9")
    reply = post(assistant.webhook, sender, disclosure)
    text = " ".join(m.get("text") or "" for m in reply)
    assert "section 47" in text and "today" in text
    assert "CADS" in text or "Children's Advice and Duty Service" in text


def test_correction_at_reflect_back_changes_the_advice(assistant):
    case = {"area": "Bedford", "age": "8", "role": "professional",
            "worried": "He often comes in hungry and his uniform is dirty. His dad drinks every night.",
            "working_well": "Nan helps out a lot", "needs": "support for mum", "scale": 6,
            "consent": "given", "consent_risky": False}
    sender = f"e2e-{uuid.uuid4().hex}"
    messages = post(assistant.webhook, sender, "I'm worried about a child")
    answers = ["no", case["area"], "professional", case["age"], case["worried"], "no", case["working_well"],
               case["needs"], "no", "6"]  # "no": no earlier concerns (issue 13.5)
    for answer in answers:
        messages = post(assistant.webhook, sender, answer)
    for _ in range(3):  # issue 13.4: a follow-up question that could change the level, answered "no"
        if which_question(messages) != "sos_followup":
            break
        messages = post(assistant.webhook, sender, "no")
    reflection = " ".join(m.get("text") or "" for m in messages)
    assert "Is that right?" in reflection
    messages = post(assistant.webhook, sender, "Sorry, I got that wrong: his dad doesn't drink at all.")
    second = " ".join(m.get("text") or "" for m in messages)
    assert "Is that right?" in second and "not happening" in second
    for answer in ("yes", "yes", "they agreed", "no"):
        messages = post(assistant.webhook, sender, answer)
    advice = advice_payload(messages)
    assert advice is not None
    assert all(i["concept"] != "parental_substance_misuse" for i in advice["indicators"])
    assert any(r["concept"] == "parental_substance_misuse" for r in advice["ruled_out"])


def test_member_of_the_public_in_norfolk_gets_the_public_line(assistant):
    case = {"area": "Great Yarmouth", "age": "6", "role": "public",
            "worried": "The little boy next door is often left on his own at night and I hear screaming.",
            "working_well": "Nothing really", "needs": "someone to check on him", "scale": 3,
            "consent": "not_asked", "consent_risky": False}
    advice = run_case(assistant.webhook, f"e2e-{uuid.uuid4().hex}", case)["advice"]
    assert advice["route"] == "public"
    assert "0344 800 8020" in advice["contact"]["phones"]


def _same_advice_as_the_cli(webhook: str, vignettes: List[Dict[str, Any]]) -> None:
    """Each vignette talked through over REST reaches `bot assess`'s level, door and section 47 (none stuck)."""

    def check(vignette: Dict[str, Any]) -> str:
        advice = run_case(webhook, f"parity-{uuid.uuid4().hex}", vignette["case"])["advice"]
        expected = assess(Case.parse_obj(vignette["case"]))
        got = (advice["level"], advice["route"], advice["s47"])
        want = (expected.level, expected.route, expected.s47)
        return "" if got == want else f"{vignette['id']}: conversation {got} != engine {want}"

    with ThreadPoolExecutor(max_workers=4) as pool:
        problems = [p for p in pool.map(check, vignettes) if p]
    assert not problems, "\n".join(problems)


def test_conversation_reaches_the_same_advice_as_the_cli_on_the_dev_set(assistant):
    """Same facts, same advice: the conversation and `bot assess` share one engine."""
    _same_advice_as_the_cli(assistant.webhook, [v for v in load_vignettes() if not v["expect"].get("out_of_area")])


def test_conversation_reaches_the_same_advice_as_the_cli_on_the_blind_tuning_sets(assistant):
    """Issue 13's done-when: the same parity on the engine issue's blind tuning sets (one covered-area vignette in
    fifteen of each set: 46 conversations, under two minutes of CI), in their writers' messy words, with pre-birth
    ages, earlier concerns and follow-ups."""
    sample = [v for name, path in TUNING_SETS.items() if name.startswith("blind_")
              for v in [v for v in load_vignettes(path) if v["expect"].get("level") is not None][::15]]
    assert len(sample) >= 40
    _same_advice_as_the_cli(assistant.webhook, sample)
