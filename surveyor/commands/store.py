"""``surveyor store``: the local database encrypted at rest (protect, unprotect, status)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from surveyor.commands.common import add_actions
from surveyor.commands.common import fail
from surveyor.commands.common import with_workspace_class

if TYPE_CHECKING:
    from surveyor.workspace import Workspace


def register(subparsers) -> None:
    actions = add_actions(
        subparsers,
        "store",
        help="protect the local database at rest (encrypted), or remove the protection",
        description=(
            "Encrypt this computer's database (surveyor.db and its backups) at rest with "
            "SQLCipher, its key held by the OS keychain or derived from a passphrase. A lost "
            "passphrase cannot be recovered: the data on this computer is then lost (the "
            "interviews already handed in are safe at the coordinator). Close Surveyor "
            "first. See docs/privacy.md."
        ),
    )
    protect = actions.add_parser(
        "protect",
        help="encrypt the database, its key in the OS keychain or from a passphrase",
        description=(
            "Encrypt the database in place: a new encrypted file is written and checked, "
            "then takes the place of the clear one; the backups are re-made encrypted."
        ),
    )
    how = protect.add_mutually_exclusive_group(required=True)
    how.add_argument("--keychain", action="store_true", help="a random key kept by the keychain")
    how.add_argument(
        "--passphrase-file",
        dest="new_passphrase_file",
        metavar="FILE",
        help="the new passphrase, the first line of FILE (at least 8 characters)",
    )
    protect.set_defaults(handler=run_protect)
    unprotect = actions.add_parser(
        "unprotect",
        help="make the database a clear SQLite file again",
        description=(
            "Decrypt the database and its backups in place. A passphrase-protected store "
            "needs its passphrase: `surveyor --passphrase-file FILE store unprotect`, or "
            "$SURVEYOR_STORE_PASSPHRASE."
        ),
    )
    unprotect.set_defaults(handler=run_unprotect)
    status = actions.add_parser("status", help="say whether the database is protected, and how")
    status.set_defaults(handler=run_status)


@with_workspace_class
def run_protect(args: argparse.Namespace, workspace: type[Workspace]) -> int:
    # here, not at the top: `surveyor --help` must not load the store
    from surveyor.cli import read_passphrase_file

    passphrase = None
    if args.new_passphrase_file:
        try:
            passphrase = read_passphrase_file(args.new_passphrase_file)
        except OSError as exc:
            return fail(f"cannot read the passphrase file: {exc}")
    report = workspace.protect(args.data_dir, passphrase=passphrase, keychain=args.keychain)
    how = "the OS keychain" if args.keychain else "the passphrase"
    print(f"{report.database} is now encrypted at rest; its key is held by {how}.")
    _print_copies(report)
    if not args.keychain:
        print(
            "Keep the passphrase safe: without it nobody can read this database again (the "
            "interviews already handed in are safe at the coordinator)."
        )
    return 0


@with_workspace_class
def run_unprotect(args: argparse.Namespace, workspace: type[Workspace]) -> int:
    report = workspace.unprotect(args.data_dir)
    print(f"{report.database} is a clear database again.")
    _print_copies(report)
    return 0


@with_workspace_class
def run_status(args: argparse.Namespace, workspace: type[Workspace]) -> int:
    method = workspace.protection_of(args.data_dir)
    if method is None:
        print("The database is not encrypted at rest.")
    else:
        print(f"The database is encrypted at rest; its key is held by the {method}.")
    return 0


def _print_copies(report) -> None:
    if report.copies:
        print(f"{len(report.copies)} backup(s) re-made the same way.")
    for path in report.left_clear:
        print(f"  could not convert {path} (damaged?): remove it by hand if it holds data")
