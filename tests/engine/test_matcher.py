"""The matcher on plain words: every example sentence finds its concept; negated ones do not; the words are kept."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Tuple

import pytest
import yaml

from bot.language.matcher import get_matcher

EXAMPLES = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "concept_examples.yml")
                          .read_text(encoding="utf-8"))["examples"]


def _cases(kind: str) -> List[Tuple[str, str]]:
    return [(e["concept"], s) for e in EXAMPLES for s in e.get(kind, [])]


def _found(text: str) -> Dict[str, bool]:
    """concept -> negated? (a concept found both negated and not counts as not negated)

    A hit inside its concept's `exclude` ("kicking other children") is kept by the matcher, marked
    `about_others`, for bot/engine/rules/hit_rules to relabel: it does not raise its own concept.
    """
    result: Dict[str, bool] = {}
    for hit in get_matcher().find(text):
        if hit.about_others:
            continue
        result[hit.concept] = result.get(hit.concept, True) and hit.negated
    return result


@pytest.mark.parametrize("concept, sentence", _cases("positive"))
def test_positive_examples_match_their_concept(concept, sentence):
    found = _found(sentence)
    assert found.get(concept) is False, f"{concept!r} not found (active) in {sentence!r}; found {found}"


@pytest.mark.parametrize("concept, sentence", _cases("negative"))
def test_negative_examples_do_not_raise_their_concept(concept, sentence):
    found = _found(sentence)
    assert found.get(concept, True) is True, f"{concept!r} raised by {sentence!r}"


def test_every_concept_has_examples():
    concepts = {c for c, _ in _cases("positive")}
    assert concepts == set(get_matcher().concepts)


@pytest.mark.parametrize("text, concept", [
    ("No bruises seen. She isn't self-harming.", "self_harm"),
    ("There are no signs of neglect at all", "neglect"),
    ("Not aware of any drugs or older lads involved.", "child_sexual_exploitation"),
])
def test_negation_scopes_over_the_match(text, concept):
    assert _found(text).get(concept, True) is True


def test_negation_does_not_reach_across_a_clause():
    hits = [h for h in get_matcher().find("No bruises today but she said her stepdad hits her") if not h.negated]
    assert any(h.concept in ("disclosure_abuse", "physical_abuse") for h in hits)


def test_hedged_worries_are_kept_and_flagged():
    hits = [h for h in get_matcher().find("I think maybe dad is drinking heavily again") if not h.negated]
    assert hits and all(h.hedged for h in hits)


def test_match_keeps_the_users_own_words():
    text = "Mum's new boyfriend hit him with a belt last night."
    hit = next(h for h in get_matcher().find(text) if h.concept == "physical_abuse")
    assert hit.words in text and hit.sentence in text


def test_matches_do_not_join_two_sentences():
    assert "young_carer" not in _found("She's well cared for. Mum is great.")


def test_two_word_kinship_terms_are_one_person():
    """'step-dad', 'step dad' and 'grand dad' reach every pattern written with 'stepdad' / 'grandad'."""
    matcher = get_matcher()
    for text in ("her step-dad hit her", "her step dad hit her", "her stepdad hit her"):
        assert any(h.concept == "physical_abuse" and not h.negated for h in matcher.find(text)), text
    doc = matcher.parse("My grand-dad and my step mum")
    assert [t.lemma_ for t in doc if " " in t.text] == ["grandad", "stepmum"]
    assert doc.text == "my grand dad and my step mum"  # offsets still point into the user's words
    # Only a kinship word after "step" is merged.
    assert all(" " not in t.text for t in matcher.parse("she took one step back"))


def test_a_narrow_concept_also_raises_its_broader_one_with_the_same_words():
    """Areas whose matrices have no eating-disorder (or suicide, or indecent-images) line still see the worry."""
    hits = get_matcher().find("She's making herself sick after every meal")
    concepts = {h.concept: h for h in hits}
    assert "eating_disorder" in concepts and "mental_health_child" in concepts
    assert concepts["mental_health_child"].words == concepts["eating_disorder"].words
    images = {h.concept for h in get_matcher().find("Police found indecent images of children on his laptop")}
    assert {"indecent_images", "sexual_abuse"} <= images
    negated = [h for h in get_matcher().find("She is not suicidal") if h.concept == "mental_health_child"]
    assert negated and all(h.negated for h in negated)


def test_a_negated_attempt_or_wish_is_negated():
    found = _found("She has never tried to kill herself")
    assert found.get("suicidal", True) is True
    assert _found("He doesn't want to hurt himself").get("self_harm", True) is True
    assert _found("He said he wants to kill himself").get("suicidal") is False


def test_quotation_marks_do_not_break_a_pattern_and_offsets_stay_in_the_users_text():
    text = "She told her friend her stepdad 'does things' to her at night. He said \"my dad hits me\"."
    hits = get_matcher().find(text)
    assert {"sexual_abuse", "physical_abuse"} <= {h.concept for h in hits}
    for hit in hits:
        assert text[hit.start:hit.end] == hit.words
        assert hit.sentence in text
    # An apostrophe inside a word is not a quotation mark.
    assert get_matcher().parse("mum's boyfriend doesn't").text == "mum's boyfriend doesn't"


def test_a_redaction_placeholder_reads_as_one_word_like_the_name_it_replaced():
    """Later turns read stored, redacted answers: "[NAME]'s upper arm" must match as "Harriet's upper arm" did."""
    from bot.language.matcher import get_matcher

    raw = get_matcher().find("Noticed a bruise on Harriet's upper arm when she was changing for PE.")
    redacted = get_matcher().find("Noticed a bruise on [NAME]'s upper arm when she was changing for PE.")
    assert [h.concept for h in raw] == [h.concept for h in redacted] == ["unexplained_injury"]
    assert redacted[0].words == "bruise on [NAME]'s upper arm"


@pytest.mark.parametrize("text", ["No money/new phones/gifts, nobody older than 16 in the group.",
                                  "No new phones/gifts."])
def test_a_negation_reaches_along_a_slash_list(text):
    """'No money/new phones/gifts' (set O's youth worker) denies every item, as 'no money, phones or gifts' does."""
    assert _found(text).get("child_sexual_exploitation") is True


def test_a_slash_list_without_a_negation_stays_a_worry():
    assert _found("He has money/new phones/gifts he can't explain.").get("child_sexual_exploitation") is False


def _active(text: str, concept: str) -> bool:
    return any(h.concept == concept and not h.negated and not h.about_others for h in get_matcher().find(text))


@pytest.mark.parametrize("text", [
    "Mum says he won't eat anything else and gives him money for the chippy.",  # pocket money from the family
    "My brother's girlfriend is 30 weeks gone with their first.",  # weeks of a pregnancy, not an age
    "No one's grooming him or owed money that I know of.",  # "no one" is a negation
])
def test_family_money_a_pregnancys_weeks_and_no_one_are_not_exploitation(text):
    assert not _active(text, "child_sexual_exploitation")


@pytest.mark.parametrize("text", ["An older man gives him money and lifts.", "Her boyfriend is 30 and picks her up.",
                                  "No one knows where he goes; a man gives him cash."])
def test_gifts_from_a_man_and_an_adult_partner_stay_exploitation(text):
    assert _active(text, "child_sexual_exploitation")
