"""Benchmark the interview engine.

1. The 2,000-question form (1,000 calculations and relevance expressions): from file to the
   first question ready, cold (no cache) and warm (compiled cache), each in a fresh process.
2. One answer change on that form: median and p99 of the recomputation.
3. Headless fill of the habitants form: interviews per second, engine only and stored
   (durable SQLite writes), as ``surveyor fill`` does it.
4. Repeats: the cost of adding the 10th and the 500th household member.

    uv run python benchmarks/bench_engine.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from bench_form_load import write_form  # noqa: E402

from surveyor.forms import load_form  # noqa: E402
from surveyor.interviews.compiled import compile_form  # noqa: E402
from surveyor.interviews.session import InterviewSession  # noqa: E402

FIRST_QUESTION = """
import sys, time, json
begin = time.perf_counter()
sys.path.insert(0, {repo!r})
from surveyor.forms import load_form
from surveyor.interviews.compiled import compile_form
from surveyor.interviews.session import InterviewSession
if {preload!r}:
    import pyxform.xls2xform  # a running app has it loaded (the app preloads it)
start = time.perf_counter()
form = load_form({path!r}, cache_dir={cache!r})
session = InterviewSession(form, compiled=compile_form(form, cache_dir={cache!r}))
first = next(session.visible_fields())
label = session.label(first)
end = time.perf_counter()
print(json.dumps({{"seconds": end - start, "with_imports": end - begin}}))
"""


def first_question_seconds(path: Path, cache: Path | None, *, preload=True, key="seconds"):
    """File to first question ready, in a fresh process (no in-memory cache)."""
    code = FIRST_QUESTION.format(
        repo=str(REPO), path=str(path), cache=str(cache) if cache else None, preload=preload
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)[key]


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def bench_big_form(runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.xlsx"
        write_form(path)
        cache = Path(tmp) / "cache"
        cold = [first_question_seconds(path, None) for _ in range(runs)]
        cold_fresh = [
            first_question_seconds(path, None, preload=False, key="with_imports")
            for _ in range(runs)
        ]
        first_question_seconds(path, cache)  # fill the cache
        warm = [first_question_seconds(path, cache, preload=False) for _ in range(runs)]
        warm_fresh = [
            first_question_seconds(path, cache, preload=False, key="with_imports")
            for _ in range(runs)
        ]
        form = load_form(path)
        compiled = compile_form(form)
        session = InterviewSession(form, compiled=compiled)
        # answer changes on questions that others read
        readers = [
            p
            for p in compiled.dependents
            if form.nodes.get(p) is not None
            and form.nodes[p].control == "input"
            and form.nodes[p].bind.type == "int"
            and compiled.repeat_of.get(p) is None
        ]
        rng = random.Random(1)
        times = []
        for i in range(2000):
            path_ = rng.choice(readers)
            node = session.nodes_of(path_)[0]
            start = time.perf_counter()
            session.set_answer(node, str(i % 50 + 1) if i % 3 else "")
            times.append(time.perf_counter() - start)
        nav = []
        fields = list(session.visible_fields())
        for i in range(300):
            start = time.perf_counter()
            node = fields[(i * 7) % len(fields)]
            session.label(node)
            session.is_required(node)
            session.is_readonly(node)
            session.check(node)
            nav.append(time.perf_counter() - start)
    return {
        "questions": sum(1 for _ in form.fields()),
        "computations": len(compiled.computations),
        "first_question_cold_s": statistics.median(cold),
        "first_question_cold_with_imports_s": statistics.median(cold_fresh),
        "first_question_warm_s": statistics.median(warm),
        "first_question_warm_with_imports_s": statistics.median(warm_fresh),
        "answer_change_median_ms": statistics.median(times) * 1000,
        "answer_change_p99_ms": pct(times, 0.99) * 1000,
        "answer_change_readers": len(readers),
    }


def bench_fill(runs: int) -> dict:
    from surveyor.services.interviews import FormLibrary
    from surveyor.services.interviews import fill_interview
    from surveyor.store import Store

    answers = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text())
    form = load_form(REPO / "forms" / "enquete_habitants.xlsx")
    compiled = compile_form(form)
    count = 300
    engine_rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(count):
            s = InterviewSession(form, compiled=compiled)
            assert not s.load_answers(answers)
            assert not s.validate()
            s.finalize_metadata()
            s.to_xml()
        engine_rates.append(count / (time.perf_counter() - start))
    stored_rates = []
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp)) as store:
            library = FormLibrary(store)
            library.register(form)
            for _ in range(runs):
                start = time.perf_counter()
                for _ in range(count):
                    result = fill_interview(library, form, answers, finalize=True)
                    assert result.ok, result.problems
                stored_rates.append(count / (time.perf_counter() - start))
    return {
        "fill_engine_per_s": statistics.median(engine_rates),
        "fill_stored_per_s": statistics.median(stored_rates),
    }


def bench_repeats(runs: int) -> dict:
    form = load_form(REPO / "forms" / "enquete_habitants.xlsx")
    compiled = compile_form(form)
    member = {
        "member_name": "A",
        "member_age": "30",
        "member_relationship": "child",
        "member_work": "employed",
    }
    at = {10: [], 500: []}
    for _ in range(runs):
        s = InterviewSession(form, compiled=compiled)
        s.set_answer("/data/consent", "yes")
        for inst in s.repeat_instances("/data/household/member"):
            s.remove_repeat(inst)  # the instance the form starts with: count from zero
        for n in range(1, 501):
            start = time.perf_counter()
            inst = s.add_repeat("/data/household/member")
            for key, value in member.items():
                s.set_answer(s.nodes_of(f"/data/household/member/{key}", under=inst)[0], value)
            elapsed = time.perf_counter() - start
            if n in at:
                at[n].append(elapsed)
        assert s.answers()["household_size"] == "500"
    m10, m500 = statistics.median(at[10]), statistics.median(at[500])
    return {"add_10th_ms": m10 * 1000, "add_500th_ms": m500 * 1000, "ratio_500_to_10": m500 / m10}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    results = {}
    results.update(bench_big_form(args.runs))
    results.update(bench_fill(args.runs))
    results.update(bench_repeats(args.runs))
    for key, value in results.items():
        print(f"{key:32} {value:.3f}" if isinstance(value, float) else f"{key:32} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
