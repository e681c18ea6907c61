"""``surveyor batch export``: hand in the finalized interviews as one batch file."""

from __future__ import annotations

import argparse
import platform
from pathlib import Path

from surveyor.commands.common import add_actions
from surveyor.commands.common import in_workspace


def register(subparsers) -> None:
    commands = add_actions(
        subparsers,
        "batch",
        help="hand in interviews as a batch file (USB key, shared folder)",
        description="Batch files carry interviews from an interviewer's laptop to the "
        "coordinator (see docs/batch-format.md).",
    )
    export = commands.add_parser(
        "export",
        help="write every finalized interview of this laptop into one batch file",
        description=(
            "Write every finalized interview made on this laptop (and those already handed "
            "in: handing in again is harmless) into one batch file, then mark the new ones "
            "as handed in. Prints the file and the number of interviews."
        ),
    )
    export.add_argument(
        "--out",
        metavar="PATH",
        help="the batch file to write, or a folder to write it in (default: "
        "lot-<interviewer>-<laptop>-<YYYY-MM-DD-HHMM>.zip in the current folder)",
    )
    export.add_argument("--interviewer", default="", help="the interviewer's name")
    export.add_argument(
        "--label",
        default=None,
        help="a name for this laptop shown to the coordinator (default: the computer's name)",
    )
    export.add_argument(
        "--protect-for",
        metavar="PUBLIC_KEY",
        help="encrypt the whole batch for the coordinator's public key (the base64 text of "
        "`surveyor keys new`, or a file holding it): a lost USB key then exposes nothing; "
        "the coordinator merges it with --key. Default: the key the campaign package brought "
        "(a laptop that took one protects every hand-in)",
    )
    export.add_argument(
        "--no-protect",
        action="store_true",
        help="write a plain batch even though the campaign package brought the coordinator's key",
    )
    export.set_defaults(handler=run_export)


@in_workspace
def run_export(args: argparse.Namespace, ws) -> int:
    destination = Path(args.out) if args.out else Path.cwd()
    label = args.label if args.label is not None else platform.node()
    protect_for = args.protect_for
    if protect_for and Path(protect_for).is_file():
        protect_for = Path(protect_for).read_text(encoding="utf-8").strip()
    result = ws.hand_in(
        destination,
        interviewer=args.interviewer,
        device_label=label,
        protect_for=protect_for,
        protect=False if args.no_protect else None,
    ).value
    print(result.path)
    print(
        f"{result.interviews} interview(s) in the batch, "
        f"{result.newly_handed_in} handed in for the first time"
    )
    return 0
