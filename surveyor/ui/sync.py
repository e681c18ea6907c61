"""Sending to the campaign server from the app: when to send, and what home shows.

``ServerSync`` belongs to the main window: the Qt glue (timers, signals, banners, words)
around the core's pass, :func:`surveyor.sync.passes.send_pass` (send the finalized interviews
with :func:`surveyor.sync.sender.send_pending`, then fetch new forms). When a server address
is set (settings), it makes a pass:

- on a timer (every two minutes), right after an interview is finalized, when Qt reports
  that the network came back (``QNetworkInformation``, where the platform has a backend), and
  when the interviewer presses "Send now";
- after a pass that could not reach the server, the next one waits
  :class:`~surveyor.sync.backoff.Backoff`'s capped, jittered delay (never hammering the server,
  never in step with the other laptops); a pass that delivered resets it;
- an authentication error stops automatic sending at once (a banner says so, with a button
  to the settings) until the settings change;
- new form versions are fetched (:func:`~surveyor.sync.forms.fetch_forms`) after a pass that
  sent something and on "Send now"; they are written under ``<data_dir>/server-forms/`` and
  added to the laptop's forms, so they appear on home like any other.

Which thread, which store: a pass is network-bound and may wait (timeouts, backoff), so it
runs on the file/network pool (``TaskManager.run_io``), never on the database thread (that
would hold up every save of the interview screen for as long as the network takes). The pass
is given the workspace's data dir and opens **its own** :class:`~surveyor.store.Store`
connection inside the worker, closed at the end (docs/sync.md: "a Store per thread"); SQLite's
WAL and busy timeout arbitrate its short write transactions (one ``mark_sent`` per interview)
with the app's database thread. What the pass changed goes out on ``workspace_changed``
(home refreshes from it); the count of interviews waiting is a Workspace read (a ``DbOp``).
The sender's file lock (``sync.lock``) keeps "Send now", the automatic sending and
``surveyor sync`` from ever overlapping; inside this process a flag does the same without
touching the disk.

Passwords: the system keychain (``store_password``) when there is one; otherwise the
password typed in the settings stays in this object's memory for the session, never in a
file. Closing the window sets the cancel event: the sender stops before the next request and
every interview keeps its state (a retry of one whose answer was lost is harmless).
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import TYPE_CHECKING

from surveyor.errors import ErrorCode
from surveyor.errors import code_of
from surveyor.sync.backoff import Backoff
from surveyor.sync.config import store_password
from surveyor.ui.errors import error_sentence
from surveyor.ui.handin import local_time
from surveyor.ui.operations import DbOp
from surveyor.ui.operations import WindowPart
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QNetworkInformation
from surveyor.ui.qt import QTimer
from surveyor.ui.qt import Signal

# The pass itself is the core's (surveyor/sync/passes.py). It is imported when first used,
# not here: on top of what the window already loads (surveyor.sync.sender, for the backoff),
# it adds the form library, the form fetcher and the download/merge modules: 85-150 ms
# measured on the 2-core test machine, which the window need not wait for at start-up.

if TYPE_CHECKING:
    from surveyor.sync.passes import SendAnswer

AUTO_INTERVAL_MS = 120_000


# --- words ---------------------------------------------------------------------------------


def last_success_text(stamp: str | None) -> str:
    if not stamp:
        return QCoreApplication.translate("ServerSync", "Nothing sent to the server yet")
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return QCoreApplication.translate("ServerSync", "Last successful sending: {0}").format(
            stamp
        )
    when = local_time(moment)
    if moment.date() == datetime.now().astimezone().date():
        return QCoreApplication.translate(
            "ServerSync", "Last successful sending: today {0}"
        ).format(when)
    return QCoreApplication.translate("ServerSync", "Last successful sending: {0}").format(when)


# --- the controller --------------------------------------------------------------------------


class ServerSync(WindowPart):
    """Sending to the server for one main window (its workspace, settings, home, tasks)."""

    finished = Signal(object)  # SendAnswer, after every pass (tests, screenshots)

    def __init__(self, window, *, interval_ms: int = AUTO_INTERVAL_MS, backoff=None):
        super().__init__(window)
        self.interval_ms = interval_ms
        # The sender's policy, started at 10 s between passes (a pass already retried each
        # interview a few times): 10, 20, 40 s... capped at 5 minutes, jittered.
        self.backoff = backoff or Backoff(base=10.0)
        self.cancel = threading.Event()
        self.passwords: dict[tuple[str, str], str] = {}  # this session only, never a file
        self.running = False
        self.paused = ""  # "auth", "no_password", "bad_address": automatic sending waits
        self.auth_user = ""
        self._again = False
        self._retry = 0
        self._fetch_next = True  # fetch the forms on the first pass of the session
        self._closing = False
        self._pending: int | None = None
        self._status: dict = {}
        self._network = None
        self.last_answer: SendAnswer | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.send_auto)
        self.home.send_now_requested.connect(self.send_now)
        self.home.server_settings_requested.connect(self.open_server_settings)

    # --- settings --------------------------------------------------------------------------

    @property
    def configured(self) -> bool:
        return bool(self.settings.server_url.strip())

    def _key(self) -> tuple[str, str]:
        from surveyor.sync.passes import base_url  # on first use (see the top of the file)

        url = self.settings.server_url.strip()
        return (base_url(url) or url, self.settings.server_user.strip())

    def remembered_password(self) -> str:
        return self.passwords.get(self._key(), "")

    def credentials(self) -> tuple[str, str, str]:
        """(url, user, password typed this session or "") for the coordinator's download."""
        url, user = self._key()
        return url, user, self.remembered_password()

    def set_password(self, password: str) -> None:
        """Keep the password for this session and in the system keychain if there is one
        (on the worker: a keychain may answer slowly)."""
        from surveyor.sync.passes import base_url  # on first use (see the top of the file)

        if not password:
            return
        url, user = self._key()
        self.passwords[(url, user)] = password
        if not user or base_url(url) is None:
            return

        def keep():
            return store_password(url, user, password)

        self.tasks.run_io(keep, on_error=lambda _exc: None)

    def open_server_settings(self):
        """The banner's button: the settings, on their server tab."""
        dialog = self.window.open_settings()
        dialog.tabs.setCurrentWidget(dialog.server_page)
        dialog.password_edit.setFocus()
        return dialog

    def start(self) -> None:
        """The store is open: watch the network, show the status, try once."""
        self._watch_network()
        self.settings_changed()

    def settings_changed(self, password: str = "") -> None:
        """The settings were saved (new address, account or password): start again."""
        self.set_password(password)
        self.paused = ""
        self.auth_user = ""
        self._retry = 0
        self._fetch_next = True
        if self.configured:
            self.timer.start(0)
        else:
            self.timer.stop()
        self.refresh_pending()
        self.update_status()

    # --- when to send ----------------------------------------------------------------------

    def _watch_network(self) -> None:
        """Send when Qt says the network is back (skipped where Qt has no backend)."""
        if self._network is not None:
            return
        try:
            if not QNetworkInformation.loadDefaultBackend():
                return
            info = QNetworkInformation.instance()
            if info is None:
                return
            info.reachabilityChanged.connect(self._reachability_changed)
            self._network = info
        except Exception:  # noqa: BLE001 - no backend: the timer is enough
            return

    def _reachability_changed(self, reachability) -> None:
        if reachability == QNetworkInformation.Reachability.Online:
            self._retry = 0
            self.sync_soon()

    def sync_soon(self) -> None:
        """Right after an interview is finalized (or the network came back)."""
        self.refresh_pending()
        if not self.configured or self.paused or self._closing:
            return
        if self.running:
            self._again = True
            return
        self.timer.start(0)

    def send_auto(self) -> None:
        if not self.configured or self.paused or self._closing:
            return
        self._start(manual=False)

    def send_now(self) -> None:
        """The "Send now" button: one pass at once, then the new forms."""
        if not self.configured:
            self.home.show_message(
                self.tr("No server is set: enter its address in the settings."), error=True
            )
            return
        if self.running:
            self.home.show_message(self.tr("Sending is already running."))
            return
        if self.window.workspace is None:
            self.home.show_message(self.tr("Please wait: Surveyor is still starting."), error=True)
            return
        self.paused = "" if self.paused == "bad_address" else self.paused
        self._start(manual=True)

    def _start(self, *, manual: bool) -> None:
        workspace = self.window.workspace
        if workspace is None or self.running:
            return
        self.timer.stop()
        self.running = True
        data_dir = workspace.data_dir
        url, user = self.settings.server_url.strip(), self.settings.server_user.strip()
        password = self.remembered_password() or None
        cancel, fetch = self.cancel, self._fetch_next
        self._fetch_next = False
        self.update_status()
        if manual:
            self.home.show_message(self.tr("Sending…"))

        def work():
            from surveyor.workspace import server_pass  # loaded with the open workspace

            return server_pass(
                data_dir, url, user, password, cancel=cancel, manual=manual, fetch=fetch
            )

        self.tasks.run_io(work, on_done=self._done, on_error=self._failed)

    # --- results ---------------------------------------------------------------------------

    def _schedule(self, *, failed: bool) -> None:
        if self._closing or self.paused or not self.configured:
            self.timer.stop()
            return
        if failed:
            delay = self.backoff.delay(self._retry)
            self._retry += 1
            self.timer.start(max(1000, int(delay * 1000)))
        else:
            self._retry = 0
            self.timer.start(self.interval_ms)

    def _done(self, answer: SendAnswer) -> None:
        self.running = False
        self.last_answer = answer
        if self._closing:
            return
        report = answer.report
        if answer.status:
            self._status = answer.status
        if answer.kind not in ("no_password", "bad_address", "busy"):
            self._pending = answer.pending
        failed = False
        message, error = "", False
        if answer.kind == "no_password":
            self.paused = "no_password"
            message = "" if not answer.manual else self.banner_text()
        elif answer.kind == "bad_address":
            self.paused = "bad_address"
            message, error = self.tr("The server address in the settings is not valid."), True
        elif answer.kind == "busy":
            message = self.tr("Sending is already running.") if answer.manual else ""
        elif answer.auth_error:
            self.paused = "auth"
            self.auth_user = self.settings.server_user.strip()
        else:
            self.paused = ""  # the account works (or the server was not reached)
            failed = bool(report is not None and not report.finished) or bool(
                answer.network_error and not report
            )
            if answer.manual:
                message, error = self._summary(answer)
        if report is not None and (
            report.sent or report.rejected or report.retryable or report.needs_decision
        ):
            from surveyor.workspace import Changes  # loaded with the open workspace, not at start

            ids = frozenset(r.instance_id for r in report.results)
            self.window.workspace_host.notify(Changes(interviews=ids, sync_state=True), self)
        campaign = answer.campaign
        if campaign is not None and campaign.changed:  # written through the pass's own store
            from surveyor.workspace import Changes  # loaded with the open workspace, not at start

            self.window.workspace_host.notify(Changes(forms=campaign.forms, doors=True), self)
        if answer.form_paths:
            self.window.add_server_forms(answer.form_paths)
        if answer.manual and message:
            self.home.show_message(message, error=error)
        elif answer.manual:
            self.home.show_message("")
        self._schedule(failed=failed)
        self.update_status()
        self.finished.emit(answer)
        if self._again and not self.paused:
            self._again = False
            self.timer.start(0)

    def _failed(self, exc: BaseException) -> None:
        """An unexpected error (the data dir unreadable...): a calm line, try again later."""
        self.running = False
        if self._closing:
            return
        code = code_of(exc)
        self._status = {**self._status, "last_error": str(exc), "last_error_code": code}
        self._schedule(failed=True)
        self.update_status()
        from surveyor.sync.passes import SendAnswer  # on first use (see the top)

        self.finished.emit(SendAnswer(kind="error", network_error=str(exc), network_code=code))

    def _summary(self, answer: SendAnswer) -> tuple[str, bool]:
        report = answer.report
        parts, error = [], False
        if report is None:
            if answer.network_error:
                return error_sentence(answer.network_code or ErrorCode.SYNC_UNREACHABLE), True
            parts.append(self.tr("Nothing to send."))
        else:
            if report.sent:
                parts.append(
                    self.tr("1 interview sent.")
                    if report.sent == 1
                    else self.tr("{0} interviews sent.").format(report.sent)
                )
            if report.rejected:
                parts.append(
                    self.tr("Interviews refused by the server: {0} (see their state).").format(
                        report.rejected
                    )
                )
                error = True
            if report.needs_decision:
                parts.append(self.decision_text(report.needs_decision))
                error = True
            if report.retryable or report.stopped or report.left:
                parts.append(error_sentence(report.error()[1]))
                error = True
        if answer.form_paths:
            parts.append(self.tr("New forms from the server: {0}.").format(len(answer.form_paths)))
        campaign = answer.campaign
        if campaign is not None and campaign.changed:
            parts.append(
                self.tr("New campaign package: {0} doors ({1} new).").format(
                    campaign.imported.doors, campaign.imported.new_doors
                )
            )
        elif campaign is not None and campaign.refused:
            parts.append(
                self.tr(
                    "The server's campaign package was refused (older, of another campaign or "
                    "damaged); nothing was changed."
                )
            )
            error = True
        return " ".join(p for p in parts if p), error

    # --- what home shows -------------------------------------------------------------------

    def refresh_pending(self) -> None:
        """Count the interviews waiting to be sent (database thread)."""
        if not self.configured:
            return

        def counted(result):
            self._pending, status = result
            if not self.running:
                self._status = status
            self.update_status()

        DbOp(self.window, lambda ws: (ws.count_to_send(), ws.sync_status())).success(counted).run()

    def banner_text(self) -> str:
        if self.paused == "auth":
            return self.tr(
                "The server refuses the password of {0}. Automatic sending is paused: "
                "check the account and the password in the settings."
            ).format(self.auth_user or self.tr("this account"))
        if self.paused == "no_password":
            return self.tr(
                "The server password is needed to send the interviews: type it in the settings."
            )
        return ""

    def decision_text(self, count: int) -> str:
        if count == 1:
            return self.tr(
                "1 interview needs a decision: the server refused it (an edit of a version "
                "already replaced, or the same interview with other answers). It is not sent "
                "again automatically."
            )
        return self.tr(
            "{0} interviews need a decision: the server refused them (an edit of a version "
            "already replaced, or the same interview with other answers). They are not sent "
            "again automatically."
        ).format(count)

    def status_text(self) -> str:
        if not self.configured:
            return ""
        parts = []
        if self._pending is not None:
            parts.append(
                self.tr("Nothing left to send")
                if not self._pending
                else self.tr("1 interview to send")
                if self._pending == 1
                else self.tr("{0} interviews to send").format(self._pending)
            )
        if self.running:
            parts.append(self.tr("Sending…"))
        parts.append(last_success_text(self._status.get("last_success_at")))
        held = self._status.get("needs_decision") or 0
        if isinstance(held, int) and held > 0:
            parts.append(
                self.tr("1 interview needs a decision")
                if held == 1
                else self.tr("{0} interviews need a decision").format(held)
            )
        error = self._status.get("last_error")
        if self.paused == "bad_address":
            parts.append(self.tr("The server address in the settings is not valid."))
        elif error and self.paused != "auth" and self._pending:
            # (a status written before error codes existed: the commonest failure's words)
            code = ErrorCode.parse(self._status.get("last_error_code"))
            parts.append(error_sentence(code or ErrorCode.SYNC_UNREACHABLE))
        return " · ".join(parts)

    def update_status(self) -> None:
        home = self.home
        on = self.configured
        home.send_now_button.setVisible(on)
        home.send_now_button.setEnabled(on and not self.running)
        text = self.status_text()
        home.server_status.setText(text)
        home.server_status.setAccessibleName(text)
        home.server_status.setToolTip(self.settings.server_url)
        home.server_status.setVisible(bool(text))
        banner = self.banner_text() if on else ""
        home.sync_banner_label.setText(banner)
        home.sync_banner.setAccessibleName(banner)
        home.sync_banner.setVisible(bool(banner))

    def retranslate(self) -> None:
        self.update_status()

    # --- closing ---------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop at the next step (the window closes); nothing is lost: an interview is
        marked sent only after the server's answer, and the rest stays to send."""
        self._closing = True
        self.timer.stop()
        self.cancel.set()
