"""The "Results" tab of the coordinator: filters, the questions, and for the selected one a
table and a chart; group by, cross-tabs, needs ranked, open answers coded (keyboard-fast);
the funders' report. Every figure comes from the Workspace (docs/results.md, "API for the
UI") through DbOp; charts are the core's matplotlib PNGs shown in a QLabel."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from surveyor.errors import SurveyorError
from surveyor.results import Selection
from surveyor.ui.coordinator.bands import ask_bands
from surveyor.ui.coordinator.common import fill_table
from surveyor.ui.coordinator.common import make_table
from surveyor.ui.coordinator.common import set_headers
from surveyor.ui.coordinator.reference import ReferenceBox
from surveyor.ui.coordinator.reference import can_have_reference
from surveyor.ui.coordinator.report import ReportDialog
from surveyor.ui.coordinator.results_funnel import DoorToDoorTab
from surveyor.ui.errors import exception_sentence
from surveyor.ui.flow import FlowLayout
from surveyor.ui.flow import WrappedLabel
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QAbstractItemView
from surveyor.ui.qt import QAction
from surveyor.ui.qt import QColor
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QDateEdit
from surveyor.ui.qt import QFont
from surveyor.ui.qt import QGridLayout
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QHeaderView
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLineEdit
from surveyor.ui.qt import QListWidget
from surveyor.ui.qt import QListWidgetItem
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QPixmap
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import QScrollArea
from surveyor.ui.qt import QSize
from surveyor.ui.qt import QSizePolicy
from surveyor.ui.qt import QSplitter
from surveyor.ui.qt import QStyledItemDelegate
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTabWidget
from surveyor.ui.qt import QTimer
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal
from surveyor.ui.widgets import NO_DATE
from surveyor.ui.widgets import add_labelled
from surveyor.ui.widgets import day_filter
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import narrow_combo
from surveyor.ui.widgets import push_button
from surveyor.ui.widgets import size_to_current

CHOICE_KINDS = ("single", "multiple")
# What groups figures, makes a cross-tab's rows or columns, splits a ranking: choices, and
# numbers cut into bands.
GROUP_KINDS = (*CHOICE_KINDS, "number")


def group_items(combo, questions: dict) -> None:
    """Add the questions that can group figures to ``combo`` (a number says it is in bands)."""
    for name, q in questions.items():
        if q.kind in GROUP_KINDS and not q.personal:
            label = q.label or name
            if q.kind == "number":
                label = QCoreApplication.translate("ResultsPanel", "{0} (in bands)").format(label)
            combo.addItem(label, name)


def pct(value: float | None) -> str:
    """A percentage the way the app's language writes it (12,5 % in French)."""
    if value is None:
        return "–"
    return QLocale().toString(float(value), "f", 1) + "\u202f%"


def num(value: float | None) -> str:
    if value is None:
        return "–"
    if float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", 1)


# --- what one load of the question view brings back (made on the database thread) -----------


@dataclass
class QuestionView:
    result: object  # QuestionResult (overall)
    interviews: int
    form_id: str
    groups: dict = field(default_factory=dict)  # group code -> QuestionResult
    group_labels: dict = field(default_factory=dict)
    chart: bytes = b""
    reference: object = None  # the comparison with the neighbourhood's figures, if any


def chart_of(q) -> bytes:
    """The core's chart of a question result (PNG bytes), or b"" when it has none."""
    # matplotlib (~1 s to import) only when a chart is first drawn
    from surveyor.results import charts

    if q.personal or q.choices:  # a choice question's bars are drawn in its table
        return b""
    if q.number is not None and q.number.bins:
        return charts.histogram(q.number.bins)
    if q.dates:
        months = sorted(k for k in q.dates if len(k) == 7)
        if months:
            return charts.bars(months, [float(q.dates[m]) for m in months], percent_sign="")
    return b""


def load_question(ws, selection, name: str, by: str | None, language) -> QuestionView:
    """Figures of one question over the selection (and for each value of ``by``)."""
    if by:
        grouped = ws.results(selection, by=by, questions=[name], language=language)
        overall = grouped.overall
        groups = {code: r.questions[name] for code, r in grouped.groups.items()}
        labels = dict(grouped.group_labels)
    else:
        overall = ws.results(selection, questions=[name], language=language)
        groups, labels = {}, {}
    q = overall.questions[name]
    view = QuestionView(q, overall.interviews, overall.form_id, groups, labels, chart_of(q))
    if can_have_reference(q):
        found = ws.compare_references(selection, questions=[name], language=language)
        view.reference = found[0] if found else None
    return view


BAR_COLOUR = "#2F5D62"  # the report's charts' colour


class BarDelegate(QStyledItemDelegate):
    """Draws a horizontal bar for a cell whose UserRole holds a percentage (0–100)."""

    def paint(self, painter, option, index):
        super().paint(painter, option, index)
        value = index.data(Qt.UserRole)
        if value is None:
            return
        rect = option.rect.adjusted(3, 5, -3, -5)
        width = int(rect.width() * max(0.0, min(float(value), 100.0)) / 100.0)
        painter.save()
        painter.fillRect(rect.x(), rect.y(), width, rect.height(), QColor(BAR_COLOUR))
        painter.restore()

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        return QSize(max(size.width(), 110), size.height())


def align_numbers(table, first: int = 1) -> None:
    """Right-align the figures (columns from ``first``), as a spreadsheet does."""
    for row in range(table.rowCount()):
        for column in range(first, table.columnCount()):
            item = table.item(row, column)
            if item is not None:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)


def set_bars(table, column: int, values: list[float | None]) -> None:
    """Put the bars' values in ``column`` (one per row; None: no bar)."""
    for row, value in enumerate(values):
        item = table.item(row, column)
        if item is not None:
            item.setData(Qt.UserRole, value)
            item.setText("")


class ChartLabel(QLabel):
    """A PNG chart scaled to the label's width (never wider than it was drawn)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignTop | Qt.AlignHCenter)
        self._pixmap = QPixmap()
        self.setMinimumWidth(120)

    def set_png(self, data: bytes) -> None:
        self._pixmap = QPixmap()
        if data:
            self._pixmap.loadFromData(data, "PNG")
        self._rescale()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._pixmap.isNull():
            self.clear()
            return
        width = min(self.width(), self._pixmap.width())
        self.setPixmap(self._pixmap.scaledToWidth(max(width, 50), Qt.SmoothTransformation))


class ResultsPanel(FollowsLanguage, QWidget):
    """Filters on the left top, questions on the left, four views on the right (a fifth,
    the door-to-door funnel, when the campaign has doors)."""

    loaded = Signal()

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.setObjectName("resultsPanel")
        self.page = page
        self.questions: dict = {}  # name -> Question (of the current form)
        self.forms: list[str] = []
        self.form_id: str | None = None
        self.view: QuestionView | None = None
        self._generation = 0
        self._filling = False
        self._filter_values: dict[str, list[str]] = {}
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh_current)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        # When the filters would take much of the height (the largest text size on a small
        # screen), they fold behind "Filters (n active)" and the figures get the room.
        self.compact = False
        self.filters_button = push_button(self._filters_toggled, name="filtersButton")
        self.filters_button.setCheckable(True)
        self.filters_button.hide()
        self.filters_box = QWidget()
        self.filters_box.setObjectName("resultsFilters")
        filters = FlowLayout(self.filters_box)  # they wrap on a narrow screen or large text
        filters.setContentsMargins(0, 0, 0, 0)
        self.filters = filters
        self.form_combo = narrow_combo(changed=self._form_changed)
        self.interviewer_combo = narrow_combo(changed=self.refresh_later)
        self.from_edit = day_filter(self.refresh_later, empty_text="–")
        self.to_edit = day_filter(self.refresh_later, empty_text="–")
        self.answer_question = narrow_combo(changed=self._fill_answer_values)
        self.answer_value = narrow_combo(12, changed=self.refresh_later)
        # more answers, all applied together: [(question combo, value combo, their piece)]
        self.more_answers: list[tuple] = []
        self.more_button = push_button(lambda: self.add_answer_filter(), name="moreAnswers")
        self.clear_button = push_button(self.clear_filters)
        self.report_button = push_button(self.ask_report, name="reportButton")
        widgets = [
            self.form_combo,
            self.interviewer_combo,
            self.from_edit,
            self.to_edit,
            self.answer_question,
            self.answer_value,
        ]
        self.filter_labels = add_labelled(filters, widgets, beside=True)
        filters.addWidget(self.more_button)
        filters.addWidget(self.clear_button)
        filters.addWidget(self.report_button)
        layout.addWidget(self.filters_box)
        self.summary = WrappedLabel()  # one line, but for when the filters are folded
        self.summary.setWordWrap(False)
        self.summary.setObjectName("resultsSummary")
        self.summary.setContentsMargins(6, 0, 6, 0)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.error = make_label(role="error", name="resultsError")
        self.error.hide()
        layout.addWidget(self.error)

        split = QSplitter(Qt.Horizontal)
        self.question_list = QListWidget()
        self.question_list.setObjectName("resultsQuestions")
        self.question_list.setWordWrap(True)
        self.question_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.question_list.currentItemChanged.connect(self._question_changed)
        # the list's menu (right click, the Menu key): mark the question personal, or not
        self.personal_action = QAction(self.question_list)
        self.personal_action.setObjectName("personalAction")
        self.personal_action.setCheckable(True)
        self.personal_action.triggered.connect(self.mark_personal)
        self.question_list.addAction(self.personal_action)
        # and type in the neighbourhood's figures (the button under the figures is folded
        # away with the filters when the height runs short)
        self.reference_action = QAction(self.question_list)
        self.reference_action.setObjectName("referenceAction")
        self.reference_action.triggered.connect(lambda: self.question_view.reference.ask())
        self.question_list.addAction(self.reference_action)
        self.question_list.setContextMenuPolicy(Qt.ActionsContextMenu)
        # on the left: "Filters (n active)", the report and the count when the filters are
        # folded (compact), above the questions
        self.side = QWidget()
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        self.side_layout.setSpacing(4)
        self.side_layout.addWidget(self.filters_button)
        self.side_layout.addWidget(self.question_list, 1)
        split.addWidget(self.side)
        self.views = QTabWidget()
        self.views.setObjectName("resultsViews")
        self.question_view = QuestionTab(self)
        self.crosstab_view = CrosstabTab(self)
        self.ranking_view = RankingTab(self)
        self.coding_view = CodingTab(self)
        self.funnel_view = DoorToDoorTab(self)  # shown when the campaign has doors
        views = (self.question_view, self.crosstab_view, self.ranking_view, self.coding_view)
        for tab in (*views, self.funnel_view):
            self.views.addTab(tab, "")
        self.views.setTabVisible(4, False)
        self.views.currentChanged.connect(self._view_changed)
        size_to_current(self.views)
        self.views.setCornerWidget(self.summary, Qt.TopRightCorner)
        split.addWidget(self.views)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 700])
        layout.addWidget(split, 1)

        self.report = None  # the report dialog, while open
        self.retranslate()

    # --- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        texts = [
            self.tr("&Form"),
            self.tr("Intervie&wer"),
            self.tr("Fro&m"),
            self.tr("&To"),
            self.tr("&Answer to"),
            self.tr("&Value"),
        ]
        for label, text in zip(self.filter_labels, texts, strict=True):
            label.setText(text)
        self.clear_button.setText(self.tr("Clear the filters"))
        self.more_button.setText("+")
        self.more_button.setAccessibleName(self.tr("Filter on one more answer"))
        self.more_button.setToolTip(self.tr("Filter on one more answer"))
        for _question, _value, piece in self.more_answers:
            self._name_answer_filter(piece)
        self.personal_action.setText(
            self.tr("&Personal field: its answers are never shown nor put in the report")
        )
        self.reference_action.setText(self.tr("Neighbourhood reference &figures…"))
        self.report_button.setText(self._report_text())
        self.report_button.setToolTip(self.tr("R&eport for the funders…").replace("&", ""))
        self._count_filters()
        self.question_list.setAccessibleName(self.tr("Questions"))
        self.views.setTabText(0, self.tr("&Question"))
        self.views.setTabText(1, self.tr("Cross-ta&b"))
        self.views.setTabText(2, self.tr("&Needs ranked"))
        self.views.setTabText(3, self.tr("&Open answers"))
        self.views.setTabText(4, self.tr("&Door to door"))
        self._fill_fixed_items()

    def _fill_fixed_items(self) -> None:
        was = self._filling
        self._filling = True
        for combo, text in (
            (self.interviewer_combo, self.tr("Everyone")),
            (self.answer_question, self.tr("Any answer")),
        ):
            if combo.count():
                combo.setItemText(0, text)
        if self.answer_value.count() and self.answer_value.itemData(0) is None:
            self.answer_value.setItemText(0, self.tr("Any value"))
        self._filling = was

    # --- the filters, folded when the height runs short ------------------------------------

    def active_filters(self) -> int:
        """How many filters narrow the interviews counted (the form is not one)."""
        selection = self.selection()
        return (
            len(selection.interviewers)
            + (selection.date_from is not None)
            + (selection.date_to is not None)
            + sum(len(values) for values in selection.answers.values())
        )

    def _count_filters(self) -> None:
        self.filters_button.setText(self.tr("Fi&lters (%n active)", "", self.active_filters()))

    def _report_text(self) -> str:
        return self.tr("R&eport…") if self.compact else self.tr("R&eport for the funders…")

    def _filters_toggled(self, shown: bool) -> None:
        self.filters_box.setVisible(shown or not self.compact)

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Fold the filters when, at this width, they would take more than a fifth of the
        window's height (unfold under an eighth: no back and forth at the edge)."""
        needed = self.filters.heightForWidth(self.width() - 8)
        compact = needed > self.window().height() / (8 if self.compact else 5)
        if compact == self.compact:
            return
        self.compact = compact
        self.filters_button.setVisible(compact)
        self.filters_button.setChecked(False)
        self.filters_box.setVisible(not compact)
        # folded, the report (its name shortened) and the count go above the questions: the
        # figures get the whole height, the views' tabs the whole width; the question's
        # title is the one chosen in the list
        if compact:
            self.filters.removeWidget(self.report_button)
            self.views.setCornerWidget(None, Qt.TopRightCorner)
            self.side_layout.insertWidget(1, self.report_button)
            self.side_layout.insertWidget(2, self.summary)
        else:
            self.side_layout.removeWidget(self.report_button)
            self.side_layout.removeWidget(self.summary)
            self.filters.addWidget(self.report_button)
            self.views.setCornerWidget(self.summary, Qt.TopRightCorner)
        self.summary.setWordWrap(compact)
        self.report_button.setText(self._report_text())
        self.report_button.show()
        self.summary.show()
        self.question_view.title.setVisible(not compact)
        self.question_view.base.setToolTip("")
        self.refresh_later()  # the base line is shortened (or not)

    # --- the workspace ---------------------------------------------------------------------

    def language(self) -> str | None:
        """The language the labels are read in: the app's (the form's default if absent)."""
        return QLocale().name()[:2] or None

    def showEvent(self, event):
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Load the forms, the questions and the interviewers, then the current view; while
        the tab is hidden, only note that it must (figures are computed when looked at)."""
        if self.page.workspace is None:
            return
        self._stale = not self.isVisible()
        if self._stale:
            return
        self.funnel_view.refresh()
        language = self.language()
        wanted = self.form_combo.currentData()

        def load(ws):
            forms = ws.result_forms()
            titles = ws.form_titles()
            if not forms:
                return forms, titles, None, {}, []
            form_id = wanted if wanted in forms else forms[0]
            try:
                questions = ws.result_questions(form_id, language=language)
                interviewers = ws.result_interviewers(form_id)
            except SurveyorError:
                questions, interviewers = {}, []
            return forms, titles, form_id, questions, interviewers

        DbOp(self, load).success(lambda r: self._set_forms(*r)).failure(self._failed).run()

    def _set_forms(self, forms, titles, form_id, questions, interviewers) -> None:
        self._filling = True
        self.forms = forms
        self.form_id = form_id
        self.form_combo.clear()
        for f in forms:
            self.form_combo.addItem(titles.get(f, f), f)
        self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(form_id)))
        self.form_combo.setEnabled(len(forms) > 1)
        current = self.interviewer_combo.currentData()
        self.interviewer_combo.clear()
        self.interviewer_combo.addItem(self.tr("Everyone"), None)
        for name in interviewers:
            self.interviewer_combo.addItem(name, name)
        self.interviewer_combo.setCurrentIndex(max(0, self.interviewer_combo.findData(current)))
        self.questions = questions
        selected = self.current_question()
        self.question_list.clear()
        for name, q in questions.items():
            text = q.label or name
            if q.personal:
                text = self.tr("{0} (personal)").format(text)
            item = QListWidgetItem(text)
            item.setData(Qt.UserRole, name)
            item.setToolTip(f"{name} — {q.label}")
            self.question_list.addItem(item)
        for question, value in self.answer_pairs():
            self._fill_answer_questions(question)
            self._fill_values(question, value)
        for tab in (self.crosstab_view, self.ranking_view, self.question_view):
            tab.set_questions(questions)
        self._filling = False
        if not forms:
            self.summary.setText(self.tr("No finalized interview yet: nothing to count."))
        self.select_question(selected or self._first_question())
        self.refresh_current()

    def _first_question(self) -> str | None:
        for name, q in self.questions.items():
            if q.kind in CHOICE_KINDS and not q.personal:
                return name
        return next(iter(self.questions), None)

    def _form_changed(self, _index) -> None:
        if not self._filling:
            self.refresh()

    def _fill_answer_values(self, *_args) -> None:
        self._fill_values(self.answer_question, self.answer_value)

    def _fill_answer_questions(self, combo) -> None:
        """The choice questions an answer filter takes (not the personal ones)."""
        current = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("Any answer"), None)
        for name, q in self.questions.items():
            if q.kind in CHOICE_KINDS and not q.personal:
                combo.addItem(q.label or name, name)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def _fill_values(self, question, values) -> None:
        """The choices of the question chosen in ``question``, in ``values``."""
        was = self._filling
        self._filling = True
        current = values.currentData()
        values.clear()
        name = question.currentData()
        values.addItem(self.tr("Any value"), None)
        q = self.questions.get(name) if name else None
        values.setEnabled(q is not None)
        if q is not None:
            for code, label in q.choices.items():
                values.addItem(label, code)
        values.setCurrentIndex(max(0, values.findData(current)))
        self._filling = was
        if not was:
            self.refresh_later()

    def answer_pairs(self) -> list[tuple]:
        """(question combo, value combo) of every answer filter, the first one first."""
        pairs = [(self.answer_question, self.answer_value)]
        return pairs + [(question, value) for question, value, _piece in self.more_answers]

    def add_answer_filter(self, name: str | None = None, value: str | None = None) -> None:
        """One more answer filter ("+"), up to three; all of them apply together."""
        if len(self.more_answers) >= 2:
            return
        question = narrow_combo()
        values = narrow_combo(12, changed=self.refresh_later)
        question.currentIndexChanged.connect(lambda _i: self._fill_values(question, values))
        piece = QWidget()
        row = QHBoxLayout(piece)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        labels = (QLabel(), QLabel())
        for label, combo in zip(labels, (question, values), strict=True):
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo)
        piece.labels = labels
        self._name_answer_filter(piece)
        self.more_answers.append((question, values, piece))
        # after the other answer filters: before "+", "Clear the filters" and the report
        trailing = [self.more_button, self.clear_button, self.report_button]
        trailing = [w for w in trailing if self.filters.indexOf(w) >= 0]
        for widget in trailing:
            self.filters.removeWidget(widget)
        for widget in (piece, *trailing):
            self.filters.addWidget(widget)
        piece.show()  # now, not when the events are next processed
        self._fill_answer_questions(question)
        question.setCurrentIndex(max(0, question.findData(name)))
        self._fill_values(question, values)
        values.setCurrentIndex(max(0, values.findData(value)))
        self.more_button.setEnabled(len(self.more_answers) < 2)
        question.setFocus()

    def _name_answer_filter(self, piece) -> None:
        first, second = piece.labels
        first.setText(self.tr("and answer to"))
        second.setText(self.tr("value"))

    # --- the selection -----------------------------------------------------------------------

    def selection(self):
        def day(edit: QDateEdit) -> str | None:
            return None if edit.date() == NO_DATE else edit.date().toString("yyyy-MM-dd")

        answers: dict[str, list[str]] = {}
        for question, values in self.answer_pairs():
            name, value = question.currentData(), values.currentData()
            if name and value and value not in answers.get(name, []):
                answers.setdefault(name, []).append(value)
        interviewer = self.interviewer_combo.currentData()
        return Selection(
            form_id=self.form_id,
            interviewers=(interviewer,) if interviewer else (),
            date_from=day(self.from_edit),
            date_to=day(self.to_edit),
            answers=answers,
        )

    def set_answer_filter(self, name: str | None, value: str | None) -> None:
        """Filter on an answer (the combos set as the coordinator would)."""
        self.answer_question.setCurrentIndex(max(0, self.answer_question.findData(name)))
        self.answer_value.setCurrentIndex(max(0, self.answer_value.findData(value)))

    def clear_filters(self) -> None:
        self._filling = True
        self.interviewer_combo.setCurrentIndex(0)
        self.from_edit.setDate(NO_DATE)
        self.to_edit.setDate(NO_DATE)
        self.answer_question.setCurrentIndex(0)
        for _question, _values, piece in self.more_answers:
            self.filters.removeWidget(piece)
            piece.deleteLater()
        self.more_answers.clear()
        self.more_button.setEnabled(True)
        self._filling = False
        self._fill_answer_values()
        self.refresh_current()

    def current_question(self) -> str | None:
        item = self.question_list.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    def select_question(self, name: str | None) -> None:
        for row in range(self.question_list.count()):
            if self.question_list.item(row).data(Qt.UserRole) == name:
                self.question_list.setCurrentRow(row)
                return

    def _question_changed(self, *_args) -> None:
        q = self.questions.get(self.current_question())
        self.personal_action.setEnabled(q is not None)
        self.personal_action.setChecked(bool(q is not None and q.personal))
        self.reference_action.setEnabled(can_have_reference(q))
        if not self._filling:
            self.refresh_current()

    def mark_personal(self, personal: bool) -> None:
        """Mark the current question personal, or not personal whatever the form says (the
        campaign's mark: results, the report, filters and coding follow it)."""
        name, form_id = self.current_question(), self.form_id
        if name is None or form_id is None:
            return
        DbOp(self, lambda ws: ws.mark_personal(form_id, name, personal)).success(
            lambda _changes: self.refresh()
        ).failure(self._failed).run()

    def _view_changed(self, _index: int) -> None:
        size_to_current(self.views)  # a view's minimum height counts only while it shows
        self.refresh_current()

    def refresh_later(self, *_args) -> None:
        if not self._filling:
            self._timer.start()

    def refresh_current(self) -> None:
        """Recompute what the visible view shows, for the current selection."""
        self._timer.stop()
        self._count_filters()
        if self.page.workspace is None or self.form_id is None:
            return
        self._generation += 1
        self.views.currentWidget().load(self._generation)

    def is_current(self, generation: int) -> bool:
        return generation == self._generation

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _failed(self, exc: BaseException) -> None:
        self.show_error(exception_sentence(exc))

    def failed(self, generation: int):
        def on_error(exc: BaseException) -> None:
            if self.is_current(generation):
                self.show_error(exception_sentence(exc))
                self.loaded.emit()

        return on_error

    def show_count(self, interviews: int) -> None:
        self.show_error("")
        self.summary.setText(self.tr("%n interview(s) counted", "", interviews))

    def on_workspace_changed(self, changes) -> None:
        if changes.interview_list or changes.forms or changes.doors:
            self.refresh()
        elif changes.results:
            if self.views.currentWidget() is self.coding_view:
                self.refresh_current()

    # --- the report --------------------------------------------------------------------

    def ask_report(self):
        if self.form_id is None:
            self.show_error(self.tr("No finalized interview yet: there is nothing to report."))
            return None
        dialog = ReportDialog(self, self.form_id, self.questions)
        dialog.finished.connect(lambda _r: setattr(self, "report", None))
        self.report = dialog
        dialog.open()
        return dialog


class ResultsView(FollowsLanguage, QWidget):
    """A view of the results panel (a tab): its content 4 pixels from the edges
    (``content``), in a scroll area when ``scrolls``; ``load(generation)`` fills it."""

    def __init__(self, panel: ResultsPanel, name: str, *, scrolls: bool = False):
        super().__init__()
        self.setObjectName(name)
        self.panel = panel
        inner = self
        if scrolls:
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
            # at the largest text size on a small screen it scrolls rather than squeezing
            # its rows over each other; the keys stay with this widget
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.NoFrame)
            scroll.setFocusPolicy(Qt.NoFocus)
            inner = QWidget()
            scroll.setWidget(inner)
            outer.addWidget(scroll)
        self.content = QVBoxLayout(inner)
        self.content.setContentsMargins(4, 4, 4, 4)


class QuestionTab(ResultsView):
    """One question: its figures (grouped by another question if asked) and its chart."""

    def __init__(self, panel: ResultsPanel):
        super().__init__(panel, "questionTab")
        layout = self.content
        row = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("questionTitle")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setWordWrap(True)
        row.addWidget(self.title, 1)
        self.by_label = QLabel()
        self.by_combo = narrow_combo(8, changed=lambda _i: panel.refresh_later())
        self.by_label.setBuddy(self.by_combo)
        row.addWidget(self.by_label)
        row.addWidget(self.by_combo)
        self.bands_button = push_button(self.ask_bands, name="bandsButton", into=row)
        self.bands_button.hide()
        self.by_combo.currentIndexChanged.connect(self._by_changed)
        layout.addLayout(row)
        self.base = WrappedLabel()  # as high as its lines: the table gives way, never it
        self.base.setObjectName("questionBase")
        layout.addWidget(self.base)
        split = QSplitter(Qt.Horizontal)
        self.table = make_table(["", ""])
        self.table.setObjectName("questionTable")
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.bars = BarDelegate(self.table)
        split.addWidget(self.table)
        self.chart = ChartLabel()
        self.chart.setObjectName("questionChart")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        # the figures above, their comparison with the neighbourhood's below (reference.py)
        self.figures = QSplitter(Qt.Vertical)
        self.figures.setChildrenCollapsible(False)
        self.figures.addWidget(split)
        self.reference = ReferenceBox(panel)
        self.figures.addWidget(self.reference)
        self.figures.setStretchFactor(0, 3)
        self.figures.setStretchFactor(1, 2)
        layout.addWidget(self.figures, 1)
        self.verbatims = QListWidget()
        self.verbatims.setObjectName("questionVerbatims")
        self.verbatims.setWordWrap(True)
        self.verbatims.hide()
        layout.addWidget(self.verbatims, 1)
        self.by_combo.addItem("", None)
        self.retranslate()

    def retranslate(self) -> None:
        self.by_label.setText(self.tr("&Group by"))
        self.by_combo.setItemText(0, self.tr("No grouping"))
        self.by_combo.setAccessibleName(self.tr("Group the figures by the answers to"))
        self.bands_button.setText(self.tr("&Bands…"))
        self.bands_button.setToolTip(self.tr("Set where this number is cut into bands"))

    def set_questions(self, questions: dict) -> None:
        current = self.by_combo.currentData()
        self.by_combo.blockSignals(True)
        self.by_combo.clear()
        self.by_combo.addItem(self.tr("No grouping"), None)
        group_items(self.by_combo, questions)
        self.by_combo.setCurrentIndex(max(0, self.by_combo.findData(current)))
        self.by_combo.blockSignals(False)
        self._by_changed()

    def _by_question(self):
        return self.panel.questions.get(self.by_combo.currentData())

    def _by_changed(self, *_args) -> None:
        q = self._by_question()
        self.bands_button.setVisible(q is not None and q.kind == "number")

    def ask_bands(self) -> None:
        """Set the edges of the grouping number's bands (kept for the campaign)."""
        q, form_id = self._by_question(), self.panel.form_id
        if q is None or form_id is None:
            return
        ask_bands(
            self.panel, form_id, q.name, q.label or q.name, self.panel.refresh_current,
            self.panel._failed,
        )  # fmt: skip

    def set_group_by(self, name: str | None) -> None:
        self.by_combo.setCurrentIndex(max(0, self.by_combo.findData(name)))

    def load(self, generation: int) -> None:
        panel = self.panel
        name = panel.current_question()
        if name is None:
            return
        selection, language = panel.selection(), panel.language()
        by = self.by_combo.currentData()
        if by == name:
            by = None
        DbOp(panel, lambda ws: load_question(ws, selection, name, by, language)).success(
            lambda view: self._loaded(view, generation)
        ).failure(panel.failed(generation)).run()

    def _loaded(self, view: QuestionView, generation: int) -> None:
        panel = self.panel
        if not panel.is_current(generation):
            return
        panel.view = view
        panel.show_count(view.interviews)
        q = view.result
        self.title.setText(q.label or q.name)
        unit = self.tr("members") if q.unit == "member" else self.tr("interviews")
        base = self.tr(
            "Asked: {0} {4} · answered: {1} · no answer: {2} · percentages of the {3} who answered"
        ).format(q.asked, q.answered, q.non_responses, q.base, unit)
        if panel.compact:  # the filters folded: short, its whole sentence in a tooltip
            self.base.setToolTip(base)
            base = self.tr("Answered: {0} of {1} · no answer: {2} · % of the {3}").format(
                q.answered, q.asked, q.non_responses, q.base
            )
        if q.small_base:
            base += " · " + self.tr("few answers (under 30): read the percentages with care")
        self.verbatims.hide()
        self.verbatims.clear()  # a hidden list keeps no answers (the question may be personal now)
        self.table.show()
        if q.personal:
            base = self.tr(
                "Personal field: asked {0}, answered {1}. Its answers are never shown."
            ).format(q.asked, q.answered)
            set_headers(self.table, [""])
            fill_table(self.table, [])
        elif q.choices:
            self._choices(view)
        elif q.number is not None:
            self._numbers(view)
        elif q.dates:
            self._dates(view)
        else:
            set_headers(self.table, [""])
            fill_table(self.table, [])
            self.table.hide()
            self._verbatims(view)
        self.base.setText(base)
        # a choice question's bars are in its table; numbers and dates get the core's chart
        chart = view.chart if not q.choices else b""
        self.chart.set_png(chart)
        self.chart.parentWidget().parentWidget().setVisible(bool(chart))
        self.reference.show_comparison(view.reference, q)
        panel.loaded.emit()

    def _choices(self, view: QuestionView) -> None:
        q = view.result
        headers = [self.tr("Answer"), self.tr("Count"), self.tr("%")]
        rows = [[c.label, c.count, pct(c.percent)] for c in q.choices]
        rows.append([self.tr("No answer"), q.non_responses, ""])
        if view.groups:
            for code, g in view.groups.items():
                # two lines: six age bands fit beside the answers at 1024 pixels
                headers.append(f"{view.group_labels.get(code, code)} (%)\nn={g.base}")
                percents = {c.code: c.percent for c in g.choices}
                for row, c in zip(rows, q.choices, strict=False):
                    row.append(pct(percents.get(c.code)))
                rows[-1].append(str(g.non_responses))
        if not view.groups:
            headers.append("")
            for row, c in zip(rows, q.choices, strict=False):
                row.append(c.percent)
            rows[-1].append(None)
        set_headers(self.table, headers)
        fill_table(self.table, rows)
        if not view.groups:
            set_bars(self.table, len(headers) - 1, [c.percent for c in q.choices] + [None])
        self._size_columns(bars=not view.groups, grouped=bool(view.groups))

    def _size_columns(self, *, bars: bool = False, grouped: bool = False) -> None:
        align_numbers(self.table)
        header = self.table.horizontalHeader()
        count = self.table.columnCount()
        for column in range(count):
            self.table.setItemDelegateForColumn(column, None)
            mode = QHeaderView.Stretch if column == 0 else QHeaderView.ResizeToContents
            header.setSectionResizeMode(column, mode)
        if grouped:  # the groups' columns would squeeze the answers to a few letters
            header.setSectionResizeMode(0, QHeaderView.Interactive)
            header.resizeSection(0, max(160, self.table.viewport().width() // 3))
        if bars and count > 1:
            self.table.setItemDelegateForColumn(count - 1, self.bars)
            header.setSectionResizeMode(count - 1, QHeaderView.Fixed)
            header.resizeSection(count - 1, 120)

    def _numbers(self, view: QuestionView) -> None:
        names = [
            (self.tr("Answers (n)"), "n"),
            (self.tr("Mean"), "mean"),
            (self.tr("Median"), "median"),
            (self.tr("First quartile"), "q1"),
            (self.tr("Third quartile"), "q3"),
            (self.tr("Minimum"), "min"),
            (self.tr("Maximum"), "max"),
        ]
        stats = [view.result.number] + [g.number for g in view.groups.values()]
        headers = [self.tr("Figure"), self.tr("All")]
        headers += [view.group_labels.get(c, c) for c in view.groups]
        rows = []
        for label, attr in names:
            rows.append([label] + [num(getattr(s, attr)) if s else "–" for s in stats])
        set_headers(self.table, headers)
        fill_table(self.table, rows)
        self._size_columns()

    def _dates(self, view: QuestionView) -> None:
        """First, last, answers and the count per month, for all and for each group."""
        results = [view.result, *view.groups.values()]
        months = sorted({k for r in results for k in (r.dates or {}) if len(k) == 7})
        rows = [
            [self.tr("First")] + [r.date_min or "–" for r in results],
            [self.tr("Last")] + [r.date_max or "–" for r in results],
            [self.tr("Answers (n)")] + [r.answered for r in results],
        ]
        rows += [[m] + [(r.dates or {}).get(m, 0) for r in results] for m in months]
        headers = [self.tr("Month"), self.tr("Count") if not view.groups else self.tr("All")]
        headers += [view.group_labels.get(c, c) for c in view.groups]
        set_headers(self.table, headers)
        fill_table(self.table, rows)
        self._size_columns()

    def _verbatims(self, view: QuestionView) -> None:
        """The answers, one a line; grouped: under each group's name, as many times as the
        answer is in groups (a household with members in two age bands is in both)."""
        self.verbatims.clear()
        if not view.groups:
            for _key, text in view.result.verbatims:
                self.verbatims.addItem(text)
        for code, g in view.groups.items():
            label = view.group_labels.get(code, code)
            count = self.tr("%n answer(s)", "", len(g.verbatims))
            heading = QListWidgetItem(f"{label} · {count}")
            font = QFont(self.verbatims.font())
            font.setBold(True)
            heading.setFont(font)
            heading.setFlags(Qt.ItemIsEnabled)
            self.verbatims.addItem(heading)
            for _key, text in g.verbatims:
                self.verbatims.addItem("    " + text)
        self.verbatims.show()


class CrosstabTab(ResultsView):
    """Two questions crossed: counts, row % or column %, totals, the small-number warning."""

    MODES = ("counts", "row", "column")

    def __init__(self, panel: ResultsPanel):
        super().__init__(panel, "crosstabTab", scrolls=True)
        self.crosstab = None
        layout = self.content
        grid = QGridLayout()
        self.rows_label, self.columns_label, self.mode_label = QLabel(), QLabel(), QLabel()
        self.rows_combo = narrow_combo(8, changed=lambda _i: panel.refresh_later())
        self.columns_combo = narrow_combo(8, changed=lambda _i: panel.refresh_later())
        self.mode_combo = narrow_combo(8, changed=lambda _i: self._show())
        for i, (label, combo) in enumerate(
            (
                (self.rows_label, self.rows_combo),
                (self.columns_label, self.columns_combo),
                (self.mode_label, self.mode_combo),
            )
        ):
            label.setBuddy(combo)
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(combo, i // 2, (i % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for _mode in self.MODES:
            self.mode_combo.addItem("")
        layout.addLayout(grid)
        self.warning = make_label(role="error", name="crosstabWarning")
        self.warning.hide()
        layout.addWidget(self.warning)
        self.table = make_table([""])
        self.table.setObjectName("crosstabTable")
        layout.addWidget(self.table, 1)
        self.note = make_label(into=layout)
        self.retranslate()

    def retranslate(self) -> None:
        self.rows_label.setText(self.tr("&Rows"))
        self.columns_label.setText(self.tr("&Columns"))
        self.mode_label.setText(self.tr("&Show"))
        for i, text in enumerate(
            (self.tr("Counts"), self.tr("Row percentages"), self.tr("Column percentages"))
        ):
            self.mode_combo.setItemText(i, text)
        self.note.setText(
            self.tr(
                "Counted: those who answered both questions. Someone who ticked several "
                "choices counts in each of their cells, so totals are counted, not added up."
            )
        )
        self._show()

    def set_questions(self, questions: dict) -> None:
        for i, combo in enumerate((self.rows_combo, self.columns_combo)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            group_items(combo, questions)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else min(i, combo.count() - 1))
            combo.blockSignals(False)

    def set_pair(self, rows: str, columns: str, mode: str = "counts") -> None:
        self.rows_combo.setCurrentIndex(self.rows_combo.findData(rows))
        self.columns_combo.setCurrentIndex(self.columns_combo.findData(columns))
        self.mode_combo.setCurrentIndex(self.MODES.index(mode))

    def load(self, generation: int) -> None:
        panel = self.panel
        a, b = self.rows_combo.currentData(), self.columns_combo.currentData()
        if not a or not b:
            return
        selection, language = panel.selection(), panel.language()

        def work(ws):
            return ws.results(selection, questions=[a], language=language).interviews, ws.crosstab(
                a, b, selection, language=language
            )

        DbOp(panel, work).success(lambda r: self._loaded(r, generation)).failure(
            panel.failed(generation)
        ).run()

    def _loaded(self, result, generation: int) -> None:
        if not self.panel.is_current(generation):
            return
        interviews, self.crosstab = result
        self.panel.show_count(interviews)
        self._show()
        self.panel.loaded.emit()

    def _show(self) -> None:
        ct = self.crosstab
        if ct is None:
            return
        mode = self.MODES[max(0, self.mode_combo.currentIndex())]
        headers = [ct.row_label] + [label for _c, label in ct.columns] + [self.tr("Total")]
        rows = []
        for r, r_label in ct.rows:
            line = [r_label]
            for c, _l in ct.columns:
                n = ct.counts.get(r, {}).get(c, 0)
                if mode == "row":
                    line.append(pct(ct.row_percent(r, c)))
                elif mode == "column":
                    line.append(pct(ct.column_percent(r, c)))
                else:
                    line.append(n)
            line.append(ct.row_totals.get(r, 0) if mode != "row" else pct(100.0))
            rows.append(line)
        total = [self.tr("Total")]
        for c, _l in ct.columns:
            total.append(ct.column_totals.get(c, 0) if mode != "column" else pct(100.0))
        total.append(ct.total)
        rows.append(total)
        set_headers(self.table, headers)
        fill_table(self.table, rows)
        align_numbers(self.table)
        self.warning.setText(
            self.tr(
                "Small numbers: a row or a column has fewer than 30 answers. Its "
                "percentages can change a lot with a few answers more or less."
            )
        )
        self.warning.setVisible(ct.small_base)


class RankingTab(ResultsView):
    """A choice question as a ranking (most frequent first), optionally for each group."""

    def __init__(self, panel: ResultsPanel):
        super().__init__(panel, "rankingTab", scrolls=True)
        layout = self.content
        row = QGridLayout()
        self.question_label, self.by_label = QLabel(), QLabel()
        self.question_combo, self.by_combo = narrow_combo(8), narrow_combo(8)
        for i, (label, combo) in enumerate(
            ((self.question_label, self.question_combo), (self.by_label, self.by_combo))
        ):
            label.setBuddy(combo)
            row.addWidget(label, i, 0)
            row.addWidget(combo, i, 1)
            combo.currentIndexChanged.connect(lambda _i: panel.refresh_later())
        row.setColumnStretch(1, 1)
        layout.addLayout(row)
        self.base = make_label(into=layout)
        self.table = make_table([""])
        self.table.setObjectName("rankingTable")
        self.bars = BarDelegate(self.table)
        layout.addWidget(self.table, 1)
        self.by_combo.addItem("", None)
        self.retranslate()

    def retranslate(self) -> None:
        self.question_label.setText(self.tr("&Needs question"))
        self.by_label.setText(self.tr("&Split by"))
        self.by_combo.setItemText(0, self.tr("No split"))

    def set_questions(self, questions: dict) -> None:
        choices = {n: q for n, q in questions.items() if q.kind in CHOICE_KINDS and not q.personal}
        for combo, first in ((self.question_combo, False), (self.by_combo, True)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if first:
                combo.addItem(self.tr("No split"), None)
                group_items(combo, questions)  # a split: choices, and numbers in bands
            else:
                for name, q in choices.items():
                    combo.addItem(q.label or name, name)
            index = combo.findData(current)
            if index < 0 and not first:
                index = max(0, combo.findData("needs_unmet"))
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def load(self, generation: int) -> None:
        panel = self.panel
        name, by = self.question_combo.currentData(), self.by_combo.currentData()
        if not name:
            return
        by = None if by == name else by
        selection, language = panel.selection(), panel.language()

        def work(ws):
            ranking = ws.ranking(name, selection, by=by, language=language)
            interviews = ws.results(selection, questions=[name], language=language).interviews
            return ranking, interviews

        DbOp(panel, work).success(lambda r: self._loaded(*r, generation)).failure(
            panel.failed(generation)
        ).run()

    def _loaded(self, ranking, interviews: int, generation: int) -> None:
        if not self.panel.is_current(generation):
            return
        self.panel.show_count(interviews)
        headers = [self.tr("Rank"), self.tr("Need"), self.tr("Count"), self.tr("%")]
        rows = [
            [rank, i.label, i.count, pct(i.percent)]
            for rank, i in enumerate(ranking.items, start=1)
        ]
        for _code, (label, base, items) in ranking.groups.items():
            headers.append(f"{label} (%) · n={base}")
            percents = {i.code: i.percent for i in items}
            for row, i in zip(rows, ranking.items, strict=True):
                row.append(pct(percents.get(i.code)))
        if not ranking.groups:
            headers.append("")
            for row, i in zip(rows, ranking.items, strict=True):
                row.append(i.percent)
        set_headers(self.table, headers)
        fill_table(self.table, rows)
        align_numbers(self.table, 2)
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            self.table.setItemDelegateForColumn(column, None)
            mode = QHeaderView.Stretch if column == 1 else QHeaderView.ResizeToContents
            header.setSectionResizeMode(column, mode)
        if not ranking.groups:
            set_bars(self.table, len(headers) - 1, [i.percent for i in ranking.items])
            self.table.setItemDelegateForColumn(len(headers) - 1, self.bars)
            header.setSectionResizeMode(len(headers) - 1, QHeaderView.Fixed)
            header.resizeSection(len(headers) - 1, 120)
        self.base.setText(
            self.tr("Percentages of the {0} who answered; several answers possible.").format(
                ranking.base
            )
        )
        self.panel.loaded.emit()


@dataclass
class CodingData:
    form_id: str
    question: str
    verbatims: list  # [(key, text)]
    themes: list  # [Theme]
    tags: dict  # key -> [theme ids]
    counts: dict  # theme id -> count
    quotes: set  # keys picked


def load_coding(ws, selection, name: str, language) -> CodingData:
    result = ws.results(selection, questions=[name], language=language)
    q = result.questions[name]
    form_id = result.form_id
    counts = {t.id: n for t, n in ws.theme_counts(name, selection)}
    return CodingData(
        form_id,
        name,
        list(q.verbatims),
        ws.themes(form_id, name),
        ws.verbatim_tags(form_id, name),
        counts,
        {key for _q, key in ws.quotes(form_id, name)},
    )


class CodingTab(ResultsView):
    """Open answers coded, keyboard-fast: one verbatim at a time; keys 1–9 tag it with a
    theme (again: untag), arrows move, Q picks it as a quote for the report."""

    def __init__(self, panel: ResultsPanel):
        super().__init__(panel, "codingTab", scrolls=True)
        self.data: CodingData | None = None
        self.index = 0
        self.setFocusPolicy(Qt.StrongFocus)
        layout = self.content
        top = QHBoxLayout()
        self.title = QLabel()
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        top.addWidget(self.title, 1)
        self.position = QLabel()
        self.position.setObjectName("codingPosition")
        top.addWidget(self.position)
        layout.addLayout(top)
        self.moves = FlowLayout()
        self.verbatim = make_label(name="codingVerbatim")
        self.verbatim.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.verbatim.setFrameShape(QLabel.StyledPanel)
        self.verbatim.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.verbatim.setMargin(8)
        font = self.verbatim.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.verbatim.setFont(font)
        layout.addWidget(self.verbatim, 1)
        moves = self.moves
        self.previous_button, self.next_button = QPushButton(), QPushButton()
        self.quote_button = QPushButton()
        self.quote_button.setObjectName("quoteButton")
        self.quote_button.setCheckable(True)
        self.previous_button.clicked.connect(lambda: self.move(-1))
        self.next_button.clicked.connect(lambda: self.move(1))
        self.quote_button.clicked.connect(self.toggle_quote)
        for button in (self.previous_button, self.next_button, self.quote_button):
            button.setFocusPolicy(Qt.NoFocus)
        moves.addWidget(self.previous_button)
        moves.addWidget(self.next_button)
        moves.addWidget(self.quote_button)
        layout.addLayout(moves)
        self.themes_title = make_label(into=layout)
        self.themes = QListWidget()
        self.themes.setObjectName("codingThemes")
        self.themes.setFocusPolicy(Qt.NoFocus)
        self.themes.setSelectionMode(QAbstractItemView.NoSelection)
        self.themes.itemClicked.connect(lambda item: self.toggle_theme(self.themes.row(item) + 1))
        # the verbatim and the themes take the room there is, down to a few lines each
        lines = self.themes.fontMetrics().lineSpacing()
        self.themes.setMinimumHeight(lines * 3 + 10)
        self.themes.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Ignored)
        self.verbatim.setMinimumHeight(self.verbatim.fontMetrics().lineSpacing() * 2 + 20)
        self.verbatim.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Ignored)
        layout.addWidget(self.themes, 1)
        add = QHBoxLayout()
        self.new_theme = QLineEdit()
        self.new_theme.setObjectName("newTheme")
        self.new_theme.returnPressed.connect(self.add_theme)
        self.add_button = push_button(self.add_theme)
        add.addWidget(self.new_theme, 1)
        add.addWidget(self.add_button)
        layout.addLayout(add)
        self.help = make_label(role="hint", into=layout)
        self.retranslate()

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("← Previous"))
        self.next_button.setText(self.tr("Next →"))
        self.quote_button.setText(self.tr("&Quote in the report"))
        self.themes_title.setText(self.tr("Themes (key: tag or untag · count in the selection)"))
        self.new_theme.setPlaceholderText(self.tr("New theme, e.g. “Noise”"))
        self.new_theme.setAccessibleName(self.tr("Name of a new theme"))
        self.add_button.setText(self.tr("A&dd the theme"))
        self.help.setText(
            self.tr(
                "Keys 1 to 9 tag the answer with a theme, the arrows move to the previous "
                "or next answer, Q quotes it in the report."
            )
        )
        self._show()

    def load(self, generation: int) -> None:
        panel = self.panel
        name = panel.current_question()
        q = panel.questions.get(name)
        if q is None or q.kind != "text" or q.personal:
            self.data = None
            self._show()
            panel.loaded.emit()
            return
        selection, language = panel.selection(), panel.language()
        DbOp(panel, lambda ws: load_coding(ws, selection, name, language)).success(
            lambda data: self._loaded(data, generation)
        ).failure(panel.failed(generation)).run()

    def _loaded(self, data: CodingData, generation: int) -> None:
        if not self.panel.is_current(generation):
            return
        same = self.data is not None and self.data.question == data.question
        key = self.current_key() if same else None
        self.data = data
        keys = [k for k, _t in data.verbatims]
        self.index = keys.index(key) if key in keys else 0
        self.panel.show_error("")
        self._show()
        self.panel.loaded.emit()

    def current_key(self) -> str | None:
        if self.data is None or not self.data.verbatims:
            return None
        return self.data.verbatims[self.index][0]

    def _show(self) -> None:
        data = self.data
        enabled = data is not None
        for widget in (self.previous_button, self.next_button, self.quote_button):
            widget.setEnabled(bool(enabled and data.verbatims))
        self.new_theme.setEnabled(enabled)
        self.add_button.setEnabled(enabled)
        self.themes.clear()
        if data is None:
            self.title.setText(self.tr("Choose a text question on the left to code its answers."))
            self.position.setText("")
            self.verbatim.setText("")
            return
        q = self.panel.questions.get(data.question)
        self.title.setText(q.label if q is not None else data.question)
        self.title.setToolTip(self.title.text())
        key = self.current_key()
        if key is None:
            self.position.setText("")
            self.verbatim.setText(self.tr("No answer to this question in the selection."))
        else:
            self.position.setText(
                self.tr("Answer {0} of {1}").format(self.index + 1, len(data.verbatims))
            )
            self.verbatim.setText(data.verbatims[self.index][1])
        tagged = set(data.tags.get(key, [])) if key else set()
        for number, theme in enumerate(data.themes, start=1):
            mark = "☑" if theme.id in tagged else "☐"
            shortcut = str(number) if number <= 9 else " "
            item = QListWidgetItem(
                f"{shortcut}  {mark}  {theme.label}  ({data.counts.get(theme.id, 0)})"
            )
            item.setData(Qt.UserRole, theme.id)
            self.themes.addItem(item)
        quoted = key in data.quotes if key else False
        self.quote_button.setChecked(quoted)

    def move(self, step: int) -> None:
        if self.data is None or not self.data.verbatims:
            return
        self.index = max(0, min(len(self.data.verbatims) - 1, self.index + step))
        self._show()

    def keyPressEvent(self, event):
        key = event.key()
        if Qt.Key_1 <= key <= Qt.Key_9:
            self.toggle_theme(key - Qt.Key_0)
        elif key in (Qt.Key_Right, Qt.Key_Down, Qt.Key_PageDown):
            self.move(1)
        elif key in (Qt.Key_Left, Qt.Key_Up, Qt.Key_PageUp):
            self.move(-1)
        elif key == Qt.Key_Q:
            self.toggle_quote()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def toggle_theme(self, number: int) -> None:
        data, key = self.data, self.current_key()
        if data is None or key is None or not 1 <= number <= len(data.themes):
            return
        theme = data.themes[number - 1]
        on = theme.id not in data.tags.get(key, [])
        # shown at once; the store's answer refreshes the counts (workspace_changed)
        ids = data.tags.setdefault(key, [])
        if on:
            ids.append(theme.id)
        else:
            ids.remove(theme.id)
        data.counts[theme.id] = data.counts.get(theme.id, 0) + (1 if on else -1)
        self._show()
        DbOp(self.panel, lambda ws: ws.tag_verbatim(key, [theme.id], on=on)).failure(
            self.panel._failed
        ).run()

    def toggle_quote(self) -> None:
        data, key = self.data, self.current_key()
        if data is None or key is None:
            return
        on = key not in data.quotes
        if on:
            data.quotes.add(key)
        else:
            data.quotes.discard(key)
        self._show()
        form_id, question = data.form_id, data.question
        DbOp(self.panel, lambda ws: ws.pick_quote(form_id, question, key, on=on)).failure(
            self.panel._failed
        ).run()

    def add_theme(self) -> None:
        label = self.new_theme.text().strip()
        if self.data is None or not label:
            return
        form_id, question = self.data.form_id, self.data.question
        self.new_theme.clear()
        DbOp(self.panel, lambda ws: ws.add_theme(form_id, question, label)).failure(
            self.panel._failed
        ).run()
        self.setFocus()
