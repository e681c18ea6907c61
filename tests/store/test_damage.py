"""A damaged surveyor.db: refused for new work with a sentence saying what to do, rolling
backups, and ``surveyor doctor`` to check and rebuild it (the damaged file kept untouched)."""

from __future__ import annotations

import copy
import hashlib
import json
import random
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from surveyor.batches import hand_in
from surveyor.batches import merge_batches
from surveyor.services.interviews import FormLibrary
from surveyor.services.interviews import fill_interview
from surveyor.store import DamagedStoreError
from surveyor.store import Store
from surveyor.store import health

from .conftest import FakeClock

REPO = Path(__file__).resolve().parents[2]
HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))
PAGE = 4096


def surveyor(*args, data_dir: Path):
    return subprocess.run(
        [sys.executable, "-m", "surveyor", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


def fill(data_dir: Path, count: int, cache_dir: Path, *, first: int = 0, clock=None) -> list[str]:
    with Store.open(data_dir, clock=clock) as store:
        library = FormLibrary(store, cache_dir=cache_dir)
        form = library.load_file(HABITANTS)
        ids = []
        for n in range(first, first + count):
            answers = copy.deepcopy(ANSWERS)
            answers["comments"] = f"Entretien numéro {n}. " + "x" * 400
            result = fill_interview(library, form, answers, finalize=True, interviewer="Amina")
            assert result.ok, result.problems
            ids.append(result.interview.instance_id)
        return ids


def damage(db: Path) -> None:
    """4 KiB of noise over the page in the middle of the file (the WAL is checkpointed)."""
    size = db.stat().st_size
    offset = (size // 2) // PAGE * PAGE
    noise = random.Random(20260301).randbytes(PAGE)
    with open(db, "r+b") as f:
        f.seek(offset)
        f.write(noise)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"  # really damaged
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def cache_dir(tmp_path):
    return tmp_path / "form-cache"


@pytest.fixture
def damaged(tmp_path, cache_dir):
    """A data dir of 40 finalized interviews, a rolling backup of them, then damaged."""
    data_dir = tmp_path / "data"
    ids = fill(data_dir, 40, cache_dir)
    with Store.open(data_dir) as store:  # the second opening makes the rolling backup
        assert store.rolling_backup is not None
    damage(data_dir / "surveyor.db")
    return data_dir, ids


@pytest.mark.slow
def test_fill_and_merge_refuse_a_damaged_database_and_change_nothing(damaged, tmp_path, cache_dir):
    data_dir, _ids = damaged
    db = data_dir / "surveyor.db"
    before = digest(db)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    result = surveyor(
        "fill", str(HABITANTS), "--answers", str(answers), "--finalize", data_dir=data_dir
    )
    assert result.returncode != 0
    assert "damaged" in result.stderr and "surveyor doctor" in result.stderr
    assert "Traceback" not in result.stderr

    laptop = tmp_path / "laptop"
    fill(laptop, 1, cache_dir)
    with Store.open(laptop) as store:
        batch = hand_in(store, tmp_path / "b.zip", interviewer="Bruno", device_id="surveyor:b")
    result = surveyor("merge", str(batch.path), data_dir=data_dir)
    assert result.returncode != 0
    assert "damaged" in result.stderr and "surveyor doctor" in result.stderr
    assert "Traceback" not in result.stderr

    assert digest(db) == before
    with pytest.raises(DamagedStoreError, match="surveyor doctor --repair"):
        Store.open(data_dir)


@pytest.mark.slow
def test_doctor_says_damaged_and_repair_rebuilds_a_new_file_keeping_the_damaged_one(damaged):
    data_dir, ids = damaged
    db = data_dir / "surveyor.db"
    before = digest(db)
    checked = surveyor("doctor", data_dir=data_dir)
    assert checked.returncode == 1
    assert "damaged" in checked.stdout and "surveyor doctor --repair" in checked.stdout
    assert digest(db) == before  # checking changes nothing

    repaired = surveyor("doctor", "--repair", data_dir=data_dir)
    assert repaired.returncode == 0, repaired.stderr
    [aside] = list(data_dir.glob("surveyor.db.damaged-*[0-9Z]"))
    assert digest(aside) == before  # kept, untouched
    assert str(aside) in repaired.stdout and str(db) in repaired.stdout
    with Store.open(data_dir) as store:  # sound again, every interview there
        assert {s.instance_id for s in store.list_interviews()} == set(ids)
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert surveyor("doctor", data_dir=data_dir).returncode == 0


def test_repair_without_backups_keeps_what_can_be_read(tmp_path, cache_dir):
    data_dir = tmp_path / "data"
    ids = fill(data_dir, 40, cache_dir)
    damage(data_dir / "surveyor.db")
    report = health.repair(data_dir / "surveyor.db", now=FakeClock()())
    assert report.backup_used is None
    with Store.open(data_dir) as store:
        kept = {s.instance_id for s in store.list_interviews()}
        assert kept <= set(ids) and len(kept) >= len(ids) - 5  # a page holds a few at most
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_rolling_backups_at_openings_and_before_merges_keep_the_newest_three(tmp_path, cache_dir):
    data_dir = tmp_path / "data"
    clock = FakeClock(step=timedelta(minutes=1))
    fill(data_dir, 1, cache_dir, clock=clock)
    made = []
    for n in range(5):
        clock.now += timedelta(hours=2)
        fill(data_dir, 1, cache_dir, first=n + 1, clock=clock)  # an opening, then new work
        made.append(n)
    starts = [b for b in health.list_backups(data_dir) if b.reason == "start"]
    assert len(starts) == 3
    for backup in starts:
        conn = sqlite3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    # within the hour: no new copy at opening
    with Store.open(data_dir, clock=clock) as store:
        assert store.rolling_backup is None
    # before a merge: a copy, whatever the hour
    laptop = tmp_path / "laptop"
    fill(laptop, 1, cache_dir)
    with Store.open(laptop) as store:
        batch = hand_in(store, tmp_path / "b.zip", interviewer="Bruno", device_id="surveyor:b")
    with Store.open(data_dir, clock=clock) as store:
        merge_batches(store, [batch.path])
    merges = [b for b in health.list_backups(data_dir) if b.reason == "merge"]
    assert len(merges) == 1
    assert not list(health.backups_dir(data_dir).glob("*-wal"))
