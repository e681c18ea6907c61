"""``surveyor report``: the funders' report as DOCX or PDF, without a display."""

from __future__ import annotations

import argparse

from surveyor.commands.common import in_workspace
from surveyor.commands.results import add_bands_option
from surveyor.commands.results import add_form_option
from surveyor.commands.results import parse_bands


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write the funders' report (DOCX or PDF) from the merged interviews",
        description=(
            "Write the campaign's report: the campaign and its method, who answered, the "
            "needs ranked, a table and a chart per question of the plan, the chosen "
            "cross-tabs, the coded themes with the picked quotes, and the definitions. Never "
            "any personal data. The plan is --plan FILE, else the campaign's saved plan, else "
            "every choice and number question (docs/results.md gives the plan's format)."
        ),
    )
    parser.add_argument("--out", metavar="FILE", required=True, help="FILE.docx or FILE.pdf")
    parser.add_argument("--plan", metavar="PLAN.json", help="the report plan to follow")
    add_form_option(parser)
    parser.add_argument(
        "--language", choices=["fr", "en"], default="fr", help="the report's language (default: fr)"
    )
    add_bands_option(
        parser, where="where the plan splits or crosses by it", default="the plan's bands"
    )
    parser.add_argument(
        "--save-plan",
        metavar="PLAN.json",
        help="also write the plan used as JSON (to edit it and pass it back with --plan)",
    )
    parser.set_defaults(handler=run)


@in_workspace
def run(args: argparse.Namespace, ws) -> int:
    # here, not at the top: `surveyor --help` must not load the report (~2 s with the store)
    from surveyor.results.plan import load_plan
    from surveyor.results.plan import save_plan

    bands = parse_bands(args.bands)
    plan = load_plan(args.plan) if args.plan else ws.report_plan(args.form)
    plan.bands = {**plan.bands, **bands}
    if args.save_plan:
        save_plan(plan, args.save_plan)
    print(ws.write_report(args.out, plan=plan, language=args.language))
    return 0
