"""Coverage of the seeds' matrices: which matrix lines are found in some encoded indicator.

A seed line counts as covered when its words appear, in order, inside the
words of an indicator of the same area (current or history). Headings listed in
the file's ``matrices`` are not indicator lines and are not counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

from bot.guidance.models import AreaGuidance

SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"
_WORD = re.compile(r"[a-z0-9]+")
_NOISE = re.compile(r"^[\W\d_]*$")


def words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("’", "'")))


@dataclass
class SeedCoverage:
    seed: str
    lines: int = 0
    covered: int = 0
    missing: List[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.covered / self.lines if self.lines else 0.0


def coverage(areas: Dict[str, AreaGuidance], seeds_dir: Path = SEEDS_DIR) -> Dict[str, SeedCoverage]:
    report: Dict[str, SeedCoverage] = {}
    for area in areas.values():
        haystack = " | ".join(words(i.text) for i in area.indicators + area.history)
        seeds = {d.id: d.seed for d in area.documents}
        for matrix in area.matrices:
            seed = seeds[matrix.document]
            result = report.setdefault(seed, SeedCoverage(seed))
            text = (seeds_dir / seed).read_text(encoding="utf-8").splitlines()
            headings = {words(h) for h in matrix.headings}
            start, end = matrix.lines
            for number in range(start, end + 1):
                line = words(text[number - 1]) if number - 1 < len(text) else ""
                if not line or _NOISE.match(line) or line in headings:
                    continue
                result.lines += 1
                if line in haystack:
                    result.covered += 1
                else:
                    result.missing.append(f"{seed}:{number}: {text[number - 1].strip()}")
    return report
