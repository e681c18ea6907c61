"""One editor per kind of question, as ODK Collect offers them.

An editor shows the answer of one field and turns what the person does into an answer text in
ODK's format (``2026-11-22``, ``3.5``, ``a b`` for several choices). It never writes to the
session: it emits ``edited`` while the person types and ``committed`` when an answer is given
(selection made, field left); the view stores it, checks it and saves.
"""

from __future__ import annotations

import mimetypes
import re
from datetime import date
from datetime import datetime
from datetime import time
from pathlib import Path

from surveyor.ui.interview.text import render_plain
from surveyor.ui.qt import QAbstractButton
from surveyor.ui.qt import QButtonGroup
from surveyor.ui.qt import QCalendarWidget
from surveyor.ui.qt import QCheckBox
from surveyor.ui.qt import QComboBox
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QDate
from surveyor.ui.qt import QEvent
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QFrame
from surveyor.ui.qt import QGridLayout
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLineEdit
from surveyor.ui.qt import QListWidget
from surveyor.ui.qt import QListWidgetItem
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QPlainTextEdit
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import QRadioButton
from surveyor.ui.qt import QRegularExpression
from surveyor.ui.qt import QRegularExpressionValidator
from surveyor.ui.qt import QSizePolicy
from surveyor.ui.qt import QSlider
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QToolButton
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal

translate = QCoreApplication.translate


def _local_offset() -> str:
    offset = datetime.now().astimezone().strftime("%z") or "+0000"
    return f"{offset[:3]}:{offset[3:]}"


class Editor(QWidget):
    """Base: the widgets that take one answer."""

    edited = Signal()  # typing: an answer is being given
    committed = Signal()  # an answer was given (selection changed, field left)

    multiline = False

    def __init__(self, session, node, label: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.node = node
        self.template = session.template_of(node)
        self.label = label  # plain text, for accessible names
        self.input_error = ""  # translated message when what is typed is not an answer
        self._loading = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    # --- what the view uses
    def load(self) -> None:
        """Show the session's answer."""
        self._loading = True
        try:
            self._show(self.session.value(self.node))
        finally:
            self._loading = False

    def _show(self, value: str) -> None:  # pragma: no cover - overridden
        pass

    def answer(self) -> str | None:
        """The answer shown, in ODK's format; None when what is typed is not an answer yet."""
        return self.session.value(self.node)

    def focus_widgets(self) -> list[QWidget]:
        return []

    def first_focus(self) -> QWidget | None:
        widgets = [w for w in self.focus_widgets() if w.isEnabled()]
        return widgets[0] if widgets else None

    def pick_digit(self, digit: int) -> bool:
        return False

    def clear(self) -> None:
        self._show("")
        self.committed.emit()

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.findChildren(QWidget):
            widget.setEnabled(not read_only)

    def refresh_choices(self) -> None:
        pass

    def is_editing(self) -> bool:
        """True while the person is in the middle of typing in it (do not reload)."""
        focus = self.focusWidget()
        return (
            focus is not None and focus.hasFocus() and isinstance(focus, QLineEdit | QPlainTextEdit)
        )

    def _emit_edited(self, *args) -> None:
        if not self._loading:
            self.edited.emit()

    def _emit_committed(self, *args) -> None:
        if not self._loading:
            self.committed.emit()

    def _accessible(self, widget: QWidget, detail: str = "") -> None:
        widget.setAccessibleName(self.label if not detail else f"{self.label} – {detail}")


def _hbox(widget: QWidget | None = None, spacing: int = 10) -> QHBoxLayout:
    layout = QHBoxLayout(widget) if widget is not None else QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    return layout


def _vbox(widget: QWidget | None = None, spacing: int = 8) -> QVBoxLayout:
    layout = QVBoxLayout(widget) if widget is not None else QVBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    return layout


# ----------------------------------------------------------------------------- text


class TextEditor(Editor):
    def __init__(self, session, node, label, parent=None):
        super().__init__(session, node, label, parent)
        layout = _vbox(self)
        self.multiline = "multiline" in self.template.appearance.split()
        if self.multiline:
            self.box = QPlainTextEdit()
            self.box.setTabChangesFocus(True)
            self.box.setMinimumHeight(120)
            self.box.setMaximumHeight(220)
            self.box.textChanged.connect(self._emit_edited)
            self.box.installEventFilter(self)
        else:
            self.box = QLineEdit()
            self.box.textEdited.connect(self._emit_edited)
            self.box.editingFinished.connect(self._emit_committed)
        self._accessible(self.box)
        layout.addWidget(self.box)

    def eventFilter(self, watched, event):
        if watched is self.box and event.type() == QEvent.Type.FocusOut:
            self._emit_committed()
        return False

    def _show(self, value):
        if self.multiline:
            if self.box.toPlainText() != value:
                self.box.setPlainText(value)
        elif self.box.text() != value:
            self.box.setText(value)

    def answer(self):
        return self.box.toPlainText() if self.multiline else self.box.text()

    def focus_widgets(self):
        return [self.box]


class NumberEditor(Editor):
    """Integers and decimals in a line edit: nothing is clamped, the locale's comma is fine."""

    def __init__(self, session, node, label, parent=None):
        super().__init__(session, node, label, parent)
        self.decimal = self.template.bind.type == "decimal"
        layout = _hbox(self)
        self.box = QLineEdit()
        pattern = r"[+-]?\d{0,15}([.,]\d{0,10})?" if self.decimal else r"[+-]?\d{0,10}"
        self.box.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.box))
        self.box.setMaximumWidth(260)
        self.box.setInputMethodHints(
            Qt.InputMethodHint.ImhFormattedNumbersOnly
            if self.decimal
            else Qt.InputMethodHint.ImhDigitsOnly
        )
        self.box.textEdited.connect(self._emit_edited)
        self.box.editingFinished.connect(self._emit_committed)
        self._accessible(self.box)
        layout.addWidget(self.box)
        layout.addStretch(1)

    def _show(self, value):
        shown = value.replace(".", QLocale().decimalPoint()) if self.decimal else value
        if self.box.text() != shown:
            self.box.setText(shown)

    def answer(self):
        text = self.box.text().strip().replace(",", ".")
        if text in ("+", "-", "."):
            return ""
        if text.endswith("."):
            text = text[:-1]
        if text.startswith("."):
            text = "0" + text
        return text

    def focus_widgets(self):
        return [self.box]


# ----------------------------------------------------------------------------- dates


def _date_format() -> str:
    """The locale's numeric date order (day, month, year) with a four-digit year."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    order = []
    for letter in re.findall(r"[dMy]", fmt):
        if letter not in order:
            order.append(letter)
    if sorted(order) != ["M", "d", "y"]:
        order = ["d", "M", "y"]
    separators = re.findall(r"[^dMy\s']", fmt)
    separator = separators[0] if separators and separators[0] in "/.-" else "/"
    return separator.join({"d": "dd", "M": "MM", "y": "yyyy"}[c] for c in order)


def date_placeholder() -> str:
    fmt = _date_format()
    return (
        fmt.replace("dd", translate("InterviewView", "DD"))
        .replace("MM", translate("InterviewView", "MM"))
        .replace("yyyy", translate("InterviewView", "YYYY"))
    )


def format_date(value: str) -> str:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return QLocale().toString(QDate(day.year, day.month, day.day), _date_format())


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parts = re.split(r"[^\d]+", text)
    fmt = _date_format()
    order = [c for c in re.findall(r"d+|M+|y+", fmt)]
    if len(parts) == 3 and all(parts) and len(order) == 3:
        values = dict(zip((o[0] for o in order), (int(p) for p in parts), strict=True))
        year = values["y"]
        if year < 100:
            year += 2000
        try:
            return date(year, values["M"], values["d"])
        except ValueError:
            return None
    return None


def parse_time(text: str) -> time | None:
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})(?:[:hH.](\d{2})?)?", text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class _CalendarPopup(QCalendarWidget):
    """The calendar under a date box: roomy enough for day names and the month's name at
    any text size; when it closes (a date picked or Escape) the keyboard is on the box."""

    def __init__(self, owner):
        super().__init__(owner)
        self.owner = owner
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        # the interview's roomy buttons would crowd the month bar
        self.setStyleSheet(
            "QToolButton { padding: 2px 6px; border: none; background: transparent; }"
            "QToolButton:focus { border: 2px solid #1a5fb4; }"
        )

    def fit(self) -> None:
        metrics = self.fontMetrics()
        day = max(
            metrics.horizontalAdvance(self.locale().dayName(d, QLocale.FormatType.ShortFormat))
            for d in range(1, 8)
        )
        width = max(self.sizeHint().width(), 7 * (day + metrics.horizontalAdvance("  ")) + 24)
        height = max(self.sizeHint().height(), 8 * (metrics.height() + 10))
        self.resize(width, height)

    def hideEvent(self, event):
        super().hideEvent(event)
        try:
            self.owner.box.setFocus(Qt.FocusReason.PopupFocusReason)
        except RuntimeError:  # the screen was left meanwhile
            pass


class _DateBox(QWidget):
    """A line edit for a date with a calendar button; empty means no answer."""

    changed = Signal()  # a date was picked in the calendar

    def __init__(self, label: str, parent=None):
        super().__init__(parent)
        layout = _hbox(self, 6)
        self.box = QLineEdit()
        self.box.setPlaceholderText(date_placeholder())
        self.box.setMaximumWidth(200)
        self.box.setAccessibleName(label)
        self.button = QToolButton()
        self.button.setText(translate("InterviewView", "Calendar"))
        self.button.setToolTip(translate("InterviewView", "Pick the date in a calendar"))
        self.button.setAccessibleName(translate("InterviewView", "Pick the date in a calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it
        self.button.clicked.connect(self._open_calendar)
        self.today = QToolButton()
        self.today.setText(translate("InterviewView", "Today"))
        self.today.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.today.clicked.connect(self._pick_today)
        layout.addWidget(self.box)
        layout.addWidget(self.button)
        layout.addWidget(self.today)
        layout.addStretch(1)
        self.calendar = None

    def _open_calendar(self):
        calendar = _CalendarPopup(self)
        picked = parse_date(self.box.text())
        if picked:
            calendar.setSelectedDate(QDate(picked.year, picked.month, picked.day))
        calendar.activated.connect(lambda d: self._picked(d, calendar))
        calendar.clicked.connect(lambda d: self._picked(d, calendar))
        calendar.move(self.box.mapToGlobal(self.box.rect().bottomLeft()))
        calendar.fit()
        calendar.show()
        calendar.setFocus()
        self.calendar = calendar

    def _picked(self, qdate, calendar):
        self.box.setText(format_date(date(qdate.year(), qdate.month(), qdate.day()).isoformat()))
        calendar.close()
        self.box.setFocus()
        self.changed.emit()

    def _pick_today(self):
        self.box.setText(format_date(date.today().isoformat()))
        self.changed.emit()


class DateEditor(Editor):
    def __init__(self, session, node, label, parent=None):
        super().__init__(session, node, label, parent)
        layout = _vbox(self)
        self.date = _DateBox(label)
        self.box = self.date.box
        self.box.textEdited.connect(self._typing)
        self.box.editingFinished.connect(self._emit_committed)
        self.date.changed.connect(self._emit_committed)
        layout.addWidget(self.date)

    def _typing(self, *args):
        self.input_error = ""

    def _show(self, value):
        self.box.setText(format_date(value) if value else "")

    def answer(self):
        text = self.box.text().strip()
        if not text:
            self.input_error = ""
            return ""
        picked = parse_date(text)
        if picked is None:
            self.input_error = translate(
                "InterviewView", "This is not a date. Type it like this: %1"
            ).replace("%1", date_placeholder())
            return None
        self.input_error = ""
        return picked.isoformat()

    def focus_widgets(self):
        return [self.box]


class TimeEditor(Editor):
    def __init__(self, session, node, label, parent=None):
        super().__init__(session, node, label, parent)
        layout = _hbox(self)
        self.box = QLineEdit()
        self.box.setPlaceholderText(translate("InterviewView", "HH:MM"))
        self.box.setMaximumWidth(140)
        self._accessible(self.box)
        self.box.editingFinished.connect(self._emit_committed)
        layout.addWidget(self.box)
        layout.addStretch(1)

    def _show(self, value):
        self.box.setText(value[:5] if value else "")

    def answer(self):
        text = self.box.text().strip()
        if not text:
            self.input_error = ""
            return ""
        moment = parse_time(text)
        if moment is None:
            self.input_error = translate(
                "InterviewView", "This is not a time. Type it like this: %1"
            ).replace("%1", translate("InterviewView", "HH:MM"))
            return None
        self.input_error = ""
        return moment.strftime("%H:%M:00.000") + _local_offset()

    def focus_widgets(self):
        return [self.box]


class DateTimeEditor(Editor):
    def __init__(self, session, node, label, parent=None):
        super().__init__(session, node, label, parent)
        layout = _hbox(self)
        self.date = _DateBox(label)
        self.time = QLineEdit()
        self.time.setPlaceholderText(translate("InterviewView", "HH:MM"))
        self.time.setMaximumWidth(120)
        self._accessible(self.time, translate("InterviewView", "time"))
        self.date.box.editingFinished.connect(self._emit_committed)
        self.date.changed.connect(self._emit_committed)
        self.time.editingFinished.connect(self._emit_committed)
        layout.addWidget(self.date)
        layout.addWidget(self.time)
        layout.addStretch(1)

    def _show(self, value):
        if not value:
            self.date.box.setText("")
            self.time.setText("")
            return
        day, _, clock = value.partition("T")
        self.date.box.setText(format_date(day))
        self.time.setText(clock[:5])

    def answer(self):
        day_text, time_text = self.date.box.text().strip(), self.time.text().strip()
        if not day_text and not time_text:
            self.input_error = ""
            return ""
        day = parse_date(day_text)
        moment = parse_time(time_text) if time_text else time(0, 0)
        if day is None or moment is None:
            self.input_error = (
                translate(
                    "InterviewView", "Type the date like this: %1, and the time like this: %2"
                )
                .replace("%1", date_placeholder())
                .replace("%2", translate("InterviewView", "HH:MM"))
            )
            return None
        self.input_error = ""
        return f"{day.isoformat()}T{moment.strftime('%H:%M')}:00.000{_local_offset()}"

    def focus_widgets(self):
        return [self.date.box, self.time]


# ----------------------------------------------------------------------------- choices


class _ClickLabel(QLabel):
    clicked = Signal()

    def mousePressEvent(self, event):
        self.clicked.emit()
        super().mousePressEvent(event)


class _ChoiceCell(QFrame):
    """One choice: its button, its number and its text, which wraps (a radio button's own
    text never wraps: a long choice was cut or widened the page). Clicking the text clicks
    the button; the cell is highlighted while its button has the keyboard."""

    def __init__(self, button: QAbstractButton, number: str, text: str, *, digits: int):
        super().__init__()
        self.setObjectName("choice")
        self.setProperty("focused", "false")
        self.button = button
        layout = _hbox(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(8)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.number = _ClickLabel(number)
        self.number.setObjectName("choiceNumber")
        # every number in one column, right-aligned: 10, 11… keep the alignment of 1…9
        width = self.number.fontMetrics().horizontalAdvance("8" * max(digits, 1)) + 2
        self.number.setFixedWidth(width)
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.number.setVisible(bool(number))
        self.number.clicked.connect(button.click)
        self.text = _ClickLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.clicked.connect(button.click)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        button.installEventFilter(self)

    def eventFilter(self, watched, event):
        if watched is self.button and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.setProperty("focused", "true" if event.type() == QEvent.Type.FocusIn else "false")
            self.style().unpolish(self)
            self.style().polish(self)
        return False


class SelectEditor(Editor):
    """select_one (radio buttons or, with ``minimal``, a combo box) and select_multiple."""

    def __init__(self, session, node, label, parent=None):
        super().__init__(session, node, label, parent)
        self.multiple = self.template.control == "select"
        appearance = self.template.appearance.split()
        self.minimal = "minimal" in appearance and not self.multiple
        self.likert = "likert" in appearance and not self.multiple
        self.compact = "horizontal-compact" in appearance
        self.columns = "horizontal" in appearance
        self.layout_ = _vbox(self, 6)
        self.buttons: list[QAbstractButton] = []
        self.values: list[str] = []
        self.combo = None
        self.container = None
        self.clear_button = None
        self._choices: list[tuple[str, str]] = []
        self._build()

    def _build(self):
        self._choices = self.session.choices(self.node)
        self.values = [value for value, _ in self._choices]
        if self.container is not None:
            self.layout_.removeWidget(self.container)
            self.container.deleteLater()
        self.container = QWidget()
        self.buttons = []
        self.combo = None
        if self.minimal:
            layout = _hbox(self.container)
            self.combo = QComboBox()
            self.combo.addItem(translate("InterviewView", "(no answer)"), "")
            for value, text in self._choices:
                self.combo.addItem(render_plain(self.session, self.node, text), value)
            self.combo.setMinimumWidth(320)
            self.combo.currentIndexChanged.connect(self._emit_committed)
            self._accessible(self.combo)
            layout.addWidget(self.combo)
            layout.addStretch(1)
        else:
            self.group = QButtonGroup(self.container)
            self.group.setExclusive(not self.multiple)
            grid = QGridLayout(self.container)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(18)
            grid.setVerticalSpacing(4)
            count = len(self._choices)
            if self.likert or self.compact:
                per_row = max(count, 1)
            elif self.columns:
                per_row = 3
            else:
                per_row = 1
            digits = len(str(count))
            for index, (_value, text) in enumerate(self._choices):
                shown = render_plain(self.session, self.node, text)
                button = QCheckBox() if self.multiple else QRadioButton()
                button.setAccessibleName(shown)
                button.setAccessibleDescription(self.label)
                self.group.addButton(button, index)
                if self.likert:
                    button.setToolTip(shown)
                    cell = QWidget()
                    cell_layout = _vbox(cell, 2)
                    cell_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
                    text_label = _ClickLabel(f"{index + 1}. {shown}")
                    text_label.setWordWrap(True)
                    text_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                    text_label.clicked.connect(button.click)
                    cell_layout.addWidget(text_label)
                    grid.addWidget(cell, 0, index)
                    grid.setColumnStretch(index, 1)
                else:
                    cell = _ChoiceCell(button, str(index + 1), shown, digits=digits)
                    grid.addWidget(cell, index // per_row, index % per_row)
                button.toggled.connect(self._toggled)
                self.buttons.append(button)
            if self.compact:
                grid.setColumnStretch(count, 1)
        self.layout_.insertWidget(0, self.container)
        if self.clear_button is None and not self.multiple:
            self.clear_button = QPushButton(translate("InterviewView", "Clear the answer"))
            self.clear_button.setFlat(True)
            self.clear_button.setObjectName("clearAnswer")
            self.clear_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.clear_button.setAccessibleName(
                translate("InterviewView", "Clear the answer to: %1").replace("%1", self.label)
            )
            self.clear_button.clicked.connect(self.clear)
            row = _hbox()
            row.addWidget(self.clear_button)
            row.addStretch(1)
            self.layout_.addLayout(row)

    def _toggled(self, checked):
        if self._loading:
            return
        if not self.multiple and not checked:
            return  # the newly checked button reports
        self._update_clear()
        self.committed.emit()

    def _update_clear(self):
        if self.clear_button is not None:
            self.clear_button.setVisible(bool(self.answer()))

    def refresh_choices(self):
        if self.template.itemset is None:
            return
        choices = self.session.choices(self.node)
        if choices != self._choices:
            self._build()
            self.load()

    def _show(self, value):
        picked = value.split() if self.multiple else ([value] if value else [])
        if self.combo is not None:
            index = self.values.index(value) + 1 if value in self.values else 0
            self.combo.setCurrentIndex(index)
        else:
            if not self.multiple:
                self.group.setExclusive(False)
            for button, choice in zip(self.buttons, self.values, strict=True):
                button.setChecked(choice in picked)
            if not self.multiple:
                self.group.setExclusive(True)
        self._update_clear()

    def answer(self):
        if self.combo is not None:
            return self.combo.currentData() or ""
        picked = [v for b, v in zip(self.buttons, self.values, strict=True) if b.isChecked()]
        return " ".join(picked) if self.multiple else (picked[0] if picked else "")

    def focus_widgets(self):
        if self.combo is not None:
            return [self.combo]
        return list(self.buttons)

    def first_focus(self):
        if self.combo is not None:
            return self.combo
        for button in self.buttons:
            if button.isChecked():
                return button
        return self.buttons[0] if self.buttons else None

    def pick_digit(self, digit):
        index = digit - 1
        if index >= len(self.values):
            return False
        if self.combo is not None:
            self.combo.setCurrentIndex(index + 1)
            return True
        button = self.buttons[index]
        if self.multiple:
            button.setChecked(not button.isChecked())
        else:
            button.setChecked(True)
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True


class RankEditor(Editor):
    """odk:rank: the choices in order, moved with Up and Down."""

    def __init__(self, session, node, label, parent=None):
        super().__init__(session, node, label, parent)
        layout = _hbox(self)
        self.list = QListWidget()
        self.list.setMinimumHeight(200)
        self.list.setMaximumWidth(520)
        self._accessible(self.list)
        layout.addWidget(self.list, 1)
        buttons = _vbox(spacing=6)
        self.up = QPushButton(translate("InterviewView", "Move up"))
        self.down = QPushButton(translate("InterviewView", "Move down"))
        self.accept = QPushButton(translate("InterviewView", "Keep this order"))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.accept.clicked.connect(self._accept)
        for button in (self.up, self.down, self.accept):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.state = QLabel()
        self.state.setObjectName("rankState")
        buttons.addWidget(self.state)
        self._labels = dict(session.choices(node))

    def _fill(self, order):
        self.list.clear()
        for value in order:
            item = QListWidgetItem(render_plain(self.session, self.node, self._labels[value]))
            item.setData(Qt.ItemDataRole.UserRole, value)
            self.list.addItem(item)

    def _show(self, value):
        order = [v for v in value.split() if v in self._labels]
        order += [v for v in self._labels if v not in order]
        self._fill(order)
        self._answered = bool(value)
        self.state.setText("" if value else translate("InterviewView", "Not ranked yet"))
        if self.list.count():
            self.list.setCurrentRow(0)

    def _move(self, step):
        row = self.list.currentRow()
        target = row + step
        if row < 0 or target < 0 or target >= self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._answered = True
        self.state.setText("")
        self.committed.emit()

    def keyPressEvent(self, event):
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self._move(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def _accept(self):
        self._answered = True
        self.state.setText("")
        self.committed.emit()

    def answer(self):
        if not getattr(self, "_answered", False):
            return ""
        return " ".join(
            self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
        )

    def focus_widgets(self):
        return [self.list]


class RangeEditor(Editor):
    """range: a slider from start to end by step, the value written beside it."""

    def __init__(self, session, node, label, parent=None):
        super().__init__(session, node, label, parent)
        params = self.template.parameters
        self.start = float(params.get("start", 1) or 1)
        self.end = float(params.get("end", 10) or 10)
        self.step = float(params.get("step", 1) or 1) or 1.0
        steps = max(1, round(abs(self.end - self.start) / abs(self.step)))
        layout = _hbox(self, 14)
        self.low = QLabel(self._format(self.start))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, steps)
        self.slider.setMinimumWidth(300)
        self.slider.setMaximumWidth(560)
        self._accessible(self.slider)
        self.high = QLabel(self._format(self.end))
        self.value_label = QLabel()
        self.value_label.setObjectName("rangeValue")
        self.value_label.setMinimumWidth(120)
        self.clear_button = QPushButton(translate("InterviewView", "Clear the answer"))
        self.clear_button.setFlat(True)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clear_button.clicked.connect(self.clear)
        for widget in (self.low, self.slider, self.high, self.value_label, self.clear_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.slider.valueChanged.connect(self._moved)
        self.slider.sliderReleased.connect(self._emit_committed)
        self._answered = False

    def _format(self, number: float) -> str:
        if float(number).is_integer():
            return str(int(number))
        return f"{number:.6g}"

    def _value_at(self, position: int) -> float:
        direction = 1 if self.end >= self.start else -1
        return self.start + direction * position * abs(self.step)

    def _moved(self, position):
        if self._loading:
            return
        self._answered = True
        self.value_label.setText(QLocale().toString(self._value_at(position), "g", 6))
        self.clear_button.setVisible(True)
        if not self.slider.isSliderDown():
            self.committed.emit()

    def _show(self, value):
        if value:
            try:
                number = float(value)
            except ValueError:
                number = self.start
            self.slider.setValue(round(abs(number - self.start) / abs(self.step)))
            self.value_label.setText(QLocale().toString(number, "g", 6))
            self._answered = True
        else:
            self.slider.setValue(0)
            self.value_label.setText(translate("InterviewView", "No answer"))
            self._answered = False
        self.clear_button.setVisible(self._answered)

    def answer(self):
        if not self._answered:
            return ""
        return self._format(self._value_at(self.slider.value()))

    def clear(self):
        self._loading = True
        self._show("")
        self._loading = False
        self.committed.emit()

    def focus_widgets(self):
        return [self.slider]


class GeopointEditor(Editor):
    """A position typed in: latitude, longitude, altitude (optional)."""

    def __init__(self, session, node, label, parent=None):
        super().__init__(session, node, label, parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        pattern = QRegularExpression(r"[+-]?\d{0,3}([.,]\d{0,9})?")
        alt_pattern = QRegularExpression(r"[+-]?\d{0,5}([.,]\d{0,3})?")
        self.boxes = []
        names = (
            translate("InterviewView", "Latitude"),
            translate("InterviewView", "Longitude"),
            translate("InterviewView", "Altitude (optional)"),
        )
        for column, name in enumerate(names):
            caption = QLabel(name)
            box = QLineEdit()
            box.setValidator(
                QRegularExpressionValidator(alt_pattern if column == 2 else pattern, box)
            )
            box.setMaximumWidth(200)
            self._accessible(box, name)
            caption.setBuddy(box)
            box.editingFinished.connect(self._emit_committed)
            layout.addWidget(caption, 0, column)
            layout.addWidget(box, 1, column)
            self.boxes.append(box)
        layout.setColumnStretch(3, 1)

    def _show(self, value):
        parts = value.split()
        for index, box in enumerate(self.boxes):
            text = parts[index] if index < len(parts) else ""
            if index == 2 and text in ("0", "0.0"):
                text = ""
            box.setText(text.replace(".", QLocale().decimalPoint()))

    def answer(self):
        texts = [box.text().strip().replace(",", ".") for box in self.boxes]
        if not any(texts):
            self.input_error = ""
            return ""
        try:
            lat, lon = float(texts[0]), float(texts[1])
            if texts[2]:
                float(texts[2])
        except ValueError:
            self.input_error = translate(
                "InterviewView", "Type both the latitude and the longitude."
            )
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            self.input_error = translate(
                "InterviewView",
                "The latitude must be between -90 and 90, the longitude between -180 and 180.",
            )
            return None
        self.input_error = ""
        return f"{texts[0]} {texts[1]} {texts[2] or '0'} 0"

    def focus_widgets(self):
        return list(self.boxes)


class FileEditor(Editor):
    """image, audio, video, file: a file chosen on the disk, kept with the interview."""

    file_chosen = Signal(str)  # path on disk: the view stores it on the database thread

    FILTERS = {
        "image": "Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic)",
        "audio": "Audio (*.mp3 *.m4a *.wav *.ogg *.aac *.amr)",
        "video": "Video (*.mp4 *.3gp *.mov *.avi *.webm)",
    }

    def __init__(self, session, node, label, parent=None):
        super().__init__(session, node, label, parent)
        layout = _hbox(self)
        self.name = QLabel()
        self.name.setObjectName("fileName")
        self.choose = QPushButton(translate("InterviewView", "Choose a file…"))
        self._accessible(self.choose)
        self.choose.clicked.connect(self.pick)
        self.clear_button = QPushButton(translate("InterviewView", "Remove the file"))
        self.clear_button.setFlat(True)
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.choose)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.clear_button)
        self._value = ""

    def pick(self):
        kind = self.template.type.split()[0]
        filters = self.FILTERS.get(kind, "")
        all_files = translate("InterviewView", "All files (*)")
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("InterviewView", "Choose a file"),
            "",
            f"{filters};;{all_files}" if filters else all_files,
        )
        if path:
            self.name.setText(translate("InterviewView", "Saving…"))
            self.file_chosen.emit(path)

    def set_file(self, filename: str):
        self._value = filename
        self._show(filename)
        self.committed.emit()

    def _show(self, value):
        self._value = value
        self.name.setText(value or translate("InterviewView", "No file chosen"))
        self.clear_button.setVisible(bool(value))

    def clear(self):
        self._value = ""
        self._show("")
        self.committed.emit()

    def answer(self):
        return self._value

    def focus_widgets(self):
        return [self.choose]

    @staticmethod
    def media_type(path: str) -> str:
        return mimetypes.guess_type(path)[0] or "application/octet-stream"

    @staticmethod
    def attachment_name(path: str) -> str:
        name = Path(path).name.strip() or "file"
        name = re.sub(r"[\\/:\x00-\x1f]", "_", name).replace("..", "_")
        return name


class AcknowledgeEditor(Editor):
    def __init__(self, session, node, label, parent=None):
        super().__init__(session, node, label, parent)
        layout = _hbox(self)
        self.box = QCheckBox(translate("InterviewView", "OK"))
        self._accessible(self.box)
        self.box.toggled.connect(self._emit_committed)
        layout.addWidget(self.box)
        layout.addStretch(1)

    def _show(self, value):
        self.box.setChecked(value == "OK")

    def answer(self):
        return "OK" if self.box.isChecked() else ""

    def pick_digit(self, digit):
        if digit == 1:
            self.box.toggle()
            return True
        return False

    def focus_widgets(self):
        return [self.box]


class NoteEditor(Editor):
    """A note: its label says it all. A value computed into it is shown as text."""

    def __init__(self, session, node, label, parent=None):
        super().__init__(session, node, label, parent)
        layout = _hbox(self)
        self.text = QLabel()
        self.text.setObjectName("noteValue")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def _show(self, value):
        self.text.setText(value)
        self.text.setVisible(bool(value))

    def set_read_only(self, read_only):
        pass


class ReadOnlyEditor(NoteEditor):
    """A read-only or calculated field with a control: its value as text."""

    def _show(self, value):
        if self.template.bind.type == "date" and value:
            value = format_date(value)
        self.text.setText(value or translate("InterviewView", "(no answer)"))


def make_editor(session, node, label: str, *, read_only_field: bool = False) -> Editor:
    template = session.template_of(node)
    kind = template.type.split()[0] if template.type else ""
    control = template.control
    if kind == "note":
        return NoteEditor(session, node, label)
    if control == "select1" or control == "select":
        return SelectEditor(session, node, label)
    if control == "odk:rank":
        return RankEditor(session, node, label)
    if control == "range":
        return RangeEditor(session, node, label)
    if control == "upload":
        return FileEditor(session, node, label)
    if control == "trigger" or kind in ("acknowledge", "trigger"):
        return AcknowledgeEditor(session, node, label)
    if read_only_field and template.bind.calculate:
        return ReadOnlyEditor(session, node, label)
    bind_type = template.bind.type
    if bind_type in ("int", "decimal"):
        return NumberEditor(session, node, label)
    if bind_type == "date":
        return DateEditor(session, node, label)
    if bind_type == "time":
        return TimeEditor(session, node, label)
    if bind_type == "dateTime":
        return DateTimeEditor(session, node, label)
    if bind_type == "geopoint":
        return GeopointEditor(session, node, label)
    return TextEditor(session, node, label)
