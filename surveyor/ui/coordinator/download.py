"""The coordinator's "Download from the server": submissions merged like batches.

:func:`surveyor.sync.passes.download_pass` runs on the network pool with **its own** Store
connection (opened and closed inside the job, as the background sending does: the download
waits on the network, the database thread must stay free for the rest of the app).
Each page is one transaction of the batch merge, so an interrupted download resumes from the
saved cursor and nothing is counted twice. A progress dialog counts the submissions received;
the report then shows like a batch import's.
"""

from __future__ import annotations

from pathlib import Path

from surveyor.ui.errors import error_sentence
from surveyor.ui.operations import ProgressRelay
from surveyor.ui.operations import progress_dialog
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QProgressDialog


def download_job(data_dir: Path, url: str, user: str, password: str | None, report):
    """On the worker: the core's download with its own Store. Returns the DownloadReport, or
    a string saying why nothing was asked ("no_password", "bad_address")."""
    # on first use: the sync modules pull httpx in (~0.4 s measured)
    from surveyor.sync.passes import download_pass

    return download_pass(data_dir, url, user, password, progress=lambda n: report(n, 0, ""))


def error_text(exc: BaseException, user: str) -> str:
    # on first use: httpx (~0.3 s measured)
    from surveyor.sync.transport import AuthError
    from surveyor.sync.transport import TransportError

    if isinstance(exc, AuthError):
        return QCoreApplication.translate(
            "ServerDownload",
            "The server refuses the account {0}: downloading needs a coordinator account "
            "and its password (settings).",
        ).format(user or "?")
    if isinstance(exc, TransportError):
        return QCoreApplication.translate(
            "ServerDownload", "Nothing more was downloaded: {0} What arrived is kept."
        ).format(error_sentence(exc.code))
    return QCoreApplication.translate("ServerDownload", "The download stopped: {0}").format(exc)


def start_download(
    panel, data_dir: Path, url: str, user: str, password: str | None, *, on_done, on_error
) -> QProgressDialog:
    """Run the download with a progress dialog (no freeze: the window stays painted)."""
    dialog = progress_dialog(
        panel,
        title=QCoreApplication.translate("ServerDownload", "Downloading from the server"),
        label=QCoreApplication.translate("ServerDownload", "Asking the server…"),
        name="downloadProgress",
    )

    def describe(done: int, _total: int, _detail: str) -> str:
        return QCoreApplication.translate("ServerDownload", "Submissions received: {0}…").format(
            done
        )

    relay = ProgressRelay(dialog, describe)

    def finish(callback, value):
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()
        callback(value)

    panel.page.tasks.run_io(
        lambda: download_job(data_dir, url, user, password, relay.report),
        on_done=lambda result: finish(on_done, result),
        on_error=lambda exc: finish(on_error, exc),
    )
    return dialog
