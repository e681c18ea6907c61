"""Operations on the workspace from the UI: small builders, run on the one database thread.

Anki's ``CollectionOp`` / ``QueryOp`` are the model::

    DbOp(self, lambda ws: ws.delete_interview(instance_id)) \\
        .success(lambda changes: self.show_message(...)) \\
        .failure(lambda exc: self.show_message(str(exc), error=True)) \\
        .run()

``op(ws)`` runs on the database thread (the store belongs to it) and never touches a
widget; ``success(result)`` / ``failure(exception)`` run back on the UI thread. When the
result is a :class:`~surveyor.workspace.Changes` or carries one (``Done.changes``), the
:class:`WorkspaceHost` emits it on its ``changed`` signal (the main window's
``workspace_changed``) *before* ``success`` runs, and every view refreshes what it shows
from that, not by hand. ``with_progress(label)`` shows a progress dialog; ``op`` is then
called as ``op(ws, report)`` and calls ``report(done, total, detail)`` from the worker.

The host is found from ``parent``: the first of it and its Qt parents with a
``workspace_host`` attribute (the main window, or a page made on its own in tests).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from surveyor.ui.qt import QObject
from surveyor.ui.qt import QProgressDialog
from surveyor.ui.qt import Qt
from surveyor.ui.qt import Signal
from surveyor.ui.qt import Slot


class WorkspaceHost(QObject):
    """The app's one workspace (opened on the database thread), its task manager, and the
    signal saying what each operation changed: ``changed(changes, initiator)``."""

    changed = Signal(object, object)  # Changes, the parent of the operation (or None)

    def __init__(self, tasks, workspace=None, parent: QObject | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.workspace = workspace

    def notify(self, changes, initiator: object = None) -> None:
        """Tell the views what changed (on the UI thread); nothing when nothing changed."""
        if changes:
            self.changed.emit(changes, initiator)


class WindowPart(QObject):
    """A controller of one main window (its child): the window, its task manager, settings
    and home screen."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.tasks = window.tasks
        self.settings = window.settings
        self.home = window.home


def host_of(obj: QObject | None) -> WorkspaceHost:
    """The WorkspaceHost serving ``obj``: its own, or its nearest Qt parent's."""
    while obj is not None:
        host = getattr(obj, "workspace_host", None)
        if host is not None:
            return host
        obj = obj.parent()
    raise LookupError("no workspace_host above this widget")


def changes_of(result: Any):
    """The Changes an operation's result is or carries, else None."""
    from surveyor.workspace import Changes  # the core, loaded on the database thread first

    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else None


class ProgressRelay(QObject):
    """Lives on the UI thread; the worker calls ``report`` and the dialog updates through a
    queued signal (the worker never touches a widget)."""

    progressed = Signal(int, int, str)

    def __init__(self, dialog: QProgressDialog, describe: Callable[[int, int, str], str]):
        super().__init__(dialog)
        self.dialog = dialog
        self.describe = describe
        self.progressed.connect(self._show, Qt.QueuedConnection)

    def report(self, done: int, total: int, detail: str = "") -> None:
        """Called from the worker thread."""
        self.progressed.emit(int(done), int(total), str(detail))

    @Slot(int, int, str)
    def _show(self, done: int, total: int, detail: str) -> None:
        if total <= 0:
            self.dialog.setRange(0, 0)
        else:
            self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))
        text = self.describe(done, total, detail)
        if text:
            self.dialog.setLabelText(text)


def progress_dialog(parent, *, title: str, label: str, name: str) -> QProgressDialog:
    """A window-modal progress dialog without a cancel button, shown after 300 ms."""
    dialog = QProgressDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setRange(0, 0)
    dialog.setMinimumWidth(420)
    return dialog


class DbOp:
    """One operation on the workspace, run on the database thread (see the module doc)."""

    def __init__(self, parent: QObject, op: Callable[..., Any]):
        self._parent = parent
        self._op = op
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._progress: dict | None = None
        self.dialog: QProgressDialog | None = None

    def success(self, callback: Callable[[Any], None]) -> DbOp:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> DbOp:
        """Without one, an error is dropped (as a query whose answer no longer matters)."""
        self._failure = callback
        return self

    def with_progress(
        self,
        label: str,
        *,
        title: str = "",
        describe: Callable[[int, int, str], str] | None = None,
        name: str = "operationProgress",
    ) -> DbOp:
        """Show a progress dialog; ``op(ws, report)`` then reports ``(done, total, detail)``
        and ``describe(done, total, detail)`` makes the dialog's text."""
        self._progress = {"label": label, "title": title, "describe": describe, "name": name}
        return self

    def run(self) -> Future | None:
        """Queue the operation; None (nothing queued) while the workspace is not open."""
        host = host_of(self._parent)
        workspace = host.workspace
        if workspace is None:
            return None
        op, parent = self._op, self._parent
        if self._progress is None:
            job = lambda: op(workspace)  # noqa: E731
        else:
            options = self._progress
            self.dialog = dialog = progress_dialog(
                parent, title=options["title"], label=options["label"], name=options["name"]
            )
            relay = ProgressRelay(dialog, options["describe"] or (lambda *_a: ""))
            job = lambda: op(workspace, relay.report)  # noqa: E731

        def close_dialog() -> None:
            if self.dialog is not None:
                self.dialog.reset()
                self.dialog.hide()
                self.dialog.deleteLater()
                self.dialog = None

        def done(result: Any) -> None:
            close_dialog()
            changes = changes_of(result)
            if changes is not None:
                host.notify(changes, parent)
            if self._success is not None:
                self._success(result)

        def failed(exc: BaseException) -> None:
            close_dialog()
            if self._failure is not None:
                self._failure(exc)

        return host.tasks.run_db(job, on_done=done, on_error=failed)


__all__ = ["DbOp", "ProgressRelay", "WorkspaceHost", "changes_of", "host_of", "progress_dialog"]
