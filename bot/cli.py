"""`python -m bot assess`: one case as JSON on stdin, the advice as JSON on stdout.

Invalid input exits with code 2 and a message on stderr that says which field
is wrong and what is expected; it never prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import List, Optional, TextIO

from pydantic import ValidationError

from bot.case import Case

MAX_STDIN_BYTES = 2_000_000
EXIT_INVALID = 2


class InputError(Exception):
    """The case could not be read; the message is for the person who sent it."""


def read_case(stream: TextIO) -> Case:
    raw = stream.buffer.read(MAX_STDIN_BYTES + 1) if hasattr(stream, "buffer") else stream.read().encode()
    if len(raw) > MAX_STDIN_BYTES:
        raise InputError(f"input is larger than {MAX_STDIN_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"input is not valid UTF-8 (byte {exc.start})") from exc
    if not text.strip():
        raise InputError("no input: send one case as a JSON object on stdin")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"input is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if not isinstance(data, dict):
        raise InputError("input must be a JSON object with keys such as area, age, worried, scale")
    try:
        return Case.parse_obj(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise InputError(f"invalid case: {problems}") from exc


def cmd_assess(args: argparse.Namespace) -> int:
    try:
        case = read_case(sys.stdin)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    from bot.assess import assess
    from bot.render.text import render_text

    advice = assess(case)
    if args.text:
        print(render_text(advice))
    else:
        json.dump(advice.to_payload(), sys.stdout, indent=2 if args.pretty else None, ensure_ascii=False)
        sys.stdout.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    assess_p = sub.add_parser("assess", help="assess one case (JSON on stdin)")
    assess_p.add_argument("--pretty", action="store_true", help="indent the JSON")
    assess_p.add_argument("--text", action="store_true", help="print the plain-text advice instead of JSON")
    assess_p.set_defaults(func=cmd_assess)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.func(args)
