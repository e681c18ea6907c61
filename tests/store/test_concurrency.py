"""Several processes on one data dir (the app and the CLI, two CLIs): they wait for each other
instead of failing, and two first starts on a fresh data dir do not race in the migrations."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from surveyor.store import SCHEMA_VERSION
from surveyor.store import Store

CHILD = Path(__file__).with_name("concurrent_child.py")
REPO = Path(__file__).resolve().parents[2]


def _run_together(data_dir: Path, what: str, count: int, processes: int) -> list[tuple[int, str]]:
    """Start ``processes`` children, let them all go at once; their exit codes and stderr."""
    children = [
        subprocess.Popen(
            [sys.executable, str(CHILD), str(data_dir), what, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for _ in range(processes)
    ]
    try:
        for child in children:
            assert child.stdout.readline() == "READY\n", child.stderr.read()
        for child in children:  # as close to "at once" as two processes get
            child.stdin.write("go\n")
            child.stdin.flush()
        results = []
        for child in children:
            _out, err = child.communicate(timeout=120)
            results.append((child.returncode, err))
        return results
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()


@pytest.mark.slow
def test_first_starts_at_once_on_a_fresh_data_dir_all_succeed(tmp_path):
    for attempt in range(6):
        data_dir = tmp_path / f"fresh-{attempt}"
        results = _run_together(data_dir, "open", 0, processes=4)
        assert [code for code, _ in results] == [0] * 4, [err for _, err in results]
        with Store.open(data_dir) as store:
            assert store.schema_version == SCHEMA_VERSION


def test_two_processes_writing_at_once_wait_for_each_other(tmp_path):
    data_dir = tmp_path / "data"
    with Store.open(data_dir):
        pass
    results = _run_together(data_dir, "write", 150, processes=2)
    assert [code for code, _ in results] == [0, 0], [err for _, err in results]
    with Store.open(data_dir) as store:
        assert len(store.list_interviews()) == 300


@pytest.mark.parametrize("processes", [3])
def test_writers_on_a_fresh_data_dir_all_succeed(tmp_path, processes):
    data_dir = tmp_path / "data"
    results = _run_together(data_dir, "write", 40, processes=processes)
    assert [code for code, _ in results] == [0] * processes, [err for _, err in results]
    with Store.open(data_dir) as store:
        assert len(store.list_interviews()) == 40 * processes
