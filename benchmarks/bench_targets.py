"""Speed targets that tests used to assert on the wall clock (the tests keep the behaviour).

Run:  uv run python benchmarks/bench_targets.py [--runs 5]

- expressions: 200 dependent expressions (``a + b > 10 and selected(a, '3')``) evaluated on a
  2,000-question instance, as a recompute after one answer does. Target: median < 20 ms.
  (Test: tests/expressions/test_engine.py::test_expressions_on_a_large_form_give_their_values.)
- list: the home list's store queries on 10,000 interviews of ~2 KB of answers each
  (``list_interviews()``, the first 50 drafts, ``count_by_status``). Target: < 1 s.
  (Test: tests/store/test_store.py::test_list_of_ten_thousand_interviews_is_index_backed.)
- bomb: refusing a batch whose member inflates to 1 GiB (from 1 MiB on disk), from its ZIP
  headers. Target: < 1 s. (Test: tests/batches/test_refused.py::
  test_the_bomb_is_refused_without_inflating_it, which checks the member is never read.)

Each line gives the median, the target and their ratio (below 1 meets the target).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def bench_expressions(runs: int) -> list[float]:
    from surveyor.expressions import Environment
    from surveyor.expressions import Node
    from surveyor.expressions import parse

    doc = Node.document()
    data = doc.append(Node.element("data"))
    for i in range(2000):
        data.append(Node.element(f"q{i}", text=str(i)))
    exprs = [
        parse(f"/data/q{i} + /data/q{i + 1} > 10 and selected(/data/q{i}, '3')")
        for i in range(0, 1998, 10)
    ]
    node = data.elements("q5")[0]
    env = Environment()
    timings = []
    for _ in range(runs * 4):
        data.elements("q3")[0].text = "3"
        start = time.perf_counter()
        for e in exprs:
            e.evaluate(node, env)
        timings.append(time.perf_counter() - start)
    return timings


def bench_list(runs: int) -> list[float]:
    from surveyor.interviews.record import Status
    from surveyor.store import Store

    timings = []
    with tempfile.TemporaryDirectory(prefix="surveyor-bench-") as home:
        with Store.open(home) as store:
            store.save_form(
                form_id="household",
                version="1",
                title="Enquête ménages",
                content_hash="md5:bench",
                source_name="household.xlsx",
                source_bytes=b"x",
                xform="<h:html/>",
            )
            rows = [
                (
                    f"uuid:{n:036d}",
                    "household",
                    "1",
                    "md5:bench",
                    "draft" if n % 3 else "finalized",
                    f"2026-03-01T09:{n // 600 % 60:02d}:{n // 10 % 60:02d}.{n % 1000:03d}Z",
                    '{"q": "' + "x" * 2000 + '"}',
                )
                for n in range(10_000)
            ]
            with store.db.atomic():
                store.db.conn.executemany(
                    "INSERT INTO interviews (instance_id, form_id, form_version, form_hash, "
                    "status, created_at, updated_at, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [r[:6] + (r[5], r[6]) for r in rows],
                )
            for _ in range(runs):
                start = time.perf_counter()
                everything = store.list_interviews()
                store.list_interviews(status=Status.DRAFT, limit=50)
                store.count_by_status(form_id="household")
                timings.append(time.perf_counter() - start)
                assert len(everything) == 10_000
    return timings


def bench_bomb(runs: int) -> list[float]:
    from surveyor.batches import BatchError
    from surveyor.batches import BatchReader
    from tests.batches.test_refused import _zip_bomb

    timings = []
    with tempfile.TemporaryDirectory(prefix="surveyor-bench-") as tmp:
        bomb = _zip_bomb(Path(tmp))
        for _ in range(runs):
            start = time.perf_counter()
            try:
                BatchReader(bomb).open()
            except BatchError:
                pass
            else:
                raise SystemExit("the bomb was not refused")
            timings.append(time.perf_counter() - start)
    return timings


def report(name: str, timings: list[float], target_s: float) -> None:
    median = statistics.median(timings)
    print(
        f"{name}: median {median * 1000:.1f} ms (min {min(timings) * 1000:.1f}, "
        f"max {max(timings) * 1000:.1f}, {len(timings)} runs); target < {target_s * 1000:.0f} ms; "
        f"ratio {median / target_s:.2f}"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    report("200 expressions on a 2,000-question instance", bench_expressions(args.runs), 0.020)
    report("list + counts of 10,000 interviews", bench_list(args.runs), 1.0)
    report("refusing a 1 GiB zip bomb", bench_bomb(args.runs), 1.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
