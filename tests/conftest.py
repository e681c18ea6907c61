"""Shared fixtures: every test gets its own data directory, never the real user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """A fresh SURVEYOR_HOME and XDG dirs per test."""
    home = tmp_path / "surveyor-home"
    monkeypatch.setenv("SURVEYOR_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return home
