"""The consent reason is decided once, with the consent advice, and the advice log copies it (issue 16)."""

from __future__ import annotations

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.engine.consent import REASONS
from bot.runtime.evaluate import DEV_SET, load_vignettes


def test_every_dev_advice_carries_a_reason_that_agrees_with_its_decision():
    for vignette in load_vignettes(DEV_SET):
        consent = assess(Case(**vignette["case"])).consent
        assert consent.reason in REASONS, (vignette["id"], consent.reason)
        if consent.reason.startswith(("consent_needed", "significant_harm_seek")):
            assert consent.needed and consent.tell_parents, vignette["id"]
        if "do_not_tell" in consent.reason:
            assert not consent.tell_parents, vignette["id"]


def test_the_reason_names_who_said_telling_is_risky():
    case = Case(area="Norwich", age="9", role="professional", scale=2, consent_risky=True,
                worried="She told me her stepdad hits her with a belt.")
    assert assess(case).consent.reason == "significant_harm_do_not_tell:user_said_risky"


def test_a_lower_level_reason_keeps_the_consent_answer_and_out_of_area_is_national():
    case = Case(area="Kettering", age="7", role="professional", scale=6, consent="given",
                worried="He often comes in without a coat and mum has been struggling since the baby.")
    advice = assess(case)
    assert advice.level < 4 and advice.consent.reason == "consent_needed:given"
    assert assess(Case(area="Leeds", age="7", worried="He is hungry.")).consent.reason == "national_position"
