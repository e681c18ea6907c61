"""``surveyor batch export`` onto a full disk says so: nothing was written, nothing marked."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.batches.conftest import HABITANTS
from tests.batches.conftest import answers_for


def surveyor(*args, data_dir: Path):
    return subprocess.run(
        [sys.executable, "-m", "surveyor", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _can_mount_a_small_disk(tmp_path: Path) -> bool:
    if not shutil.which("unshare"):
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    result = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            'mount -t tmpfs -o size=16k tmpfs "$1"',
            "sh",
            str(probe),
        ],
        capture_output=True,
        timeout=60,
    )
    return result.returncode == 0


@pytest.mark.slow
def test_batch_export_onto_a_full_disk_says_the_disk_is_full(tmp_path):
    if not _can_mount_a_small_disk(tmp_path):
        pytest.skip("needs `unshare` with user namespaces to mount a small real file system")
    laptop = tmp_path / "laptop"
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(answers_for(1), ensure_ascii=False), encoding="utf-8")
    filled = surveyor(
        "fill", str(HABITANTS), "--answers", str(answers), "--finalize", data_dir=laptop
    )
    assert filled.returncode == 0, filled.stderr
    key = tmp_path / "usb-key"
    key.mkdir()
    # a 16 KiB USB key, mounted for the command only (a private mount namespace)
    result = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            'mount -t tmpfs -o size=16k tmpfs "$1" && shift && exec "$@"',
            "sh",
            str(key),
            sys.executable,
            "-m",
            "surveyor",
            "--data-dir",
            str(laptop),
            "batch",
            "export",
            "--out",
            str(key),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "the disk is full" in result.stderr and "nothing was written" in result.stderr
    assert "refused" not in result.stderr and "imported" not in result.stderr
    assert "Traceback" not in result.stderr
    listed = json.loads(surveyor("interviews", "--json", data_dir=laptop).stdout)
    assert [row["status"] for row in listed] == ["finalized"]  # still to hand in
