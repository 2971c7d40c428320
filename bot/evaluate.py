"""`python -m bot.evaluate [DEV_SET]`: how the engine does on the fictional vignettes.

Prints exact-level, route and consent accuracy, under- and over-triage counts and
a confusion matrix. Under-triage (advising a lower level than expected) is the
number that must stay at zero.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

from bot.assess import assess
from bot.case import Case

DEV_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "dev_set.yml"


@dataclass
class Outcome:
    id: str
    expected: Dict[str, Any]
    level: Optional[int]
    route: str
    s47: bool
    consent_needed: bool
    tell_parents: bool

    @property
    def out_of_area_ok(self) -> bool:
        return self.level is None and self.route in ("national_fallback", "999")

    @property
    def level_ok(self) -> bool:
        if self.expected.get("out_of_area"):
            return self.out_of_area_ok
        return self.level == self.expected.get("level")

    @property
    def route_ok(self) -> bool:
        if self.expected.get("out_of_area"):
            return self.out_of_area_ok
        return self.route == self.expected.get("route")

    @property
    def consent_ok(self) -> bool:
        exp = self.expected
        if exp.get("out_of_area") or "consent_needed" not in exp:
            return True
        return self.consent_needed == exp["consent_needed"] and self.tell_parents == exp.get("tell_parents",
                                                                                            self.tell_parents)

    @property
    def under_triage(self) -> bool:
        """Advised a lower level than the guidance requires (or no local advice at all)."""
        expected = self.expected.get("level")
        if expected is None:
            return False
        return self.level is None or self.level < expected

    @property
    def s47_missed(self) -> bool:
        """Right level, but the section 47 red flag was not named (the route is the same door)."""
        return bool(self.expected.get("s47")) and not self.s47 and not self.under_triage

    @property
    def over_triage(self) -> bool:
        expected = self.expected.get("level")
        return expected is not None and self.level is not None and self.level > expected


@dataclass
class Report:
    outcomes: List[Outcome] = field(default_factory=list)

    def rate(self, attr: str) -> float:
        return sum(getattr(o, attr) for o in self.outcomes) / max(len(self.outcomes), 1)

    @property
    def under(self) -> List[Outcome]:
        return [o for o in self.outcomes if o.under_triage]

    @property
    def over(self) -> List[Outcome]:
        return [o for o in self.outcomes if o.over_triage]

    def confusion(self) -> Counter:
        return Counter((o.expected.get("level"), o.level) for o in self.outcomes)

    def render(self, verbose: bool = False) -> str:
        lines = [
            f"vignettes:        {len(self.outcomes)}",
            f"exact level:      {self.rate('level_ok'):.1%}",
            f"route:            {self.rate('route_ok'):.1%}",
            f"consent:          {self.rate('consent_ok'):.1%}",
            f"under-triage:     {len(self.under)}",
            f"over-triage:      {len(self.over)}",
            f"s47 not named:    {sum(o.s47_missed for o in self.outcomes)} (level and door right)",
            "",
            "confusion (rows expected, columns advised; - = out of area):",
        ]
        labels = [None, 1, 2, 3, 4]
        counts = self.confusion()
        lines.append("        " + "".join(f"{('-' if c is None else c)!s:>6}" for c in labels))
        for row in labels:
            lines.append(f"{('-' if row is None else row)!s:>6}  " + "".join(f"{counts.get((row, c), 0):>6}"
                                                                            for c in labels))
        if verbose:
            for o in self.outcomes:
                if not (o.level_ok and o.route_ok and o.consent_ok):
                    lines.append(f"  {o.id}: expected {o.expected} got level={o.level} route={o.route} "
                                 f"s47={o.s47} consent_needed={o.consent_needed} tell={o.tell_parents}")
        return "\n".join(lines)


def load_vignettes(path: Path = DEV_SET) -> List[Dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["vignettes"]


def evaluate(vignettes: List[Dict[str, Any]]) -> Report:
    report = Report()
    for item in vignettes:
        advice = assess(Case.parse_obj(item["case"]))
        report.outcomes.append(Outcome(id=item["id"], expected=item["expect"], level=advice.level,
                                       route=advice.route, s47=advice.s47, consent_needed=advice.consent.needed,
                                       tell_parents=advice.consent.tell_parents))
    return report


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("dev_set", nargs="?", type=Path, default=DEV_SET)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every vignette that was not exact")
    args = parser.parse_args(argv)
    report = evaluate(load_vignettes(args.dev_set))
    print(report.render(verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
