"""One answer per channel (issue 13.7): the Reply's headline, its short parts, details on request, citations.

Cases are fictional. Each Reply is built from the engine's real Advice for the case.
"""

from __future__ import annotations

import json
import re
from typing import Dict

import pytest

from bot.engine.advice import Advice
from bot.engine.assess import assess
from bot.engine.case import Case
from bot.render.cards import DETAILS_PAYLOAD, slack_blocks, teams_card, web_card
from bot.render.reply import MORE_HINT, build_reply, cite, details_text, plain, reply_text

CASES: Dict[str, Case] = {
    "corby_s47": Case(area="Corby", age=9, scale=2,
                      worried="he told me his mum's boyfriend hit him and he has a black eye"),
    "norfolk_danger": Case(area="Norfolk", age=9, danger_now=True, scale=0,
                           worried="his dad is hitting him with a belt right now"),
    "bedford_level1": Case(area="Bedford", age=9, worried="", scale=8),
    "nottingham_public": Case(area="Nottingham", age="4 months", mobile=False, scale=2, role="public",
                              worried="There is a bruise on the baby's ear and mum has no explanation."),
}
SEED_LINE = re.compile(r"seed lines?|\blines? \d", re.I)


@pytest.fixture(scope="module")
def advices() -> Dict[str, Advice]:
    return {name: assess(case) for name, case in CASES.items()}


def _numbers(advice: Advice):
    found = []
    for contact in (advice.contact, advice.door):
        if contact:
            found += [n for n in contact.phones if n != "999"]
    return found


@pytest.mark.parametrize("name", sorted(CASES))
def test_headline_is_at_most_three_lines_with_the_level_whom_and_the_number(advices, name):
    advice = advices[name]
    reply = build_reply(advice)
    head = "\n".join(reply.headline)
    assert 1 <= len(reply.headline) <= 3
    assert f"Level {advice.level}" in head
    whom = [advice.contact.service] + ([advice.door.service] if advice.door else [])
    assert any(service in head for service in whom), head
    numbers = _numbers(advice)
    if numbers:
        assert any(n in head for n in numbers), head
    else:  # no number in the guidance: the headline says where to find one, never invents it
        assert not re.search(r"\b0\d{3} ?\d{3} ?\d{4}\b", head)
    assert reply_text(reply).split("\n")[:len(reply.headline)] == list(reply.headline)


def test_immediate_danger_says_999_first(advices):
    advice = advices["norfolk_danger"]
    reply = build_reply(advice)
    assert advice.immediate_danger and reply.danger
    assert reply.headline[0].startswith("Call 999 now")
    assert reply.numbers[0] == "999"
    text = reply_text(reply)
    first_other = min((text.find(n) for n in _numbers(advice) if n in text), default=len(text))
    assert text.find("999") < first_other
    assert web_card(advice)["heading"][0][1] == {"text": "999", "href": "tel:999"}
    assert teams_card(advice)["actions"][0]["url"] == "tel:999"


def test_no_danger_no_999_in_the_headline(advices):
    reply = build_reply(advices["corby_s47"])
    assert not reply.danger and "999" not in "\n".join(reply.headline)


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_reply_cites_the_guidance_and_says_it_does_not_replace_judgement(advices, name):
    advice = advices[name]
    text = reply_text(build_reply(advice))
    assert "Source: " in text and advice.guidance_version in text
    if advice.citations:
        assert cite(advice.citations[0]) in text
    if advice.role == "public":
        assert "not a decision about the child" in text and "999" in text
    else:
        assert "does not replace your professional judgement" in text and "(DSL)" in text
    assert "\n\n" not in text, "a blank line splits the reply into several REST messages"
    assert MORE_HINT in text


def test_citations_are_plain_words_never_seed_lines(advices):
    advice = advices["corby_s47"]
    raw = json.dumps(advice.to_payload())
    assert SEED_LINE.search(raw), "the test needs a case whose guidance sections carry seed lines"
    reply = build_reply(advice)
    for shown in (reply_text(reply), details_text(reply), json.dumps(web_card(advice)),
                  json.dumps(slack_blocks(advice)), json.dumps(teams_card(advice))):
        assert not SEED_LINE.search(shown), SEED_LINE.search(shown)
        assert "the seed" not in shown.lower()
    assert plain("Level 2: Vulnerable (seed lines 830-831)") == "Level 2: Vulnerable"
    assert plain("as the seed says (seed line 12: 'a quote')") == "as the guidance says"


def test_payload_keeps_the_engines_sections(advices):
    """The custom payload stays exactly the engine's advice object: only what is shown is cleaned."""
    advice = advices["corby_s47"]
    assert Advice.parse_obj(advice.to_payload()) == advice


@pytest.mark.parametrize("name", sorted(CASES))
def test_details_on_request_hold_everything_the_short_reply_leaves_out(advices, name):
    advice = advices[name]
    reply = build_reply(advice)
    details = details_text(reply)
    for step in advice.then:
        assert plain(step) in details
    assert plain(advice.consent.advice) in details
    for item in advice.indicators[:8]:
        assert item.matched in details
    for record in advice.consent.record:
        assert plain(record) in details
    short = reply_text(reply)
    assert len(short) < len(details)
    card = web_card(advice)
    assert card["details"]["summary"] == "More detail" and card["details"]["sections"]
    assert any(b["value"] == DETAILS_PAYLOAD for block in slack_blocks(advice) if block["type"] == "actions"
               for b in block["elements"])
    assert any(a["type"] == "Action.ShowCard" for a in teams_card(advice)["actions"])


def test_short_parts_are_short(advices):
    for advice in advices.values():
        reply = build_reply(advice)
        assert len(reply.do) <= 3
        assert len(reply.why) <= 281
        assert reply.consent and plain(advice.consent.advice).startswith(reply.consent)
