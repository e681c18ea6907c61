"""``surveyor batch export`` and ``surveyor merge`` through the real command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.batches.conftest import HABITANTS
from tests.batches.conftest import answers_for


def surveyor(*args, data_dir: Path | None = None, cwd: Path | None = None):
    options = ["--data-dir", str(data_dir)] if data_dir else []
    return subprocess.run(
        [sys.executable, "-m", "surveyor", *options, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


@pytest.mark.slow
def test_export_then_merge_then_a_refused_batch(tmp_path):
    laptop, coord = tmp_path / "laptop", tmp_path / "coord"
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(answers_for(1), ensure_ascii=False), encoding="utf-8")
    filled = surveyor(
        "fill", str(HABITANTS), "--answers", str(answers), "--finalize", data_dir=laptop
    )
    assert filled.returncode == 0, filled.stderr
    instance_id = filled.stdout.strip()

    work = tmp_path / "work"
    work.mkdir()
    exported = surveyor("batch", "export", "--label", "PC 1", data_dir=laptop, cwd=work)
    assert exported.returncode == 0, exported.stderr
    path = Path(exported.stdout.splitlines()[0])
    assert path.parent == work and path.name.startswith("lot-PC-1-") and path.exists()
    assert "1 interview(s)" in exported.stdout

    merged = surveyor("merge", str(work), "--into", str(coord))
    assert merged.returncode == 0, merged.stderr
    assert "1 new" in merged.stdout
    listed = json.loads(surveyor("interviews", "--json", data_dir=coord).stdout)
    assert [r["instance_id"] for r in listed] == [instance_id]

    broken = tmp_path / "broken.zip"
    broken.write_bytes(path.read_bytes()[:-100])
    refused = surveyor("merge", str(broken), "--into", str(coord))
    assert refused.returncode == 1
    assert f"The batch {broken} was refused" in refused.stderr
    assert "nothing of it was imported" in refused.stderr
    assert len(json.loads(surveyor("interviews", "--json", data_dir=coord).stdout)) == 1

    conflicts = surveyor("merge", "--conflicts", "--into", str(coord))
    assert conflicts.returncode == 0 and "No conflict" in conflicts.stdout


def test_every_command_and_option_has_help():
    for args in (("batch", "--help"), ("batch", "export", "--help"), ("merge", "--help")):
        result = surveyor(*args)
        assert result.returncode == 0
        assert "show this help" in result.stdout
    merge_help = surveyor("merge", "--help").stdout
    for option in ("--into", "--conflicts", "--resolve", "BATCH_OR_DIR"):
        assert option in merge_help
