"""Return and Enter press the focused button, as Space does (outside dialogs too)."""

from __future__ import annotations

from surveyor.ui.qt import QAbstractButton, QDialog, QEvent, QObject, Qt

_KEYS = (Qt.Key_Return, Qt.Key_Enter)


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
        if isinstance(watched.window(), QDialog) or not watched.isEnabled():
            return False
        if not watched.hasFocus():
            return False
        watched.animateClick()
        return True


def install(app) -> ReturnPressesButtons:
    keys = ReturnPressesButtons(app)
    app.installEventFilter(keys)
    app._surveyor_keys = keys  # keep it alive with the application
    return keys
