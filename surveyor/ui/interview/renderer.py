"""Building the interview's screens as widgets: questions, a repeat's list, the end screen.

The renderer only builds: it returns a :class:`Page` holding the widgets the view wires up
(editors' signals, buttons, the keyboard), and the texts shown around them (titles, the
breadcrumb, problems). It never saves nor moves between screens.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from surveyor.forms.model import Kind
from surveyor.ui.interview.editors import Editor
from surveyor.ui.interview.editors import NoteEditor
from surveyor.ui.interview.editors import make_editor
from surveyor.ui.interview.review import Review
from surveyor.ui.interview.screens import END
from surveyor.ui.interview.screens import GROUP
from surveyor.ui.interview.screens import REPEAT_ADD
from surveyor.ui.interview.screens import Screen
from surveyor.ui.interview.screens import Section
from surveyor.ui.interview.text import has_outputs
from surveyor.ui.interview.text import render_html
from surveyor.ui.interview.text import render_plain
from surveyor.ui.qt import QApplication
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QFrame
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QListWidget
from surveyor.ui.qt import QListWidgetItem
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import QSizePolicy
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget

translate = QCoreApplication.translate
PAGE_WIDTH = 900  # px: a line of text longer than this is hard to read
LARGE_TEXT_POINTS = 16.0  # from this application text size, the end page's buttons stack


def answered_text(answered: int, total: int) -> str:
    """ "Answered: 8 of 29 questions" (French: "Réponses : 1 question sur 17"); the progress
    bar puts how far through the form before it, as another fact with its own name."""
    return translate("InterviewView", "Answered: %n of %1 questions", None, answered).replace(
        "%1", str(total)
    )


def template_or_none(session, node):
    """The form node of an instance node, or None for a node the form does not describe."""
    try:
        return session.template_of(node)
    except KeyError:
        return None


class FieldRow(QWidget):
    """A question: label (with its * when required), hint, editor, message."""

    def __init__(self, session, node, editor: Editor):
        super().__init__()
        self.session = session
        self.node = node
        self.editor = editor
        self.template = session.template_of(node)
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
        self.dynamic = has_outputs(session.label(self.template)) or has_outputs(
            session.translate(self.template.hint)
        )
        self.refresh_texts()

    def refresh_texts(self) -> None:
        session = self.session
        label = render_html(session, self.node, session.label(self.template))
        if not label:
            label = self.template.name
        if session.is_required(self.node) and not isinstance(self.editor, NoteEditor):
            # a no-break space: the * never goes alone to a line of its own
            label += '&nbsp;<span style="color:#a1001a">*</span>'
        self.label.setText(label)
        hint = render_html(session, self.node, session.translate(self.template.hint))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def show_problem(self, text: str) -> None:
        self.shown_problem = text
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.editor.setAccessibleDescription(text)


@dataclass(eq=False)
class Page:
    """One screen's widgets, built by :class:`Renderer`, not yet shown nor connected."""

    screen: Screen
    widget: QWidget  # goes into the scroll area
    frame: QFrame  # the white page, its width follows the window
    content: QVBoxLayout
    rows: list[FieldRow] = field(default_factory=list)
    # a repeat's screen
    instance_buttons: list[tuple[QPushButton, str]] = field(default_factory=list)
    add_button: QPushButton | None = None
    # a repeat instance's screen: the button and what it removes (instance, its label)
    remove_button: QPushButton | None = None
    removes: tuple | None = None
    # the end screen
    problem_list: QListWidget | None = None
    finalize_button: QPushButton | None = None
    later_button: QPushButton | None = None
    edit_button: QPushButton | None = None
    finalize_state: QLabel | None = None
    review: Review | None = None
    actions_end: int = 0  # where the finalize confirmation goes in ``content``

    def visible_rows(self) -> list[FieldRow]:
        return [row for row in self.rows if not row.isHidden()]

    def row_of(self, editor: Editor) -> FieldRow | None:
        for row in self.rows:
            if row.editor is editor:
                return row
        return None


class _CentredPage(QWidget):
    """What the scroll area shows: the white page, as wide as the window allows up to
    ``PAGE_WIDTH``, centred by its side margins. (Centring it with ``AlignHCenter`` made the
    layout compute its height for another width: long texts lost their last lines.)"""

    def resizeEvent(self, event):
        side = max(4, (event.size().width() - PAGE_WIDTH) // 2)
        layout = self.layout()
        if layout is not None and layout.contentsMargins().left() != side:
            layout.setContentsMargins(side, 4, max(12, side), 4)
        super().resizeEvent(event)


class Renderer:
    """Builds the widgets of a screen from the session's state."""

    def __init__(self, session):
        self.session = session

    # ------------------------------------------------------------------ screens

    def render(self, screen: Screen, *, read_only: bool) -> Page:
        widget = _CentredPage()
        widget.setObjectName("scrollPage")
        page_layout = QVBoxLayout(widget)
        page_layout.setContentsMargins(4, 4, 12, 4)
        frame = QFrame()
        frame.setObjectName("page")
        # Expanding, not aligned: the layout gives the frame the width its height is computed
        # for; _CentredPage centres it.
        frame.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        content = QVBoxLayout(frame)
        content.setContentsMargins(28, 22, 28, 22)
        content.setSpacing(12)
        page = Page(screen, widget, frame, content)
        if screen.kind in (GROUP, "field"):
            self._fields(page, read_only)
        elif screen.kind == REPEAT_ADD:
            self._repeat(page)
        elif screen.kind == END:
            self._end(page, read_only)
        if screen.instances and not read_only and screen.kind != REPEAT_ADD:
            self._remove(page)
        page_layout.addWidget(frame)
        page_layout.addStretch(1)
        return page

    def _fields(self, page: Page, read_only: bool) -> None:
        session, screen, content = self.session, page.screen, page.content
        if screen.kind == GROUP:
            title = QLabel()
            title.setObjectName("groupTitle")
            title.setWordWrap(True)
            title.setText(self.container_title(screen.node))
            content.addWidget(title)
            hint = render_html(session, screen.node, session.translate(screen.template.hint))
            if hint:
                hint_label = QLabel(hint)
                hint_label.setObjectName("hint")
                hint_label.setWordWrap(True)
                content.addWidget(hint_label)
        for node in screen.fields:
            template = session.template_of(node)
            label = render_plain(session, node, session.label(template))
            readonly = session.is_readonly(node)
            editor = make_editor(session, node, label or template.name, read_only_field=readonly)
            editor.load()
            row = FieldRow(session, node, editor)
            if read_only or readonly:
                editor.set_read_only(True)
            row.setVisible(session.is_relevant(node))
            content.addWidget(row)
            page.rows.append(row)

    def _repeat(self, page: Page) -> None:
        session, screen, content = self.session, page.screen, page.content
        template = screen.template
        label = session.translate(template.label) or template.name
        title = QLabel(render_html(session, screen.node, label))
        title.setObjectName("groupTitle")
        title.setWordWrap(True)
        content.addWidget(title)
        instances = session.repeat_instances(template, under=screen.node)
        count = len(instances)
        if count:
            summary = QLabel(translate("InterviewView", "Already entered: %n", None, count))
        else:
            summary = QLabel(translate("InterviewView", "Nobody entered yet."))
        summary.setWordWrap(True)
        content.addWidget(summary)
        prefix = session.location_of(screen.node)
        for position, instance in enumerate(instances, start=1):
            name = self.instance_summary(instance)
            text = self.instance_label(template, position, count)
            if name:
                text = translate("InterviewView", "%1: %2").replace("%1", text).replace("%2", name)
            button = QPushButton(text)
            button.setStyleSheet("text-align: left;")
            button.setAccessibleName(text)
            page.instance_buttons.append((button, f"{prefix}/{template.name}[{position}]"))
            content.addWidget(button)
        page.add_button = QPushButton(
            translate("InterviewView", "Add: %1").replace(
                "%1", render_plain(session, screen.node, label)
            )
        )
        page.add_button.setObjectName("primary")
        page.add_button.setMinimumHeight(44)
        content.addSpacing(8)
        content.addWidget(page.add_button)
        help_text = QLabel(
            translate(
                "InterviewView",
                "When everyone is entered, go on with Next (Page Down).",
            )
        )
        help_text.setObjectName("hint")
        help_text.setWordWrap(True)
        content.addWidget(help_text)

    def _remove(self, page: Page) -> None:
        instance = page.screen.instances[-1]
        template = self.session.template_of(instance)
        siblings = instance.parent.elements(instance.name)
        label = self.instance_label(template, siblings.index(instance) + 1, len(siblings))
        page.remove_button = QPushButton(
            translate("InterviewView", "Remove %1").replace("%1", label)
        )
        page.remove_button.setObjectName("danger")
        page.remove_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        page.removes = (instance, label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(page.remove_button)
        page.content.addSpacing(10)
        page.content.addLayout(row)

    def confirm_remove_bar(self, label: str) -> tuple[QFrame, QPushButton, QPushButton]:
        """The "Remove … and all its answers?" bar: (bar, yes button, cancel button)."""
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
        yes = QPushButton(translate("InterviewView", "Yes, remove"))
        yes.setObjectName("danger")
        cancel = QPushButton(translate("InterviewView", "Cancel"))
        layout.addWidget(yes)
        layout.addWidget(cancel)
        return bar, yes, cancel

    def _end(self, page: Page, read_only: bool) -> None:
        """The end page: what is answered, what to check, finalize; then every answer (the
        review), each one click from its question."""
        session, content = self.session, page.content
        title = QLabel(
            translate("InterviewView", "Answers of the interview")
            if read_only
            else translate("InterviewView", "Check and finalize")
        )
        title.setObjectName("groupTitle")
        title.setWordWrap(True)
        content.addWidget(title)
        answered, total = session.progress()
        summary = QLabel(answered_text(answered, total) + ".")
        summary.setWordWrap(True)
        content.addWidget(summary)
        problems = [] if read_only else session.validate()
        if read_only:
            text = QLabel(
                translate(
                    "InterviewView",
                    "This interview is finalized. To correct it, make a new version with Edit.",
                )
            )
            text.setWordWrap(True)
            content.addWidget(text)
            page.edit_button = QPushButton(translate("InterviewView", "Edit"))
            page.edit_button.setObjectName("primary")
            content.addWidget(page.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            self._end_actions(page, problems, answered, total)
        heading = QLabel(translate("InterviewView", "Your answers, by section"))
        heading.setObjectName("groupTitle")
        heading.setWordWrap(True)
        content.addSpacing(10)
        content.addWidget(heading)
        if not read_only:
            how = QLabel(
                translate(
                    "InterviewView",
                    "Click an answer (or press Enter on it) to go to its question.",
                )
            )
        else:
            how = QLabel(
                translate(
                    "InterviewView",
                    "Click an answer (or press Enter on it) to see its question.",
                )
            )
        how.setObjectName("hint")
        how.setWordWrap(True)
        content.addWidget(how)
        page.review = Review(session, self, problems=problems)
        content.addWidget(page.review)

    def _end_actions(self, page: Page, problems, answered: int, total: int) -> None:
        content = page.content
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
            listing = QListWidget()
            listing.setObjectName("problems")
            listing.setAccessibleName(translate("InterviewView", "Answers to check"))
            listing.setWordWrap(True)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.setTextElideMode(Qt.TextElideMode.ElideNone)
            listing.setResizeMode(QListWidget.ResizeMode.Adjust)
            for problem in problems:
                item = QListWidgetItem(self.problem_text(problem))
                item.setData(Qt.ItemDataRole.UserRole, problem.path)
                listing.addItem(item)
            listing.setMinimumHeight(min(360, 52 * len(problems) + 10))
            content.addWidget(listing)
            page.problem_list = listing
        else:
            if answered < total:
                first = translate(
                    "InterviewView",
                    "Every required question is answered; optional ones may stay empty.",
                )
            else:
                first = translate("InterviewView", "Every question is answered.")
            ready = QLabel(
                first
                + " "
                + translate(
                    "InterviewView",
                    "Check the answers below, then finalize to hand the interview in. "
                    "A finalized interview can still be corrected with Edit: "
                    "a new version then replaces it.",
                )
            )
            ready.setWordWrap(True)
            content.addWidget(ready)
        buttons = QHBoxLayout()
        if QApplication.font().pointSizeF() >= LARGE_TEXT_POINTS:
            # side by side they would not fit 1024 px at the largest text sizes
            buttons.setDirection(QHBoxLayout.Direction.TopToBottom)
        page.finalize_button = QPushButton(translate("InterviewView", "Finalize"))
        page.finalize_button.setObjectName("primary")
        page.finalize_button.setMinimumHeight(44)
        page.finalize_button.setMinimumWidth(180)
        page.finalize_button.setEnabled(not problems)
        page.later_button = QPushButton(translate("InterviewView", "Save and finish later"))
        page.later_button.setMinimumHeight(44)
        buttons.addWidget(page.finalize_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(page.later_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addStretch(1)
        content.addSpacing(8)
        content.addLayout(buttons)
        page.finalize_state = QLabel()
        page.finalize_state.setObjectName("problem")
        page.finalize_state.setWordWrap(True)
        page.finalize_state.hide()
        content.addWidget(page.finalize_state)
        page.actions_end = content.count()

    def confirm_finalize_bar(self) -> tuple[QFrame, QPushButton, QPushButton]:
        """ "Finalize this interview?": (bar, yes button, cancel button)."""
        bar = QFrame()
        bar.setObjectName("confirmBar")
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(14, 10, 14, 10)
        question = QLabel(
            translate(
                "InterviewView",
                "Finalize this interview? It will be handed in with the next hand-in. "
                "To change an answer afterwards, open it and choose Edit.",
            )
        )
        question.setWordWrap(True)
        layout.addWidget(question)
        row = QHBoxLayout()
        yes = QPushButton(translate("InterviewView", "Yes, finalize"))
        yes.setObjectName("primary")
        yes.setMinimumHeight(40)
        cancel = QPushButton(translate("InterviewView", "Not yet"))
        cancel.setMinimumHeight(40)
        row.addWidget(yes)
        row.addWidget(cancel)
        row.addStretch(1)
        layout.addLayout(row)
        return bar, yes, cancel

    # ------------------------------------------------------------------ texts

    def problem_text(self, problem) -> str:
        session = self.session
        try:
            node = session.node_at(problem.path)
        except KeyError:
            return f"{problem.name}: {self.problem_message(problem)}"
        template = session.template_of(node)
        label = render_plain(session, node, session.label(template)) or template.name
        where = self.instances_text(node)
        if where:
            label = translate("InterviewView", "%1 (%2)").replace("%1", label).replace("%2", where)
        return (
            translate("InterviewView", "%1 — %2")
            .replace("%1", label)
            .replace("%2", self.problem_message(problem))
        )

    @staticmethod
    def problem_message(problem) -> str:
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

    def instance_label(self, template, position: int, count: int) -> str:
        label = render_plain(self.session, None, self.session.translate(template.label))
        return (
            translate("InterviewView", "%1 %2/%3")
            .replace("%1", label or template.name)
            .replace("%2", str(position))
            .replace("%3", str(count))
        )

    def instance_summary(self, instance) -> str:
        """The first text answer of a repeat instance (a name, usually)."""
        for child in instance.elements():
            template = self.session.template_of(child)
            if template.kind is Kind.FIELD and template.control == "input":
                value = self.session.value(child)
                if value and template.bind.type == "string" and template.type != "note":
                    return value
        return ""

    def container_title(self, node) -> str:
        template = self.session.template_of(node)
        if template.kind is Kind.REPEAT:
            siblings = node.parent.elements(node.name)
            return self.instance_label(template, siblings.index(node) + 1, len(siblings))
        return render_html(self.session, node, self.session.translate(template.label))

    def instances_text(self, node) -> str:
        parts = []
        probe = node
        while probe is not None and probe is not self.session.root:
            template = template_or_none(self.session, probe)
            if template is not None and template.kind is Kind.REPEAT:
                siblings = probe.parent.elements(probe.name)
                parts.append(
                    self.instance_label(template, siblings.index(probe) + 1, len(siblings))
                )
            probe = probe.parent
        return ", ".join(reversed(parts))

    def breadcrumb(self, screen: Screen) -> str:
        session = self.session
        parts = []
        node = screen.node
        if screen.kind == REPEAT_ADD:
            parts.append(render_plain(session, node, session.translate(screen.template.label)))
        elif screen.kind == GROUP:
            node = node.parent
        elif node is not None:
            node = node.parent
        while node is not None and node is not session.root and node.kind == "element":
            template = template_or_none(session, node)
            if template is not None and template.kind in (Kind.GROUP, Kind.REPEAT):
                if template.kind is Kind.REPEAT:
                    siblings = node.parent.elements(node.name)
                    parts.append(
                        self.instance_label(template, siblings.index(node) + 1, len(siblings))
                    )
                else:
                    text = render_plain(session, node, session.translate(template.label))
                    if text:
                        parts.append(text)
            node = node.parent
        title = session.form.title
        crumbs = list(reversed(parts))
        return "  ›  ".join([title, *crumbs]) if title else "  ›  ".join(crumbs)

    def section_text(self, section: Section) -> str:
        return (
            render_plain(self.session, None, self.session.translate(section.template.label))
            or section.template.name
        )
