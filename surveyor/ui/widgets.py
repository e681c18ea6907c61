"""Widgets made the same way everywhere: labels of wrapped text styled by the style sheet's
``role``, read-only lists of rows."""

from __future__ import annotations

from surveyor.ui.qt import QAbstractItemView, QLabel


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


__all__ = ["read_only_rows", "make_label"]
