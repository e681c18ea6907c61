""" "Mes portes": the volunteer's doors to visit, to revisit and the appointments of the day.

One key or one click records a visit on the selected door (A absent, R refused — asked
once more, because it is final —, P appointment, V vacant, I not eligible, L come back
later), with an optional note; E starts the interview at the door; N adds a door not on
the list. Every read and write is a Workspace method run as a DbOp (docs/fieldwork.md, "API
for the UI"); the page asks again whenever an operation's Changes name the doors.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime

from surveyor.errors import ErrorCode
from surveyor.errors import SurveyorError
from surveyor.errors import code_of
from surveyor.ui import banner
from surveyor.ui.errors import exception_sentence
from surveyor.ui.home import local_datetime
from surveyor.ui.labels import door_column_title
from surveyor.ui.labels import door_status_text
from surveyor.ui.labels import outcome_text
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QAbstractTableModel
from surveyor.ui.qt import QColor
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QDate
from surveyor.ui.qt import QDateEdit
from surveyor.ui.qt import QDateTime
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QEvent
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QFormLayout
from surveyor.ui.qt import QFrame
from surveyor.ui.qt import QGridLayout
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QHeaderView
from surveyor.ui.qt import QKeySequence
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLineEdit
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QMenu
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import QModelIndex
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import QScrollArea
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTableView
from surveyor.ui.qt import QTime
from surveyor.ui.qt import QTimeEdit
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal
from surveyor.ui.widgets import ask
from surveyor.ui.widgets import interview_table
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import narrow_combo
from surveyor.ui.widgets import ok_cancel
from surveyor.ui.widgets import password_field
from surveyor.ui.widgets import push_button
from surveyor.ui.widgets import search_field
from surveyor.ui.widgets import set_texts
from surveyor.ui.widgets import tab_bar

# The outcomes a volunteer records by hand, with their key (started/done come from the
# interview itself).
OUTCOME_KEYS: dict[str, str] = {
    "absent": "A",
    "refused": "R",
    "appointment": "P",
    "vacant": "V",
    "ineligible": "I",
    "later": "L",
}
START_KEY = "E"
ADD_KEY = "N"
# The tabs of "Mes portes", in order.
TABS = ("all", "new", "revisit", "appointments")
CLOSED = ("refused", "done", "vacant", "ineligible")


def appointment_text(appointment: str | None) -> str:
    """An appointment (ISO 8601 with its offset) as a short local date and time."""
    if not appointment:
        return ""
    try:
        moment = datetime.fromisoformat(appointment).astimezone()
    except ValueError:
        return appointment
    return QLocale().toString(QDateTime(moment.replace(tzinfo=None)), QLocale.ShortFormat)


def status_line(door) -> str:
    """The status column: "Appointment 03/12/2026 18:30", "Absent (2 visits)"..."""
    text = door_status_text(door.status)
    if door.status == "appointment" and door.appointment:
        return f"{text} {appointment_text(door.appointment)}"
    if door.visits > 1:
        return QCoreApplication.translate("Doors", "{0} ({1} visits)").format(text, door.visits)
    return text


STATUS_COLOURS = {
    "refused": "#8b1a1a",
    "done": "#1e4d2b",
    "appointment": "#1f5fa8",
    "absent": "#7a5a00",
    "later": "#7a5a00",
    "started": "#7a5a00",
}


def key_pressed(event, actions: dict) -> bool:
    """Run the action of a letter key pressed without a modifier; whether one ran."""
    if event.modifiers() & ~Qt.KeypadModifier:
        return False
    text = event.text().upper()
    action = actions.get(text)
    if action is None or event.isAutoRepeat():
        return action is not None
    action()
    return True


class DoorTableModel(QAbstractTableModel):
    """Doors: address, status, sector, last visit... (no widget per row)."""

    DEFAULT = ("address", "status", "sector", "last")

    def __init__(self, parent=None, *, columns: tuple[str, ...] = DEFAULT):
        super().__init__(parent)
        self.rows: list = []
        self.columns = columns

    @property
    def COLUMNS(self) -> int:  # noqa: N802 - as the other table models
        return len(self.columns)

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def door(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, door_id: str) -> int:
        for i, door in enumerate(self.rows):
            if door.door_id == door_id:
                return i
        return -1

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def text(self, door, key: str) -> str:
        if key == "address":
            return door.address or door.door_id
        if key == "status":
            return status_line(door)
        if key == "sector":
            return door.sector
        if key == "last":
            return local_datetime(door.last_visit_at)
        if key == "interviewer":
            return door.interviewer
        if key == "visits":
            return str(door.visits)
        if key == "id":
            return door.door_id
        return ""

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        door = self.rows[index.row()]
        key = self.columns[index.column()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.text(door, key)
        if role == Qt.ForegroundRole and key == "status" and door.status in STATUS_COLOURS:
            return QColor(STATUS_COLOURS[door.status])
        if role == Qt.TextAlignmentRole and key == "visits":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.AccessibleTextRole:
            return ", ".join(p for p in (door.address, status_line(door), door.sector) if p)
        if role == Qt.UserRole:
            return door
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return door_column_title(self.columns[section])
        return None


def make_door_table(model, *, name: str = "") -> QTableView:
    table = interview_table(model, name, resize=QHeaderView.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(False)
    return table


@dataclass
class MyDoorsData:
    """What one refresh brings back from the database thread."""

    to_visit: list = field(default_factory=list)
    to_revisit: list = field(default_factory=list)
    appointments: list = field(default_factory=list)
    closed: int = 0
    total: int = 0
    sectors: list[str] = field(default_factory=list)
    mine: bool = False  # doors are assigned to this interviewer: only theirs are shown


def load_my_doors(ws, interviewer: str, day: str) -> MyDoorsData:
    """Runs on the database thread."""
    mine = bool(interviewer) and interviewer in ws.door_interviewers()
    who = interviewer if mine else None
    doors = ws.my_doors(who, day=day)
    return MyDoorsData(
        to_visit=doors.to_visit,
        to_revisit=doors.to_revisit,
        appointments=doors.appointments,
        closed=ws.count_doors(status=CLOSED, interviewer=who),
        total=ws.count_doors(interviewer=who),
        sectors=[s for s in ws.sectors() if s],
        mine=mine,
    )


def matches(door, words: list[str]) -> bool:
    text = f"{door.door_id} {door.address} {door.sector}".lower()
    return all(w in text for w in words)


class AppointmentDialog(QDialog):
    """The date and time of an appointment (tomorrow 18:00 by default)."""

    def __init__(self, address: str, parent=None):
        super().__init__(parent)
        self.setObjectName("appointmentDialog")
        self.setWindowTitle(self.tr("Appointment"))
        layout = QVBoxLayout(self)
        make_label(self.tr("When should you come back to {0}?").format(address), into=layout)
        form = QFormLayout()
        self.date_edit = QDateEdit(QDate.currentDate().addDays(1))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(QDate.currentDate())
        self.date_edit.setAccessibleName(self.tr("Date of the appointment"))
        self.time_edit = QTimeEdit(QTime(18, 0))
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(self.tr("Time of the appointment"))
        form.addRow(self.tr("&Date"), self.date_edit)
        form.addRow(self.tr("&Time"), self.time_edit)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                item.widget().setBuddy(form.itemAt(row, QFormLayout.FieldRole).widget())
        layout.addLayout(form)
        buttons = ok_cancel(self, self.tr("Record the appointment"), self.tr("Cancel"))
        layout.addWidget(buttons)
        self.buttons = buttons

    def moment(self) -> datetime:
        """The chosen local date and time (naive: the laptop's time zone)."""
        d, t = self.date_edit.date(), self.time_edit.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


# The address fields of "Add a door", in the order of a written address.
def address_labels() -> list[tuple[str, str]]:
    return [
        ("number", QCoreApplication.translate("Doors", "&Number")),
        ("street", QCoreApplication.translate("Doors", "S&treet (required)")),
        ("building", QCoreApplication.translate("Doors", "&Building")),
        ("staircase", QCoreApplication.translate("Doors", "Stair&case")),
        ("floor", QCoreApplication.translate("Doors", "&Floor")),
        ("door", QCoreApplication.translate("Doors", "&Door / flat")),
        ("sector", QCoreApplication.translate("Doors", "S&ector")),
        ("postcode", QCoreApplication.translate("Doors", "&Postcode")),
        ("city", QCoreApplication.translate("Doors", "Cit&y")),
    ]


class AddDoorDialog(QDialog):
    """A door not on the list, found on the spot."""

    def __init__(self, preset: dict | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("addDoorDialog")
        self.setWindowTitle(self.tr("Add a door"))
        layout = QVBoxLayout(self)
        make_label(
            self.tr("A door that is not on your list. Only the street is required."),
            role="hint",
            into=layout,
        )
        grid = QGridLayout()
        self.edits: dict[str, QLineEdit] = {}
        for i, (name, text) in enumerate(address_labels()):
            edit = QLineEdit((preset or {}).get(name, ""))
            edit.setObjectName(f"door_{name}")
            label = QLabel(text)
            label.setBuddy(edit)
            grid.addWidget(label, i // 3 * 2, i % 3)
            grid.addWidget(edit, i // 3 * 2 + 1, i % 3)
            self.edits[name] = edit
        layout.addLayout(grid)
        self.buttons = ok_cancel(self, self.tr("Add the door"), self.tr("Cancel"))
        layout.addWidget(self.buttons)
        self.edits["street"].textChanged.connect(self._update_ok)
        self._update_ok()
        self.edits["number"].setFocus()

    def _update_ok(self) -> None:
        ok = bool(self.edits["street"].text().strip())
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok)

    def address(self) -> dict[str, str]:
        return {k: e.text().strip() for k, e in self.edits.items() if e.text().strip()}


def scrolling(widget: QWidget, margins: int = 16) -> QVBoxLayout:
    """Put ``widget``'s content in a scroll area (a small screen with the largest text
    scrolls instead of growing the window); the content's layout."""
    inner = QWidget()
    inner.setObjectName("scrolled")
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(margins, margins * 3 // 4, margins, margins * 3 // 4)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    area.setWidget(inner)
    outer = QVBoxLayout(widget)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    widget.scroll_area = area
    return layout


class MyDoorsPage(FollowsLanguage, QWidget):
    """The volunteer's doors, in street order, one key per visit."""

    back_requested = Signal()
    start_requested = Signal(str)  # door_id: start the interview there
    typeback_requested = Signal()

    def __init__(self, tasks, settings, *, host=None, parent=None):
        super().__init__(parent)
        self.setObjectName("myDoors")
        self.tasks = tasks
        self.settings = settings
        if host is not None:
            self.workspace_host = host
            host.changed.connect(self.on_workspace_changed)
        self.data: MyDoorsData | None = None
        self.tab = "all"
        self.loaded = False
        self._generation = 0
        self._after: tuple[str, int] | None = None  # (door recorded, its row): select next
        self._select_id = ""  # a door just added: selected once listed
        self.box: QMessageBox | None = None
        self.dialog: QDialog | None = None

        outer = scrolling(self)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setProperty("role", "title")
        header.addWidget(self.title, 1)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addDoorButton")
        self.add_button.setShortcut(QKeySequence(ADD_KEY))
        self.add_button.clicked.connect(self.ask_add_door)
        header.addWidget(self.add_button)
        # the rarer actions in a menu, so the header fits a small screen with large text
        self.more_button = QPushButton()
        self.more_button.setObjectName("moreButton")
        self.passphrase_dialog: PackagePassphraseDialog | None = None  # a protected package's
        self.more_menu = QMenu(self)
        self.typeback_action = self.more_menu.addAction("")
        self.typeback_action.triggered.connect(self.typeback_requested)
        self.package_action = self.more_menu.addAction("")
        self.package_action.triggered.connect(self.ask_import_package)
        self.more_button.setMenu(self.more_menu)
        header.addWidget(self.more_button)
        self.back_button = push_button(self.back_requested, into=header)
        outer.addLayout(header)

        self.message = banner.message_label()
        outer.addWidget(self.message)

        filters = QHBoxLayout()
        self.search = search_field(self._show, into=filters, stretch=2)
        self.sector_combo = narrow_combo(10, changed=self._show)
        self.sector_combo.setObjectName("sectorFilter")
        filters.addWidget(self.sector_combo, 1)
        self.day_label = QLabel()
        filters.addWidget(self.day_label)
        self.day_edit = QDateEdit(QDate.currentDate())
        self.day_edit.setCalendarPopup(True)
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        self.day_label.setBuddy(self.day_edit)
        filters.addWidget(self.day_edit)
        outer.addLayout(filters)

        self.tabs = tab_bar(len(TABS), self._tab_changed)
        outer.addWidget(self.tabs)
        self.model = DoorTableModel(self)
        self.table = make_door_table(self.model, name="myDoorsTable")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.table.installEventFilter(self)
        outer.addWidget(self.table, 1)
        self.empty = make_label(role="hint")
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.hide()
        outer.addWidget(self.empty)
        self.scope = make_label(role="hint", name="doorsScope", into=outer)

        # The visit: one key or one click on the selected door.
        self.door_label = make_label(role="cardTitle", name="selectedDoor", into=outer)
        actions = QGridLayout()
        actions.setHorizontalSpacing(6)
        actions.setVerticalSpacing(4)
        self.outcome_buttons: dict[str, QPushButton] = {}
        for i, outcome in enumerate(OUTCOME_KEYS):
            button = QPushButton()
            button.setObjectName(f"outcome_{outcome}")
            button.setShortcut(QKeySequence(OUTCOME_KEYS[outcome]))
            button.clicked.connect(lambda _c=False, o=outcome: self.record(o))
            actions.addWidget(button, i // 3, i % 3)
            self.outcome_buttons[outcome] = button
        self.start_button = QPushButton()
        self.start_button.setObjectName("startAtDoorButton")
        self.start_button.setProperty("primary", True)
        self.start_button.setShortcut(QKeySequence(START_KEY))
        self.start_button.clicked.connect(self.start_interview)
        actions.addWidget(self.start_button, 2, 0)
        self.note = QLineEdit()
        self.note.setObjectName("visitNote")
        self.note.setMaxLength(2000)
        actions.addWidget(self.note, 2, 1, 1, 2)
        for column in range(3):
            actions.setColumnStretch(column, 1)
        outer.addLayout(actions)

        self.table.setMinimumHeight(self.table.fontMetrics().height() * 5)
        self.setTabOrder(self.search, self.sector_combo)
        self.setTabOrder(self.sector_combo, self.day_edit)
        self.setTabOrder(self.day_edit, self.tabs)
        self.setTabOrder(self.tabs, self.table)
        self.retranslate()
        self._update_actions()

    def key_actions(self) -> dict[str, object]:
        """The letter keys of the page: a visit, start the interview, add a door."""
        actions = {k: (lambda o=o: self.record(o)) for o, k in OUTCOME_KEYS.items()}
        actions[START_KEY] = self.start_interview
        actions[ADD_KEY] = self.ask_add_door
        return actions

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """The letter keys on the list act (the buttons' shortcuts do the same when the
        window has them; the list would otherwise jump to a door starting with the
        letter)."""
        if watched is self.table and event.type() == QEvent.KeyPress:
            return key_pressed(event, self.key_actions())
        return super().eventFilter(watched, event)

    # --- translation ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("My doors"))
        self.add_button.setText(self.tr("Add a door ({0})").format(ADD_KEY))
        self.add_button.setAccessibleName(self.tr("Add a door that is not on the list"))
        self.more_button.setText(self.tr("More"))
        self.more_button.setAccessibleName(
            self.tr("More: type back a round sheet, import the door list")
        )
        self.typeback_action.setText(self.tr("&Type back a round sheet…"))
        self.typeback_action.setToolTip(
            self.tr("Type back the boxes ticked on a paper round sheet")
        )
        self.package_action.setText(self.tr("&Import the door list…"))
        self.package_action.setToolTip(
            self.tr("Import the campaign package the coordinator gave you (a .zip file)")
        )
        set_texts(self.back_button, self.tr("Back"), self.tr("Back to the home screen"))
        self.search.setPlaceholderText(self.tr("Search a street, a number…"))
        self.search.setAccessibleName(self.tr("Search the doors"))
        self.sector_combo.setAccessibleName(self.tr("Sector of the doors shown"))
        self.day_label.setText(self.tr("&Day"))
        self.day_label.setToolTip(self.tr("The appointments of this day are listed"))
        self.day_edit.setAccessibleName(self.tr("Day of the appointments shown"))
        self.table.setAccessibleName(self.tr("My doors"))
        self.tabs.setAccessibleName(self.tr("Which doors"))
        for outcome, button in self.outcome_buttons.items():
            button.setText(f"{outcome_text(outcome)} ({OUTCOME_KEYS[outcome]})")
            button.setAccessibleName(self.tr("Record the visit: {0}").format(outcome_text(outcome)))
        self.outcome_buttons["refused"].setToolTip(
            self.tr("A refusal is final: the door will never be offered again")
        )
        self.outcome_buttons["later"].setToolTip(
            self.tr("Someone answered and asked you to come back, without a set time")
        )
        self.outcome_buttons["vacant"].setToolTip(
            self.tr("The dwelling is empty, or it is not a dwelling (shop, office…)")
        )
        self.outcome_buttons["ineligible"].setToolTip(
            self.tr("The household is not in the survey's population")
        )
        self.start_button.setText(self.tr("Start the interview ({0})").format(START_KEY))
        self.start_button.setAccessibleName(self.tr("Start the interview at this door"))
        self.note.setPlaceholderText(self.tr("Note (optional), saved with the visit"))
        self.note.setAccessibleName(self.tr("Note about the visit (optional)"))
        self._fill_sectors()
        self._update_tabs()
        self._update_actions()
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, self.model.COLUMNS - 1)
        self.model.layoutChanged.emit()

    # --- data ----------------------------------------------------------------------------

    def on_workspace_changed(self, changes, _initiator=None) -> None:
        if changes.doors:
            self.refresh()

    def day(self) -> str:
        return self.day_edit.date().toString(Qt.ISODate)

    def refresh(self) -> None:
        """Ask the workspace (on the database thread) for this interviewer's doors."""
        self._generation += 1
        generation = self._generation
        interviewer, day = self.settings.interviewer, self.day()
        DbOp(self, lambda ws: load_my_doors(ws, interviewer, day)).success(
            lambda data: self.set_data(data, generation)
        ).failure(lambda exc: self.show_message(exception_sentence(exc), error=True)).run()

    def set_data(self, data: MyDoorsData, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return
        self.data = data
        self.loaded = True
        self._fill_sectors()
        self._show()

    def _fill_sectors(self) -> None:
        combo = self.sector_combo
        current = combo.currentData()
        sectors = self.data.sectors if self.data is not None else []
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Every sector"), None)
        for sector in sectors:
            combo.addItem(sector, sector)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def rows_of(self, tab: str) -> list:
        """The doors of a tab, filtered by sector and search."""
        data = self.data
        if data is None:
            return []
        if tab == "new":
            doors = data.to_visit
        elif tab == "revisit":
            doors = data.to_revisit
        elif tab == "appointments":
            doors = data.appointments
        else:
            listed = sorted(data.to_visit + data.to_revisit, key=lambda d: d.sort_key)
            doors = data.appointments + listed
        sector = self.sector_combo.currentData()
        words = self.search.text().lower().split()
        return [d for d in doors if (sector is None or d.sector == sector) and matches(d, words)]

    def _update_tabs(self) -> None:
        titles = {
            "all": self.tr("Everything to do"),
            "new": self.tr("To visit"),
            "revisit": self.tr("To revisit"),
            "appointments": self.tr("Appointments"),
        }
        for i, key in enumerate(TABS):
            count = len(self.rows_of(key)) if self.data is not None else 0
            self.tabs.setTabText(i, f"{titles[key]} ({count})")

    def _tab_changed(self, index: int) -> None:
        self.tab = TABS[index]
        self._show()

    def select_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(key))

    def _show(self) -> None:
        selected = self.current_door()
        rows = self.rows_of(self.tab)
        self.model.set_rows(rows)
        self._update_tabs()
        row = -1
        if self._after is not None:
            door_id, old_row = self._after
            self._after = None
            still = self.model.row_of(door_id)
            row = still + 1 if still >= 0 else old_row
            row = min(row, len(rows) - 1)
        elif self._select_id and self.model.row_of(self._select_id) >= 0:
            row = self.model.row_of(self._select_id)
            self._select_id = ""
        elif selected is not None:
            row = self.model.row_of(selected.door_id)
        if rows:
            self.table.selectRow(max(row, 0))
        self.empty.setVisible(not rows)
        if not rows:
            self.empty.setText(self._empty_text())
        self._update_scope()
        self._update_actions()

    def _empty_text(self) -> str:
        if self.data is None or self.data.total == 0:
            return self.tr(
                "No door list on this laptop yet. Import the campaign package the "
                "coordinator gave you (“Import the door list…”), or add a door."
            )
        if self.search.text().strip() or self.sector_combo.currentData() is not None:
            return self.tr("No door matches this search.")
        return {
            "all": self.tr("Nothing left to do. Well done!"),
            "new": self.tr("Every door has been visited."),
            "revisit": self.tr("No door to revisit."),
            "appointments": self.tr("No appointment on this day."),
        }[self.tab]

    def _update_scope(self) -> None:
        data = self.data
        if data is None:
            self.scope.hide()
            return
        parts = []
        if data.mine:
            parts.append(self.tr("The doors assigned to {0}.").format(self.settings.interviewer))
        if data.closed:
            parts.append(
                self.tr(
                    "{0} closed door(s) not shown (refused, done, vacant, not eligible)."
                ).format(data.closed)
            )
        self.scope.setText(" ".join(parts))
        self.scope.setVisible(bool(parts))

    def current_door(self):
        index = self.table.currentIndex()
        return self.model.door(index.row()) if index.isValid() else None

    def select_door(self, door_id: str) -> bool:
        row = self.model.row_of(door_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _update_actions(self) -> None:
        door = self.current_door()
        for button in self.outcome_buttons.values():
            button.setEnabled(door is not None)
        self.start_button.setEnabled(door is not None)
        if door is None:
            self.door_label.setText(self.tr("Choose a door in the list."))
        else:
            self.door_label.setText(door.address or door.door_id)

    def show_message(self, text: str, *, error: bool = False) -> None:
        banner.show_message(self.message, text, error=error)

    # --- visits --------------------------------------------------------------------------

    def record(self, outcome: str) -> None:
        """Record ``outcome`` at the selected door (refused and appointment ask first)."""
        door = self.current_door()
        if door is None:
            return
        if outcome == "refused":
            self.confirm_refusal(door)
        elif outcome == "appointment":
            self.ask_appointment(door)
        else:
            self._record(door, outcome)

    def confirm_refusal(self, door) -> QMessageBox:
        def answered(yes: bool) -> None:
            self.box = None
            if yes:
                self._record(door, "refused")

        self.box = ask(
            self,
            name="refusalBox",
            title=self.tr("Refused?"),
            text=self.tr("Record a refusal at {0}?").format(door.address or door.door_id),
            informative=self.tr("A refusal is final: nobody will knock at this door again."),
            yes=self.tr("Yes, refused"),
            no=self.tr("Cancel"),
            default_yes=True,
            answered=answered,
        )
        return self.box

    def ask_appointment(self, door) -> AppointmentDialog:
        dialog = AppointmentDialog(door.address or door.door_id, self)

        def finished(result):
            self.dialog = None
            if result:
                self._record(door, "appointment", appointment=dialog.moment())
            dialog.deleteLater()

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _record(self, door, outcome: str, *, appointment=None) -> None:
        note = self.note.text().strip()
        interviewer = self.settings.interviewer
        door_id = door.door_id
        self._after = (door_id, self.model.row_of(door_id))

        def work(ws):
            return ws.record_visit(
                door_id, outcome, appointment=appointment, note=note, interviewer=interviewer
            )

        def done(result):
            self.note.clear()
            text = self.tr("{0}: {1}.").format(outcome_text(outcome), door.address or door_id)
            if outcome == "appointment":
                text = self.tr("Appointment on {0}: {1}.").format(
                    appointment_text(result.value.appointment), door.address or door_id
                )
            self.show_message(text)

        def failed(exc):
            self._after = None
            self.show_message(exception_sentence(exc), error=True)

        DbOp(self, work).success(done).failure(failed).run()

    def start_interview(self) -> None:
        door = self.current_door()
        if door is not None:
            self.start_requested.emit(door.door_id)

    # --- doors ---------------------------------------------------------------------------

    def ask_add_door(self) -> AddDoorDialog:
        sector = self.sector_combo.currentData()
        dialog = AddDoorDialog({"sector": sector} if sector else None, self)
        interviewer = self.settings.interviewer

        def finished(result):
            self.dialog = None
            if result:
                address = dialog.address()
                DbOp(self, lambda ws: ws.add_door(address, interviewer=interviewer)).success(
                    self._door_added
                ).failure(lambda exc: self.show_message(exception_sentence(exc), error=True)).run()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _door_added(self, done) -> None:
        door = done.value
        self.show_message(self.tr("Door added: {0}.").format(door.address))
        self._after = None
        self._select_id = door.door_id
        self.select_tab("all")

    def ask_import_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the door list (campaign package)"),
            self.settings.last_batch_folder or "",
            self.tr("Campaign package (*.zip)"),
        )
        if path:
            self.import_package(path)

    def check_shared_folder(self) -> None:
        """A laptop with a shared folder takes the newest campaign package found there (when
        newer than its own): the door list arrives by the same road as the hand-ins."""
        folder = self.settings.shared_folder
        if not folder or self.settings.coordinator:
            return
        self._take_package(
            lambda ws, secret: ws.import_newest_campaign(folder, passphrase=secret), shared=True
        )

    def import_package(self, path: str) -> None:
        self._take_package(lambda ws, secret: ws.import_campaign(path, passphrase=secret))

    def _take_package(self, take, passphrase: str | None = None, *, shared: bool = False) -> None:
        """Import a package (``take(ws, passphrase)``); a protected one whose passphrase is
        not known here asks for it (a wrong one: said, and asked again; nothing changed)."""

        def done(result):
            value = result.value
            if shared and (value is None or not value.changed):
                return  # the shared folder's check says nothing when nothing came
            text = (
                self.tr("A newer door list was taken from the shared folder.")
                if shared
                else self.tr("The door list is up to date.")
            )
            if value is not None and value.erased:
                text += " " + self.tr(
                    "%n interview(s) erased by the coordinator were removed from this laptop.",
                    None,
                    len(value.erased),
                )
            if value is not None and value.retention_soon:
                text += " " + self.tr(
                    "%n interview(s) reach the campaign's retention period soon: their personal "
                    "fields will leave this laptop with a later door list.",
                    None,
                    value.retention_soon,
                )
            self.show_message(text)

        def failed(exc):
            if code_of(exc) in (
                ErrorCode.CAMPAIGN_PASSPHRASE_NEEDED,
                ErrorCode.CAMPAIGN_PASSPHRASE_WRONG,
            ):
                self.ask_passphrase(take, shared=shared, wrong=passphrase is not None)
            elif shared:
                if isinstance(exc, SurveyorError):  # a damaged package: say so; no folder: not
                    self.show_message(exception_sentence(exc), error=True)
            else:
                self.show_message(exception_sentence(exc) + f" ({exc})", error=True)

        DbOp(self, lambda ws: take(ws, passphrase)).success(done).failure(failed).run()

    def ask_passphrase(self, take, *, shared: bool = False, wrong: bool = False) -> None:
        """The password the coordinator told the volunteers (hidden as it is typed)."""
        refused = ""
        if wrong:
            refused = self.tr("This password does not open the door list; nothing was changed.")
            self.show_message(refused, error=True)
        dialog = PackagePassphraseDialog(refused, parent=self)
        dialog.accepted.connect(lambda: self._take_package(take, dialog.textValue(), shared=shared))
        dialog.open()
        self.passphrase_dialog = dialog


class PackagePassphraseDialog(QDialog):
    """A protected campaign package's password (hidden as it is typed); ``refused``: why the
    last one did not open it."""

    def __init__(self, refused: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("packagePassphrase")
        self.setWindowTitle(self.tr("Protected door list"))
        layout = QVBoxLayout(self)
        text = self.tr(
            "The coordinator protected the door list with a password. Type the password the "
            "coordinator gave you:"
        )
        self.label = QLabel(refused + "\n\n" + text if refused else text)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.edit = password_field(self.tr("Password of the door list"))
        self.label.setBuddy(self.edit)
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Open"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        window = parent.window() if parent is not None else None
        width = (
            min(560, window.width() - 40) if window is not None and window.width() > 200 else 560
        )
        self.setFixedWidth(width)
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        self.label.setMinimumHeight(self.label.heightForWidth(inner))  # every line shows

    def labelText(self) -> str:  # noqa: N802 - as QInputDialog's
        return self.label.text()

    def textValue(self) -> str:  # noqa: N802
        return self.edit.text()

    def setTextValue(self, text: str) -> None:  # noqa: N802
        self.edit.setText(text)


__all__ = [
    "PackagePassphraseDialog",
    "AddDoorDialog",
    "AppointmentDialog",
    "DoorTableModel",
    "MyDoorsPage",
    "OUTCOME_KEYS",
]
