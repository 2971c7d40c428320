"""Nottingham City asks for a parent's permission even at significant harm, unless that is unsafe (issue 11).

003 line 117 (The Role of Designated Safeguarding Leads): "Permission to share information with the City MASH
should always be sought from an adult with parental responsibility for the child / young person before passing
information about them to Children's Social Care, UNLESS seeking permission would place the child at immediate
risk of significant harm or may lead to the loss of evidence, for example destroying evidence of a crime or
influencing a child about a disclosure made." 003 line 130: "Services cannot accept a referral without consent,
unless there are safeguarding concerns whereby there is a statutory duty to intervene and seeking consent may put
the child at further risk or cause a delay"; and "information may be shared without consent" where there is
significant harm, so a refusal does not stop the referral.
"""

from bot.engine.advice import Citation, MatchedIndicator
from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.consent import consent_advice
from bot.guidance.loader import cached_areas
from bot.storage.audit.log import RATIONALES, consent_rationale

CITY = cached_areas()["nottingham_city"]
SOURCE = Citation(document="d", title="t", section="s", seed="x")


def ind(concept: str) -> MatchedIndicator:
    return MatchedIndicator(id=f"x-{concept}", text="t", level=4, domain="child_development", subdomain="s",
                            s47=True, source=SOURCE, matched="w", concept=concept, label=concept)


def test_permission_is_sought_at_significant_harm_when_asking_is_safe():
    advice = consent_advice(CITY, 4, Case(), [ind("injury_nonmobile_baby")])
    assert advice.needed and advice.tell_parents
    assert "seek permission" in advice.advice and "UNLESS" not in advice.advice.split(".")[0]
    assert advice.source is not None and "Designated Safeguarding Leads" in advice.source.section
    assert "Whether you sought permission" in advice.record[0]


def test_a_refusal_or_a_delay_does_not_stop_the_referral():
    refused = consent_advice(CITY, 4, Case(consent="refused"), [ind("neglect")])
    assert "may be shared without consent" in refused.advice and "refer today" in refused.advice
    unasked = consent_advice(CITY, 4, Case(), [ind("neglect")])
    assert "do not let asking delay the referral" in unasked.advice


def test_the_seeds_unless_still_holds_no_asking_when_it_is_unsafe_or_could_lose_evidence():
    for case, concept in ((Case(consent_risky=True), "neglect"), (Case(), "fgm"), (Case(), "sexual_abuse"),
                          (Case(danger_now=True), "neglect")):
        advice = consent_advice(CITY, 4, case, [ind(concept)])
        assert not advice.needed, (case, concept)


def test_other_areas_do_not_ask_at_significant_harm():
    for area in ("norfolk", "bedford_borough", "northamptonshire"):
        assert not consent_advice(cached_areas()[area], 4, Case(), [ind("neglect")]).needed, area


def test_the_whole_assessment_and_the_audit_code_carry_the_same_decision():
    advice = assess(Case(area="Bulwell", age="4 months", role="professional",
                         worried="Baby has a bruise on her cheek, she isn't crawling or rolling yet.", scale=4))
    assert advice.s47 and advice.consent.needed
    code = consent_rationale(advice)
    assert code == "significant_harm_seek_permission:not_asked" and code in RATIONALES
