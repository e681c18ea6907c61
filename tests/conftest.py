"""Shared fixtures: every test gets its own data directory, never the real user data dir."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck
from hypothesis import settings
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The test run keeps its bytecode caches (__pycache__, which git ignores) even where the
# environment says PYTHONDONTWRITEBYTECODE: without them each of the two workers compiled
# the package and rewrote the asserts of ~280 test modules at every run (12 s of the quick
# loop's 2 minutes), and every `surveyor` run in a subprocess compiled the package again.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# No test may fail because the machine is slow: Hypothesis's per-example deadline (200 ms)
# and its "too slow" health check are wall-clock limits, so they are off for every test.
settings.register_profile("surveyor", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("surveyor")

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


# --- the OS keychain, never the machine's own -----------------------------------------------


class DictKeyring(KeyringBackend):
    """A keychain in a dict: tests never touch the machine's real one."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


@pytest.fixture
def dict_keyring():
    previous = keyring.get_keyring()
    backend = DictKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
