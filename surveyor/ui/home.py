"""The home screen: the forms on this laptop, and my interviews grouped by state.

The interview list is a table model over ``InterviewSummary`` rows (no widget per row), so
ten thousand interviews show at once. One workspace query (a DbOp, on the database thread)
brings every interview matching the search; the tabs split them by state and show the counts.
The list is asked again whenever an operation's Changes name interviews.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime

from surveyor.forms.loader import LOAD_STEPS
from surveyor.forms.loader import LoadStep
from surveyor.interviews.record import Status
from surveyor.ui.banner import pad as pad_banner
from surveyor.ui.flow import WrappedLabel
from surveyor.ui.formtext import broken_summary
from surveyor.ui.formtext import problems_dialog
from surveyor.ui.formtext import unsupported_dialog
from surveyor.ui.labels import group_title
from surveyor.ui.labels import replaced_text
from surveyor.ui.labels import status_text
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QAbstractTableModel
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QDateTime
from surveyor.ui.qt import QEvent
from surveyor.ui.qt import QFrame
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QHeaderView
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import QModelIndex
from surveyor.ui.qt import QProgressBar
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import QScrollArea
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTabBar
from surveyor.ui.qt import QTimer
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal
from surveyor.ui.widgets import ask_before
from surveyor.ui.widgets import hint_label
from surveyor.ui.widgets import interview_table
from surveyor.ui.widgets import page_header
from surveyor.ui.widgets import push_button
from surveyor.ui.widgets import search_field
from surveyor.ui.widgets import section_title
from surveyor.ui.widgets import set_column_widths
from surveyor.ui.widgets import set_role
from surveyor.ui.widgets import set_texts
from surveyor.ui.widgets import two_columns

# The groups of the home list, in tab order: key -> statuses shown.
GROUPS: dict[str, tuple[Status, ...]] = {
    "drafts": (Status.DRAFT,),
    "waiting": (Status.FINALIZED, Status.FAILED),
    "done": (Status.SENT, Status.HANDED_IN),
    "bin": (Status.DELETED,),
}
GROUP_OF = {status: key for key, statuses in GROUPS.items() for status in statuses}


def local_datetime(stamp: str | None) -> str:
    """A stored UTC timestamp as a short local date and time, in the app's locale."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    return QLocale().toString(QDateTime(moment.replace(tzinfo=None)), QLocale.ShortFormat)


@dataclass
class FormEntry:
    """A form on this laptop, as the home shows it."""

    path: str
    title: str = ""
    form_id: str = ""
    content_hash: str = ""
    unsupported: list = field(default_factory=list)  # of surveyor.forms.Unsupported
    error: str = ""  # the FormError message when it could not be loaded (English)
    problems: list = field(default_factory=list)  # its FormProblems, every one
    error_sentence: str = ""  # the error code's sentence when there is no problem list
    bundled: bool = False

    def file_name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def broken_text(self) -> str:
        """Why the form could not be opened, in one sentence in the app's language."""
        if self.problems:
            return broken_summary(self.file_name(), self.problems)
        return QCoreApplication.translate(
            "Home", "This form could not be opened: “{0}”: {1}"
        ).format(self.file_name(), self.error_sentence or self.error)

    def problems_dialog_maker(self):
        """Makes the dialog listing every problem (None when there are fewer than two)."""
        if len(self.problems) < 2:
            return None
        name, problems = self.file_name(), list(self.problems)
        return lambda parent: problems_dialog(name, problems, parent)


def progress_text(summary) -> str:
    """``12 / 40``: relevant questions answered out of those that take an answer."""
    if summary.answered is None or not summary.answerable:
        return ""
    return f"{summary.answered} / {summary.answerable}"


class SummaryModel(QAbstractTableModel):
    """Interview summaries, a row each, for the home page's list and the coordinator's
    overview: a subclass names the columns (``headers``) and writes a row (``cells``)."""

    COLUMNS = 5

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.form_titles: dict[str, str] = {}

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cells(self, row: int) -> list[str]:
        raise NotImplementedError

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def summary(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def name(self, summary) -> str:
        return summary.instance_name or QCoreApplication.translate(
            "Home", "Interview without a name ({0})"
        ).format(summary.instance_id.removeprefix("uuid:")[:8])

    def form_title(self, summary) -> str:
        return self.form_titles.get(summary.form_id, summary.form_id)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.cells(index.row())[index.column()]
        if role == Qt.AccessibleTextRole:
            return ", ".join(self.cells(index.row()))
        if role == Qt.UserRole:
            return self.rows[index.row()]
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers()[section]
        return None


class InterviewTableModel(SummaryModel):
    """Interview summaries: name, form, last change, state, progress."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.replaced: frozenset[str] = frozenset()  # versions replaced by a correction
        self._dates: dict[int, str] = {}

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self._dates = {}
        self.endResetModel()

    def _date(self, row: int) -> str:
        text = self._dates.get(row)
        if text is None:
            summary = self.rows[row]
            text = self._dates[row] = local_datetime(summary.updated_at)
        return text

    def state_text(self, summary) -> str:
        if summary.instance_id in self.replaced:
            return replaced_text()
        return status_text(summary.status)

    def cells(self, row: int) -> list[str]:
        summary = self.rows[row]
        return [
            self.name(summary),
            self.form_title(summary),
            self._date(row),
            self.state_text(summary),
            progress_text(summary),
        ]

    def data(self, index, role=Qt.DisplayRole):
        if index.isValid() and index.column() == 3 and role == Qt.ToolTipRole:
            summary = self.rows[index.row()]
            if summary.instance_id in self.replaced:
                return QCoreApplication.translate(
                    "Home",
                    "A corrected version replaces this one: it is kept as it was, and only the "
                    "correction is handed in.",
                )
            if summary.status == Status.FAILED and summary.last_error:
                return self.state_text(summary) + " — " + summary.last_error
        if index.isValid() and index.column() == 4 and role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return super().data(index, role)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("Home", "Interview"),
            QCoreApplication.translate("Home", "Form"),
            QCoreApplication.translate("Home", "Last change"),
            QCoreApplication.translate("Home", "State"),
            QCoreApplication.translate("Home", "Progress"),
        ]


class FormCard(QFrame):
    """One form: its title, what it lacks, and 'New interview'."""

    new_requested = Signal(object)  # FormEntry

    def __init__(self, entry: FormEntry, parent=None):
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("formCard")
        self.setFrameShape(QFrame.StyledPanel)
        layout = QVBoxLayout(self)
        self.title = WrappedLabel()
        self.title.setProperty("role", "cardTitle")
        layout.addWidget(self.title)
        self.detail = WrappedLabel()
        self.detail.setProperty("role", "hint")
        self.detail.setTextFormat(Qt.RichText)
        self.detail.linkActivated.connect(lambda _link: self.show_unsupported())
        layout.addWidget(self.detail)
        self.details_dialog = None
        self.button = push_button(lambda: self.new_requested.emit(self.entry), primary=True)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        entry = self.entry
        if entry.error:
            self.title.setText(entry.file_name())
            text = html.escape(entry.broken_text())
            if entry.problems_dialog_maker() is not None:
                details = html.escape(self.tr("Details…"))
                text += f' <a href="#details">{details}</a>'
            self.detail.setText(text)
            self.detail.setProperty("role", "error")
            self.button.hide()
        else:
            self.title.setText(entry.title or entry.form_id)
            if entry.unsupported:
                count = len(entry.unsupported)
                details = html.escape(self.tr("Details…"))
                self.detail.setText(
                    html.escape(self.tr("%n feature(s) not handled yet", "", count))
                    + f' — <a href="#details">{details}</a>'
                )
                self.detail.show()
            else:
                self.detail.hide()
        self.button.setText(self.tr("New interview"))
        self.button.setAccessibleName(self.tr("New interview: {0}").format(entry.title))

    def show_unsupported(self):
        """The list of what the form uses that Surveyor lacks (or of its problems, when it
        could not be opened), in a dialog."""
        if self.entry.error:
            maker = self.entry.problems_dialog_maker()
            self.details_dialog = maker(self) if maker is not None else None
            if self.details_dialog is not None:
                self.details_dialog.open()
            return self.details_dialog
        self.details_dialog = unsupported_dialog(
            self.entry.title or self.entry.form_id, self.entry.unsupported, self
        )
        self.details_dialog.open()
        return self.details_dialog


class HomePage(FollowsLanguage, QWidget):
    """Forms on the left, my interviews on the right."""

    new_interview = Signal(object)  # FormEntry
    open_interview = Signal(object)  # InterviewSummary
    open_form_requested = Signal()
    settings_requested = Signal()
    resume_requested = Signal(str)  # instanceID of the last draft
    hand_in_requested = Signal()  # "Hand in to a USB key or a file…"
    coordination_requested = Signal()  # the coordinator's screen
    doors_requested = Signal()  # "My doors" (door-to-door fieldwork)
    send_now_requested = Signal()  # "Send now" (to the server)
    server_settings_requested = Signal()  # the sync banner's "Open the settings"

    def __init__(self, tasks, parent=None):
        super().__init__(parent)
        self.setObjectName("home")
        self.tasks = tasks
        self.forms: list[FormEntry] = []
        self.groups: dict[str, list] = {key: [] for key in GROUPS}
        self.group = "drafts"
        self.loaded = False  # the first list arrived
        self._generation = 0
        self._stale = False  # interviews changed while another page was shown
        self._interviewer = ""
        self._resume_id = ""
        self._resume_name = ""
        self._confirm: QMessageBox | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)

        # Header: greeting and settings.
        self.greeting, buttons = page_header(outer)  # a long name wraps
        self.doors_button = push_button(
            self.doors_requested, name="doorsButton", primary=True, into=buttons
        )
        self.hand_in_button = push_button(self.hand_in_requested, name="handInButton", into=buttons)
        self.coordination_button = push_button(
            self.coordination_requested, name="coordinationButton"
        )
        self.coordination_button.hide()
        buttons.addWidget(self.coordination_button)
        self.settings_button = push_button(self.settings_requested, into=buttons)

        # Resume banner (shown when the app was closed during a draft).
        self.resume_banner = QFrame()
        self.resume_banner.setObjectName("banner")
        banner = QHBoxLayout(self.resume_banner)
        pad_banner(banner)
        self.resume_label = WrappedLabel()
        banner.addWidget(self.resume_label, 1)
        self.resume_button = push_button(
            lambda: self.resume_requested.emit(self._resume_id), primary=True, into=banner
        )
        self.resume_banner.hide()
        outer.addWidget(self.resume_banner)

        # Server sending (set by ServerSync, surveyor/ui/sync.py): a banner when the server
        # refuses the password, and a status line with "Send now".
        self.sync_banner = QFrame()
        self.sync_banner.setObjectName("banner")
        sync_banner = QHBoxLayout(self.sync_banner)
        pad_banner(sync_banner)
        self.sync_banner_label = WrappedLabel()
        self.sync_banner_label.setObjectName("syncBannerText")
        self.sync_banner_label.setProperty("role", "error")
        sync_banner.addWidget(self.sync_banner_label, 1)
        self.sync_banner_button = push_button(
            self.server_settings_requested, name="syncBannerButton", primary=True, into=sync_banner
        )
        self.sync_banner.hide()
        outer.addWidget(self.sync_banner)
        server_row = QHBoxLayout()
        self.server_status = WrappedLabel()
        self.server_status.setObjectName("serverStatus")
        self.server_status.setProperty("role", "hint")
        self.server_status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.server_status.hide()
        server_row.addWidget(self.server_status, 1)
        self.send_now_button = push_button(self.send_now_requested, name="sendNowButton")
        self.send_now_button.hide()
        server_row.addWidget(self.send_now_button)
        outer.addLayout(server_row)

        # Messages (form errors, what was done) in one sentence; the detail (a list) one
        # click away; closed with ×.
        self.message_bar = QFrame()
        self.message_bar.setObjectName("messageBar")
        message_row = QHBoxLayout(self.message_bar)
        message_row.setContentsMargins(0, 0, 0, 0)
        self.message = WrappedLabel()
        self.message.setObjectName("message")
        pad_banner(self.message)  # inside the coloured frame
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        message_row.addWidget(self.message, 1)
        self.message_details_button = push_button(self.show_message_details, name="messageDetails")
        message_row.addWidget(self.message_details_button, 0, Qt.AlignTop)
        self.message_close_button = QPushButton("×")
        self.message_close_button.setObjectName("messageClose")
        self.message_close_button.clicked.connect(lambda: self.show_message(""))
        message_row.addWidget(self.message_close_button, 0, Qt.AlignTop)
        self.message_bar.hide()
        # Opening a form: the step (reading, converting, building, checking) and a bar.
        self.form_progress = QProgressBar()
        self.form_progress.setObjectName("formProgress")
        self.form_progress.setRange(0, len(LOAD_STEPS))
        self.form_progress.setTextVisible(False)
        self.form_progress.setMaximumHeight(10)
        self.form_progress.hide()
        self._message_details = None  # () -> QDialog
        self._progress_text = ""  # the step message show_form_progress put up
        self.details_dialog = None
        outer.addWidget(self.message_bar)
        outer.addWidget(self.form_progress)

        splitter, left_layout, right_layout = two_columns(8, (380, 950))
        outer.addWidget(splitter, 1)

        # Left: forms.
        self.forms_title = section_title()
        left_layout.addWidget(self.forms_title)
        self.forms_status = hint_label()
        left_layout.addWidget(self.forms_status)
        self.forms_area = QScrollArea()
        self.forms_area.setWidgetResizable(True)
        self.forms_area.setFrameShape(QFrame.NoFrame)
        self.forms_box = QWidget()
        self.forms_layout = QVBoxLayout(self.forms_box)
        self.forms_layout.setContentsMargins(0, 0, 0, 0)
        self.open_form_button = push_button(self.open_form_requested)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_form_button)
        open_row.addStretch(1)
        self.forms_layout.addLayout(open_row)
        self.forms_layout.addStretch(1)
        self.forms_area.setWidget(self.forms_box)
        left_layout.addWidget(self.forms_area, 1)

        # Right: interviews.
        top = QHBoxLayout()
        self.interviews_title = section_title()
        top.addWidget(self.interviews_title, 1)
        self.search = search_field(self._search_later)
        self.search.setMinimumWidth(220)
        top.addWidget(self.search)
        right_layout.addLayout(top)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(True)
        for _ in GROUPS:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(self._tab_changed)
        right_layout.addWidget(self.tabs)
        self.model = InterviewTableModel(self)
        self.table = interview_table(self.model, "interviews")
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        # Fixed widths from the font (measuring 10,000 rows' contents would be slow).
        self._size_columns()
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        right_layout.addWidget(self.table, 1)
        self.empty = hint_label()
        self.empty.setAlignment(Qt.AlignCenter)
        right_layout.addWidget(self.empty)
        actions = QHBoxLayout()
        self.open_button = push_button(self._open_current, primary=True)
        self.delete_button = push_button(self.ask_delete)
        self.restore_button = push_button(self.restore_current)
        actions.addWidget(self.open_button)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        # "Shared folder: handed in at 14:32" (set by the hand-in controller).
        self.shared_status = QLabel()
        self.shared_status.setObjectName("sharedStatus")
        self.shared_status.setProperty("role", "hint")
        self.shared_status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.shared_status.hide()
        actions.addWidget(self.shared_status)
        right_layout.addLayout(actions)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.refresh)

        self.setTabOrder(self.search, self.tabs)
        self.setTabOrder(self.tabs, self.table)
        self.retranslate()
        self._update_actions()

    def _size_columns(self) -> None:
        """Widths from the font, the headers and the few form titles (measuring 10,000 rows'
        contents would be slow)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        titles = list(self.model.form_titles.values()) or ["Enquête habitants"]
        samples = {
            1: [max(titles, key=metrics.horizontalAdvance)],
            2: [local_datetime("2026-12-30T23:59:59.000Z")],
            3: [status_text(s) for s in Status],
            4: ["888 / 888"],
        }
        widths = {}
        for column, texts in samples.items():
            width = max(metrics.horizontalAdvance(t) for t in texts)
            heading = self.model.headerData(column, Qt.Horizontal)
            width = max(width, header.horizontalAdvance(heading) + 8)
            # The interview's name matters most: the form's title gets at most a quarter.
            limit = max(160, self.table.viewport().width() // 4) if column == 1 else 10_000
            widths[column] = min(width, limit) + 24
        set_column_widths(self.table, widths)
        height = metrics.height() + 12
        self.table.verticalHeader().setDefaultSectionSize(height)
        self.table.verticalHeader().setMinimumSectionSize(height)

    # --- translation ---------------------------------------------------------------------

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._size_columns()

    def changeEvent(self, event):  # FollowsLanguage retranslates on a language change
        if event.type() in (QEvent.FontChange, QEvent.ApplicationFontChange):
            self._size_columns()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.set_interviewer(self._interviewer)
        self.settings_button.setText(self.tr("Settings"))
        self.hand_in_button.setText(self.tr("Hand in (USB key or file)…"))
        self.hand_in_button.setAccessibleName(
            self.tr("Hand in the finished interviews to a USB key or a file")
        )
        self.hand_in_button.setToolTip(
            self.tr("Write the finished interviews into one file for the coordinator")
        )
        self.doors_button.setText(self.tr("My doors"))
        self.doors_button.setAccessibleName(
            self.tr("My doors: the doors to visit, to revisit and the appointments")
        )
        self.doors_button.setToolTip(self.tr("The doors to visit, to revisit and the appointments"))
        set_texts(
            self.coordination_button,
            self.tr("Coordination"),
            self.tr("Open the coordination screen"),
        )
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.send_now_button.setText(self.tr("Send &now"))
        self.send_now_button.setAccessibleName(
            self.tr("Send the finished interviews to the server now")
        )
        self.send_now_button.setToolTip(
            self.tr("Send the finished interviews to the server now (it also happens by itself)")
        )
        set_texts(
            self.sync_banner_button,
            self.tr("Open the settings"),
            self.tr("Open the settings (server account)"),
        )
        self.message_details_button.setText(self.tr("Details…"))
        self.message_close_button.setToolTip(self.tr("Close this message"))
        self.message_close_button.setAccessibleName(self.tr("Close this message"))
        self.forms_title.setText(self.tr("Forms on this laptop"))
        set_texts(
            self.open_form_button,
            self.tr("Open a form…"),
            self.tr("Open a form file sent by the coordinator"),
        )
        self.open_form_button.setToolTip(self.tr("Add an XLSForm file sent by the coordinator"))
        self.interviews_title.setText(self.tr("My interviews"))
        self.search.setPlaceholderText(self.tr("Search by name…"))
        self.search.setAccessibleName(self.tr("Search the interviews"))
        self.table.setAccessibleName(self.tr("Interviews"))
        self.tabs.setAccessibleName(self.tr("Interview states"))
        set_texts(self.resume_button, self.tr("Resume"), self.tr("Resume the last interview"))
        self._update_resume_text()
        self.delete_button.setText(self.tr("Move to the bin"))
        self.restore_button.setText(self.tr("Restore"))
        for i in range(self.forms_layout.count()):
            widget = self.forms_layout.itemAt(i).widget()
            if isinstance(widget, FormCard):
                widget.retranslate()
        self._update_forms_status()
        self._update_tabs()
        self._update_actions()
        self.model._dates = {}
        self._size_columns()
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, InterviewTableModel.COLUMNS - 1)
        self.model.layoutChanged.emit()

    def set_interviewer(self, name: str) -> None:
        self._interviewer = name
        self.greeting.setText(self.tr("Hello {0}").format(name) if name else self.tr("Hello"))

    # --- forms ---------------------------------------------------------------------------

    def set_forms(self, forms: list[FormEntry], *, loading: bool = False) -> None:
        self.forms = list(forms)
        self._forms_loading = loading
        self.model.form_titles.update({f.form_id: f.title for f in forms if f.form_id and f.title})
        for card in self.form_cards():
            self.forms_layout.removeWidget(card)
            card.hide()
            card.setParent(None)
            card.deleteLater()
        for i, entry in enumerate(forms):
            card = FormCard(entry)
            card.new_requested.connect(self.new_interview)
            self.forms_layout.insertWidget(i, card)
        self._update_forms_status()
        self._size_columns()
        self.model.layoutChanged.emit()

    def set_stored_titles(self, titles: dict[str, str]) -> None:
        """Titles of every form in the store (interviews of older form versions)."""
        self.model.form_titles = {**titles, **self.model.form_titles}
        self._size_columns()
        self.model.layoutChanged.emit()

    def form_cards(self) -> list[FormCard]:
        cards = []
        for i in range(self.forms_layout.count()):
            widget = self.forms_layout.itemAt(i).widget()
            if isinstance(widget, FormCard):
                cards.append(widget)
        return cards

    def _update_forms_status(self) -> None:
        if getattr(self, "_forms_loading", False):
            self.forms_status.setText(self.tr("Loading the forms…"))
            self.forms_status.show()
        elif not self.forms:
            self.forms_status.setText(
                self.tr("No form yet. Open the form file the coordinator sent you.")
            )
            self.forms_status.show()
        else:
            self.forms_status.hide()

    def show_message(
        self, text: str, *, error: bool = False, notice: bool = False, details=None
    ) -> None:
        """One clear sentence above the lists (errors stay until the next message or ×);
        ``notice``: neutral (it worked, with a remark); ``details``: makes the dialog that
        "Details…" opens."""
        set_role(self.message, "error" if error else "notice" if notice else "info")
        self.message.setText(text)
        self._message_details = details
        self.message_details_button.setVisible(details is not None)
        self.message_bar.setVisible(bool(text))

    def step_text(self, step) -> str:
        return {
            LoadStep.READ: self.tr("reading the workbook"),
            LoadStep.CONVERT: self.tr("converting it (XLSForm to XForm)"),
            LoadStep.BUILD: self.tr("preparing the questions"),
            LoadStep.CHECK: self.tr("checking the calculations and conditions"),
        }[LoadStep(step)]

    def show_form_progress(self, file_name: str, step) -> None:
        """Opening a form: ``step`` a LoadStep (shown with its number), None before the first,
        "" when done (the bar hides, and the step's message if no other came since)."""
        if step == "":
            self.form_progress.hide()
            if self._progress_text and self.message.text() == self._progress_text:
                self.show_message("")
            self._progress_text = ""
            return
        self.form_progress.show()
        if step is None:
            self.form_progress.setValue(0)
            return
        number = LOAD_STEPS.index(LoadStep(step)) + 1
        self.form_progress.setValue(number - 1)
        self._progress_text = self.tr("Opening the form “{0}”: {1}… (step {2} of {3})").format(
            file_name, self.step_text(step), number, len(LOAD_STEPS)
        )
        self.show_message(self._progress_text)

    def show_message_details(self):
        if self._message_details is None:
            return None
        self.details_dialog = self._message_details(self)
        self.details_dialog.open()
        return self.details_dialog

    # --- resume banner -------------------------------------------------------------------

    def offer_resume(self, instance_id: str, name: str) -> None:
        self._resume_id, self._resume_name = instance_id, name
        self._update_resume_text()
        self.resume_banner.setVisible(bool(instance_id))

    def _update_resume_text(self) -> None:
        if self._resume_id:
            self.resume_label.setText(
                self.tr("You were filling in “{0}”. Resume where you stopped?").format(
                    self._resume_name or self.tr("an interview")
                )
            )

    # --- interviews ----------------------------------------------------------------------

    def on_workspace_changed(self, changes, _initiator=None) -> None:
        """An operation changed something: the list again if it may show other interviews,
        now or, while another page is shown (the interview screen saves at each answer),
        when home is shown again."""
        if changes.interview_list:
            self._stale = True
            if not self.isHidden():
                self.refresh()

    def refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh_if_stale()

    def _search_later(self) -> None:
        self._search_timer.start()

    def refresh(self) -> None:
        """Ask the workspace (on the database thread) for the interviews matching the search
        (nothing while it is not open)."""
        self._stale = False
        self._generation += 1
        generation = self._generation
        search = self.search.text().strip() or None
        DbOp(
            self,
            lambda ws: (
                ws.list_interviews(include_deleted=True, search=search),
                ws.replaced_ids(),
            ),
        ).success(lambda result: self.set_interviews(*result, generation=generation)).failure(
            lambda exc: self.show_message(str(exc), error=True)
        ).run()

    def set_interviews(
        self, rows: list, replaced=frozenset(), *, generation: int | None = None
    ) -> None:
        """Show ``rows`` in their groups; a version ``replaced`` by a correction is shown as
        such among the finished ones (it is never handed in nor sent again)."""
        if generation is not None and generation != self._generation:
            return  # an older search answered late
        self.model.replaced = frozenset(replaced)
        groups: dict[str, list] = {key: [] for key in GROUPS}
        for summary in rows:
            if summary.instance_id in self.model.replaced and summary.status != Status.DELETED:
                groups["done"].append(summary)
                continue
            groups[GROUP_OF.get(summary.status, "drafts")].append(summary)
        self.groups = groups
        self.loaded = True
        self._update_tabs()
        self._show_group()
        wanted = getattr(self, "_wanted", None)
        if wanted:
            self.select_instance(wanted)

    def counts(self) -> dict[str, int]:
        return {key: len(rows) for key, rows in self.groups.items()}

    def _update_tabs(self) -> None:
        for i, key in enumerate(GROUPS):
            self.tabs.setTabText(i, f"{group_title(key)} ({len(self.groups[key])})")

    def select_group(self, key: str) -> None:
        self.tabs.setCurrentIndex(list(GROUPS).index(key))

    def _tab_changed(self, index: int) -> None:
        self.group = list(GROUPS)[index]
        self._show_group()

    def _show_group(self) -> None:
        rows = self.groups[self.group]
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        if rows:
            self.empty.hide()
        else:
            self.empty.setText(
                {
                    "drafts": self.tr("No draft. Start a new interview from a form on the left."),
                    "waiting": self.tr("No finished interview waiting to be sent."),
                    "done": self.tr("Nothing sent or handed in yet."),
                    "bin": self.tr("The bin is empty."),
                }[self.group]
                if not self.search.text().strip()
                else self.tr("No interview matches this search.")
            )
            self.empty.show()
        self._update_actions()

    def current_summary(self):
        index = self.table.currentIndex()
        return self.model.summary(index.row()) if index.isValid() else None

    def select_instance(self, instance_id: str) -> bool:
        """Select an interview of the group shown; if the list is not up to date yet, it is
        selected when the list comes (a just-finalized interview)."""
        for row, summary in enumerate(self.model.rows):
            if summary.instance_id == instance_id:
                self.table.selectRow(row)
                self._wanted = None
                return True
        self._wanted = instance_id
        return False

    def _update_actions(self) -> None:
        summary = self.current_summary()
        group = self.group
        self.open_button.setVisible(group != "bin")
        self.open_button.setText(self.tr("Resume") if group == "drafts" else self.tr("Open"))
        self.open_button.setEnabled(summary is not None)
        self.delete_button.setVisible(group == "drafts")
        self.delete_button.setEnabled(summary is not None)
        self.restore_button.setVisible(group == "bin")
        self.restore_button.setEnabled(summary is not None)

    def _activated(self, index) -> None:
        summary = self.model.summary(index.row())
        if summary is None:
            return
        if summary.status == Status.DELETED:
            self.restore_current()
        else:
            self.open_interview.emit(summary)

    def _open_current(self) -> None:
        summary = self.current_summary()
        if summary is not None and summary.status != Status.DELETED:
            self.open_interview.emit(summary)

    def ask_delete(self) -> QMessageBox | None:
        """Ask before moving the selected draft to the bin (a non-blocking dialog)."""
        summary = self.current_summary()
        if summary is None or summary.status != Status.DRAFT:
            return None
        return ask_before(
            self,
            "_confirm",
            title=self.tr("Move to the bin?"),
            text=self.tr("Move the draft “{0}” to the bin?").format(self.model.name(summary)),
            details=self.tr("You can restore it from the bin later."),
            yes=self.tr("Move to the bin"),
            no=self.tr("Keep it"),
            on_yes=lambda: self._delete(summary.instance_id),
        )

    def _delete(self, instance_id: str) -> None:
        DbOp(self, lambda ws: ws.delete_interview(instance_id)).success(
            lambda _changes: self.show_message(
                self.tr("The draft is in the bin. You can restore it from there.")
            )
        ).failure(lambda exc: self.show_message(str(exc), error=True)).run()

    def restore_current(self) -> None:
        summary = self.current_summary()
        if summary is None or summary.status != Status.DELETED:
            return
        instance_id = summary.instance_id
        DbOp(self, lambda ws: ws.restore_interview(instance_id)).success(
            lambda _changes: self.show_message(self.tr("The draft is back with the other drafts."))
        ).failure(lambda exc: self.show_message(str(exc), error=True)).run()
