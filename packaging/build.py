"""Build Surveyor's one-folder bundle with PyInstaller.

    uv run python packaging/build.py [--dist DIR] [--work DIR]

PyInstaller runs through ``uv run --with pyinstaller`` so it is not a dependency of the app.
The bundle is ``<dist>/surveyor/`` (``surveyor.exe`` on Windows, ``Surveyor.app`` too on
macOS); check it with ``<dist>/surveyor/surveyor --self-test`` (prints OK).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "packaging" / "surveyor.spec"
PYINSTALLER = "pyinstaller>=6.10"


def build(dist: Path, work: Path) -> Path:
    uv = shutil.which("uv")
    if uv:
        command = [uv, "run", "--project", str(REPO), "--with", PYINSTALLER, "pyinstaller"]
    else:  # already in an environment that has PyInstaller
        command = [sys.executable, "-m", "PyInstaller"]
    command += [
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    subprocess.run(command, check=True, cwd=REPO)
    name = "surveyor.exe" if sys.platform == "win32" else "surveyor"
    return dist / "surveyor" / name


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build the Surveyor bundle with PyInstaller.")
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    parser.add_argument("--work", type=Path, default=REPO / "build")
    args = parser.parse_args(argv)
    started = time.monotonic()
    executable = build(args.dist.resolve(), args.work.resolve())
    print(f"Built {executable} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
