"""Helpers of the coordinator's screens: small read-only tables."""

from __future__ import annotations

from typing import Any

from surveyor.ui.qt import (
    QHeaderView,
    Qt,
    QTableWidget,
    QTableWidgetItem,
)
from surveyor.ui.widgets import read_only_rows


def make_table(columns: list[str], *, name: str = "") -> QTableWidget:
    """A read-only table of a few rows (reports, counts)."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    read_only_rows(table)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    if name:
        table.setAccessibleName(name)
    return table


def fill_table(table: QTableWidget, rows: list[list[Any]], *, tooltips=None) -> None:
    """Replace the rows; numbers are right-aligned."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            if tooltips is not None and tooltips[r][c]:
                item.setToolTip(tooltips[r][c])
            table.setItem(r, c, item)


def set_headers(table: QTableWidget, columns: list[str]) -> None:
    table.setColumnCount(len(columns))
    table.setHorizontalHeaderLabels(columns)
