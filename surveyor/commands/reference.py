"""``surveyor reference``: the neighbourhood's reference figures (e.g. INSEE's), typed in once
to compare who answered with who lives there (``surveyor results --reference``)."""

from __future__ import annotations

import argparse
import json
import sys

from surveyor.commands.common import add_actions
from surveyor.commands.common import in_workspace
from surveyor.commands.common import name_value_pairs
from surveyor.commands.results import add_form_option
from surveyor.errors import ErrorCode


def register(subparsers) -> None:
    actions = add_actions(
        subparsers,
        "reference",
        help="the neighbourhood's reference figures (INSEE...), to compare who answered",
        description=(
            "The share (%%) of the neighbourhood's population in each category of a question "
            "(a single choice: its choice codes; a number such as an age: bands LOW-HIGH, both "
            "ends included, or LOW+), with the source and the year. `surveyor results "
            "--reference` compares them with who answered. See docs/results.md."
        ),
    )
    setting = actions.add_parser(
        "set",
        help="give a question's reference figures (replacing any it had)",
        description=(
            "Example: surveyor reference set housing_type --source 'INSEE, recensement 2021, "
            "QPV Laubadère' --year 2021 social_rent=71 private_rent=19 owner=10. The shares "
            "must add up to 100 (within 1 point)."
        ),
    )
    setting.add_argument("question", metavar="QUESTION", help="the question's name")
    setting.add_argument(
        "shares", metavar="CODE=PCT", nargs="+", help="a choice code (or a band) and its share"
    )
    setting.add_argument("--source", required=True, help="where the figures come from")
    setting.add_argument("--year", help="the year the figures describe")
    setting.set_defaults(handler=run_set)
    showing = actions.add_parser("show", help="print the reference figures kept")
    showing.add_argument("--json", action="store_true", help="one JSON object on stdout")
    showing.set_defaults(handler=run_show)
    clearing = actions.add_parser("clear", help="forget a question's reference figures")
    clearing.add_argument(
        "question", metavar="QUESTION", nargs="?", help="the question (default: every one)"
    )
    clearing.set_defaults(handler=run_clear)
    for parser in (setting, showing, clearing):
        add_form_option(parser)


def parse_shares(items: list[str]) -> dict[str, str]:
    """``CODE=PCT`` arguments -> choice code (or band) -> the share as typed."""
    return dict(
        name_value_pairs(
            items,
            what="The share",
            form="CODE=PERCENT (e.g. owner=12.5)",
            code=ErrorCode.RESULTS_REFERENCE_INVALID,
        )
    )


@in_workspace
def run_set(args: argparse.Namespace, ws) -> int:
    shares = parse_shares(args.shares)
    ws.set_reference(args.form, args.question, shares, source=args.source, year=args.year)
    return 0


@in_workspace
def run_show(args: argparse.Namespace, ws) -> int:
    references = {name: ref.to_json() for name, ref in ws.references(args.form).items()}
    if args.json:
        json.dump(references, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for name, ref in references.items():
        year = f" ({ref['year']})" if ref["year"] else ""
        print(f"{name}: {ref['source']}{year}")
        for code, share in ref["shares"].items():
            print(f"  {code}: {share:g}%")
    return 0


@in_workspace
def run_clear(args: argparse.Namespace, ws) -> int:
    ws.clear_reference(args.form, args.question)
    return 0
