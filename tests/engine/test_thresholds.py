"""Per-rule tests for the threshold rules: they only ever raise the level."""

from typing import List

from bot.engine.advice import Citation, MatchedIndicator
from bot.engine.thresholds import decide_level

SOURCE = Citation(document="d", title="T", section="s", seed="x.txt")


def ind(level: int, domain: str = "child_development", s47: bool = False, ident: str = "") -> MatchedIndicator:
    return MatchedIndicator(id=ident or f"i{level}{domain}", text=f"text {level} {domain} {ident}", level=level,
                            domain=domain, subdomain="x", s47=s47, source=SOURCE, matched="w", concept="c",
                            label="l")


def test_danger_is_level_4_immediate():
    decision = decide_level([], scale=8, danger_now=True, protective=True)
    assert (decision.level, decision.immediate_danger, decision.s47) == (4, True, True)
    assert "999" in decision.reasons[0]


def test_any_s47_is_level_4_even_with_high_scale_and_protection():
    decision = decide_level([ind(1), ind(4, s47=True)], scale=10, danger_now=False, protective=True)
    assert (decision.level, decision.s47) == (4, True)


def test_highest_indicator_level_wins():
    assert decide_level([ind(1), ind(3), ind(2)], scale=8, danger_now=False, protective=True).level == 3


def test_several_level2_across_domains_consider_level3():
    items: List[MatchedIndicator] = [ind(2, "child_development", ident="a"), ind(2, "parenting_capacity", ident="b"),
                                     ind(2, "family_environment", ident="c")]
    assert decide_level(items, scale=7, danger_now=False, protective=True).level == 3


def test_level2_in_one_domain_stays_level2():
    items = [ind(2, "child_development", ident=str(n)) for n in range(3)]
    assert decide_level(items, scale=7, danger_now=False, protective=True).level == 2


def test_low_scale_raises_never_lowers():
    assert decide_level([ind(2)], scale=2, danger_now=False, protective=True).level == 3
    assert decide_level([ind(1)], scale=3, danger_now=False, protective=True).level == 2
    high = decide_level([ind(3)], scale=10, danger_now=False, protective=True)
    assert high.level == 3


def test_low_scale_with_nothing_matched_still_gets_a_consultation_level():
    decision = decide_level([], scale=1, danger_now=False, protective=False)
    assert decision.level == 3


def test_level3_with_protection_and_high_scale_stays_3():
    assert decide_level([ind(3), ind(3, "family_environment")], scale=7, danger_now=False,
                        protective=True).level == 3


def test_many_level3_across_domains_prompt_a_front_door_conversation():
    items = [ind(3, "child_development", ident="a"), ind(3, "parenting_capacity", ident="b"),
             ind(3, "family_environment", ident="c")]
    decision = decide_level(items, scale=5, danger_now=False, protective=True)
    assert decision.level == 3 and any("front door" in r for r in decision.reasons)


def test_complex_needs_with_a_score_of_0_or_1_and_no_protection_rise_to_4():
    decision = decide_level([ind(3)], scale=1, danger_now=False, protective=False)
    assert decision.level == 4 and not decision.s47


def test_nothing_and_no_scale_is_level_1_not_nothing():
    decision = decide_level([], scale=None, danger_now=False, protective=False)
    assert decision.level == 1 and decision.reasons


def test_worried_but_nothing_matched_is_level_2_with_advice_to_talk_it_through():
    decision = decide_level([], scale=7, danger_now=False, protective=True)
    assert decision.level == 2
    assert any("advice" in reason and "designated safeguarding lead" in reason for reason in decision.reasons)
    only_level1 = decide_level([ind(1)], scale=5, danger_now=False, protective=True)
    assert only_level1.level == 2


def test_not_worried_and_nothing_matched_stays_universal():
    assert decide_level([], scale=8, danger_now=False, protective=True).level == 1
    assert decide_level([ind(1)], scale=9, danger_now=False, protective=False).level == 1
    assert decide_level([], scale=None, danger_now=False, protective=False).level == 1
