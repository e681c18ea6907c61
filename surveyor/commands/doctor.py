"""``surveyor doctor``: check the local database, and rebuild a damaged one."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from surveyor.commands.common import with_workspace_class

if TYPE_CHECKING:
    from surveyor.workspace import Workspace


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check the local database for damage, and repair it (--repair)",
        description=(
            "Check surveyor.db completely (SQLite's integrity_check) and list the rolling "
            "backups; changes nothing. Exit 0 when sound, 1 when damaged. With --repair, "
            "rebuild a damaged database into a NEW file from every row that can still be read "
            "and, for the rows it lost, from the newest sound backup; the damaged file is "
            "renamed aside untouched (surveyor.db.damaged-<time>). Close Surveyor first."
        ),
    )
    parser.add_argument(
        "--repair",
        action="store_true",
        help="rebuild a damaged database into a new file (the damaged one is kept aside)",
    )
    parser.set_defaults(handler=run)


@with_workspace_class
def run(args: argparse.Namespace, workspace: type[Workspace]) -> int:
    report = workspace.check(args.data_dir)
    path = report.path
    if report.ok:
        print(f"{path}: sound (integrity_check ok).")
        if args.repair:
            print("Nothing to repair.")
        _print_backups(report.backups)
        return 0
    print(f"{path}: DAMAGED ({len(report.problems)} problem(s) found):")
    for problem in report.problems[:10]:
        print(f"  {problem}")
    _print_backups(report.backups)
    if not args.repair:
        print(
            "Run `surveyor doctor --repair` to rebuild it into a new file from what can "
            "still be read and from the newest sound backup (the damaged file is kept)."
        )
        return 1
    repaired = workspace.repair(args.data_dir)
    print(f"Rebuilt {repaired.path} (sound).")
    print(f"The damaged file is kept, untouched, as {repaired.damaged_copy}.")
    for table, rows in repaired.salvaged.items():
        extra = repaired.from_backup.get(table, 0)
        if rows or extra:
            more = f" + {extra} lost ones from the backup" if extra else ""
            print(f"  {table}: {rows} rows read from the damaged file{more}")
    if repaired.backup_used:
        print(f"Rows the damaged file lost were taken from {repaired.backup_used}.")
    else:
        print("No sound backup was found: rows on the damaged pages could not be recovered.")
    if repaired.unreadable:
        print(f"Tables that could not be read at all: {', '.join(repaired.unreadable)}.")
    return 0


def _print_backups(backups) -> None:
    if not backups:
        print("No rolling backup yet.")
        return
    print("Rolling backups (newest first):")
    for backup in backups:
        print(f"  {backup.path}  ({backup.reason}, {backup.moment:%Y-%m-%d %H:%M} UTC)")
