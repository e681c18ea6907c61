"""Helpers of the coordinator's screens: small read-only tables, the "files written" message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from surveyor.ui.errors import exception_sentence
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QDesktopServices
from surveyor.ui.qt import QHeaderView
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTableWidget
from surveyor.ui.qt import QTableWidgetItem
from surveyor.ui.qt import QUrl
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


def show_files_written(
    parent,
    *,
    name: str,
    title: str,
    text: str,
    files: list[Path],
    folder: Path,
    closed: Callable[[], None],
    none_text: str = "",
) -> QMessageBox:
    """Say which ``files`` were written (``none_text`` when none), with "Open the folder" (it
    opens ``folder``) and "Close"; shown without blocking, ``closed`` called when it closes."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText("\n".join(p.name for p in files) or none_text)
    open_button = box.addButton(
        QCoreApplication.translate("FilesWritten", "Open the folder"), QMessageBox.ActionRole
    )
    close = box.addButton(
        QCoreApplication.translate("FilesWritten", "Close"), QMessageBox.AcceptRole
    )
    box.setDefaultButton(open_button)
    box.setEscapeButton(close)
    box.open_button = open_button

    def finished(_result):
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        closed()

    box.finished.connect(finished)
    box.open()
    return box


def load_latest(panel, load: Callable[[Any], Any]) -> None:
    """Runs ``load(workspace)`` on the database thread and gives what it returns to
    ``panel.set_data(data)`` unless a later load was asked meanwhile (``panel._generation``);
    an error goes to the page's message."""
    panel._generation += 1
    generation = panel._generation

    def loaded(data) -> None:
        if generation == panel._generation:
            panel.set_data(data)

    DbOp(panel.page, load).success(loaded).failure(
        lambda exc: panel.page.show_message(exception_sentence(exc), error=True)
    ).run()
