"""``surveyor erase``: find a resident's interview and erase it everywhere in the data dir."""

from __future__ import annotations

import argparse
import sys

from surveyor.commands.common import fail
from surveyor.commands.common import run_in_workspace
from surveyor.commands.sync import add_server_arguments
from surveyor.errors import AuthError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "erase",
        help="erase one interview everywhere (a resident's right to erasure)",
        description=(
            "Erase an interview with its whole history from this data dir: every version of "
            "it (edits), its attached files, its merge conflicts, its words in the search "
            "index, and the copies in the backups; the database file is rewritten so nothing "
            "stays on disk. The erasure log keeps the instanceID and the time, never an "
            "answer; a batch bringing the interview again merges nothing of it. Find the "
            "interview first with --search. The next campaign package carries the erasure "
            "log to the laptops; --write-list FOLDER also writes it, signed, as erasures.json "
            "into the shared folder or USB key: a laptop handing in there erases its copies "
            "(or run --apply-list FILE on it; a list not signed by the coordinator whose "
            "package the laptop took is ignored). When a server is set (--server, or the "
            "app's settings), the coordinator's Surveyor server is asked to erase it too; if "
            "it cannot be reached now, it is asked again at the next sync or download. See "
            "docs/privacy.md."
        ),
    )
    parser.add_argument("instance_id", nargs="?", metavar="INSTANCE_ID", help="uuid:…")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation (scripts)")
    parser.add_argument(
        "--search",
        metavar="TEXT",
        help="list the interviews whose name, interviewer or answers hold TEXT (erases nothing)",
    )
    parser.add_argument(
        "--write-list",
        metavar="FOLDER",
        help="write the erasure log as FOLDER/erasures.json, for the laptops",
    )
    parser.add_argument(
        "--apply-list",
        metavar="FILE",
        help="(on a laptop) erase the interviews an erasures.json names",
    )
    add_server_arguments(parser)
    parser.add_argument(
        "--local-only",
        action="store_true",
        help="erase in this data dir only, do not ask the server",
    )
    parser.set_defaults(handler=run)


def _confirm(ids: list[str]) -> bool:
    print(f"This erases {len(ids)} version(s) of the interview for good:", file=sys.stderr)
    for instance_id in ids:
        print(f"  {instance_id}", file=sys.stderr)
    print("Type yes to erase: ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().lower()
    return answer == "yes"


def run(args: argparse.Namespace) -> int:
    chosen = [a for a in (args.instance_id, args.search, args.write_list, args.apply_list) if a]
    if len(chosen) != 1:
        return fail("give one of INSTANCE_ID, --search, --write-list or --apply-list", 2)
    return run_in_workspace(args, lambda ws: _run(args, ws))


def _run(args: argparse.Namespace, ws) -> int:
    if args.search:
        for row in ws.find_interviews(args.search):
            when = row.finalized_at or row.updated_at
            print(f"{row.instance_id}\t{row.form_id}\t{row.status}\t{when}")
        return 0
    if args.write_list:
        print(ws.write_erasures(args.write_list))
        return 0
    if args.apply_list:
        erased = ws.apply_erasures(args.apply_list).value
        for instance_id in erased.instance_ids:
            print(instance_id)
        return 0
    ids = ws.interview_history(args.instance_id)
    if not ids:
        return fail(f"No interview {args.instance_id} in the local database; nothing was erased.")
    if not args.yes and not _confirm(ids):
        print("Nothing was erased.", file=sys.stderr)
        return 1
    erased = ws.erase_interview(args.instance_id).value
    for instance_id in erased.instance_ids:
        print(instance_id)
    print(
        f"Erased {len(erased.instance_ids)} version(s), {erased.attachments} attached "
        f"file(s), {erased.conflicts} conflict(s); {len(erased.copies)} backup(s) cleaned.",
        file=sys.stderr,
    )
    if args.local_only:
        return 0
    return _erase_on_server(args, erased.instance_ids)


def _erase_on_server(args: argparse.Namespace, ids: list[str]) -> int:
    """Ask the configured server to erase ``ids`` too; queued when it cannot be asked now."""
    # on first use: the sync modules pull httpx in (~0.4 s measured)
    from surveyor.sync.config import NoPassword
    from surveyor.sync.config import get_password
    from surveyor.sync.config import server_settings
    from surveyor.sync.passes import open_transport
    from surveyor.sync.transport import normalize_base

    # here, not at the top: `surveyor --help` must not load the store (see run)
    from surveyor.workspace import Workspace

    url, user = server_settings(args.data_dir, server=args.server, user=args.user)
    if not url or not ids:
        return 0
    try:
        url = normalize_base(url)
    except ValueError as exc:
        print(f"error: {exc}: the server was not asked to erase it", file=sys.stderr)
        return 1
    with Workspace.open(args.data_dir) as ws:
        try:
            password = (
                get_password(url, user, notice=lambda m: print(m, file=sys.stderr))
                if user
                else None
            )
        except NoPassword as exc:
            ws.queue_server_erasures(url, ids)
            print(
                f"{exc}: {url} was not asked to erase it; it will be at the next sync or download.",
                file=sys.stderr,
            )
            return 1
        with open_transport(ws.store, url, user or None, password or None) as transport:
            try:
                result = ws.erase_on_server(transport, ids).value
            except AuthError as exc:
                print(
                    f"error: {url} refused the erasure (a coordinator account is needed): "
                    f"{exc}; it will be asked again at the next sync or download.",
                    file=sys.stderr,
                )
                return 2
    print(f"{url}: {result}", file=sys.stderr)
    return 1 if result.queued or result.unsupported else 0
