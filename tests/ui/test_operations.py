"""UI operations: DbOp runs on the database thread, and its Changes reach the views."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from surveyor.ui.operations import DbOp
from surveyor.ui.operations import WorkspaceHost
from surveyor.ui.qt import QWidget
from surveyor.workspace import Changes
from surveyor.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"


@pytest.fixture
def host(qtbot, tasks, tmp_path):
    """A widget serving a workspace opened on the database thread, as the main window does."""
    workspace = tasks.run_db(lambda: Workspace.open(tmp_path / "data")).result()
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.workspace_host = WorkspaceHost(tasks, workspace, parent=widget)
    yield widget
    tasks.drain()
    tasks.run_db(workspace.close)
    tasks.drain()


def test_an_operation_runs_on_the_database_thread_and_announces_its_changes(qtbot, host, tasks):
    child = QWidget(host)  # the host is found from a child
    seen: list[tuple[str, object]] = []
    host.workspace_host.changed.connect(
        lambda changes, initiator: seen.append(("changed", changes, initiator))
    )
    threads: list[str] = []

    def start(ws):
        threads.append(threading.current_thread().name)
        form = ws.load_form(HABITANTS).value
        return ws.start_interview(form, interviewer="Amina")

    DbOp(child, start).success(lambda done: seen.append(("success", done))).run()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=30000)
    assert threads[0].startswith("surveyor-db")
    (kind, changes, initiator), (second, done) = seen
    interview, _session = done.value
    assert (kind, second) == ("changed", "success")  # the views hear first
    assert changes == Changes.of_interviews(interview.instance_id) and initiator is child


def test_a_query_changes_nothing_and_a_failure_reaches_its_callback(qtbot, host):
    heard: list = []
    host.workspace_host.changed.connect(lambda *args: heard.append(args))
    answers: list = []
    DbOp(host, lambda ws: ws.counts()).success(answers.append).run()
    DbOp(host, lambda ws: ws.get_interview("uuid:nope")).failure(answers.append).run()
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=30000)
    assert answers[0]["draft"] == 0
    assert "uuid:nope" in str(answers[1])
    assert heard == []


def test_nothing_runs_before_the_workspace_is_open(qtbot, tasks):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.workspace_host = WorkspaceHost(tasks, parent=widget)
    called: list = []
    assert DbOp(widget, called.append).success(called.append).run() is None
    tasks.drain()
    assert called == []


def test_with_progress_the_operation_reports_and_the_dialog_closes(qtbot, host):
    results: list = []

    def work(ws, report):
        for i in range(3):
            report(i, 3, f"step {i}")
        return ws.counts()

    op = DbOp(host, work).with_progress("Working…", title="Work", name="workProgress")
    op.success(results.append).run()
    assert op.dialog is not None and op.dialog.objectName() == "workProgress"
    qtbot.waitUntil(lambda: bool(results), timeout=30000)
    assert op.dialog is None  # closed before the callback


def test_home_refreshes_from_an_operations_changes(app_window, qtbot):
    window = app_window(welcomed=True, interviewer="Amina", language="en")
    qtbot.waitUntil(lambda: window.workspace is not None and window.home.loaded, timeout=30000)
    assert window.home.counts()["drafts"] == 0

    def start(ws):
        return ws.start_interview(ws.load_form(HABITANTS).value)

    DbOp(window, start).run()  # nobody asks home to refresh by hand
    qtbot.waitUntil(lambda: window.home.counts()["drafts"] == 1, timeout=30000)
