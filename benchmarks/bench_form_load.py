"""Benchmark: XLSForm file -> Form, cold (pyxform + model) and warm (compiled cache).

Generates an .xlsx with 2,000 questions and 1,000 expressions (500 calculations, 500
relevance conditions), in groups and a repeat, then prints the median times.

    uv run python benchmarks/bench_form_load.py [--runs 5] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from surveyor.forms import load_form  # noqa: E402

QUESTIONS = 2000
EXPRESSIONS = 1000


def write_form(path: Path, questions: int = QUESTIONS, expressions: int = EXPRESSIONS) -> None:
    wb = Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "relevant", "calculation", "constraint"])
    kinds = ["integer", "text", "select_one yn", "decimal", "date", "select_multiple fruit"]
    n_calc = expressions // 2
    n_rel = expressions - n_calc
    made = 0
    group = 0
    while made < questions:
        group += 1
        is_repeat = group % 10 == 0
        survey.append(
            ["begin_repeat" if is_repeat else "begin_group", f"g{group}", f"Group {group}"]
        )
        for _ in range(50):
            if made >= questions:
                break
            i = made
            made += 1
            if i < n_calc * 2 and i % 2 == 1:
                # A calculation on the previous integer/decimal or text.
                survey.append(
                    [
                        "calculate",
                        f"q{i}",
                        None,
                        None,
                        f"if(${{q{i - 1}}} != '', concat('v', ${{q{i - 1}}}), 'none')",
                    ]
                )
                continue
            kind = kinds[i % len(kinds)]
            relevant = (
                (f"${{q{i - 2}}} != '' or {i} > 3" if i >= 2 else "true()")
                if (i // 2) < n_rel and i % 2 == 0
                else None
            )
            constraint = ". > 0" if kind in ("integer", "decimal") else None
            survey.append([kind, f"q{i}", f"Question {i}", relevant, None, constraint])
        survey.append(["end_repeat" if is_repeat else "end_group"])
    choices = wb.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    for name in ("yes", "no"):
        choices.append(["yn", name, name.title()])
    for name in ("apple", "pear", "plum"):
        choices.append(["fruit", name, name.title()])
    settings = wb.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    settings.append(["Benchmark", "bench", "1"])
    wb.save(path)


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (default 5)")
    parser.add_argument("--profile", action="store_true", help="profile one cold load")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.xlsx"
        write_form(path)
        form = load_form(path)
        n_fields = sum(1 for _ in form.fields())
        n_expr = sum(1 for n in form.fields() if n.bind.calculate) + sum(
            1 for n in form.root.walk() if n.bind.relevant
        )
        print(f"form: {path.stat().st_size // 1024} KiB, {n_fields} fields, {n_expr} expressions")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(load_form, path)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        cold = [timed(lambda: load_form(path)) for _ in range(args.runs)]
        cache = Path(tmp) / "cache"
        load_form(path, cache_dir=cache)  # fills the cache
        warm = [timed(lambda: load_form(path, cache_dir=cache)) for _ in range(args.runs)]
        # Where the cold time goes.
        from surveyor.forms.loader import convert
        from surveyor.forms.loader import read_definition
        from surveyor.forms.xform import build_form

        data = path.read_bytes()
        read = [timed(lambda: read_definition(data, path.name)) for _ in range(args.runs)]
        _, definition = read_definition(data, path.name)
        xform_holder = {}

        def do_convert():
            xform_holder["x"] = convert(definition, path.name)[0]

        conv = [timed(do_convert) for _ in range(args.runs)]
        build = [timed(lambda: build_form(xform_holder["x"])) for _ in range(args.runs)]
    print(f"cold (no cache), median of {args.runs}: {statistics.median(cold) * 1000:.0f} ms")
    print(f"  read xlsx (openpyxl):   {statistics.median(read) * 1000:.0f} ms")
    print(f"  pyxform to XForm:       {statistics.median(conv) * 1000:.0f} ms")
    print(f"  XForm to model:         {statistics.median(build) * 1000:.0f} ms")
    print(f"warm (cache), median of {args.runs}:   {statistics.median(warm) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
