"""Benchmark of the results and the report, against reading the same rows from SQLite.

Run:  uv run python benchmarks/bench_results.py [--counts 10000 100000] [--report-count 10000]

For each count, a fresh data folder gets the bundled habitants form and that many finalized
interviews inserted directly (as benchmarks/bench_export.py does: the fixture's answers run
through the engine, 3 household members each; one interview in five is a refusal, so that
relevance has work). Then, in the same run:

- **baseline**: read the same rows from SQLite (``SELECT answers`` of the form's finalized
  interviews and ``json.loads`` of each): what any computation over the answers must pay;
- **results, cold**: a new Workspace, ``ws.results()`` (read the rows, every question);
- **filter change**: ``ws.results(Selection(answers={"sector": ["north"]}))`` on the same
  Workspace (rows kept in memory: what the "Résultats" view does on a filter change);
- **cross-tab**: ``ws.crosstab("sector", "needs_unmet")``;
- **report** (``--report-count`` only): ``ws.write_report`` as DOCX and as PDF.

Each figure is CPU time (the machine is shared), printed with its ratio to the baseline of the
same count.
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_export import FORM  # noqa: E402
from bench_export import insert  # noqa: E402
from bench_export import templates  # noqa: E402

from surveyor.results import Selection  # noqa: E402
from surveyor.services.interviews import FormLibrary  # noqa: E402
from surveyor.services.interviews import fill_interview  # noqa: E402
from surveyor.store import Store  # noqa: E402
from surveyor.workspace import Workspace  # noqa: E402


def variants(library, form) -> list[dict]:
    """bench_export's three variants, and a refusal (consent no: most questions not asked)."""
    made = templates(library, form)
    refusal = fill_interview(
        library,
        form,
        {
            "interviewer": "modèle",
            "interview_date": "2026-10-01",
            "sector": "east",
            "consent": "no",
        },
        finalize=True,
    ).interview
    library.store.db.execute("DELETE FROM interviews WHERE instance_id = ?", [refusal.instance_id])
    library.store.db.conn.commit()
    refusal.answers["member"] = []
    return made + [made[0], copy.deepcopy(refusal.answers)]


def baseline(data_dir: Path) -> float:
    store = Store.open(data_dir)
    began = time.process_time()
    with store.reading("bench") as db:
        rows = [
            json.loads(r[0])
            for r in db.execute(
                "SELECT answers FROM interviews WHERE form_id = 'enquete_habitants' "
                "AND status IN ('finalized', 'sent', 'exported', 'failed')"
            )
        ]
    seconds = time.process_time() - began
    assert rows
    store.close()
    return seconds


def timed(call) -> tuple[float, object]:
    """CPU time of the call (the machine is shared: CPU time is the steadier figure)."""
    began = time.process_time()
    value = call()
    return time.process_time() - began, value


def run(count: int, report: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix=f"surveyor-bench-results-{count}-"))
    data_dir = folder / "data"
    store = Store.open(data_dir)
    library = FormLibrary(store)
    form = library.load_file(FORM)
    insert(store, form, variants(library, form), count)
    store.close()
    measured: list[tuple[str, float]] = []

    def line(what: str, seconds: float) -> None:
        measured.append((what, seconds))

    ws = Workspace.open(data_dir, backup=False)
    seconds, result = timed(lambda: ws.results())
    assert result.interviews == count
    line("results, cold (read + every question)", seconds)
    filtered = [
        timed(lambda: ws.results(Selection(answers={"sector": ["north"]})))[0] for _ in range(3)
    ]
    line("filter change (sector = north), warm", min(filtered))
    line(
        "cross-tab sector x needs_unmet, warm",
        min(timed(lambda: ws.crosstab("sector", "needs_unmet"))[0] for _ in range(3)),
    )
    if report:
        line("report DOCX", timed(lambda: ws.write_report(folder / "r.docx"))[0])
        line("report PDF", timed(lambda: ws.write_report(folder / "r.pdf"))[0])
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ws.close()
    # the baseline last: it holds every parsed row at once, which would be the peak
    base = min(baseline(data_dir) for _ in range(3))
    print(f"\n{count} interviews: baseline (read the rows from SQLite) {base:.3f} s")
    for what, seconds in measured:
        print(f"  {what}: {seconds:.3f} s  (x{seconds / base:.1f})")
    print(f"  peak RSS of the process before the baseline: {rss:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--report-count", type=int, default=10_000)
    args = parser.parse_args()
    for count in args.counts:
        run(count, report=count == args.report_count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
