"""``surveyor download``: the coordinator fetches the server's submissions into this database."""

from __future__ import annotations

import argparse
import sys


def register(subparsers) -> None:
    from surveyor.commands.sync import add_server_arguments

    parser = subparsers.add_parser(
        "download",
        help="coordinator: fetch the submissions received by the server into this database",
        description=(
            "Fetch the submissions the server received since the last download (a coordinator "
            "account), with their files, and merge them with the same rules as batches: "
            "duplicates kept once, edits replace what they edit, conflicts listed "
            "(surveyor merge --conflicts). Prints the merge report."
        ),
    )
    add_server_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from surveyor.commands.sync import resolve_account
    from surveyor.errors import SurveyorError
    from surveyor.store import Store
    from surveyor.sync.download import download_submissions
    from surveyor.sync.transport import AuthError, TransportError

    account = resolve_account(args)
    if isinstance(account, int):
        return account
    url, user, password = account
    try:
        with Store.open(args.data_dir) as store:
            report = download_submissions(store, url, user or None, password)
    except AuthError as exc:
        print(f"error: authentication failed (a coordinator account is needed): {exc}",
              file=sys.stderr)
        return 2
    except TransportError as exc:
        print(f"error: {exc} (what was downloaded before is kept; run it again)",
              file=sys.stderr)
        return 1
    except SurveyorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(report)
    return 0
