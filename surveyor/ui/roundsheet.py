"""The printable round sheet ("feuille de route") and its quick "type back" screen.

The rows come from ``Workspace.round_sheet`` (street order); the sheet is an HTML table
printed to PDF through QTextDocument and QPdfWriter (A4, no printer needed). What was ticked
on paper is typed back door by door, one key per door, as visits at the round's time.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from surveyor.ui.doors import OUTCOME_KEYS
from surveyor.ui.doors import AppointmentDialog
from surveyor.ui.doors import key_pressed
from surveyor.ui.errors import exception_sentence
from surveyor.ui.home import local_datetime
from surveyor.ui.labels import door_status_text
from surveyor.ui.labels import outcome_text
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QComboBox
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QDateTime
from surveyor.ui.qt import QDateTimeEdit
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QEvent
from surveyor.ui.qt import QFormLayout
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QHeaderView
from surveyor.ui.qt import QKeySequence
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import QPageLayout
from surveyor.ui.qt import QPageSize
from surveyor.ui.qt import QPdfWriter
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTableWidget
from surveyor.ui.qt import QTableWidgetItem
from surveyor.ui.qt import QTextDocument
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.widgets import ask
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import ok_cancel
from surveyor.ui.widgets import read_only_rows

# The boxes of the sheet: what a volunteer ticks (started/done are the interview's).
SHEET_BOXES = ("absent", "refused", "appointment", "vacant", "ineligible", "later", "done")


def sheet_title(interviewer: str | None, sector: str | None) -> str:
    parts = [QCoreApplication.translate("RoundSheet", "Round sheet")]
    if interviewer:
        parts.append(interviewer)
    if sector:
        parts.append(QCoreApplication.translate("RoundSheet", "sector {0}").format(sector))
    return " — ".join(parts)


def round_sheet_html(rows, *, interviewer: str | None = None, sector: str | None = None) -> str:
    """The sheet as HTML: a title, then one line per door with its boxes to tick."""
    esc = html.escape
    title = sheet_title(interviewer, sector)
    printed = local_datetime(datetime.now().astimezone().isoformat())
    intro = QCoreApplication.translate(
        "RoundSheet",
        "Printed {0} · {1} door(s) · tick one box per visit, write the date and time.",
    ).format(printed, len(rows))
    nothing = QCoreApplication.translate("RoundSheet", "No door to visit.")
    address = QCoreApplication.translate("RoundSheet", "Address")
    status_title = QCoreApplication.translate("RoundSheet", "Status")
    note = QCoreApplication.translate("RoundSheet", "Date, time, note")
    head = "".join(
        f'<th width="6%" style="font-size:7pt">{esc(outcome_text(o))}</th>' for o in SHEET_BOXES
    )
    lines = []
    for n, row in enumerate(rows, start=1):
        status = door_status_text(row.status)
        if row.appointment:
            status += " " + row.appointment[:16].replace("T", " ")
        boxes = "".join(
            '<td align="center" style="font-size:14pt">&#9744;</td>' for _ in SHEET_BOXES
        )
        where = esc(row.door_id) + (" · " + esc(row.sector) if row.sector else "")
        lines.append(
            f"<tr><td>{n}</td><td>{esc(row.address or row.door_id)}"
            f'<br/><span style="font-size:7pt;color:#555">{where}</span></td>'
            f"<td>{esc(status)}</td>{boxes}<td></td></tr>"
        )
    body = "".join(lines) or f'<tr><td colspan="{len(SHEET_BOXES) + 4}">{esc(nothing)}</td></tr>'
    return (
        '<html><body style="font-family:sans-serif;font-size:9pt">'
        f"<h2>{esc(title)}</h2><p>{esc(intro)}</p>"
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
        f'<tr><th width="3%">#</th><th width="33%">{esc(address)}</th>'
        f'<th width="9%">{esc(status_title)}</th>{head}'
        f'<th width="13%">{esc(note)}</th></tr>'
        f"{body}</table></body></html>"
    )


def write_round_sheet_pdf(
    path: str | Path, rows, *, interviewer: str | None = None, sector: str | None = None
) -> Path:
    """Print the sheet to an A4 landscape PDF (on the GUI thread: Qt's text layout)."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setTitle(sheet_title(interviewer, sector))
    writer.setPageSize(QPageSize(QPageSize.A4))
    writer.setPageOrientation(QPageLayout.Landscape)
    writer.setResolution(150)
    document = QTextDocument()
    document.setHtml(round_sheet_html(rows, interviewer=interviewer, sector=sector))
    document.print_(writer)
    del writer  # the file is finished when the writer goes
    return path


class TypeBackDialog(QDialog):
    """The doors of a round sheet in order; one key per door records what was ticked."""

    def __init__(self, settings, *, interviewer: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("typeBackDialog")
        self.settings = settings
        self.rows: list = []
        self.recorded: dict[int, str] = {}
        self.box: QMessageBox | None = None
        self.dialog: QDialog | None = None
        self._interviewer = interviewer if interviewer is not None else settings.interviewer
        self.setWindowTitle(self.tr("Type back a round sheet"))
        self.resize(900, 540)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Choose the sheet, then for each door press the key of the box ticked on "
                "paper: {0}. Space or ↓ skips a door."
            ).format(", ".join(f"{k} {outcome_text(o)}" for o, k in OUTCOME_KEYS.items()))
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        top = QHBoxLayout()
        self.interviewer_combo = QComboBox()
        self.interviewer_combo.setAccessibleName(self.tr("Interviewer of the sheet"))
        self.sector_combo = QComboBox()
        self.sector_combo.setAccessibleName(self.tr("Sector of the sheet"))
        self.when_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setMaximumDateTime(QDateTime.currentDateTime().addSecs(60))
        self.when_edit.setAccessibleName(self.tr("Date and time of the round"))
        top.addWidget(QLabel(self.tr("Interviewer")))
        top.addWidget(self.interviewer_combo, 1)
        top.addWidget(QLabel(self.tr("Sector")))
        top.addWidget(self.sector_combo, 1)
        form.addRow(top)
        form.addRow(self.tr("Time of the round"), self.when_edit)
        layout.addLayout(form)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("typeBackTable")
        read_only_rows(self.table, plain=True)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Address"), self.tr("Status"), self.tr("Typed back")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.setAccessibleName(self.tr("The doors of the sheet"))
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        self.message = make_label(into=layout)
        keys = QHBoxLayout()
        self.key_buttons: dict[str, QPushButton] = {}
        for outcome, key in OUTCOME_KEYS.items():
            button = QPushButton(f"{key} {outcome_text(outcome)}")
            button.setShortcut(QKeySequence(key))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, o=outcome: self.record(o))
            keys.addWidget(button)
            self.key_buttons[outcome] = button
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setShortcut(QKeySequence(Qt.Key_Space))
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self.next_row)
        keys.addWidget(self.skip_button)
        layout.addLayout(keys)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.button(QDialogButtonBox.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.interviewer_combo.currentIndexChanged.connect(lambda _i: self.load_rows())
        self.sector_combo.currentIndexChanged.connect(lambda _i: self.load_rows())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.KeyPress:
            if event.key() == Qt.Key_Space:
                self.next_row()
                return True
            actions = {k: (lambda o=o: self.record(o)) for o, k in OUTCOME_KEYS.items()}
            return key_pressed(event, actions)
        return super().eventFilter(watched, event)

    def load(self) -> None:
        """The interviewers and sectors of the door list, then the sheet's doors."""

        def filled(pair):
            interviewers, sectors = pair
            for combo, values, preset in (
                (self.interviewer_combo, interviewers, self._interviewer),
                (self.sector_combo, sectors, None),
            ):
                combo.blockSignals(True)
                combo.clear()
                combo.addItem(
                    self.tr("Everyone")
                    if combo is self.interviewer_combo
                    else self.tr("Every sector"),
                    None,
                )
                for value in values:
                    if value:
                        combo.addItem(value, value)
                index = combo.findData(preset) if preset else 0
                combo.setCurrentIndex(max(index, 0))
                combo.blockSignals(False)
            self.load_rows()

        DbOp(self, lambda ws: (ws.door_interviewers(), ws.sectors())).success(filled).run()

    def load_rows(self) -> None:
        interviewer = self.interviewer_combo.currentData()
        sector = self.sector_combo.currentData()
        DbOp(self, lambda ws: ws.round_sheet(interviewer=interviewer, sector=sector)).success(
            self.set_rows
        ).failure(self._failed).run()

    def set_rows(self, rows) -> None:
        self.rows = list(rows)
        self.recorded = {}
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            self.table.setItem(r, 0, QTableWidgetItem(row.address or row.door_id))
            self.table.setItem(r, 1, QTableWidgetItem(door_status_text(row.status)))
            self.table.setItem(r, 2, QTableWidgetItem(""))
        if self.rows:
            self.table.selectRow(0)
        self.table.setFocus()

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def next_row(self) -> None:
        row = self.current_row()
        if row + 1 < len(self.rows):
            self.table.selectRow(row + 1)

    def record(self, outcome: str) -> None:
        row = self.current_row()
        if row < 0 or row in self.recorded:
            if row in self.recorded:
                self.next_row()
            return
        if outcome == "refused":
            self.box = ask(
                self,
                title=self.tr("Refused?"),
                text=self.tr("Record a refusal at {0}?").format(self.rows[row].address),
                yes=self.tr("Yes, refused"),
                no=self.tr("Cancel"),
                default_yes=True,
                answered=lambda yes: yes and self._record(row, "refused"),
            )
            return
        if outcome == "appointment":
            dialog = AppointmentDialog(self.rows[row].address, self)
            dialog.finished.connect(
                lambda ok: ok and self._record(row, "appointment", appointment=dialog.moment())
            )
            self.dialog = dialog
            dialog.open()
            return
        self._record(row, outcome)

    def _record(self, row: int, outcome: str, *, appointment=None) -> None:
        door_id = self.rows[row].door_id
        at = self.when_edit.dateTime().toPython().replace(second=0, microsecond=0)
        interviewer = self.interviewer_combo.currentData() or self.settings.interviewer

        def done(_result):
            self.recorded[row] = outcome
            self.table.item(row, 2).setText("✓ " + outcome_text(outcome))
            self.message.setText("")
            if self.current_row() == row:
                self.next_row()

        DbOp(
            self,
            lambda ws: ws.record_visit(
                door_id, outcome, at=at, appointment=appointment, interviewer=interviewer
            ),
        ).success(done).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.message.setProperty("role", "error")
        self.message.setText(exception_sentence(exc))


class RoundSheetDialog(QDialog):
    """Which sheet to print: an interviewer and/or a sector, only the doors still to do."""

    def __init__(self, interviewers: list[str], sectors: list[str], parent=None):
        super().__init__(parent)
        self.setObjectName("roundSheetDialog")
        self.setWindowTitle(self.tr("Print a round sheet"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.interviewer_combo = QComboBox()
        self.interviewer_combo.addItem(self.tr("Everyone"), None)
        for name in interviewers:
            if name:
                self.interviewer_combo.addItem(name, name)
        self.sector_combo = QComboBox()
        self.sector_combo.addItem(self.tr("Every sector"), None)
        for sector in sectors:
            if sector:
                self.sector_combo.addItem(sector, sector)
        form.addRow(self.tr("&Interviewer"), self.interviewer_combo)
        form.addRow(self.tr("&Sector"), self.sector_combo)
        layout.addLayout(form)
        buttons = ok_cancel(self, self.tr("Save as PDF…"), self.tr("Cancel"))
        layout.addWidget(buttons)

    def choice(self) -> tuple[str | None, str | None]:
        return self.interviewer_combo.currentData(), self.sector_combo.currentData()


__all__ = [
    "RoundSheetDialog",
    "TypeBackDialog",
    "round_sheet_html",
    "sheet_title",
    "write_round_sheet_pdf",
]
