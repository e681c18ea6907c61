"""Benchmark of a filter change in the "Results" view, against reading the same rows from SQLite.

Run:  uv run python benchmarks/bench_results_ui.py [--count 10000] [--runs 5]

A fresh data folder gets the bundled habitants form and ``--count`` finalized interviews
(inserted as benchmarks/bench_results.py does). The coordinator's page opens on it
(offscreen), the Results tab shows the question "needs_unmet" once (the rows are read and
kept), then, in the same run:

- **baseline**: read the same rows from SQLite (``SELECT answers`` + ``json.loads``), the
  least any computation over the answers pays;
- **filter change**: set the answer filter "sector = north" (then back to every answer) in
  the view, from the combo's change until the table shows the new figures (the DbOp on the
  database thread, the figures of the question, the table filled and painted).

Wall-clock time, best of ``--runs``, each with its ratio to the baseline.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_export import FORM  # noqa: E402
from bench_export import insert  # noqa: E402
from bench_results import variants  # noqa: E402


def baseline(data_dir: Path) -> float:
    import json

    from surveyor.store import Store

    store = Store.open(data_dir)
    began = time.perf_counter()
    with store.reading("bench") as db:
        rows = [
            json.loads(r[0])
            for r in db.execute(
                "SELECT answers FROM interviews WHERE form_id = 'enquete_habitants' "
                "AND status IN ('finalized', 'sent', 'exported', 'failed')"
            )
        ]
    seconds = time.perf_counter() - began
    assert rows
    store.close()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from surveyor.services.interviews import FormLibrary
    from surveyor.store import Store
    from surveyor.ui.coordinator import CoordinatorPage
    from surveyor.ui.qt import QApplication
    from surveyor.ui.settings import AppSettings
    from surveyor.ui.tasks import TaskManager
    from surveyor.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    from surveyor.ui import garbage

    garbage.install(app)  # as the app: collect on the GUI thread only
    folder = Path(tempfile.mkdtemp(prefix="surveyor-bench-results-ui-"))
    os.environ["SURVEYOR_HOME"] = str(folder / "home")
    data_dir = folder / "data"
    store = Store.open(data_dir)
    library = FormLibrary(store)
    form = library.load_file(FORM)
    insert(store, form, variants(library, form), args.count)
    store.close()
    base = min(baseline(data_dir) for _ in range(3))

    tasks = TaskManager()
    workspace = tasks.run_db(lambda: Workspace.open(data_dir, backup=False)).result()
    settings = AppSettings(path=folder / "settings.json", coordinator=True)
    page = CoordinatorPage(tasks, settings)
    page.resize(1366, 740)
    page.show()
    page.tabs.setCurrentWidget(page.results)  # the Results tab shown: it loads
    panel = page.results
    done = []
    panel.loaded.connect(lambda: done.append(True))

    def wait() -> None:
        while not done:
            app.processEvents()
            time.sleep(0.0005)
        done.clear()
        app.processEvents()

    began = time.perf_counter()
    page.set_workspace(workspace)
    wait()  # the forms and questions
    panel.select_question("needs_unmet")
    panel._timer.stop()
    panel.refresh_current()
    wait()
    cold = time.perf_counter() - began
    shown = panel.question_view.table.rowCount()
    assert shown > 1, "the table did not fill"

    times = []
    for run in range(args.runs):
        value = "north" if run % 2 == 0 else None
        began = time.perf_counter()
        panel.set_answer_filter("sector" if value else None, value)
        panel._timer.stop()  # no debounce in the measure
        panel.refresh_current()
        wait()
        panel.question_view.table.viewport().repaint()
        times.append(time.perf_counter() - began)
    filtered = min(times)
    print(f"{args.count} interviews: baseline (read the rows from SQLite) {base * 1000:.0f} ms")
    print(
        f"  first display (read + figures of needs_unmet): {cold * 1000:.0f} ms (x{cold / base:.1f})"
    )
    print(
        f"  filter change in the view (sector = north / every answer), best of {args.runs}: "
        f"{filtered * 1000:.0f} ms (x{filtered / base:.2f})"
    )
    page.close()
    tasks.drain()
    tasks.run_db(workspace.close).result()
    tasks.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
