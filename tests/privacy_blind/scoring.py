"""Score the redactor on the blind PII corpus: recall per kind and meaning kept.

Shared by ``tests/engine/test_redaction_blind.py`` (floors) and ``scripts/redaction_score.py`` (the table),
so the number in the docs and the number the test asserts are computed the same way.

- **recall**: a detail counts as caught when none of its identifying words is left in the redacted text.
  Identifying words are the detail's words minus generic ones ("Road", "Mrs", "flat", "dot") and minus words
  the rest of the sentence also uses outside any detail (they would be there anyway). A one- or two-digit
  part ("12" of "12/09/1991", "7" of "number 7") leaks only together with its neighbour in the detail.
- **meaning kept**: a ``keep`` phrase counts as kept when it is still in the redacted text, as written.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

import yaml


def _split(text: str) -> List[str]:
    return text.split()


BLIND_PATH = Path(__file__).resolve().parent / "pii_blind_corpus.yml"
KINDS = ("name", "address", "postcode", "phone", "email", "dob", "nhs_number", "ni_number", "vehicle_reg",
         "handle", "reference", "org")
# Words left beside a placeholder that identify no one ("Mrs [NAME]", "flat [ADDRESS]", "at example dot com").
GENERIC = frozenset(_split("""mr mrs miss ms mx dr and on st the of dob flat number no road rd street lane close
drive way avenue ave grove house court lodge school primary academy college infants junior nursery high rc community
catholic auntie nana reverend pc at dot com co uk org net example site plot pitch caravan chalet family estate
log cad ref"""))


@dataclass
class Score:
    """Counts per kind, and the misses to read."""

    total: Counter = field(default_factory=Counter)
    caught: Counter = field(default_factory=Counter)
    keep_total: Counter = field(default_factory=Counter)
    keep_kept: Counter = field(default_factory=Counter)
    misses: List[str] = field(default_factory=list)
    dropped: List[str] = field(default_factory=list)
    clean_changed: List[str] = field(default_factory=list)

    def recall(self, kind: Optional[str] = None) -> float:
        total = self.total[kind] if kind else sum(self.total.values())
        caught = self.caught[kind] if kind else sum(self.caught.values())
        return caught / total if total else 1.0

    def kept(self, kind: Optional[str] = None) -> float:
        total = self.keep_total[kind] if kind else self.keep_total["all"]
        kept = self.keep_kept[kind] if kind else self.keep_kept["all"]
        return kept / total if total else 1.0


def load(path: Path = BLIND_PATH) -> List[Dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]


def _words(text: str) -> List[str]:
    return [t.lower() for t in re.findall(r"[A-Za-z0-9]+", text)]


def leaked(value: str, text: str, others: List[str], redacted: str) -> bool:
    """True if an identifying word of ``value`` is still in ``redacted``."""
    rest = text
    for other in sorted(others, key=len, reverse=True):
        rest = rest.replace(other, " ")
    elsewhere = set(_words(rest))
    tokens = _words(value)
    out_words = _words(redacted)
    out = set(out_words)
    pairs = set(zip(out_words, out_words[1:], strict=False))
    for k, part in enumerate(tokens):
        if part in GENERIC or part in elsewhere or len(part) < 2:
            continue
        if part.isdigit() and len(part) <= 2 and len(tokens) > 1:
            # "12" of "12/09/1991" is no leak on its own; "number 7" left whole is.
            near = {(tokens[k - 1], part)} if k else set()
            near |= {(part, tokens[k + 1])} if k + 1 < len(tokens) else set()
            if near & pairs:
                return True
        elif part in out:
            return True
    return value in redacted


def score(redact: Callable[[str], Optional[str]], corpus: Optional[List[Dict]] = None) -> Score:
    """Run ``redact`` over the corpus. Meaning kept is counted per detail kind in the sentence, and "none"."""
    result = Score()
    for item in corpus if corpus is not None else load():
        text = item["text"]
        out = redact(text) or ""
        values = [p["text"] for p in item["pii"]]
        for span in item["pii"]:
            result.total[span["kind"]] += 1
            if leaked(span["text"], text, values, out):
                result.misses.append(f"{item['id']} {span['kind']}: {span['text']!r} -> {out!r}")
            else:
                result.caught[span["kind"]] += 1
        groups = {p["kind"] for p in item["pii"]} or {"none"}
        for phrase in item.get("keep", []):
            ok = phrase in out
            for key in [*groups, "all"]:
                result.keep_total[key] += 1
                result.keep_kept[key] += ok
            if not ok:
                result.dropped.append(f"{item['id']}: {phrase!r} -> {out!r}")
        if not item["pii"] and out != text:
            result.clean_changed.append(f"{item['id']}: {text!r} -> {out!r}")
    return result


def table(result: Score) -> List[str]:
    """The per-kind table: details, recall, and meaning kept in sentences holding that kind."""
    lines = [f"{'kind':<12}{'details':>8}{'recall':>9}{'keep words':>12}{'kept':>8}"]
    for kind in [*KINDS, "none"]:
        if result.total[kind] or result.keep_total[kind]:
            recall = f"{result.recall(kind):.1%}" if result.total[kind] else "-"
            lines.append(f"{kind:<12}{result.total[kind]:>8}{recall:>9}{result.keep_total[kind]:>12}"
                         f"{result.kept(kind):>8.1%}")
    lines.append(f"{'overall':<12}{sum(result.total.values()):>8}{result.recall():>9.1%}"
                 f"{result.keep_total['all']:>12}{result.kept():>8.1%}")
    return lines
