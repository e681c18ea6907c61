"""The coordinator's overview: counts per interviewer, day, form and state, and every
interview in a table fetched page by page as it scrolls (filters applied in the database).

Superseded versions (an interview replaced by its correction, or the version not kept in
a conflict) are left out of the counts and the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace

from surveyor.interviews.record import Status
from surveyor.store.queries import OverviewFilter
from surveyor.ui.coordinator.common import fill_table
from surveyor.ui.coordinator.common import make_table
from surveyor.ui.coordinator.common import set_headers
from surveyor.ui.errors import exception_sentence
from surveyor.ui.flow import FlowLayout
from surveyor.ui.flow import WrappedLabel
from surveyor.ui.home import SummaryModel
from surveyor.ui.labels import status_text
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QDate
from surveyor.ui.qt import QDateEdit
from surveyor.ui.qt import QEvent
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QHeaderView
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import QModelIndex
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTimer
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal
from surveyor.ui.widgets import NO_DATE
from surveyor.ui.widgets import add_labelled
from surveyor.ui.widgets import ask_before
from surveyor.ui.widgets import day_filter
from surveyor.ui.widgets import interview_table
from surveyor.ui.widgets import narrow_combo
from surveyor.ui.widgets import push_button
from surveyor.ui.widgets import search_field
from surveyor.ui.widgets import set_column_widths
from surveyor.ui.widgets import set_texts

PAGE = 200
STATES = (Status.FINALIZED, Status.SENT, Status.HANDED_IN, Status.FAILED, Status.DRAFT)


@dataclass
class OverviewData:
    """What one refresh brings back from the database thread."""

    total: int  # shown (superseded left out)
    raw_total: int  # rows of the query (for paging)
    by_interviewer: dict[str, int] = field(default_factory=dict)
    by_day: dict[str, int] = field(default_factory=dict)
    by_form_and_status: dict[str, dict[str, int]] = field(default_factory=dict)
    superseded: set[str] = field(default_factory=set)
    forms: dict[str, str] = field(default_factory=dict)  # form_id -> title
    interviewers: list[str] = field(default_factory=list)


def _matches_search(summary, search: str | None) -> bool:
    if not search:
        return True
    needle = search.lower()
    return any(
        needle in (text or "").lower()
        for text in (summary.instance_name, summary.instance_id, summary.interviewer)
    )


def load_overview(ws, flt) -> OverviewData:
    """Counts of ``flt`` without the superseded versions (runs on the database thread)."""
    service = ws.overview
    counts = service.overview(flt)
    data = OverviewData(
        total=counts.total,
        raw_total=counts.total,
        by_interviewer=dict(counts.by_interviewer),
        by_day=dict(counts.by_day),
        by_form_and_status={k: dict(v) for k, v in counts.by_form_and_status.items()},
        superseded=set(ws.superseded()),
    )
    for instance_id in data.superseded:
        for summary in service.list(replace(flt, search=instance_id), limit=5):
            if summary.instance_id != instance_id or not _matches_search(summary, flt.search):
                continue
            data.total -= 1
            who, day = service.who_and_day([instance_id]).get(instance_id, ("", ""))
            _decrement(data.by_interviewer, who)
            _decrement(data.by_day, day)
            per_form = data.by_form_and_status.get(summary.form_id, {})
            _decrement(per_form, str(summary.status))
            if not per_form:
                data.by_form_and_status.pop(summary.form_id, None)
    for stored in ws.list_forms():
        data.forms.setdefault(stored.form_id, stored.title or stored.form_id)
        if stored.title:
            data.forms[stored.form_id] = stored.title
    data.interviewers = sorted(service.counts_by_interviewer(None))
    return data


def _decrement(counts: dict, key) -> None:
    if key in counts:
        counts[key] -= 1
        if counts[key] <= 0:
            del counts[key]


def day_text(day: str) -> str:
    date = QDate.fromString(day, "yyyy-MM-dd")
    return QLocale().toString(date, QLocale.ShortFormat) if date.isValid() else day


class OverviewModel(SummaryModel):
    """Interview summaries of the current filter, a page at a time (``fetchMore``)."""

    page_loaded = Signal()

    def __init__(self, panel, parent=None):
        super().__init__(parent)
        self.panel = panel
        self.days: dict[str, str] = {}  # instanceID -> its day, as "By day" counts it
        self.superseded: set[str] = set()
        self.flt = None
        self.raw_total = 0
        self.offset = 0  # rows of the query fetched (superseded included)
        self.loading = False
        self.generation = 0

    def reset(self, flt, raw_total: int, superseded: set[str]) -> None:
        self.beginResetModel()
        self.generation += 1
        self.rows = []
        self.days = {}
        self.flt, self.raw_total, self.superseded = flt, raw_total, superseded
        self.offset = 0
        self.loading = False
        self.endResetModel()
        if self.canFetchMore():
            self.fetchMore()

    def canFetchMore(self, parent=QModelIndex()):  # noqa: B008
        return (
            not parent.isValid()
            and self.flt is not None
            and not self.loading
            and self.offset < self.raw_total
        )

    def fetchMore(self, parent=QModelIndex()):  # noqa: B008
        if not self.canFetchMore(parent):
            return
        flt, offset = self.flt, self.offset
        generation = self.generation
        self.loading = True
        DbOp(self.panel, lambda ws: ws.overview_rows(flt, limit=PAGE, offset=offset)).success(
            lambda rows: self._append(rows, generation)
        ).failure(lambda exc: self._failed(exc, generation)).run()

    def _failed(self, exc, generation) -> None:
        if generation == self.generation:
            self.loading = False
            self.panel.show_error(str(exc))

    def _append(self, rows: list, generation: int) -> None:
        if generation != self.generation:
            return
        self.loading = False
        self.offset += len(rows)
        if not rows:
            self.raw_total = self.offset
        shown = [summary for summary, _ in rows if summary.instance_id not in self.superseded]
        self.days.update((summary.instance_id, day) for summary, day in rows)
        if shown:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(shown) - 1)
            self.rows.extend(shown)
            self.endInsertRows()
        self.page_loaded.emit()
        # A page of superseded versions only: go on until something shows or it ends.
        if not shown and self.canFetchMore():
            self.fetchMore()

    def cells(self, row: int) -> list[str]:
        summary = self.rows[row]
        return [
            self.name(summary),
            self.form_title(summary),
            summary.interviewer or QCoreApplication.translate("OverviewPanel", "(no name)"),
            # the day it was done, as "By day" counts it (the list is in that order)
            day_text(self.days.get(summary.instance_id, "")),
            status_text(summary.status),
        ]

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("OverviewPanel", "Interview"),
            QCoreApplication.translate("OverviewPanel", "Form"),
            QCoreApplication.translate("OverviewPanel", "Interviewer"),
            QCoreApplication.translate("OverviewPanel", "Date"),
            QCoreApplication.translate("OverviewPanel", "State"),
        ]


class OverviewPanel(FollowsLanguage, QWidget):
    """Filters, the counts, and the table of interviews."""

    open_requested = Signal(str)  # instanceID
    loaded = Signal()

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.setObjectName("overviewPanel")
        self.page = page
        self.data: OverviewData | None = None
        self._generation = 0
        self._filling = False

        layout = QVBoxLayout(self)
        filters = FlowLayout()  # the filters wrap on a narrow screen or a large text size
        # Long titles and names are elided, not widening the page past the screen.
        self.form_combo = narrow_combo(changed=self.refresh_later)
        self.interviewer_combo = narrow_combo(changed=self.refresh_later)
        self.state_combo = narrow_combo(changed=self.refresh_later)
        self.from_edit = day_filter(self.refresh_later)
        self.to_edit = day_filter(self.refresh_later)
        self.search = search_field(self.refresh_later)
        self.clear_button = push_button(self.clear_filters)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 22)
        widgets = [
            self.form_combo,
            self.interviewer_combo,
            self.state_combo,
            self.from_edit,
            self.to_edit,
            self.search,
        ]
        self.labels = add_labelled(filters, widgets)
        clear = QWidget()
        clear_box = QVBoxLayout(clear)
        clear_box.setContentsMargins(0, 0, 0, 0)
        clear_box.addStretch(1)
        clear_box.addWidget(self.clear_button)
        filters.addWidget(clear)
        layout.addLayout(filters)

        counts = QHBoxLayout()
        self.by_interviewer = make_table(["", ""])
        self.by_day = make_table(["", ""])
        self.by_form = make_table(["", "", ""])
        self.count_titles = [WrappedLabel() for _ in range(3)]
        for title, table in zip(
            self.count_titles, (self.by_interviewer, self.by_day, self.by_form), strict=True
        ):
            box = QVBoxLayout()
            title.setProperty("role", "section")
            box.addWidget(title)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
            box.addWidget(table)
            counts.addLayout(box, 1)
        layout.addLayout(counts)

        top = QHBoxLayout()
        self.total_label = QLabel()
        self.total_label.setObjectName("overviewTotal")
        self.total_label.setProperty("role", "section")
        top.addWidget(self.total_label, 1)
        self.open_button = push_button(self.open_current, into=top)
        self.erase_button = push_button(self.ask_erase, name="eraseButton", into=top)
        self.erase_box: QMessageBox | None = None
        layout.addLayout(top)
        self.model = OverviewModel(self, self)
        self.table = interview_table(self.model, "overviewTable")
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.hide()
        layout.addWidget(self.error)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        self.retranslate()
        self._size_counts()

    def changeEvent(self, event):  # FollowsLanguage retranslates on a language change
        if event.type() in (QEvent.FontChange, QEvent.ApplicationFontChange):
            self._size_counts()
            self._size_columns()
        super().changeEvent(event)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._size_columns()
        self._size_counts()

    def _size_counts(self) -> None:
        """The count tables show a few rows (they scroll): the list of interviews keeps the
        room on a 600-pixel-high screen."""
        rows = 4 if self.height() >= 560 else 3
        for table in (self.by_interviewer, self.by_day, self.by_form):
            row = table.verticalHeader().defaultSectionSize()
            header = table.horizontalHeader().sizeHint().height()
            table.setMaximumHeight(header + row * rows + 2 * table.frameWidth())

    def retranslate(self) -> None:
        texts = [
            self.tr("&Form"),
            self.tr("&Interviewer"),
            self.tr("S&tate"),
            self.tr("Fro&m"),
            self.tr("&To"),
            self.tr("Searc&h"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.form_combo.setAccessibleName(self.tr("Form"))
        self.interviewer_combo.setAccessibleName(self.tr("Interviewer"))
        self.state_combo.setAccessibleName(self.tr("State"))
        self.from_edit.setAccessibleName(self.tr("From this day"))
        self.to_edit.setAccessibleName(self.tr("To this day"))
        for edit in (self.from_edit, self.to_edit):
            edit.setSpecialValueText(self.tr("any day"))
        self.search.setPlaceholderText(self.tr("Name, address, interviewer…"))
        self.search.setAccessibleName(self.tr("Search the interviews"))
        self.clear_button.setText(self.tr("&Clear the filters"))
        set_texts(
            self.open_button,
            self.tr("&Open (read only)"),
            self.tr("Open the selected interview, read only"),
        )
        self.erase_button.setText(self.tr("&Erase…"))
        self.erase_button.setAccessibleName(
            self.tr("Erase the selected interview for good (a resident's request)")
        )
        self.table.setAccessibleName(self.tr("Every interview"))
        self.count_titles[0].setText(self.tr("By interviewer"))
        self.count_titles[1].setText(self.tr("By day"))
        self.count_titles[2].setText(self.tr("By form and state"))
        set_headers(self.by_interviewer, [self.tr("Interviewer"), self.tr("Interviews")])
        set_headers(self.by_day, [self.tr("Day"), self.tr("Interviews")])
        set_headers(self.by_form, [self.tr("Form"), self.tr("State"), self.tr("Interviews")])
        self.by_interviewer.setAccessibleName(self.tr("Interviews by interviewer"))
        self.by_day.setAccessibleName(self.tr("Interviews by day"))
        self.by_form.setAccessibleName(self.tr("Interviews by form and state"))
        self._fill_combos()
        self._show_data()
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, OverviewModel.COLUMNS - 1)

    # --- filters --------------------------------------------------------------------

    def _fill_combos(self) -> None:
        data = self.data
        self._filling = True
        form = self.form_combo.currentData()
        who = self.interviewer_combo.currentData()
        state = self.state_combo.currentData()
        self.form_combo.clear()
        self.form_combo.addItem(self.tr("Every form"), None)
        for form_id, title in sorted((data.forms if data else {}).items(), key=lambda x: x[1]):
            self.form_combo.addItem(title, form_id)
        self.interviewer_combo.clear()
        self.interviewer_combo.addItem(self.tr("Everyone"), None)
        for name in data.interviewers if data else []:
            self.interviewer_combo.addItem(name or self.tr("(no name)"), name)
        self.state_combo.clear()
        self.state_combo.addItem(self.tr("Every state"), None)
        for status in STATES:
            self.state_combo.addItem(status_text(status), str(status))
        for combo, value in (
            (self.form_combo, form),
            (self.interviewer_combo, who),
            (self.state_combo, state),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self._filling = False

    def current_filter(self):
        def day(edit: QDateEdit) -> str | None:
            return None if edit.date() == NO_DATE else edit.date().toString("yyyy-MM-dd")

        return OverviewFilter(
            form_id=self.form_combo.currentData(),
            interviewer=self.interviewer_combo.currentData(),
            status=self.state_combo.currentData(),
            date_from=day(self.from_edit),
            date_to=day(self.to_edit),
            search=self.search.text().strip() or None,
        )

    def clear_filters(self) -> None:
        self._filling = True
        for combo in (self.form_combo, self.interviewer_combo, self.state_combo):
            combo.setCurrentIndex(0)
        self.from_edit.setDate(NO_DATE)
        self.to_edit.setDate(NO_DATE)
        self.search.clear()
        self._filling = False
        self.refresh()

    def refresh_later(self, *_args) -> None:
        if not self._filling:
            self._timer.start()

    # --- loading --------------------------------------------------------------------

    def refresh(self) -> None:
        if self.page.workspace is None:
            return
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        flt = self.current_filter()
        DbOp(self, lambda ws: load_overview(ws, flt)).success(
            lambda data: self._loaded(data, flt, generation)
        ).failure(lambda exc: self.show_error(str(exc))).run()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _loaded(self, data: OverviewData, flt, generation: int) -> None:
        if generation != self._generation:
            return
        self.show_error("")
        self.data = data
        self.model.form_titles = data.forms
        self._fill_combos()
        self._show_data()
        self.model.reset(flt, data.raw_total, data.superseded)
        self._size_columns()
        self.loaded.emit()

    def _show_data(self) -> None:
        data = self.data
        if data is None:
            self.total_label.setText("")
            return
        self.total_label.setText(self.tr("%n interview(s)", None, data.total))
        fill_table(
            self.by_interviewer,
            [
                [name or self.tr("(no name)"), n]
                for name, n in sorted(data.by_interviewer.items(), key=lambda x: (-x[1], x[0]))
            ],
        )
        fill_table(self.by_day, [[day_text(d), n] for d, n in sorted(data.by_day.items())])
        rows = []
        for form_id, states in sorted(data.by_form_and_status.items()):
            for state, n in states.items():
                try:
                    label = status_text(Status(state))
                except ValueError:
                    label = state
                rows.append([data.forms.get(form_id, form_id), label, n])
        fill_table(self.by_form, rows)

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        widths = {
            1: min(
                max(
                    [metrics.horizontalAdvance(t) for t in self.model.form_titles.values()] + [120]
                ),
                max(140, self.table.viewport().width() // 5),  # the name matters most
            ),
            2: metrics.horizontalAdvance("Fatima Benali-Durand"),
            3: metrics.horizontalAdvance(day_text("2026-12-30")) + 24,
            4: max(metrics.horizontalAdvance(status_text(s)) for s in Status),
        }
        widths = {column: min(width, 320) + 24 for column, width in widths.items()}
        set_column_widths(self.table, widths)

    # --- opening --------------------------------------------------------------------

    def current_summary(self):
        index = self.table.currentIndex()
        return self.model.summary(index.row()) if index.isValid() else None

    def _activated(self, index) -> None:
        summary = self.model.summary(index.row())
        if summary is not None:
            self.open_requested.emit(summary.instance_id)

    def open_current(self) -> None:
        summary = self.current_summary()
        if summary is not None:
            self.open_requested.emit(summary.instance_id)

    # --- erasing (a resident's right) ------------------------------------------------

    def ask_erase(self) -> QMessageBox | None:
        """Ask before erasing the selected interview everywhere on this computer."""
        summary = self.current_summary()
        if summary is None:
            return None
        instance_id = summary.instance_id
        return ask_before(
            self,
            "erase_box",
            name="eraseConfirm",
            icon=QMessageBox.Warning,
            title=self.tr("Erase this interview?"),
            text=self.tr("Erase the interview “{0}” for good?").format(self.model.name(summary)),
            details=self.tr(
                "Every version of it, its attached files and its words in the search are "
                "erased from this computer and its backups; this cannot be undone. Only its "
                "identifier and the time are kept, so that it is never merged again. The "
                "laptops erase their copies when they next hand in to a folder where you put "
                "the list of erasures."
            ),
            yes=self.tr("Erase for good"),
            yes_role=QMessageBox.DestructiveRole,
            no=self.tr("Cancel"),
            on_yes=lambda: self.erase(instance_id),
        )

    def erase(self, instance_id: str) -> None:
        # the overview refreshes from the operation's Changes
        DbOp(self, lambda ws: ws.erase_interview(instance_id)).success(self._erased).failure(
            lambda exc: self.show_error(exception_sentence(exc))
        ).run()

    def _erased(self, done) -> None:
        """Erased here: the campaign's server (if one is set) is asked to erase it too."""
        self.show_error("")
        workspace = self.page.workspace
        if workspace is None:
            return
        url, user, password = self.page.server_account()
        if not url.strip():
            return
        ids, data_dir = list(done.value.instance_ids), workspace.data_dir

        def job():
            # on first use: the sync modules pull httpx in (~0.4 s measured)
            from surveyor.sync.passes import erase_pass

            return erase_pass(data_dir, url, user, password or None, ids)

        self.page.tasks.run_io(job, on_done=self._erased_on_server, on_error=self._erase_failed)

    def _erased_on_server(self, result) -> None:
        if isinstance(result, str):
            if result == "bad_address":
                self.show_error(
                    self.tr("Erased here; the server address in the settings is not valid.")
                )
            else:
                self.show_error(
                    self.tr(
                        "Erased here; the server was not asked (its coordinator account or "
                        "password is missing): it will be at the next sync."
                    )
                )
        elif result.unsupported:
            self.show_error(
                self.tr(
                    "Erased here; this server cannot erase interviews (it is not a Surveyor "
                    "server): erase it there by hand."
                )
            )
        elif result.queued:
            self.show_error(
                self.tr(
                    "Erased here; the server could not be reached: it will be asked to erase "
                    "it at the next sync."
                )
            )
        elif result.packages:
            self.show_error(
                self.tr(
                    "Erased here and on the server. The server's campaign package named it and "
                    "was removed: publish the campaign package again (Door list)."
                )
            )

    def _erase_failed(self, exc: BaseException) -> None:
        self.show_error(
            self.tr("Erased here; the server was not asked: {0}").format(exception_sentence(exc))
        )
