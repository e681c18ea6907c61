"""Export for analysis: the choices (format, codes or labels, select_multiple, folder), then
the export on the database thread with a progress dialog, then where the files are."""

from __future__ import annotations

from pathlib import Path

from surveyor.exports import ExportOptions
from surveyor.ui.coordinator.common import show_files_written
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QButtonGroup
from surveyor.ui.qt import QCheckBox
from surveyor.ui.qt import QComboBox
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QFormLayout
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import QObject
from surveyor.ui.qt import QRadioButton
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.widgets import add_row
from surveyor.ui.widgets import chooser_row
from surveyor.ui.widgets import ok_cancel


class ExportDialog(QDialog):
    """What to export and where."""

    def __init__(self, forms: dict[str, str], folder: str, parent=None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export for analysis"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)

        self.form_combo = QComboBox()
        self.form_combo.setAccessibleName(self.tr("Forms to export"))
        self.form_combo.addItem(self.tr("Every form"), None)
        for form_id, title in sorted(forms.items(), key=lambda x: x[1]):
            self.form_combo.addItem(title, form_id)
        add_row(form, self.tr("&Forms"), self.form_combo)

        self.csv_radio = QRadioButton(self.tr("&CSV files (one per table)"))
        self.xlsx_radio = QRadioButton(self.tr("E&xcel file (XLSX, one sheet per table)"))
        self.format_group = self._options(form, self.tr("Format"), self.csv_radio, self.xlsx_radio)

        self.codes_radio = QRadioButton(self.tr("C&odes (as in the form: “social_rent”)"))
        self.labels_radio = QRadioButton(self.tr("&Labels (as read: “Social housing”)"))
        self.answers_group = self._options(
            form, self.tr("Choices"), self.codes_radio, self.labels_radio
        )

        self.split_box = QCheckBox(
            self.tr("&Split multiple choices: one 0/1 column per choice as well")
        )
        form.addRow("", self.split_box)

        # the personal fields (names, phones, e-mails): left out unless chosen otherwise
        self.personal_combo = QComboBox()
        self.personal_combo.setObjectName("personalCombo")
        self.personal_combo.setAccessibleName(self.tr("Personal fields"))
        self.personal_combo.addItem(self.tr("Leave them out"), "omit")
        self.personal_combo.addItem(self.tr("Replace them with pseudonyms"), "pseudonymise")
        self.personal_combo.addItem(self.tr("Keep them as answered"), "keep")
        self.personal_combo.setToolTip(
            self.tr(
                "Names, phone numbers, e-mails and addresses of residents. A pseudonym "
                "replaces each value by a code that stays the same within this campaign."
            )
        )
        add_row(form, self.tr("&Personal fields"), self.personal_combo)

        self.folder_edit, self.folder_button, row = chooser_row(
            folder,
            self.tr("Folder to write the files in"),
            self.choose_folder,
            self.tr("C&hoose…"),
            self.tr("Choose the folder"),
        )
        add_row(form, self.tr("F&older"), row, buddy=self.folder_edit)
        layout.addLayout(form)

        self.buttons = ok_cancel(self, self.tr("Export"), self.tr("Cancel"))
        layout.addWidget(self.buttons)
        self.folder_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def _options(self, form: QFormLayout, title: str, *buttons: QRadioButton) -> QButtonGroup:
        """A row of ``form``: the exclusive options ``buttons`` under ``title``, the first
        chosen."""
        group = QButtonGroup(self)
        column = QVBoxLayout()
        for button in buttons:
            group.addButton(button)
            column.addWidget(button)
        buttons[0].setChecked(True)
        form.addRow(QLabel(title), column)
        return group

    def showEvent(self, event):  # noqa: N802 - Qt's name
        # a form whose long rows wrap (French) needs more height than the dialog's size hint
        # says (QDialog does not ask its layout's height for its width): grow to fit
        super().showEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.folder_edit.text().strip()))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder to write the files in"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def choices(self) -> dict:
        form_id = self.form_combo.currentData()
        return {
            "out_dir": Path(self.folder_edit.text().strip()),
            "format": "xlsx" if self.xlsx_radio.isChecked() else "csv",
            "form_ids": [form_id] if form_id else None,
            "options": ExportOptions(
                labels=self.labels_radio.isChecked(),
                split_select_multiple=self.split_box.isChecked(),
                personal=self.personal_combo.currentData(),
            ),
        }


class Exporter(QObject):
    """Runs an export for the coordinator page and says where the files are."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.dialog: ExportDialog | None = None
        self.box: QMessageBox | None = None
        self.written: list[Path] = []

    def ask(self, forms: dict[str, str]) -> ExportDialog:
        folder = self.page.settings.export_folder or str(Path.home() / "Surveyor exports")
        dialog = ExportDialog(forms, folder, self.page)
        dialog.accepted.connect(lambda: self.run(**dialog.choices()))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    def run(self, *, out_dir: Path, format: str, form_ids, options) -> None:  # noqa: A002
        self.page.settings.export_folder = str(out_dir)
        self.page.save_settings()

        def work(ws, report):
            return ws.export(
                out_dir,
                format=format,
                form_ids=form_ids,
                options=options,
                progress=lambda done, total: report(done, total, ""),
            )

        def describe(done: int, total: int, _detail: str) -> str:
            return self.tr("Exporting interview {0} of {1}…").format(done, total)

        op = (
            DbOp(self.page, work)
            .with_progress(
                self.tr("Exporting…"),
                title=self.tr("Exporting"),
                describe=describe,
                name="coordinatorProgress",
            )
            .success(lambda files: self._done(out_dir, files))
            .failure(self._failed)
        )
        op.run()
        self.progress = op.dialog

    def _done(self, out_dir: Path, files: list[Path]) -> None:
        self.written = list(files)
        self.box = show_files_written(
            self.page,
            name="exportDone",
            title=self.tr("Export finished"),
            text=self.tr("Files written in {0}").format(out_dir),
            files=files,
            folder=out_dir,
            closed=self._box_closed,
            none_text=self.tr("No file written."),
        )

    def _box_closed(self) -> None:
        self.box = None

    def _failed(self, exc: BaseException) -> None:
        self.page.show_message(self.tr("The export failed: {0}").format(exc), error=True)
