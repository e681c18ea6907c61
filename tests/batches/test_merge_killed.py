"""Killing ``surveyor merge`` (SIGTERM, SIGINT, or SIGKILL) leaves no process behind: its
batch reader and multiprocessing's resource tracker end with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from surveyor.batches import hand_in
from surveyor.store import Store
from tests.batches.crafting import records
from tests.batches.crafting import recraft

pytestmark = [
    pytest.mark.skipif(
        not Path("/proc/self/stat").exists() or os.name != "posix", reason="reads /proc (Linux)"
    ),
    pytest.mark.slow,
]
BATCHES = 150


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()  # [state, ppid, ...]


def descendants(pid: int) -> set[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields:
                parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        kids = {c for c, p in parents.items() if p == parent} - found
        found |= kids
        frontier += kids
    return found


def running(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def wait_for(condition, timeout: float, step: float = 0.01) -> bool:
    """Poll ``condition`` until true or ``timeout`` seconds passed (a bound, not a measure)."""
    for _ in range(int(timeout / step)):  # counted polls: no clock read in a test
        if condition():
            return True
        time.sleep(step)
    return condition()


@pytest.fixture(scope="module")
def many_batches(tmp_path_factory):
    """BATCHES one-interview batches in a folder (made from one laptop's hand-in)."""
    from surveyor.services.interviews import FormLibrary
    from surveyor.services.interviews import fill_interview
    from tests.batches.conftest import HABITANTS
    from tests.batches.conftest import answers_for

    root = tmp_path_factory.mktemp("many")
    with Store.open(root / "laptop") as store:
        library = FormLibrary(store)
        form = library.load_file(HABITANTS)
        for n in range(BATCHES):
            assert fill_interview(library, form, answers_for(n), finalize=True).ok
        whole = hand_in(store, root / "all.zip", device_id="surveyor:amina").path
    ids = [r["instance_id"] for r in records(whole)]
    folder = root / "batches"
    folder.mkdir()
    for n, wanted in enumerate(ids):
        recraft(
            whole,
            folder / f"b{n:03}.zip",
            record=lambda r, w=wanted: r if r["instance_id"] == w else None,
        )
    return folder, ids


@pytest.mark.parametrize(
    "how", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=["SIGTERM", "SIGINT", "SIGKILL"]
)
def test_a_killed_merge_leaves_no_process_behind(how, many_batches, tmp_path):
    folder, ids = many_batches
    coordinator = tmp_path / "coordinator"
    merge = subprocess.Popen(
        [sys.executable, "-m", "surveyor", "merge", str(folder), "--into", str(coordinator)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # as from a terminal: a suite started in the background (`cmd &`) ignores SIGINT, and
        # its children would inherit that and never see Ctrl+C
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        # the reader process and the resource tracker: once both run, the merge is under way
        assert wait_for(lambda: len(descendants(merge.pid)) >= 2, 120), (
            "the merge ended before its reader started: " + merge.communicate()[1]
        )
        helpers = descendants(merge.pid)
        merge.send_signal(how)
        _out, err = merge.communicate(timeout=120)
    finally:
        if merge.poll() is None:
            merge.kill()
            merge.wait()
    assert wait_for(lambda: not any(running(p) for p in helpers), 60, 0.1), (
        f"still running after the merge was killed: {[p for p in helpers if running(p)]}"
    )
    if how != signal.SIGKILL:
        assert merge.returncode == 130, err
        assert "the merge was interrupted" in err and "Traceback" not in err
    # the database is whole: merging again finishes the work
    again = subprocess.run(
        [sys.executable, "-m", "surveyor", "merge", str(folder), "--into", str(coordinator)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    with Store.open(coordinator) as store:
        assert {s.instance_id for s in store.list_interviews()} == set(ids)
