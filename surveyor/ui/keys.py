"""Keyboard habits of the main window: Return and Enter press the focused button, as Space
does (outside dialogs too); the keyboard focus comes back after a menu closes."""

from __future__ import annotations

import weakref

from surveyor.ui.qt import QAbstractButton
from surveyor.ui.qt import QApplication
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QEvent
from surveyor.ui.qt import QMenu
from surveyor.ui.qt import QMenuBar
from surveyor.ui.qt import QObject
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTimer
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import is_alive

_KEYS = (Qt.Key_Return, Qt.Key_Enter)
#: Set to True on a widget whose buttons already act on Return (the interview screen).
OWNS_RETURN = "surveyorOwnsReturn"
#: Set to True on a window whose buttons this applies to (the app's main window).
APPLIES = "surveyorReturnPressesButtons"


class ReturnPressesButtons(QObject):
    """Installed on the application: a person who tabs to a button and presses Return
    expects it to act. Dialogs already do this for their own buttons (Qt's autoDefault), so
    they are left alone; so are check boxes and radio buttons (Return goes on there)."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.KeyPress or event.key() not in _KEYS:
            return False
        if not isinstance(watched, QAbstractButton) or watched.isCheckable():
            return False
        if event.modifiers() & ~Qt.KeypadModifier:
            return False
        window = watched.window()
        if isinstance(window, QDialog) or not window.property(APPLIES):
            return False
        if not watched.isEnabled():
            return False
        if not watched.hasFocus():
            return False
        parent = watched
        while parent is not None:  # a screen that handles Return itself (the interview)
            if parent.property(OWNS_RETURN):
                return False
            parent = parent.parentWidget()
        watched.click()
        return True


def _usable(widget, window) -> bool:
    """A widget the keyboard can be on: alive, shown, enabled, in ``window``, not a menu."""
    return (
        widget is not None
        and is_alive(widget)
        and not isinstance(widget, QMenu | QMenuBar)
        and widget.window() is window
        and widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.TabFocus)
    )


def first_focusable(page: QWidget, window) -> QWidget | None:
    """The first widget of ``page`` that Tab reaches (the page's own focus widget first)."""
    if _usable(page.focusWidget(), window) and page.isAncestorOf(page.focusWidget()):
        return page.focusWidget()
    widget = page.nextInFocusChain()
    for _ in range(2000):  # the focus chain is a ring: stop where it started
        if widget is None or widget is page:
            break
        if page.isAncestorOf(widget) and _usable(widget, window):
            return widget
        widget = widget.nextInFocusChain()
    return None


_CLOSING_KEYS = (Qt.Key_Escape, Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space)


class FocusAfterMenus(QObject):
    """Installed on the application: when a menu of the main window closes by the keyboard
    (Escape, Return) or by a click on one of its actions, the window is in front and the
    keyboard is on a widget again: the one that had it (the window's focus widget), else the
    one before, else (the action changed the screen) the first one of the screen shown.
    Never nowhere: a person using the keyboard would be stranded. A menu closed by a click
    outside (maybe on another application) is left alone."""

    def __init__(self, app):
        super().__init__(app)
        self.windows: weakref.WeakSet = weakref.WeakSet()  # main windows (not kept alive)
        # the last ordinary widget that had the focus in each window
        self._before: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        # a menu was closed by the person (a key, a click on an action) since their last
        # input elsewhere: the window is brought back in front if nothing else is
        self.armed = False
        app.focusChanged.connect(self._focus_changed)
        app.focusWindowChanged.connect(self._focus_window_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # after the action, which runs once the menu is hidden
        self._timer.timeout.connect(self.restore)

    def add(self, window) -> None:
        self.windows.add(window)

    def _focus_changed(self, _old, new) -> None:
        if new is None or isinstance(new, QMenu | QMenuBar):
            return
        window = new.window()
        if window in self.windows:
            self._before[window] = weakref.ref(new)

    def _focus_window_changed(self, _window) -> None:
        if self.armed:  # the platform moved the activation after the menu closed
            self._timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if isinstance(watched, QMenu):
            if kind == QEvent.KeyPress and event.key() in _CLOSING_KEYS:
                self.armed = True
            elif kind == QEvent.MouseButtonRelease:
                self.armed = True
            elif kind == QEvent.Hide:
                self._timer.start()
        elif kind in (QEvent.KeyPress, QEvent.MouseButtonPress) and isinstance(watched, QWidget):
            self.armed = False  # the person acts again: what follows is theirs
        return False

    def restore(self) -> None:
        if QApplication.activePopupWidget() is not None:
            return  # another menu is open (moving along the menu bar)
        if QApplication.activeModalWidget() is not None:
            return  # a dialog the action opened: Qt gives the focus back when it closes
        for window in list(self.windows):
            if is_alive(window) and window.isVisible() and not window.isMinimized():
                self._restore(window)

    def _restore(self, window) -> None:
        active = QApplication.activeWindow()
        stranded = active is None or (isinstance(active, QMenu) and not active.isVisible())
        if stranded and self.armed:
            window.activateWindow()  # the menu closed: its window is the one in front again
        elif active is not None and active is not window and not stranded:
            return  # another window of the app is in front: its focus is its own
        # the widget that has the focus when the window is active
        focus = window.focusWidget()
        if _usable(focus, window):
            if QApplication.activeWindow() is window and QApplication.focusWidget() is not focus:
                focus.setFocus(Qt.OtherFocusReason)
            return
        ref = self._before.get(window)
        before = ref() if ref is not None else None
        if not _usable(before, window):
            page = window.centralWidget() or window
            stack = getattr(window, "stack", None)
            if stack is not None and stack.currentWidget() is not None:
                page = stack.currentWidget()
            before = first_focusable(page, window)
        if before is not None:
            before.setFocus(Qt.OtherFocusReason)


def install(app, window) -> ReturnPressesButtons:
    """Return presses the focused buttons of ``window`` and the focus comes back to it after
    its menus close (the filters are the application's)."""
    window.setProperty(APPLIES, True)
    focus = getattr(app, "_surveyor_menu_focus", None)
    if focus is None:
        focus = FocusAfterMenus(app)
        app.installEventFilter(focus)
        app._surveyor_menu_focus = focus  # keep it alive with the application
    focus.add(window)
    existing = getattr(app, "_surveyor_keys", None)
    if existing is not None:
        return existing
    keys = ReturnPressesButtons(app)
    app.installEventFilter(keys)
    app._surveyor_keys = keys  # keep it alive with the application
    return keys
