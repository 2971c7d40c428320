"""Issue 12 routes (items 5, 9, 10, 14): the public get the seeds' public routes and words, never a professional's
procedure; Bedford's level-3 parental and environmental items go to the MASH; every advice is dated.

Seeds: 002 Norfolk, 003 Nottingham City, 004 Bedford Borough, 000/001 Northamptonshire (bot.guidance.coverage).
"""

from __future__ import annotations

import json
import re

import pytest

from bot.engine.advice import MatchedIndicator
from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.public_advice import PROFESSIONAL_ONLY, for_public, public_steps
from bot.engine.routes import citation, contact_for, front_door, guidance_date, route_for, route_override
from bot.features.safety_net import door_line
from bot.guidance.coverage import SEEDS_DIR
from bot.guidance.loader import cached_areas
from bot.guidance.models import AreaGuidance, Indicator
from bot.render.cards import web_card
from bot.render.text import render_text

AREAS = cached_areas()
AREA_IDS = sorted(AREAS)
BEDFORD = AREAS["bedford_borough"]
PHONE = re.compile(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def matched(area: AreaGuidance, item: Indicator) -> MatchedIndicator:
    return MatchedIndicator(id=item.id, text=item.text, level=item.level, domain=item.domain,
                            subdomain=item.subdomain, s47=item.s47,
                            source=citation(area, item.source.document, item.source.section), matched="w",
                            concept=(item.concepts or ["x"])[0], label="l")


# ---------------------------------------------------------------- 12.5: Bedford's route for the public

def test_bedford_has_a_public_route_quoted_from_its_seed_with_no_invented_number():
    """004 Introduction: "Remember – where there is an urgent and immediate need to protect a child, dial 999 to
    contact the Police. Otherwise for all other children who may be at risk of significant harm, contact Bedford
    Borough Children's Social Care as soon as possible." The seed gives no number for it."""
    route = next(r for r in BEDFORD.routes if r.kind == "public")
    assert route.audience == "public" and route.levels == [3, 4]
    assert not route.phones and route.contact_missing and not PHONE.search(route.contact_missing)
    seed = _norm((SEEDS_DIR / BEDFORD.documents[0].seed).read_text(encoding="utf-8"))
    assert _norm(route.source.quote) in seed
    assert "dial 999" in route.how and "as soon as possible" in route.how


@pytest.mark.parametrize("level", [3, 4])
def test_bedford_public_at_levels_3_and_4_get_the_public_route(level):
    """004 Introduction (as above): anyone is told to contact Bedford Borough Children's Social Care."""
    assert route_for(BEDFORD, level, "public").kind == "public"
    assert front_door(BEDFORD, "public").kind == "public"
    assert route_for(BEDFORD, level, "professional").kind == "mash" if level == 4 else True


@pytest.mark.parametrize("area", AREA_IDS)
@pytest.mark.parametrize("level", [1, 2])
def test_public_at_levels_1_and_2_get_universal_services_except_where_none_take_the_public(area, level):
    """002 "Members of the public can phone 0344 800 8020": Norfolk's universal services are listed for
    professionals, so its public line serves the public at levels 1-2; elsewhere universal services open to all
    (e.g. 004 Level 1: "directed to relevant universal services for advice/support")."""
    chosen = route_for(AREAS[area], level, "public")
    assert chosen.kind == ("public" if area == "norfolk" else "universal")


@pytest.mark.parametrize("area", AREA_IDS)
def test_professionals_keep_their_front_door(area):
    assert route_for(AREAS[area], 4, "professional").kind in ("mash", "cads")
    assert front_door(AREAS[area], "professional").kind in ("mash", "cads")


def test_bedford_public_route_through_the_assessment():
    """The spot check: a member of the public in Bedford with a section 47 worry is sent to the public route."""
    advice = assess(Case(area="Bedford", role="public", age=8, worried="Her dad hit her with a belt and left marks."))
    assert advice.level == 4 and advice.route == "public"
    assert advice.contact.service == "Bedford Borough Children's Social Care"


def test_bedford_safety_net_for_the_public_names_childrens_social_care_without_a_dsl():
    line = door_line("bedford_borough", "public")
    assert "Children's Social Care" in line and "safeguarding lead" not in line


# ---------------------------------------------------------------- 12.9: the public's steps come from the seed

@pytest.mark.parametrize("area", AREA_IDS)
@pytest.mark.parametrize("level", [1, 2, 3, 4])
@pytest.mark.parametrize("danger", [False, True])
def test_public_steps_have_no_professional_procedure(area, level, danger):
    """No MARF, no written follow-up within 24 hours, no DSL for a member of the public (003 "you will be required
    to send in a completed MARF after the call" and 000 4.2 "followed up in writing within 24 hours" are for
    professionals); 999 is always there (every seed: "If a child is in immediate danger ... 999")."""
    guidance = AREAS[area]
    contact = contact_for(guidance, route_for(guidance, level, "public"))
    steps = public_steps(guidance, level, contact, danger)
    text = " ".join(steps)
    assert not PROFESSIONAL_ONLY.search(text), text
    assert "999" in text
    assert steps[0] == "Call 999 now." if danger else True


def test_norfolk_public_are_told_the_number_and_what_to_say():
    """002 Threshold Criteria: "Members of the public can phone 0344 800 8020 ... state clearly that you have a
    concern for a child's wellbeing and wish to report that concern"."""
    area = AREAS["norfolk"]
    for level in (1, 2, 3, 4):
        text = " ".join(public_steps(area, level, contact_for(area, route_for(area, level, "public"))))
        assert "0344 800 8020" in text and "state clearly that you have a concern" in text


def test_bedford_public_steps_say_as_soon_as_possible_and_where_to_find_the_number():
    """004 Introduction: "contact Bedford Borough Children's Social Care as soon as possible"; no number given."""
    contact = contact_for(BEDFORD, front_door(BEDFORD, "public"))
    text = " ".join(public_steps(BEDFORD, 4, contact))
    assert "Bedford Borough Children's Social Care" in text and "as soon as possible" in text
    assert not PHONE.search(text)


def test_nottingham_and_northamptonshire_public_get_the_front_door_number_only():
    """003: "telephoning the City MASH on 0115 876 4800" (no MARF for the public); 001: "For a child that is at
    risk of immediate harm MASH can be contacted on 0300 126 7000" (no online form, no 24-hour follow-up)."""
    for area, number in (("nottingham_city", "0115 876 4800"), ("northamptonshire", "0300 126 7000")):
        guidance = AREAS[area]
        text = " ".join(public_steps(guidance, 4, contact_for(guidance, front_door(guidance, "public"))))
        assert number in text and "MARF" not in text and "24 hours" not in text


def test_for_public_keeps_only_sentences_for_the_public():
    assert for_public("Call us. Send a MARF after the call. Tell your designated safeguarding lead.") == "Call us."


def test_public_text_render_has_no_dsl_and_no_professional_how():
    """The rendered advice for the public drops the professionals' "How" and the DSL disclaimer (12.9)."""
    advice = assess(Case(area="Nottingham", role="public", age=8, worried="Her dad hit her with a belt."))
    text = render_text(advice)
    assert "How:" not in text and "designated safeguarding lead" not in text
    why = next(line for line in text.splitlines() if line.startswith("Why:"))
    assert not PROFESSIONAL_ONLY.search(why), why
    card = json.dumps(web_card(advice))
    assert "How:" not in card and "designated safeguarding lead" not in card


# ---------------------------------------------------------------- 12.10: Bedford level 3 -> the MASH

def _level3(section_prefix: str) -> Indicator:
    return next(i for i in BEDFORD.indicators if i.level == 3 and i.source.section.startswith(section_prefix))


@pytest.mark.parametrize("table", ["Environmental factors matrix", "Parental and family factors matrix"])
def test_bedford_level_3_parental_and_environmental_items_go_to_the_mash(table):
    """004 Environmental and Parental and family factors matrices, Level 3: "Children with complex multiple needs
    who need statutory and specialist services. A referral to children's social care is required." E.g. "the
    local authority hasn't been notified of the private fostering arrangement" (bed-par-l3-16)."""
    item = _level3(table)
    assert route_override(BEDFORD, [matched(BEDFORD, item)], 3) == "bed-mash"
    fostering = next(i for i in BEDFORD.indicators if i.id == "bed-par-l3-16")
    assert route_override(BEDFORD, [matched(BEDFORD, fostering)], 3) == "bed-mash"


def test_bedford_development_items_at_level_3_keep_early_help():
    """004 Development matrix, Level 3: "A referral to children's social care may be required" (not "is")."""
    item = _level3("Indicators of need matrix")
    assert route_override(BEDFORD, [matched(BEDFORD, item)], 3) is None


def test_route_override_only_at_the_decided_level_only_in_bedford_and_not_for_the_public():
    item = matched(BEDFORD, _level3("Parental and family factors matrix"))
    assert route_override(BEDFORD, [item], 4) is None
    assert route_override(BEDFORD, [item], 3, role="public") is None
    for area in ("norfolk", "northamptonshire", "nottingham_city"):
        guidance = AREAS[area]
        items = [matched(guidance, i) for i in guidance.indicators if i.level == 3]
        assert route_override(guidance, items, 3) is None


def test_the_seed_says_required_for_those_tables_and_may_be_for_development():
    seed = _norm((SEEDS_DIR / BEDFORD.documents[0].seed).read_text(encoding="utf-8"))
    assert seed.count("a referral to children's social care is required") == 2
    assert seed.count("a referral to children's social care may be required") == 1


# ---------------------------------------------------------------- 12.14: every advice shows its guidance date

def test_renderers_show_the_guidance_date():
    """004 title page: "Revised July 2015" (the area file's documents[].published)."""
    advice = assess(Case(area="Bedford", age=9, worried="", scale=8))
    dated = advice.copy(update={"guidance_date": guidance_date(BEDFORD)})
    assert "Revised July 2015" in render_text(dated)
    assert guidance_date(BEDFORD) in json.dumps(web_card(dated))
