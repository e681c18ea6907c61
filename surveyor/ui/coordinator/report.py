"""The funders' report in one click: the questions and their order, who answered (the
profile questions, in order), the cross-tabs, the needs, the open answers whose coded themes
and quotes go in, the language; saved as the campaign's report plan, then written as DOCX
and/or PDF on the database thread with progress, then "open the folder"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from surveyor.results.questions import TEXT
from surveyor.ui.coordinator.common import show_files_written
from surveyor.ui.errors import exception_sentence
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QAbstractItemView
from surveyor.ui.qt import QCheckBox
from surveyor.ui.qt import QComboBox
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QFormLayout
from surveyor.ui.qt import QGridLayout
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLineEdit
from surveyor.ui.qt import QListWidget
from surveyor.ui.qt import QListWidgetItem
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import QSpinBox
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTabWidget
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.widgets import add_row
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import narrow_combo

REPORT_KINDS = ("single", "multiple", "number", "date")


def checked_item(text: str, name: str, checked: bool) -> QListWidgetItem:
    """A list row for the question ``name`` that the coordinator ticks."""
    item = QListWidgetItem(text)
    item.setData(Qt.UserRole, name)
    item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
    item.setCheckState(Qt.Checked if checked else Qt.Unchecked)
    return item


def ticked(widget: QListWidget) -> list[str]:
    """The names of the ticked rows of ``widget``, in its order."""
    items = (widget.item(row) for row in range(widget.count()))
    return [item.data(Qt.UserRole) for item in items if item.checkState() == Qt.Checked]


class OrderedChecks(QWidget):
    """Questions to tick and put in order: a list (its title above) and Up and Down."""

    def __init__(self, title: str, name: str):
        """``title``: what to tick (with its & key); ``name``: the list's object name."""
        super().__init__()
        grid = QGridLayout(self)
        label = make_label(title)
        self.list = QListWidget()
        self.list.setObjectName(name)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        label.setBuddy(self.list)
        grid.addWidget(label, 0, 0, 1, 2)
        grid.addWidget(self.list, 1, 0)
        moves = QVBoxLayout()
        self.up, self.down = QPushButton(self.tr("&Up")), QPushButton(self.tr("Do&wn"))
        self.up.setAccessibleName(self.tr("Move the question up"))
        self.down.setAccessibleName(self.tr("Move the question down"))
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        moves.addStretch(1)
        grid.addLayout(moves, 1, 1)
        grid.setRowStretch(1, 1)

    def fill(self, labels: dict[str, str], chosen: list[str]) -> None:
        """Every question of ``labels`` (name -> label), ``chosen`` ticked and first."""
        self.list.clear()
        chosen = [n for n in chosen if n in labels]
        for name in chosen + [n for n in labels if n not in chosen]:
            self.list.addItem(checked_item(labels[name], name, name in chosen))
        self.list.setCurrentRow(0)

    def chosen(self) -> list[str]:
        return ticked(self.list)

    def set_chosen(self, names: list[str]) -> None:
        """Tick exactly ``names``, in that order, first (what a coordinator's clicks do)."""
        items = {}
        while self.list.count():
            item = self.list.takeItem(0)
            items[item.data(Qt.UserRole)] = item
        for name in names + [n for n in items if n not in names]:
            item = items[name]
            item.setCheckState(Qt.Checked if name in names else Qt.Unchecked)
            self.list.addItem(item)

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)


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

        # what goes in, one tab each: the questions, who answered, the cross-tabs, the themes
        self.parts = QTabWidget()
        self.parts.setObjectName("reportParts")
        self.questions_box = OrderedChecks(
            self.tr("&Questions in the report (tick, and order them)"), "reportQuestions"
        )
        self.question_list = self.questions_box.list
        self.up_button, self.down_button = self.questions_box.up, self.questions_box.down
        self.parts.addTab(self.questions_box, self.tr("Questions"))
        self.profile_box = OrderedChecks(
            self.tr("&Who answered: the questions that describe them (tick, and order them)"),
            "reportProfile",
        )
        self.profile_list = self.profile_box.list
        self.parts.addTab(self.profile_box, self.tr("Who answered"))

        crosstabs = QWidget()
        grid = QVBoxLayout(crosstabs)
        crosstabs_label = QLabel(self.tr("&Cross-tabs"))
        self.crosstab_list = QListWidget()
        self.crosstab_list.setObjectName("reportCrosstabs")
        self.crosstab_list.setSelectionMode(QAbstractItemView.SingleSelection)
        crosstabs_label.setBuddy(self.crosstab_list)
        grid.addWidget(crosstabs_label)
        grid.addWidget(self.crosstab_list, 1)
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
        grid.addLayout(pair)
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
        grid.addLayout(buttons)
        self.crosstab_list.setWordWrap(True)
        self.crosstab_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.parts.addTab(crosstabs, self.tr("Cross-tabs"))

        # the open answers: which questions' coded themes and picked quotes go in
        themes = QWidget()
        column = QVBoxLayout(themes)
        themes_label = make_label(
            self.tr(
                "&Open answers: tick the questions whose coded themes and picked quotes go in "
                "the report"
            )
        )
        self.themes_list = QListWidget()
        self.themes_list.setObjectName("reportThemes")
        self.themes_list.setWordWrap(True)
        self.themes_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        themes_label.setBuddy(self.themes_list)
        column.addWidget(themes_label)
        column.addWidget(self.themes_list, 1)
        quotes = QHBoxLayout()
        self.quotes_spin = QSpinBox()
        self.quotes_spin.setObjectName("reportQuotes")
        self.quotes_spin.setRange(0, 20)
        quotes_label = QLabel(self.tr("&Quotes per theme, at most"))
        quotes_label.setBuddy(self.quotes_spin)
        quotes.addWidget(quotes_label)
        quotes.addWidget(self.quotes_spin)
        quotes.addStretch(1)
        column.addLayout(quotes)
        self.parts.addTab(themes, self.tr("Open answers"))
        layout.addWidget(self.parts, 1)

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
            ),
            into=layout,
        )
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
        shown = self._kinds(REPORT_KINDS)
        self.questions_box.fill(shown, plan.questions)
        self.profile_box.fill(shown, plan.profile)
        self.themes_list.clear()
        for name, text in self._kinds((TEXT,)).items():
            item = checked_item(text, name, name in plan.themes)
            self.themes_list.addItem(item)
        self.quotes_spin.setValue(plan.quotes_per_theme)
        self.crosstab_list.clear()
        for rows, columns in plan.crosstabs:
            self.add_crosstab(rows, columns)
        self.needs_combo.setCurrentIndex(max(0, self.needs_combo.findData(plan.needs)))
        self.needs_by_combo.setCurrentIndex(max(0, self.needs_by_combo.findData(plan.needs_by)))
        self._update_buttons()

    def _kinds(self, kinds) -> dict[str, str]:
        """name -> label of the questions of ``kinds`` that are not personal."""
        return {
            n: q.label or n for n, q in self.questions.items() if q.kind in kinds and not q.personal
        }

    def chosen_questions(self) -> list[str]:
        return self.questions_box.chosen()

    def set_chosen(self, names: list[str]) -> None:
        """Tick exactly ``names``, in that order, first (what a coordinator's clicks do)."""
        self.questions_box.set_chosen(names)

    def move(self, step: int) -> None:
        self.questions_box.move(step)

    def chosen_profile(self) -> list[str]:
        return self.profile_box.chosen()

    def set_profile(self, names: list[str]) -> None:
        """Tick exactly ``names`` as the "who answered" questions, in that order."""
        self.profile_box.set_chosen(names)

    def chosen_themes(self) -> list[str]:
        return ticked(self.themes_list)

    def set_themes(self, names: list[str]) -> None:
        """Tick exactly the open questions ``names`` (their themes and quotes go in)."""
        for row in range(self.themes_list.count()):
            item = self.themes_list.item(row)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in names else Qt.Unchecked)

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
            profile=self.chosen_profile(),
            themes=self.chosen_themes(),
            quotes_per_theme=self.quotes_spin.value(),
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
