"""``surveyor interviews``: list the interviews in the local store."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from surveyor.commands.common import in_workspace
from surveyor.interviews.record import Status


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "interviews",
        help="list the interviews in the local store",
        description="List the interviews in the local store, newest first.",
    )
    parser.add_argument(
        "--status",
        choices=[s.value for s in Status],
        help="only interviews in this state",
    )
    parser.add_argument("--form", metavar="FORM_ID", help="only interviews of this form")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.set_defaults(handler=run)


@in_workspace
def run(args: argparse.Namespace, ws) -> int:
    rows = ws.list_interviews(
        status=args.status,
        form_id=args.form,
        include_deleted=args.status == Status.DELETED.value,
    )
    if args.json:
        print(json.dumps([_summary_dict(row) for row in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        data = _summary_dict(row)
        print(
            "\t".join(
                str(data.get(key) or "")
                for key in ("instance_id", "status", "form_id", "updated_at", "instance_name")
            )
        )
    return 0


def _summary_dict(row) -> dict:
    if hasattr(row, "to_dict"):
        return row.to_dict()
    data = asdict(row)
    return {k: (str(v) if isinstance(v, Status) else v) for k, v in data.items()}
