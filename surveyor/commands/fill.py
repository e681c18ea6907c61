"""``surveyor fill``: run one interview without a screen."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from surveyor.commands.common import fail
from surveyor.errors import SurveyorError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "fill",
        help="fill one interview from a JSON answers file (no screen)",
        description=(
            "Run one interview of FORM without a screen: apply defaults, calculations, "
            "relevance (answers to questions that are not relevant are dropped), constraints "
            "and required answers, store it, and print its instanceID. On a problem: exit 1, "
            "one line per problem naming the field; the interview is kept as a draft."
        ),
    )
    parser.add_argument("form", metavar="FORM", help="the XLSForm file (.xlsx, .xls, .csv, .md)")
    parser.add_argument(
        "--answers",
        metavar="FILE.json",
        required=True,
        help="answers keyed by field name; repeats as lists of objects; "
        "a select_multiple as a list or a space-separated string ('-' reads stdin)",
    )
    parser.add_argument("--finalize", action="store_true", help="finalize the interview")
    parser.add_argument("--json", action="store_true", help="print the whole interview as JSON")
    parser.add_argument("--interviewer", default="", help="the interviewer's name")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # on first use: the interview engine (~0.9 s measured) only for this command
    from surveyor.services.interviews import interview_json

    # here, not at the top: `surveyor --help` must not load the store and the engine (~2 s
    # measured on a busy machine)
    from surveyor.workspace import Workspace

    try:
        raw = sys.stdin.read() if args.answers == "-" else Path(args.answers).read_text("utf-8")
    except OSError as exc:
        return fail(f"cannot read {args.answers}: {exc.strerror or exc}", 2)
    try:
        answers = json.loads(raw)
    except ValueError as exc:
        return fail(f"{args.answers} is not valid JSON: {exc}", 2)
    if not isinstance(answers, dict):
        return fail(f"{args.answers} must hold one JSON object", 2)
    try:
        with Workspace.open(args.data_dir) as ws:
            form = ws.load_form(args.form).value
            result = ws.fill_interview(
                form, answers, finalize=args.finalize, interviewer=args.interviewer
            ).value
    except SurveyorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        for problem in getattr(exc, "problems", []):
            print(str(problem), file=sys.stderr)
        return 1
    for problem in result.problems:
        print(str(problem), file=sys.stderr)
    if result.problems:
        print(
            f"not finalized: {len(result.problems)} problem(s); kept as draft "
            f"{result.interview.instance_id}",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(interview_json(result.interview), ensure_ascii=False, indent=2))
    else:
        print(result.interview.instance_id)
    return 1 if result.problems else 0
