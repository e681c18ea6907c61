"""``surveyor results``: figures per question over the merged interviews, or a cross-tab."""

from __future__ import annotations

import argparse
import json
import sys

from surveyor.commands.common import fail
from surveyor.commands.common import name_value_pairs
from surveyor.errors import ErrorCode
from surveyor.errors import SurveyorError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "results",
        help="figures per question (tris à plat) or a cross-tab of two questions",
        description=(
            "Count the answers of the merged interviews (the current version of each "
            "finalized interview; drafts, deleted and superseded versions left out): per "
            "question, how many were asked (the question was relevant), answered, and the "
            "counts of each choice or the statistics of a number. Personal fields show no "
            "values. See docs/results.md for the definitions."
        ),
    )
    add_form_option(parser)
    parser.add_argument(
        "--filter",
        metavar="QUESTION=VALUE",
        action="append",
        default=[],
        help="only interviews that gave VALUE to QUESTION (a choice code; repeat the option: "
        "values of one question are alternatives, different questions all apply)",
    )
    parser.add_argument(
        "--interviewer", action="append", default=[], help="only this interviewer (repeatable)"
    )
    parser.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="interviews from this day"
    )
    parser.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="interviews up to this day"
    )
    parser.add_argument(
        "--by", metavar="QUESTION", help="the same figures for each value of QUESTION"
    )
    add_bands_option(
        parser,
        where="where it groups or crosses",
        default="the campaign's bands, else automatic ones, docs/results.md",
    )
    parser.add_argument(
        "--crosstab",
        nargs=2,
        metavar=("QUESTION_A", "QUESTION_B"),
        help="a cross-tab: QUESTION_A in rows, QUESTION_B in columns (counts, row and column %%)",
    )
    parser.add_argument(
        "--reference",
        action="store_true",
        help="compare who answered with the neighbourhood's reference figures "
        "(`surveyor reference set`): answered %% against the neighbourhood's, per category",
    )
    parser.add_argument(
        "--language", metavar="LANG", help="labels in this language (fr, en; default: the form's)"
    )
    parser.add_argument(
        "--json", action="store_true", help="one JSON object on stdout (docs/results.md)"
    )
    parser.set_defaults(handler=run)


def add_form_option(parser: argparse.ArgumentParser) -> None:
    """``--form``, as ``surveyor results`` and ``surveyor report`` take it."""
    parser.add_argument(
        "--form", metavar="FORM_ID", help="the form (needed when several have interviews)"
    )


def add_bands_option(parser: argparse.ArgumentParser, *, where: str, default: str) -> None:
    """``--bands QUESTION=EDGES`` (repeatable), as ``surveyor results`` and ``surveyor report``
    take it; ``where`` says when the bands apply, ``default`` what applies without it."""
    parser.add_argument(
        "--bands",
        metavar="QUESTION=EDGES",
        action="append",
        default=[],
        help=f"cut the number QUESTION into bands at EDGES {where} (as "
        "member_age=15,30,45,60,75: under 15, 15-29, ..., 75 and over; repeatable; default: "
        f"{default})",
    )


def parse_filters(items: list[str]) -> dict[str, list[str]]:
    """``--filter QUESTION=VALUE`` options -> question -> the values it may have."""
    filters: dict[str, list[str]] = {}
    for name, value in name_value_pairs(
        items, what="The filter", form="QUESTION=VALUE", code=ErrorCode.RESULTS_UNKNOWN_VALUE
    ):
        filters.setdefault(name, []).append(value)
    return filters


def parse_bands(items: list[str]) -> dict[str, tuple[float, ...]]:
    """``--bands QUESTION=EDGES`` options -> question -> edges (RESULTS_BANDS_INVALID)."""
    # here, not at the top: `surveyor --help` must not load the results engine (numpy)
    from surveyor.results.bands import parse_edges

    pairs = name_value_pairs(
        items,
        what="The bands",
        form="QUESTION=EDGES (as member_age=15,30,45)",
        code=ErrorCode.RESULTS_BANDS_INVALID,
    )
    return {name: parse_edges(edges, name=name) for name, edges in pairs}


def _number(value) -> str:
    if value is None:
        return "-"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _print_results(data: dict, indent: str = "") -> None:
    print(f"{indent}{data['interviews']} interviews")
    for name, q in data["questions"].items():
        print(f"{indent}{name} ({q['type']}): {q['label']}")
        print(f"{indent}  asked {q['asked']}, answered {q['answered']}")
        for code, n in (q.get("counts") or {}).items():
            share = f" ({100 * n / q['answered']:.1f}%)" if q["answered"] else ""
            print(f"{indent}    {code}: {n}{share}")
        if "n" in q:
            print(
                f"{indent}  n {q['n']}, mean {_number(q['mean'])}, median {_number(q['median'])}, "
                f"min {_number(q['min'])}, max {_number(q['max'])}"
            )


def _print_crosstab(data: dict) -> None:
    columns = list(data["column_labels"])
    print(f"{data['rows']} (rows) by {data['columns']} (columns), {data['total']} {data['unit']}s")
    print("\t".join(["", *columns, "total"]))
    for row in data["row_labels"]:
        cells = [
            f"{data['counts'][row][c]} ({_number(data['row_percent'][row][c])}%)" for c in columns
        ]
        print("\t".join([row, *cells, str(data["row_totals"][row])]))
    print(
        "\t".join(["total", *(str(data["column_totals"][c]) for c in columns), str(data["total"])])
    )
    if data["small_base"]:
        print(f"warning: some bases are under {data['small_base_threshold']} answers")


def _print_reference(data: dict) -> None:
    if not data:
        print("no reference figures: give some with `surveyor reference set`")
    for name, c in data.items():
        year = f" ({c['year']})" if c["year"] else ""
        print(f"{name}: {c['label']}")
        print(f"  source: {c['source']}{year}; base {c['base']} {c['unit']}s who answered")
        print("\t".join(["", "answered", "%", "neighbourhood %", "difference (points)"]))
        for code, row in c["categories"].items():
            cells = [row["count"], row["percent"], row["reference"], row["difference"]]
            print("\t".join([code, *(_number(v) for v in cells)]))
        if c["outside"]:
            print(f"  {c['outside']} answers in none of the bands, left out of the base")
        if c["small_base"]:
            print(f"  warning: the base is under {c['small_base_threshold']} answers")


def run(args: argparse.Namespace) -> int:
    # here, not at the top: `surveyor --help` must not load the store and the engine (~2 s)
    from surveyor.results.compute import Selection
    from surveyor.workspace import Workspace

    try:
        selection = Selection(
            form_id=args.form,
            interviewers=tuple(args.interviewer),
            date_from=args.date_from,
            date_to=args.date_to,
            answers=parse_filters(args.filter),
        )
        bands = parse_bands(args.bands)
        with Workspace.open(args.data_dir) as ws:
            if args.crosstab:
                data = ws.crosstab(
                    *args.crosstab, selection, language=args.language, bands=bands
                ).to_json()
            elif args.reference:
                compared = ws.compare_references(selection, language=args.language)
                data = {"reference": {c.question: c.to_json() for c in compared}}
            else:
                result = ws.results(selection, by=args.by, language=args.language, bands=bands)
                data = result.to_json()
    except (SurveyorError, OSError) as exc:
        return fail(exc)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif args.crosstab:
        _print_crosstab(data)
    elif args.reference:
        _print_reference(data["reference"])
    else:
        _print_results(data)
        labels = data.get("group_labels") or {}
        for code, group in (data.get("groups") or {}).items():
            print(f"\n== {args.by} = {labels.get(code, code)}")
            _print_results(group, "  ")
    return 0
