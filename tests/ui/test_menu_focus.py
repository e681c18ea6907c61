"""Focus after a menu closes (issue 11, keyboard): closing a menu of the main window with
Escape, or after its action ran, leaves the keyboard on a widget (the one that had it, or
the first one of the screen the action showed), never nowhere."""

from __future__ import annotations

from surveyor.ui.qt import QApplication
from surveyor.ui.qt import Qt


def focus_on(widget):
    return lambda: QApplication.focusWidget() is widget


def choose(qtbot, window, menu, action):
    """Open ``menu`` as a popup and press Return on ``action``."""
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible, timeout=30000)
    menu.setActiveAction(action)
    qtbot.keyClick(menu, Qt.Key_Return)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=30000)


def test_the_focus_comes_back_after_a_menu_closes(app_window, qtbot):
    window = app_window(
        welcomed=True,
        language="en",
        interviewer="Amina",
        laptop_label="Portable 1",
        coordinator=True,
        bundled_forms=[],
    )
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=30000)
    settings = window.home.settings_button
    settings.setFocus()
    qtbot.waitUntil(focus_on(settings), timeout=30000)

    # the menu bar by the keyboard (Alt+S), closed with Escape: back on the button
    qtbot.keyClick(window, Qt.Key_S, Qt.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=30000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key_Escape)
    qtbot.waitUntil(focus_on(settings), timeout=30000)

    # a menu opened then closed with Escape
    window.app_menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(window.app_menu.isVisible, timeout=30000)
    qtbot.keyClick(window.app_menu, Qt.Key_Escape)
    qtbot.waitUntil(focus_on(settings), timeout=30000)

    # an action that changes the screen: the keyboard is on the new screen
    choose(qtbot, window, window.app_menu, window.doors_action)
    page = window.doors_page
    qtbot.waitUntil(focus_on(page.table), timeout=30000)

    # My doors' "More" menu, opened by the keyboard and closed with Escape
    page.more_button.setFocus()
    qtbot.keyClick(page.more_button, Qt.Key_Space)
    qtbot.waitUntil(page.more_menu.isVisible, timeout=30000)
    qtbot.keyClick(page.more_menu, Qt.Key_Escape)
    qtbot.waitUntil(focus_on(page.more_button), timeout=30000)

    # an action that changes nothing on screen (a larger text): the same button
    choose(qtbot, window, window.view_menu, window.larger_action)
    qtbot.waitUntil(focus_on(page.more_button), timeout=30000)

    # back home from the menu: a widget of the home screen has the keyboard
    choose(qtbot, window, window.app_menu, window.home_action)
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is not None
            and window.home.isAncestorOf(QApplication.focusWidget())
            and QApplication.focusWidget().isVisible()
        ),
        timeout=30000,
    )
    # and into the coordination page
    choose(qtbot, window, window.app_menu, window.coordination_action)
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is not None
            and window.coordination.isAncestorOf(QApplication.focusWidget())
        ),
        timeout=30000,
    )
