"""The transport's reading of answers, the backoff policy, splitting: no network."""

from __future__ import annotations

import httpx
import pytest

from surveyor.sync.sender import Backoff
from surveyor.sync.transport import SendOutcome
from surveyor.sync.transport import classify
from surveyor.sync.transport import normalize_base
from surveyor.sync.transport import split_parts

OK = (
    b'<OpenRosaResponse xmlns="http://openrosa.org/http/response">'
    b'<message nature="submit_success">submission received</message></OpenRosaResponse>'
)


def answer(status, body=b"", headers=None):
    return httpx.Response(status, content=body, headers=headers or {})


@pytest.mark.parametrize(
    ("status", "body", "headers", "outcome"),
    [
        (201, OK, {}, SendOutcome.SENT),
        (202, OK, {}, SendOutcome.SENT),
        (201, OK.replace(b"submission received", b"already received"), {}, SendOutcome.DUPLICATE),
        (200, b"<html><body>login</body></html>", {"content-type": "text/html"}, SendOutcome.RETRY),
        (200, OK, {}, SendOutcome.RETRY),  # a 200 is never success
        (201, b"<html>portal</html>", {"content-type": "text/html"}, SendOutcome.RETRY),
        (201, b"", {}, SendOutcome.RETRY),
        (302, b"", {"location": "http://portal/login"}, SendOutcome.RETRY),
        (401, b"", {}, SendOutcome.AUTH),
        (403, b"", {}, SendOutcome.AUTH),
        (409, b"conflict", {}, SendOutcome.DECISION),
        (409, b"This form is not currently accepting submissions.", {}, SendOutcome.REJECTED),
        (404, b"no form", {}, SendOutcome.REJECTED),
        (400, b"bad", {}, SendOutcome.REJECTED),
        (413, b"big", {}, SendOutcome.REJECTED),
        (429, b"", {"retry-after": "7"}, SendOutcome.RETRY),
        (500, b"", {}, SendOutcome.RETRY),
        (503, b"", {}, SendOutcome.RETRY),
    ],
)
def test_classify(status, body, headers, outcome):
    assert classify(answer(status, body, headers)).outcome is outcome


def test_retry_after_is_read():
    assert classify(answer(429, b"", {"retry-after": "7"})).retry_after == 7


def test_backoff_is_capped_jittered_and_deterministic():
    policy = Backoff(base=1, factor=2, cap=60, jitter=0.5, random=lambda: 1.0)
    assert [policy.delay(n) for n in range(8)] == [0.5, 1, 2, 4, 8, 16, 30, 30]
    policy.random = lambda: 0.0
    assert policy.delay(20) == 60
    assert policy.delay(0, retry_after=10) == 10
    assert policy.delay(0, retry_after=1000) == 60


def test_split_parts():
    xml = b"x" * 100
    files = [(f"f{i}.jpg", "image/jpeg", b"y" * 3000) for i in range(5)]
    groups = split_parts(xml, files, limit=8000, overhead=100)
    assert [len(g) for g in groups] == [2, 2, 1]
    assert [f for g in groups for f in g] == files
    assert split_parts(xml, [], limit=8000) == [[]]
    with pytest.raises(ValueError):
        split_parts(xml, [("big.jpg", "image/jpeg", b"z" * 9000)], limit=8000, overhead=100)


@pytest.mark.parametrize(
    ("given", "base"),
    [
        ("https://h.example/", "https://h.example"),
        ("https://h.example/submission", "https://h.example"),
        ("https://c.example/v1/key/AbC/projects/3", "https://c.example/v1/key/AbC/projects/3"),
        ("https://kc.kobotoolbox.org/ines/", "https://kc.kobotoolbox.org/ines"),
    ],
)
def test_normalize_base(given, base):
    assert normalize_base(given) == base


def test_central_and_kobo_urls_get_submission_appended():
    seen = []

    def handler(request: httpx.Request):
        seen.append((request.method, str(request.url), request.headers.get("x-openrosa-version")))
        if request.method == "HEAD":
            return httpx.Response(204, headers={"X-OpenRosa-Accept-Content-Length": "1000000"})
        return httpx.Response(201, content=OK)

    from surveyor.sync.transport import OpenRosaTransport
    from surveyor.sync.transport import Submission

    for base in ("https://c.example/v1/key/TOKEN/projects/7", "https://kc.kobotoolbox.org/ines"):
        client = httpx.Client(
            transport=httpx.MockTransport(handler), headers={"X-OpenRosa-Version": "1.0"}
        )
        transport = OpenRosaTransport(base, client=client)
        result = transport.send(Submission("uuid:1", b"<data id='f'/>"))
        assert result.outcome is SendOutcome.SENT
        assert seen[-2:] == [
            ("HEAD", f"{base}/submission", "1.0"),
            ("POST", f"{base}/submission", "1.0"),
        ]


@pytest.mark.parametrize(
    ("status", "message", "outcome"),
    [
        # Surveyor's server says so in its OpenRosaResponse
        (201, "already received", SendOutcome.DUPLICATE),
        (201, "already received; 2 new attachment(s) added", SendOutcome.DUPLICATE),
        # KoboToolbox (kobocat) answers a resend 202 "Duplicate submission"
        (202, "Duplicate submission", SendOutcome.DUPLICATE),
        # Central answers a byte-identical resend exactly as a first submission: not told apart
        (201, "full submission upload was successful!", SendOutcome.SENT),
        # a first submission whose text merely contains the word is not a resend
        (201, "Thank you: we have already 12 interviews from you today", SendOutcome.SENT),
    ],
)
def test_a_resend_is_recognised_only_where_the_answer_says_so(status, message, outcome):
    body = OK.replace(b"submission received", message.encode())
    assert classify(answer(status, body)).outcome is outcome
