"""Helpers of the coordinator's screens: a progress dialog fed from the database thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from surveyor.ui.qt import (
    QAbstractItemView,
    QHeaderView,
    QObject,
    QProgressDialog,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    Signal,
    Slot,
)


class ProgressRelay(QObject):
    """Lives on the UI thread; the worker calls ``report`` and the dialog updates through a
    queued signal (the worker never touches a widget)."""

    progressed = Signal(int, int, str)

    def __init__(self, dialog: QProgressDialog, describe: Callable[[int, int, str], str]):
        super().__init__(dialog)
        self.dialog = dialog
        self.describe = describe
        self.progressed.connect(self._show, Qt.QueuedConnection)

    def report(self, done: int, total: int, detail: str = "") -> None:
        """Called from the worker thread."""
        self.progressed.emit(int(done), int(total), str(detail))

    @Slot(int, int, str)
    def _show(self, done: int, total: int, detail: str) -> None:
        if total <= 0:
            self.dialog.setRange(0, 0)
        else:
            self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))
        text = self.describe(done, total, detail)
        if text:
            self.dialog.setLabelText(text)


def run_with_progress(
    parent,
    tasks,
    *,
    title: str,
    label: str,
    work: Callable[[Callable[..., None]], Any],
    describe: Callable[[int, int, str], str],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> QProgressDialog:
    """Run ``work(report)`` on the database thread with a progress dialog (no cancel: the
    work is written in transactions and is short per step)."""
    dialog = QProgressDialog(parent)
    dialog.setObjectName("coordinatorProgress")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setRange(0, 0)
    dialog.setMinimumWidth(420)
    relay = ProgressRelay(dialog, describe)

    def finish(callback, value):
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()
        callback(value)

    tasks.run_db(
        lambda: work(relay.report),
        on_done=lambda result: finish(on_done, result),
        on_error=lambda exc: finish(on_error, exc),
    )
    return dialog


def make_table(columns: list[str], *, name: str = "") -> QTableWidget:
    """A read-only table of a few rows (reports, counts)."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setHighlightSections(False)
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
