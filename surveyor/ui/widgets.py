"""Widgets made the same way everywhere: labels of wrapped text styled by the style sheet's
``role``, form rows, OK/Cancel buttons, yes/no questions, tab bars, read-only lists of rows,
the pieces of a row of filters."""

from __future__ import annotations

from collections.abc import Callable

from surveyor.ui.qt import (
    QAbstractItemView,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

NO_DATE = QDate(2000, 1, 1)  # a day filter left empty


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


def tab_bar(count: int, changed) -> QTabBar:
    """A bar of ``count`` tabs over the list they filter (texts set by ``retranslate``), not
    stretched across; ``changed(index)`` when another is chosen."""
    tabs = QTabBar()
    tabs.setExpanding(False)
    tabs.setDrawBase(True)
    for _ in range(count):
        tabs.addTab("")
    tabs.currentChanged.connect(changed)
    return tabs


def day_filter(changed, *, empty_text: str = "") -> QDateEdit:
    """A day to filter by, from a calendar: NO_DATE (shown as ``empty_text`` when given) until
    one is chosen; ``changed`` whenever it changes."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setDate(NO_DATE)
    if empty_text:
        edit.setSpecialValueText(empty_text)
    edit.dateChanged.connect(changed)
    return edit


def labelled(label: QLabel, widget: QWidget, *, above: bool = False, spacing: int = 4) -> QWidget:
    """``widget`` and its ``label`` (beside it, or ``above``) as one piece of a row of filters
    that wraps; the label's & key goes to the widget."""
    label.setBuddy(widget)
    unit = QWidget()
    box = QVBoxLayout(unit) if above else QHBoxLayout(unit)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(spacing)
    box.addWidget(label)
    box.addWidget(widget)
    return unit


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


__all__ = [
    "NO_DATE",
    "add_row",
    "ask",
    "day_filter",
    "labelled",
    "make_label",
    "ok_cancel",
    "read_only_rows",
    "tab_bar",
]
