"""Ages, scales and durations as people type them."""

import pytest

from bot.language.parsing import parse_age_years, parse_duration_days, parse_scale


@pytest.mark.parametrize("text, years", [
    ("14", 14.0), ("nine", 9.0), ("4 months", 0.333), ("6 weeks", 0.115), ("newborn", 0.0),
    ("2 and a half years", 2.5), ("14 years old", 14.0), ("3mths", 0.25), ("he is 7", 7.0),
    ("she is 15 and", 15.0), ("twelve year old", 12.0), (9, 9.0), (0.5, 0.5),
])
def test_age(text, years):
    assert parse_age_years(text) == pytest.approx(years, abs=0.001)


@pytest.mark.parametrize("text", ["19", "-1", "", "old", None, True, 25])
def test_age_rejects_non_child_ages(text):
    assert parse_age_years(text) is None


@pytest.mark.parametrize("text, value", [
    ("7", 7), ("seven", 7), ("about a 3", 3), ("7/10", 7), ("3 out of 10", 3), ("0", 0), ("10", 10),
    ("maybe 4", 4), (5, 5),
])
def test_scale(text, value):
    assert parse_scale(text) == value


@pytest.mark.parametrize("text", ["11", "-2", "lots", "", "7.5", True, None, "twenty"])
def test_scale_rejects(text):
    assert parse_scale(text) is None


def test_duration_takes_longest_stated():
    assert parse_duration_days("staying with a family friend for six weeks, before that 3 days") == 42
    assert parse_duration_days("no duration here") is None
