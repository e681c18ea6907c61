"""The kill test: answers acknowledged as saved survive the process being killed at any moment."""

from __future__ import annotations

import random
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from surveyor.store import InterviewNotFound
from surveyor.store import Store
from surveyor.store import protection

from .kill_child import IDS
from .kill_child import answers_for

CHILD = Path(__file__).with_name("kill_child.py")
REPO = Path(__file__).resolve().parents[2]
ROUNDS = 50
PRESTARTED = 3


def _spawn(data_dir: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )


def _readline(proc: subprocess.Popen, timeout: float = 120.0) -> str:
    """A line from the child; the timeout is a safety net so a hung child ends the test."""
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "the child process did not answer in time"
    return proc.stdout.readline()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="select() on pipes and SIGKILL are POSIX")
@pytest.mark.parametrize("protected", [False, True], ids=["plain", "encrypted-at-rest"])
def test_acknowledged_answers_survive_sigkill_at_random_moments(data_dir, protected, monkeypatch):
    if protected:  # the same promise for a store encrypted at rest (docs/RELIABILITY.md)
        protection.protect(data_dir, passphrase="kill test passphrase")
        protection.forget(data_dir)
        monkeypatch.setenv(protection.ENV_PASSPHRASE, "kill test passphrase")  # the children's
    rng = random.Random(20260301)
    last_acked = {IDS[0]: 0, IDS[1]: 0}
    total_acks = 0
    # Children waiting for "go" import Surveyor while the current one runs; only one at a
    # time opens the store.
    waiting = [_spawn(data_dir) for _ in range(PRESTARTED)]
    try:
        for round_number in range(ROUNDS):
            child = waiting.pop(0)
            assert _readline(child) == "READY\n", child.stderr.read()
            if round_number + len(waiting) < ROUNDS - 1:
                waiting.append(_spawn(data_dir))
            child.stdin.write("go\n")
            child.stdin.flush()
            first = ""
            if rng.random() < 0.75:
                first = _readline(child)  # wait for the first save, then kill mid-loop
                assert first.startswith("ACK"), first + child.stderr.read()
                time.sleep(rng.uniform(0, 0.12))
            else:
                time.sleep(rng.uniform(0, 0.05))  # kill while opening or creating
            child.kill()  # SIGKILL
            child.wait()
            lines = [first] + child.stdout.read().splitlines(keepends=True)
            stderr = child.stderr.read()
            assert "Traceback" not in stderr, stderr
            # Only complete lines count: the child prints after save_answers returned.
            acks = [int(x.split()[1]) for x in lines if x.startswith("ACK ") and x.endswith("\n")]
            for n in acks:
                last_acked[IDS[n % 2]] = n
            total_acks += len(acks)

            with Store.open(data_dir) as store:
                stored = {}
                for instance_id in IDS:
                    try:
                        interview = store.get_interview(instance_id)
                    except InterviewNotFound:
                        assert last_acked[instance_id] == 0
                        continue
                    n = int(interview.answers.get("n", "0"))
                    stored[instance_id] = n
                    assert n >= last_acked[instance_id], "an acknowledged save was lost"
                    if n:
                        assert interview.answers == answers_for(n), "a save was torn"
                        assert interview.position == str(n)
                if acks:
                    assert max(stored.values()) <= max(acks) + 1
    finally:
        for proc in waiting:
            proc.kill()
            proc.wait()

    with Store.open(data_dir) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for instance_id in IDS:
            n = int(store.get_interview(instance_id).answers["n"])
            assert n >= last_acked[instance_id]
    if protected:
        assert not (data_dir / "surveyor.db").read_bytes().startswith(b"SQLite format 3")
        protection.forget(data_dir)
    assert total_acks > ROUNDS  # the kills did land in the middle of saving
    print(f"{ROUNDS} kills, {total_acks} acknowledged saves")
