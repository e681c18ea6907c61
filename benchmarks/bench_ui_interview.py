"""Benchmark of the interview screen: Next on a 2,000-question form, and adding 12 members.

    uv run python benchmarks/bench_ui_interview.py [--steps 200]

Prints the median (and 90th percentile) milliseconds per Next on the benchmark form of
``bench_form_load.write_form`` (target < 50 ms), and per "Add" of a household member on the
bundled residents' form up to 12 members (target < 100 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_form_load import write_form  # noqa: E402

from surveyor.services.interviews import FormLibrary  # noqa: E402
from surveyor.services.interviews import start_interview  # noqa: E402
from surveyor.store import Store  # noqa: E402
from surveyor.ui.interview import InterviewStorage  # noqa: E402
from surveyor.ui.interview import InterviewView  # noqa: E402
from surveyor.ui.qt import QApplication  # noqa: E402
from surveyor.ui.tasks import TaskManager  # noqa: E402
from surveyor.workspace import Workspace  # noqa: E402


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = Store.open(folder / "data")
        library = FormLibrary(store)
        tasks = TaskManager()
        path = folder / "bench.xlsx"
        write_form(path)
        form = library.load_file(path)
        interview, session = start_interview(library, form)
        view = InterviewView(
            InterviewStorage(Workspace(library.store)), interview, session, tasks=tasks
        )
        view.resize(1366, 768)
        view.show()
        app.processEvents()
        print(
            f"benchmark form: {sum(1 for _ in form.fields())} fields, {len(view.screens())} screens"
        )
        times = []
        for _ in range(args.steps):
            start = time.perf_counter()
            view.go_next()
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        tasks.drain()
        print(
            f"next question: median {statistics.median(times):.1f} ms, "
            f"p90 {percentile(times, 0.9):.1f} ms over {len(times)} steps (target < 50 ms)"
        )

        habitants = library.load_file(ROOT / "forms" / "enquete_habitants.xlsx")
        interview, session = start_interview(library, habitants)
        session.set_answer("/data/consent", "yes")
        view = InterviewView(
            InterviewStorage(Workspace(library.store)), interview, session, tasks=tasks
        )
        view.resize(1366, 768)
        view.show()
        adds = []
        for number in range(12):
            view.go_to("/data/household/member[+]")
            app.processEvents()
            start = time.perf_counter()
            view.add_button.click()
            app.processEvents()
            adds.append((time.perf_counter() - start) * 1000)
            session.set_answer(view.position() + "/member_name", f"P{number}")
            session.set_answer(view.position() + "/member_age", "30")
            view.refresh()
        tasks.drain()
        print(
            f"add a household member (1..12): median {statistics.median(adds):.1f} ms, "
            f"max {max(adds):.1f} ms (target < 100 ms); each: "
            + ", ".join(f"{a:.0f}" for a in adds)
        )
        tasks.shutdown()
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
