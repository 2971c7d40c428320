"""Issue 12 consent rules (items 2, 3, 7, 8, 9, 11, 14), each against the seed line it rests on, in every area.

Seeds: 000 Northamptonshire 2022, 001 Northamptonshire Right Help Right Time, 002 Norfolk, 003 Nottingham City,
004 Bedford Borough (/work/shared/seeds, via bot.guidance.coverage.SEEDS_DIR).
"""

from __future__ import annotations

import re
from typing import Dict, List

import pytest

from bot.engine.advice import Citation, MatchedIndicator
from bot.engine.case import Case
from bot.engine.consent import consent_advice
from bot.engine.indicators import ChildContext, age_rule_allows
from bot.engine.routes import contact_for, front_door, guidance_date, phones_text
from bot.guidance.coverage import SEEDS_DIR
from bot.guidance.loader import cached_areas

AREAS = cached_areas()
AREA_IDS = sorted(AREAS)
# Nottingham City asks for permission even at significant harm when asking is safe (003 line 117).
SEEKS_PERMISSION = {a for a in AREA_IDS if AREAS[a].consent.seek_permission_at_significant_harm}
SOURCE = Citation(document="d", title="t", section="s", seed="x")
# Words that tell someone to ask for consent: never said when asking would put someone at risk (12.2).
ASKS_FOR_CONSENT = re.compile(r"seek consent|ask for (explicit|consent)|obtain consent|get consent", re.I)


def ind(concept: str, level: int = 4, s47: bool = True, label: str = "") -> MatchedIndicator:
    return MatchedIndicator(id=f"x-{concept}", text="t", level=level, domain="child_development", subdomain="s",
                            s47=s47, source=SOURCE, matched="w", concept=concept, label=label or concept)


def seed_text(area: str, document: str) -> str:
    doc = next(d for d in AREAS[area].documents if d.id == document)
    return _norm((SEEDS_DIR / doc.seed).read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip().lower()


# ---------------------------------------------------------------- 12.2: asking the parents would be risky (L1-3)

@pytest.mark.parametrize("area", AREA_IDS)
@pytest.mark.parametrize("level", [1, 2, 3])
def test_risky_to_ask_at_levels_1_to_3_means_dont_ask_consult_the_front_door_and_record_why(area, level):
    """002 Information Sharing: "if having a conversation with the family would place the child, or another child,
    or someone else, or you the referrer, at increased risk of suffering harm you do not need consent"; 000 8.1
    (the same words); 003: "UNLESS seeking permission would place the child at immediate risk of significant harm
    or may lead to the loss of evidence"; 004 Appendix F Question 4: "There will be some circumstances where you
    should not seek consent, for example, where doing so would: place a child at increased risk of significant
    harm"."""
    guidance = AREAS[area]
    advice = consent_advice(guidance, level, Case(consent_risky=True), [ind("neglect", level, False)])
    assert not advice.needed and not advice.tell_parents
    assert not ASKS_FOR_CONSENT.search(advice.advice), advice.advice
    assert "do not ask the parents" in advice.advice.lower()
    assert front_door(guidance, "professional").service in advice.advice
    assert any("why you did not ask" in r.lower() for r in advice.record)
    assert advice.source is not None


@pytest.mark.parametrize("area", AREA_IDS)
def test_every_area_has_a_risky_rule_quoted_from_its_own_seed(area):
    """The risky rule is the area's own words: its source quote is in the seed document it cites."""
    rules = [r for r in AREAS[area].consent.rules if "risky" in r.when]
    assert rules and set(range(1, 5)) <= {lv for r in rules for lv in r.levels}
    for rule in rules:
        assert rule.source.quote and _norm(rule.source.quote) in seed_text(area, rule.source.document), rule.id


def test_without_the_risk_levels_1_to_3_still_ask_for_consent():
    """002 Information Sharing: a referral for additional support "will need their explicit consent"."""
    advice = consent_advice(AREAS["norfolk"], 2, Case(), [ind("neglect", 2, False)])
    assert advice.needed and advice.tell_parents and ASKS_FOR_CONSENT.search(advice.advice)


# ---------------------------------------------------------------- 12.3: not telling the parents (level 4)

HOUSEHOLD = ["her uncle hit her with a belt", "grandad punched him", "the lodger hit him and left marks",
             "her older brother hurt her", "mum's boyfriend hit her", "her stepdad beat him",
             "mum's partner hurt him", "his cousin who lives with them kicked him"]


@pytest.mark.parametrize("area", AREA_IDS)
@pytest.mark.parametrize("sentence", HOUSEHOLD)
def test_harm_by_any_family_or_household_member_is_not_told_first(area, sentence):
    """002 Information Sharing and 000 8.1: "You also don't need consent if it might undermine the investigation
    of a serious crime. This includes making a child protection referral for a child who has made an allegation
    about a physical or sexual assault by a parent or carer"; 003: not where it "may lead to the loss of evidence,
    for example destroying evidence of a crime or influencing a child about a disclosure made". The harmer can be
    any member of the family or household, not only someone called a parent."""
    advice = consent_advice(AREAS[area], 4, Case(), [ind("physical_abuse")], {"physical_abuse": [sentence]})
    assert not advice.needed and not advice.tell_parents, sentence
    assert "do not tell the parents" in advice.advice.lower()
    assert any("rationale for not telling" in r.lower() for r in advice.record)


@pytest.mark.parametrize("area", AREA_IDS)
def test_harm_by_someone_outside_the_family_is_normally_told(area):
    """002 MASH: partners "must ... inform parents that they are making a referral for a social care service"."""
    advice = consent_advice(AREAS[area], 4, Case(), [ind("physical_abuse")],
                            {"physical_abuse": ["a boy at the park hit him"]})
    assert advice.tell_parents


@pytest.mark.parametrize("area", AREA_IDS)
@pytest.mark.parametrize("concept", ["domestic_abuse", "serious_domestic_abuse"])
def test_domestic_abuse_is_not_told_first_and_never_to_the_abuser(area, concept):
    """002 Information Sharing: not where a conversation "would place the child, or another child, or someone
    else ... at increased risk of suffering harm"; 004 Appendix F Question 4: not where it would "place an adult
    at increased risk of serious harm" (the parent being abused)."""
    advice = consent_advice(AREAS[area], 4, Case(), [ind(concept)], {concept: ["dad strangled mum"]})
    assert not advice.tell_parents
    assert "never tell the person said to be abusive" in advice.advice.lower()


@pytest.mark.parametrize("area", AREA_IDS)
@pytest.mark.parametrize("concept", ["sexual_abuse", "fgm", "forced_marriage", "fabricated_illness",
                                     "trafficking", "indecent_images"])
def test_crimes_whose_evidence_could_be_lost_are_not_told_first(area, concept):
    """003 The Role of Designated Safeguarding Leads: "may lead to the loss of evidence, for example destroying
    evidence of a crime or influencing a child about a disclosure made"; 003 Consent: "a disclosure of sexual or
    physical abuse putting the child at immediate risk"; 004 Q4: "prejudice the prevention, detection or
    prosecution of a serious crime"."""
    advice = consent_advice(AREAS[area], 4, Case(), [ind(concept)], {concept: ["a man at the club"]})
    assert not advice.tell_parents


def test_a_childs_sexual_disclosure_is_not_told_first_whoever_is_named():
    """003 The Role of Designated Safeguarding Leads: not where seeking permission may lead to "influencing a child
    about a disclosure made"; 002 Information Sharing: "a child who has made an allegation about a physical or
    sexual assault"."""
    advice = consent_advice(AREAS["bedford_borough"], 4, Case(), [ind("disclosure_abuse")],
                            {"disclosure_abuse": ["she told me a man touched her private parts"]})
    assert not advice.tell_parents and "evidence" in advice.advice


def test_when_parents_are_not_told_no_rule_tells_them_to_inform_parents():
    """Norfolk's MASH rule ("inform parents ... obtain consent") is not shown beside "do not tell the parents"."""
    advice = consent_advice(AREAS["norfolk"], 4, Case(), [ind("sexual_abuse")], {"sexual_abuse": ["uncle"]})
    assert "must inform parents" not in advice.advice.lower()


# ---------------------------------------------------------------- 12.7: a child in need at level 4 needs consent

@pytest.mark.parametrize("area", AREA_IDS)
def test_child_in_need_at_level_4_without_significant_harm_still_needs_consent(area):
    """003 Consent to share information: "Services cannot accept a referral without consent, unless there are
    safeguarding concerns"; 001 Acute Protective Support: "seek consent prior to making a Child in Need
    referral". Consent is not needed only for significant harm (section 47)."""
    short_breaks = ind("disability", 4, s47=False, label="a parent who needs short breaks")
    advice = consent_advice(AREAS[area], 4, Case(), [short_breaks])
    assert advice.needed and advice.tell_parents
    assert "consent to the referral is needed" in advice.advice
    harm = consent_advice(AREAS[area], 4, Case(), [short_breaks], significant_harm=True)
    assert harm.needed is (area in SEEKS_PERMISSION)
    assert "consent to the referral is needed" not in harm.advice


@pytest.mark.parametrize("area", AREA_IDS)
def test_significant_harm_is_inferred_from_section_47_or_danger_when_not_given(area):
    """000 8.1: "Where you believe there is reasonable cause to suspect that the child is suffering, or likely to
    suffer significant harm, consent is not needed to share information or make a referral to the MASH"."""
    harm = consent_advice(AREAS[area], 4, Case(), [ind("physical_abuse", s47=True)])
    assert harm.needed is (area in SEEKS_PERMISSION)
    assert not consent_advice(AREAS[area], 4, Case(danger_now=True), [ind("neglect", s47=False)]).needed
    assert consent_advice(AREAS[area], 4, Case(), [ind("neglect", s47=False)], significant_harm=False).needed


def test_child_in_need_cites_the_seed_rule_that_says_so():
    """001 Guidance for consent: "Discuss concerns with the family and seek consent prior to making a Child in
    Need referral"."""
    advice = consent_advice(AREAS["northamptonshire"], 4, Case(), [ind("disability", 4, False)])
    assert "prior to making a Child in Need referral" in advice.advice


def test_child_in_need_whose_family_cannot_safely_be_asked_consults_the_front_door():
    """003: "Services cannot accept a referral without consent, unless ... seeking consent may put the child at
    further risk"."""
    advice = consent_advice(AREAS["nottingham_city"], 4, Case(consent_risky=True), [ind("disability", 4, False)])
    assert not advice.needed and not advice.tell_parents and not ASKS_FOR_CONSENT.search(advice.advice)


# ---------------------------------------------------------------- 12.8: young people's consent, as each seed says

def test_northamptonshire_young_person_over_13_is_asked_as_well_as_the_parents_not_instead():
    """001 Guidance for consent: "Parents should always agree to any referral for services ... Consent from Young
    People over 13 should be gained where they are able to make a decision to give their agreement"."""
    area = AREAS["northamptonshire"]
    for level in (2, 3):
        text = consent_advice(area, level, Case(age=14), [ind("neglect", level, False)]).advice
        assert "Parents should always agree to any referral for services" in text
        assert "own consent" not in text
    assert "not instead" in consent_advice(area, 3, Case(age=14), []).advice
    assert "not instead" not in consent_advice(area, 3, Case(age=11), []).advice


def test_bedford_over_16_may_be_able_to_consent_says_exactly_that():
    """004 Appendix C Consent: "If the young person requiring support is aged over 16 and is able to fully
    understand the concept and implications of the process, they may be able to give consent"."""
    text = consent_advice(AREAS["bedford_borough"], 2, Case(age=17), []).advice
    assert "they may be able to give consent" in text and "can give their own consent" not in text


@pytest.mark.parametrize("area", ["norfolk", "nottingham_city"])
def test_norfolk_and_nottingham_name_no_age_so_none_is_claimed(area):
    """002 and 003 ask for the family's (parents'/carers') consent and name no age for a young person's own."""
    assert AREAS[area].consent.young_person_can_consent_from is None
    text = consent_advice(AREAS[area], 2, Case(age=15), []).advice
    assert "own consent" not in text and "may be able to give consent" not in text


def test_the_ages_are_the_ones_the_seeds_name():
    assert "young people over 13" in seed_text("northamptonshire", "nh-rhrt")
    assert "aged over 16" in seed_text("bedford_borough", "bed-threshold")
    assert AREAS["northamptonshire"].consent.young_person_can_consent_from == 13
    assert AREAS["bedford_borough"].consent.young_person_can_consent_from == 16


# ---------------------------------------------------------------- 12.9: the public's consent text is plain

@pytest.mark.parametrize("area", AREA_IDS)
@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_public_consent_is_plain_and_has_no_professional_procedure(area, level):
    """002 "Members of the public can phone 0344 800 8020 ... state clearly that you have a concern": reporting a
    worry needs nobody's permission; a member of the public has no DSL and sends no referral form."""
    advice = consent_advice(AREAS[area], level, Case(role="public"), [ind("neglect", level, level == 4)])
    # The structured decision is the level's rule (consent to services at 1-3); the words are plain.
    assert advice.needed is (level < 4) and advice.tell_parents
    assert "don't need the parents' permission to report a worry" in advice.advice
    assert not re.search(r"safeguarding lead|\bDSL\b|MARF|explicit, informed", advice.advice + " ".join(advice.record))


# ---------------------------------------------------------------- 12.11: smaller items

PF_AGES = {"nottingham_city": 17}  # 003: "Anyone who is 16 or under, or under 18 if the young person has a disability"


@pytest.mark.parametrize("area", AREA_IDS)
def test_private_fostering_applies_only_to_children_under_16_or_18_if_disabled(area):
    """003 Indicators requiring an immediate referral: "Anyone who is 16 or under, or under 18 if the young person
    has a disability, who is being looked after for 28 days or longer by a carer who is not a parent, grand-parent,
    aunt, uncle or sibling." A 17-year-old staying with friends is not privately fostered."""
    items = [i for i in AREAS[area].indicators if "private_fostering" in i.concepts and i.level >= 2]
    assert items
    for item in items:
        assert item.age and item.age.max_years == PF_AGES.get(area, 16), item.id
        assert item.age.max_years_if_disabled == 18, item.id
        assert not age_rule_allows(item.age, ChildContext(age_years=17, mobile=None, duration_days=42))
        assert age_rule_allows(item.age, ChildContext(age_years=15, mobile=None, duration_days=42))


def test_both_cfss_numbers_are_shown_wherever_cfss_appears():
    """001 CFSS: "calling 01604 526963" (line 723) and the CFSS table "or call 01604 526936" (lines 747, 751)."""
    area = AREAS["northamptonshire"]
    cfss = next(r for r in area.routes if r.id == "nh-cfss-partnership-support")
    contact = contact_for(area, cfss)
    assert phones_text(contact) == "01604 526963 or 01604 526936"
    assert "01604 526963 or 01604 526936" in cfss.how
    text = seed_text("northamptonshire", "nh-rhrt")
    assert "01604 526963" in text and "01604 526936" in text


def test_the_mis_graded_items_carry_the_seeds_levels():
    """000 Appendix 1 Emotional Health, Level 2 column: "Low self esteem" (line 1038; "Very poor self-esteem" is
    level 3, line 1119); 004 Parental and family factors, Meeting the emotional needs, Level 4: "The child has a
    mental health condition which cannot be managed in the home environment"."""
    by_text: Dict[str, List[int]] = {}
    for area in ("northamptonshire", "bedford_borough"):
        for item in AREAS[area].indicators:
            by_text.setdefault(item.text, []).append(item.level)
    assert by_text["Low self esteem"] == [2]
    assert by_text["The child has a mental health condition which cannot be managed in the home environment."] == [4]


# ---------------------------------------------------------------- 12.14: dated guidance

@pytest.mark.parametrize("area", AREA_IDS)
def test_every_area_has_the_date_of_each_of_its_guidance_documents(area):
    """Each area file's documents record the date as the document states it (e.g. 000: "Revised NSCP Threshold
    Guidance 11/4/2022 FINAL"; 004: "Revised July 2015")."""
    dated = guidance_date(AREAS[area])
    for doc in AREAS[area].documents:
        assert doc.published in dated
