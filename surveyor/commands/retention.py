"""``surveyor retention``: the campaign's retention period, who reaches it, and the purge."""

from __future__ import annotations

import argparse
import sys

from surveyor.commands.common import in_workspace


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "retention",
        help="report (and with --yes apply) the retention period of the personal fields",
        description=(
            "The campaign's retention period: how many days after its finalizing an interview "
            "keeps its personal fields (names, phones, e-mails... docs/privacy.md). Without "
            "options: set the period, or say which interviews are past it and which reach it "
            "within the warning days. --yes removes the personal fields of those past it, here "
            "and in the backups (the other answers stay, for the results). Exit status 3 when "
            "some are past the period and --yes was not given."
        ),
    )
    parser.add_argument("--set-days", type=int, metavar="DAYS", help="set the retention period")
    parser.add_argument(
        "--warn-days", type=int, metavar="DAYS", help="warn this many days before (default 30)"
    )
    parser.add_argument(
        "--yes", action="store_true", help="remove the personal fields past the period now"
    )
    parser.set_defaults(handler=run)


@in_workspace
def run(args: argparse.Namespace, ws) -> int:
    if args.set_days is not None or args.warn_days is not None:
        settings = ws.privacy_settings()
        if args.set_days is not None:
            settings.retention_days = args.set_days
        if args.warn_days is not None:
            settings.warn_days = args.warn_days
        ws.save_privacy_settings(settings)
    report = ws.retention_report()
    if report.days is None:
        print("No retention period is set (surveyor retention --set-days DAYS).")
        return 0
    print(
        f"Retention period: {report.days} days after finalizing "
        f"(warning {report.warn_days} days before)."
    )
    print(f"Past the period: {len(report.overdue)} interview(s).")
    if report.visit_notes:
        print(f"Visit notes older than the period: {report.visit_notes}.")
    print(f"Reaching it within {report.warn_days} days: {len(report.soon)} interview(s).")
    for due in report.soon:
        print(f"  {due.instance_id}\tpersonal fields removed on {due.due[:10]}")
    if not report.overdue and not report.visit_notes:
        return 0
    if not args.yes:
        for due in report.overdue:
            print(f"  {due.instance_id}\tpast since {due.due[:10]}")
        print("Run again with --yes to remove their personal fields.", file=sys.stderr)
        return 3
    removed = ws.apply_retention().value
    print(f"Removed {removed} personal value(s) from {len(report.overdue)} interview(s).")
    if report.visit_notes:
        print(f"Removed {report.visit_notes} visit note(s) older than the period.")
    return 0
