"""``surveyor export``: write the interviews as CSV (ODK Central's layout) or XLSX files."""

from __future__ import annotations

import argparse
import sys

from surveyor.commands.common import fail
from surveyor.commands.keys import add_key_options
from surveyor.commands.keys import load_key
from surveyor.errors import SurveyorError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the finalized interviews as CSV or XLSX files for analysis",
        description=(
            "Write the finalized interviews (finalized, sent or handed in; the latest "
            "revision of an edited one) into DIR: in CSV, <form_id>.csv and one "
            "<form_id>-<repeat>.csv per repeat, columns as in ODK Central's CSV export "
            "(SubmissionDate, group-field..., KEY, repeat rows linked by PARENT_KEY); in XLSX, "
            "one <form_id>.xlsx with a sheet per table. Every version of a form goes into the "
            "same files (union of their columns). Prints the files written."
        ),
    )
    parser.add_argument(
        "--format",
        choices=["csv", "xlsx"],
        default="csv",
        help="csv: one file per form and per repeat (default); xlsx: one workbook per form",
    )
    parser.add_argument(
        "--out", metavar="DIR", required=True, help="the folder to write into (created if needed)"
    )
    parser.add_argument(
        "--form",
        metavar="FORM_ID",
        action="append",
        help="only this form (repeat the option for several; default: every stored form)",
    )
    parser.add_argument(
        "--labels",
        action="store_true",
        help="write choice labels instead of choice names for select questions",
    )
    parser.add_argument(
        "--language",
        metavar="LANG",
        help="the labels' language, e.g. fr or 'Français (fr)' (default: the form's default)",
    )
    parser.add_argument(
        "--split-select-multiple",
        action="store_true",
        help="also write one 0/1 column <field>/<choice> per choice of a select_multiple",
    )
    parser.add_argument(
        "--excel-bom",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="CSV files for Excel: start them with a UTF-8 byte order mark so that Excel shows "
        "accents, and put a ' before any value Excel would run as a formula (one starting "
        "with = + - @, a tab or a CR; plain numbers such as -3 are kept) (default: on; "
        "--no-excel-bom for byte-for-byte ODK Central files: no BOM, values written raw, "
        "formulas included)",
    )
    parser.add_argument(
        "--personal",
        choices=["omit", "pseudonymise", "keep"],
        default="omit",
        help="the personal fields (names, phones, e-mails...: docs/privacy.md): omit leaves "
        "their columns out (default); pseudonymise writes a token instead of each value "
        "(P-XXXXXXXXXXXX, a keyed hash with this campaign's secret: the same value gives the "
        "same token in every export of the campaign); keep writes them as answered",
    )
    parser.add_argument(
        "--include-drafts",
        action="store_true",
        help="also export drafts (never deleted interviews)",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no progress on stderr, only the files written"
    )
    add_key_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # on first use: `surveyor --help` must not load the export and query modules (~0.5 s measured)
    from surveyor.exports import ExportOptions
    from surveyor.interviews.record import Status
    from surveyor.store.queries import SUBMITTED

    # here, not at the top: `surveyor --help` must not load the store and the engine (~2 s
    # measured on a busy machine)
    from surveyor.workspace import Workspace

    statuses = SUBMITTED + ((Status.DRAFT,) if args.include_drafts else ())
    options = ExportOptions(
        labels=args.labels,
        language=args.language,
        split_select_multiple=args.split_select_multiple,
        excel_bom=args.excel_bom,
        statuses=statuses,
        personal=args.personal,
    )
    progress = None
    if not args.quiet and sys.stderr.isatty():

        def progress(done: int, total: int) -> None:
            print(f"\r{done}/{total} interviews", end="", file=sys.stderr, flush=True)

    try:
        key = load_key(args)
        with Workspace.open(args.data_dir) as ws:
            files = ws.export(
                args.out,
                format=args.format,
                form_ids=args.form,
                options=options,
                progress=progress,
                private_key=key,
            )
            waiting = ws.encrypted_waiting()
        if waiting:
            print(
                f"note: {waiting} encrypted interview(s) are not in the export: give their "
                "form's private key (--key KEY.pem).",
                file=sys.stderr,
            )
    except (SurveyorError, OSError) as exc:
        if progress:
            print(file=sys.stderr)
        return fail(exc)
    if progress:
        print(file=sys.stderr)
    for path in files:
        print(path)
    return 0
