"""Benchmarks of the desktop app: launch to a usable window, and the home list of 10,000.

Run:  uv run python benchmarks/bench_ui.py [--runs 5] [--interviews 10000] [--bundle DIR]

- launch: ``python -m surveyor`` in a subprocess with ``SURVEYOR_EXIT_WHEN_SHOWN=1`` (the app
  prints a timestamp once its main window is shown and painted, then quits); the time is
  from just before the process starts to that timestamp, so it includes Python's start.
  Target: < 1500 ms from source.
- launch from the bundle (``--bundle DIR``: a folder built by ``packaging/build.py``, holding
  ``surveyor/surveyor``; ``--bundle build`` builds one in a temporary folder first): the same
  measure with the bundled executable. Target: < 1000 ms.
- home list: a store with N interviews (inserted in one transaction), then the home's refresh
  (the store query on the database thread, splitting by state, the table model reset and a
  repaint) until the rows are on screen. Target: < 300 ms for 10,000.

Both run offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STATES = ["draft"] * 5 + ["finalized"] * 2 + ["sent"] * 2 + ["deleted"]


def bench_launch(runs: int, command: list[str] | None = None) -> list[float]:
    command = command or [sys.executable, "-m", "surveyor"]
    times = []
    for _ in range(runs + 1):  # the first run warms the disk cache and is not counted
        with tempfile.TemporaryDirectory(prefix="surveyor-bench-") as home:
            env = dict(os.environ, SURVEYOR_EXIT_WHEN_SHOWN="1", SURVEYOR_HOME=home)
            started = time.time()
            result = subprocess.run(command, capture_output=True, text=True, env=env)
            line = next(
                (x for x in result.stdout.splitlines() if x.startswith("SURVEYOR_SHOWN")), None
            )
            if line is None:
                raise SystemExit(f"the app did not report its window: {result.stderr}")
            times.append((float(line.split()[1]) - started) * 1000)
    return times[1:]


def bundle_executable(folder: str, keep: list) -> list[str]:
    """The bundled executable in ``folder`` (``build``: build a bundle in a temporary folder)."""
    if folder == "build":
        temp = tempfile.TemporaryDirectory(prefix="surveyor-bundle-")
        keep.append(temp)
        repo = Path(__file__).resolve().parent.parent
        subprocess.run(
            [
                sys.executable,
                str(repo / "packaging" / "build.py"),
                "--dist",
                str(Path(temp.name) / "dist"),
                "--work",
                str(Path(temp.name) / "work"),
            ],
            check=True,
        )
        folder = str(Path(temp.name) / "dist")
    name = "surveyor.exe" if sys.platform == "win32" else "surveyor"
    for candidate in (Path(folder) / "surveyor" / name, Path(folder) / name):
        if candidate.is_file():
            return [str(candidate)]
    raise SystemExit(f"no bundled executable in {folder} (build one: packaging/build.py)")


def fill_store(home: Path, count: int) -> None:
    from surveyor.interviews.record import Interview
    from surveyor.store import Store

    with Store.open(home) as store:
        store.save_form(
            form_id="porte",
            version="1",
            title="Enquête porte-à-porte",
            content_hash="md5:bench",
            source_name="porte.xlsx",
            source_bytes=b"x",
            xform="<h:html/>",
        )
        with store.db.atomic():
            for i in range(count):
                interview = Interview.new(form_id="porte", form_version="1", form_hash="md5:bench")
                interview.instance_name = f"{i % 200 + 1} rue de la République — logement {i}"
                interview.status = STATES[i % len(STATES)]
                store.create_interview(interview)


def bench_list(count: int, runs: int) -> list[float]:
    """The home list as the app fills it: a Workspace opened on the database thread, the
    page finding it through its WorkspaceHost (surveyor/ui/operations.py)."""
    from surveyor.ui.home import HomePage
    from surveyor.ui.operations import WorkspaceHost
    from surveyor.ui.qt import QApplication
    from surveyor.ui.tasks import TaskManager
    from surveyor.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="surveyor-bench-") as home:
        fill_store(Path(home), count)
        tasks = TaskManager()
        workspace = tasks.run_db(lambda: Workspace.open(home, backup=False)).result()
        page = HomePage(tasks)
        page.workspace_host = WorkspaceHost(tasks, workspace, parent=page)
        page.resize(1366, 700)
        page.show()
        app.processEvents()
        times = []
        for _ in range(runs):
            page.loaded = False
            page.groups = {key: [] for key in page.groups}
            started = time.perf_counter()
            page.refresh()
            while not page.loaded:
                app.processEvents()
                time.sleep(0.0005)
            page.table.viewport().repaint()
            app.processEvents()
            times.append((time.perf_counter() - started) * 1000)
        shown = page.model.rowCount()
        total = sum(page.counts().values())
        tasks.run_db(workspace.close).result()
        tasks.shutdown()
    if total != count:
        raise SystemExit(f"listed {total} interviews, expected {count}")
    print(f"  (drafts tab shows {shown} rows)")
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--interviews", type=int, default=10_000)
    parser.add_argument(
        "--bundle", help="also time the bundle in this folder (or 'build' to build one)"
    )
    args = parser.parse_args(argv)
    launch = bench_launch(args.runs)
    print(
        f"launch to usable window (source): median {statistics.median(launch):.0f} ms "
        f"(min {min(launch):.0f}, max {max(launch):.0f}, {args.runs} runs; target < 1500)"
    )
    if args.bundle:
        keep: list = []
        bundled = bench_launch(args.runs, bundle_executable(args.bundle, keep))
        print(
            f"launch to usable window (bundle): median {statistics.median(bundled):.0f} ms "
            f"(min {min(bundled):.0f}, max {max(bundled):.0f}, {args.runs} runs; target < 1000)"
        )
        for temp in keep:
            temp.cleanup()
    listing = bench_list(args.interviews, args.runs)
    print(
        f"home list of {args.interviews} interviews: median {statistics.median(listing):.0f} ms "
        f"(min {min(listing):.0f}, max {max(listing):.0f}, {args.runs} runs; target < 300)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
