"""The coordination page: import batches, conflicts, overview; "Export…" in its header."""

from __future__ import annotations

from surveyor.ui.coordinator.conflicts import ConflictsPanel
from surveyor.ui.coordinator.export import Exporter
from surveyor.ui.coordinator.imports import ImportPanel
from surveyor.ui.coordinator.overview import OverviewPanel
from surveyor.ui.operations import WorkspaceHost
from surveyor.ui.qt import (
    QEvent,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)


class CoordinatorPage(QWidget):
    """Everything the coordinator does with the batches, in three tabs."""

    back_requested = Signal()
    open_interview = Signal(str)  # instanceID, to show read only

    def __init__(self, tasks, settings, *, save_settings=None, host=None, parent=None):
        """``host``: the main window's WorkspaceHost; without one (a page on its own) the
        page has its own, and :meth:`set_workspace` gives it the workspace."""
        super().__init__(parent)
        self.setObjectName("coordination")
        self.tasks = tasks
        self.settings = settings
        self._save_settings = save_settings
        self.workspace_host = host if host is not None else WorkspaceHost(tasks, parent=self)
        self.workspace_host.changed.connect(self.on_workspace_changed)
        self.conflict_count = 0
        self.server_credentials = None  # () -> (url, user, password): set by the main window

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setProperty("role", "title")
        header.addWidget(self.title, 1)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.ask_export)
        header.addWidget(self.export_button)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        header.addWidget(self.back_button)
        outer.addLayout(header)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.message.hide()
        outer.addWidget(self.message)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("coordinationTabs")
        self.imports = ImportPanel(self)
        self.conflicts = ConflictsPanel(self)
        self.overview = OverviewPanel(self)
        self.tabs.addTab(self.imports, "")
        self.tabs.addTab(self.conflicts, "")
        self.tabs.addTab(self.overview, "")
        outer.addWidget(self.tabs, 1)
        self.imports.merged.connect(self._merged)
        self.conflicts.changed.connect(self._conflicts_changed)
        self.overview.open_requested.connect(self.open_interview)
        self.exporter = Exporter(self)
        self.retranslate()

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Coordination"))
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export the interviews for analysis"))
        self.back_button.setText(self.tr("Back to my interviews"))
        self.tabs.setTabText(0, self.tr("&Import batches"))
        self._conflicts_changed(self.conflict_count)
        self.tabs.setTabText(2, self.tr("O&verview"))

    def save_settings(self) -> None:
        if self._save_settings is not None:
            self._save_settings()

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("role", "error" if error else "info")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @property
    def workspace(self):
        """The open Workspace, or None."""
        return self.workspace_host.workspace

    def set_workspace(self, workspace) -> None:
        """A page on its own: the workspace it works on (opened on the database thread)."""
        self.workspace_host.workspace = workspace
        self.refresh()

    def refresh(self) -> None:
        self.conflicts.refresh()
        self.overview.refresh()

    def on_workspace_changed(self, changes, _initiator=None) -> None:
        """An operation changed something: refresh the tabs that show it."""
        if changes.conflicts:
            self.conflicts.refresh()
        if changes.interview_list or changes.conflicts:
            self.overview.refresh()

    def _merged(self, report) -> None:
        self.show_message("")

    def _conflicts_changed(self, count: int) -> None:
        self.conflict_count = count
        text = self.tr("&Conflicts ({0})").format(count) if count else self.tr("&Conflicts")
        self.tabs.setTabText(1, text)

    def ask_export(self):
        forms = self.overview.data.forms if self.overview.data is not None else {}
        return self.exporter.ask(forms)
