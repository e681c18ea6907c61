"""The interview filling screen: one question (or one field-list group) at a time.

Every answer is written to the session at once and saved on the database thread (a snapshot
of the answers is taken on the UI thread, so the worker never reads the live session).
"""

from __future__ import annotations

from surveyor.errors import ValidationError
from surveyor.forms.model import Kind
from surveyor.services.interviews import finalize_interview, save_snapshot
from surveyor.ui.interview.editors import (
    Editor,
    FileEditor,
    NoteEditor,
    SelectEditor,
    make_editor,
)
from surveyor.ui.interview.screens import (
    END,
    FINALIZE,
    GROUP,
    REPEAT_ADD,
    Screen,
    build_screens,
    screen_index_for,
    sections,
)
from surveyor.ui.interview.text import has_outputs, render_html, render_plain
from surveyor.ui.qt import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QCoreApplication,
    QEvent,
    QFont,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSizePolicy,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

translate = QCoreApplication.translate

SAVE_THROTTLE_MS = 500

# The interview screen's text is larger than the rest of the app (read at arm's length, at a
# door): its base size is the app's text size plus this, and it follows Ctrl+= / Ctrl+- / Ctrl+0.
EXTRA_POINTS = 1.0
MIN_BASE_POINTS = 8.0

STYLE_TEMPLATE = """
QWidget#interviewView {{ background: #f7f7f5; }}
QScrollArea, QWidget#scrollPage {{ background: transparent; }}
QFrame#page {{ background: white; border: 1px solid #d9d9d4; border-radius: 8px; }}
QLabel#question {{ font-size: {question}pt; font-weight: 600; color: #1d1d1b; }}
QLabel#groupTitle {{ font-size: {group}pt; font-weight: 700; color: #1d1d1b; }}
QLabel#breadcrumb {{ color: #505050; font-size: {small}pt; }}
QLabel#hint {{ color: #4a4a4a; font-style: italic; }}
QLabel#problem {{ color: #a1001a; font-weight: 600; }}
QLabel#banner {{ background: #fff4ce; border: 1px solid #e0c36a; border-radius: 6px;
                padding: 8px 12px; }}
QLabel#saveState {{ color: #3d6b35; }}
QLabel#saveState[error="true"] {{ color: #a1001a; font-weight: 600; }}
QLineEdit, QPlainTextEdit, QComboBox, QListWidget {{
    padding: 5px 8px; border: 1px solid #8c8c88; border-radius: 5px; background: white; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QListWidget:focus {{
    border: 2px solid #1a5fb4; }}
QLineEdit:disabled, QPlainTextEdit:disabled {{ background: #f0f0ee; color: #333; }}
QRadioButton, QCheckBox {{ padding: 5px 8px; spacing: 10px; border-radius: 5px; }}
QRadioButton:focus, QCheckBox:focus {{ background: #dbe7f9; }}
QRadioButton:hover, QCheckBox:hover {{ background: #eef3fb; }}
QPushButton, QToolButton {{ padding: 7px 16px; border: 1px solid #8c8c88; border-radius: 6px;
    background: #f4f4f2; color: #1d1d1b; }}
QPushButton:hover, QToolButton:hover {{ background: #e9eef6; }}
QPushButton:focus, QToolButton:focus {{ border: 2px solid #1a5fb4; }}
QPushButton:disabled {{ color: #9a9a96; border-color: #c8c8c4; background: #f0f0ee; }}
QPushButton#primary {{ background: #1a5fb4; color: white; border-color: #134a8e;
    font-weight: 600; }}
QPushButton#primary:focus {{ border: 3px solid #0b2f5c; }}
QPushButton#primary:disabled {{ background: #9db4d3; color: #eef2f8; border-color: #9db4d3; }}
QPushButton#danger {{ color: #a1001a; border-color: #c9a0a6; background: #fff7f7; }}
QPushButton#clearAnswer {{ border: none; background: transparent; color: #1a5fb4;
    text-decoration: underline; padding: 2px 4px; }}
QListWidget#sections {{ border: none; background: transparent; font-size: {sections}pt; }}
QListWidget#sections::item {{ padding: 7px 8px; border-radius: 5px; }}
QListWidget#sections::item:selected {{ background: #1a5fb4; color: white; }}
QListWidget#problems::item {{ padding: 6px 4px; }}
QProgressBar {{ border: 1px solid #b9b9b4; border-radius: 5px; background: white;
    text-align: center; min-height: 20px; }}
QProgressBar::chunk {{ background: #7fb27a; border-radius: 4px; }}
"""


def base_point_size() -> float:
    """The interview screen's base text size, from the application's font (points)."""
    app_font = QApplication.font()
    size = app_font.pointSizeF()
    if size <= 0:  # a font set in pixels
        size = app_font.pixelSize() * 0.75
    return max(MIN_BASE_POINTS, size + EXTRA_POINTS)


def stylesheet(base: float) -> str:
    """The screen's look with sizes relative to ``base`` (12 pt at the default text size)."""

    def scaled(factor: float) -> str:
        return f"{base * factor:.1f}"

    return STYLE_TEMPLATE.format(
        question=scaled(1.25), group=scaled(1.42), small=scaled(0.92), sections=scaled(0.96)
    )


STYLE = stylesheet(12.0)


def answered_text(answered: int, total: int) -> str:
    """ "8 of 29 questions answered" (French: "1 question sur 17 a une réponse")."""
    return translate("InterviewView", "%n of %1 questions answered", None, answered).replace(
        "%1", str(total)
    )


class FieldRow(QWidget):
    """A question: label (with its * when required), hint, editor, message."""

    def __init__(self, view: InterviewView, node, editor: Editor):
        super().__init__()
        self.view = view
        self.node = node
        self.editor = editor
        self.template = view.session.template_of(node)
        self.shown_problem = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 10)
        layout.setSpacing(6)
        self.label = QLabel()
        self.label.setObjectName("question")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel()
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.label)
        layout.addWidget(self.hint)
        layout.addWidget(editor)
        layout.addWidget(self.message)
        self.dynamic = has_outputs(self.view.session.label(self.template)) or has_outputs(
            self.view.session.translate(self.template.hint)
        )
        self.refresh_texts()

    def refresh_texts(self) -> None:
        session = self.view.session
        label = render_html(session, self.node, session.label(self.template))
        if not label:
            label = self.template.name
        if session.is_required(self.node) and not isinstance(self.editor, NoteEditor):
            label += ' <span style="color:#a1001a">*</span>'
        self.label.setText(label)
        hint = render_html(session, self.node, session.translate(self.template.hint))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def show_problem(self, text: str) -> None:
        self.shown_problem = text
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.editor.setAccessibleDescription(text)


class InterviewView(QWidget):
    """Fill one interview. See the package docstring for the interface."""

    finalized = Signal(object)
    closed = Signal()
    edit_requested = Signal(object)

    def __init__(
        self,
        library,
        interview,
        session,
        *,
        tasks,
        read_only: bool = False,
        parent=None,
    ):
        super().__init__(parent)
        self.library = library
        self.interview = interview
        self.session = session
        self.tasks = tasks
        self.read_only = read_only
        self._screens: list[Screen] | None = None
        self._current: Screen | None = None
        self._index = 0
        self._rows: list[FieldRow] = []
        self._editor_widgets: dict[int, Editor] = {}
        self._saving = False
        self._save_again = False
        self._closing = False
        self._stopped = False  # flush(final=True) was called: no more saves
        self._finalizing = False
        self._confirm_bar: QWidget | None = None
        self._sections = sections(session.form)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.timeout.connect(self._save_now)
        self.setObjectName("interviewView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._base_size = 0.0
        self._build_chrome()
        self._apply_text_size()
        QApplication.instance().fontChanged.connect(self._app_font_changed)
        self._shortcuts()
        start = interview.position if getattr(interview, "position", None) else None
        if start and self._go_to(start, save=False):
            pass
        else:
            self._show(0, save=False)

    # ------------------------------------------------------------------ public interface

    def position(self) -> str:
        """The current screen's location (stored to resume there)."""
        return self._current.key if self._current is not None else ""

    def go_to(self, location: str) -> None:
        """Show the screen holding ``location`` (a position or a field's instance path)."""
        self._commit_screen()
        self._go_to(location)

    def flush(self, *, final: bool = False) -> None:
        """Save now what is on screen (answers and position) and wait until it is written.

        Used when the window closes: what was typed a moment ago (before the save throttle)
        is not lost. Blocks until the database queue is empty (a few milliseconds).
        ``final``: the screen is going away (the store may close next): nothing is saved
        after this, not even when a field loses the focus as the window closes."""
        if not self.read_only and not self._finalizing and not self._stopped:
            self._commit_screen()
            self._save_timer.stop()
            # Queued after any save in flight (the database thread is serial), so the last
            # answers win; the in-flight save need not be repeated.
            self._save_again = False
            self._saving = True
            self._submit_save(None)
        if final:
            self._stopped = True
        self.tasks.wait_db()

    def refresh(self) -> None:
        """The session was changed outside this screen: rebuild the screens and show the
        current one again (or the nearest one still there)."""
        self._commit_screen()
        self._invalidate()
        self._refresh_section_texts()
        self._show(self._current_index(), save=False, focus_location=self._pending_focus)

    # ------------------------------------------------------------------ text size

    def _apply_text_size(self) -> None:
        """Sizes from the application's font: Ctrl+= / Ctrl+- / Ctrl+0 reach this screen."""
        base = base_point_size()
        if abs(base - self._base_size) < 0.01:
            return
        self._base_size = base
        font = QFont(QApplication.font())
        font.setPointSizeF(base)
        self.setFont(font)
        self.setStyleSheet(stylesheet(base))
        ratio = base / 12.0
        self.section_list.setFixedWidth(round(230 * ratio))
        for button in (self.back_button, self.next_button):
            button.setMinimumWidth(round(150 * ratio))
            button.setMinimumHeight(round(42 * ratio))

    def text_point_size(self) -> float:
        """The base size of this screen's text (points)."""
        return self._base_size

    def _app_font_changed(self, _font) -> None:
        # QApplication.setFont tells only top-level windows (ApplicationFontChange), and this
        # screen's own font stops the change propagating: follow the app's signal instead.
        self._apply_text_size()

    # ------------------------------------------------------------------ chrome

    def _build_chrome(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 10)
        outer.setSpacing(8)

        top = QHBoxLayout()
        top.setSpacing(12)
        self.home_button = QPushButton(translate("InterviewView", "Save and go back"))
        self.home_button.setToolTip(
            translate("InterviewView", "Everything is saved: you can come back to it later.")
        )
        self.home_button.clicked.connect(self.close_interview)
        self.title = QLabel()
        self.title.setObjectName("breadcrumb")
        self.title.setWordWrap(False)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.home_button)
        top.addWidget(self.title, 1)
        self.language = QComboBox()
        self.language.setAccessibleName(translate("InterviewView", "Language of the questions"))
        self.language.setToolTip(translate("InterviewView", "Language of the questions"))
        languages = [lang for lang in self.session.form.languages if lang]
        for lang in languages:
            self.language.addItem(lang, lang)
        if self.session.language in languages:
            self.language.setCurrentIndex(languages.index(self.session.language))
        self.language.currentIndexChanged.connect(self._language_changed)
        language_label = QLabel(translate("InterviewView", "Language:"))
        language_label.setBuddy(self.language)
        if len(languages) > 1:
            top.addWidget(language_label)
            top.addWidget(self.language)
        else:
            self.language.hide()
            language_label.hide()
        outer.addLayout(top)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(translate("InterviewView", "Progress"))
        outer.addWidget(self.progress)

        middle = QHBoxLayout()
        middle.setSpacing(14)
        self.section_list = QListWidget()
        self.section_list.setObjectName("sections")
        self.section_list.setAccessibleName(translate("InterviewView", "Sections"))
        self.section_list.setFixedWidth(230)
        self.section_list.setWordWrap(True)
        self.section_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for section in self._sections:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, section.index)
            self.section_list.addItem(item)
        end_item = QListWidgetItem(translate("InterviewView", "End: check and finalize"))
        end_item.setData(Qt.ItemDataRole.UserRole, "end")
        self.section_list.addItem(end_item)
        self.section_list.itemClicked.connect(self._section_clicked)
        self.section_list.itemActivated.connect(self._section_clicked)
        middle.addWidget(self.section_list)

        column = QVBoxLayout()
        column.setSpacing(8)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setText(
            translate(
                "InterviewView",
                "This interview is finalized: its answers can be read but not changed.",
            )
        )
        self.edit_button = QPushButton(translate("InterviewView", "Edit"))
        self.edit_button.setToolTip(
            translate("InterviewView", "Make a new version of this interview to correct it")
        )
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.interview))
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.edit_button)
        self.banner_row = QWidget()
        self.banner_row.setLayout(banner_row)
        banner_row.setContentsMargins(0, 0, 0, 0)
        self.banner_row.setVisible(self.read_only)
        column.addWidget(self.banner_row)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column.addWidget(self.scroll, 1)
        middle.addLayout(column, 1)
        outer.addLayout(middle, 1)

        bottom = QHBoxLayout()
        self.back_button = QPushButton(translate("InterviewView", "◀  Back"))
        self.back_button.setToolTip(translate("InterviewView", "Previous question (Page Up)"))
        self.back_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.back_button.clicked.connect(self.go_back)
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.save_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QPushButton(translate("InterviewView", "Next  ▶"))
        self.next_button.setObjectName("primary")
        self.next_button.setToolTip(translate("InterviewView", "Next question (Enter, Page Down)"))
        self.next_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.next_button.clicked.connect(self.go_next)
        for button in (self.back_button, self.next_button):
            button.setMinimumWidth(150)
            button.setMinimumHeight(42)
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.save_state, 1)
        bottom.addWidget(self.next_button)
        outer.addLayout(bottom)
        self._refresh_section_texts()

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Alt+Right", self.go_next),
            ("PgDown", self.go_next),
            ("Alt+Left", self.go_back),
            ("PgUp", self.go_back),
            ("Ctrl+F", self.go_to_end),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ screens

    def screens(self) -> list[Screen]:
        if self._screens is None:
            self._screens = build_screens(self.session, read_only=self.read_only)
        return self._screens

    def _invalidate(self) -> None:
        self._screens = None

    def _current_index(self) -> int:
        """Index of the current screen in the up-to-date list (or of where it was)."""
        screens = self.screens()
        if self._current is None:
            return 0
        for index, screen in enumerate(screens):
            if screen.key == self._current.key:
                return index
        found = screen_index_for(screens, self.session, self._current.key)
        if found is not None:
            return found
        return min(self._index, len(screens) - 1)

    def _neighbour(self, step: int) -> int | None:
        """The next (+1) or previous (-1) screen, even if the current one disappeared."""
        screens = self.screens()
        keys = {screen.key: i for i, screen in enumerate(screens)}
        if self._current is not None and self._current.key in keys:
            target = keys[self._current.key] + step
            return target if 0 <= target < len(screens) else None
        # the current screen is gone (no longer relevant): nearest remaining in document order
        old = self._old_screens or []
        probe = self._index
        while 0 <= probe < len(old):
            probe += step
            if 0 <= probe < len(old) and old[probe].key in keys:
                return keys[old[probe].key]
        return len(screens) - 1 if step > 0 else 0

    def go_next(self) -> None:
        if self._finalizing:
            return
        self._commit_screen()
        if not self.read_only and not self._check_screen(required=True):
            return
        target = self._neighbour(1)
        if target is not None:
            self._show(target)

    def go_back(self) -> None:
        if self._finalizing:
            return
        self._commit_screen()
        target = self._neighbour(-1)
        if target is not None:
            self._show(target)

    def go_to_end(self) -> None:
        if self._finalizing:
            return
        self._commit_screen()
        self._show(len(self.screens()) - 1)

    def _go_to(self, location: str, *, save: bool = True) -> bool:
        screens = self.screens()
        if location == FINALIZE:
            self._show(len(screens) - 1, save=save)
            return True
        index = screen_index_for(screens, self.session, location)
        if index is None:
            return False
        self._show(index, save=save, focus_location=location)
        return True

    # ------------------------------------------------------------------ rendering

    def _show(self, index: int, *, save: bool = True, focus_location: str | None = None):
        screens = self.screens()
        index = max(0, min(index, len(screens) - 1))
        screen = screens[index]
        self._old_screens = screens
        self._index = index
        self._current = screen
        self._rows = []
        self._editor_widgets = {}
        self._confirm_bar = None
        page = QWidget()
        page.setObjectName("scrollPage")
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(4, 4, 12, 4)
        frame = QFrame()
        frame.setObjectName("page")
        frame.setMaximumWidth(900)
        frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        content = QVBoxLayout(frame)
        content.setContentsMargins(28, 22, 28, 22)
        content.setSpacing(12)
        self._content = content
        if screen.kind in (GROUP, "field"):
            self._render_fields(screen, content)
        elif screen.kind == REPEAT_ADD:
            self._render_repeat(screen, content)
        elif screen.kind == END:
            self._render_end(content)
        if screen.instances and not self.read_only and screen.kind != REPEAT_ADD:
            self._render_remove(screen, content)
        page_layout.addWidget(frame, 0, Qt.AlignmentFlag.AlignHCenter)
        page_layout.addStretch(1)
        frame.setMinimumWidth(min(900, max(560, self.scroll.viewport().width() - 40)))
        old = self.scroll.takeWidget()
        self.scroll.setWidget(page)
        if old is not None:
            old.deleteLater()
        self._page_frame = frame
        self.title.setText(self._breadcrumb(screen))
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(screen.kind != END)
        self._refresh_progress()
        self._refresh_sections()
        self._pending_focus = focus_location
        self._focus_first(focus_location)
        if save:
            self._schedule_save(immediate=True)

    def showEvent(self, event):
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            focus = self._pending_focus
            self._focus_first(focus)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        frame = getattr(self, "_page_frame", None)
        if frame is not None:
            frame.setMinimumWidth(min(900, max(560, self.scroll.viewport().width() - 40)))

    def _render_fields(self, screen: Screen, content: QVBoxLayout) -> None:
        if screen.kind == GROUP:
            title = QLabel()
            title.setObjectName("groupTitle")
            title.setWordWrap(True)
            title.setText(self._container_title(screen.node))
            content.addWidget(title)
            hint = render_html(
                self.session, screen.node, self.session.translate(screen.template.hint)
            )
            if hint:
                hint_label = QLabel(hint)
                hint_label.setObjectName("hint")
                hint_label.setWordWrap(True)
                content.addWidget(hint_label)
        for node in screen.fields:
            template = self.session.template_of(node)
            label = render_plain(self.session, node, self.session.label(template))
            readonly = self.session.is_readonly(node)
            editor = make_editor(
                self.session, node, label or template.name, read_only_field=readonly
            )
            editor.load()
            row = FieldRow(self, node, editor)
            if self.read_only or readonly:
                editor.set_read_only(True)
            row.setVisible(self.session.is_relevant(node))
            editor.edited.connect(lambda e=editor: self._answered(e, final=False))
            editor.committed.connect(lambda e=editor: self._answered(e, final=True))
            if isinstance(editor, FileEditor):
                editor.file_chosen.connect(lambda path, e=editor: self._attach(e, path))
            for widget in editor.focus_widgets():
                widget.installEventFilter(self)
                self._editor_widgets[id(widget)] = editor
            content.addWidget(row)
            self._rows.append(row)

    def _render_repeat(self, screen: Screen, content: QVBoxLayout) -> None:
        template = screen.template
        label = self.session.translate(template.label) or template.name
        title = QLabel(render_html(self.session, screen.node, label))
        title.setObjectName("groupTitle")
        title.setWordWrap(True)
        content.addWidget(title)
        instances = self.session.repeat_instances(template, under=screen.node)
        count = len(instances)
        if count:
            summary = QLabel(translate("InterviewView", "Already entered: %n", None, count))
        else:
            summary = QLabel(translate("InterviewView", "Nobody entered yet."))
        summary.setWordWrap(True)
        content.addWidget(summary)
        prefix = self.session.location_of(screen.node)
        for position, instance in enumerate(instances, start=1):
            name = self._instance_summary(instance)
            text = self._instance_label(template, position, count)
            if name:
                text = translate("InterviewView", "%1: %2").replace("%1", text).replace("%2", name)
            button = QPushButton(text)
            button.setStyleSheet("text-align: left;")
            button.setAccessibleName(text)
            location = f"{prefix}/{template.name}[{position}]"
            button.clicked.connect(lambda _=False, loc=location: self.go_to(loc))
            content.addWidget(button)
        self.add_button = QPushButton(
            translate("InterviewView", "Add: %1").replace(
                "%1", render_plain(self.session, screen.node, label)
            )
        )
        self.add_button.setObjectName("primary")
        self.add_button.setMinimumHeight(44)
        self.add_button.clicked.connect(self._add_instance)
        content.addSpacing(8)
        content.addWidget(self.add_button)
        help_text = QLabel(
            translate(
                "InterviewView",
                "When everyone is entered, go on with Next (Page Down).",
            )
        )
        help_text.setObjectName("hint")
        help_text.setWordWrap(True)
        content.addWidget(help_text)

    def _render_remove(self, screen: Screen, content: QVBoxLayout) -> None:
        instance = screen.instances[-1]
        template = self.session.template_of(instance)
        siblings = instance.parent.elements(instance.name)
        label = self._instance_label(template, siblings.index(instance) + 1, len(siblings))
        self.remove_button = QPushButton(
            translate("InterviewView", "Remove %1").replace("%1", label)
        )
        self.remove_button.setObjectName("danger")
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.remove_button.clicked.connect(lambda: self._ask_remove(instance, label))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        content.addSpacing(10)
        content.addLayout(row)

    def _ask_remove(self, instance, label: str) -> None:
        if self._confirm_bar is not None:
            return
        bar = QFrame()
        bar.setObjectName("banner")
        bar.setStyleSheet(
            "QFrame#banner { background: #fff0f0; border: 1px solid #d9a3ab; border-radius: 6px; }"
        )
        layout = QHBoxLayout(bar)
        question = QLabel(
            translate("InterviewView", "Remove %1 and all its answers?").replace("%1", label)
        )
        question.setWordWrap(True)
        layout.addWidget(question, 1)
        self.confirm_remove_button = QPushButton(translate("InterviewView", "Yes, remove"))
        self.confirm_remove_button.setObjectName("danger")
        cancel = QPushButton(translate("InterviewView", "Cancel"))
        self.confirm_remove_button.clicked.connect(lambda: self._remove_instance(instance))
        cancel.clicked.connect(lambda: self._cancel_remove(bar))
        layout.addWidget(self.confirm_remove_button)
        layout.addWidget(cancel)
        self._content.addWidget(bar)
        self._confirm_bar = bar
        cancel.setFocus()

    def _cancel_remove(self, bar) -> None:
        bar.hide()
        bar.deleteLater()
        self._confirm_bar = None
        self._focus_first(None)

    def _render_end(self, content: QVBoxLayout) -> None:
        title = QLabel(translate("InterviewView", "End of the interview"))
        title.setObjectName("groupTitle")
        content.addWidget(title)
        answered, total = self.session.progress()
        summary = QLabel(answered_text(answered, total) + ".")
        content.addWidget(summary)
        self.problem_list = None
        self.finalize_button = None
        if self.read_only:
            text = QLabel(
                translate(
                    "InterviewView",
                    "This interview is finalized. To correct it, make a new version with Edit.",
                )
            )
            text.setWordWrap(True)
            content.addWidget(text)
            edit = QPushButton(translate("InterviewView", "Edit"))
            edit.setObjectName("primary")
            edit.clicked.connect(lambda: self.edit_requested.emit(self.interview))
            content.addWidget(edit, 0, Qt.AlignmentFlag.AlignLeft)
            return
        problems = self.session.validate()
        if problems:
            intro = QLabel(
                translate(
                    "InterviewView",
                    "Answers to check before finalizing: %n. Click one to go there:",
                    None,
                    len(problems),
                )
            )
            intro.setWordWrap(True)
            content.addWidget(intro)
            self.problem_list = QListWidget()
            self.problem_list.setObjectName("problems")
            self.problem_list.setAccessibleName(translate("InterviewView", "Answers to check"))
            self.problem_list.setWordWrap(True)
            self.problem_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.problem_list.setTextElideMode(Qt.TextElideMode.ElideNone)
            self.problem_list.setResizeMode(QListWidget.ResizeMode.Adjust)
            for problem in problems:
                item = QListWidgetItem(self._problem_text(problem))
                item.setData(Qt.ItemDataRole.UserRole, problem.path)
                self.problem_list.addItem(item)
            self.problem_list.setMinimumHeight(min(360, 52 * len(problems) + 10))
            self.problem_list.itemClicked.connect(self._problem_clicked)
            self.problem_list.itemActivated.connect(self._problem_clicked)
            content.addWidget(self.problem_list)
        else:
            ready = QLabel(
                translate(
                    "InterviewView",
                    "Everything is answered. Finalize the interview to hand it in: "
                    "its answers can then no longer be changed.",
                )
            )
            ready.setWordWrap(True)
            content.addWidget(ready)
        buttons = QHBoxLayout()
        self.finalize_button = QPushButton(translate("InterviewView", "Finalize"))
        self.finalize_button.setObjectName("primary")
        self.finalize_button.setMinimumHeight(44)
        self.finalize_button.setMinimumWidth(180)
        self.finalize_button.setEnabled(not problems)
        self.finalize_button.clicked.connect(self.finalize)
        later = QPushButton(translate("InterviewView", "Save and finish later"))
        later.setMinimumHeight(44)
        later.clicked.connect(self.close_interview)
        buttons.addWidget(self.finalize_button)
        buttons.addWidget(later)
        buttons.addStretch(1)
        content.addSpacing(8)
        content.addLayout(buttons)
        self.finalize_state = QLabel()
        self.finalize_state.setObjectName("problem")
        self.finalize_state.setWordWrap(True)
        self.finalize_state.hide()
        content.addWidget(self.finalize_state)

    def _problem_text(self, problem) -> str:
        try:
            node = self.session.node_at(problem.path)
        except KeyError:
            return f"{problem.name}: {self._problem_message(problem)}"
        template = self.session.template_of(node)
        label = render_plain(self.session, node, self.session.label(template)) or template.name
        where = self._instances_text(node)
        if where:
            label = translate("InterviewView", "%1 (%2)").replace("%1", label).replace("%2", where)
        return (
            translate("InterviewView", "%1 — %2")
            .replace("%1", label)
            .replace("%2", self._problem_message(problem))
        )

    def _problem_message(self, problem) -> str:
        if problem.code == "required":
            return problem.message or translate("InterviewView", "An answer is required.")
        if problem.code == "constraint" and problem.message:
            return problem.message
        if problem.code == "limit":
            return translate(
                "InterviewView",
                "This repeat is asked for more entries than a form can hold (10,000). "
                "Please lower the number that sets it.",
            )
        if problem.code == "timeout":
            return translate(
                "InterviewView",
                "This answer could not be checked: the form's rule took too long. "
                "Please tell the form's author.",
            )
        return translate("InterviewView", "This answer is not valid.")

    def _problem_clicked(self, item) -> None:
        self._go_to(item.data(Qt.ItemDataRole.UserRole))

    # ------------------------------------------------------------------ titles

    def _instance_label(self, template, position: int, count: int) -> str:
        label = render_plain(self.session, None, self.session.translate(template.label))
        return (
            translate("InterviewView", "%1 %2/%3")
            .replace("%1", label or template.name)
            .replace("%2", str(position))
            .replace("%3", str(count))
        )

    def _instance_summary(self, instance) -> str:
        """The first text answer of a repeat instance (a name, usually)."""
        for child in instance.elements():
            template = self.session.template_of(child)
            if template.kind is Kind.FIELD and template.control == "input":
                value = self.session.value(child)
                if value and template.bind.type == "string" and template.type != "note":
                    return value
        return ""

    def _container_title(self, node) -> str:
        template = self.session.template_of(node)
        if template.kind is Kind.REPEAT:
            siblings = node.parent.elements(node.name)
            return self._instance_label(template, siblings.index(node) + 1, len(siblings))
        return render_html(self.session, node, self.session.translate(template.label))

    def _instances_text(self, node) -> str:
        parts = []
        probe = node
        while probe is not None and probe is not self.session.root:
            template = self.session.template_of(probe)
            if template is not None and template.kind is Kind.REPEAT:
                siblings = probe.parent.elements(probe.name)
                parts.append(
                    self._instance_label(template, siblings.index(probe) + 1, len(siblings))
                )
            probe = probe.parent
        return ", ".join(reversed(parts))

    def _breadcrumb(self, screen: Screen) -> str:
        parts = []
        node = screen.node
        if screen.kind == REPEAT_ADD:
            parts.append(
                render_plain(self.session, node, self.session.translate(screen.template.label))
            )
        elif screen.kind == GROUP:
            node = node.parent
        elif node is not None:
            node = node.parent
        while node is not None and node is not self.session.root and node.kind == "element":
            template = self.session.template_of(node)
            if template is not None and template.kind in (Kind.GROUP, Kind.REPEAT):
                if template.kind is Kind.REPEAT:
                    siblings = node.parent.elements(node.name)
                    parts.append(
                        self._instance_label(template, siblings.index(node) + 1, len(siblings))
                    )
                else:
                    text = render_plain(self.session, node, self.session.translate(template.label))
                    if text:
                        parts.append(text)
            node = node.parent
        title = self.session.form.title
        crumbs = list(reversed(parts))
        return "  ›  ".join([title, *crumbs]) if title else "  ›  ".join(crumbs)

    # ------------------------------------------------------------------ sections & progress

    def _refresh_section_texts(self) -> None:
        for section in self._sections:
            item = self.section_list.item(section.index)
            item.setText(
                render_plain(self.session, None, self.session.translate(section.template.label))
                or section.template.name
            )

    def _refresh_sections(self) -> None:
        present = {screen.section for screen in self.screens()}
        for section in self._sections:
            item = self.section_list.item(section.index)
            flags = item.flags()
            if section.index in present:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
        self.section_list.blockSignals(True)
        if self._current is not None and self._current.kind == END:
            self.section_list.setCurrentRow(self.section_list.count() - 1)
        elif self._current is not None and self._current.section >= 0:
            self.section_list.setCurrentRow(self._current.section)
        else:
            self.section_list.clearSelection()
            self.section_list.setCurrentItem(None)
        self.section_list.blockSignals(False)

    def _section_clicked(self, item) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if not (item.flags() & Qt.ItemFlag.ItemIsEnabled):
            return
        self._commit_screen()
        screens = self.screens()
        if target == "end":
            self._show(len(screens) - 1)
            return
        for index, screen in enumerate(screens):
            if screen.section == target:
                self._show(index)
                return

    def _refresh_progress(self) -> None:
        answered, total = self.session.progress()
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(answered)
        self.progress.setFormat(answered_text(answered, total))

    # ------------------------------------------------------------------ focus & keys

    def _focus_first(self, location: str | None) -> None:
        target = None
        if location is not None:
            for row in self._rows:
                if self.session.location_of(row.node) == location:
                    target = row.editor.first_focus()
        if target is None:
            for row in self._rows:
                if row.isVisibleTo(self) and not row.isHidden():
                    widget = row.editor.first_focus()
                    if widget is not None and widget.isEnabled():
                        target = widget
                        break
        if target is None and self._current is not None:
            if self._current.kind == REPEAT_ADD:
                target = self.add_button
            elif self._current.kind == END:
                if getattr(self, "problem_list", None) is not None:
                    target = self.problem_list
                    self.problem_list.setCurrentRow(0)
                elif getattr(self, "finalize_button", None) is not None:
                    target = self.finalize_button
        if target is None:
            target = self.next_button if self.next_button.isVisible() else None
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(target, 40, 40)

    def _visible_rows(self) -> list[FieldRow]:
        return [row for row in self._rows if not row.isHidden()]

    def _move_on(self, editor: Editor) -> None:
        """Enter/Tab: store the answer, then the next question of the screen, or next screen."""
        self._answered(editor, final=True)
        row = self._row_of(editor)
        if row is not None and row.shown_problem and self.session.value(row.node) != "":
            return  # an answer that is not valid: stay on it, its message is shown
        if row is not None and row.editor.input_error:
            return
        rows = self._visible_rows()
        found = False
        for row in rows:
            if found:
                widget = row.editor.first_focus()
                if widget is not None and widget.isEnabled():
                    widget.setFocus(Qt.FocusReason.TabFocusReason)
                    self.scroll.ensureWidgetVisible(widget, 40, 40)
                    return
            if row.editor is editor:
                found = True
        self.go_next()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.KeyPress:
            editor = self._editor_widgets.get(id(watched))
            if editor is not None:
                key = event.key()
                modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if isinstance(watched, QPlainTextEdit) and not (
                        modifiers & Qt.KeyboardModifier.ControlModifier
                    ):
                        return False
                    if isinstance(watched, QComboBox) and watched.view().isVisible():
                        return False
                    self._move_on(editor)
                    return True
                if key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
                    own = [w for w in editor.focus_widgets() if w.isEnabled()]
                    if not isinstance(editor, SelectEditor) and own and watched is not own[-1]:
                        return False  # latitude -> longitude, date -> time
                    rows = self._visible_rows()
                    editors = [r.editor for r in rows if r.editor.first_focus() is not None]
                    if editors and editors[-1] is editor:
                        self._move_on(editor)
                        return True
                    if isinstance(editor, SelectEditor) or len(editor.focus_widgets()) == 1:
                        self._move_on(editor)
                        return True
                if (
                    Qt.Key.Key_1 <= key <= Qt.Key.Key_9
                    and modifiers == Qt.KeyboardModifier.NoModifier
                    and not self.read_only
                    and editor.pick_digit(key - Qt.Key.Key_0)
                ):
                    return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QAbstractButton) and focus.isEnabled():
                focus.click()
                return
            if self._current is not None and self._current.kind != END:
                self.go_next()
                return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ answers

    def _row_of(self, editor: Editor) -> FieldRow | None:
        for row in self._rows:
            if row.editor is editor:
                return row
        return None

    def _answered(self, editor: Editor, *, final: bool) -> None:
        if self.read_only or self._finalizing:
            return
        row = self._row_of(editor)
        if row is None:
            return
        value = editor.answer()
        if value is None:
            if final:
                row.show_problem(editor.input_error)
            return
        if value != self.session.value(editor.node):
            self.session.set_answer(editor.node, value)
            self._invalidate()
            self._after_change(editor)
        if final:
            self._check_row(row, required=bool(row.shown_problem))
            self._schedule_save(immediate=True)
        else:
            if row.shown_problem and editor.input_error == "":
                problem = self.session.check(editor.node)
                if problem is None:
                    row.show_problem("")
            self._schedule_save(immediate=False)

    def _after_change(self, source: Editor | None) -> None:
        """Bring the screen up to date after an answer changed (relevance, outputs, values)."""
        for row in self._rows:
            relevant = self.session.is_relevant(row.node)
            if row.isHidden() == relevant:
                row.setVisible(relevant)
            if row.dynamic or row.template.bind.required not in (None, "", "true()"):
                row.refresh_texts()
            if row.editor is not source:
                row.editor.refresh_choices()
                if not row.editor.is_editing() and (
                    row.editor.answer() != self.session.value(row.node)
                ):
                    row.editor.load()
        self._refresh_progress()

    def _check_row(self, row: FieldRow, *, required: bool) -> str:
        """Show the row's problem (a missing answer only when ``required``); return it."""
        if row.isHidden() or self.session.is_readonly(row.node):
            row.show_problem("")
            return ""
        if row.editor.input_error:
            row.show_problem(row.editor.input_error)
            return row.editor.input_error
        problem = self.session.check(row.node)
        if problem is None or (problem.code == "required" and not required):
            row.show_problem("")
            return ""
        text = self._problem_message(problem)
        row.show_problem(text)
        return text

    def _check_screen(self, *, required: bool) -> bool:
        first_bad = None
        for row in self._rows:
            if self._check_row(row, required=required) and first_bad is None:
                first_bad = row
        if first_bad is not None:
            widget = first_bad.editor.first_focus()
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                self.scroll.ensureWidgetVisible(first_bad, 40, 40)
            return False
        return True

    def _commit_screen(self) -> None:
        """Store what is typed but not yet committed (moving away from the screen)."""
        if self.read_only:
            return
        for row in self._rows:
            if row.isHidden() or isinstance(row.editor, NoteEditor):
                continue
            value = row.editor.answer()
            if value is not None and value != self.session.value(row.node):
                self.session.set_answer(row.node, value)
                self._invalidate()

    # ------------------------------------------------------------------ repeats

    def _add_instance(self) -> None:
        screen = self._current
        if screen is None or screen.kind != REPEAT_ADD or self.read_only:
            return
        instance = self.session.add_repeat(screen.template, under=screen.node)
        self._invalidate()
        self._go_to(self.session.location_of(instance))

    def _remove_instance(self, instance) -> None:
        template = self.session.template_of(instance)
        parent = instance.parent
        self.session.remove_repeat(instance)
        self._invalidate()
        prefix = self.session.location_of(parent)
        self._go_to(f"{prefix}/{template.name}[+]") or self._show(self._index)

    # ------------------------------------------------------------------ language

    def _language_changed(self, index: int) -> None:
        language = self.language.itemData(index)
        if not language or language == self.session.language:
            return
        self._commit_screen()
        self.session.set_language(language)
        self._invalidate()
        self._refresh_section_texts()
        self._show(self._current_index(), save=False)

    # ------------------------------------------------------------------ files

    def _attach(self, editor: FileEditor, path: str) -> None:
        library = self.library
        instance_id = self.interview.instance_id
        filename = editor.attachment_name(path)
        media_type = editor.media_type(path)

        def work():
            with open(path, "rb") as handle:
                data = handle.read()
            library.store.add_attachment(instance_id, filename, data, media_type)
            return filename

        def done(name):
            if editor.parent() is not None or editor.isVisible():
                try:
                    editor.set_file(name)
                except RuntimeError:  # the screen was left meanwhile
                    self.session.set_answer(editor.node, name)
                    self._invalidate()
                    self._schedule_save(immediate=True)

        def failed(error):
            self._set_save_state(
                translate("InterviewView", "The file could not be added: %1").replace(
                    "%1", str(error)
                ),
                error=True,
            )
            try:
                editor.load()
            except RuntimeError:
                pass

        self.tasks.run_db(work, on_done=done, on_error=failed)

    # ------------------------------------------------------------------ saving

    def _schedule_save(self, *, immediate: bool) -> None:
        if self.read_only or self._finalizing or self._stopped:
            return
        if immediate:
            self._save_timer.stop()
            self._save_now()
        elif not self._save_timer.isActive():
            self._save_timer.start(SAVE_THROTTLE_MS)

    def _save_now(self, on_saved=None) -> None:
        if self.read_only or self._finalizing or self._stopped:
            return
        if self._saving:
            self._save_again = True
            if on_saved is not None:
                self._after_saves = on_saved
            return
        self._saving = True
        self._submit_save(on_saved)

    def _submit_save(self, on_saved) -> None:
        # taken on the UI thread (a session has one owner), saved on the database thread
        answers, name = self.session.answers(), self.session.instance_name()
        progress = self.session.progress()
        position = self.position()
        library, interview = self.library, self.interview

        def work():
            save_snapshot(
                library,
                interview,
                answers=answers,
                instance_name=name,
                position=position,
                progress=progress,
            )

        def done(_result):
            self._saving = False
            self._set_save_state(translate("InterviewView", "Saved"))
            if self._save_again:
                self._save_again = False
                self._save_now(getattr(self, "_after_saves", None))
                self._after_saves = None
            elif on_saved is not None:
                on_saved()

        def failed(error):
            self._saving = False
            self._set_save_state(
                translate(
                    "InterviewView", "Not saved: %1. Your answers are kept on screen; retrying."
                ).replace("%1", str(error)),
                error=True,
            )
            # Tied to this screen: no retry once it is gone.
            QTimer.singleShot(3000, self, lambda: self._schedule_save(immediate=True))

        self._set_save_state(translate("InterviewView", "Saving…"))
        self.tasks.run_db(work, on_done=done, on_error=failed)

    def _set_save_state(self, text: str, *, error: bool = False) -> None:
        self.save_state.setText(text)
        self.save_state.setProperty("error", "true" if error else "false")
        self.save_state.style().unpolish(self.save_state)
        self.save_state.style().polish(self.save_state)

    def close_interview(self) -> None:
        """Save what is on screen, then say the person went back home."""
        if self._closing:
            return
        self._closing = True
        if self.read_only or self._finalizing:
            self.closed.emit()
            return
        self._commit_screen()
        self._save_timer.stop()
        self._save_now(on_saved=self.closed.emit)

    # ------------------------------------------------------------------ finalize

    def finalize(self) -> None:
        if self.read_only or self._finalizing:
            return
        self._commit_screen()
        problems = self.session.validate()
        if problems:
            self._show(len(self.screens()) - 1, save=False)
            return
        self._save_timer.stop()
        self._save_again = False  # finalizing stores the answers itself
        self._finalizing = True
        self.setEnabled(False)
        if self.finalize_button is not None:
            self.finalize_state.setText(translate("InterviewView", "Finalizing…"))
            self.finalize_state.setStyleSheet("color: #1d1d1b;")
            self.finalize_state.show()
        library, interview, session = self.library, self.interview, self.session

        def work():
            return finalize_interview(library, interview, session)

        def done(record):
            self._finalizing = False
            self.interview = record
            self.read_only = True
            self.setEnabled(True)
            self._invalidate()
            self.banner_row.setVisible(True)
            self._show(len(self.screens()) - 1, save=False)
            self.finalized.emit(record)

        def failed(error):
            self._finalizing = False
            self.setEnabled(True)
            self._invalidate()
            self._show(len(self.screens()) - 1, save=False)
            if not isinstance(error, ValidationError) and self.finalize_state is not None:
                self.finalize_state.setText(
                    translate("InterviewView", "The interview could not be finalized: %1").replace(
                        "%1", str(error)
                    )
                )
                self.finalize_state.setStyleSheet("")
                self.finalize_state.show()

        self.tasks.run_db(work, on_done=done, on_error=failed)
