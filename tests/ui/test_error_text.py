"""The app shows the sentence of an error's code, in French too, and never reads the core's
English message to know what happened: a message reworded, or whose words look like another
failure, changes nothing on screen."""

# ruff: noqa: F811 - the coordinator tests' fixtures, imported, are the arguments

from __future__ import annotations

import dataclasses
import json
import threading
import zipfile
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from surveyor.errors import ErrorCode
from surveyor.errors import SurveyorError
from surveyor.errors import TransportError
from surveyor.ui.errors import error_sentence
from surveyor.ui.errors import exception_sentence
from surveyor.ui.errors import sentences
from tests.ui.test_coordinator import cache_dir  # noqa: F401 - fixtures
from tests.ui.test_coordinator import import_and_wait  # noqa: F401 - fixtures
from tests.ui.test_coordinator import laptops  # noqa: F401 - fixtures
from tests.ui.test_coordinator import page  # noqa: F401 - fixtures
from tests.ui.test_coordinator import table_rows  # noqa: F401 - fixtures
from tests.ui.test_handin import finished_interviews
from tests.ui.test_handin import started

QM = Path(__file__).resolve().parents[2] / "surveyor" / "ui" / "i18n" / "surveyor_fr.qm"


def test_every_error_code_has_a_sentence(qapp):
    table = sentences()
    missing = [code for code in ErrorCode if not (table.get(code) or "").strip()]
    assert not missing, f"codes without a sentence in surveyor/ui/errors.py: {missing}"
    assert set(table) == set(ErrorCode)


def test_every_error_code_has_a_french_sentence(qapp):
    from surveyor.ui.qt import QCoreApplication
    from surveyor.ui.qt import QTranslator

    english = sentences()
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        french = sentences()
    finally:
        QCoreApplication.removeTranslator(translator)
    untranslated = [code for code in ErrorCode if french[code] == english[code]]
    assert not untranslated, f"codes whose sentence has no French translation: {untranslated}"


def test_an_error_shows_its_code_s_sentence_whatever_its_message(qapp):
    from surveyor.ui.coordinator.download import error_text

    for message in ("connection refused", "captive portal html", "401", "Verbindung abgelehnt"):
        exc = TransportError(message, code=ErrorCode.SYNC_TLS)
        assert error_sentence(ErrorCode.SYNC_TLS) in error_text(exc, "ines")
        assert exception_sentence(SurveyorError(message, code=ErrorCode.DISK_FULL)) == (
            error_sentence(ErrorCode.DISK_FULL)
        )
    assert exception_sentence(OSError(28, "No space left on device")) == error_sentence(
        ErrorCode.DISK_FULL
    )
    assert exception_sentence(RuntimeError("boom")) == error_sentence(ErrorCode.INTERNAL)
    assert error_sentence(None) == ""


# --- sending: a server that refuses with misleading words ------------------------------------


class _Refusing(BaseHTTPRequestHandler):
    """An OpenRosa server that has no form: HEAD says yes, every POST is a 404 whose text
    reads like other failures; an empty form list."""

    def do_HEAD(self):  # noqa: N802 - http.server's names
        self.send_response(204)
        self.send_header("X-OpenRosa-Version", "1.0")
        self.end_headers()

    def do_GET(self):  # noqa: N802
        body = b'<xforms xmlns="http://openrosa.org/xforms/xformsList"/>'
        self.send_response(200)
        self.send_header("X-OpenRosa-Version", "1.0")
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b"connection timed out; captive portal html; 401 authentication"
        self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def refusing_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Refusing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join(10)
    server.server_close()


def _sent_once(app_window, qtbot, isolated_home, cache_dir, url):
    finished_interviews(isolated_home, cache_dir, 1)
    window = started(app_window, qtbot, server_url=url, server_user="")
    qtbot.waitUntil(lambda: window.server_sync.last_answer is not None, timeout=30000)
    window.tasks.drain()
    qtbot.waitUntil(lambda: window.home.server_status.text() != "", timeout=30000)
    return window


def test_a_refusal_shows_its_code_s_sentence_not_the_words_of_the_server(
    app_window,
    qtbot,
    isolated_home,
    cache_dir,
    refusing_server,
):
    window = _sent_once(app_window, qtbot, isolated_home, cache_dir, refusing_server)
    report = window.server_sync.last_answer.report
    assert report.rejected == 1 and report.results[0].code is ErrorCode.SYNC_NOT_FOUND
    status = window.home.server_status.text()
    assert error_sentence(ErrorCode.SYNC_NOT_FOUND) in status
    for other in (ErrorCode.SYNC_CAPTIVE_PORTAL, ErrorCode.SYNC_UNREACHABLE):
        assert error_sentence(other) not in status


def test_a_reworded_sender_message_shows_the_same_sentence(
    app_window,
    qtbot,
    isolated_home,
    cache_dir,
    refusing_server,
    monkeypatch,
):
    from surveyor.sync import transport

    real = transport.classify

    def reworded(response):
        result = real(response)
        return dataclasses.replace(result, message="Verbindung abgelehnt (ganz anders gesagt)")

    monkeypatch.setattr(transport, "classify", reworded)
    window = _sent_once(app_window, qtbot, isolated_home, cache_dir, refusing_server)
    assert window.server_sync.last_answer.report.results[0].message.startswith("Verbindung")
    status = window.home.server_status.text()
    assert error_sentence(ErrorCode.SYNC_NOT_FOUND) in status
    assert "Verbindung" not in status


def test_a_stopped_pass_shows_the_code_of_its_failure(app_window, qtbot, isolated_home):
    """The manual summary after a pass that failed: the sentence of the failure's code."""
    from surveyor.sync.passes import SendAnswer
    from surveyor.sync.sender import InterviewResult
    from surveyor.sync.sender import SyncReport
    from surveyor.sync.transport import SendOutcome

    window = started(app_window, qtbot, server_url="http://127.0.0.1:9", server_user="")
    report = SyncReport(
        results=[
            InterviewResult(
                "uuid:1",
                "",
                SendOutcome.RETRY,
                "connection refused, 401",
                3,
                ErrorCode.SYNC_TOO_MANY_REQUESTS,
            )
        ]
    )
    message, error = window.server_sync._summary(SendAnswer(manual=True, report=report))
    assert error and error_sentence(ErrorCode.SYNC_TOO_MANY_REQUESTS) in message
    message, error = window.server_sync._summary(
        SendAnswer(manual=True, network_error="portal html", network_code=ErrorCode.SYNC_TLS)
    )
    assert (message, error) == (error_sentence(ErrorCode.SYNC_TLS), True)


# --- importing: a refused batch ----------------------------------------------------------------


def _with_extra_member(batch: Path, target: Path, name: str) -> Path:
    """The batch with one more member its manifest does not list."""
    with zipfile.ZipFile(batch) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            out.writestr(info, source.read(info))
        out.writestr(name, b"x")
    return target


def test_a_refused_batch_shows_its_code_s_sentence_not_its_words(
    qtbot,
    page,
    laptops,
    tmp_path,
):
    amina = laptops("Amina")
    amina.fill(1)
    batch = amina.hand_in(tmp_path / "amina.zip").path
    # the reason names the member: words that read like a truncated, damaged file
    bad = _with_extra_member(
        batch, tmp_path / "bad.zip", "attachments/x/truncated-checksum-damaged.jpg"
    )
    report = import_and_wait(qtbot, page, [bad])
    assert report.batches[0].code is ErrorCode.BATCH_MALFORMED
    assert "truncated" in report.batches[0].reason
    row = table_rows(page.imports.batches)[0]
    assert row[8] == error_sentence(ErrorCode.BATCH_MALFORMED)
    tip = page.imports.batches.item(0, 8).toolTip()
    assert tip.startswith(error_sentence(ErrorCode.BATCH_MALFORMED))
    assert report.batches[0].reason in tip  # the English detail, for whoever needs it


def test_a_reworded_batch_reason_shows_the_same_sentence(
    qtbot,
    page,
    laptops,
    tmp_path,
    monkeypatch,
):
    from surveyor.batches import format as batch_format

    real = batch_format.BatchReader.fail
    monkeypatch.setattr(
        batch_format.BatchReader,
        "fail",
        lambda self, reason, code: real(self, "ganz anders gesagt", code),
    )
    amina = laptops("Amina")
    amina.fill(1)
    batch = amina.hand_in(tmp_path / "amina.zip").path
    data = batch.read_bytes()
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(data[: len(data) // 2])
    report = import_and_wait(qtbot, page, [damaged])
    assert report.batches[0].reason == "ganz anders gesagt"
    row = table_rows(page.imports.batches)[0]
    assert row[8] == error_sentence(ErrorCode.BATCH_TRUNCATED)


def test_the_sync_status_file_keeps_the_code(tmp_path):
    """What the status line reads after a restart: the code, written as its value."""
    from surveyor.sync.state import read_status
    from surveyor.sync.state import record_status

    record_status(tmp_path, last_error="words", last_error_code=ErrorCode.SYNC_TLS)
    assert json.loads((tmp_path / "sync-status.json").read_text())["last_error_code"] == "sync_tls"
    assert ErrorCode.parse(read_status(tmp_path)["last_error_code"]) is ErrorCode.SYNC_TLS
    assert ErrorCode.parse("no_such_code") is None and ErrorCode.parse(None) is None
