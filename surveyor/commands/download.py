"""``surveyor download``: the coordinator fetches the server's submissions into this database."""

from __future__ import annotations

import argparse
import sys

from surveyor.commands.common import fail
from surveyor.commands.sync import add_server_arguments
from surveyor.commands.sync import resolve_account
from surveyor.errors import SurveyorError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "download",
        help="coordinator: fetch the submissions received by the server into this database",
        description=(
            "Fetch the submissions the server received since the last download (a coordinator "
            "account), with their files, and merge them with the same rules as batches: "
            "duplicates kept once, edits replace what they edit, conflicts listed "
            "(surveyor merge --conflicts). Prints the merge report. From ODK Central: "
            "--central URL --project N --user EMAIL (a web user; the project's forms, every "
            "submission, its edits, files and review state, incrementally)."
        ),
    )
    add_server_arguments(parser)
    parser.add_argument(
        "--central",
        metavar="URL",
        help="an ODK Central server (https://central.example.org) instead of "
        "Surveyor's server; needs --project and --user (a web user's "
        "e-mail)",
    )
    parser.add_argument(
        "--project", metavar="N", type=int, help="the ODK Central project's number (with --central)"
    )
    parser.set_defaults(handler=run)


def _central_account(args) -> tuple[str, str, str] | int:
    # on first use: the Central client and httpx (~1.8 s measured) only for this command
    from surveyor.sync.central import central_base
    from surveyor.sync.config import NoPassword
    from surveyor.sync.config import get_password

    if args.project is None or not args.user:
        print(
            "error: --central needs --project N and --user EMAIL (a Central web user)",
            file=sys.stderr,
        )
        return 1
    try:
        base = central_base(args.central)
    except ValueError as exc:
        return fail(exc)
    try:
        password = get_password(base, args.user, notice=lambda m: print(m, file=sys.stderr))
    except NoPassword as exc:
        return fail(exc, 2)
    return base, args.user, password


def run(args: argparse.Namespace) -> int:
    # on first use: httpx (~0.4 s measured) only for this command
    from surveyor.sync.transport import AuthError
    from surveyor.sync.transport import TransportError

    # here, not at the top: `surveyor --help` must not load the store and the engine (~2 s
    # measured on a busy machine)
    from surveyor.workspace import Workspace

    if args.central:
        account = _central_account(args)
    else:
        if args.project is not None:
            return fail("--project goes with --central URL")
        account = resolve_account(args)
    if isinstance(account, int):
        return account
    url, user, password = account
    try:
        with Workspace.open(args.data_dir) as ws:
            if args.central:
                report = ws.download_central(url, args.project, user, password).value
            else:
                report = ws.download_submissions(url, user or None, password).value
            waiting = ws.encrypted_waiting()
    except AuthError as exc:
        print(
            f"error: authentication failed (a coordinator account is needed): {exc}",
            file=sys.stderr,
        )
        return 2
    except TransportError as exc:
        if exc.status == 404 and not args.central:
            print(
                f"error: {exc}: this server has no Surveyor coordinator API "
                "(/api/v1/submissions). For ODK Central use --central URL --project N "
                "--user EMAIL.",
                file=sys.stderr,
            )
        elif exc.retryable:
            print(
                f"error: {exc} (what was downloaded before is kept; run it again)", file=sys.stderr
            )
        else:
            print(f"error: {exc} (what was downloaded before is kept)", file=sys.stderr)
        return 1
    except SurveyorError as exc:
        return fail(exc)
    print(report)
    if waiting:
        print(
            f"Still encrypted: {waiting} interview(s) wait for their form's private key "
            "(surveyor export --key KEY.pem opens them)."
        )
    return 1 if report.refused else 0
