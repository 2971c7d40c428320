"""guidance/red_flags.yml promises that each red flag holds in every area we cover, whatever words were used:
every example sentence of every red-flag concept must come out as a section 47 level 4 in every area,
including areas whose matrix tags no item with that concept (the area's section 47 items stand in)."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import pytest
import yaml

from bot.engine.assess import assess, get_engine
from bot.engine.case import Case

ROOT = Path(__file__).resolve().parents[2]
RED_FLAGS = [r["concept"] for r in yaml.safe_load((ROOT / "guidance" / "red_flags.yml").read_text())["red_flags"]]
EXAMPLES: Dict[str, List[str]] = {
    item["concept"]: item.get("positive", [])
    for item in yaml.safe_load((ROOT / "tests" / "data" / "concept_examples.yml").read_text())["examples"]}
PLACES = {"northamptonshire": "Corby", "norfolk": "Norwich", "nottingham_city": "Nottingham",
          "bedford_borough": "Bedford"}
# The age each concept's rule needs (a baby who is not mobile; a child under 13); otherwise a school-age child.
AGE = {"injury_nonmobile_baby": ("3 months", False), "sexual_activity_under13": ("12", None),
       "non_organic_faltering_growth": ("2", None)}


def test_every_red_flag_has_examples_and_every_area_a_place() -> None:
    assert set(PLACES) == set(get_engine().areas)
    assert [c for c in RED_FLAGS if not EXAMPLES.get(c)] == []


@pytest.mark.parametrize("concept", [c for c in RED_FLAGS if c != "immediate_danger"])
@pytest.mark.parametrize("area", sorted(PLACES))
def test_a_red_flag_is_section_47_in_every_area(concept: str, area: str) -> None:
    age, mobile = AGE.get(concept, ("10", None))
    for sentence in EXAMPLES[concept][:2]:
        advice = assess(Case(area=PLACES[area], age=age, mobile=mobile, worried=sentence, scale=5))
        assert advice.level == 4 and advice.s47, (area, concept, sentence, [i.id for i in advice.indicators])
        assert any(i.s47 for i in advice.indicators), "the advice must cite the section 47 item it rests on"


@pytest.mark.parametrize("area", sorted(PLACES))
def test_immediate_danger_is_999_in_every_area(area: str) -> None:
    for sentence in EXAMPLES["immediate_danger"][:2]:
        advice = assess(Case(area=PLACES[area], age="10", worried=sentence, scale=5))
        assert advice.immediate_danger and advice.route == "999" and advice.level == 4, (area, sentence)
