"""The interviewer's side of batches: hand in to a USB key or a file, and the shared folder.

``HandInController`` belongs to the main window. "Hand in (USB key or file)…" on the home
screen asks where to write, runs ``Workspace.hand_in`` on the database thread (a DbOp) and
says what was written; the finished interviews move to "Sent or handed in" (home refreshes
from the operation's Changes). When the campaign package brought the coordinator's public key,
a box first offers "Protect for the coordinator" (ticked: only the coordinator's private key
opens the file, so a lost USB key exposes nothing); the shared folder's hand-ins are protected
for it too (``Workspace.hand_in``'s default).

When a shared folder is set (settings), a timer (every minute, and right after an interview
is finalized) calls ``Workspace.sync_shared_folder`` on the database thread; a
line on the home screen says how it went. An unreachable folder is never an error dialog:
the line says so, and the next tick tries again.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

from surveyor.paths import removable_drives
from surveyor.ui.operations import DbOp
from surveyor.ui.operations import WindowPart
from surveyor.ui.qt import QCheckBox
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QDateTime
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import QTimer
from surveyor.ui.qt import Signal

SYNC_INTERVAL_MS = 60_000


def local_time(moment: datetime | str | None) -> str:
    """A moment as the local time ("14:32"), with the date when it is not today."""
    if moment is None:
        return ""
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return moment
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    when = QDateTime(moment)
    locale = QLocale()
    if when.date() == QDateTime.currentDateTime().date():
        return locale.toString(when.time(), QLocale.ShortFormat)
    return locale.toString(when, QLocale.ShortFormat)


def hand_in_message(count: int, path: str) -> str:
    return QCoreApplication.translate(
        "HandIn", "%n interview(s) handed in to %1", None, count
    ).replace("%1", path)


class HandInController(WindowPart):
    """Hand-ins of one main window (its workspace, settings, home screen and task manager)."""

    handed_in = Signal(object)  # HandInResult (the user's hand-in)
    synced = Signal(object)  # SyncResult (each shared-folder attempt)

    def __init__(self, window, *, interval_ms: int = SYNC_INTERVAL_MS):
        super().__init__(window)
        self._syncing = False
        self._again = False
        self._status: tuple[str, str] = ("", "")  # (kind, detail) of the last sync
        self.box: QMessageBox | None = None
        self.protect_box: QMessageBox | None = None  # "Protect for the coordinator"
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.sync_now)
        self.home.hand_in_requested.connect(self.ask_hand_in)
        self.removable_drives = removable_drives  # USB keys plugged in now (tests swap it)

    # --- hand in to a file -----------------------------------------------------------

    def _identity(self) -> dict:
        return {
            "interviewer": self.settings.interviewer,
            "device_label": self.settings.laptop_label,
        }

    def ask_hand_in(self) -> None:
        """Count what there is to hand in, then ask where to write it."""
        if self.window.workspace is None:
            self.home.show_message(self.tr("Please wait: Surveyor is still starting."), error=True)
            return
        DbOp(self, lambda ws: (ws.count_to_hand_in(), ws.coordinator_key() is not None)).success(
            lambda found: self._ask_protection(*found)
        ).failure(self._failed).run()

    def _ask_protection(self, count: int, has_key: bool) -> None:
        """With the coordinator's key, offer to protect the batch (ticked), then ask where."""
        if not count or not has_key:
            self._choose_file(count)
            return
        box = QMessageBox(self.window)
        box.setObjectName("handInProtect")
        box.setIcon(QMessageBox.Question)
        box.setWindowTitle(self.tr("Hand in the finished interviews"))
        box.setText(self.tr("%n interview(s) to hand in.", None, count))
        box.setInformativeText(
            self.tr(
                "Protected (recommended), the file opens only with the coordinator's key: a "
                "lost USB key shows nothing of the interviews. Leave it ticked unless the "
                "coordinator asks."
            )
        )
        check = QCheckBox(self.tr("&Protect for the coordinator"))
        check.setObjectName("protectHandIn")
        check.setChecked(True)
        box.setCheckBox(check)
        go = box.addButton(self.tr("&Choose where to write…"), QMessageBox.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.RejectRole)
        box.setDefaultButton(go)

        def finished(_result: int) -> None:
            self.protect_box = None
            if box.clickedButton() is go:
                self._choose_file(count, protect=check.isChecked())

        box.finished.connect(finished)
        box.open()
        self.protect_box = box

    def default_file_name(self) -> str:
        # on first use: the batch modules (~0.5 s measured), not at start-up
        from surveyor.batches import batch_file_name

        return batch_file_name(
            datetime.now().astimezone(),
            interviewer=self.settings.interviewer,
            device=self.settings.laptop_label or self.window.device_id,
        )

    def suggested_folder(self) -> tuple[Path, bool]:
        """Where to offer to write the batch, and whether it is a USB key: a removable drive
        plugged in now first, else the folder of the last hand-in, the shared folder, home."""
        drives = self.removable_drives()
        if drives:
            return drives[0], True
        for folder in (self.settings.last_hand_in_folder, self.settings.shared_folder):
            if folder and Path(folder).is_dir():
                return Path(folder), False
        return Path.home(), False

    def _choose_file(self, count: int, *, protect: bool | None = None) -> None:
        if not count:
            self.home.show_message(
                self.tr("Nothing to hand in yet: finish an interview first."), error=True
            )
            return
        folder, on_key = self.suggested_folder()
        title = self.tr("Hand in the finished interviews")
        if on_key:
            title = self.tr("Hand in the finished interviews to the USB key {0}").format(
                folder.name or str(folder)
            )
        # The platform's own dialog where there is one (Qt's otherwise, translated).
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            title,
            str(folder / self.default_file_name()),
            self.tr("Surveyor batches (*.zip)"),
        )
        if path:
            self.settings.last_hand_in_folder = str(Path(path).parent)
            self.window.save_settings()
            self.hand_in_to(path, protect=protect)

    def hand_in_to(self, path: str, *, protect: bool | None = None) -> None:
        """Write the batch at ``path`` (a file, or a folder to name it in); ``protect``: for
        the coordinator's key (None: the Workspace's default)."""
        identity = self._identity()
        destination = Path(path)
        if destination.suffix.lower() != ".zip" and not destination.is_dir():
            destination = destination.with_suffix(".zip")
        self.home.show_message(self.tr("Handing in…"))
        DbOp(self, lambda ws: ws.hand_in(destination, protect=protect, **identity)).success(
            lambda done: self._handed_in(done.value)
        ).failure(self._failed).run()

    def _handed_in(self, result) -> None:
        text = hand_in_message(result.interviews, str(result.path))
        self.home.show_message(text)
        box = QMessageBox(self.window)
        box.setObjectName("handInDone")
        box.setIcon(QMessageBox.Information)
        box.setWindowTitle(self.tr("Handed in"))
        box.setText(text)
        box.setInformativeText(
            self.tr(
                "Give this file to the coordinator. Handing in again is harmless: "
                "nothing is counted twice."
            )
        )
        box.setStandardButtons(QMessageBox.Ok)
        box.button(QMessageBox.Ok).setText(self.tr("OK"))
        box.open()
        self.box = box
        self.handed_in.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.home.show_message(
            self.tr("The interviews could not be handed in: {0}").format(exc), error=True
        )

    # --- the shared folder -----------------------------------------------------------

    def start(self) -> None:
        """Start the timer (once the store is open) and try at once."""
        self.settings_changed()

    def settings_changed(self) -> None:
        if self.settings.shared_folder:
            if not self.timer.isActive():
                self.timer.start()
            self.sync_now()
        else:
            self.timer.stop()
            self._status = ("", "")
            self.update_status()

    def sync_now(self) -> None:
        """Hand in to the shared folder if one is set (on the database thread)."""
        folder = self.settings.shared_folder
        if not folder or self.window.workspace is None:
            return
        if self._syncing:
            self._again = True
            return
        self._syncing = True
        identity = self._identity()

        def work(ws):
            done = ws.sync_shared_folder(folder, **identity)
            last = None
            if done.value.status == "nothing_new":
                try:
                    last = ws.last_hand_in_to(folder)
                except Exception:  # noqa: BLE001 - only the status line's detail
                    last = None
            return dataclasses.replace(done, value=(done.value, last))

        DbOp(self, work).success(self._synced).failure(self._sync_error).run()

    def _synced(self, done) -> None:
        result, last = done.value
        self._syncing = False
        if result.status == "written":
            self._status = ("written", local_time(QDateTime.currentDateTime().toPython()))
        elif result.status == "nothing_new":
            if last:
                self._status = ("written", local_time(last))
            elif self._status[0] != "written":
                self._status = ("nothing_new", "")
        elif result.status == "unreachable":
            self._status = ("unreachable", "")
        else:
            self._status = ("failed", result.message)
        self.update_status()
        self.synced.emit(result)
        if self._again:
            self._again = False
            self.sync_now()

    def _sync_error(self, exc: BaseException) -> None:
        self._syncing = False
        self._status = ("failed", str(exc))
        self.update_status()

    def status_text(self) -> str:
        kind, detail = self._status
        if not self.settings.shared_folder or not kind:
            return ""
        if kind == "written":
            return self.tr("Shared folder: handed in at {0}").format(detail)
        if kind == "nothing_new":
            return self.tr("Shared folder: nothing new to hand in")
        if kind == "unreachable":
            return self.tr("Shared folder: unreachable for now (we will try again)")
        return self.tr("Shared folder: not handed in ({0}); we will try again").format(detail)

    def update_status(self) -> None:
        text = self.status_text()
        label = self.home.shared_status
        label.setText(text)
        label.setToolTip(self.settings.shared_folder)
        label.setAccessibleName(text)
        label.setVisible(bool(text))

    def retranslate(self) -> None:
        self.update_status()
