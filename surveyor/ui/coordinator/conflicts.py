"""Merge conflicts: the open ones, their versions side by side, and "Keep this version"."""

from __future__ import annotations

from typing import Any

from surveyor.errors import SurveyorError
from surveyor.ui.coordinator.common import make_table
from surveyor.ui.coordinator.common import set_headers
from surveyor.ui.home import local_datetime
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QAbstractItemView
from surveyor.ui.qt import QBrush
from surveyor.ui.qt import QCheckBox
from surveyor.ui.qt import QColor
from surveyor.ui.qt import QFont
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QHeaderView
from surveyor.ui.qt import QListWidget
from surveyor.ui.qt import QListWidgetItem
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTableWidgetItem
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal
from surveyor.ui.widgets import ask_before
from surveyor.ui.widgets import hint_label
from surveyor.ui.widgets import message_line
from surveyor.ui.widgets import put_message
from surveyor.ui.widgets import section_title
from surveyor.ui.widgets import two_columns

DIFFERENT = QColor("#fff1c2")


def flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """Answers as ``path -> text``: groups and repeats become ``member[2]/age``."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, inner in value.items():
            out.update(flatten(inner, f"{prefix}/{key}" if prefix else str(key)))
    elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
        for i, inner in enumerate(value, 1):
            out.update(flatten(inner, f"{prefix}[{i}]"))
    elif isinstance(value, list):
        out[prefix] = " ".join(str(v) for v in value)
    else:
        out[prefix] = "" if value is None else str(value)
    return out


def compare(versions: list) -> list[tuple[str, list[str], bool]]:
    """Rows of the comparison: (question path, value per version, differs)."""
    flat = [flatten(v.answers or {}) for v in versions]
    keys: list[str] = []
    seen: set[str] = set()
    for f in flat:
        for key in f:
            if key not in seen:
                seen.add(key)
                keys.append(key)
    rows = []
    for key in keys:
        values = [f.get(key, "") for f in flat]
        rows.append((key, values, len(set(values)) > 1))
    return rows


class ConflictsPanel(FollowsLanguage, QWidget):
    """Open conflicts on the left; the selected one's versions side by side on the right."""

    changed = Signal(int)  # how many open conflicts

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.setObjectName("conflictsPanel")
        self.page = page
        self.conflicts: list = []
        self.current = None
        self.box: QMessageBox | None = None
        self.keep_buttons: list[QPushButton] = []

        layout = QVBoxLayout(self)
        self.intro = hint_label()
        layout.addWidget(self.intro)
        self.message = message_line()
        layout.addWidget(self.message)
        splitter, left_layout, right_layout = two_columns(6, (330, 1000))
        layout.addWidget(splitter, 1)

        self.list_title = section_title()
        left_layout.addWidget(self.list_title)
        self.list = QListWidget()
        self.list.setObjectName("conflictList")
        self.list.currentRowChanged.connect(self._select)
        left_layout.addWidget(self.list, 1)
        self.empty = hint_label()
        left_layout.addWidget(self.empty)

        self.detail_title = section_title()
        right_layout.addWidget(self.detail_title)
        self.only_differences = QCheckBox()
        self.only_differences.setChecked(True)
        self.only_differences.toggled.connect(lambda _on: self._show_versions())
        right_layout.addWidget(self.only_differences)
        self.table = make_table([""])
        self.table.setObjectName("versionsTable")
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        right_layout.addWidget(self.table, 1)
        self.keep_row = QHBoxLayout()
        right_layout.addLayout(self.keep_row)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Two laptops changed the same interview in different ways. Compare the "
                "versions and keep the right one; the others are kept aside, not deleted."
            )
        )
        self.list_title.setText(self.tr("Conflicts to resolve"))
        self.list.setAccessibleName(self.tr("Conflicts to resolve"))
        self.table.setAccessibleName(self.tr("The versions side by side"))
        self.only_differences.setText(self.tr("Show only the &answers that differ"))
        self.empty.setText(self.tr("No conflict to resolve."))
        self._fill_list()

    # --- loading --------------------------------------------------------------------

    def refresh(self) -> None:
        if self.page.workspace is None:
            return

        language = "fr" if QLocale().language() == QLocale.French else "en"

        def load(ws):
            conflicts, labels = ws.conflicts(), {}
            for conflict in conflicts:
                stored = next((v for v in conflict.versions if v.stored), None)
                try:
                    form_hash = ws.get_interview(stored.instance_id).form_hash
                    labels[conflict.conflict_id] = ws.question_labels(form_hash, language)
                except (SurveyorError, AttributeError):
                    labels[conflict.conflict_id] = {}  # the field names are shown instead
            return conflicts, labels

        def loaded(result):
            conflicts, self.labels = result
            self.set_conflicts(conflicts)

        DbOp(self, load).success(loaded).failure(self._error).run()

    def question_text(self, conflict, path: str) -> str:
        """The question's label for an answer path (``member[2]/age``: the label, then the
        repeat instance); the path itself when the form gives no label."""
        labels = getattr(self, "labels", {}).get(conflict.conflict_id, {})
        parts = path.split("/")
        label = labels.get(parts[-1].split("[")[0])
        if not label:
            return path
        where = [p.replace("[", " ").rstrip("]") for p in parts[:-1]]
        return f"{label} ({', '.join(where)})" if where else label

    def _error(self, exc: BaseException) -> None:
        self.show_message(str(exc), error=True)

    def show_message(self, text: str, *, error: bool = False) -> None:
        put_message(self.message, text, error=error)

    def set_conflicts(self, conflicts: list) -> None:
        keep = self.current.conflict_id if self.current is not None else None
        self.conflicts = list(conflicts)
        self._fill_list()
        ids = [c.conflict_id for c in self.conflicts]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        if not ids:
            self._select(-1)
        self.changed.emit(len(self.conflicts))

    def conflict_name(self, conflict) -> str:
        names = [v.instance_name for v in conflict.versions if v.instance_name]
        return names[0] if names else conflict.subject.removeprefix("uuid:")[:8]

    def _fill_list(self) -> None:
        if not hasattr(self, "list"):
            return
        self.list.blockSignals(True)
        row = self.list.currentRow()
        self.list.clear()
        for conflict in self.conflicts:
            who = ", ".join(
                dict.fromkeys(v.interviewer or self.tr("(no name)") for v in conflict.versions)
            )
            text = self.tr("{0}\n{1} versions: {2}").format(
                self.conflict_name(conflict), len(conflict.versions), who
            )
            item = QListWidgetItem(text)
            item.setData(Qt.AccessibleTextRole, text.replace("\n", ", "))
            self.list.addItem(item)
        self.list.setCurrentRow(row if row < self.list.count() else self.list.count() - 1)
        self.list.blockSignals(False)
        self.empty.setVisible(not self.conflicts)

    # --- one conflict ---------------------------------------------------------------

    def _select(self, row: int) -> None:
        self.current = self.conflicts[row] if 0 <= row < len(self.conflicts) else None
        self._show_versions()

    def version_title(self, index: int, version) -> str:
        when = local_datetime(version.finalized_at) or self.tr("not finalized")
        return self.tr("Version {0}: {1}, {2}").format(
            index + 1, version.interviewer or self.tr("(no name)"), when
        )

    def _show_versions(self) -> None:
        conflict = self.current
        for button in self.keep_buttons:
            self.keep_row.removeWidget(button)
            button.deleteLater()
        self.keep_buttons = []
        while self.keep_row.count():
            self.keep_row.takeAt(0)
        if conflict is None:
            self.detail_title.setText("")
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.only_differences.setVisible(False)
            return
        self.only_differences.setVisible(True)
        if conflict.kind == "edit":
            what = self.tr("“{0}” was corrected on two laptops.")
        else:
            what = self.tr("“{0}” arrived with two different contents.")
        self.detail_title.setText(what.format(self.conflict_name(conflict)))
        versions = conflict.versions
        set_headers(
            self.table,
            [self.tr("Question")] + [self.version_title(i, v) for i, v in enumerate(versions)],
        )
        rows = compare(versions)
        if self.only_differences.isChecked():
            rows = [r for r in rows if r[2]]
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, (key, values, differs) in enumerate(rows):
            cells = [self.question_text(conflict, key), *values]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(key if c == 0 else text)
                if differs:
                    item.setBackground(QBrush(DIFFERENT))
                    if c == 0:
                        item.setFont(bold)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.table.resizeRowsToContents()
        for i, version in enumerate(versions):
            button = QPushButton(self.tr("Keep version {0}").format(i + 1))
            button.setObjectName(f"keepVersion{i + 1}")
            button.setAccessibleName(
                self.tr("Keep this version: {0}").format(self.version_title(i, version))
            )
            button.setToolTip(self.version_title(i, version))
            button.clicked.connect(lambda _c=False, v=version, n=i: self.ask_keep(v, n))
            self.keep_row.addWidget(button)
            self.keep_buttons.append(button)
        self.keep_row.addStretch(1)

    def ask_keep(self, version, index: int) -> QMessageBox | None:
        conflict = self.current
        if conflict is None:
            return None
        return ask_before(
            self,
            "box",
            name="keepConfirm",
            title=self.tr("Keep this version?"),
            text=self.tr("Keep version {0} of “{1}”?").format(
                index + 1, self.conflict_name(conflict)
            ),
            details=self.tr(
                "{0}. The other versions are kept aside (not deleted) and no longer counted."
            ).format(self.version_title(index, version)),
            yes=self.tr("Keep this version"),
            no=self.tr("Cancel"),
            on_yes=lambda: self.keep(conflict.conflict_id, version.key),
        )

    def keep(self, conflict_id: int, key: str) -> None:
        # the conflicts and the overview refresh from the operation's Changes
        DbOp(self, lambda ws: ws.resolve_conflict(conflict_id, key)).success(
            lambda _done: self.show_message(self.tr("Resolved: the version you chose is kept."))
        ).failure(self._error).run()
