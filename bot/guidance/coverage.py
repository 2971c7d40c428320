"""Coverage of the seeds' matrices: which matrix lines are found in some encoded indicator.

A seed line counts as covered when its words appear, in order, inside the
words of an indicator of the same area (current or history). Headings listed in
the file's ``matrices`` are not indicator lines and are not counted.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

from bot.guidance.models import AreaGuidance
from bot.settings import SEEDS_DIR

_WORD = re.compile(r"[a-z0-9]+")
_NOISE = re.compile(r"^[\W\d_]*$")
_CELL_BREAK = re.compile(r"\t| {2,}|•|▪|</?(?:li|p|ul|br)\b[^>]*>", re.I)
_LEVEL_HEADER = re.compile(r"^(level|tier) [1-4] (children|child|families)\b")
_TAG = re.compile(r"<[^>]+>")


def cells(line: str) -> List[str]:
    """A seed line split into its table cells / list items (tab- or HTML-separated), tags removed."""
    return [html.unescape(_TAG.sub(" ", part)) for part in _CELL_BREAK.split(line)]


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


def _two_columns(line: str, haystack: str) -> bool:
    """PDF extraction can put the ends of two table columns on one line: both halves encoded counts.

    The seam can fall inside a word when a hyphenated line break meets the next column
    ("self-" + "significant range" -> "selfsignificant range").
    """
    parts = line.split()
    if any(" ".join(parts[:k]) in haystack and " ".join(parts[k:]) in haystack for k in range(1, len(parts))):
        return True
    for k, word in enumerate(parts[1:-1], start=1):  # whole words on both sides of the seam
        for j in range(2, len(word) - 1):
            left = " ".join(parts[:k] + [word[:j]])
            right = " ".join([word[j:]] + parts[k + 1:])
            if left in haystack and right in haystack:
                return True
    return False


def coverage(areas: Dict[str, AreaGuidance], seeds_dir: Path = SEEDS_DIR) -> Dict[str, SeedCoverage]:
    report: Dict[str, SeedCoverage] = {}
    for area in areas.values():
        texts = [i.text for i in area.indicators + area.history]
        texts += [i.source.quote for i in area.indicators + area.history if i.source.quote]
        haystack = " | ".join(words(html.unescape(t)) for t in texts)
        seeds = {d.id: d.seed for d in area.documents}
        for matrix in area.matrices:
            seed = seeds[matrix.document]
            result = report.setdefault(seed, SeedCoverage(seed))
            text = (seeds_dir / seed).read_text(encoding="utf-8").splitlines()
            # Sub-domain names are the matrices' row headings, not indicators.
            headings = {words(c) for h in matrix.headings for c in cells(h)}
            headings |= {words(i.subdomain) for i in area.indicators}
            start, end = matrix.lines
            for number in range(start, end + 1):
                raw = text[number - 1] if number - 1 < len(text) else ""
                for cell in cells(raw):
                    line = words(cell)
                    if not line or _NOISE.match(line) or line in headings or _LEVEL_HEADER.match(line):
                        continue
                    result.lines += 1
                    if line in haystack or _two_columns(line, haystack):
                        result.covered += 1
                    else:
                        result.missing.append(f"{seed}:{number}: {cell.strip()[:160]}")
    return report
