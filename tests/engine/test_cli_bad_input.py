"""`python -m bot assess` on the issue's bad inputs: exit 2 with a clear message, or advice; never a traceback.

The REST side of the same list is tests/e2e/test_bad_input.py. In-process (the engine stays loaded),
plus the real command once for binary input.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.engine.case import MAX_TEXT_CHARS
from tests.engine.test_cli import ROOT, run_in_process

REFUSED = {
    "empty": b"",
    "whitespace": b"   \n\t  ",
    "one_megabyte_text": b"x" * 1_000_000,
    "over_the_stdin_cap": b"{" * 2_100_000,
    "binary": bytes(range(256)) * 4,
    "invalid_utf8": b'{"worried": "\xff\xfe\xfd"}',
    "not_an_object_list": b"[1, 2, 3]",
    "not_an_object_string": b'"hello"',
    "not_an_object_number": b"42",
    "deep_nesting": b"[" * 100_000,
    "huge_number": b'{"scale": ' + b"9" * 5000 + b"}",
    "sql_as_json": b"'; DROP TABLE events; --",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_bad_input_exits_2_with_a_message(name, monkeypatch):
    code, out, err = run_in_process(REFUSED[name], monkeypatch)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and "Traceback" not in err and len(err) < 500


WORRIES = {
    "emoji_only": "😀😢🙈",
    "html_script": "<script>alert('x')</script><b>bold</b>",
    "sql_looking": "'; DROP TABLE events; -- OR 1=1",
    "non_english": "Martwię się o dziecko, ma siniaki na twarzy",
    "whitespace_only": "   \n\t ",
    "one_megabyte_text": "he is hungry " * 80_000,
}


@pytest.mark.parametrize("name", sorted(WORRIES))
def test_odd_text_in_a_valid_case_gets_advice_with_999_and_limits(name, monkeypatch):
    stdin = json.dumps({"area": "Norwich", "age": 9, "worried": WORRIES[name]}).encode()
    code, out, err = run_in_process(stdin, monkeypatch)
    assert code == 0, err
    advice = json.loads(out)
    assert advice["type"] == "advice" and advice["area"] == "norfolk"
    assert "<script" not in out and "DROP TABLE" not in out  # never echoed back
    if name == "one_megabyte_text":
        assert f"first {MAX_TEXT_CHARS} characters" in out  # the advice says it read only part


def test_real_command_on_binary_input():
    done = subprocess.run([sys.executable, "-m", "bot", "assess"], input=b"\x00\xff\xfe binary", capture_output=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 2 and b"not valid UTF-8" in done.stderr and b"Traceback" not in done.stderr
