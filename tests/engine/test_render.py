"""Every channel draws the same advice, with the contact, the steps, the consent and the disclaimer."""

import json

import pytest

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.render.cards import slack_blocks, teams_card, tel_link, web_card
from bot.render.reply import cite
from bot.render.text import render_text


@pytest.fixture(scope="module")
def advice():
    return assess(Case(area="Nottingham", age="4 months", mobile=False, scale=2,
                       worried="There is a bruise on the baby's ear and mum has no explanation."))


def test_text_has_headline_contact_consent_sources_and_disclaimer(advice):
    text = render_text(advice)
    assert text.startswith("Level 4")
    assert "seed line" not in text
    assert "0115 876 4800" in text and "Consent:" in text and "Source:" in text
    assert advice.disclaimer in text and advice.guidance_version in text


def test_cards_carry_the_same_facts(advice):
    card = web_card(advice)
    assert card["data"] == {"level": str(advice.level), "route": advice.route}
    links = [run["href"] for line in card["heading"] for run in line if "href" in run]
    assert links == ["tel:01158764800"], "the number in the headline is a tel: link"
    assert [b["payload"] for b in card["buttons"]] == ["/show_record", "/rehearse_call", "/start_again"]
    slack = json.dumps(slack_blocks(advice))
    teams = json.dumps(teams_card(advice))
    for rendered in (slack, teams, json.dumps(card)):
        assert "0115 876 4800" in rendered
        assert "designated safeguarding lead" in rendered


def test_tel_links_keep_only_digits():
    assert tel_link("0344 800 8020") == "tel:03448008020"


def test_every_card_cites_the_guidance_even_when_no_indicator_matched():
    """Slack and Teams used to cite only matched indicators: advice resting on the level and route alone
    went out with no source."""
    plain = assess(Case(area="Bedford", age=9, worried="", scale=8))
    assert not plain.indicators and plain.citations
    first = plain.citations[0]
    for rendered in (json.dumps(slack_blocks(plain)), json.dumps(teams_card(plain)), json.dumps(web_card(plain)),
                     render_text(plain)):
        assert cite(first) in rendered, "the document and section, in plain words"
        assert plain.guidance_version in rendered
    # The consent's source is a detail: in the card's disclosure, Teams' "More detail" and the full text.
    assert plain.consent.source
    for rendered in (json.dumps(teams_card(plain)), json.dumps(web_card(plain)), render_text(plain)):
        assert cite(plain.consent.source) in rendered
