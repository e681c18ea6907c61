"""The coordinator's door list: import a CSV/XLSX (mapping the columns not recognised),
the doors by sector, assign sectors or doors to interviewers, print round sheets, and send
the list out as a campaign package or an ODK Central Entity list."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from surveyor.fieldwork.model import ADDRESS_FIELDS
from surveyor.fieldwork.model import COORDINATE_FIELDS
from surveyor.ui.coordinator.common import load_latest
from surveyor.ui.doors import DoorTableModel
from surveyor.ui.doors import make_door_table
from surveyor.ui.doors import scrolling
from surveyor.ui.errors import error_sentence
from surveyor.ui.errors import exception_sentence
from surveyor.ui.flow import FlowLayout
from surveyor.ui.labels import door_field_text
from surveyor.ui.labels import door_status_text
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.operations import DbOp
from surveyor.ui.operations import progress_dialog
from surveyor.ui.qt import QAbstractItemView
from surveyor.ui.qt import QCheckBox
from surveyor.ui.qt import QComboBox
from surveyor.ui.qt import QDesktopServices
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QHeaderView
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QSplitter
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTableWidget
from surveyor.ui.qt import QTableWidgetItem
from surveyor.ui.qt import QUrl
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.roundsheet import RoundSheetDialog
from surveyor.ui.roundsheet import write_round_sheet_pdf
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import ok_cancel
from surveyor.ui.widgets import password_field
from surveyor.ui.widgets import push_button
from surveyor.ui.widgets import read_only_rows
from surveyor.ui.widgets import scrolled_body
from surveyor.ui.widgets import search_field

# The fields a column may be mapped to (surveyor/fieldwork/doorlist.py FIELDS), in the order
# of a written address, the number's suffix (bis, ter) right after the number.
MAPPABLE = (
    ADDRESS_FIELDS[0],
    "suffix",
    *ADDRESS_FIELDS[1:],
    *COORDINATE_FIELDS,
    "interviewer",
    "door_id",
)
STATUS_FILTER = (
    "new",
    "absent",
    "later",
    "started",
    "appointment",
    "refused",
    "vacant",
    "ineligible",
    "done",
)


class PackageDialog(QDialog):
    """Before writing the campaign package: protect it with a password (ticked when it holds
    doors: their addresses and the visits' notes), typed twice; whether the coordinator's key
    goes with it (the laptops then protect their hand-ins for it)."""

    MIN_LENGTH = 8  # surveyor/encryption/keys.py MIN_PASSPHRASE

    def __init__(self, *, doors: int, passphrase: str, with_key: bool, parent=None):
        super().__init__(parent)
        self.setObjectName("packageDialog")
        self.setWindowTitle(self.tr("Campaign package"))
        outer = QVBoxLayout(self)
        # the texts scroll on a small screen with the largest text; the buttons stay visible
        layout = scrolled_body(outer)
        self.protect = QCheckBox(self.tr("&Protect with a password"))
        self.protect.setObjectName("protectPackage")
        self.protect.setChecked(bool(doors) or bool(passphrase))
        layout.addWidget(self.protect)
        hint = QLabel(
            self.tr(
                "The package holds the addresses of the doors and the notes of the visits. "
                "Protected, a lost USB key shows none of them. Tell the password to the "
                "volunteers yourself (not in the same message as the file); their laptops "
                "ask it once."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        self.passphrase = password_field(
            self.tr("Password of the package"), passphrase, object_name="packagePassphrase"
        )
        self.passphrase.setPlaceholderText(self.tr("Password (8 characters or more)"))
        self.again = password_field(
            self.tr("The password again"), passphrase, object_name="packagePassphraseAgain"
        )
        self.again.setPlaceholderText(self.tr("The password again"))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.again)
        key = QLabel(
            self.tr(
                "Your key is open: the package carries its public half, and the laptops "
                "protect their hand-ins for it."
            )
            if with_key
            else self.tr(
                "To have the laptops protect their hand-ins, open your private key in "
                "Encryption… first: the package then carries its public half."
            )
        )
        key.setWordWrap(True)
        key.setProperty("role", "hint")
        layout.addWidget(key)
        self.problem = QLabel()
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        layout.addStretch(1)
        outer.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Choose where to write…"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        for signal in (self.protect.toggled, self.passphrase.textChanged, self.again.textChanged):
            signal.connect(lambda *_a: self._update_ok())
        self._update_ok()
        self._fit(layout.parentWidget())  # the scrolled body

    def _fit(self, body: QWidget) -> None:
        """As tall as its content, within the window it opens over (or the screen)."""
        width, height = 600, self.screen().availableGeometry().height() if self.screen() else 800
        parent = self.parentWidget()
        if parent is not None and parent.window().height() > 200:
            width = min(width, parent.window().width() - 40)
            height = min(height, parent.window().height() - 24)
        body.setFixedWidth(width - 40)  # the wrapped texts' height at that width
        wanted = body.sizeHint().height() + self.buttons.sizeHint().height() * 2 + 40
        body.setMinimumWidth(0)
        body.setMaximumWidth(16777215)
        self.resize(width, min(wanted, height))

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() if self.protect.isChecked() else None

    def _update_ok(self) -> None:
        on = self.protect.isChecked()
        self.passphrase.setEnabled(on)
        self.again.setEnabled(on)
        problem = ""
        if on and len(self.passphrase.text()) < self.MIN_LENGTH:
            problem = self.tr("The password needs 8 characters or more.")
        elif on and self.passphrase.text() != self.again.text():
            problem = self.tr("The two passwords differ.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(not problem)


class MappingDialog(QDialog):
    """Which field each column of the file gives (recognised ones already chosen)."""

    def __init__(self, path: str, columns: list[tuple[str, str | None]], parent=None):
        super().__init__(parent)
        self.setObjectName("mappingDialog")
        self.setWindowTitle(self.tr("Columns of the door list"))
        self.columns = columns
        layout = QVBoxLayout(self)
        make_label(
            self.tr(
                "Surveyor did not recognise every column of {0}. Say what each column "
                "holds; the street is required. Columns left on “Not used” are ignored."
            ).format(Path(path).name),
            into=layout,
        )
        self.table = QTableWidget(len(columns), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Column of the file"), self.tr("Holds")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.combos: dict[str, QComboBox] = {}
        for row, (name, target) in enumerate(columns):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemIsEnabled)
            self.table.setItem(row, 0, item)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("What the column “{0}” holds").format(name))
            combo.addItem(self.tr("Not used"), None)
            for f in MAPPABLE:
                combo.addItem(door_field_text(f), f)
            combo.setCurrentIndex(max(0, combo.findData(target)) if target else 0)
            combo.currentIndexChanged.connect(lambda _i: self._update_ok())
            self.table.setCellWidget(row, 1, combo)
            self.combos[name] = combo
        layout.addWidget(self.table, 1)
        self.problem = make_label(role="error", into=layout)
        self.buttons = ok_cancel(self, self.tr("Import"), self.tr("Cancel"))
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self._update_ok()

    def set_field(self, column: str, target: str | None) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(target)) if target else 0)

    def chosen(self) -> dict[str, str | None]:
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def _update_ok(self) -> None:
        values = [v for v in self.chosen().values() if v]
        twice = sorted({v for v in values if values.count(v) > 1})
        problem = ""
        if "street" not in values:
            problem = self.tr("Choose the column that holds the street.")
        elif twice:
            problem = self.tr("Two columns hold the same thing: {0}.").format(
                ", ".join(door_field_text(v) for v in twice)
            )
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(not problem)

    def mapping(self) -> dict[str, str]:
        """{column: field} for the columns whose field is not the one recognised."""
        recognised = dict(self.columns)
        return {
            name: target
            for name, target in self.chosen().items()
            if target and target != recognised.get(name)
        }


@dataclass
class DoorListData:
    doors: list = field(default_factory=list)
    interviewers: list[str] = field(default_factory=list)


def load_door_list(ws) -> DoorListData:
    return DoorListData(doors=ws.doors(), interviewers=[n for n in ws.door_interviewers() if n])


class DoorListPanel(FollowsLanguage, QWidget):
    """The door list tab of the coordination page."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.data: DoorListData | None = None
        self.result = None  # the last DoorImport
        self.mapping_dialog: MappingDialog | None = None
        self.sheet_dialog = None
        self._generation = 0

        outer = scrolling(self, 4)
        buttons = FlowLayout()  # wraps on a narrow screen or a large text size
        self.import_button = push_button(
            self.ask_import, name="importDoorsButton", primary=True, into=buttons
        )
        self.sheet_button = push_button(self.ask_round_sheet, into=buttons)
        self.package_dialog: PackageDialog | None = None  # "protect it?" before writing
        self.package_button = push_button(
            self.ask_export_package, name="exportPackageButton", into=buttons
        )
        self.publish_button = push_button(
            self.publish_package, name="publishPackageButton", into=buttons
        )
        self.publish_progress = None
        self.entities_button = push_button(self.ask_export_entities, into=buttons)
        outer.addLayout(buttons)
        self.summary = make_label(name="doorImportSummary")
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.summary.hide()
        outer.addWidget(self.summary)

        splitter = QSplitter(Qt.Horizontal)
        splitter.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        self.sectors_title = make_label(role="section", wrap=False, into=left_layout)
        self.sectors = QTableWidget(0, 3)
        self.sectors.setObjectName("sectorsTable")
        read_only_rows(self.sectors, plain=True)
        self.sectors.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.sectors.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.sectors.horizontalHeader().setSectionResizeMode(0, QHeaderView.Interactive)
        self.sectors.setColumnWidth(0, self.sectors.fontMetrics().horizontalAdvance("M" * 7))
        self.sectors.currentCellChanged.connect(lambda *_: self._show_doors())
        left_layout.addWidget(self.sectors, 1)
        assign = QHBoxLayout()
        self.interviewer_combo = QComboBox()
        self.interviewer_combo.setEditable(True)
        self.interviewer_combo.setObjectName("assignInterviewer")
        self.interviewer_combo.setMinimumContentsLength(10)
        self.interviewer_label = QLabel()
        self.interviewer_label.setBuddy(self.interviewer_combo)
        left_layout.addWidget(self.interviewer_label)
        assign.addWidget(self.interviewer_combo, 1)
        left_layout.addLayout(assign)
        assign_buttons = QVBoxLayout()
        self.assign_sector_button = push_button(
            self.assign_sector, name="assignSectorButton", into=assign_buttons
        )
        self.assign_doors_button = push_button(
            self.assign_selected, name="assignDoorsButton", into=assign_buttons
        )
        left_layout.addLayout(assign_buttons)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        filters = QHBoxLayout()
        self.search = search_field(self._show_doors, into=filters, stretch=2)
        self.status_combo = QComboBox()
        self.status_combo.currentIndexChanged.connect(self._show_doors)
        filters.addWidget(self.status_combo, 1)
        right_layout.addLayout(filters)
        self.model = DoorTableModel(
            self, columns=("address", "status", "interviewer", "sector", "visits")
        )
        self.table = make_door_table(self.model, name="doorListTable")
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        # the address keeps a readable width; the other columns scroll sideways if need be
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, self.table.fontMetrics().horizontalAdvance("M" * 18))
        right_layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        right_layout.addWidget(self.count_label)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 680])
        outer.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.import_button.setText(self.tr("Import a door &list…"))
        self.import_button.setToolTip(
            self.tr("A CSV or XLSX file of addresses (the national address base's export fits)")
        )
        self.sheet_button.setText(self.tr("Round s&heet (PDF)…"))
        self.package_button.setText(self.tr("Campaign &package…"))
        self.package_button.setToolTip(
            self.tr(
                "Write the forms, the doors and the assignments into one file for the "
                "laptops (USB key or shared folder)"
            )
        )
        self.publish_button.setText(self.tr("P&ublish on the server"))
        self.publish_button.setToolTip(
            self.tr(
                "Put a new campaign package on the campaign's Surveyor server: the laptops "
                "take it at their next sync"
            )
        )
        self.entities_button.setText(self.tr("ODK &Entity list…"))
        self.entities_button.setToolTip(
            self.tr("Write the door list as a CSV file to upload to an ODK Central Entity list")
        )
        self.sectors_title.setText(self.tr("Sectors"))
        self.sectors.setHorizontalHeaderLabels(
            [self.tr("Sector"), self.tr("Doors"), self.tr("Assigned to")]
        )
        self.sectors.setAccessibleName(self.tr("Sectors"))
        self.interviewer_label.setText(self.tr("Assign &to the interviewer"))
        self.interviewer_combo.lineEdit().setPlaceholderText(self.tr("Interviewer's name"))
        self.assign_sector_button.setText(self.tr("Assign the sector"))
        self.assign_doors_button.setText(self.tr("Assign the selected doors"))
        self.search.setPlaceholderText(self.tr("Search a street, a number, a door id…"))
        self.search.setAccessibleName(self.tr("Search the doors"))
        self.table.setAccessibleName(self.tr("Door list"))
        current = self.status_combo.currentData()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("Every status"), None)
        for status in STATUS_FILTER:
            self.status_combo.addItem(door_status_text(status), status)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(current)))
        self.status_combo.blockSignals(False)
        self.status_combo.setAccessibleName(self.tr("Status of the doors shown"))
        self._fill()

    # --- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        load_latest(self, load_door_list)

    def set_data(self, data: DoorListData) -> None:
        self.data = data
        self._fill()

    def _fill(self) -> None:
        data = self.data
        if data is None:
            return
        sectors: dict[str, list] = {}
        for door in data.doors:
            sectors.setdefault(door.sector, []).append(door)
        current = self.current_sector()
        self.sectors.blockSignals(True)
        self.sectors.setRowCount(len(sectors) + 1)
        rows = [(None, data.doors)] + sorted(sectors.items(), key=lambda kv: kv[0].lower())
        select = 0
        for r, (sector, doors) in enumerate(rows):
            name = self.tr("Every sector") if sector is None else (sector or self.tr("(no sector)"))
            item = QTableWidgetItem(name)
            item.setData(Qt.UserRole, sector)
            item.setToolTip(name)
            self.sectors.setItem(r, 0, item)
            count = QTableWidgetItem(str(len(doors)))
            count.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.sectors.setItem(r, 1, count)
            names = sorted({d.interviewer for d in doors if d.interviewer})
            unassigned = sum(1 for d in doors if not d.interviewer)
            text = ", ".join(names)
            if unassigned and names:
                text += " " + self.tr("(+{0} not assigned)").format(unassigned)
            elif not names:
                text = self.tr("not assigned")
            assigned = QTableWidgetItem(text)
            assigned.setToolTip(text)
            self.sectors.setItem(r, 2, assigned)
            if sector == current and sector is not None:
                select = r
        self.sectors.selectRow(select)
        self.sectors.blockSignals(False)
        typed = self.interviewer_combo.currentText()
        self.interviewer_combo.blockSignals(True)
        self.interviewer_combo.clear()
        self.interviewer_combo.addItems(data.interviewers)
        self.interviewer_combo.setEditText(typed)
        self.interviewer_combo.blockSignals(False)
        self._show_doors()

    def current_sector(self) -> str | None:
        row = self.sectors.currentRow()
        item = self.sectors.item(row, 0) if row >= 0 else None
        return item.data(Qt.UserRole) if item is not None else None

    def select_sector(self, sector: str) -> bool:
        for r in range(self.sectors.rowCount()):
            if self.sectors.item(r, 0).data(Qt.UserRole) == sector:
                self.sectors.selectRow(r)
                return True
        return False

    def _show_doors(self) -> None:
        if self.data is None:
            return
        sector = self.current_sector()
        status = self.status_combo.currentData()
        words = self.search.text().lower().split()
        rows = [
            d
            for d in self.data.doors
            if (sector is None or d.sector == sector)
            and (status is None or d.status == status)
            and all(w in f"{d.door_id} {d.address} {d.interviewer}".lower() for w in words)
        ]
        self.model.set_rows(rows)
        self.count_label.setText(
            self.tr("{0} door(s) shown of {1}.").format(len(rows), len(self.data.doors))
        )
        self.assign_sector_button.setEnabled(sector is not None)

    def selected_doors(self) -> list:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.door(r) for r in rows if self.model.door(r) is not None]

    # --- import --------------------------------------------------------------------------

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a door list"),
            self.page.settings.last_batch_folder or str(Path.home()),
            self.tr("Door lists (*.csv *.xlsx *.txt)"),
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Read the file's columns; ask for the ones not recognised; then import."""
        self.page.show_message("")

        def read(columns):
            fields = [f for _c, f in columns]
            if all(fields) and "street" in fields:
                self.run_import(path, {})
                return
            dialog = MappingDialog(path, columns, self)

            def finished(result):
                self.mapping_dialog = None
                if result:
                    self.run_import(path, dialog.mapping())
                dialog.deleteLater()

            dialog.finished.connect(finished)
            self.mapping_dialog = dialog
            dialog.open()

        DbOp(self.page, lambda ws: ws.door_list_columns(path)).success(read).failure(
            self._import_failed
        ).run()

    def run_import(self, path: str, mapping: dict[str, str]) -> None:
        DbOp(self.page, lambda ws: ws.import_doors(path, mapping=mapping or None)).success(
            lambda done: self.show_result(done.value)
        ).failure(self._import_failed).run()

    def show_result(self, result) -> None:
        self.result = result
        lines = [
            self.tr("{0} door(s) imported from {1}.").format(result.doors, Path(result.path).name)
        ]
        used = ", ".join(
            f"{door_field_text(f)} ← “{column}”" for f, column in sorted(result.columns.items())
        )
        if used:
            lines.append(self.tr("Columns used: {0}.").format(used))
        if result.ignored:
            lines.append(self.tr("Columns left aside: {0}.").format(", ".join(result.ignored)))
        self.summary.setProperty("role", "info")
        self.summary.setText("\n".join(lines))
        self.summary.show()

    def _import_failed(self, exc: BaseException) -> None:
        row = getattr(exc, "row", None)
        text = exception_sentence(exc)
        if row:
            text += " " + self.tr("First row in question: {0} (the header is row 1).").format(row)
        self.summary.setProperty("role", "error")
        self.summary.setText(f"{text}\n{exc}")
        self.summary.show()

    # --- assignments ---------------------------------------------------------------------

    def interviewer(self) -> str:
        return self.interviewer_combo.currentText().strip()

    def assign_sector(self) -> None:
        sector, name = self.current_sector(), self.interviewer()
        if sector is None:
            return
        DbOp(self.page, lambda ws: ws.assign_doors(name, sector=sector)).success(
            lambda done: self.page.show_message(
                self.tr("{0} door(s) of the sector {1} assigned to {2}.").format(
                    done.value, sector or self.tr("(no sector)"), name or self.tr("nobody")
                )
            )
        ).failure(lambda exc: self.page.show_message(exception_sentence(exc), error=True)).run()

    def assign_selected(self) -> None:
        ids = [d.door_id for d in self.selected_doors()]
        name = self.interviewer()
        if not ids:
            self.page.show_message(self.tr("Select doors in the list first."), error=True)
            return
        DbOp(self.page, lambda ws: ws.assign_doors(name, door_ids=ids)).success(
            lambda done: self.page.show_message(
                self.tr("{0} door(s) assigned to {1}.").format(
                    done.value, name or self.tr("nobody")
                )
            )
        ).failure(lambda exc: self.page.show_message(exception_sentence(exc), error=True)).run()

    # --- files out -----------------------------------------------------------------------

    def _save_path(self, title: str, name: str, pattern: str) -> str:
        folder = Path(self.page.settings.export_folder or Path.home())
        path, _ = QFileDialog.getSaveFileName(self, title, str(folder / name), pattern)
        if path:
            self.page.settings.export_folder = str(Path(path).parent)
            self.page.save_settings()
        return path

    def ask_export_package(self) -> None:
        """Protect it? (a dialog), then where to write it."""
        DbOp(self.page, lambda ws: (ws.count_doors(), ws.package_passphrase() or "")).success(
            lambda found: self._ask_protection(*found)
        ).failure(lambda exc: self.page.show_message(exception_sentence(exc), error=True)).run()

    def _public_key(self) -> str | None:
        """The public half of the private key opened in Encryption… (this session)."""
        if self.page.private_key is None:
            return None
        # the key's text only when a key is open (cryptography is loaded by then anyway)
        from surveyor.encryption.keys import public_text_of

        return public_text_of(self.page.private_key)

    def _ask_protection(self, doors: int, passphrase: str) -> None:
        dialog = PackageDialog(
            doors=doors,
            passphrase=passphrase,
            with_key=self.page.private_key is not None,
            parent=self,
        )
        self.package_dialog = dialog

        def chosen() -> None:
            secret = dialog.chosen_passphrase()
            path = self._save_path(
                self.tr("Save the campaign package"),
                "campagne-protegee.zip" if secret else "campagne.zip",
                self.tr("Campaign package (*.zip)"),
            )
            if path:
                self.export_package(path, passphrase=secret)

        dialog.accepted.connect(chosen)
        dialog.open()

    def export_package(self, path: str, *, passphrase: str | None = None) -> None:
        key = self._public_key()
        DbOp(
            self.page, lambda ws: ws.export_campaign(path, passphrase=passphrase, public_key=key)
        ).success(
            lambda done: self.page.show_message(
                (
                    self.tr(
                        "Campaign package written, protected by its password: {0}. Give it to "
                        "each laptop (“My doors”, “Import the door list…”) and tell the "
                        "volunteers the password."
                    )
                    if done.value.protected
                    else self.tr(
                        "Campaign package written: {0}. Give it to each laptop (“My doors”, "
                        "“Import the door list…”)."
                    )
                ).format(path)
            )
        ).failure(lambda exc: self.page.show_message(exception_sentence(exc), error=True)).run()

    # --- publishing the package on the server ------------------------------------------

    def publish_package(self) -> None:
        """Write a new revision (database thread), then send it (network pool)."""
        workspace = self.page.workspace
        if workspace is None:
            return
        url, user, password = self.page.server_account()
        if not url.strip():
            self.page.show_message(
                self.tr(
                    "No server is set: enter its address and the coordinator account in the "
                    "settings."
                ),
                error=True,
            )
            return
        folder = Path(tempfile.mkdtemp(prefix=".publish-", dir=workspace.data_dir))
        self.publish_button.setEnabled(False)
        self.publish_progress = progress_dialog(
            self,
            title=self.tr("Publishing on the server"),
            label=self.tr("Writing the campaign package…"),
            name="publishProgress",
        )
        self.publish_progress.show()

        def upload(done) -> None:
            if self.publish_progress is not None:
                self.publish_progress.setLabelText(self.tr("Sending it to the server…"))
            path = done.value.path

            def job():
                # on first use: the sync modules pull httpx in (~0.4 s measured)
                from surveyor.sync.passes import publish_pass

                return publish_pass(url, user, password or None, path)

            self.page.tasks.run_io(
                job,
                on_done=lambda result: self._published(result, folder),
                on_error=lambda exc: self._publish_failed(exc, folder, user),
            )

        DbOp(self.page, lambda ws: ws.export_campaign(folder)).success(upload).failure(
            lambda exc: self._publish_failed(exc, folder, user)
        ).run()

    def _publish_finished(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        self.publish_button.setEnabled(True)
        if self.publish_progress is not None:
            self.publish_progress.reset()
            self.publish_progress.hide()
            self.publish_progress.deleteLater()
            self.publish_progress = None

    def _published(self, result, folder: Path) -> None:
        self._publish_finished(folder)
        if result == "no_password":
            self.page.show_message(
                self.tr("The server password is needed: type it in the settings."), error=True
            )
        elif result == "bad_address":
            self.page.show_message(
                self.tr("The server address in the settings is not valid."), error=True
            )
        elif result.unsupported:
            self.page.show_message(
                self.tr(
                    "This server does not take campaign packages (it is not a Surveyor "
                    "server): give the package to the laptops as a file."
                ),
                error=True,
            )
        else:
            self.page.show_message(
                self.tr(
                    "Campaign package revision {0} is on the server: the laptops take it at "
                    "their next sync."
                ).format(result.revision)
            )

    def _publish_failed(self, exc: BaseException, folder: Path, user: str) -> None:
        self._publish_finished(folder)
        # on first use: httpx (~0.3 s measured)
        from surveyor.sync.transport import AuthError
        from surveyor.sync.transport import TransportError

        if isinstance(exc, AuthError):
            text = self.tr(
                "The server refuses the account {0}: publishing needs a coordinator account "
                "and its password (settings)."
            ).format(user or "?")
        elif isinstance(exc, TransportError) and exc.status in (400, 409, 413):
            text = self.tr("The server refused the campaign package: {0}").format(exc)
        elif isinstance(exc, TransportError):
            text = self.tr("The campaign package was not published: {0}").format(
                error_sentence(exc.code)
            )
        else:
            text = exception_sentence(exc)
        self.page.show_message(text, error=True)

    def ask_export_entities(self) -> None:
        path = self._save_path(
            self.tr("Save the door list for ODK Central"), "portes.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self.export_entities(path)

    def export_entities(self, path: str) -> None:
        DbOp(self.page, lambda ws: ws.export_entity_list(path)).success(
            lambda n: self.page.show_message(
                self.tr("{0} door(s) written to {1}, ready for an ODK Central Entity list.").format(
                    n, path
                )
            )
        ).failure(lambda exc: self.page.show_message(exception_sentence(exc), error=True)).run()

    def ask_round_sheet(self):
        data = self.data or DoorListData()
        sectors = sorted({d.sector for d in data.doors if d.sector})
        dialog = RoundSheetDialog(data.interviewers, sectors, self)
        sector = self.current_sector()
        if sector:
            dialog.sector_combo.setCurrentIndex(max(0, dialog.sector_combo.findData(sector)))

        def finished(result):
            self.sheet_dialog = None
            if result:
                interviewer, sector = dialog.choice()
                name = "-".join(p for p in ("feuille-de-route", interviewer, sector) if p)
                path = self._save_path(
                    self.tr("Save the round sheet"), f"{name}.pdf", self.tr("PDF (*.pdf)")
                )
                if path:
                    self.print_round_sheet(path, interviewer=interviewer, sector=sector)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        self.sheet_dialog = dialog
        dialog.open()
        return dialog

    def print_round_sheet(
        self, path: str, *, interviewer: str | None = None, sector: str | None = None
    ) -> None:
        def write(rows):
            write_round_sheet_pdf(path, rows, interviewer=interviewer, sector=sector)
            self.page.show_message(
                self.tr("Round sheet written: {0} ({1} door(s)).").format(path, len(rows))
            )
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

        DbOp(self.page, lambda ws: ws.round_sheet(interviewer=interviewer, sector=sector)).success(
            write
        ).failure(lambda exc: self.page.show_message(exception_sentence(exc), error=True)).run()
