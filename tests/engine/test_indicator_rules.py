"""Rules that pick among a concept's level variants: frequency, counts, life threat, injury words."""

from __future__ import annotations

from bot.engine.indicators import (
    REPEATED,
    ChildContext,
    _severity,
    apply_age_rules,
    attendance_hit,
    indicator_frequency,
    whole_sentence,
)
from bot.engine.injury_words import INJURY_WORDS
from bot.engine.life_threat import LIFE_THREAT


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
    from bot.language.matcher import get_matcher
    from bot.language.patterns import MAX_GAP, MAX_LONG_GAP, compile_pattern, max_length

    matcher = get_matcher()
    tokens = compile_pattern(matcher.nlp, "told ~ touched")[0]
    assert len(tokens) == 3 and tokens[1]["OP"] == "*"
    assert max_length("dad ... hit ~ her") == 3 + MAX_GAP + MAX_LONG_GAP
    from bot.guidance.models import ConceptLexicon
    from bot.language.matcher import ConceptMatcher

    tiny = ConceptMatcher(matcher.nlp, ConceptLexicon(schema_version=1, concepts=[
        {"id": "hit", "label": "hitting", "patterns": ["dad ... hit"]}]))
    near = "dad " + "really " * MAX_GAP + "hit her"
    far = "dad " + "really " * (MAX_GAP + 1) + "hit her"
    assert [h.concept for h in tiny.find(near)] == ["hit"]
    assert tiny.find(far) == []
    assert tiny.find("dad was cross. hit her") == []  # a gap never crosses a sentence


def test_answers_accumulate_as_separate_sentences_and_are_never_counted_twice():
    """A repeated answer joined without a full stop once hid a disclosure from the mid-form red-flag check."""
    from bot.features.conversation import append_text, case_from_slots
    from bot.features.red_flag_check import check_urgent

    assert append_text("he is hungry", "mum drinks") == "he is hungry. mum drinks."
    said = "she said her stepdad touches her"
    slots = {"triage_area": "Norwich", "triage_role": "professional", "child_age": "9", "sos_worried": said}
    assert case_from_slots(slots, extra_worry=said).worried == said
    urgency = check_urgent(slots, said)
    assert urgency is not None and urgency.s47


def test_the_mid_form_check_skips_the_assessment_only_when_no_rule_could_fire():
    from bot.engine.red_flags import could_flag_without_a_hit as could_raise_a_flag_without_a_hit
    from bot.features.red_flag_check import check_urgent

    assert not could_raise_a_flag_without_a_hit("Norwich")
    assert could_raise_a_flag_without_a_hit("there's a mark on her cheek")
    assert could_raise_a_flag_without_a_hit("she could have died")
    baby = {"triage_area": "Norwich", "child_age": "3 months", "child_mobile": False}
    assert check_urgent(baby, "no") is None
    assert check_urgent(baby, "there is a bruise on her cheek").s47


def test_everyday_repetition_and_collapse_are_severity_cues():
    assert REPEATED.search("third time this month she hasn't come home")
    assert _severity(set(), "mum keeps telling her she wishes she'd never been born") == 1
    assert _severity(set(), "twice I've visited and she's been slurring and then passed out") == 1
    assert _severity(set(), "it's been going on for ages") == 1
    assert _severity({"sometimes"}, "he sometimes forgets his PE kit") == -1
    assert _severity(set(), "he keeps to himself at lunch") == 0


def test_a_threat_to_kill_the_child_in_reported_speech_is_a_life_threat():
    assert LIFE_THREAT.search("last week mum said she'd 'kill her' if she told anyone")
    assert LIFE_THREAT.search("dad said he'll kill him")
    assert not LIFE_THREAT.search("she'd love to go to the party")


def test_attendance_below_90_percent_is_a_poor_attendance_worry():
    hit = attendance_hit("He's only been in 81% of the time this year. Mum rings in most Mondays.")
    assert hit is not None and hit.concept == "poor_attendance" and hit.words == "81%"
    assert attendance_hit("Attendance is 86.5% this term") is not None
    assert attendance_hit("Attendance is 97% and she is happy") is None
    assert attendance_hit("She got 85% in her maths test at school") is None


def test_attendance_percentage_rule_adds_a_hit_only_when_none_was_found():
    child = ChildContext(age_years=8, mobile=None, duration_days=None)
    added = apply_age_rules([], child, "Attendance is 78%.")
    assert [h.concept for h in added] == ["poor_attendance"]
    assert apply_age_rules([], child, "Attendance is 98%.") == []


def test_everyday_reassurance_is_a_mildness_cue():
    assert _severity(set(), "his parents have split up but they get on and he sees both of them") == -1
    assert _severity(set(), "mum and dad separated but it's all very friendly") == -1
    assert _severity(set(), "they get on but dad keeps telling her she's useless") == 1  # severity wins
