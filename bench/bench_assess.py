"""Benchmark: `assess` per case once loaded, beside a reference measured in the same run.

The reference is the cheapest thing every assessment must do anyway: running our
spaCy pipeline over the same answers. The target (issue: under 50 ms per case) is
reported, never asserted.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.engine.assess import assess, get_engine  # noqa: E402
from bot.engine.case import Case  # noqa: E402
from bot.language.ranker import get_ranker  # noqa: E402
from bot.runtime.evaluate import load_vignettes  # noqa: E402

TARGET_MS = 50.0
ROUNDS = 3


def timed(fn, items) -> list:
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> int:
    cases = [Case.parse_obj(v["case"]) for v in load_vignettes()]
    engine = get_engine()
    for case in cases[:5]:
        assess(case)  # warm caches
    ranker = get_ranker()
    ours, ref = [], []

    def fresh_assess(case: Case) -> None:
        if ranker:
            ranker._queries.clear()  # every case pays for its own sentence vectors
        assess(case)

    for _ in range(ROUNDS):
        ours += timed(fresh_assess, cases)
        ref += timed(lambda c: [engine.matcher.parse(t) for t in (c.worried, c.working_well, c.needs)], cases)
    p50, p95 = statistics.median(ours), sorted(ours)[int(len(ours) * 0.95)]
    r50 = statistics.median(ref)
    print(f"assess per case: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(ours)} runs")
    print(f"reference (spaCy pipeline over the same answers): p50 {r50:.2f} ms")
    print(f"ratio assess/reference p50: {p50 / r50:.1f}x")
    print(f"target {TARGET_MS:.0f} ms per case: p50 is {p50 / TARGET_MS:.2f}x the target "
          f"({'within' if p50 <= TARGET_MS else 'OVER'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
