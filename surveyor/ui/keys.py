"""Return and Enter press the focused button, as Space does (outside dialogs too)."""

from __future__ import annotations

from surveyor.ui.qt import QAbstractButton, QDialog, QEvent, QObject, Qt

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


def install(app, window) -> ReturnPressesButtons:
    """Return presses the focused buttons of ``window`` (the filter is the application's)."""
    window.setProperty(APPLIES, True)
    existing = getattr(app, "_surveyor_keys", None)
    if existing is not None:
        return existing
    keys = ReturnPressesButtons(app)
    app.installEventFilter(keys)
    app._surveyor_keys = keys  # keep it alive with the application
    return keys
