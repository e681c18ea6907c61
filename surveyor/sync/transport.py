"""Sending one interview to a server, and what came of it.

:class:`Transport` is the small interface the sender uses: ``send(submission)`` sends ONE
interview and returns a :class:`SendResult` whose ``outcome`` says what to do next:

- ``SENT`` / ``DUPLICATE``: the server has it (``DUPLICATE``: it already had it: a retry);
- ``REJECTED``: the server refused this interview (404 unknown form, 400, 413, a closed
  form's 409): retrying the same bytes may help only once someone changed the server;
- ``DECISION``: a 409 only a person can settle: an edit of a version someone else already
  replaced (Central: "is now out of date"), or another interview with the same instanceID.
  The sender holds it (not retried automatically) and says it needs a decision;
- ``AUTH``: 401/403: stop everything, the account or password is wrong;
- ``RETRY``: the network or the server failed (reset, timeout, 5xx, 429, a captive portal's
  200 page or redirect): try again later;
- ``CANCELLED``: ``cancel`` was set before the request went out.

:class:`OpenRosaTransport` speaks the OpenRosa Form Submission API with httpx (see
docs/sync.md). Success is **only** a 201/202 whose body is an ``OpenRosaResponse``: a 200,
an HTML page or a redirect is what a captive portal answers, so it is a retryable failure.
"""

from __future__ import annotations

import email.utils
import re
import ssl
import time
from dataclasses import dataclass
from dataclasses import field
from enum import StrEnum
from typing import Protocol
from typing import Self
from urllib.parse import urlsplit

import httpx
from defusedxml.ElementTree import fromstring as safe_fromstring

from surveyor.errors import AuthError
from surveyor.errors import ErrorCode
from surveyor.errors import TransportError

OPENROSA_HEADERS = {"X-OpenRosa-Version": "1.0"}
RESPONSE_NS = "{http://openrosa.org/http/response}"
DEFAULT_ACCEPT_LENGTH = 10 * 1024 * 1024  # what ODK Collect assumes when HEAD says nothing
USER_AGENT = "Surveyor (OpenRosa client)"
# How servers that tell a resend apart say so in their OpenRosaResponse: Surveyor's server
# ("already received"), KoboToolbox ("Duplicate submission"). ODK Central answers a
# byte-identical resend with the same text as a first submission: it cannot be told apart.
DUPLICATE_MARKERS = re.compile(r"^\s*(already received|duplicate submission)\b", re.IGNORECASE)


class SendOutcome(StrEnum):
    SENT = "sent"
    DUPLICATE = "duplicate"  # accepted: the server already had it
    REJECTED = "rejected"
    DECISION = "needs_decision"  # a 409 a person must settle: not retried automatically
    AUTH = "auth"
    RETRY = "retry"
    CANCELLED = "cancelled"

    @property
    def delivered(self) -> bool:
        return self in (SendOutcome.SENT, SendOutcome.DUPLICATE)


# What a failure means when whoever made the result did not say (a transport of a test...).
_OUTCOME_CODES = {
    SendOutcome.REJECTED: ErrorCode.SYNC_REFUSED,
    SendOutcome.DECISION: ErrorCode.SYNC_CONFLICT,
    SendOutcome.AUTH: ErrorCode.SYNC_UNAUTHORIZED,
    SendOutcome.RETRY: ErrorCode.SYNC_UNREACHABLE,
    SendOutcome.CANCELLED: ErrorCode.SYNC_CANCELLED,
}


@dataclass
class SendResult:
    """What came of sending one interview. ``message`` says it in English for the CLI and the
    logs; ``code`` says what it means (None when delivered), for the UI and for programs."""

    outcome: SendOutcome
    message: str
    status: int | None = None  # the HTTP status, when there was an answer
    retry_after: float | None = None  # seconds, from a Retry-After header
    code: ErrorCode | None = None  # the outcome's default when not given

    def __post_init__(self) -> None:
        if self.code is None:
            self.code = _OUTCOME_CODES.get(self.outcome)


@dataclass
class Submission:
    """What goes to the server for one interview: its XML and its files."""

    instance_id: str
    xml: bytes
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)
    # (filename, media_type, data)


class Cancel(Protocol):
    def is_set(self) -> bool: ...


class Transport(Protocol):
    """Sends one interview at a time; see the module docstring."""

    url: str  # where interviews go (kept in each interview's hand-in record)

    def send(self, submission: Submission, *, cancel: Cancel | None = None) -> SendResult: ...

    def close(self) -> None: ...


_STATUS_CODES = {
    401: ErrorCode.SYNC_UNAUTHORIZED,
    403: ErrorCode.SYNC_FORBIDDEN,
    404: ErrorCode.SYNC_NOT_FOUND,
    409: ErrorCode.SYNC_CONFLICT,
    413: ErrorCode.SYNC_TOO_LARGE,
    429: ErrorCode.SYNC_TOO_MANY_REQUESTS,
}


def status_code(status: int) -> ErrorCode:
    """What an HTTP status that is not a success means (see :class:`ErrorCode`)."""
    if status in _STATUS_CODES:
        return _STATUS_CODES[status]
    if status == 408 or status >= 500:
        return ErrorCode.SYNC_SERVER_ERROR
    if status < 400:  # a 200 that is not the server's, a redirect: a login page's
        return ErrorCode.SYNC_CAPTIVE_PORTAL
    return ErrorCode.SYNC_REFUSED


def refused(status: int, what: str, reason: str) -> TransportError:
    """A request for ``what`` the server answered with the failure ``status``, ``reason``
    being what it said; worth trying again later for a 5xx, a 408 or a 429."""
    return TransportError(
        f"{status} for {what}: {reason}",
        retryable=status >= 500 or status in (408, 429),
        status=status,
        code=status_code(status),
    )


def network_code(exc: BaseException) -> ErrorCode:
    """What a failed request (an httpx exception) means: a timeout, a certificate or TLS
    failure (found in the exception's chain, not in its text), no connection at all."""
    if isinstance(exc, httpx.TimeoutException):
        return ErrorCode.SYNC_TIMEOUT
    seen, cause = set(), exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, ssl.SSLError):
            return ErrorCode.SYNC_TLS
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.TransportError):
        return ErrorCode.SYNC_UNREACHABLE
    return ErrorCode.SYNC_UNEXPECTED


def normalize_base(url: str) -> str:
    """The server's base URL without a trailing slash (``/submission`` is appended to it).

    Works for a plain server (``https://host``), ODK Central's app-user URL
    (``https://host/v1/key/TOKEN/projects/ID``) and KoboToolbox (``https://kc.kobotoolbox.org/USER``).
    A URL given with ``/submission`` or ``/formList`` at its end is cut back to its base.
    """
    url = url.strip().rstrip("/")
    for suffix in ("/submission", "/formList"):
        if url.endswith(suffix):
            url = url[: -len(suffix)]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not a server address: {url!r} (expected http(s)://host[/path])")
    return url


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def _openrosa_message(body: bytes) -> tuple[bool, str]:
    """(is an OpenRosaResponse, its message text)."""
    try:
        root = safe_fromstring(body)
    except Exception:  # noqa: BLE001 - any parse failure means "not an OpenRosaResponse"
        return False, ""
    if root.tag != f"{RESPONSE_NS}OpenRosaResponse" and root.tag != "OpenRosaResponse":
        return False, ""
    texts = [("".join(m.itertext())).strip() for m in root.iter() if m.tag.endswith("message")]
    return True, "; ".join(t for t in texts if t)


def _not_allowed(status: int, why: str) -> SendResult:
    """The result of a 401 or 403: the account is refused (its code from the status)."""
    return SendResult(SendOutcome.AUTH, f"{status}: {why}", status, code=status_code(status))


def _short(body: bytes, limit: int = 200) -> str:
    text = body[: limit * 2].decode("utf-8", "replace")
    ok, message = _openrosa_message(body)
    if ok and message:
        return message
    text = " ".join(text.split())
    return text[:limit]


def _looks_html(response: httpx.Response) -> bool:
    ctype = response.headers.get("content-type", "").lower()
    head = response.content[:512].lstrip().lower()
    return "html" in ctype or head.startswith(b"<!doctype html") or head.startswith(b"<html")


def classify(response: httpx.Response) -> SendResult:
    """What a POST /submission answer means (see the module docstring)."""
    status = response.status_code
    body = response.content
    if status in (201, 202):
        ok, message = _openrosa_message(body)
        if not ok:
            return SendResult(
                SendOutcome.RETRY,
                f"{status} without an OpenRosa response (captive portal or proxy?)",
                status,
                code=ErrorCode.SYNC_CAPTIVE_PORTAL,
            )
        duplicate = bool(DUPLICATE_MARKERS.match(message))
        return SendResult(
            SendOutcome.DUPLICATE if duplicate else SendOutcome.SENT, message or "received", status
        )
    if 300 <= status < 400:
        where = response.headers.get("location", "?")
        return SendResult(
            SendOutcome.RETRY,
            f"redirected to {where} (captive portal? log in to the network first)",
            status,
            code=ErrorCode.SYNC_CAPTIVE_PORTAL,
        )
    if status == 200 or (status < 300 and _looks_html(response)):
        return SendResult(
            SendOutcome.RETRY,
            f"{status} instead of 201: a login page or a proxy answered (captive portal?)",
            status,
            code=ErrorCode.SYNC_CAPTIVE_PORTAL,
        )
    if status in (401, 403):
        return _not_allowed(status, _short(body) or "not allowed")
    if status == 429:
        return SendResult(
            SendOutcome.RETRY,
            f"429: too many requests: {_short(body)}",
            status,
            _retry_after(response),
            code=ErrorCode.SYNC_TOO_MANY_REQUESTS,
        )
    if status == 408 or status >= 500:
        return SendResult(
            SendOutcome.RETRY,
            f"{status}: server error: {_short(body)}",
            status,
            _retry_after(response),
            code=ErrorCode.SYNC_SERVER_ERROR,
        )
    if status == 409:
        message = _short(body)
        if "not currently accepting submissions" in message.lower():  # a closed form
            return SendResult(
                SendOutcome.REJECTED,
                f"409 form closed: {message}",
                status,
                code=ErrorCode.SYNC_FORM_CLOSED,
            )
        return SendResult(
            SendOutcome.DECISION, f"409 conflict: {message}", status, code=ErrorCode.SYNC_CONFLICT
        )
    if status == 404:
        return SendResult(
            SendOutcome.REJECTED,
            f"404 form not on the server: {_short(body)}",
            status,
            code=ErrorCode.SYNC_NOT_FOUND,
        )
    if 400 <= status < 500:
        return SendResult(
            SendOutcome.REJECTED, f"{status}: {_short(body)}", status, code=status_code(status)
        )
    return SendResult(
        SendOutcome.RETRY,
        f"unexpected answer {status}: {_short(body)}",
        status,
        code=ErrorCode.SYNC_UNEXPECTED,
    )


def split_parts(
    xml: bytes, attachments: list[tuple[str, str, bytes]], limit: int, overhead: int = 1024
) -> list[list[tuple[str, str, bytes]]]:
    """Attachments grouped so each POST (the XML and its group) stays under ``limit`` bytes.

    Raises ValueError when one file alone is too large. Always at least one (maybe empty) group.
    """
    budget = limit - len(xml) - overhead
    groups: list[list[tuple[str, str, bytes]]] = [[]]
    used = 0
    for item in attachments:
        size = len(item[2]) + overhead
        if size > budget:
            raise ValueError(
                f"the file {item[0]} ({len(item[2])} bytes) is larger than the "
                f"server accepts in one request ({limit} bytes)"
            )
        if used + size > budget and groups[-1]:
            groups.append([])
            used = 0
        groups[-1].append(item)
        used += size
    return groups


class HttpClientOwner:
    """A client of a server over its own ``httpx.Client`` (``_client``): :meth:`close`
    closes it, and so does leaving a ``with`` block."""

    _client: httpx.Client

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class OpenRosaTransport(HttpClientOwner):
    """OpenRosa over httpx: ``HEAD``/``POST {base}/submission``, Basic auth (Digest on demand).

    ``base`` is the server's address: ``https://host``, ODK Central's app-user URL
    ``https://host/v1/key/TOKEN/projects/ID`` (no user/password then), or KoboToolbox's
    ``https://kc.kobotoolbox.org/USER``. ``device_id`` (the laptop's, ``surveyor:<hex>``) is
    added to each submission URL as ``?deviceID=``, as ODK Collect does. ``send`` may be called from several threads at once (the
    sender keeps a few requests in flight): httpx's client is thread-safe.
    """

    def __init__(
        self,
        base: str,
        user: str | None = None,
        password: str | None = None,
        *,
        timeout: float = 60.0,
        connect_timeout: float = 15.0,
        client: httpx.Client | None = None,
        device_id: str | None = None,
    ):
        self.url = normalize_base(base)
        self.user = user or None
        # Sent as ``?deviceID=`` on each submission, as ODK Collect does (Central fills its
        # DeviceID column from it).
        self.device_id = device_id or None
        self._password = password
        self._digest = False
        self._accept_length: int | None = None
        self._client = client or httpx.Client(
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            follow_redirects=False,
            headers={**OPENROSA_HEADERS, "User-Agent": USER_AGENT},
        )
        self._origin = urlsplit(self.url)[:2]

    # -- plumbing -----------------------------------------------------------------------------

    def _auth(self, url: str) -> httpx.Auth | None:
        if not self.user:
            return None
        scheme, netloc = urlsplit(url)[:2]
        # Credentials go to the server itself, or to another host over https only.
        if (scheme, netloc) != self._origin and scheme != "https":
            return None
        if self._digest:
            return httpx.DigestAuth(self.user, self._password or "")
        return httpx.BasicAuth(self.user, self._password or "")

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        """One request with the OpenRosa headers and the credentials; switches to Digest auth
        when the server asks for it (a 401 with ``WWW-Authenticate: Digest``)."""
        response = self._client.request(method, url, auth=self._auth(url), **kwargs)
        if (
            response.status_code == 401
            and self.user
            and not self._digest
            and response.headers.get("www-authenticate", "").lower().startswith("digest")
        ):
            self._digest = True
            response = self._client.request(method, url, auth=self._auth(url), **kwargs)
        return response

    def absolute(self, path_or_url: str) -> str:
        if path_or_url.startswith(("http://", "https://")):
            return path_or_url
        return f"{self.url}/{path_or_url.lstrip('/')}"

    def get(self, path_or_url: str, *, passing: tuple[int, ...] = (), **kwargs) -> httpx.Response:
        """GET raising AuthError (401/403) or TransportError (anything but 200 and the
        statuses ``passing`` lets through)."""
        try:
            response = self.request("GET", self.absolute(path_or_url), **kwargs)
        except httpx.HTTPError as exc:
            raise TransportError(f"{type(exc).__name__}: {exc}", code=network_code(exc)) from exc
        if response.status_code in passing:
            return response
        if response.status_code in (401, 403):
            raise AuthError(
                f"{response.status_code}: {_short(response.content)}",
                code=status_code(response.status_code),
            )
        if response.status_code != 200:
            raise TransportError(
                f"{response.status_code} for {path_or_url}: {_short(response.content)}",
                retryable=response.status_code >= 500
                or response.status_code in (408, 429)
                or 300 <= response.status_code < 400,
                status=response.status_code,
                code=status_code(response.status_code),
            )
        return response

    def accept_length(self) -> int | SendResult:
        """``X-OpenRosa-Accept-Content-Length`` from ``HEAD /submission`` (asked once)."""
        if self._accept_length is not None:
            return self._accept_length
        response = self.request("HEAD", f"{self.url}/submission")
        status = response.status_code
        if status in (401, 403):
            return _not_allowed(status, "not allowed to submit")
        if status in (204, 201, 202) or (
            status == 200 and "x-openrosa-version" in {k.lower() for k in response.headers}
        ):
            value = response.headers.get("x-openrosa-accept-content-length")
            try:
                self._accept_length = int(value) if value else DEFAULT_ACCEPT_LENGTH
            except ValueError:
                self._accept_length = DEFAULT_ACCEPT_LENGTH
            return self._accept_length
        if status in (404, 405, 501):  # HEAD not offered: assume Collect's default
            self._accept_length = DEFAULT_ACCEPT_LENGTH
            return self._accept_length
        if status == 200 or 300 <= status < 400:
            return SendResult(
                SendOutcome.RETRY,
                f"HEAD /submission answered {status} without "
                "OpenRosa headers (captive portal? log in to the network)",
                status,
                code=ErrorCode.SYNC_CAPTIVE_PORTAL,
            )
        return classify(response)

    # -- Transport ----------------------------------------------------------------------------

    def send(self, submission: Submission, *, cancel: Cancel | None = None) -> SendResult:
        try:
            if cancel is not None and cancel.is_set():
                return SendResult(SendOutcome.CANCELLED, "cancelled")
            limit = self.accept_length()
            if isinstance(limit, SendResult):
                return limit
            try:
                groups = split_parts(submission.xml, submission.attachments, limit)
            except ValueError as exc:
                return SendResult(SendOutcome.REJECTED, str(exc), code=ErrorCode.SYNC_TOO_LARGE)
            result = SendResult(SendOutcome.SENT, "")
            for index, group in enumerate(groups):
                if cancel is not None and cancel.is_set():
                    return SendResult(SendOutcome.CANCELLED, "cancelled")
                files = [("xml_submission_file", ("submission.xml", submission.xml, "text/xml"))]
                files += [
                    (name, (name, data, media_type or "application/octet-stream"))
                    for name, media_type, data in group
                ]
                response = self.request(
                    "POST",
                    f"{self.url}/submission",
                    files=files,
                    params={"deviceID": self.device_id} if self.device_id else None,
                )
                part = classify(response)
                if not part.outcome.delivered:
                    if len(groups) > 1:
                        part.message += f" (part {index + 1} of {len(groups)})"
                    return part
                if index == 0:
                    result = part
            return result
        except httpx.TimeoutException as exc:
            return SendResult(
                SendOutcome.RETRY, f"timed out ({type(exc).__name__})", code=network_code(exc)
            )
        except httpx.TransportError as exc:
            return SendResult(
                SendOutcome.RETRY,
                f"connection failed: {type(exc).__name__}: {exc}",
                code=network_code(exc),
            )
        except httpx.HTTPError as exc:
            return SendResult(
                SendOutcome.RETRY, f"{type(exc).__name__}: {exc}", code=network_code(exc)
            )


__all__ = [
    "AuthError",
    "Cancel",
    "OpenRosaTransport",
    "SendOutcome",
    "SendResult",
    "Submission",
    "Transport",
    "TransportError",
    "classify",
    "network_code",
    "normalize_base",
    "split_parts",
    "status_code",
]
