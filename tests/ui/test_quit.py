"""Quitting the real app ends cleanly, whatever the session did before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SESSION = Path(__file__).with_name("quit_session.py")
REPO = Path(__file__).resolve().parents[2]


def _env() -> dict:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


@pytest.mark.slow
def test_quit_after_a_long_session_exits_cleanly(tmp_path):
    """The real app: two interviews, a hand-in, a send to a silent server, a day of saves,
    Quit while a worker is busy. Seen once as ``Fatal Python error: bool_dealloc`` while
    the interpreter was finalizing; repeated, since a crash at exit can be intermittent."""
    for run in range(3):
        result = subprocess.run(
            [sys.executable, str(SESSION), str(tmp_path / f"run{run}" / "home"), "3000"],
            capture_output=True,
            text=True,
            env=_env(),
            cwd=REPO,
            timeout=300,  # a safety net only: a session takes a few seconds
        )
        assert "SESSION DONE" in result.stdout, result.stderr[-3000:]
        assert "Fatal Python error" not in result.stderr, result.stderr[-3000:]
        assert result.returncode == 0, result.stderr[-3000:]


def test_many_signals_then_exit_does_not_crash_the_interpreter():
    """PySide6 6.12 on Python 3.11 drops a reference to ``True`` at each ``Signal.emit()``;
    after enough of them the interpreter's exit deallocated ``True`` and aborted."""
    code = (
        "import surveyor.ui.qt as qt\n"
        "app = qt.QCoreApplication([])\n"
        "class Probe(qt.QObject):\n"
        "    ping = qt.Signal(object)\n"
        "probe = Probe()\n"
        "probe.ping.connect(lambda value: None)\n"
        "for n in range(20000):\n"
        "    probe.ping.emit(n % 2 == 0)\n"
        "print('EMITTED')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=REPO,
        timeout=120,
    )
    assert "EMITTED" in result.stdout, result.stderr
    assert "Fatal Python error" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
