"""A volunteer's session in the real app, ended with the Quit action (run by test_quit.py).

``python tests/ui/quit_session.py HOME [TASKS]``: the app (``surveyor.ui.app.run``, as
``surveyor`` starts it) opens the residents' survey twice, types answers, goes home, hands in
to the shared folder and sends to a server that does not answer; then the rest of a long
day: ``TASKS`` round trips through the database thread (each answer typed is one); then
Quit while a file worker is still busy. Prints ``SESSION DONE`` before quitting; the exit
code is the app's.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

home = Path(sys.argv[1])
day_tasks = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
os.environ["SURVEYOR_HOME"] = str(home)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
home.mkdir(parents=True, exist_ok=True)
shared = home.parent / "shared"
shared.mkdir(exist_ok=True)
(home / "settings.json").write_text(
    json.dumps(
        {
            "interviewer": "Camille",
            "laptop_label": "Portable 2",
            "language": "fr",
            "welcomed": True,
            "bundled_forms": ["enquete_habitants.xlsx"],
            "shared_folder": str(shared),
            "server_url": "http://127.0.0.1:9/",  # the discard port: nothing answers
            "server_user": "ines",
        }
    ),
    encoding="utf-8",
)

from PySide6.QtTest import QTest  # noqa: E402

from surveyor.ui.qt import QApplication  # noqa: E402
from surveyor.ui.qt import Qt  # noqa: E402
from surveyor.ui.qt import QTimer  # noqa: E402

app = QApplication(["surveyor"])
ROUNDS = 2
state = {"step": "open", "round": 0, "left": day_tasks}


def main_window():
    from surveyor.ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    return None


def step() -> None:
    window = main_window()
    if window is None or not window.forms_loaded or window.tasks.pending:
        return
    now = state["step"]
    if now == "open":
        cards = window.home.form_cards()
        if cards:
            cards[0].button.click()
            state["step"] = "answer"
    elif now == "answer" and window.view is not None:
        window.activateWindow()
        for n in range(4):
            focus = QApplication.focusWidget()
            if focus is not None:
                QTest.keyClicks(focus, f"Reponse {n}")
                QTest.keyClick(focus, Qt.Key_Return)
        state["step"] = "home"
    elif now == "home":
        window.view.home_button.click()
        state["round"] += 1
        state["step"] = "open" if state["round"] < ROUNDS else "hand in"
    elif now == "hand in":
        window.hand_in.sync_now()
        window.server_sync.send_now()
        state["step"] = "day"
    elif now == "day":
        # The rest of a long day: every answer typed is a save on the database thread.
        for _ in range(min(500, state["left"])):
            window.tasks.run_db(lambda: None, on_done=lambda _result: None)
        state["left"] -= 500
        if state["left"] <= 0:
            state["step"] = "quit"
    elif now == "quit":
        state["step"] = "quitting"
        window.tasks.run_io(lambda: time.sleep(0.5))  # a worker still busy at Quit
        print("SESSION DONE", flush=True)
        window.quit_action.trigger()


timer = QTimer()
timer.timeout.connect(step)
timer.start(20)

from surveyor.ui.app import run  # noqa: E402

raise SystemExit(run())
