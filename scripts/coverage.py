"""Print, per seed, how many matrix lines are encoded as indicators (and which are not)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.guidance.coverage import coverage  # noqa: E402
from bot.guidance.loader import load_areas  # noqa: E402


def main(argv: list[str]) -> int:
    show_missing = "--missing" in argv
    report = coverage(load_areas())
    for seed, result in sorted(report.items()):
        print(f"{seed}: {result.covered}/{result.lines} matrix lines encoded ({result.ratio:.0%})")
        if show_missing:
            for line in result.missing:
                print(f"  missing {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
