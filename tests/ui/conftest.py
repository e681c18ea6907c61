"""Shared fixtures of the UI tests: real widgets, a real store in the per-test data dir."""

from __future__ import annotations

import gc

import pytest


@pytest.fixture(scope="session", autouse=True)
def collect_on_the_gui_thread(qapp):
    """As the app does (surveyor/ui/garbage.py): no automatic collection, which could run in
    a worker thread and destroy Qt objects there; collect on the GUI thread between tests."""
    was_enabled = gc.isenabled()
    from surveyor.ui import garbage

    garbage.install(qapp)
    yield
    gc.collect()
    if was_enabled:
        gc.enable()


@pytest.fixture(autouse=True)
def collect_after_each_test():
    yield
    delete_closed_widgets()
    gc.collect()
    # What is left is the session's (modules, fixtures, Qt's wrappers): frozen, the next
    # test's collection need not walk it again (a full walk took a tenth of a second).
    gc.freeze()


def delete_closed_widgets() -> None:
    """Delete now the widgets pytest-qt closed and handed to deleteLater: without an event
    loop running between tests, Qt would keep them (thousands, after the Résultats tests),
    and every later change of the application's style sheet would restyle them all."""
    from surveyor.ui.qt import QCoreApplication
    from surveyor.ui.qt import QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def reset_style(qapp) -> None:
    """The default text size and no style sheet again, once the test's widgets are gone (a
    style sheet set on the application restyles every widget still alive)."""
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE

    delete_closed_widgets()
    apply_text_size(qapp, DEFAULT_TEXT_SIZE)
    qapp.setStyleSheet("")


@pytest.fixture
def tasks(qapp):
    """A TaskManager whose callbacks are delivered before the test ends."""
    from surveyor.ui.tasks import TaskManager

    manager = TaskManager()
    yield manager
    manager.drain()
    manager.shutdown()


# --- the app shell (main window, home, welcome, settings) ------------------------------------


@pytest.fixture
def app_window(qapp, qtbot, tasks, isolated_home):
    """``app_window(**settings)`` opens the main window as ``surveyor`` would, started."""
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.app import dress
    from surveyor.ui.language import Languages
    from surveyor.ui.main_window import MainWindow
    from surveyor.ui.settings import AppSettings
    from surveyor.ui.settings import settings_path

    windows = []
    languages = Languages()

    def make(start=True, **values):
        settings = AppSettings.load(settings_path())
        for key, value in values.items():
            setattr(settings, key, value)
        if values:
            settings.save()
        languages.install(settings.language or "en")
        apply_text_size(qapp, settings.text_size)
        window = MainWindow(
            data_dir=None,
            settings=settings,
            languages=languages,
            tasks=tasks,
            apply_text_size=lambda size: apply_text_size(qapp, size),
        )
        dress(window, qapp)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        windows.append(window)
        if start:
            window.start()
        return window

    yield make
    for window in windows:
        window.close()
    tasks.drain()
    languages.install("en")
    reset_style(qapp)
