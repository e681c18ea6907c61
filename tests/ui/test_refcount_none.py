"""PySide6 6.12 on Python 3.11 loses a reference to None at each call of a method returning
nothing (QTableWidgetItem.setText, QTableWidget.setItem...): a table of a few thousand rows
(the people who want to act of a 10,000-interview campaign) freed None and aborted the app
("Fatal Python error: none_dealloc"). surveyor/ui/qt.py gives None a reserve as it does True."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from surveyor.ui.qt import QApplication, QTableWidgetItem
app = QApplication([])
item = QTableWidgetItem("x")
for _ in range(1_000_000):  # far more than None's references in a fresh interpreter
    item.setText("")
print("survived")
"""


def test_many_calls_returning_nothing_do_not_free_none():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived" in done.stdout
