"""Widgets made the same way everywhere: labels of wrapped text styled by the style sheet's
``role``, form rows, OK/Cancel buttons, yes/no questions (and the question asked before an
action, kept on its page), tab bars, read-only lists of rows, the pieces of a row of filters,
and what the home page and the coordinator's panels share: the message line under a header,
a page split in two columns, a section's title, a list of interviews in a table."""

from __future__ import annotations

from collections.abc import Callable

from surveyor.ui.banner import message_label
from surveyor.ui.banner import set_role
from surveyor.ui.banner import show_message as put_message
from surveyor.ui.flow import FlowLayout
from surveyor.ui.flow import WrappedLabel
from surveyor.ui.qt import QAbstractItemView
from surveyor.ui.qt import QComboBox
from surveyor.ui.qt import QDate
from surveyor.ui.qt import QDateEdit
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QFormLayout
from surveyor.ui.qt import QFrame
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QHeaderView
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLineEdit
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import QScrollArea
from surveyor.ui.qt import QSizePolicy
from surveyor.ui.qt import QSplitter
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTabBar
from surveyor.ui.qt import QTableView
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget

NO_DATE = QDate(2000, 1, 1)  # a day filter left empty


def make_label(
    text: str = "", *, role: str = "", name: str = "", wrap: bool = True, into=None
) -> QLabel:
    """A label whose text wraps (unless not ``wrap``); ``role`` (hint, section, error,
    cardTitle...) styles it and ``name`` is its object name (for the style sheet and tests);
    added to the layout ``into`` when given."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    if role:
        label.setProperty("role", role)
    if into is not None:
        into.addWidget(label)
    return label


def add_row(form: QFormLayout, text: str, field, *, buddy=None) -> QLabel:
    """A row of ``form``: ``text`` labels ``field`` (a widget or a layout); its & key goes to
    ``buddy``, by default the field itself. Returns the label."""
    label = QLabel(text)
    label.setBuddy(buddy if buddy is not None else field)
    form.addRow(label, field)
    return label


def tab_bar(count: int, changed) -> QTabBar:
    """A bar of ``count`` tabs over the list they filter (texts set by ``retranslate``), not
    stretched across; ``changed(index)`` when another is chosen."""
    tabs = QTabBar()
    tabs.setExpanding(False)
    tabs.setDrawBase(True)
    for _ in range(count):
        tabs.addTab("")
    tabs.currentChanged.connect(changed)
    return tabs


def day_filter(changed, *, empty_text: str = "") -> QDateEdit:
    """A day to filter by, from a calendar: NO_DATE (shown as ``empty_text`` when given) until
    one is chosen; ``changed`` whenever it changes."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setDate(NO_DATE)
    if empty_text:
        edit.setSpecialValueText(empty_text)
    edit.dateChanged.connect(changed)
    return edit


def search_field(changed, *, into=None, stretch: int = 0) -> QLineEdit:
    """A field to search a list by typing (its placeholder set by ``retranslate``), with a
    button that clears it; ``changed(text)`` at each change; added to the layout ``into``
    (with ``stretch``) when given."""
    field = QLineEdit()
    field.setClearButtonEnabled(True)
    field.textChanged.connect(changed)
    if into is not None:
        into.addWidget(field, stretch)
    return field


def labelled(label: QLabel, widget: QWidget, *, above: bool = False, spacing: int = 4) -> QWidget:
    """``widget`` and its ``label`` (beside it, or ``above``) as one piece of a row of filters
    that wraps; the label's & key goes to the widget."""
    label.setBuddy(widget)
    unit = QWidget()
    box = QVBoxLayout(unit) if above else QHBoxLayout(unit)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(spacing)
    box.addWidget(label)
    box.addWidget(widget)
    return unit


def add_labelled(flow: FlowLayout, widgets: list, *, beside: bool = False) -> list[QLabel]:
    """Each widget with a label of its own (above it, or before it when ``beside``) as one
    item of ``flow`` (:func:`labelled`), so that a label never wraps away from its field; the
    labels, for their texts."""
    labels = [QLabel() for _ in widgets]
    for label, widget in zip(labels, widgets, strict=True):
        flow.addWidget(labelled(label, widget, above=not beside, spacing=4 if beside else 2))
    return labels


def narrow_combo(chars: int = 14, changed=None) -> QComboBox:
    """A drop-down list that does not widen its page past the screen: a long item is shown
    cut with "…" and the box keeps room for ``chars`` characters; ``changed(index)`` when
    another item is chosen."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    if changed is not None:
        combo.currentIndexChanged.connect(changed)
    return combo


def read_only_rows(view: QAbstractItemView, *, plain: bool = False) -> None:
    """A table that shows rows, one selected at a time, not edited; Tab leaves it. Unless
    ``plain``, its rows are striped, one line each, and its header does not light up."""
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    if not plain:
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.horizontalHeader().setHighlightSections(False)


def ok_cancel(dialog: QDialog, ok: str, cancel: str) -> QDialogButtonBox:
    """The buttons of ``dialog``: OK, saying ``ok``, accepts it; Cancel, saying ``cancel``,
    rejects it (both texts translated by the caller)."""
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.button(QDialogButtonBox.Ok).setText(ok)
    buttons.button(QDialogButtonBox.Cancel).setText(cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ask(
    parent,
    *,
    title: str,
    text: str,
    yes: str,
    no: str,
    answered: Callable[[bool], object],
    default_yes: bool = False,
    informative: str = "",
    details: str = "",
    name: str = "",
    icon=QMessageBox.Warning,
    yes_role=QMessageBox.AcceptRole,
) -> QMessageBox:
    """Ask a question without blocking: a warning (or ``icon``) with a ``yes`` and a ``no`` button
    (``box.yes_button``, ``box.no_button``; Escape says no, Return the default, which is no
    unless ``default_yes``); ``answered(True)`` when yes was clicked, else ``answered(False)``."""
    box = QMessageBox(parent)
    if name:
        box.setObjectName(name)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    box.yes_button = box.addButton(yes, yes_role)
    box.no_button = box.addButton(no, QMessageBox.RejectRole)
    box.setDefaultButton(box.yes_button if default_yes else box.no_button)
    box.setEscapeButton(box.no_button)
    box.finished.connect(lambda _result: answered(box.clickedButton() is box.yes_button))
    box.open()
    return box


def ask_before(
    owner: QWidget,
    attribute: str,
    *,
    title: str,
    text: str,
    details: str,
    yes: str,
    no: str,
    on_yes: Callable[[], None],
    name: str = "",
    icon=QMessageBox.Question,
    yes_role=QMessageBox.AcceptRole,
) -> QMessageBox:
    """:func:`ask` before an action of ``owner``'s: the box is kept in
    ``owner.<attribute>`` while open (None once closed); ``on_yes`` runs when "yes" is
    clicked; ``details`` is its informative text."""

    def answered(yes_clicked: bool) -> None:
        if yes_clicked:
            on_yes()
        setattr(owner, attribute, None)

    box = ask(
        owner,
        title=title,
        text=text,
        yes=yes,
        no=no,
        answered=answered,
        informative=details,
        name=name,
        icon=icon,
        yes_role=yes_role,
    )
    setattr(owner, attribute, box)
    return box


def message_line() -> WrappedLabel:
    """The message under a page's header (what was done, an error), hidden until set
    (:func:`put_message`); its text can be selected and copied."""
    return message_label(kind=WrappedLabel)


def section_title() -> WrappedLabel:
    label = WrappedLabel()
    label.setProperty("role", "section")
    return label


def hint_label() -> WrappedLabel:
    label = WrappedLabel()
    label.setProperty("role", "hint")
    return label


def two_columns(gap: int, widths: tuple[int, int]) -> tuple[QSplitter, QVBoxLayout, QVBoxLayout]:
    """A splitter of two columns ``gap`` pixels apart either side of the handle, neither of
    which can be collapsed, first ``widths`` wide, the right one taking 5/7 of a change;
    and the columns' layouts."""
    splitter = QSplitter(Qt.Horizontal)
    splitter.setChildrenCollapsible(False)
    layouts = []
    for margins in ((0, 0, gap, 0), (gap, 0, 0, 0)):
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(*margins)
        splitter.addWidget(column)
        layouts.append(layout)
    splitter.setStretchFactor(0, 2)
    splitter.setStretchFactor(1, 5)
    splitter.setSizes(list(widths))
    return splitter, layouts[0], layouts[1]


def interview_table(model, name: str, *, resize=QHeaderView.Interactive) -> QTableView:
    """A list of interviews (or doors), a row each (:func:`read_only_rows`); the first column
    (the interview's name, the address) takes the room left, the others are ``resize``d."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    read_only_rows(table)
    table.setShowGrid(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(resize)
    header.setSectionResizeMode(0, QHeaderView.Stretch)
    return table


__all__ = [
    "NO_DATE",
    "add_row",
    "ask",
    "ask_before",
    "day_filter",
    "hint_label",
    "interview_table",
    "labelled",
    "make_label",
    "message_line",
    "ok_cancel",
    "put_message",
    "read_only_rows",
    "section_title",
    "set_role",
    "tab_bar",
    "two_columns",
]


def scrolled_body(outer: QVBoxLayout, name: str = "") -> QVBoxLayout:
    """A frameless scroll area taking ``outer``'s room, its content as wide as it (no
    sideways bar): the texts scroll on a small screen or with the largest text while what
    ``outer`` holds after it (the buttons, a message) stays in view; the content's layout."""
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    if name:
        scroll.setObjectName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    outer.addWidget(scroll, 1)
    return layout


def set_column_widths(table: QTableView, widths: dict[int, int]) -> None:
    """Gives the columns their ``widths``; on a narrow screen or a large text, scaled down to
    share at most 68 % of the table's width (their texts are elided) so that the first column
    (the name) keeps the rest, never scrolling."""
    room = int(table.viewport().width() * 0.68)
    total = sum(widths.values())
    if room > 0 and total > room:
        widths = {c: max(48, w * room // total) for c, w in widths.items()}
    for column, width in widths.items():
        table.setColumnWidth(column, width)


def password_field(name: str, text: str = "", *, object_name: str = "") -> QLineEdit:
    """A field that hides what is typed (a password, a passphrase), ``name`` for screen
    readers, holding ``text`` at first."""
    field = QLineEdit(text)
    if object_name:
        field.setObjectName(object_name)
    field.setEchoMode(QLineEdit.Password)
    field.setAccessibleName(name)
    return field


def size_to_current(stack, *, only_current: bool = True) -> None:
    """Only the page shown counts for the size of ``stack`` (a QStackedWidget or a
    QTabWidget): a tall or wide page hidden behind it does not make the one shown scroll.
    Call it when the current page changes; ``only_current`` False: every page counts again
    (the stack is as high as its tallest page)."""
    for i in range(stack.count()):
        page = stack.widget(i)
        shown = page is stack.currentWidget() or not only_current
        policy = QSizePolicy.Preferred if shown else QSizePolicy.Ignored
        page.setSizePolicy(policy, policy)
    stack.updateGeometry()


def push_button(slot, *, name: str = "", primary: bool = False, into=None) -> QPushButton:
    """A button (its text set by ``retranslate``) that calls ``slot`` when clicked; ``name``
    is its object name, ``primary`` marks the page's main action; added to the layout
    ``into`` when given."""
    button = QPushButton()
    if name:
        button.setObjectName(name)
    if primary:
        button.setProperty("primary", True)
    button.clicked.connect(slot)
    if into is not None:
        into.addWidget(button)
    return button


def set_texts(widget, text: str, name: str) -> None:
    """A widget's visible ``text`` and the ``name`` a screen reader says (retranslate)."""
    widget.setText(text)
    widget.setAccessibleName(name)


def page_header(outer: QVBoxLayout) -> tuple[WrappedLabel, FlowLayout]:
    """A page's header, added to ``outer``: its title (a long one wraps), and on its right a
    row of buttons that wrap under each other when the text is large or the screen narrow;
    the title and the buttons' layout."""
    header = QHBoxLayout()
    title = WrappedLabel()
    title.setProperty("role", "title")
    header.addWidget(title, 1)
    box = QWidget()
    buttons = FlowLayout(box, one_row=True)
    buttons.setContentsMargins(0, 0, 0, 0)
    header.addWidget(box, 0, Qt.AlignTop)
    outer.addLayout(header)
    return title, buttons


def chooser_row(
    text: str, name: str, choose: Callable[[], None], button_text: str, button_name: str
) -> tuple[QLineEdit, QPushButton, QHBoxLayout]:
    """A path typed in or chosen: a field holding ``text`` (``name`` for screen readers) and
    beside it a button (``button_text``, ``button_name``) that calls ``choose``; the field,
    the button and the row that holds them."""
    field = QLineEdit(text)
    field.setAccessibleName(name)
    button = QPushButton(button_text)
    button.setAccessibleName(button_name)
    button.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    return field, button, row
