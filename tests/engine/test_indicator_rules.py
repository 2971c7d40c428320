"""Rules that pick among a concept's level variants: frequency, counts, life threat, injury words."""

from __future__ import annotations

from bot.indicators import INJURY_WORDS, LIFE_THREAT, REPEATED, _severity, indicator_frequency, whole_sentence


def test_a_count_of_three_or_more_is_a_severity_cue_that_mild_words_do_not_cancel():
    assert _severity({"usually"}, "keeps running off, 4 times this last month, usually overnight") == 1
    assert _severity({"usually"}, "ran off once, usually comes back") == -1
    assert REPEATED.search("gone missing six times") and not REPEATED.search("two times")


def test_indicator_frequency_reads_the_descriptor_wording():
    assert indicator_frequency("Child sometimes comes to school in dirty clothing") == -1
    assert indicator_frequency("Child consistently comes to school in dirty clothing") == 1
    assert indicator_frequency("Developmental delay") == 0


def test_whole_sentence_reaches_past_commas_but_not_full_stops():
    text = "He keeps running off, 4 times this month. Mum is worried."
    start = text.index("running")
    assert whole_sentence(text, start, start + 7) == "He keeps running off, 4 times this month"
    assert whole_sentence("", 0, 0) == ""


def test_life_threat_is_a_threat_to_the_child_not_a_death_in_the_family():
    assert LIFE_THREAT.search("she could have died")
    assert LIFE_THREAT.search("he said he wants to kill himself")
    assert LIFE_THREAT.search("baby stopped breathing and went to intensive care")
    assert not LIFE_THREAT.search("her grandad died three weeks ago")


def test_broken_is_an_injury_word_only_about_a_body():
    assert INJURY_WORDS.search("a broken arm")
    assert INJURY_WORDS.search("she has broken her wrist")
    assert not INJURY_WORDS.search("he has broken a window")
    assert not INJURY_WORDS.search("they broke up and he's broken the door")


def test_gaps_compile_to_one_wildcard_and_keep_their_length_limit():
    """A run of optional tokens per gap made spaCy's Matcher try 2^16 paths per start (50 s per message)."""
    from bot.matcher import MAX_GAP, MAX_LONG_GAP, compile_pattern, get_matcher, max_length

    matcher = get_matcher()
    tokens = compile_pattern(matcher.nlp, "told ~ touched")[0]
    assert len(tokens) == 3 and tokens[1]["OP"] == "*"
    assert max_length("dad ... hit ~ her") == 3 + MAX_GAP + MAX_LONG_GAP
    from bot.guidance.models import ConceptLexicon
    from bot.matcher import ConceptMatcher

    tiny = ConceptMatcher(matcher.nlp, ConceptLexicon(schema_version=1, concepts=[
        {"id": "hit", "label": "hitting", "patterns": ["dad ... hit"]}]))
    near = "dad " + "really " * MAX_GAP + "hit her"
    far = "dad " + "really " * (MAX_GAP + 1) + "hit her"
    assert [h.concept for h in tiny.find(near)] == ["hit"]
    assert tiny.find(far) == []
    assert tiny.find("dad was cross. hit her") == []  # a gap never crosses a sentence


def test_answers_accumulate_as_separate_sentences_and_are_never_counted_twice():
    """A repeated answer joined without a full stop once hid a disclosure from the mid-form red-flag check."""
    from bot.conversation import append_text, case_from_slots, check_urgent

    assert append_text("he is hungry", "mum drinks") == "he is hungry. mum drinks."
    said = "she said her stepdad touches her"
    slots = {"triage_area": "Norwich", "triage_role": "professional", "child_age": "9", "sos_worried": said}
    assert case_from_slots(slots, extra_worry=said).worried == said
    urgency = check_urgent(slots, said)
    assert urgency is not None and urgency.s47


def test_the_mid_form_check_skips_the_assessment_only_when_no_rule_could_fire():
    from bot.conversation import check_urgent, could_raise_a_flag_without_a_hit

    assert not could_raise_a_flag_without_a_hit("Norwich")
    assert could_raise_a_flag_without_a_hit("there's a mark on her cheek")
    assert could_raise_a_flag_without_a_hit("she could have died")
    baby = {"triage_area": "Norwich", "child_age": "3 months", "child_mobile": False}
    assert check_urgent(baby, "no") is None
    assert check_urgent(baby, "there is a bruise on her cheek").s47
