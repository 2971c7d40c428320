"""Fail when NLU cross-validation falls below the floor (the rasa CLI has no such option).

Two floors, because a good average can hide one intent the classifier cannot tell apart (issue 13 "Done
when": weighted F1 at least 0.88 and no intent below 0.80): the weighted F1, and each intent's F1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

_AVERAGES = ("micro avg", "macro avg", "weighted avg", "accuracy")


def below_floor(report: dict, intent_floor: float) -> tuple[float, dict[str, float]]:
    """The weighted F1, and the intents whose F1 is below intent_floor."""
    weighted = report["weighted avg"]["f1-score"]
    low = {name: round(v["f1-score"], 3) for name, v in report.items()
           if isinstance(v, dict) and "f1-score" in v and name not in _AVERAGES and v["f1-score"] < intent_floor}
    return weighted, low


def main(report_path: str, floor: str, intent_floor: str | None = None) -> int:
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    per_intent = float(intent_floor) if intent_floor is not None else 0.0
    weighted, low = below_floor(report, per_intent)
    print(f"NLU cross-validation weighted F1 {weighted:.3f} (floor {float(floor):.2f}; "
          f"each intent at least {per_intent:.2f})")
    if low:
        print(f"intents below the intent floor: {low}")
    return 0 if weighted >= float(floor) and not low else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
