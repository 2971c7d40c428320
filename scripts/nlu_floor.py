"""Fail when NLU cross-validation falls below the floor (the rasa CLI has no such option)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(report_path: str, floor: str) -> int:
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    weighted = report["weighted avg"]["f1-score"]
    low = {name: round(v["f1-score"], 3) for name, v in report.items()
           if isinstance(v, dict) and "f1-score" in v and name not in ("micro avg", "macro avg", "weighted avg")
           and v["f1-score"] < float(floor)}
    print(f"NLU cross-validation weighted F1 {weighted:.3f} (floor {float(floor):.2f})")
    if low:
        print(f"intents below the floor: {low}")
    return 0 if weighted >= float(floor) else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
