"""Import batches: files or a whole folder, merged on the database thread, then the report."""

from __future__ import annotations

from pathlib import Path

from surveyor.ui import banner
from surveyor.ui.coordinator.common import fill_table
from surveyor.ui.coordinator.common import make_table
from surveyor.ui.coordinator.common import set_headers
from surveyor.ui.coordinator.download import error_text
from surveyor.ui.coordinator.download import start_download
from surveyor.ui.errors import error_sentence
from surveyor.ui.flow import FlowLayout
from surveyor.ui.labels import import_status_text
from surveyor.ui.language import FollowsLanguage
from surveyor.ui.operations import DbOp
from surveyor.ui.operations import host_of
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QHeaderView
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import push_button
from surveyor.ui.widgets import set_texts
from surveyor.workspace import Changes


class ImportPanel(FollowsLanguage, QWidget):
    """Buttons to import, and the report of the last import."""

    merged = Signal(object)  # MergeReport

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.setObjectName("importPanel")
        self.page = page
        self.report = None
        self.error = ""

        layout = QVBoxLayout(self)
        self.intro = make_label(role="hint", into=layout)
        buttons = FlowLayout()  # wraps on a narrow screen or at a large text size
        self.files_button = push_button(self.choose_files, primary=True)
        self.folder_button = push_button(self.choose_folder)
        self.again_button = push_button(self.import_again)
        self.server_button = push_button(self.download_from_server, name="downloadButton")
        for button in (
            self.files_button,
            self.folder_button,
            self.again_button,
            self.server_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.summary = make_label(name="importSummary")
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.batches_title = make_label(role="section", into=layout)
        self.batches = make_table(["", "", "", "", "", "", "", "", ""])
        self.batches.setObjectName("batchesTable")
        self.batches.horizontalHeader().setSectionResizeMode(8, QHeaderView.Stretch)
        layout.addWidget(self.batches, 3)
        self.people_title = make_label(role="section", wrap=False, into=layout)
        self.people = make_table(["", "", "", "", ""])
        self.people.setObjectName("interviewersTable")
        layout.addWidget(self.people, 2)
        self.retranslate()
        self.show_report(None)

    @property
    def settings(self):
        return self.page.settings

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Import the batch files the interviewers handed in (USB key, shared folder). "
                "Importing the same file again is harmless: nothing is counted twice."
            )
        )
        set_texts(self.files_button, self.tr("Import &batches…"), self.tr("Import batch files"))
        set_texts(
            self.folder_button,
            self.tr("Import a &folder…"),
            self.tr("Import every batch of a folder"),
        )
        set_texts(
            self.again_button,
            self.tr("Import the folder &again"),
            self.tr("Import the last folder again"),
        )
        set_texts(
            self.server_button,
            self.tr("&Download from the server"),
            self.tr("Download the interviews sent to the server"),
        )
        self.server_button.setToolTip(
            self.tr(
                "Bring in what the interviewers sent to the server (coordinator account "
                "in the settings). Downloading again is harmless."
            )
        )
        self.batches_title.setText(self.tr("Batches"))
        self.people_title.setText(self.tr("By interviewer"))
        set_headers(
            self.batches,
            [
                self.tr("File"),
                self.tr("Interviewer"),
                self.tr("Laptop"),
                self.tr("Result"),
                self.tr("New"),
                self.tr("Updated"),
                self.tr("Duplicates"),
                self.tr("Conflicts"),
                self.tr("Why refused"),
            ],
        )
        self.batches.setAccessibleName(self.tr("Imported batches"))
        set_headers(
            self.people,
            [
                self.tr("Interviewer"),
                self.tr("New"),
                self.tr("Updated"),
                self.tr("Duplicates"),
                self.tr("Conflicts"),
            ],
        )
        self.people.setAccessibleName(self.tr("Totals by interviewer"))
        self._update_again()
        self.show_report(self.report)
        if self.report is None and getattr(self, "download_report", None) is not None:
            self.show_download_report(self.download_report)

    def _update_again(self) -> None:
        paths = self.settings.last_batch_paths
        self.again_button.setEnabled(bool(paths))
        self.again_button.setToolTip(
            self.tr("Import again: {0}").format(", ".join(paths)) if paths else ""
        )

    # --- choosing -------------------------------------------------------------------

    def _start_folder(self) -> str:
        return self.settings.last_batch_folder or str(Path.home())

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import batches"),
            self._start_folder(),
            self.tr("Surveyor batches (*.zip)"),
        )
        if paths:
            self.import_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Import every batch of a folder"), self._start_folder()
        )
        if folder:
            self.import_paths([folder])

    def import_again(self) -> None:
        if self.settings.last_batch_paths:
            self.import_paths(list(self.settings.last_batch_paths))

    # --- importing ------------------------------------------------------------------

    def import_paths(self, paths: list[str]) -> None:
        if self.page.workspace is None:
            return
        paths = [str(p) for p in paths]
        first = Path(paths[0])
        self.settings.last_batch_folder = str(first if first.is_dir() else first.parent)
        self.settings.last_batch_paths = paths
        self.page.save_settings()
        self._update_again()

        def work(ws, report):
            return ws.merge_batches(
                paths,
                progress=lambda done, total, path: report(done, total, Path(path).name),
                private_key=self.page.private_key,  # opened in Encryption…, for this session
            )

        def describe(done: int, total: int, name: str) -> str:
            if total and done < total:
                return self.tr("Importing batch {0} of {1}: {2}").format(done + 1, total, name)
            return self.tr("Importing…")

        op = (
            DbOp(self, work)
            .with_progress(
                self.tr("Importing…"),
                title=self.tr("Importing batches"),
                describe=describe,
                name="coordinatorProgress",
            )
            .success(lambda done: self._merged(done.value))
            .failure(self._failed)
        )
        op.run()
        self.progress = op.dialog

    def _merged(self, report) -> None:
        self.error = ""
        self.show_report(report)
        self.merged.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.error = self.tr("The import stopped: {0}").format(exc)
        self._show_summary(self.error, "error")

    # --- from the server ------------------------------------------------------------

    def download_from_server(self) -> None:
        """Download the submissions with the server account of the settings."""
        workspace = self.page.workspace
        if workspace is None:
            return
        url, user, password = self.page.server_account()
        if not url:
            self._show_summary(
                self.tr(
                    "No server is set: enter its address and the coordinator account in "
                    "the settings."
                ),
                "error",
            )
            return
        self._download_user = user
        self.server_button.setEnabled(False)
        self.progress = start_download(
            self,
            workspace.data_dir,
            url,
            user,
            password or None,
            on_done=self._downloaded,
            on_error=self._download_failed,
        )

    def _downloaded(self, report) -> None:
        self.server_button.setEnabled(True)
        if not isinstance(report, str):  # written through the download's own connection
            host_of(self).notify(Changes.of_download(report), self)
        if report == "no_password":
            self._show_summary(
                self.tr("The server password is needed: type it in the settings."), "error"
            )
            return
        if report == "bad_address":
            self._show_summary(self.tr("The server address in the settings is not valid."), "error")
            return
        self.error = ""
        self.show_download_report(report)
        self.merged.emit(report)

    def _download_failed(self, exc: BaseException) -> None:
        self.server_button.setEnabled(True)
        self.error = error_text(exc, getattr(self, "_download_user", ""))
        self._show_summary(self.error, "error")

    def _show_summary(self, text: str, role: str) -> None:
        banner.set_role(self.summary, role)
        self.summary.setText(text)

    def show_download_report(self, report) -> None:
        """A server download's report, presented like a batch import's."""
        self.report = None
        self.download_report = report
        text = self.tr(
            "From the server: {0} submission(s) received: {1} new interview(s), {2} updated, "
            "{3} duplicate(s), {4} conflict(s) to resolve."
        ).format(report.received, report.new, report.updated, report.duplicates, report.conflicts)
        if report.forms_fetched:
            text += " " + self.tr("Form versions downloaded: {0}.").format(report.forms_fetched)
        self._show_summary(text, "info" if report.received else "hint")
        fill_table(self.batches, [])
        self.batches_title.setVisible(False)
        self.batches.setVisible(False)
        self._show_people(report.per_interviewer)

    def _show_people(self, people: dict) -> None:
        """The totals by interviewer (hidden when there are none)."""
        fill_table(
            self.people,
            [
                [
                    name or self.tr("(no name)"),
                    c.get("new", 0),
                    c.get("updated", 0),
                    c.get("duplicates", 0),
                    c.get("conflicts", 0),
                ]
                for name, c in sorted(people.items())
            ],
        )
        self.people_title.setVisible(bool(people))
        self.people.setVisible(bool(people))

    def show_report(self, report) -> None:
        self.report = report
        if report is not None:
            self.download_report = None
        role = "hint"
        if report is None:
            text = self.tr("Nothing imported yet in this session.")
        elif not report.batches:
            text = self.tr("No batch file (.zip) was found there.")
        else:
            text = self.tr(
                "{0} batch(es) read: {1} new interview(s), {2} updated, {3} duplicate(s), "
                "{4} conflict(s) to resolve."
            ).format(
                len(report.batches),
                report.new,
                report.updated,
                report.duplicates,
                report.conflicts,
            )
            if report.refused:
                role = "error"
                text += " " + self.tr(
                    "{0} batch(es) refused: nothing of them was imported (see why below)."
                ).format(len(report.refused))
            else:
                role = "info"
        self._show_summary(text, role)
        batches = report.batches if report is not None else []
        rows, tips = [], []
        for b in batches:
            refused = b.status == "refused"
            rows.append(
                [
                    b.path.name,
                    b.interviewer,
                    b.device_label,
                    import_status_text(b.status),
                    "" if refused else b.new,
                    "" if refused else b.updated,
                    "" if refused else b.duplicates,
                    "" if refused else b.conflicts,
                    error_sentence(b.code) if refused else "",
                ]
            )
            tips.append(
                [str(b.path), *[""] * 7, f"{error_sentence(b.code)}\n{b.reason}" if refused else ""]
            )
        fill_table(self.batches, rows, tooltips=tips)
        for r, b in enumerate(batches):
            if b.status == "refused":
                for c in (3, 8):
                    item = self.batches.item(r, c)
                    item.setForeground(Qt.darkRed)
        self.batches_title.setVisible(bool(batches))
        self.batches.setVisible(bool(batches))
        self._show_people(report.per_interviewer if report is not None else {})
