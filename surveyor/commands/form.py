"""``surveyor form ...``: work with XLSForm files without opening the app."""

from __future__ import annotations

import argparse

from surveyor.commands.common import add_actions


def register(subparsers) -> None:
    actions = add_actions(
        subparsers,
        "form",
        help="check XLSForm files",
        description="Work with XLSForm files (.xlsx, .xls, .csv, .md) and XForms.",
    )
    check = actions.add_parser(
        "check",
        help="report every problem of XLSForm files",
        description=(
            "Check XLSForm files: pyxform's errors (unknown types, references to no field, "
            "duplicate names, missing choice lists) and the expressions (syntax, unknown "
            "functions, rings of calculations and relevance, references to no field), and "
            "refuses .xlsx files that would inflate past 100 MiB (zip bombs). Prints one line "
            "FILE:SHEET:ROW: message per problem and exits with 1, or 'OK FILE' per valid "
            "form and exits with 0; warnings (FILE:SHEET:ROW: warning: message) do not make "
            "a form invalid."
        ),
    )
    check.add_argument(
        "files", nargs="+", metavar="FILE", help="an XLSForm file (.xlsx, .xls, .csv, .md)"
    )
    check.set_defaults(handler=_check)


def _check(args: argparse.Namespace) -> int:
    # on first use: the form checker (~0.2 s measured) only for this command
    from surveyor.forms.check import check_form

    status = 0
    for file in args.files:
        problems = check_form(file)
        for problem in problems:
            print(problem, flush=True)
        if any(not problem.warning for problem in problems):
            status = 1
        else:
            print(f"OK {file}", flush=True)
    return status
