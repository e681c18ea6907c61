"""The interview filling screen: one question (or one field-list group) at a time.

This module wires the pieces together; each has one job:

- ``navigator.Navigator``: the screens in order and where the person is (no Qt);
- ``renderer.Renderer``: builds a screen's widgets (questions, a repeat's list, the end);
- ``autosaver.Autosaver``: saves as the person types, an explicit state machine;
- ``storage.InterviewStorage``: the three Workspace operations the screen needs, given by
  the caller, and where what they changed is said (``workspace_changed`` in the app).

Every answer is written to the session at once and saved on the database thread. The session
has one owner, the GUI thread: what is saved or finalized is a snapshot of the answers taken
here (``take_snapshot``, ``final_snapshot``); the database thread never reads the live session.
"""

from __future__ import annotations

from surveyor.errors import ValidationError
from surveyor.services.interviews import final_snapshot
from surveyor.services.interviews import take_snapshot
from surveyor.ui.flow import ElidedLabel
from surveyor.ui.interview.autosaver import Autosaver
from surveyor.ui.interview.editors import Editor
from surveyor.ui.interview.editors import FileEditor
from surveyor.ui.interview.editors import NoteEditor
from surveyor.ui.interview.editors import SelectEditor
from surveyor.ui.interview.navigator import Navigator
from surveyor.ui.interview.renderer import FieldRow
from surveyor.ui.interview.renderer import Page
from surveyor.ui.interview.renderer import Renderer
from surveyor.ui.interview.renderer import answered_text
from surveyor.ui.interview.screens import END
from surveyor.ui.interview.screens import REPEAT_ADD
from surveyor.ui.interview.screens import Screen
from surveyor.ui.interview.screens import sections
from surveyor.ui.interview.storage import InterviewStorage
from surveyor.ui.interview.style import base_point_size
from surveyor.ui.interview.style import stylesheet
from surveyor.ui.qt import QAbstractButton
from surveyor.ui.qt import QApplication
from surveyor.ui.qt import QComboBox
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QEvent
from surveyor.ui.qt import QFont
from surveyor.ui.qt import QFrame
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QKeySequence
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QListWidget
from surveyor.ui.qt import QListWidgetItem
from surveyor.ui.qt import QPlainTextEdit
from surveyor.ui.qt import QProgressBar
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import QScrollArea
from surveyor.ui.qt import QShortcut
from surveyor.ui.qt import QSizePolicy
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal

translate = QCoreApplication.translate


def of_page(name: str) -> property:
    """A widget of the page of the current screen, read-only: None when there is no page."""
    return property(lambda view: getattr(view._page, name) if view._page is not None else None)


class InterviewView(QWidget):
    """Fill one interview. See the package docstring for the interface."""

    finalized = Signal(object)
    closed = Signal()
    edit_requested = Signal(object)

    def __init__(
        self,
        storage: InterviewStorage,
        interview,
        session,
        *,
        tasks,
        read_only: bool = False,
        parent=None,
    ):
        super().__init__(parent)
        self.storage = storage
        self.interview = interview
        self.session = session
        self.tasks = tasks
        self.navigator = Navigator(session, read_only=read_only)
        self.renderer = Renderer(session)
        self.autosaver = Autosaver(
            self, tasks=tasks, snapshot=self._snapshot, write=self._write, stopped=read_only
        )
        self.autosaver.saving.connect(
            lambda: self._set_save_state(translate("InterviewView", "Saving…"))
        )
        self.autosaver.saved.connect(
            lambda: self._set_save_state(translate("InterviewView", "Saved"))
        )
        self.autosaver.failed.connect(self._save_failed)
        self.autosaver.written.connect(self._changed)
        self._page: Page | None = None
        self._editor_widgets: dict[int, Editor] = {}
        self._closing = False
        self._finalizing = False  # the finalized record is being written
        self._confirm_bar: QWidget | None = None
        self.confirm_finalize_button: QPushButton | None = None
        self._pending_focus: str | None = None
        self._shown_once = False
        self._sections = sections(session.form)
        self.setObjectName("interviewView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._base_size = 0.0
        self._build_chrome()
        self._apply_text_size()
        QApplication.instance().fontChanged.connect(self._app_font_changed)
        self._shortcuts()
        start = interview.position
        if read_only:
            self._show(self.navigator.last, save=False)  # a finalized interview: its review
        elif not (start and self._go_to(start, save=False)):
            self._show(0, save=False)

    # ------------------------------------------------------------------ public interface

    def position(self) -> str:
        """The current screen's location (stored to resume there)."""
        return self.navigator.position()

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
        if self.autosaver.active:
            self._commit_screen()
        self.autosaver.flush(final=final)

    def refresh(self) -> None:
        """The session was changed outside this screen: rebuild the screens and show the
        current one again (or the nearest one still there)."""
        self._commit_screen()
        self.navigator.invalidate()
        self._refresh_section_texts()
        self._show(self.navigator.current_index(), save=False, focus_location=self._pending_focus)

    @property
    def read_only(self) -> bool:
        """A finalized interview is shown read only (and becomes so once finalized here)."""
        return self.navigator.read_only

    def screens(self) -> list[Screen]:
        """Every screen of the interview now, in order, the finalize screen last."""
        return self.navigator.screens()

    @property
    def current(self) -> Screen | None:
        """The screen shown."""
        return self.navigator.current

    @property
    def rows(self) -> list[FieldRow]:
        """The questions of the screen shown."""
        return self._page.rows if self._page is not None else []

    def editor_of(self, widget) -> Editor | None:
        """The editor a focusable widget of the screen belongs to."""
        return self._editor_widgets.get(id(widget)) if widget is not None else None

    # the current screen's buttons (None when it has none)
    add_button = of_page("add_button")  # QPushButton
    remove_button = of_page("remove_button")  # QPushButton
    problem_list = of_page("problem_list")  # QListWidget
    finalize_button = of_page("finalize_button")  # QPushButton
    finalize_state = of_page("finalize_state")  # QLabel

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
        self._fit_section_list()
        for button in (self.back_button, self.next_button):
            button.setMinimumWidth(round(150 * ratio))
            button.setMinimumHeight(round(42 * ratio))

    def _fit_section_list(self) -> None:
        """The section list grows with the text but never takes more than 28 % of the
        screen: at the largest text size on 1024 px the question keeps its room."""
        wanted = round(230 * self._base_size / 12.0)
        width = max(150, min(wanted, round(self.width() * 0.28)))
        if width != self.section_list.width():
            self.section_list.setFixedWidth(width)
        self.section_list.doItemsLayout()  # the items' wrapped heights, at the new font too

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
        # where we are in the form; on a narrow screen it ends with "…" (all of it in a tooltip)
        self.title = ElidedLabel()
        self.title.setObjectName("breadcrumb")
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
        self.section_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.section_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.section_list.setResizeMode(QListWidget.ResizeMode.Adjust)
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
        self.back_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.back_button.clicked.connect(self.go_back)
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.save_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # a long message (a save error) wraps; it never widens the window
        self.save_state.setWordWrap(True)
        self.save_state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.next_button = QPushButton(translate("InterviewView", "Next  ▶"))
        self.next_button.setObjectName("primary")
        self.next_button.setToolTip(translate("InterviewView", "Next question (Enter, Page Down)"))
        self.next_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
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

    # ------------------------------------------------------------------ moving between screens

    def go_next(self) -> None:
        self._step(1)

    def go_back(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        """To the next (1) or the previous (-1) screen; forwards only once this one is
        complete (required questions answered, answers valid)."""
        if self._finalizing:
            return
        self._commit_screen()
        if step > 0 and not self.read_only and not self._check_screen(required=True):
            return
        target = self.navigator.neighbour(step)
        if target is not None:
            self._show(target)

    def go_to_end(self) -> None:
        if self._finalizing:
            return
        self._commit_screen()
        self._show(self.navigator.last)

    def _go_to(self, location: str, *, save: bool = True) -> bool:
        index = self.navigator.index_of(location)
        if index is None:
            return False
        self._show(index, save=save, focus_location=location)
        return True

    def _section_clicked(self, item) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if not (item.flags() & Qt.ItemFlag.ItemIsEnabled):
            return
        self._commit_screen()
        if target == "end":
            self._show(self.navigator.last)
            return
        index = self.navigator.first_of_section(target)
        if index is not None:
            self._show(index)

    def _problem_clicked(self, item) -> None:
        self._go_to(item.data(Qt.ItemDataRole.UserRole))

    # ------------------------------------------------------------------ showing a screen

    def _show(self, index: int, *, save: bool = True, focus_location: str | None = None):
        index, screen = self.navigator.move_to(index)
        self._confirm_bar = None
        page = self.renderer.render(screen, read_only=self.read_only)
        self._page = page
        self._wire(page)
        old = self.scroll.takeWidget()
        self.scroll.setWidget(page.widget)
        if old is not None:
            old.deleteLater()
        self.title.setText(self.renderer.breadcrumb(screen))
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(screen.kind != END)
        self._refresh_progress()
        self._refresh_sections()
        self._pending_focus = focus_location
        self._focus_first(focus_location)
        if save:
            self.autosaver.save_now()

    def _wire(self, page: Page) -> None:
        """Connect a freshly built screen: editors, keyboard, buttons."""
        self._editor_widgets = {}
        for row in page.rows:
            editor = row.editor
            editor.edited.connect(lambda e=editor: self._answered(e, final=False))
            editor.committed.connect(lambda e=editor: self._answered(e, final=True))
            if isinstance(editor, FileEditor):
                editor.file_chosen.connect(lambda path, e=editor: self._attach(e, path))
            for widget in editor.focus_widgets():
                widget.installEventFilter(self)
                self._editor_widgets[id(widget)] = editor
        for button, location in page.instance_buttons:
            button.clicked.connect(lambda _=False, loc=location: self.go_to(loc))
        if page.add_button is not None:
            page.add_button.clicked.connect(self._add_instance)
        if page.remove_button is not None:
            instance, label = page.removes
            page.remove_button.clicked.connect(lambda: self._ask_remove(instance, label))
        if page.problem_list is not None:
            page.problem_list.itemClicked.connect(self._problem_clicked)
            page.problem_list.itemActivated.connect(self._problem_clicked)
        if page.finalize_button is not None:
            page.finalize_button.clicked.connect(self.ask_finalize)
        if page.review is not None:
            page.review.activated.connect(self.go_to)
        if page.later_button is not None:
            page.later_button.clicked.connect(self.close_interview)
        if page.edit_button is not None:
            page.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.interview))

    def focusNextPrevChild(self, next_: bool) -> bool:
        """Tab from the screen's last widget goes to Next, not round to the top bar; Tab
        from Next comes back to the screen's first widget (the screen is after Next in the
        focus chain)."""
        before = QApplication.focusWidget()
        page = self.scroll.widget()
        inside = before is not None and page is not None and page.isAncestorOf(before)
        moved = super().focusNextPrevChild(next_)
        after = QApplication.focusWidget()
        if (
            next_
            and inside
            and after is not None
            and not page.isAncestorOf(after)
            and after is not self.next_button
            and self.next_button.isVisible()
            and self.next_button.isEnabled()
        ):
            self.next_button.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return moved

    def showEvent(self, event):
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # the stylesheet's font is applied when shown: lay the wrapped items out again
            self.section_list.doItemsLayout()
            self._focus_first(self._pending_focus)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self._base_size:
            self._fit_section_list()

    def _ask_remove(self, instance, label: str) -> None:
        if self._confirm_bar is not None:
            return
        bar, yes, cancel = self.renderer.confirm_remove_bar(label)
        self.confirm_remove_button = yes
        yes.clicked.connect(lambda: self._remove_instance(instance))
        cancel.clicked.connect(lambda: self._cancel_remove(bar))
        self._page.content.addWidget(bar)
        self._confirm_bar = bar
        cancel.setFocus()

    def _cancel_remove(self, bar) -> None:
        bar.hide()
        bar.deleteLater()
        self._confirm_bar = None
        self._focus_first(None)

    # ------------------------------------------------------------------ sections & progress

    def _refresh_section_texts(self) -> None:
        for section in self._sections:
            self.section_list.item(section.index).setText(self.renderer.section_text(section))
        self.section_list.doItemsLayout()

    def _refresh_sections(self) -> None:
        present = self.navigator.sections_present()
        for section in self._sections:
            item = self.section_list.item(section.index)
            flags = item.flags()
            if section.index in present:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
        current = self.navigator.current
        self.section_list.blockSignals(True)
        if current is not None and current.kind == END:
            self.section_list.setCurrentRow(self.section_list.count() - 1)
        elif current is not None and current.section >= 0:
            self.section_list.setCurrentRow(current.section)
        else:
            self.section_list.clearSelection()
            self.section_list.setCurrentItem(None)
        self.section_list.blockSignals(False)

    def _refresh_progress(self) -> None:
        """The bar: how far through the form (``Navigator.progress``, never backwards as
        questions become relevant); its text: valid answers among relevant questions."""
        answered, total = self.session.progress()
        percent = round(self.navigator.progress() * 100)
        self.progress.setMaximum(100)
        self.progress.setValue(percent)
        self.progress.setFormat(
            translate("InterviewView", "Through the form: %1 % · %2")
            .replace("%1", str(percent))
            .replace("%2", answered_text(answered, total))
        )

    # ------------------------------------------------------------------ focus & keys

    def _focus_first(self, location: str | None) -> None:
        target = None
        rows = self.rows
        if location is not None:
            for row in rows:
                if self.session.location_of(row.node) == location:
                    target = row.editor.first_focus()
        if target is None:
            for row in rows:
                if row.isVisibleTo(self) and not row.isHidden():
                    widget = row.editor.first_focus()
                    if widget is not None and widget.isEnabled():
                        target = widget
                        break
        current = self.navigator.current
        if target is None and current is not None:
            if current.kind == REPEAT_ADD:
                target = self.add_button
            elif current.kind == END:
                if self.problem_list is not None:
                    target = self.problem_list
                    self.problem_list.setCurrentRow(0)
                elif self.finalize_button is not None:
                    target = self.finalize_button
                elif self._page.review is not None and self._page.review.rows:
                    target = self._page.review.rows[0]
                elif self._page.edit_button is not None:
                    target = self._page.edit_button
        if target is None:
            target = self.next_button if self.next_button.isVisible() else None
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(target, 40, 40)

    def _move_on(self, editor: Editor) -> None:
        """Enter/Tab: store the answer, then the next question of the screen, or next screen."""
        self._answered(editor, final=True)
        row = self._page.row_of(editor)
        if row is not None and row.shown_problem and self.session.value(row.node) != "":
            return  # an answer that is not valid: stay on it, its message is shown
        if row is not None and row.editor.input_error:
            return
        found = False
        for row in self._page.visible_rows():
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
                    # Tab moves the keyboard to the next thing on the screen (a calendar
                    # button, "Clear the answer", the next question, then Next): it never
                    # leaves the screen, so a run of Tabs cannot pass questions unseen.
                    # Enter is what stores the answer and goes on.
                    own = [w for w in editor.focus_widgets() if w.isEnabled()]
                    if not isinstance(editor, SelectEditor) and own and watched is not own[-1]:
                        return False  # latitude -> longitude
                    if not self.read_only:
                        self._answered(editor, final=True)
                        row = self._page.row_of(editor) if self._page is not None else None
                        if row is not None and (
                            editor.input_error
                            or (row.shown_problem and self.session.value(row.node) != "")
                        ):
                            return True  # not valid: stay on it, its message is shown
                    if isinstance(watched, QPlainTextEdit):
                        self.focusNextPrevChild(True)  # a Tab is not typed into the answer
                        return True
                    return False
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
            current = self.navigator.current
            if current is not None and current.kind != END:
                self.go_next()
                return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ answers

    def _answered(self, editor: Editor, *, final: bool) -> None:
        if self.read_only or self._finalizing:
            return
        row = self._page.row_of(editor)
        if row is None:
            return
        value = editor.answer()
        if value is None:
            if final:
                row.show_problem(editor.input_error)
            return
        if value != self.session.value(editor.node):
            self.session.set_answer(editor.node, value)
            self.navigator.invalidate()
            self._after_change(editor)
        if final:
            self._check_row(row, required=bool(row.shown_problem))
            self.autosaver.save_now()
        else:
            if row.shown_problem and editor.input_error == "":
                problem = self.session.check(editor.node)
                if problem is None:
                    row.show_problem("")
            self.autosaver.changed()

    def _after_change(self, source: Editor | None) -> None:
        """Bring the screen up to date after an answer changed (relevance, outputs, values)."""
        for row in self.rows:
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
        text = self.renderer.problem_message(problem)
        row.show_problem(text)
        return text

    def _check_screen(self, *, required: bool) -> bool:
        first_bad = None
        for row in self.rows:
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
        for row in self.rows:
            if row.isHidden() or isinstance(row.editor, NoteEditor):
                continue
            value = row.editor.answer()
            if value is not None and value != self.session.value(row.node):
                self.session.set_answer(row.node, value)
                self.navigator.invalidate()

    # ------------------------------------------------------------------ repeats

    def _add_instance(self) -> None:
        screen = self.navigator.current
        if screen is None or screen.kind != REPEAT_ADD or self.read_only:
            return
        instance = self.session.add_repeat(screen.template, under=screen.node)
        self.navigator.invalidate()
        self._go_to(self.session.location_of(instance))

    def _remove_instance(self, instance) -> None:
        template = self.session.template_of(instance)
        parent = instance.parent
        self.session.remove_repeat(instance)
        self.navigator.invalidate()
        prefix = self.session.location_of(parent)
        self._go_to(f"{prefix}/{template.name}[+]") or self._show(self.navigator.index)

    # ------------------------------------------------------------------ language

    def _language_changed(self, index: int) -> None:
        language = self.language.itemData(index)
        if not language or language == self.session.language:
            return
        self._commit_screen()
        self.session.set_language(language)
        self.navigator.invalidate()
        self._refresh_section_texts()
        self._show(self.navigator.current_index(), save=False)

    # ------------------------------------------------------------------ files

    def _attach(self, editor: FileEditor, path: str) -> None:
        add_attachment = self.storage.add_attachment
        instance_id = self.interview.instance_id
        filename = editor.attachment_name(path)
        media_type = editor.media_type(path)

        def work():
            with open(path, "rb") as handle:
                data = handle.read()
            return filename, add_attachment(instance_id, filename, data, media_type)

        def done(result):
            name, changes = result
            self._changed(changes)
            if editor.parent() is not None or editor.isVisible():
                try:
                    editor.set_file(name)
                except RuntimeError:  # the screen was left meanwhile
                    self.session.set_answer(editor.node, name)
                    self.navigator.invalidate()
                    self.autosaver.save_now()

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

    def _snapshot(self):
        """What the autosaver writes: taken here, on the GUI thread (the session's owner)."""
        return self.interview, take_snapshot(self.session, position=self.position())

    def _write(self, item):
        """On the database thread: only the snapshot, never the session. Its Changes."""
        interview, snapshot = item
        return self.storage.save(interview, snapshot)

    def _changed(self, result) -> None:
        """An operation of this screen is done: say what it changed (home refreshes)."""
        self.storage.changed(result, self)

    def _save_failed(self, error) -> None:
        self._set_save_state(
            translate(
                "InterviewView", "Not saved: %1. Your answers are kept on screen; retrying."
            ).replace("%1", str(error)),
            error=True,
        )

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
        self.autosaver.save_now(then=self.closed.emit)

    # ------------------------------------------------------------------ finalize

    @property
    def review(self):
        """The end page's list of every answer (None on other screens)."""
        return self._page.review if self._page is not None else None

    def ask_finalize(self) -> None:
        """ "Finalize" asks first, in a bar under the button (Yes / Not yet)."""
        if self.read_only or self._finalizing or self._page is None:
            return
        if self._confirm_bar is not None:
            self.confirm_finalize_button.setFocus()
            return
        bar, yes, cancel = self.renderer.confirm_finalize_bar()
        self.confirm_finalize_button = yes
        yes.clicked.connect(self.finalize)
        cancel.clicked.connect(lambda: self._cancel_finalize(bar))
        self._page.content.insertWidget(self._page.actions_end, bar)
        self._confirm_bar = bar
        yes.setFocus()
        self.scroll.ensureWidgetVisible(bar, 20, 20)

    def _cancel_finalize(self, bar) -> None:
        bar.hide()
        bar.deleteLater()
        self._confirm_bar = None
        if self.finalize_button is not None:
            self.finalize_button.setFocus()

    def finalize(self) -> None:
        """Finalize from a snapshot taken here: the database thread gets values, not the
        session; saving is paused until the outcome is known."""
        if self.read_only or self._finalizing:
            return
        self._commit_screen()
        try:
            snapshot = final_snapshot(self.session)
        except ValidationError:
            self._show(self.navigator.last, save=False)
            return
        self.autosaver.pause()  # finalizing stores the answers itself
        self._finalizing = True
        self.setEnabled(False)
        if self.finalize_button is not None:
            self.finalize_state.setText(translate("InterviewView", "Finalizing…"))
            self.finalize_state.setStyleSheet("color: #1d1d1b;")
            self.finalize_state.show()
        finalize, interview = self.storage.finalize, self.interview

        def work():
            return finalize(interview, snapshot)

        def done(result):
            record = result.value
            self._changed(result)
            self._finalizing = False
            self.autosaver.stop()
            self.interview = record
            self.navigator.read_only = True  # the screens are rebuilt without "add" screens
            self.setEnabled(True)
            self.banner_row.setVisible(True)
            self._show(self.navigator.last, save=False)
            self.finalized.emit(record)

        def failed(error):
            self._finalizing = False
            self.autosaver.resume()
            self.setEnabled(True)
            self.navigator.invalidate()
            self._show(self.navigator.last, save=False)
            if not isinstance(error, ValidationError) and self.finalize_state is not None:
                self.finalize_state.setText(
                    translate("InterviewView", "The interview could not be finalized: %1").replace(
                        "%1", str(error)
                    )
                )
                self.finalize_state.setStyleSheet("")
                self.finalize_state.show()

        self.tasks.run_db(work, on_done=done, on_error=failed)
