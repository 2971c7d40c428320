"""Consent rules: explicit consent at levels 1-3; at level 4 consent is not needed and parents are normally told,
except where telling them could endanger the child or an investigation."""

from bot.engine.advice import Citation, MatchedIndicator
from bot.engine.case import Case
from bot.engine.consent import consent_advice
from bot.guidance.loader import cached_areas

AREA = cached_areas()["nottingham_city"]
SOURCE = Citation(document="d", title="t", section="s", seed="x")


def ind(concept: str, level: int = 4, s47: bool = True) -> MatchedIndicator:
    return MatchedIndicator(id=f"x-{concept}", text="t", level=level, domain="child_development", subdomain="s",
                            s47=s47, source=SOURCE, matched="w", concept=concept, label=concept)


def test_levels_1_to_3_need_explicit_consent_and_say_what_to_record():
    advice = consent_advice(AREA, 2, Case(consent="not_asked"), [])
    assert advice.needed and advice.tell_parents
    assert "consent" in advice.advice.lower()
    assert any("efforts" in r for r in advice.record)


def test_refusal_is_recorded_and_not_on_its_own_a_reason_to_escalate():
    advice = consent_advice(AREA, 3, Case(consent="refused"), [])
    assert advice.needed
    assert "not on its own a reason to escalate" in advice.advice


def test_young_person_can_consent_from_the_areas_age():
    """Issue 12.8: Northamptonshire asks a young person over 13 as well as the parents, not instead (001 Guidance
    for consent: "Parents should always agree to any referral for services ... Consent from Young People over 13
    should be gained where they are able to make a decision to give their agreement"). The old assertion that a
    14-year-old "can give their own consent" was wrong."""
    area = cached_areas()["northamptonshire"]
    advice = consent_advice(area, 2, Case(age=14), [])
    assert "Consent from young people over 13" in advice.advice
    assert "Parents should always agree to any referral" in advice.advice
    assert "own consent" not in advice.advice


def test_level_4_consent_not_needed_parents_normally_told():
    """Norfolk (002 Information Sharing): at significant harm consent is not needed. Nottingham City asks for
    permission first (tests/engine/test_consent_seek_permission.py)."""
    advice = consent_advice(cached_areas()["norfolk"], 4, Case(), [ind("injury_nonmobile_baby")])
    assert not advice.needed and advice.tell_parents
    assert any("without consent" in r for r in advice.record)


def test_level_4_do_not_tell_for_fgm_forced_marriage_fii():
    for concept in ("fgm", "forced_marriage", "fabricated_illness"):
        advice = consent_advice(AREA, 4, Case(), [ind(concept)])
        assert not advice.tell_parents, concept
        assert any("rationale" in r.lower() for r in advice.record)


def test_level_4_abuse_by_a_parent_is_not_told_abuse_by_a_stranger_is():
    by_parent = consent_advice(AREA, 4, Case(), [ind("disclosure_abuse")],
                               {"disclosure_abuse": ["she said her stepdad touches her"]})
    by_peer = consent_advice(AREA, 4, Case(), [ind("disclosure_abuse")],
                             {"disclosure_abuse": ["he said a boy at the park hit him"]})
    assert not by_parent.tell_parents and by_peer.tell_parents


def test_user_saying_it_is_risky_is_respected():
    assert not consent_advice(AREA, 4, Case(consent_risky=True), [ind("neglect")]).tell_parents
