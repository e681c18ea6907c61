"""Fixtures of the fieldwork tests: real data dirs, a door list file, the CLI as a process."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC
from datetime import datetime
from pathlib import Path

import pytest

from surveyor.workspace import Workspace

BAN_HEADER = "numero;rep;nom_voie;code_postal;nom_commune;lon;lat;secteur;porte\n"


def ban_csv(path: Path, rows: list[str]) -> Path:
    """A door list as the national address base exports it (``;``, lon/lat, rep)."""
    path.write_text(BAN_HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


SARCELLES = [
    "12;;rue des Lilas;95200;Sarcelles;2.38;48.99;Nord;1",
    "12;;rue des Lilas;95200;Sarcelles;2.38;48.99;Nord;2",
    "12;bis;rue des Lilas;95200;Sarcelles;2.38;48.99;Nord;",
    "2;;rue des Lilas;95200;Sarcelles;2.38;48.99;Nord;",
    "10;;avenue Paul Valéry;95200;Sarcelles;2.381;48.991;Sud;",
    "4;;avenue Paul Valéry;95200;Sarcelles;2.381;48.991;Sud;",
]


@pytest.fixture
def door_file(tmp_path) -> Path:
    return ban_csv(tmp_path / "portes.csv", SARCELLES)


@pytest.fixture
def open_ws(tmp_path):
    opened = []

    def make(name: str = "coord", **options) -> Workspace:
        ws = Workspace.open(tmp_path / name, **options)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


def surveyor(*args, data_dir: Path | None = None, cwd: Path | None = None):
    """The real command, in a process of its own."""
    options = ["--data-dir", str(data_dir)] if data_dir else []
    return subprocess.run(
        [sys.executable, "-m", "surveyor", *options, *args],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=cwd,
    )


def fixed_clock(moment: datetime):
    return lambda: moment


NOON = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
