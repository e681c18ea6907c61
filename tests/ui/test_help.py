"""The offline guide (F1, Help menu) and Return on a focused button."""

from __future__ import annotations

import re

from surveyor.ui.help import HERE
from surveyor.ui.help import guide_path
from surveyor.ui.qt import QApplication
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTextBrowser
from tests.ui.test_app import HABITANTS
from tests.ui.test_app import wait_ready


def test_each_guide_exists_and_every_picture_it_shows_is_there():
    for language in ("fr", "en"):
        text = guide_path(language).read_text(encoding="utf-8")
        pictures = re.findall(r'<img src="([^"]+)"', text)
        assert len(pictures) >= 6
        for picture in pictures:
            assert (HERE / picture).is_file(), picture
            assert picture.endswith(f"_{language}.png"), picture  # the screens in its language
        for part in ('id="volunteer"', 'id="coordinator"'):
            assert part in text


def test_f1_opens_the_guide_in_the_apps_language(app_window, qtbot):
    window = app_window(welcomed=True, language="fr", bundled_forms=[])
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=30000)
    assert "&Aide" in [action.text() for action in window.menuBar().actions()]
    qtbot.keyClick(window, Qt.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "guide") is not None, timeout=30000)
    dialog = window.findChild(QDialog, "guide")
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Guide de Surveyor"
    browser = dialog.findChild(QTextBrowser)
    text = browser.toPlainText()
    assert "Pour l'enquêteur ou l'enquêtrice" in text
    assert "Pour la coordination" in text
    dialog.close()
    # In English after switching the language.
    window.settings.language = "en"
    window.languages.install("en")
    qtbot.waitUntil(
        lambda: "&Help" in [a.text() for a in window.menuBar().actions()], timeout=30000
    )
    qtbot.keyClick(window, Qt.Key_F1)
    qtbot.waitUntil(
        lambda: any(
            d.isVisible() and d.windowTitle() == "Surveyor guide"
            for d in window.findChildren(QDialog, "guide")
        ),
        timeout=30000,
    )


def test_return_on_a_focused_button_presses_it(app_window, qtbot):
    window = app_window(welcomed=True, language="en", bundled_forms=[HABITANTS.name])
    wait_ready(qtbot, window)
    qtbot.waitUntil(lambda: len(window.home.form_cards()) == 1, timeout=30000)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=30000)
    button = window.home.form_cards()[0].button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus, timeout=30000)
    qtbot.keyClick(button, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.view is not None, timeout=30000)
