"""`python -m bot.runtime.evaluate [DEV_SET]`: how the engine does on the fictional vignettes.

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

from bot.engine.assess import assess
from bot.engine.case import Case
from bot.settings import TESTS_DIR

TESTS = TESTS_DIR
DEV_SET = TESTS / "data" / "dev_set.yml"
# Every set that was tuned on (training data, reported as such) and the one reserved set, read once at the
# end of a change and reported whatever it scores (README). The blind sets were written by helpers who read
# only the seeds (tests/blind/README.md).
TUNING_SETS = {"dev_set": DEV_SET, "dev_set_2": TESTS / "data" / "dev_set_2.yml",
               "blind_a_shorthand": TESTS / "blind" / "set_a_shorthand.yml",
               "blind_b_public": TESTS / "blind" / "set_b_public.yml",
               # Reserved until its one reading on 2026-12-05; a tuning set since (tests/blind/README.md).
               "blind_c_teachers": TESTS / "blind" / "reserved_teachers.yml",
               # Reserved until its one reading on 2026-12-06 (at 02ac75a); a tuning set since.
               "blind_d_mixed": TESTS / "blind" / "reserved_mixed.yml",
               # Reserved until its one reading on 2026-12-06 (at 4a1f9c4: 62.0% exact, 13 under); tuning since.
               "blind_e_winter": TESTS / "blind" / "reserved_winter.yml",
               # Reserved until its one reading on 2026-12-06 (at d7bd607: 61.0% exact, 16 under); tuning since.
               "blind_f_next": TESTS / "blind" / "reserved_next.yml",
               # Reserved until its one reading on 2026-12-06 (at 364361e: 69.0% exact, 10 under); tuning since.
               "blind_g_after": TESTS / "blind" / "reserved_after.yml",
               # Reserved until its one reading on 2026-12-06 (at 787e955: 71.0% exact, 7 under); tuning since.
               "blind_h_final": TESTS / "blind" / "reserved_final.yml",
               # Reserved until its one reading on 2026-12-07 (at db741d0: 64.0% exact, 10 under); tuning since.
               "blind_i_dec": TESTS / "blind" / "reserved_dec.yml",
               # Reserved until its one reading on 2026-12-07 (at 9d39349: 74.0% exact, 7 under); tuning since.
               "blind_j_late": TESTS / "blind" / "reserved_late.yml",
               # Reserved until its one reading on 2026-12-07 (at 047a69d: 67.0% exact, 6 under, 5 L4); tuning since.
               "blind_k": TESTS / "blind" / "reserved_k.yml",
               # Reserved until its one reading on 2026-12-07 (at 0e13941: 65.0% exact, 7 under, 5 L4); tuning since.
               "blind_l": TESTS / "blind" / "reserved_l.yml",
               # Reserved until its one reading on 2026-12-07 (at 7294a70: 70.0% exact, 10 under, 7 L4); tuning since.
               "blind_m": TESTS / "blind" / "reserved_m.yml",
               # Reserved until its one reading on 2026-12-07 (67.0% exact, 10 under, 7 L4, before its fixes); tuning
               # since.
               "blind_n": TESTS / "blind" / "reserved_n.yml",
               # Reserved until its one reading on 2026-12-07 (at 1b4e05a: 73.0% exact, 4 under, 3 L4); tuning since.
               "blind_o": TESTS / "blind" / "reserved_o.yml",
               # Reserved until its one reading on 2026-12-07 (at 5664fb9: 65.0% exact, 10 under, 3 L4); tuning since.
               "blind_p": TESTS / "blind" / "reserved_p.yml",
               # Written for tuning and read once, blind, on 2026-12-07 (at 15bb41b: 68.0% exact, 14 under, 9 L4).
               "blind_r": TESTS / "blind" / "reserved_r.yml",
               # Reserved until its one reading on 2026-12-07 (at 3be35ff: 73.0% exact, 9 under, 6 L4); tuning since.
               "blind_q": TESTS / "blind" / "reserved_q.yml",
               # Written for tuning and read once, blind, on 2026-12-07 (at ac3030c: 76.0% exact, 5 under, 3 L4).
               "blind_t": TESTS / "blind" / "reserved_t.yml",
               # Reserved until its one reading on 2026-12-07 (at 7e2c958: 58.0% exact, 6 under, 4 L4, 36% over).
               "blind_s": TESTS / "blind" / "reserved_s.yml",
               # Reserved until its one reading on 2026-12-08 (at 5bb524b: 71.0% exact, 6 under, 2 L4, 23% over).
               "blind_u": TESTS / "blind" / "reserved_u.yml"}
# The reserved set, written by a seeds-only helper, copied in unread and read once (tests/blind/README.md). After
# its reading it joins TUNING_SETS before the next engine change, and a new reserved set is written; where no file
# exists, --reserved says so instead of scoring a tuning set.
RESERVED_SET = TESTS / "blind" / "reserved_v.yml"
RESERVED_LABEL = "reserved: V"
# The engine's tuned knobs, chosen on the tuning sets; leave-one-area-out re-chooses them without the area.
GRID = {("bot.engine.indicators", "SCALE_SUPPORTS_STEP"): (4, 5, 6),
        ("bot.engine.recall_use", "APPLY_SCORE"): (0.6, 0.7, 0.8)}


@dataclass
class Outcome:
    id: str
    expected: Dict[str, Any]
    level: Optional[int]
    route: str
    s47: bool
    consent_needed: bool
    tell_parents: bool
    role: str = "professional"

    @property
    def out_of_area(self) -> bool:
        """Expected outside the covered areas: `out_of_area: true`, or (later sets) a null level and route."""
        exp = self.expected
        return bool(exp.get("out_of_area") or ("level" in exp and exp.get("level") is None
                                                and exp.get("route") is None))

    @property
    def out_of_area_ok(self) -> bool:
        return self.level is None and self.route in ("national_fallback", "999")

    @property
    def level_ok(self) -> bool:
        if self.out_of_area:
            return self.out_of_area_ok
        return self.level == self.expected.get("level")

    @property
    def route_ok(self) -> bool:
        if self.out_of_area:
            return self.out_of_area_ok
        return self.route == self.expected.get("route")

    @property
    def consent_scored(self) -> bool:
        """Consent is scored where the seeds' consent sections make it a decision: a professional's referral or
        sharing at levels 2-4 in a covered area. At level 1 nothing is referred, and the public are bound by no
        consent rule; the blind sets' writers differ there only by convention (tests/blind/README.md)."""
        exp = self.expected
        return (not self.out_of_area and "consent_needed" in exp and self.role == "professional"
                and (exp.get("level") or 0) >= 2)

    @property
    def consent_ok(self) -> bool:
        exp = self.expected
        if not self.consent_scored:
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
        """The share of outcomes with ``attr`` true; consent over the outcomes where it is scored."""
        scored = [o for o in self.outcomes if attr != "consent_ok" or o.consent_scored]
        return sum(getattr(o, attr) for o in scored) / max(len(scored), 1)

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
    """Each vignette through ``assess``, exactly as the CLI would."""
    report = Report()
    for item in vignettes:
        advice = assess(Case.parse_obj(item["case"]))
        report.outcomes.append(Outcome(id=item["id"], expected=item["expect"], level=advice.level,
                                       route=advice.route, s47=advice.s47, consent_needed=advice.consent.needed,
                                       tell_parents=advice.consent.tell_parents,
                                       role=item["case"].get("role", "professional")))
    return report


def summary(name: str, report: Report) -> str:
    level4_under = sum(1 for o in report.under if o.expected.get("level") == 4)
    return (f"{name:28} {len(report.outcomes):>4} {report.rate('level_ok'):>7.1%} {report.rate('route_ok'):>7.1%} "
            f"{report.rate('consent_ok'):>8.1%} {len(report.under):>6} {level4_under:>6} {len(report.over):>5} "
            f"{len(report.over) / max(len(report.outcomes), 1):>7.1%}")


HEADER = (f"{'set':28} {'n':>4} {'exact':>7} {'route':>7} {'consent':>8} {'under':>6} {'L4und':>6} {'over':>5} "
          f"{'over%':>7}")


AREA_TOKENS = ("nh", "nfk", "ncity", "bed", "out")


def area_token(vignette_id: str) -> str:
    """The area part of a vignette id: "nh-l4-..." or, in sets that prefix their ids, "m-nh-l4-..."."""
    parts = vignette_id.split("-")
    return next((part for part in parts[:2] if part in AREA_TOKENS), parts[0])


def _area_token(outcome: Outcome) -> str:
    return area_token(outcome.id)


def leave_one_area_out(vignettes: List[Dict[str, Any]]) -> Dict[str, Report]:
    """For each area: choose the tuned knobs on the other three areas' vignettes (fewest under-triaged, then
    most exact), then score the held-out area with them. Out-of-area vignettes are left out."""
    import importlib
    import itertools

    modules = {name: importlib.import_module(name) for name, _ in GRID}
    saved = {(m, a): getattr(modules[m], a) for m, a in GRID}
    runs: Dict[tuple, List[Outcome]] = {}
    try:
        for values in itertools.product(*GRID.values()):
            for (module, attr), value in zip(GRID, values, strict=True):
                setattr(modules[module], attr, value)
            runs[values] = [o for o in evaluate(vignettes).outcomes if not o.out_of_area]
    finally:
        for (module, attr), value in saved.items():
            setattr(modules[module], attr, value)
    reports: Dict[str, Report] = {}
    for area in sorted({_area_token(o) for o in next(iter(runs.values()))}):
        def score(values: tuple, area: str = area) -> tuple:
            rest = [o for o in runs[values] if _area_token(o) != area]
            return (sum(o.under_triage for o in rest), -sum(o.level_ok for o in rest))
        best = min(runs, key=score)
        reports[area] = Report([o for o in runs[best] if _area_token(o) == area])
    return reports


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.runtime.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="vignette files (default: the dev set)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every vignette that was not exact")
    parser.add_argument("--tuning", action="store_true", help="every tuning set, side by side")
    parser.add_argument("--loao", action="store_true", help="leave-one-area-out over the tuning sets")
    parser.add_argument("--reserved", action="store_true", help="the reserved blind set (read it once, at the end)")
    args = parser.parse_args(argv)
    if args.tuning or args.loao or args.reserved:
        print(HEADER)
        if args.tuning:
            for name, path in TUNING_SETS.items():
                print(summary(f"tuning: {name}", evaluate(load_vignettes(path))))
        if args.reserved and not RESERVED_SET.exists():
            print(f"{RESERVED_LABEL}: no reserved set at {RESERVED_SET.relative_to(TESTS.parent)}; every blind set has "
                  "been read and tuned on (tests/blind/README.md)")
        elif args.reserved:
            print(summary(RESERVED_LABEL, evaluate(load_vignettes(RESERVED_SET))))
        if args.loao:
            pooled = [v for path in TUNING_SETS.values() for v in load_vignettes(path)]
            for area, report in leave_one_area_out(pooled).items():
                print(summary(f"leave-out: {area}", report))
        return 0
    for path in args.sets or [DEV_SET]:
        report = evaluate(load_vignettes(path))
        print(report.render(verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
