"""`peergoals coach`: a readable card, one JSON object, or JSON lines in and out.

    peergoals coach "TEXT" [--context "LONG-TERM GOAL"] [--today YYYY-MM-DD] [--language en]
                           [--json]
    peergoals coach --jsonl < lines.jsonl
        # {"text": ..., "context": ..., "today": ..., "language": ...} per line

`language` is the peer's language setting ("en", "es"; optional); every answer says which
language it read the statement in and answers in.

Bad arguments: a message on stderr and exit code 2. In --jsonl mode a bad line gets
{"error": "...", "line": N} and the stream goes on; the exit code is 0 once the stream is read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from typing import IO, NoReturn

from peergoals.coach import messages
from peergoals.coach.core import CRITERIA, Judgement, judge


def _error(message: str) -> None:
    sys.stderr.write(messages.ERROR_PREFIX.format(message=message) + "\n")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        _error(message)
        raise SystemExit(2)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(value: str) -> dt.date:
    if not _ISO_DAY.fullmatch(value.strip()):
        raise ValueError(messages.ERROR_BAD_DATE.format(value=value))
    try:
        return dt.date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise ValueError(messages.ERROR_BAD_DATE.format(value=value)) from None


def _parser() -> _Parser:
    parser = _Parser(prog="peergoals coach", description="Judge a goal statement the SMART way.")
    parser.add_argument("text", nargs="?", help="the goal statement, in the peer's own words")
    parser.add_argument("--context", help="the long-term goal or values this step serves")
    parser.add_argument("--today", help="reference date, YYYY-MM-DD (default: today)")
    parser.add_argument("--language", help="the peer's language, e.g. en or es (default: detect)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print one JSON object")
    mode.add_argument(
        "--jsonl", action="store_true", help="read JSON lines on stdin, write JSON lines"
    )
    return parser


def card(judgement: Judgement) -> str:
    """The readable card, in the judgement's language: the statement, each criterion with a mark
    and why, then the structure."""
    _ = messages.catalogue(judgement.language)
    lines = [f"\u201c{judgement.statement.strip()}\u201d", ""]
    for name in CRITERIA:
        criterion = getattr(judgement.criteria, name)
        mark = {True: "\u2713", False: "\u2717", None: "\u2013"}[criterion.met]
        label = _(messages.CRITERION_NAMES[name])
        lines.append(f"  {mark} {label:<11} {messages.render(criterion.why, _)}")
    target = judgement.target
    shown = messages.target_phrase(target.count, target.unit, target.per, target.minutes)
    none = _(messages.CARD_NONE)
    lines.append("")
    due = judgement.due.isoformat() if judgement.due else none
    lines.append(f"  {_(messages.CARD_DUE)}: {due}")
    lines.append(f"  {_(messages.CARD_TARGET)}: {shown or none}")
    lines.append(f"  {_(messages.CARD_FLAGS)}: {', '.join(judgement.flags) or none}")
    if judgement.suggestions:
        lines.append(f"  {_(messages.CARD_SUGGESTIONS)}:")
        lines.extend(f"    - {messages.render(s, _)}" for s in judgement.suggestions)
    return "\n".join(lines)


def _line_result(raw: str, number: int) -> dict[str, object]:
    try:
        item = json.loads(raw)
    except (json.JSONDecodeError, RecursionError) as exc:
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else "too deeply nested"
        return {"error": messages.ERROR_BAD_JSON.format(detail=detail), "line": number}
    if not isinstance(item, dict):
        return {"error": messages.ERROR_NOT_OBJECT, "line": number}
    if "text" not in item:
        return {"error": messages.ERROR_MISSING_TEXT, "line": number}
    text, context, today = item.get("text"), item.get("context"), item.get("today")
    language = item.get("language")
    if not isinstance(text, str):
        return {"error": messages.ERROR_TEXT_TYPE, "line": number}
    if context is not None and not isinstance(context, str):
        return {"error": messages.ERROR_CONTEXT_TYPE, "line": number}
    if today is not None and not isinstance(today, str):
        return {"error": messages.ERROR_TODAY_TYPE, "line": number}
    if language is not None and not isinstance(language, str):
        return {"error": messages.ERROR_LANGUAGE_TYPE, "line": number}
    try:
        day = _parse_date(today) if today is not None else None
    except ValueError as exc:
        return {"error": str(exc), "line": number}
    return judge(text, context, day, language).to_dict()


def run_jsonl(stdin: IO[str], stdout: IO[str]) -> None:
    """Judge each JSON line of `stdin`, writing one JSON object per input line, in order."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    write = stdout.write
    for number, raw in enumerate(stdin, start=1):
        if not raw.strip():
            write(
                dumps(
                    {
                        "error": messages.ERROR_BAD_JSON.format(detail=messages.ERROR_EMPTY_LINE),
                        "line": number,
                    }
                )
            )
        else:
            write(dumps(_line_result(raw, number)))
        write("\n")
    stdout.flush()


def main(argv: list[str]) -> int:
    """Entry point for `peergoals coach ARGS`; returns the process exit code."""
    args = _parser().parse_args(argv)
    if args.jsonl:
        given = (args.text, args.context, args.today, args.language)
        if any(value is not None for value in given):
            _error(messages.ERROR_JSONL_ARGS)
            return 2
        run_jsonl(sys.stdin, sys.stdout)
        return 0
    if args.text is None:
        _error(messages.ERROR_NO_TEXT)
        return 2
    try:
        today = _parse_date(args.today) if args.today is not None else None
    except ValueError as exc:
        _error(str(exc))
        return 2
    judgement = judge(args.text, args.context, today, args.language)
    if args.json:
        sys.stdout.write(json.dumps(judgement.to_dict(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(card(judgement) + "\n")
    return 0
