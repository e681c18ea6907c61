"""Widgets made the same way everywhere: labels of wrapped text styled by the style sheet's
``role``, read-only lists of rows."""

from __future__ import annotations

from collections.abc import Callable

from surveyor.ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
)


def make_label(text: str = "", *, role: str = "", name: str = "", wrap: bool = True) -> QLabel:
    """A label whose text wraps (unless not ``wrap``); ``role`` (hint, section, error,
    cardTitle...) styles it and ``name`` is its object name (for the style sheet and tests)."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    if role:
        label.setProperty("role", role)
    return label


def add_row(form: QFormLayout, text: str, field, *, buddy=None) -> QLabel:
    """A row of ``form``: ``text`` labels ``field`` (a widget or a layout); its & key goes to
    ``buddy``, by default the field itself. Returns the label."""
    label = QLabel(text)
    label.setBuddy(buddy if buddy is not None else field)
    form.addRow(label, field)
    return label


def read_only_rows(view: QAbstractItemView, *, plain: bool = False) -> None:
    """A table that shows rows, one selected at a time, not edited; Tab leaves it. Unless
    ``plain``, its rows are striped, one line each, and its header does not light up."""
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    if not plain:
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.horizontalHeader().setHighlightSections(False)


def ok_cancel(dialog: QDialog, ok: str, cancel: str) -> QDialogButtonBox:
    """The buttons of ``dialog``: OK, saying ``ok``, accepts it; Cancel, saying ``cancel``,
    rejects it (both texts translated by the caller)."""
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.button(QDialogButtonBox.Ok).setText(ok)
    buttons.button(QDialogButtonBox.Cancel).setText(cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ask(
    parent,
    *,
    title: str,
    text: str,
    yes: str,
    no: str,
    answered: Callable[[bool], object],
    default_yes: bool = False,
    informative: str = "",
    details: str = "",
    name: str = "",
) -> QMessageBox:
    """Ask a question without blocking: a warning with a ``yes`` and a ``no`` button
    (``box.yes_button``, ``box.no_button``; Escape says no, Return the default, which is no
    unless ``default_yes``); ``answered(True)`` when yes was clicked, else ``answered(False)``."""
    box = QMessageBox(parent)
    if name:
        box.setObjectName(name)
    box.setIcon(QMessageBox.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    box.yes_button = box.addButton(yes, QMessageBox.AcceptRole)
    box.no_button = box.addButton(no, QMessageBox.RejectRole)
    box.setDefaultButton(box.yes_button if default_yes else box.no_button)
    box.setEscapeButton(box.no_button)
    box.finished.connect(lambda _result: answered(box.clickedButton() is box.yes_button))
    box.open()
    return box


__all__ = ["add_row", "ask", "make_label", "ok_cancel", "read_only_rows"]
