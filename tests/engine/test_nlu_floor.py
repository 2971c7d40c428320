"""The NLU floor fails CI on a low weighted F1 and on one weak intent behind a good average (issue 13)."""

from __future__ import annotations

import json

from scripts.nlu_floor import below_floor, main


def _report(weighted: float, **intents: float) -> dict:
    report = {name: {"f1-score": f1, "support": 10} for name, f1 in intents.items()}
    report["weighted avg"] = {"f1-score": weighted, "support": 10 * len(intents)}
    report["macro avg"] = {"f1-score": 0.1, "support": 10 * len(intents)}
    return report


def test_below_floor_names_only_the_weak_intents():
    weighted, low = below_floor(_report(0.9, greet=0.95, chitchat=0.79), 0.80)
    assert weighted == 0.9
    assert low == {"chitchat": 0.79}


def test_main_fails_on_one_weak_intent_and_on_a_low_average(tmp_path):
    path = tmp_path / "intent_report.json"
    path.write_text(json.dumps(_report(0.9, greet=0.95, chitchat=0.79)), encoding="utf-8")
    assert main(str(path), "0.88", "0.80") == 1
    assert main(str(path), "0.88") == 0  # without an intent floor only the average counts
    path.write_text(json.dumps(_report(0.87, greet=0.95, chitchat=0.85)), encoding="utf-8")
    assert main(str(path), "0.88", "0.80") == 1
    path.write_text(json.dumps(_report(0.9, greet=0.95, chitchat=0.85)), encoding="utf-8")
    assert main(str(path), "0.88", "0.80") == 0
