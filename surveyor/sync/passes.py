"""One pass with the campaign server, as the app and the CLI make it.

The pieces both use: the server's base address (:func:`base_url`), the transport with this
laptop's device id (:func:`open_transport`), how many interviews wait (:func:`pending_count`),
new form versions written where the app loads them (:func:`save_server_forms`), and the
coordinator's download with its own store (:func:`download_pass`). On top of them:

- :func:`send_pass`: the app's background pass (send what is pending, then the door-to-door
  visits the server has not acknowledged — :mod:`surveyor.sync.fieldwork` —, then fetch new
  forms),
  returning a :class:`SendAnswer` the UI turns into words. It opens **its own**
  :class:`~surveyor.store.Store` (it runs on the network pool, never on the database thread:
  docs/sync.md, "a Store per thread") and closes it at the end;
- :func:`check_connection`: "Test the connection" (``HEAD /submission`` with the account).

``surveyor sync`` (surveyor/commands/sync.py) uses the same pieces in its own order (forms
first, then sending, printing each interview). Nothing here imports Qt; what the results
mean to a person is said by the app (surveyor/ui/sync.py) and the CLI.

Passwords: the app gives the one typed this session, else the system keychain's
(:func:`find_password`); the CLI's rule (keychain, ``$SURVEYOR_PASSWORD``, prompt) is
:func:`surveyor.sync.config.get_password`.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

import httpx

from surveyor.errors import ErrorCode
from surveyor.errors import code_of
from surveyor.services.identity import device_id
from surveyor.services.interviews import FormLibrary
from surveyor.store import Store
from surveyor.sync.campaign import CampaignPublished
from surveyor.sync.campaign import ServerErasures
from surveyor.sync.campaign import erase_on_server
from surveyor.sync.campaign import publish_package
from surveyor.sync.campaign import queue_erasures
from surveyor.sync.campaign import queued_erasures
from surveyor.sync.campaign import retry_erasures
from surveyor.sync.config import keychain_password
from surveyor.sync.download import DownloadReport
from surveyor.sync.download import download_submissions
from surveyor.sync.fieldwork import FieldworkSent
from surveyor.sync.fieldwork import count_unsent
from surveyor.sync.fieldwork import send_fieldwork
from surveyor.sync.forms import FetchReport
from surveyor.sync.forms import fetch_forms
from surveyor.sync.sender import SyncReport
from surveyor.sync.sender import held_interviews
from surveyor.sync.sender import send_pending
from surveyor.sync.state import SyncAlreadyRunning
from surveyor.sync.state import read_status
from surveyor.sync.transport import AuthError
from surveyor.sync.transport import OpenRosaTransport
from surveyor.sync.transport import TransportError
from surveyor.sync.transport import normalize_base

SERVER_FORMS = "server-forms"  # <data_dir>/server-forms/<form_id>/: forms fetched by the app


@dataclass
class SendAnswer:
    """What one pass did, for the caller (the app's UI thread)."""

    kind: str = "done"  # done, nothing, busy, no_password, bad_address (error: the UI's)
    manual: bool = False
    report: SyncReport | None = None  # when interviews were tried
    pending: int = 0
    status: dict = field(default_factory=dict)
    auth_error: str = ""
    auth_code: ErrorCode | None = None
    network_error: str = ""  # the form list could not be read (nothing to send)
    network_code: ErrorCode | None = None  # what that failure means (the words shown)
    form_paths: list[str] = field(default_factory=list)
    fieldwork: FieldworkSent | None = None  # the visits sent after the interviews
    campaign: Any = None  # what the ``campaign`` step did (services.campaign.CampaignFetched)
    campaign_error: str = ""  # the campaign package could not be fetched (tried next time)
    erasures: ServerErasures | None = None  # erasures queued earlier, asked again


def base_url(url: str) -> str | None:
    """The server's base address, or None when it is not one."""
    try:
        return normalize_base(url)
    except ValueError:
        return None


def find_password(url: str, user: str, remembered: str | None) -> str | None:
    """The password typed this session, else the system keychain's (the app's rule)."""
    if remembered:
        return remembered
    if not user:
        return None
    return keychain_password(url, user)


def _account(url: str, user: str, password: str | None) -> tuple[str, str | None, str]:
    """(the server's base address, the password to use, "") or, when the server cannot be
    asked, why: "bad_address", "no_password" in the last place."""
    base = base_url(url)
    if base is None:
        return "", None, "bad_address"
    password = find_password(base, user, password)
    if user and not password:
        return base, None, "no_password"
    return base, password, ""


def pending_count(store: Store) -> int:
    """Interviews waiting to be sent (not those held for a person's decision)."""
    counts = store.count_by_status()
    return counts.get("finalized", 0) + counts.get("failed", 0) - len(held_interviews(store))


def open_transport(
    store: Store, url: str, user: str | None, password: str | None, **options
) -> OpenRosaTransport:
    """The transport to ``url`` for this laptop (its device id goes with each submission)."""
    return OpenRosaTransport(
        url, user or None, password, device_id=device_id(store.path.parent), **options
    )


def _safe_name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._")
    return cleaned or "form"


def save_server_forms(store: Store, data_dir: Path, fetched: FetchReport) -> list[str]:
    """Write each newly fetched form (its XForm and media) into
    ``<data_dir>/server-forms/<form_id>/`` so the app loads it like a form file; the paths."""
    paths = []
    for remote in fetched.new:
        stored = store.list_forms(form_id=remote.form_id, with_content=True)
        if not stored:
            continue
        form = next((f for f in stored if f.content_hash == remote.hash), stored[-1])
        folder = Path(data_dir) / SERVER_FORMS / _safe_name(remote.form_id)
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)  # an older version's media
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in (form.media or {}).items():
            (folder / Path(name).name).write_bytes(data)
        path = folder / (Path(form.source_name).name or f"{_safe_name(remote.form_id)}.xml")
        data = form.source_bytes if form.source_bytes is not None else form.xform.encode()
        path.write_bytes(data)
        paths.append(str(path))
    return paths


def send_pass(
    data_dir: Path,
    url: str,
    user: str,
    password: str | None,
    *,
    cancel: threading.Event,
    manual: bool = False,
    fetch: bool = False,
    campaign: Callable[[Store, OpenRosaTransport], Any] | None = None,
) -> SendAnswer:
    """One pass: ask again for the erasures queued for this server, send what is pending,
    then (if asked, or if something was sent) fetch new form versions, then run ``campaign``
    (the campaign package's fetch and import: ``services.campaign.fetch_campaign``, given by
    the layer above; it asks the server at each pass, a 304 when nothing changed). Opens and
    closes its own Store; waits on the network (call it off the database thread)."""
    answer = SendAnswer(manual=manual)
    base, password, problem = _account(url, user, password)
    if problem:
        answer.kind = problem
        return answer
    store = Store.open(data_dir)
    try:
        answer.pending = pending_count(store)
        laptop = device_id(store.path.parent)
        visits_waiting = count_unsent(store, base, laptop)
        erasures_waiting = bool(queued_erasures(data_dir, base))
        quiet = not (answer.pending or visits_waiting or erasures_waiting or campaign)
        if quiet and not manual and not fetch:
            answer.kind = "nothing"
            answer.status = read_status(data_dir)
            return answer
        library = FormLibrary(store)
        with open_transport(store, base, user, password) as transport:
            if erasures_waiting and not cancel.is_set():
                try:
                    answer.erasures = retry_erasures(transport, data_dir)
                except AuthError as exc:
                    answer.auth_error, answer.auth_code = str(exc), exc.code
            if answer.pending and not answer.auth_error and not cancel.is_set():
                try:
                    answer.report = send_pending(store, library, transport, cancel=cancel)
                except SyncAlreadyRunning:
                    answer.kind = "busy"
                    return answer
                answer.auth_error = answer.report.auth_error or ""
                answer.auth_code = answer.report.auth_code
            if visits_waiting and not answer.auth_error and not cancel.is_set():
                # after the interviews; a server without the endpoint (404) is skipped quietly
                try:
                    answer.fieldwork = send_fieldwork(store, transport, laptop, cancel=cancel)
                except AuthError as exc:
                    answer.auth_error, answer.auth_code = str(exc), exc.code
            report = answer.report
            want_forms = manual or fetch or (report is not None and report.sent > 0)
            if want_forms and not answer.auth_error and not cancel.is_set():
                try:
                    fetched = fetch_forms(transport, library)
                    answer.form_paths = save_server_forms(store, data_dir, fetched)
                except AuthError as exc:
                    answer.auth_error, answer.auth_code = str(exc), exc.code
                except (TransportError, OSError) as exc:
                    answer.network_error, answer.network_code = str(exc), code_of(exc)
                except Exception as exc:  # noqa: BLE001 - forms are a bonus, sending is done
                    answer.network_error, answer.network_code = str(exc), code_of(exc)
            if campaign is not None and not answer.auth_error and not cancel.is_set():
                try:
                    answer.campaign = campaign(store, transport)
                except AuthError as exc:
                    answer.auth_error, answer.auth_code = str(exc), exc.code
                except (TransportError, OSError) as exc:  # the next pass asks again
                    answer.campaign_error = str(exc)
        answer.pending = pending_count(store)
        answer.status = read_status(data_dir)
        if not answer.pending and not answer.auth_error and not answer.network_error:
            answer.kind = "done"
        return answer
    finally:
        store.close()


def check_connection(url: str, user: str, password: str | None) -> str:
    """``HEAD /submission`` with the account: "ok", "auth", "unreachable", "unexpected",
    "bad_address" or "no_password"."""
    base, password, problem = _account(url, user, password)
    if problem:
        return problem
    try:
        with OpenRosaTransport(
            base, user or None, password, timeout=20.0, connect_timeout=10.0
        ) as transport:
            response = transport.request("HEAD", f"{transport.url}/submission")
    except httpx.HTTPError:
        return "unreachable"
    status = response.status_code
    if status in (401, 403):
        return "auth"
    headers = {k.lower() for k in response.headers}
    if status in (201, 202, 204) or (status == 200 and "x-openrosa-version" in headers):
        return "ok"
    if status in (502, 503, 504):
        return "unreachable"
    return "unexpected"


def download_pass(
    data_dir: Path, url: str, user: str, password: str | None, *, progress=None
) -> DownloadReport | str:
    """The coordinator's download with its own Store (opened and closed here). The report,
    or why nothing was asked: "bad_address", "no_password"."""
    base, password, problem = _account(url, user, password)
    if problem:
        return problem
    store = Store.open(data_dir)
    try:
        if queued_erasures(data_dir, base):  # before the download: what was erased stays so
            with open_transport(store, base, user, password) as transport:
                retry_erasures(transport, data_dir)
        return download_submissions(store, base, user or None, password, progress=progress)
    finally:
        store.close()


def publish_pass(url: str, user: str, password: str | None, path: Path) -> CampaignPublished | str:
    """The coordinator's "Publish on the server": the package file written on the database
    thread goes to the server from here (the network pool). The receipt, or why nothing was
    asked: "bad_address", "no_password". Raises AuthError, TransportError."""
    base, password, problem = _account(url, user, password)
    if problem:
        return problem
    with OpenRosaTransport(base, user or None, password) as transport:
        return publish_package(transport, path)


def erase_pass(
    data_dir: Path, url: str, user: str, password: str | None, instance_ids: list[str]
) -> ServerErasures | str:
    """The coordinator's erasure reaching the server (after the local one): what the server
    did, or why it was not asked ("bad_address"; "no_password" and "auth": queued, asked
    again at the next sync). No Store: the queue is a file of the data dir."""
    base, password, problem = _account(url, user, password)
    if problem == "bad_address":
        return problem
    if problem:
        queue_erasures(data_dir, base, instance_ids)
        return problem
    with OpenRosaTransport(base, user or None, password) as transport:
        try:
            return erase_on_server(transport, data_dir, instance_ids)
        except AuthError:
            return "auth"  # erase_on_server queued them first
