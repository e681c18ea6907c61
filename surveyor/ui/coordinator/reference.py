"""The neighbourhood's reference figures (e.g. INSEE's): typed in once per question in a
dialog (a share per choice, or per age band for a number, the total shown as it is typed,
the source and the year), and the comparison with who answered shown under a question's
figures in the Résultats view. Core: ``surveyor/results/reference.py`` (docs/results.md)."""

from __future__ import annotations

from surveyor.errors import SurveyorError
from surveyor.results.reference import TOTAL_TOLERANCE
from surveyor.results.reference import parse_percent
from surveyor.ui.coordinator.common import fill_table
from surveyor.ui.coordinator.common import make_table
from surveyor.ui.coordinator.common import set_headers
from surveyor.ui.errors import exception_sentence
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QFormLayout
from surveyor.ui.qt import QGridLayout
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QHeaderView
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLineEdit
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.widgets import add_row
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import narrow_combo
from surveyor.ui.widgets import ok_cancel
from surveyor.ui.widgets import push_button
from surveyor.ui.widgets import scrolled_body

# The question kinds a reference is given for (their categories split the population).
REFERENCE_KINDS = ("single", "number")
# Band rows offered for a number question (an age's bands: 0-14, 15-29, 30-44...).
BAND_ROWS = 8
# Categories the comparison's table shows at once, at least (the others scroll).
SHOWN_ROWS = 2
UNLIMITED = 16777215  # QWIDGETSIZE_MAX


def one_decimal(value: float | None, *, sign: bool = False) -> str:
    if value is None:
        return "–"
    text = QLocale().toString(float(value), "f", 1)
    return ("+" + text) if sign and round(value, 1) > 0 else text


def can_have_reference(q) -> bool:
    return q is not None and q.kind in REFERENCE_KINDS and not q.personal


class ReferenceDialog(QDialog):
    """The reference figures of one question: a share (%) each, the total live, the source
    and the year; saved with ``Workspace.set_reference`` (checked there too)."""

    def __init__(self, panel, form_id: str, questions: dict, question: str | None = None):
        super().__init__(panel)
        self.setObjectName("referenceDialog")
        self.panel = panel
        self.form_id = form_id
        self.questions = {n: q for n, q in questions.items() if can_have_reference(q)}
        self.references: dict = {}
        self.rows: list[tuple[QLineEdit | str, QLineEdit]] = []  # (band edit or code, share)
        self.saved = False
        self.setWindowTitle(self.tr("Neighbourhood reference figures"))
        self.setMinimumWidth(460)

        outer = QVBoxLayout(self)
        # the texts and the rows scroll on a small screen or with the largest text; the
        # total, a message and the buttons stay in view
        layout = scrolled_body(outer, "referenceScroll")
        layout.addWidget(
            make_label(
                self.tr(
                    "Type in once the share (%) of the neighbourhood's population in each "
                    "answer, from the census (INSEE) or the landlords: the results compare who "
                    "answered with who lives there."
                ),
                role="hint",
            )
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.question_combo = narrow_combo(24)
        for name, q in self.questions.items():
            self.question_combo.addItem(q.label or name, name)
        add_row(form, self.tr("&Question"), self.question_combo)
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("referenceSource")
        self.source_edit.setPlaceholderText(self.tr("e.g. INSEE, census 2021, priority area"))
        self.source_edit.textChanged.connect(self.update_total)
        add_row(form, self.tr("&Source"), self.source_edit)
        self.year_edit = QLineEdit()
        self.year_edit.setObjectName("referenceYear")
        self.year_edit.setMaxLength(4)
        self.year_edit.setMaximumWidth(80)
        add_row(form, self.tr("&Year"), self.year_edit)
        layout.addLayout(form)

        self.hint = make_label(role="hint", name="referenceHint", into=layout)
        self.grid = QGridLayout()
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.total = make_label(name="referenceTotal", into=outer)
        self.error = make_label(role="error", name="referenceError")
        self.error.hide()
        outer.addWidget(self.error)

        self.buttons = ok_cancel(self, self.tr("&Save"), self.tr("Cancel"))
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.save)
        self.clear_button = push_button(self.clear, name="referenceClear")
        self.clear_button.setText(self.tr("&Forget these figures"))
        self.buttons.addButton(self.clear_button, QDialogButtonBox.ResetRole)
        outer.addWidget(self.buttons)
        if question in self.questions:
            self.question_combo.setCurrentIndex(self.question_combo.findData(question))
        self.question_combo.currentIndexChanged.connect(self._question_changed)
        self.resize(560, 520)
        DbOp(panel, lambda ws: ws.references(form_id)).success(self._loaded).failure(
            self.show_error
        ).run()

    # --- the rows --------------------------------------------------------------------------

    def question(self) -> str | None:
        return self.question_combo.currentData()

    def _loaded(self, references: dict) -> None:
        self.references = references
        self._question_changed()

    def _question_changed(self, *_args) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rows = []
        name = self.question()
        q = self.questions.get(name)
        ref = self.references.get(name)
        shares = dict(ref.shares) if ref else {}
        self.source_edit.setText(ref.source if ref else self.source_edit.text())
        self.year_edit.setText(str(ref.year) if ref and ref.year else self.year_edit.text())
        self.clear_button.setEnabled(ref is not None)
        if q is None:
            self.hint.setText(self.tr("No single choice or number question to compare."))
        elif q.kind == "single":
            self.hint.setText(self.tr("The neighbourhood's share of each answer (%):"))
            for row, (code, label) in enumerate(q.choices.items()):
                share = self._share_edit(shares.get(code))
                text = QLabel(label or code)
                text.setWordWrap(True)
                text.setBuddy(share)
                self.grid.addWidget(text, row, 0)
                self.grid.addWidget(share, row, 1)
                self.rows.append((code, share))
        else:
            self.hint.setText(
                self.tr(
                    "Bands written LOW-HIGH (both ends included, e.g. 15-29) or LOW+ (e.g. "
                    "60+), and the neighbourhood's share of each (%):"
                )
            )
            given = list(shares.items())
            for row in range(max(BAND_ROWS, len(given) + 2)):
                code, value = given[row] if row < len(given) else ("", None)
                band = QLineEdit(code)
                band.setAccessibleName(self.tr("Band {0}").format(row + 1))
                band.setPlaceholderText(self.tr("e.g. 15-29"))
                band.textChanged.connect(self.update_total)
                share = self._share_edit(value)
                self.grid.addWidget(band, row, 0)
                self.grid.addWidget(share, row, 1)
                self.rows.append((band, share))
        self.grid.setColumnStretch(0, 1)
        self.update_total()

    def _share_edit(self, value: float | None) -> QLineEdit:
        edit = QLineEdit("" if value is None else QLocale().toString(float(value), "g", 6))
        edit.setAccessibleName(self.tr("Share of the neighbourhood (%)"))
        edit.setPlaceholderText("–")
        edit.setMaximumWidth(90)
        edit.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        edit.textChanged.connect(self.update_total)
        return edit

    def shares(self) -> dict[str, str]:
        """Category -> the share as typed (empty rows left out)."""
        out = {}
        for key, share in self.rows:
            code = key if isinstance(key, str) else key.text().strip()
            if share.text().strip() and code:
                out[code] = share.text().strip()
        return out

    def update_total(self, *_args) -> None:
        total, bad = 0.0, False
        for value in self.shares().values():
            try:
                total += parse_percent(value)
            except SurveyorError:
                bad = True
        ok = not bad and abs(total - 100) <= TOTAL_TOLERANCE
        if bad:
            text = self.tr("A share is not a number from 0 to 100.")
        elif ok:
            text = self.tr("Total: {0} %").format(one_decimal(total))
        else:
            text = self.tr("Total: {0} % — the shares must add up to 100 %.").format(
                one_decimal(total)
            )
        self.total.setText(text)
        self.total.setProperty("role", "" if ok else "error")
        self.total.style().unpolish(self.total)
        self.total.style().polish(self.total)
        save = self.buttons.button(QDialogButtonBox.Ok)
        save.setEnabled(
            ok and bool(self.source_edit.text().strip()) and self.question() is not None
        )

    # --- saving ----------------------------------------------------------------------------

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(exception_sentence(exc))
        self.error.show()

    def save(self) -> None:
        name, form_id, shares = self.question(), self.form_id, self.shares()
        source, year = self.source_edit.text().strip(), self.year_edit.text().strip() or None
        DbOp(
            self.panel,
            lambda ws: ws.set_reference(form_id, name, shares, source=source, year=year),
        ).success(self._saved).failure(self.show_error).run()

    def clear(self) -> None:
        name, form_id = self.question(), self.form_id
        DbOp(self.panel, lambda ws: ws.clear_reference(form_id, name)).success(self._saved).failure(
            self.show_error
        ).run()

    def _saved(self, _changes) -> None:
        self.saved = True
        self.panel.refresh_current()
        self.accept()


class ReferenceBox(FollowsLanguage, QWidget):
    """Under a question's figures: who answered against who lives there (when the question
    has reference figures), and the button that opens the dialog."""

    def __init__(self, panel, parent=None):
        super().__init__(parent)
        self.setObjectName("referenceBox")
        self.panel = panel
        self.dialog: ReferenceDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.title = make_label(name="referenceTitle")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        row.addWidget(self.title, 1)
        self.button = push_button(self.ask, name="referenceButton")
        row.addWidget(self.button)
        layout.addLayout(row)
        self.table = make_table(["", "", "", ""])
        self.table.setObjectName("referenceTable")
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        layout.addWidget(self.table)
        self.note = make_label(role="hint", name="referenceNote", into=layout)
        self.comparison = None
        self.retranslate()
        self.show_comparison(None, None)

    def retranslate(self) -> None:
        self.button.setText(self.tr("Neighbourhood reference &figures…"))
        set_headers(
            self.table,
            [
                self.tr("Answer"),
                self.tr("Respondents (%)"),
                self.tr("Neighbourhood (%)"),
                self.tr("Difference (points)"),
            ],
        )
        self.show_comparison(self.comparison, None, keep=True)

    def show_comparison(self, comparison, q, *, keep: bool = False) -> None:
        """Show ``comparison`` (a ``Comparison`` or None) for the question ``q``."""
        self.comparison = comparison
        has = comparison is not None
        if not keep:
            # with the filters folded (a small screen, a large text), the button alone goes:
            # the question list's menu opens the same dialog
            self.setVisible(can_have_reference(q) and (has or not self.panel.compact))
        self.table.setVisible(has)
        self.note.setVisible(has)
        self.title.setVisible(has)
        # without figures, only the button (its tooltip says there are none yet): the figures
        # above keep the room, even at the largest text size on a 600-pixel-high screen
        self.setMaximumHeight(UNLIMITED if has else self.button.sizeHint().height() + 8)
        if not has:
            self.title.clear()
            self.button.setToolTip(
                self.tr("No neighbourhood figures for this question yet.")
                + " "
                + self.tr("Type in the neighbourhood's figures (INSEE...) to compare who answered")
            )
            fill_table(self.table, [])
            return
        self.button.setToolTip(
            self.tr("Type in the neighbourhood's figures (INSEE...) to compare who answered")
        )
        c = comparison
        self.title.setText(self.tr("Respondents compared with the neighbourhood"))
        fill_table(
            self.table,
            [
                [
                    k.label,
                    one_decimal(k.percent),
                    one_decimal(k.reference),
                    one_decimal(k.difference, sign=True),
                ]
                for k in c.categories
            ],
        )
        for row in range(self.table.rowCount()):
            for column in (1, 2, 3):
                self.table.item(row, column).setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        # room for a few categories at once (the splitter's handle gives more)
        self.table.resizeRowsToContents()
        shown = range(min(SHOWN_ROWS, self.table.rowCount()))
        rows = sum(self.table.rowHeight(r) for r in shown)
        self.table.setMinimumHeight(header.sizeHint().height() + rows + 4)
        unit = self.tr("members") if c.unit == "member" else self.tr("interviews")
        source = f"{c.source} ({c.year})" if c.year else c.source
        note = self.tr("Source: {0} · base: {1} {2} who answered").format(source, c.base, unit)
        if c.outside:
            note += " · " + self.tr("{0} outside the bands").format(c.outside)
        if c.small_base:
            note += " · " + self.tr("few answers (under 30): read the percentages with care")
        self.note.setText(note)
        self._fit_note()

    def _fit_note(self) -> None:
        """The note's lines, wrapped at the box's width, kept whole (the splitter above does
        not ask a wrapped label its height for a width)."""
        width = max(self.width() - 8, 200)
        self.note.setMinimumHeight(self.note.heightForWidth(width) if self.note.text() else 0)

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_note()

    def ask(self) -> ReferenceDialog | None:
        panel = self.panel
        if panel.form_id is None:
            return None
        dialog = ReferenceDialog(panel, panel.form_id, panel.questions, panel.current_question())
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog
