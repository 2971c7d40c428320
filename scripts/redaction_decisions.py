"""Check that redaction never changes the engine's decision (issue 14): each vignette assessed on its raw answers
and on its answers as they would be stored after redaction (every string redacted).

Why: later turns read the stored, redacted answers, so a worry word taken for a name would change the advice.
Compared: level, route, section 47 flag, consent needed and tell-the-parents. Slow (every vignette twice, about
5 minutes for all four sets), so not in CI; ``--sets dev_set`` runs one set.

Usage: ``.venv/bin/python scripts/redaction_decisions.py [--sets dev_set dev_set_2 blind_a blind_b]``.
Exits 1 if any decision differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.engine.assess import assess  # noqa: E402
from bot.engine.case import Case  # noqa: E402
from bot.privacy.redaction import redact_value  # noqa: E402
from bot.runtime.evaluate import load_vignettes  # noqa: E402
from tests.engine.test_evaluation import SETS  # noqa: E402


def decision(case: Dict[str, Any]) -> Tuple[Any, ...]:
    advice = assess(Case.parse_obj(case))
    return advice.level, advice.route, advice.s47, advice.consent.needed, advice.consent.tell_parents


def compare(vignettes: List[Dict[str, Any]]) -> Tuple[int, List[str]]:
    """(how many vignettes redaction changed the text of, the ids whose decision changed and how)."""
    changed_text, differ = 0, []
    for vignette in vignettes:
        raw = vignette["case"]
        stored = redact_value(raw)
        changed_text += stored != raw
        if stored != raw and decision(raw) != decision(stored):
            differ.append(f"{vignette['id']}: raw {decision(raw)} != redacted {decision(stored)}")
    return changed_text, differ


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=sorted(SETS))
    args = parser.parse_args(argv)
    failed = False
    for name in args.sets:
        vignettes = load_vignettes(SETS[name])
        changed_text, differ = compare(vignettes)
        print(f"{name}: {len(vignettes)} vignettes, text changed by redaction in {changed_text}, "
              f"decision changed in {len(differ)}")
        for line in differ:
            print("  " + line)
        failed |= bool(differ)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
