"""The funders' report in one click: the questions and their order, the cross-tabs, the needs,
the language; saved as the campaign's report plan, then written as DOCX and/or PDF on the
database thread with progress, then "open the folder"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from surveyor.ui.coordinator.common import show_files_written
from surveyor.ui.errors import exception_sentence
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    Qt,
    QVBoxLayout,
)
from surveyor.ui.widgets import add_row, make_label, narrow_combo

REPORT_KINDS = ("single", "multiple", "number", "date")


class ReportDialog(QDialog):
    """What the report holds, in which order and language; writes it."""

    def __init__(self, panel, form_id: str, questions: dict):
        super().__init__(panel)
        self.setObjectName("reportDialog")
        self.panel = panel
        self.form_id = form_id
        self.questions = questions
        self.plan = None
        self.written: list[Path] = []
        self.box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Report for the funders"))
        self.setMinimumWidth(520)
        self.resize(780, 560)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.title_edit = QLineEdit()
        add_row(form, self.tr("T&itle"), self.title_edit)
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("French"), "fr")
        self.language_combo.addItem(self.tr("English"), "en")
        add_row(form, self.tr("&Language"), self.language_combo)
        choices = [
            (n, q)
            for n, q in questions.items()
            if q.kind in ("single", "multiple") and not q.personal
        ]
        self.needs_combo = QComboBox()
        self.needs_by_combo = QComboBox()
        self.needs_combo.addItem(self.tr("None"), None)
        self.needs_by_combo.addItem(self.tr("No split"), None)
        for name, q in choices:
            self.needs_combo.addItem(q.label or name, name)
            self.needs_by_combo.addItem(q.label or name, name)
        needs = QHBoxLayout()
        needs.addWidget(self.needs_combo, 1)
        self.needs_by_label = QLabel(self.tr("split by"))
        needs.addWidget(self.needs_by_label)
        needs.addWidget(self.needs_by_combo, 1)
        add_row(form, self.tr("&Needs ranked"), needs, buddy=self.needs_combo)
        layout.addLayout(form)

        grid = QGridLayout()
        questions_label = make_label(self.tr("&Questions in the report (tick, and order them)"))
        self.question_list = QListWidget()
        self.question_list.setObjectName("reportQuestions")
        questions_label.setBuddy(self.question_list)
        grid.addWidget(questions_label, 0, 0, 1, 2)
        grid.addWidget(self.question_list, 1, 0)
        moves = QVBoxLayout()
        self.up_button, self.down_button = (
            QPushButton(self.tr("&Up")),
            QPushButton(self.tr("Do&wn")),
        )
        self.up_button.setAccessibleName(self.tr("Move the question up"))
        self.down_button.setAccessibleName(self.tr("Move the question down"))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        grid.addLayout(moves, 1, 1)

        crosstabs_label = QLabel(self.tr("&Cross-tabs"))
        self.crosstab_list = QListWidget()
        self.crosstab_list.setObjectName("reportCrosstabs")
        self.crosstab_list.setSelectionMode(QAbstractItemView.SingleSelection)
        crosstabs_label.setBuddy(self.crosstab_list)
        grid.addWidget(crosstabs_label, 0, 2)
        grid.addWidget(self.crosstab_list, 1, 2)
        pair = QHBoxLayout()
        self.rows_combo, self.columns_combo = narrow_combo(8), narrow_combo(8)
        for combo in (self.rows_combo, self.columns_combo):
            for name, q in choices:
                combo.addItem(q.label or name, name)
        self.rows_combo.setAccessibleName(self.tr("Rows of the cross-tab to add"))
        self.columns_combo.setAccessibleName(self.tr("Columns of the cross-tab to add"))
        self.by_label = QLabel("×")
        pair.addWidget(self.rows_combo, 1)
        pair.addWidget(self.by_label)
        pair.addWidget(self.columns_combo, 1)
        grid.addLayout(pair, 2, 2)
        buttons = QHBoxLayout()
        self.add_crosstab_button = QPushButton(self.tr("&Add"))
        self.add_crosstab_button.setAccessibleName(self.tr("Add the cross-tab"))
        self.remove_crosstab_button = QPushButton(self.tr("&Remove"))
        self.remove_crosstab_button.setAccessibleName(self.tr("Remove the cross-tab"))
        self.add_crosstab_button.clicked.connect(self._add_crosstab_clicked)
        self.remove_crosstab_button.clicked.connect(self.remove_crosstab)
        buttons.addWidget(self.add_crosstab_button)
        buttons.addWidget(self.remove_crosstab_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 3, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        for widget in (self.question_list, self.crosstab_list):
            widget.setWordWrap(True)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        grid.setRowStretch(1, 1)
        layout.addLayout(grid, 1)

        formats = QHBoxLayout()
        self.docx_box = QCheckBox(self.tr("&Word document (DOCX, to edit)"))
        self.pdf_box = QCheckBox(self.tr("&PDF (to send)"))
        self.docx_box.setChecked(True)
        self.pdf_box.setChecked(True)
        formats.addWidget(self.docx_box)
        formats.addWidget(self.pdf_box)
        formats.addStretch(1)
        layout.addLayout(formats)
        self.note = make_label(
            self.tr(
                "No personal data goes in the report: names, phone numbers, e-mails and the "
                "fields marked personal are left out."
            )
        )
        layout.addWidget(self.note)
        self.error = make_label(role="error", name="reportError")
        self.error.hide()
        layout.addWidget(self.error)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Save as the campaign's plan"), QDialogButtonBox.ActionRole
        )
        self.write_button = self.buttons.addButton(
            self.tr("Write the &report…"), QDialogButtonBox.AcceptRole
        )
        close = self.buttons.addButton(QDialogButtonBox.Close)
        close.setText(self.tr("Close"))
        self.save_button.clicked.connect(self.save_plan)
        self.write_button.clicked.connect(self.ask_write)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.docx_box.toggled.connect(self._update_buttons)
        self.pdf_box.toggled.connect(self._update_buttons)
        self.setEnabled(False)
        form_id = self.form_id
        DbOp(panel, lambda ws: ws.report_plan(form_id)).success(self.set_plan).failure(
            self.show_error
        ).run()

    # --- the plan --------------------------------------------------------------------------

    def set_plan(self, plan) -> None:
        self.plan = plan
        self.setEnabled(True)
        self.title_edit.setText(plan.title)
        self.question_list.clear()
        chosen = [n for n in plan.questions if n in self.questions]
        others = [
            n
            for n, q in self.questions.items()
            if n not in chosen and q.kind in REPORT_KINDS and not q.personal
        ]
        for name in chosen + others:
            q = self.questions[name]
            item = QListWidgetItem(q.label or name)
            item.setData(Qt.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if name in chosen else Qt.Unchecked)
            self.question_list.addItem(item)
        self.question_list.setCurrentRow(0)
        self.crosstab_list.clear()
        for rows, columns in plan.crosstabs:
            self.add_crosstab(rows, columns)
        self.needs_combo.setCurrentIndex(max(0, self.needs_combo.findData(plan.needs)))
        self.needs_by_combo.setCurrentIndex(max(0, self.needs_by_combo.findData(plan.needs_by)))
        self._update_buttons()

    def chosen_questions(self) -> list[str]:
        out = []
        for row in range(self.question_list.count()):
            item = self.question_list.item(row)
            if item.checkState() == Qt.Checked:
                out.append(item.data(Qt.UserRole))
        return out

    def set_chosen(self, names: list[str]) -> None:
        """Tick exactly ``names``, in that order, first (what a coordinator's clicks do)."""
        items = {}
        while self.question_list.count():
            item = self.question_list.takeItem(0)
            items[item.data(Qt.UserRole)] = item
        for name in names + [n for n in items if n not in names]:
            item = items[name]
            item.setCheckState(Qt.Checked if name in names else Qt.Unchecked)
            self.question_list.addItem(item)

    def move(self, step: int) -> None:
        row = self.question_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.question_list.count():
            return
        item = self.question_list.takeItem(row)
        self.question_list.insertItem(target, item)
        self.question_list.setCurrentRow(target)

    def add_crosstab(self, rows: str, columns: str) -> None:
        label = f"{self._label(rows)} × {self._label(columns)}"
        item = QListWidgetItem(label)
        item.setData(Qt.UserRole, (rows, columns))
        self.crosstab_list.addItem(item)

    def _add_crosstab_clicked(self) -> None:
        rows, columns = self.rows_combo.currentData(), self.columns_combo.currentData()
        if rows and columns and rows != columns:
            self.add_crosstab(rows, columns)

    def remove_crosstab(self) -> None:
        row = self.crosstab_list.currentRow()
        if row >= 0:
            self.crosstab_list.takeItem(row)

    def _label(self, name: str) -> str:
        q = self.questions.get(name)
        return (q.label or name) if q is not None else name

    def current_plan(self):
        crosstabs = [
            tuple(self.crosstab_list.item(r).data(Qt.UserRole))
            for r in range(self.crosstab_list.count())
        ]
        return replace(
            self.plan,
            title=self.title_edit.text().strip() or self.plan.title,
            questions=self.chosen_questions(),
            crosstabs=crosstabs,
            needs=self.needs_combo.currentData(),
            needs_by=self.needs_by_combo.currentData() if self.needs_combo.currentData() else None,
        )

    def _update_buttons(self) -> None:
        self.write_button.setEnabled(self.docx_box.isChecked() or self.pdf_box.isChecked())

    def show_error(self, exc) -> None:
        text = exc if isinstance(exc, str) else exception_sentence(exc)
        self.setEnabled(True)
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def save_plan(self) -> None:
        plan = self.current_plan()
        DbOp(self.panel, lambda ws: ws.save_report_plan(plan)).success(
            lambda _c: self.show_error("")
        ).failure(self.show_error).run()

    # --- writing ---------------------------------------------------------------------------

    def ask_write(self) -> None:
        folder = self.panel.page.settings.export_folder or str(Path.home())
        suggested = str(Path(folder) / (self.tr("report") + ".docx"))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Where to write the report"), suggested, self.tr("Report (*.docx *.pdf)")
        )
        if path:
            self.write(Path(path))

    def write(self, path: Path) -> None:
        """Save the plan, then write ``path``'s stem as .docx and/or .pdf (as ticked)."""
        plan = self.current_plan()
        language = self.language_combo.currentData()
        outs = []
        if self.docx_box.isChecked():
            outs.append(path.with_suffix(".docx"))
        if self.pdf_box.isChecked():
            outs.append(path.with_suffix(".pdf"))
        settings = self.panel.page.settings
        settings.export_folder = str(path.parent)
        self.panel.page.save_settings()

        def work(ws, report):
            changes = ws.save_report_plan(plan)
            for i, out in enumerate(outs):
                report(i, len(outs), out.name)
                ws.write_report(out, plan=plan, language=language)
            report(len(outs), len(outs), "")
            return changes

        def describe(done: int, total: int, detail: str) -> str:
            if not detail:
                return self.tr("Report written.")
            return self.tr("Writing {0} ({1} of {2})…").format(detail, done + 1, total)

        self.error.hide()
        self.write_button.setEnabled(False)
        op = (
            DbOp(self, work)
            .with_progress(
                self.tr("Writing the report…"),
                title=self.tr("Report for the funders"),
                describe=describe,
                name="reportProgress",
            )
            .success(lambda _c: self._written(outs))
            .failure(self._write_failed)
        )
        op.run()
        self.progress = op.dialog

    def _write_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        self.show_error(
            self.tr("The report could not be written: {0}").format(exception_sentence(exc))
        )

    def _written(self, outs: list[Path]) -> None:
        self._update_buttons()
        self.written = outs
        self.box = show_files_written(
            self,
            name="reportDone",
            title=self.tr("Report written"),
            text=self.tr("The report is in {0}").format(outs[0].parent),
            files=outs,
            folder=outs[0].parent,
            closed=self._box_closed,
        )

    def _box_closed(self) -> None:
        self.box = None
