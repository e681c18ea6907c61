"""The review of an interview: every answer by section, one click (or Return) from each.

ODK Collect's hierarchy view is the model: groups and repeats in the form's order, each
member of a repeat under its own heading, questions that are not relevant left out, notes and
calculations left out (they hold no answer of the person), unanswered required questions and
invalid answers flagged. It is shown on the end page before finalizing, and is the read-only
view of a finalized interview.
"""

from __future__ import annotations

from surveyor.forms.model import Kind
from surveyor.ui.interview.text import render_plain
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QEvent
from surveyor.ui.qt import QFrame
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QScrollArea
from surveyor.ui.qt import QSizePolicy
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal

translate = QCoreApplication.translate


class ReviewRow(QFrame):
    """One answer: the question, the answer (or "No answer"), a problem if any. Clicking it,
    or Return / Space when it has the keyboard, asks to go to the question."""

    activated = Signal(str)  # the question's location

    def __init__(self, location: str, question: str, answer: str, problem: str):
        super().__init__()
        self.location = location
        self.problem = problem
        self.setObjectName("reviewRow")
        self.setProperty("problem", "true" if problem else "false")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        self.question = QLabel(question)
        self.question.setObjectName("reviewQuestion")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.answer = QLabel(answer or translate("InterviewView", "No answer"))
        self.answer.setObjectName("reviewAnswer" if answer else "reviewEmpty")
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.question, self.answer):
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.question)
        layout.addWidget(self.answer)
        self.message = None
        if problem:
            self.message = QLabel("⚠ " + problem)
            self.message.setObjectName("problem")
            self.message.setWordWrap(True)
            self.message.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(self.message)
        name = translate("InterviewView", "%1: %2").replace("%1", question)
        self.setAccessibleName(name.replace("%2", self.answer.text()))
        self.setAccessibleDescription(problem)
        self.setToolTip(translate("InterviewView", "Go to this question"))

    def mouseReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit(self.location)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.location)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event):
        super().focusInEvent(event)
        probe = self.parentWidget()
        while probe is not None and not isinstance(probe, QScrollArea):
            probe = probe.parentWidget()
        if probe is not None:
            probe.ensureWidgetVisible(self, 20, 40)

    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            event.accept()  # Return is this row's: no window shortcut takes it
            return True
        return super().event(event)


class Review(QWidget):
    """Every answer of the interview by section (see the module docstring)."""

    activated = Signal(str)

    def __init__(self, session, renderer, *, problems=()):
        super().__init__()
        self.session = session
        self.renderer = renderer
        self.rows: list[ReviewRow] = []
        self.headings: list[QLabel] = []
        self._problems = {problem.path: problem for problem in problems}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._walk(session.root, session.form.root, 0)
        if not self.rows:
            empty = QLabel(translate("InterviewView", "No question answered yet."))
            empty.setWordWrap(True)
            self._layout.addWidget(empty)

    # ------------------------------------------------------------------ building

    def _walk(self, node, template, depth: int) -> None:
        session = self.session
        for child_t in template.children:
            if child_t.kind is Kind.REPEAT:
                if child_t.control is None:
                    continue
                instances = [i for i in node.elements(child_t.name) if session.is_relevant(i)]
                for position, instance in enumerate(instances, start=1):
                    title = self.renderer.instance_label(child_t, position, len(instances))
                    name = self.renderer.instance_summary(instance)
                    if name:
                        title = (
                            translate("InterviewView", "%1: %2")
                            .replace("%1", title)
                            .replace("%2", name)
                        )
                    self._heading(title, depth, session.location_of(instance))
                    self._walk(instance, child_t, depth + 1)
                continue
            child = node.element_child(child_t.name)
            if child is None or not session.is_relevant(child):
                continue
            if child_t.kind is Kind.FIELD:
                if child_t.control is not None and child_t.type != "note":
                    self._row(child, child_t)
            elif child_t.control is not None:
                label = render_plain(session, child, session.translate(child_t.label))
                if label:
                    self._heading(label, depth, session.location_of(child))
                    self._walk(child, child_t, depth + 1)
                else:
                    self._walk(child, child_t, depth)

    def _heading(self, text: str, depth: int, location: str) -> None:
        heading = QLabel(text)
        heading.setObjectName("reviewSection" if depth == 0 else "reviewGroup")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setContentsMargins(min(depth, 3) * 14, 10 if depth == 0 else 4, 0, 0)
        heading.setAccessibleName(text)
        self.headings.append(heading)
        self._layout.addWidget(heading)

    def _row(self, node, template) -> None:
        session = self.session
        location = session.location_of(node)
        question = render_plain(session, node, session.label(template)) or template.name
        if session.is_required(node):
            question += "\u00a0*"  # never alone on a line
        problem = self._problems.get(location)
        message = self.renderer.problem_message(problem) if problem is not None else ""
        row = ReviewRow(location, question, answer_text(session, node, template), message)
        depth = 0
        probe = node.parent
        while probe is not None and probe is not session.root:
            depth += 1
            probe = probe.parent
        row.setContentsMargins(min(depth, 3) * 14, 0, 0, 0)
        row.activated.connect(self.activated)
        self.rows.append(row)
        self._layout.addWidget(row)


def answer_text(session, node, template) -> str:
    """An answer as the person reads it: choices by their labels, files by name."""
    value = session.value(node)
    if value == "":
        return ""
    if template.control in ("select1", "select", "odk:rank"):
        labels = {name: text for name, text in session.choices(node)}
        picked = value.split() if template.control != "select1" else [value]
        return ", ".join(render_plain(session, node, labels.get(v, v)) or v for v in picked)
    return value
