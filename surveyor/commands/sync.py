"""``surveyor sync``: send the pending interviews to the campaign server once."""

from __future__ import annotations

import argparse
import sys

from surveyor.commands.common import fail
from surveyor.errors import SurveyorError


def add_server_arguments(parser) -> None:
    parser.add_argument(
        "--server",
        metavar="URL",
        help="the server's address: https://host, an ODK Central app-user URL "
        "(https://host/v1/key/TOKEN/projects/ID) or https://kc.kobotoolbox.org/USER "
        "(default: server_url in the app's settings.json)",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="the account name (default: server_user in settings.json; none for a Central "
        "app-user URL). Password: system keychain, else $SURVEYOR_PASSWORD, else asked.",
    )


def resolve_account(args) -> tuple[str, str, str | None] | int:
    """(server_url, user, password) or an exit code after printing why."""
    # on first use: the sync modules pull httpx in (~0.4 s measured)
    from surveyor.sync.config import NoPassword
    from surveyor.sync.config import get_password
    from surveyor.sync.config import server_settings
    from surveyor.sync.transport import normalize_base

    url, user = server_settings(args.data_dir, server=args.server, user=args.user)
    if not url:
        print(
            "error: no server address: give --server URL or set server_url in the app's settings",
            file=sys.stderr,
        )
        return 1
    try:
        url = normalize_base(url)
    except ValueError as exc:
        return fail(exc)
    if not user:
        return url, "", None
    try:
        password = get_password(url, user, notice=lambda m: print(m, file=sys.stderr))
    except NoPassword as exc:
        return fail(exc, 2)
    return url, user, password


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "sync",
        help="send the finalized interviews to the campaign server (once)",
        description=(
            "Send every finalized interview (and those that failed before) to the OpenRosa "
            "server, one at a time, and print what happened to each. An interview the server "
            "refuses in a way only a person can settle (409: an edit of a version someone else "
            "already replaced) is held: listed as needing a decision, not sent again until "
            "--retry-held. Exit status: 0 nothing new went wrong (held interviews from earlier "
            "runs do not count), 1 some not sent, 2 authentication failed. Only one sending "
            "runs at a time. Then the door-to-door visits recorded here go to a Surveyor "
            "server (another server does not take them: they wait for a batch), and a newer "
            "campaign package on it is imported (surveyor campaign fetch)."
        ),
    )
    add_server_arguments(parser)
    parser.add_argument(
        "--forms", action="store_true", help="also download the server's new form versions first"
    )
    parser.add_argument(
        "--retry-held",
        action="store_true",
        help="send again the interviews held as needing a decision",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # on first use: the sync modules pull httpx in (~1.5 s measured)
    from surveyor.sync.passes import open_transport
    from surveyor.sync.transport import AuthError
    from surveyor.sync.transport import TransportError

    # here, not at the top: `surveyor --help` must not load the store and the engine (~2 s
    # measured on a busy machine)
    from surveyor.workspace import Workspace

    account = resolve_account(args)
    if isinstance(account, int):
        return account
    url, user, password = account
    try:
        with (
            Workspace.open(args.data_dir) as ws,
            open_transport(ws.store, url, user, password) as tr,
        ):
            erasures = ws.retry_server_erasures(url, user or None, password)
            if erasures is not None:
                print(f"{url}: {erasures}", file=sys.stderr)
            if args.retry_held:
                released = ws.release_held().value
                print(f"{len(released)} held interview(s) will be tried again.")
            if args.forms:
                try:
                    print(ws.fetch_forms(tr).value)
                except AuthError as exc:
                    return fail(f"authentication failed: {exc}", 2)
                except TransportError as exc:
                    print(f"error: cannot read the form list: {exc}", file=sys.stderr)
            report = ws.send_pending(
                tr,
                progress=lambda done, total, item: item is not None and print(item, flush=True),
            ).value
            visits = None
            if not report.auth_error:
                try:
                    visits = ws.send_fieldwork(tr).value
                except AuthError as exc:
                    return fail(f"authentication failed: {exc}", 2)
                try:
                    campaign = ws.fetch_campaign(tr).value
                    if campaign.changed or campaign.refused:
                        print(campaign)
                except TransportError as exc:
                    print(f"campaign package not fetched: {exc}", file=sys.stderr)
    except SurveyorError as exc:
        return fail(exc)
    for item in report.held:
        print(item)
    print(f"{url}: {report.summary()}")
    if visits is not None and (visits.visits or visits.pending):
        print(visits)  # a server without the visits' endpoint: they wait for a batch
    if report.auth_error:
        return 2
    return 0 if report.ok and not (visits and visits.error) else 1
