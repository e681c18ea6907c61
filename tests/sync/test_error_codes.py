"""What a failed sending means is a code, found from the answer and the exception's type and
chain, never from the message text: each HTTP answer, a closed port, a TLS handshake with a
server that does not speak TLS, a server that never answers; and the codes reach the status
file and the held interviews."""

from __future__ import annotations

import socket
import threading

import httpx
import pytest

from surveyor.errors import AuthError
from surveyor.errors import ErrorCode
from surveyor.errors import SurveyorError
from surveyor.errors import TransportError
from surveyor.sync.transport import OpenRosaTransport
from surveyor.sync.transport import SendOutcome
from surveyor.sync.transport import SendResult
from surveyor.sync.transport import Submission
from surveyor.sync.transport import classify
from tests.server.conftest import free_port


def answer(status, body=b"", headers=None):
    return httpx.Response(status, content=body, headers=headers or {})


@pytest.mark.parametrize(
    ("status", "body", "headers", "code"),
    [
        (
            200,
            b"<html><body>login</body></html>",
            {"content-type": "text/html"},
            ErrorCode.SYNC_CAPTIVE_PORTAL,
        ),
        (201, b"", {}, ErrorCode.SYNC_CAPTIVE_PORTAL),
        (302, b"", {"location": "http://portal/login"}, ErrorCode.SYNC_CAPTIVE_PORTAL),
        (401, b"", {}, ErrorCode.SYNC_UNAUTHORIZED),
        (403, b"", {}, ErrorCode.SYNC_FORBIDDEN),
        (404, b"no form", {}, ErrorCode.SYNC_NOT_FOUND),
        (409, b"conflict", {}, ErrorCode.SYNC_CONFLICT),
        (409, b"This form is not currently accepting submissions.", {}, ErrorCode.SYNC_FORM_CLOSED),
        (400, b"bad", {}, ErrorCode.SYNC_REFUSED),
        (413, b"big", {}, ErrorCode.SYNC_TOO_LARGE),
        (429, b"", {"retry-after": "7"}, ErrorCode.SYNC_TOO_MANY_REQUESTS),
        (408, b"", {}, ErrorCode.SYNC_SERVER_ERROR),
        (500, b"", {}, ErrorCode.SYNC_SERVER_ERROR),
        (503, b"", {}, ErrorCode.SYNC_SERVER_ERROR),
    ],
)
def test_each_answer_has_its_code(status, body, headers, code):
    assert classify(answer(status, body, headers)).code is code


@pytest.mark.parametrize(
    "body",
    [b"captive portal: log in", b"connection timed out", b"401 authentication", b"html"],
)
def test_the_words_of_an_answer_do_not_change_its_code(body):
    """A server error whose text looks like another failure is still a server error."""
    assert classify(answer(500, body)).code is ErrorCode.SYNC_SERVER_ERROR
    assert classify(answer(404, body)).code is ErrorCode.SYNC_NOT_FOUND


def test_a_delivered_interview_has_no_code_and_a_bare_result_its_outcomes_default():
    ok = b'<OpenRosaResponse xmlns="http://openrosa.org/http/response"><message>ok</message></OpenRosaResponse>'
    assert classify(answer(201, ok)).code is None
    assert SendResult(SendOutcome.RETRY, "anything").code is ErrorCode.SYNC_UNREACHABLE
    assert SendResult(SendOutcome.DECISION, "anything").code is ErrorCode.SYNC_CONFLICT


def _submission():
    return Submission("uuid:1", b"<data id='x'/>")


def test_a_closed_port_is_unreachable():
    with OpenRosaTransport(f"http://127.0.0.1:{free_port()}", timeout=5, connect_timeout=5) as t:
        result = t.send(_submission())
    assert (result.outcome, result.code) == (SendOutcome.RETRY, ErrorCode.SYNC_UNREACHABLE)


@pytest.fixture
def silent_server():
    """A TCP server that accepts, reads, and never answers; or answers plain HTTP to TLS."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()
    held = []

    def serve():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            held.append(conn)
            try:
                conn.settimeout(5)
                conn.recv(4096)
                if getattr(serve, "plain_http", False):
                    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            except OSError:
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1], serve
    stop.set()
    thread.join(5)
    for conn in held:
        conn.close()
    listener.close()


def test_a_server_that_never_answers_is_a_timeout(silent_server):
    port, _serve = silent_server
    with OpenRosaTransport(f"http://127.0.0.1:{port}", timeout=0.5, connect_timeout=5) as t:
        result = t.send(_submission())
    assert (result.outcome, result.code) == (SendOutcome.RETRY, ErrorCode.SYNC_TIMEOUT)


def test_a_tls_handshake_that_fails_is_tls(silent_server):
    """https:// to a server answering plain HTTP: the handshake fails (ssl.SSLError)."""
    port, serve = silent_server
    serve.plain_http = True
    with OpenRosaTransport(f"https://127.0.0.1:{port}", timeout=5, connect_timeout=5) as t:
        result = t.send(_submission())
        assert (result.outcome, result.code) == (SendOutcome.RETRY, ErrorCode.SYNC_TLS)
        with pytest.raises(TransportError) as raised:
            t.get("formList")
    assert raised.value.code is ErrorCode.SYNC_TLS


def test_get_raises_errors_with_codes(silent_server):
    """``get`` (form list, downloads): AuthError and TransportError are SurveyorErrors with
    the code of the answer."""
    assert issubclass(AuthError, SurveyorError) and issubclass(TransportError, SurveyorError)
    transport = httpx.MockTransport(
        lambda request: httpx.Response(
            {"/a": 403, "/b": 503, "/c": 404}[request.url.path], content=b"no"
        )
    )
    with OpenRosaTransport("http://x", client=httpx.Client(transport=transport)) as t:
        with pytest.raises(AuthError) as forbidden:
            t.get("a")
        with pytest.raises(TransportError) as down:
            t.get("b")
        with pytest.raises(TransportError) as missing:
            t.get("c")
    assert forbidden.value.code is ErrorCode.SYNC_FORBIDDEN
    assert down.value.code is ErrorCode.SYNC_SERVER_ERROR and down.value.retryable
    assert missing.value.code is ErrorCode.SYNC_NOT_FOUND and not missing.value.retryable


def _mock_server(post_status: int, body: bytes = b"refused"):
    def handle(request):
        if request.method == "HEAD":
            return httpx.Response(204, headers={"X-OpenRosa-Version": "1.0"})
        return httpx.Response(post_status, content=body)

    return httpx.Client(transport=httpx.MockTransport(handle))


def test_the_code_reaches_the_status_file_and_the_held_interviews(laptop):
    from surveyor.sync.sender import held_interviews
    from surveyor.sync.sender import send_pending
    from surveyor.sync.state import read_status

    laptop.fill(1)
    client = _mock_server(409, b"captive portal html timed out")  # misleading words
    with OpenRosaTransport("http://x", client=client) as transport:
        report = send_pending(laptop.store, laptop.library, transport, render_process=False)
    assert [r.code for r in report.results] == [ErrorCode.SYNC_CONFLICT]
    assert report.error()[1] is ErrorCode.SYNC_CONFLICT
    status = read_status(laptop.data_dir)
    assert status["last_error_code"] == "sync_conflict"
    assert [h.code for h in held_interviews(laptop.store)] == [ErrorCode.SYNC_CONFLICT]


def test_a_pass_that_stops_keeps_the_code_of_its_last_failure(laptop):
    from surveyor.sync.sender import Backoff
    from surveyor.sync.sender import send_pending
    from surveyor.sync.state import read_status

    laptop.fill(4)
    client = _mock_server(503)
    with OpenRosaTransport("http://x", client=client) as transport:
        report = send_pending(
            laptop.store,
            laptop.library,
            transport,
            render_process=False,
            attempts=1,
            backoff=Backoff(base=0.0),
            sleep=lambda _s: None,
        )
    assert report.stopped and report.stopped_code is ErrorCode.SYNC_SERVER_ERROR
    assert read_status(laptop.data_dir)["last_error_code"] == "sync_server_error"


def test_an_auth_failure_has_its_code(laptop):
    from surveyor.sync.sender import send_pending

    laptop.fill(1)
    with OpenRosaTransport("http://x", client=_mock_server(403)) as transport:
        report = send_pending(laptop.store, laptop.library, transport, render_process=False)
    assert report.auth_error and report.auth_code is ErrorCode.SYNC_FORBIDDEN
