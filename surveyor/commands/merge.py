"""``surveyor merge``: the coordinator merges batch files into their database."""

from __future__ import annotations

import argparse
import signal
import sys

from surveyor.commands.common import fail
from surveyor.commands.keys import add_key_options
from surveyor.commands.keys import load_key
from surveyor.errors import SurveyorError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "merge",
        help="merge interviewers' batch files into the coordinator's database",
        description=(
            "Merge batch files (or every .zip batch in the given folders) into the "
            "coordinator's database and print a report. Each batch is checked completely "
            "first and merged in one transaction: a damaged or suspicious batch is refused "
            "whole (exit 1, naming the file and the reason) and the others still merge. "
            "Merging the same batch again changes nothing."
        ),
    )
    parser.add_argument(
        "paths",
        metavar="BATCH_OR_DIR",
        nargs="*",
        help="a batch file, or a folder whose .zip batch files are all merged",
    )
    parser.add_argument(
        "--into",
        metavar="DIR",
        help="the coordinator's data folder (default: --data-dir, $SURVEYOR_HOME or the "
        "usual data folder)",
    )
    parser.add_argument(
        "--conflicts",
        action="store_true",
        help="list the conflicts still to resolve (two edits of one interview...)",
    )
    parser.add_argument(
        "--resolve",
        nargs=2,
        metavar=("CONFLICT_ID", "KEEP"),
        help="resolve a conflict by keeping one version (its key, as --conflicts lists it)",
    )
    add_key_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.paths and not args.conflicts and not args.resolve:
        return fail("give at least one batch file or folder to merge", 2)
    # SIGTERM (a service manager, `kill`) unwinds like Ctrl+C: the open transaction is rolled
    # back and the batch reader process is stopped, instead of being left behind.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print(
            "error: the merge was interrupted; what was not yet committed was rolled back "
            "(no batch is half-merged): merge the same files again to finish.",
            file=sys.stderr,
        )
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _run(args: argparse.Namespace) -> int:
    # here, not at the top: `surveyor --help` must not load the store and the engine (~2 s
    # measured on a busy machine)
    from surveyor.workspace import Workspace

    try:
        key = load_key(args) if args.paths else None  # a wrong passphrase: nothing opened
        with Workspace.open(args.into or args.data_dir) as ws:
            code = 0
            if args.paths:
                report = ws.merge_batches(args.paths, private_key=key).value
                print(report)
                for refused in report.refused:
                    print(f"error: {refused.error}", file=sys.stderr)
                code = 0 if report.ok else 1
            if args.resolve:
                try:
                    conflict_id = int(args.resolve[0])
                except ValueError:
                    return fail(f"{args.resolve[0]!r} is not a conflict number", 2)
                resolved = ws.resolve_conflict(conflict_id, args.resolve[1]).value
                print(f"conflict {resolved.conflict_id} resolved: kept {resolved.kept}")
            if args.conflicts:
                conflicts = ws.conflicts()
                if not conflicts:
                    print("No conflict to resolve.")
                for conflict in conflicts:
                    print(
                        f"conflict {conflict.conflict_id} ({conflict.kind}) on {conflict.subject}:"
                    )
                    for v in conflict.versions:
                        who = ", ".join(x for x in (v.interviewer, v.device_id) if x)
                        print(f"  keep with: {v.key}  [{who}; finalized {v.finalized_at}]")
            return code
    except SurveyorError as exc:
        return fail(exc)
