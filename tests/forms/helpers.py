"""Small forms written as pyxform Markdown tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def write_md(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return path


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "surveyor", *map(str, args)], capture_output=True, text=True
    )
