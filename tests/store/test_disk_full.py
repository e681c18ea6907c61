"""A full disk, a read-only medium, a damaged file: each command says so in one sentence,
changes nothing and exits non-zero (never a traceback).

The full disk and the read-only medium are real: a small tmpfs mounted for the test (root
only; skipped elsewhere)."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from surveyor.batches import hand_in
from surveyor.services.interviews import FormLibrary
from surveyor.services.interviews import fill_interview
from surveyor.store import Store

from .test_damage import ANSWERS
from .test_damage import HABITANTS
from .test_damage import REPO
from .test_damage import damage
from .test_damage import fill
from .test_damage import surveyor


def _mount(path: Path, size: str) -> None:
    path.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()}")


@pytest.fixture
def small_disk(tmp_path):
    """``small_disk(size)``: a real file system of that size, unmounted afterwards."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root on Linux")
    mounted = []

    def make(size: str) -> Path:
        path = tmp_path / f"disk-{len(mounted)}"
        _mount(path, size)
        mounted.append(path)
        return path

    yield make
    for path in mounted:
        subprocess.run(["umount", "-l", str(path)], check=False)


def fill_disk(folder: Path) -> None:
    """Take every free byte of the file system of ``folder``."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)


def count(data_dir: Path) -> int:
    with Store.open(data_dir, backup=False) as store:
        return len(store.list_interviews(include_deleted=True))


def assert_one_sentence(result, *words):
    assert result.returncode not in (0, None)
    assert "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr.lower(), result.stderr


def test_a_merge_whose_commit_meets_a_full_disk_says_so_and_changes_nothing(tmp_path, small_disk):
    coordinator = small_disk("2m") / "coordinator"
    cache = tmp_path / "cache"
    fill(coordinator, 1, cache)
    laptop = tmp_path / "laptop"
    with Store.open(laptop) as store:
        library = FormLibrary(store, cache_dir=cache)
        form = library.load_file(HABITANTS)
        for n in range(40):
            answers = copy.deepcopy(ANSWERS)
            answers["comments"] = f"{n} " + uuid.uuid4().hex * 2500  # ~80 KB, incompressible
            assert fill_interview(library, form, answers, finalize=True).ok
        batch = hand_in(store, tmp_path / "b.zip", interviewer="Bruno", device_id="surveyor:b")
    assert count(coordinator) == 1
    result = surveyor("merge", str(batch.path), data_dir=coordinator)
    assert_one_sentence(result, "disk is full")
    assert count(coordinator) == 1


def test_fill_and_batch_export_on_a_full_disk_without_device_json_say_so(tmp_path, small_disk):
    data_dir = small_disk("3m") / "data"
    fill(data_dir, 1, tmp_path / "cache")
    (data_dir / "device.json").unlink(missing_ok=True)
    fill_disk(data_dir)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    result = surveyor(
        "fill", str(HABITANTS), "--answers", str(answers), "--finalize", data_dir=data_dir
    )
    assert_one_sentence(result, "disk is full")
    result = surveyor("batch", "export", "--out", str(tmp_path), data_dir=data_dir)
    assert_one_sentence(result, "disk is full")
    (data_dir / "filler").unlink()
    assert count(data_dir) == 1


def test_the_device_id_on_a_full_disk_raises_disk_full_and_leaves_nothing(small_disk):
    from surveyor.errors import DiskFullError
    from surveyor.services.identity import device_id

    data_dir = small_disk("1m")
    fill_disk(data_dir)
    with pytest.raises(DiskFullError, match="disk is full"):
        device_id(data_dir)
    assert sorted(p.name for p in data_dir.iterdir()) == ["filler"]


def test_interviews_on_a_read_only_medium_says_so(tmp_path, small_disk):
    disk = small_disk("8m")
    data_dir = disk / "data"
    fill(data_dir, 1, tmp_path / "cache")
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    result = surveyor("interviews", data_dir=data_dir)
    assert_one_sentence(result, "read-only")


def test_interviews_on_a_damaged_database_says_so(tmp_path):
    data_dir = tmp_path / "data"
    fill(data_dir, 40, tmp_path / "cache")
    damage(data_dir / "surveyor.db")
    result = surveyor("interviews", data_dir=data_dir)
    assert_one_sentence(result, "damaged", "surveyor doctor")


@pytest.mark.slow
def test_every_command_turns_a_core_error_into_one_line(tmp_path):
    """The CLI's safety net: a SurveyorError from any command is one line and exit 1."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "surveyor.db").write_bytes(b"not a database" * 500)
    for args in (["interviews"], ["export", "--out", str(tmp_path / "out")]):
        result = surveyor(*args, data_dir=data_dir)
        assert_one_sentence(result, "damaged")
    assert REPO.is_dir()
