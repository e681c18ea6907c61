"""The PyInstaller bundle builds and works: `<bundle>/surveyor --self-test` prints OK.

Slow (about 30-60 s: PyInstaller analyses every import), but CI runs it: a bundle that
cannot start is the worst failure a volunteer can meet.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("uv") is None, reason="the build runs PyInstaller via uv"),
]


def test_the_bundle_builds_and_passes_its_self_test(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "packaging" / "build.py"),
            "--dist",
            str(tmp_path / "dist"),
            "--work",
            str(tmp_path / "work"),
        ],
        capture_output=True,
        text=True,
        # a bound against a hung build, not a speed target: ~100 s on a quiet 2-core machine,
        # over 170 s when other test runs share it
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    bundle = tmp_path / "dist" / "surveyor"
    executable = bundle / ("surveyor.exe" if sys.platform == "win32" else "surveyor")
    assert executable.is_file()
    internal = bundle / "_internal" / "surveyor"
    assert (internal / "ui" / "i18n" / "surveyor_fr.qm").is_file()
    assert sorted(p.name for p in (internal / "bundled_forms").iterdir()) == sorted(
        p.name for p in (REPO / "forms").glob("*.xlsx")
    )

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["SURVEYOR_HOME"] = str(tmp_path / "home")
    check = subprocess.run(
        [str(executable), "--self-test"], capture_output=True, text=True, env=env, timeout=180
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip() == "OK"
    # The CLI works from the bundle too.
    version = subprocess.run([str(executable), "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("surveyor ")
