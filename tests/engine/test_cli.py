"""`python -m bot assess`: the JSON contract, and clear errors (exit 2, no traceback) for bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.runtime.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOOD = {"area": "Norwich", "age": "4 months", "role": "professional",
        "worried": "There is a bruise on the baby's cheek and mum can't explain it.",
        "working_well": "", "needs": "", "scale": 3, "danger_now": False, "consent": "not_asked",
        "consent_risky": False, "mobile": False}
OUTPUT_KEYS = {"type", "area", "level", "level_name", "route", "s47", "contact", "then", "consent", "indicators",
               "rationale", "guidance_version"}


def run_cli(stdin: bytes) -> subprocess.CompletedProcess:
    """The real command in a subprocess (slow: loads the engine), for the contract itself."""
    return subprocess.run([sys.executable, "-m", "bot", "assess"], input=stdin, capture_output=True, cwd=ROOT,
                          timeout=300)


def run_in_process(stdin: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple:
    """The same entry point in this process (the engine stays loaded between tests)."""
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = main(["assess"])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def good_output() -> dict:
    result = run_cli(json.dumps(GOOD).encode())
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_output_has_the_contract_keys(good_output):
    assert set(good_output) >= OUTPUT_KEYS
    assert good_output["type"] == "advice"
    assert {"service", "phone", "email", "hours", "how"} <= set(good_output["contact"])
    assert {"needed", "tell_parents", "advice", "record"} <= set(good_output["consent"])
    for item in good_output["indicators"]:
        assert {"id", "text", "level", "domain", "s47", "source", "matched"} <= set(item)


def test_bruise_on_non_mobile_baby_is_section_47_to_cads(good_output):
    assert (good_output["level"], good_output["route"], good_output["s47"]) == (4, "cads", True)
    assert any(i["s47"] and "bruise" in i["matched"].lower() for i in good_output["indicators"])


@pytest.mark.parametrize("stdin, fragment", [
    (b"", "no input"),
    (b"   \n", "no input"),
    (b"not json", "not valid JSON"),
    (b"[1, 2]", "JSON object"),
    (b"\xff\xfe\x00binary", "UTF-8"),
    (json.dumps({**GOOD, "scale": 11}).encode(), "scale"),
    (json.dumps({**GOOD, "scale": "lots"}).encode(), "scale"),
    (json.dumps({**GOOD, "consent": "maybe"}).encode(), "consent"),
    (json.dumps({**GOOD, "age": "forty"}).encode(), "age"),
    (json.dumps({**GOOD, "danger_now": "yes"}).encode(), "danger_now"),
    (json.dumps({**GOOD, "wories": "typo"}).encode(), "wories"),
])
def test_bad_input_is_a_clear_error(stdin, fragment):
    result = run_cli(stdin)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert fragment in err and "Traceback" not in err


@pytest.mark.parametrize("text", ["😀😀😀", "<script>alert(1)</script>", "'; DROP TABLE events; --",
                                  "Le bébé a un bleu sur la joue", "x" * 100_000])
def test_odd_text_gets_a_graceful_answer(text, monkeypatch):
    code, out, err = run_in_process(json.dumps({**GOOD, "worried": text, "mobile": True, "age": 9}).encode(),
                                    monkeypatch)
    assert code == 0, err
    advice = json.loads(out)
    assert advice["level"] in (1, 2, 3, 4) and advice["then"]


def test_unknown_area_gets_the_national_fallback(monkeypatch):
    code, out, _ = run_in_process(json.dumps({**GOOD, "area": "Leeds"}).encode(), monkeypatch)
    assert code == 0
    advice = json.loads(out)
    assert advice["level"] is None and advice["route"] == "national_fallback"
    assert "0808 800 5000" in advice["contact"]["phones"] and "999" in advice["contact"]["phones"]
