"""Building blocks the home page and the coordinator's panels share: a question asked before
an action (a non-blocking box), the message line under a header, a page split in two
columns, a section's title, and a list of interviews in a table."""

from __future__ import annotations

from collections.abc import Callable

from surveyor.ui import banner
from surveyor.ui.flow import WrappedLabel
from surveyor.ui.qt import (
    QAbstractItemView,
    QHeaderView,
    QMessageBox,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def ask(
    owner: QWidget,
    attribute: str,
    *,
    title: str,
    text: str,
    details: str,
    yes: str,
    no: str,
    on_yes: Callable[[], None],
    name: str = "",
    icon=QMessageBox.Question,
    yes_role=QMessageBox.AcceptRole,
) -> QMessageBox:
    """A box over ``owner`` asking before an action; "no" is the default and Escape.

    It is kept in ``owner.<attribute>`` while open (None once closed); ``on_yes`` runs when
    "yes" is clicked. Its buttons are ``box.yes_button`` and ``box.no_button`` (for tests)."""
    box = QMessageBox(owner)
    if name:
        box.setObjectName(name)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(details)
    yes_button = box.addButton(yes, yes_role)
    no_button = box.addButton(no, QMessageBox.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.yes_button, box.no_button = yes_button, no_button

    def finished(_result):
        if box.clickedButton() is yes_button:
            on_yes()
        setattr(owner, attribute, None)

    box.finished.connect(finished)
    setattr(owner, attribute, box)
    box.open()
    return box


def message_line() -> WrappedLabel:
    """The message under a page's header (what was done, an error), hidden until set; its
    text can be selected and copied."""
    label = WrappedLabel()
    label.setObjectName("message")
    banner.pad(label)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.hide()
    return label


def section_title() -> WrappedLabel:
    label = WrappedLabel()
    label.setProperty("role", "section")
    return label


def hint_label() -> WrappedLabel:
    label = WrappedLabel()
    label.setProperty("role", "hint")
    return label


def two_columns(gap: int, widths: tuple[int, int]) -> tuple[QSplitter, QVBoxLayout, QVBoxLayout]:
    """A splitter of two columns ``gap`` pixels apart either side of the handle, neither of
    which can be collapsed, first ``widths`` wide, the right one taking 5/7 of a change;
    and the columns' layouts."""
    splitter = QSplitter(Qt.Horizontal)
    splitter.setChildrenCollapsible(False)
    layouts = []
    for margins in ((0, 0, gap, 0), (gap, 0, 0, 0)):
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(*margins)
        splitter.addWidget(column)
        layouts.append(layout)
    splitter.setStretchFactor(0, 2)
    splitter.setStretchFactor(1, 5)
    splitter.setSizes(list(widths))
    return splitter, layouts[0], layouts[1]


def read_only_rows(table: QAbstractItemView) -> None:
    """A table never edited, whose rows are selected whole, one at a time, in alternate
    colours, a line each; Tab leaves it (the arrows move within)."""
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setHighlightSections(False)


def interview_table(model, name: str) -> QTableView:
    """A list of interviews, a row each (:func:`read_only_rows`); the first column (the
    interview's name) takes the room left."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    read_only_rows(table)
    table.setShowGrid(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setSectionResizeMode(0, QHeaderView.Stretch)
    return table


def set_role(widget: QWidget, role: str) -> None:
    """The style sheet's look for ``role`` (error, info, notice…), applied at once."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def put_message(label: QWidget, text: str, *, error: bool = False) -> None:
    """``text`` in a :func:`message_line` (hidden when empty), in red for an error."""
    set_role(label, "error" if error else "info")
    label.setText(text)
    label.setVisible(bool(text))
