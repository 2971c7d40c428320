"""`python -m bot assess`: one case as JSON on stdin, the advice as JSON on stdout.

Invalid input exits with code 2 and a message on stderr that says which field
is wrong and what is expected; it never prints a traceback.

The data commands (`migrate`, `purge`, `export`, `forget`) work on the conversation
database (TRACKER_DB_URL) and the advice log (ADVICE_DB_URL, default the same); see
docs/privacy.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import time
from typing import Callable, List, Optional, TextIO

from pydantic import ValidationError

from bot import settings
from bot.engine.case import Case

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
    except (ValueError, RecursionError) as exc:  # reliability (issue 6, fuzz): a 5000-digit number, deep nesting
        raise InputError("input is not valid JSON: a number is too long or the nesting is too deep") from exc
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
    from bot.engine.assess import assess
    from bot.render.text import render_text

    advice = assess(case)
    if args.text:
        print(render_text(advice))
    else:
        json.dump(advice.to_payload(), sys.stdout, indent=2 if args.pretty else None, ensure_ascii=False)
        sys.stdout.write("\n")
    return 0


DEFAULT_RETENTION_DAYS = 30
_UNITS = {"h": 3600, "d": 86400, "w": 7 * 86400}


def parse_age(text: str) -> float:
    """'30d' / '12h' / '2w' (or a bare number of days) -> seconds; argparse shows the message on error."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([hdw]?)\s*", text or "", re.I)
    if not match or float(match.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a period: use a number and h, d or w, e.g. 30d, 12h, 2w")
    return float(match.group(1)) * _UNITS[(match.group(2) or "d").lower()]


def retention_default() -> float:
    raw = settings.env("RETENTION_DAYS")
    if not raw:
        return DEFAULT_RETENTION_DAYS * 86400
    return parse_age(raw if raw.strip()[-1:].isalpha() else raw + "d")


def _urls(args: argparse.Namespace) -> tuple:
    from bot.storage.audit.migrate import advice_db_url

    # Not bot.storage.tracker_store.database_url: that module imports Rasa, which makes the CLI slow.
    tracker = settings.tracker_db_url(args.db_url)
    return tracker, advice_db_url(args.advice_db_url or (args.db_url if not settings.env("ADVICE_DB_URL") else None))


def _data_command(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Database errors become one clear line on stderr and exit code 1, never a traceback."""

    def run(args: argparse.Namespace) -> int:
        import sqlalchemy.exc

        try:
            return func(args)
        except (sqlalchemy.exc.SQLAlchemyError, OSError) as exc:
            print(f"error: database unavailable or unreadable: {str(exc).splitlines()[0]}", file=sys.stderr)
            return 1

    return run


@_data_command
def cmd_migrate(args: argparse.Namespace) -> int:
    from bot.storage.audit.migrate import current, upgrade

    _, advice_url = _urls(args)
    shown = upgrade(advice_url)
    print(f"advice log at {shown}: revision {current(advice_url)}")
    return 0


@_data_command
def cmd_purge(args: argparse.Namespace) -> int:
    from bot.storage.audit.log import purge_before
    from bot.storage.retention import purge_events

    tracker_url, advice_url = _urls(args)
    try:
        seconds = args.older_than if args.older_than is not None else retention_default()
    except argparse.ArgumentTypeError as exc:
        print(f"error: RETENTION_DAYS: {exc}", file=sys.stderr)
        return EXIT_INVALID
    now = time.time()
    cutoff = datetime.datetime.utcfromtimestamp(now - seconds)
    events = purge_events(tracker_url, now - seconds)
    advice = purge_before(cutoff, advice_url)
    print(f"purged data older than {cutoff.isoformat(timespec='seconds')}Z: {events} conversation events, "
          f"{advice} advice log rows")
    return 0


@_data_command
def cmd_export(args: argparse.Namespace) -> int:
    from bot.storage.audit.log import rows_for
    from bot.storage.retention import export_events, summarise

    tracker_url, advice_url = _urls(args)
    events = export_events(tracker_url, args.sender)
    advice = rows_for(args.sender, advice_url)
    if not events and not advice:
        print(f"error: nothing stored for sender {args.sender!r}", file=sys.stderr)
        return 1
    record = {"sender": args.sender, "redacted": True,
              "events": events if args.full else [summarise(e) for e in events], "advice_log": advice}
    json.dump(record, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    return 0


@_data_command
def cmd_forget(args: argparse.Namespace) -> int:
    from bot.storage.audit.log import forget
    from bot.storage.retention import forget_events

    tracker_url, advice_url = _urls(args)
    events = forget_events(tracker_url, args.sender)
    advice = forget(args.sender, advice_url)
    print(f"forgot sender {args.sender!r}: {events} conversation events, {advice} advice log rows deleted")
    return 0


def _add_db_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db-url", help="conversation database (default TRACKER_DB_URL, else build/conversations.db)")
    parser.add_argument("--advice-db-url", help="advice log database (default ADVICE_DB_URL, else the same)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    assess_p = sub.add_parser("assess", help="assess one case (JSON on stdin)")
    assess_p.add_argument("--pretty", action="store_true", help="indent the JSON")
    assess_p.add_argument("--text", action="store_true", help="print the plain-text advice instead of JSON")
    assess_p.set_defaults(func=cmd_assess)

    migrate_p = sub.add_parser("migrate", help="create or upgrade the advice log's tables")
    _add_db_options(migrate_p)
    migrate_p.set_defaults(func=cmd_migrate)
    purge_p = sub.add_parser("purge", help="delete conversations and advice rows older than a period")
    purge_p.add_argument("--older-than", type=parse_age, default=None, metavar="PERIOD",
                         help="e.g. 30d, 12h, 2w (default RETENTION_DAYS, else 30 days)")
    _add_db_options(purge_p)
    purge_p.set_defaults(func=cmd_purge)
    export_p = sub.add_parser("export", help="print one conversation's redacted record as JSON")
    export_p.add_argument("sender", help="the conversation (sender) id")
    export_p.add_argument("--full", action="store_true", help="every stored event in full, not a summary")
    _add_db_options(export_p)
    export_p.set_defaults(func=cmd_export)
    forget_p = sub.add_parser("forget", help="delete one conversation and its advice rows")
    forget_p.add_argument("sender", help="the conversation (sender) id")
    _add_db_options(forget_p)
    forget_p.set_defaults(func=cmd_forget)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.func(args)
