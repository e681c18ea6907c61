"""Start the desktop app: ``surveyor`` with no sub-command calls :func:`run`.

Fast start: only Qt and the UI modules load before the window shows; the store, the form
loader (pyxform) and the forms load on worker threads afterwards.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from pathlib import Path

NO_DISPLAY = (
    "Surveyor needs a graphical display: run it on a desktop session, or set "
    "QT_QPA_PLATFORM=offscreen for tests; the command-line tools work without one "
    "(see surveyor --help)."
)

# Benchmarks and tests: print "SURVEYOR_SHOWN <seconds since the epoch>" once the window
# is shown and painted, then quit.
EXIT_WHEN_SHOWN = "SURVEYOR_EXIT_WHEN_SHOWN"
# What loads only after the window shows (docs/ARCHITECTURE.md): the store and SQLite's
# helpers, the interview engine, the form converter, the network, spreadsheets, the keychain.
LOADED_AFTER_THE_WINDOW = (
    "surveyor.store",
    "sqlite_utils",
    "surveyor.interviews.compiled",
    "pyxform",
    "httpx",
    "openpyxl",
    "keyring",
)


def has_display() -> bool:
    """False on Linux/BSD without X11 or Wayland and no QT_QPA_PLATFORM chosen."""
    if sys.platform.startswith(("win", "darwin")):
        return True
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def stylesheet(size: int) -> str:
    """The app's look, scaled from the base text size (points). A focus frame is thicker
    than the normal border: its padding is smaller by as much, so the frame never eats into
    the text (the content keeps its size when the keyboard arrives)."""
    title = round(size * 1.6)
    section = round(size * 1.25)
    card = round(size * 1.1)
    return f"""
QLabel[role="title"] {{ font-size: {title}pt; font-weight: 600; color: #1d3557; }}
QLabel[role="section"] {{ font-size: {section}pt; font-weight: 600; color: #1d3557; }}
QLabel[role="cardTitle"] {{ font-size: {card}pt; font-weight: 600; }}
QLabel[role="hint"] {{ color: #4a5560; }}
QLabel[role="error"] {{ color: #8b1a1a; }}
QLabel#message[role="error"] {{ background: #fdecea; border: 1px solid #e0a8a3;
    border-radius: 6px; padding: 8px; color: #7a1414; }}
QLabel#message[role="info"] {{ background: #e8f3ea; border: 1px solid #a9d1b1;
    border-radius: 6px; padding: 8px; color: #1e4d2b; }}
QLabel#message[role="notice"] {{ background: #eef2f7; border: 1px solid #b9c6d6;
    border-radius: 6px; padding: 8px; color: #1b2a3a; }}
QPushButton#messageClose {{ padding: 4px 10px; }}
QFrame#banner, QFrame#retentionBanner {{ background: #fff5d6; border: 1px solid #e7cf87;
    border-radius: 6px; }}
QFrame#formCard {{ background: #ffffff; border: 1px solid #c9d2dc; border-radius: 8px; }}
QFrame#welcomePanel {{ background: #ffffff; border: 1px solid #c9d2dc; border-radius: 10px;
    padding: 16px; }}
QPushButton {{ padding: 6px 14px; border: 1px solid #8a96a3; border-radius: 6px;
    background: #f4f6f8; color: #1b1f23; min-height: 1.6em; }}
QPushButton:hover {{ background: #e6ebf0; }}
QPushButton:pressed {{ background: #d5dde5; }}
QPushButton:disabled {{ color: #8a939c; border-color: #c4cad0; background: #f4f6f8; }}
QPushButton[primary="true"] {{ background: #1f5fa8; color: white; border-color: #174a84; }}
QPushButton[primary="true"]:hover {{ background: #1a528f; }}
QPushButton[primary="true"]:disabled {{ background: #9db5d1; border-color: #9db5d1; }}
QPushButton:focus, QPushButton[primary="true"]:focus {{ border: 3px solid #f0a500;
    padding: 4px 12px; }}
QLineEdit {{ padding: 4px 6px; border: 1px solid #8a96a3; border-radius: 4px;
    background: white; min-height: 1.5em; }}
QLineEdit:focus {{ border: 3px solid #f0a500; padding: 2px 4px; }}
QCheckBox {{ border: 2px solid transparent; border-radius: 4px; }}
QCheckBox:focus {{ border: 2px solid #f0a500; border-radius: 4px; }}
QTableView {{ border: 1px solid #c9d2dc; background: white; alternate-background-color: #f5f8fb;
    selection-background-color: #cfe0f4; selection-color: #10243a; }}
QTableView:focus {{ border: 3px solid #f0a500; }}
QTabBar::tab {{ padding: 6px 12px; }}
QTabBar::tab:selected {{ font-weight: 600; }}
QTabBar:focus {{ border: 2px solid #f0a500; }}
"""


def apply_text_size(app, size: int) -> None:
    # Qt (~0.8 s measured) loads after the display check: this module is imported first
    from surveyor.ui.qt import QFont

    # Each change restyles every widget (a fifth of a second with the main window open, on
    # this machine): the same size again (Ctrl+0 at the default, Ctrl++ at the largest)
    # changes nothing.
    if app.font().pointSize() != size:
        font = QFont(app.font())
        font.setPointSize(size)
        app.setFont(font)
    sheet = stylesheet(size)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def _fit_to_screen(window, app) -> None:
    screen = app.primaryScreen()
    area = screen.availableGeometry() if screen is not None else None
    if area is not None and (area.width() <= 1440 or area.height() <= 820):
        window.resize(min(1366, area.width()), min(768, area.height()))
        window.showMaximized()
    else:
        window.resize(1280, 800)
        window.show()


def run(data_dir: str | None = None, self_test: bool = False) -> int:
    """Open the app; return the exit code."""
    started = time.time()
    if self_test:
        return run_self_test(data_dir)
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2

    # Qt and the window (~1 s measured) load after the display check (see apply_text_size)
    from surveyor.settings import AppSettings
    from surveyor.settings import settings_path
    from surveyor.ui import garbage
    from surveyor.ui.language import Languages
    from surveyor.ui.main_window import MainWindow
    from surveyor.ui.qt import QApplication
    from surveyor.ui.qt import QIcon
    from surveyor.ui.qt import QTimer
    from surveyor.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication(sys.argv[:1])
    garbage.install(app)  # collect on the GUI thread only (see surveyor/ui/garbage.py)
    app.setApplicationName("Surveyor")
    app.setOrganizationName("Surveyor")
    icon = _icon_path()
    if icon:
        app.setWindowIcon(QIcon(str(icon)))
    settings = AppSettings.load(settings_path(data_dir))
    languages = Languages()
    languages.install(settings.language)
    apply_text_size(app, settings.text_size)
    tasks = TaskManager()
    window = MainWindow(
        data_dir=data_dir,
        settings=settings,
        languages=languages,
        tasks=tasks,
        apply_text_size=lambda size: apply_text_size(app, size),
    )
    dress(window, app)
    _fit_to_screen(window, app)
    if os.environ.get(EXIT_WHEN_SHOWN):
        # What of the heavy modules was imported before the window showed (none may be).
        heavy = "pyxform" in sys.modules
        early = ",".join(name for name in LOADED_AFTER_THE_WINDOW if name in sys.modules)

        def shown():
            now = time.time()
            print(
                f"SURVEYOR_SHOWN {now:.4f} {now - started:.4f} pyxform={heavy} "
                f"early={early or '-'}",
                flush=True,
            )
            window.close()
            app.quit()

        QTimer.singleShot(0, lambda: (window.repaint(), shown()))
    window.start()
    code = app.exec()
    tasks.wait_db()
    tasks.shutdown()
    _tear_down(window)
    return int(code)


def dress(window, app) -> None:
    """What the running app adds to its main window: F1 and the Help menu (the offline
    guide), and Return pressing the focused button as Space does."""
    # Qt modules: after the display check (see apply_text_size)
    from surveyor.ui import help as guide
    from surveyor.ui import keys

    guide.install(window)
    keys.install(app, window)


def _tear_down(window) -> None:
    """Destroy the window and collect the garbage now, on the GUI thread while Qt is alive,
    rather than leave them to the interpreter's finalization (the workers have stopped)."""
    # Qt: after the display check (see apply_text_size)
    from surveyor.ui.qt import QCoreApplication
    from surveyor.ui.qt import QEvent

    collector = getattr(QCoreApplication.instance(), "_surveyor_collector", None)
    if collector is not None:
        collector.timer.stop()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()


def _icon_path():
    for candidate in (
        Path(__file__).resolve().parent / "icons" / "surveyor.png",
        Path(__file__).resolve().parents[2] / "packaging" / "surveyor.png",
    ):
        if candidate.is_file():
            return candidate
    return None


def run_self_test(data_dir: str | None = None) -> int:
    """Check the app works here: store, bundled forms, a session and its first screen.

    Prints ``OK`` and returns 0, or prints the reason on stderr and returns 1.
    """
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # The offscreen platform warns about window hints it ignores; only OK or the reason shows.
    os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")
    temp = None
    if not data_dir and not os.environ.get("SURVEYOR_HOME"):
        temp = tempfile.TemporaryDirectory(prefix="surveyor-self-test-")
        data_dir = temp.name
    try:
        return _self_test(data_dir)
    except Exception as exc:  # noqa: BLE001 - the reason is the output
        print(f"Self-test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        if temp is not None:
            temp.cleanup()


def _self_test(data_dir) -> int:
    # Qt, the interview screen and the store (~2 s measured): after the display check
    from surveyor.ui import garbage
    from surveyor.ui.interview import InterviewStorage
    from surveyor.ui.interview import InterviewView
    from surveyor.ui.language import I18N_DIR
    from surveyor.ui.language import Languages
    from surveyor.ui.main_window import bundled_form_files
    from surveyor.ui.qt import QApplication
    from surveyor.ui.tasks import TaskManager
    from surveyor.workspace import Workspace

    app = QApplication.instance() or QApplication(["surveyor"])
    garbage.install(app)
    if not (I18N_DIR / "surveyor_fr.qm").is_file():
        raise RuntimeError(f"the French translation is missing from {I18N_DIR}")
    Languages().install("fr")
    forms = bundled_form_files()
    if not forms:
        raise RuntimeError("no bundled form found")
    workspace = Workspace.open(data_dir)
    tasks = TaskManager()
    try:
        for path in forms:
            form = workspace.load_form(path).value
            # A session that is not stored: the self-test leaves no interview behind.
            interview, session = workspace.new_interview(form)
            widget = InterviewView(InterviewStorage(workspace), interview, session, tasks=tasks)
            widget.resize(1000, 700)
            widget.show()
            app.processEvents()
            if widget.grab().isNull():
                raise RuntimeError(f"the first question of {path.name} could not be drawn")
            widget.close()
            widget.deleteLater()
            app.processEvents()
        tasks.drain()
    finally:
        tasks.wait_db()
        tasks.shutdown()
        workspace.close()
    _check_report_and_encryption_libraries()
    print("OK")
    return 0


def _check_report_and_encryption_libraries() -> None:
    """The libraries a bundle must carry though the first screen does not use them: the
    funders' report (a chart, a DOCX, a PDF) and a store encrypted at rest (SQLCipher)."""
    # the report's writers and SQLCipher: only for this check (~1 s measured)
    import docx
    import fpdf

    from surveyor.results import charts
    from surveyor.store import engine

    png = charts.bars(["a", "b"], [60.0, 40.0])
    if not png.startswith(b"\x89PNG"):
        raise RuntimeError("the report's charts cannot be drawn")
    docx.Document()
    fpdf.FPDF().add_page()
    conn = engine.connect(":memory:", bytes(32))
    try:
        conn.execute("CREATE TABLE t (x)")
    finally:
        conn.close()
