"""The coordination page: import batches, conflicts, overview; "Export…" in its header."""

from __future__ import annotations

from surveyor.ui import banner
from surveyor.ui.coordinator.conflicts import ConflictsPanel
from surveyor.ui.coordinator.doorlist import DoorListPanel
from surveyor.ui.coordinator.export import Exporter
from surveyor.ui.coordinator.fieldwork import FieldworkPanel
from surveyor.ui.coordinator.imports import ImportPanel
from surveyor.ui.coordinator.overview import OverviewPanel
from surveyor.ui.coordinator.people import PeoplePanel
from surveyor.ui.coordinator.results import ResultsPanel
from surveyor.ui.errors import exception_sentence
from surveyor.ui.flow import WrappedLabel
from surveyor.ui.home import local_datetime
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.operations import DbOp
from surveyor.ui.operations import WorkspaceHost
from surveyor.ui.qt import QFrame
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import QTabWidget
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal
from surveyor.ui.widgets import ask_before
from surveyor.ui.widgets import message_line
from surveyor.ui.widgets import page_header
from surveyor.ui.widgets import push_button
from surveyor.ui.widgets import put_message
from surveyor.ui.widgets import set_texts
from surveyor.ui.widgets import size_to_current


class CoordinatorPage(FollowsLanguage, QWidget):
    """Everything the coordinator does with the batches and the doors, in five tabs."""

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
        # The private key of encrypted forms once opened in Encryption… (memory only, this
        # session): imports then open protected batches and encrypted interviews with it.
        self.private_key = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        self.title, buttons = page_header(outer)
        self.export_button = push_button(self.ask_export, name="exportButton", into=buttons)
        self.encryption_button = push_button(
            self.ask_encryption, name="encryptionButton", into=buttons
        )
        self.back_button = push_button(self.back_requested, into=buttons)
        self.message = message_line()
        outer.addWidget(self.message)

        # the retention period: a banner before the personal fields are removed
        self.retention = QFrame()
        self.retention.setObjectName("retentionBanner")
        row = QHBoxLayout(self.retention)
        banner.pad(row)
        self.retention_label = WrappedLabel()
        self.retention_label.setObjectName("retentionText")
        self.retention_label.setProperty("role", "info")
        row.addWidget(self.retention_label, 1)
        self.retention_button = push_button(self.ask_retention, name="retentionButton", into=row)
        self.retention.hide()
        self.retention_box: QMessageBox | None = None
        self.retention_report = None
        outer.addWidget(self.retention)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("coordinationTabs")
        self.imports = ImportPanel(self)
        self.conflicts = ConflictsPanel(self)
        self.overview = OverviewPanel(self)
        self.tabs.addTab(self.imports, "")
        self.tabs.addTab(self.conflicts, "")
        self.tabs.addTab(self.overview, "")
        self.doorlist = DoorListPanel(self)
        self.fieldwork = FieldworkPanel(self)
        self.tabs.addTab(self.doorlist, "")
        self.tabs.addTab(self.fieldwork, "")
        self.results = ResultsPanel(self)
        self.people = PeoplePanel(self)
        self.tabs.addTab(self.results, "")
        self.tabs.addTab(self.people, "")
        outer.addWidget(self.tabs, 1)
        # the results are not made to scroll by a taller tab (the overview at the largest
        # text size): their figures show on a 1024×600 screen; the other tabs are as high
        # as the tallest, as they were laid out for
        self.tabs.currentChanged.connect(self._size_tabs)
        self.imports.merged.connect(self._merged)
        self.conflicts.changed.connect(self._conflicts_changed)
        self.overview.open_requested.connect(self.open_interview)
        self.exporter = Exporter(self)
        self.retranslate()

    def _size_tabs(self, _index: int) -> None:
        size_to_current(self.tabs, only_current=self.tabs.currentWidget() is self.results)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Coordination"))
        set_texts(
            self.export_button, self.tr("E&xport…"), self.tr("Export the interviews for analysis")
        )
        self.encryption_button.setText(self.tr("E&ncryption…"))
        self.encryption_button.setAccessibleName(
            self.tr("Keys of the encrypted forms, and opening the encrypted interviews")
        )
        self.back_button.setText(self.tr("Back to my interviews"))
        self.tabs.setTabText(0, self.tr("&Import batches"))
        self._conflicts_changed(self.conflict_count)
        self.tabs.setTabText(2, self.tr("O&verview"))
        self.retention_button.setText(self.tr("&Remove them now…"))
        self._show_retention(self.retention_report)
        self.tabs.setTabText(3, self.tr("Door lis&t"))
        self.tabs.setTabText(4, self.tr("Field&work"))
        self.tabs.setTabText(5, self.tr("Res&ults"))
        self.tabs.setTabText(6, self.tr("&People who want to act"))

    def server_account(self) -> tuple[str, str, str]:
        """(server address, account, password typed this session) for the server actions:
        the main window's, else the settings' (no password: the keychain's is looked up)."""
        if self.server_credentials is not None:
            return self.server_credentials()
        return self.settings.server_url, self.settings.server_user, ""

    def save_settings(self) -> None:
        if self._save_settings is not None:
            self._save_settings()

    def show_message(self, text: str, *, error: bool = False) -> None:
        put_message(self.message, text, error=error)

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
        self.refresh_retention()
        self.doorlist.refresh()
        self.fieldwork.refresh()
        self.results.refresh()
        self.people.refresh()

    # --- the retention period ---------------------------------------------------------

    def refresh_retention(self) -> None:
        if self.workspace is None:
            return
        DbOp(self, lambda ws: ws.retention_report()).success(self._show_retention).failure(
            lambda exc: self.show_message(exception_sentence(exc), error=True)
        ).run()

    def _show_retention(self, report) -> None:
        self.retention_report = report
        if report is None or report.days is None or not (report.overdue or report.soon):
            self.retention.hide()
            return
        parts = []
        if report.overdue:
            parts.append(
                self.tr(
                    "%n interview(s) are past the retention period of {0} days: their personal "
                    "fields (names, phones, e-mails…) must be removed.",
                    None,
                    len(report.overdue),
                ).format(report.days)
            )
        if report.soon:
            first = min(d.due for d in report.soon)
            parts.append(
                self.tr(
                    "The personal fields of %n interview(s) reach the retention period within "
                    "{0} days (the first on {1}): export what you still need before then.",
                    None,
                    len(report.soon),
                ).format(report.warn_days, local_datetime(first).split(" ")[0])
            )
        self.retention_label.setText(" ".join(parts))
        self.retention_button.setVisible(bool(report.overdue))
        self.retention.show()

    def ask_retention(self) -> QMessageBox | None:
        report = self.retention_report
        if report is None or not report.overdue:
            return None
        return ask_before(
            self,
            "retention_box",
            name="retentionConfirm",
            icon=QMessageBox.Warning,
            title=self.tr("Remove the personal fields?"),
            text=self.tr(
                "Remove the personal fields of %n interview(s) past the retention period?",
                None,
                len(report.overdue),
            ),
            details=self.tr(
                "Names, phone numbers, e-mails and the other personal fields are removed for "
                "good, here and in the backups. The other answers stay for the results."
            ),
            yes=self.tr("Remove them"),
            yes_role=QMessageBox.DestructiveRole,
            no=self.tr("Cancel"),
            on_yes=self.apply_retention,
        )

    def apply_retention(self) -> None:
        DbOp(self, lambda ws: ws.apply_retention()).success(
            lambda _done: self.refresh_retention()
        ).failure(lambda exc: self.show_message(exception_sentence(exc), error=True)).run()

    def on_workspace_changed(self, changes, _initiator=None) -> None:
        """An operation changed something: refresh the tabs that show it."""
        if changes.conflicts:
            self.conflicts.refresh()
        if changes.interview_list or changes.conflicts:
            self.overview.refresh()
        if changes.interview_list:
            self.refresh_retention()
        if changes.doors:
            self.doorlist.refresh()
            self.fieldwork.refresh()
        self.results.on_workspace_changed(changes)
        if changes.interview_list or changes.forms:
            self.people.refresh()

    def _merged(self, report) -> None:
        self.show_message("")

    def _conflicts_changed(self, count: int) -> None:
        self.conflict_count = count
        text = self.tr("&Conflicts ({0})").format(count) if count else self.tr("&Conflicts")
        self.tabs.setTabText(1, text)

    def ask_export(self):
        forms = self.overview.data.forms if self.overview.data is not None else {}
        return self.exporter.ask(forms)

    def ask_encryption(self) -> None:
        """The encryption dialog, told how many encrypted interviews wait for their key."""
        # on first use: the dialog pulls cryptography in, not at start-up
        from surveyor.ui.coordinator.encryption import EncryptionDialog

        def show(waiting: int) -> None:
            self.encryption_dialog = EncryptionDialog(self, waiting=waiting)
            self.encryption_dialog.open()

        if self.workspace is None:
            show(0)
            return
        DbOp(self, lambda ws: ws.encrypted_waiting()).success(show).failure(
            lambda _exc: show(0)
        ).run()
