"""The coordinator's download from ODK Central: forms, submissions, edits, files, review state.

Written against ODK Central's REST API (``/v1``, its API description ``docs/api.yaml``; Central
v2024.1 to v2026.2) and checked against a local stand-in built from its documented answers
(``tests/sync/central_standin.py``). A web user (e-mail and password) logs in with
``POST /v1/sessions`` and sends ``Authorization: Bearer <token>`` afterwards: never Basic
(Central refuses it over plain HTTP). Plain ``http://`` is accepted only for this machine
(``localhost``, ``127.0.0.1``, ``::1``): elsewhere the password would travel in clear.

What one run does, for the project ``p``:

1. ``GET /v1/projects/p/forms``: each form's current XForm (``forms/{f}.xml``) and its media
   (``forms/{f}/attachments``) is stored when its hash is new. Older versions that
   submissions name are fetched when needed (``forms/{f}/versions/{v}.xml`` and attachments).
2. For each form, "what changed since" comes from the OData feed:
   ``forms/{f}.svc/Submissions?$select=__id,__system&$filter=__system/submissionDate ge T or
   __system/updatedAt ge T`` (``submissionDate`` does not move on an edit or a review,
   ``updatedAt`` does; it is null until then). The cursor is the latest of the two seen, and
   the ids seen at exactly that instant (so ``ge`` never loses a submission sharing the
   cursor's millisecond, and never downloads one twice).
3. Each changed submission is downloaded whole: every version from ``submissions/{id}/versions``
   (oldest first; each its own instanceID, an edit naming the one it replaces in
   ``meta/deprecatedID``), each version's XML and attachments. ``page_size`` submissions make a
   page, merged in one transaction by :meth:`~surveyor.store.merge.MergeStore.apply_batch`:
   the batches' rules (duplicates once, an edit supersedes, conflicts listed). The cursor is
   saved after each committed page: an interrupted download resumes there.
4. Encrypted forms (a ``public_key`` of the coordinator's own, "self-supplied" in Central's
   words): Central keeps what ODK Collect or Enketo sent, so a version's XML is the manifest
   (``base64EncryptedKey``, ``encryptedXmlFile``, ``media/file``; Collect's namespace or
   Enketo's) and its attachments are ``submission.xml.enc`` and the media's ``.enc``. Such a
   submission is stored sealed, exactly as one from a laptop's batch or Surveyor's server
   (``encrypted_interviews``, :func:`~surveyor.sync.download.encrypted_from_submission`),
   and opened by the coordinator's key at merge or export
   (:func:`~surveyor.services.sealed.decrypt_received`); nothing is decrypted here. One whose
   files Central does not have all of yet (Collect sends large submissions in several
   requests) is stored not at all: it is listed in ``report.incomplete`` and kept in the
   cursor, and asked again at every download until it is whole (or deleted on Central).
   Central's "managed encryption" (the server keeps the private key; the project's ``keyId``
   in ``GET /v1/projects/p``) is not supported: the report says so.
5. Central's review state (``__system/reviewState``: ``hasIssues``, ``edited``, ``approved``,
   ``rejected`` or none) is kept per instanceID (the current version) in
   ``<data_dir>/central-review.json``, written after each page.
"""

from __future__ import annotations

import hashlib
import ipaddress
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any
from urllib.parse import quote
from urllib.parse import urlsplit

import httpx
from defusedxml.ElementTree import fromstring as safe_fromstring

from surveyor.encryption.odk import manifest_files
from surveyor.errors import ErrorCode
from surveyor.errors import FormNotFound
from surveyor.errors import SurveyorError
from surveyor.forms import load_form_bytes
from surveyor.forms.model import Form
from surveyor.services.interviews import FormLibrary
from surveyor.store import Store
from surveyor.store.merge import IncomingEncrypted
from surveyor.store.merge import IncomingInterview
from surveyor.store.merge import MergeStore
from surveyor.sync.download import DownloadError
from surveyor.sync.download import DownloadReport
from surveyor.sync.download import FormFinder
from surveyor.sync.download import encrypted_from_submission
from surveyor.sync.download import incoming_from_submission
from surveyor.sync.download import is_encrypted_manifest
from surveyor.sync.download import merge_page
from surveyor.sync.download import page_digest
from surveyor.sync.forms import xform_version
from surveyor.sync.state import CURSORS_NAME
from surveyor.sync.state import cursor_key
from surveyor.sync.state import read_json
from surveyor.sync.state import update_json
from surveyor.sync.transport import USER_AGENT
from surveyor.sync.transport import AuthError
from surveyor.sync.transport import HttpClientOwner
from surveyor.sync.transport import TransportError
from surveyor.sync.transport import network_code
from surveyor.sync.transport import refused
from surveyor.sync.transport import status_code

PAGE = 50
REVIEW_NAME = "central-review.json"


def _local_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def central_base(url: str) -> str:
    """Central's address without a trailing slash or a ``/v1…`` path; ValueError when it is
    not one, or when it is plain http to another machine."""
    url = url.strip().rstrip("/")
    if "/v1" in url:
        url = url[: url.index("/v1")]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not a server address: {url!r} (expected https://host)")
    if parts.scheme == "http" and not _local_host(parts.hostname or ""):
        raise ValueError(
            f"{url} is plain http: ODK Central needs https:// (the password would travel in clear)"
        )
    return url


class CentralClient(HttpClientOwner):
    """Central's REST API for one project with a web user's session token."""

    def __init__(
        self,
        base: str,
        project: int,
        email: str,
        password: str,
        *,
        timeout: float = 60.0,
        connect_timeout: float = 15.0,
        client: httpx.Client | None = None,
    ):
        self.base = central_base(base)
        self.project = int(project)
        self.email, self._password = email, password
        self.url = f"{self.base}/v1/projects/{self.project}"
        self._token: str | None = None
        self._client = client or httpx.Client(
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
        )

    def login(self) -> None:
        try:
            response = self._client.post(
                f"{self.base}/v1/sessions", json={"email": self.email, "password": self._password}
            )
        except httpx.HTTPError as exc:
            raise TransportError(f"{type(exc).__name__}: {exc}", code=network_code(exc)) from exc
        if response.status_code in (400, 401, 403):
            raise AuthError(
                f"{response.status_code}: {_message(response)}",
                code=status_code(response.status_code),
            )
        if response.status_code != 200:
            raise _error(response, "/v1/sessions")
        try:
            self._token = response.json()["token"]
        except (ValueError, KeyError, TypeError) as exc:
            raise TransportError(
                "the answer to /v1/sessions is not Central's session "
                "(captive portal or another server?)",
                code=ErrorCode.SYNC_CAPTIVE_PORTAL,
            ) from exc

    def get(
        self, path_or_url: str, *, params: dict | None = None, headers: dict | None = None
    ) -> httpx.Response:
        url = (
            path_or_url
            if path_or_url.startswith(("http://", "https://"))
            else f"{self.url}/{path_or_url}"
        )
        if self._token is None:
            self.login()
        for attempt in (1, 2):
            try:
                response = self._client.get(
                    url,
                    params=params,
                    headers={**(headers or {}), "Authorization": f"Bearer {self._token}"},
                )
            except httpx.HTTPError as exc:
                raise TransportError(
                    f"{type(exc).__name__}: {exc}", code=network_code(exc)
                ) from exc
            if response.status_code == 401 and attempt == 1:
                self.login()  # the session expired: one new one
                continue
            if response.status_code in (401, 403):
                raise AuthError(
                    f"{response.status_code}: {_message(response)}",
                    code=status_code(response.status_code),
                )
            if response.status_code != 200:
                raise _error(response, path_or_url)
            return response
        raise AssertionError("unreachable")

    def json(self, path_or_url: str, **kwargs) -> Any:
        response = self.get(path_or_url, **kwargs)
        try:
            return response.json()
        except ValueError as exc:
            raise TransportError(
                f"the answer for {path_or_url} is not JSON (captive portal?)",
                code=ErrorCode.SYNC_CAPTIVE_PORTAL,
            ) from exc


def _message(response: httpx.Response) -> str:
    try:
        return str(response.json().get("message") or response.text[:200])
    except (ValueError, AttributeError):
        return " ".join(response.text[:200].split())


def _error(response: httpx.Response, what: str) -> TransportError:
    return refused(response.status_code, what, _message(response))


def _q(value: str) -> str:
    return quote(value, safe="")


class CentralForms(FormFinder):
    """Form definitions from the store, else from Central (any published version)."""

    def __init__(self, store: Store, library: FormLibrary, client: CentralClient):
        super().__init__(store, library, None)  # type: ignore[arg-type]
        self.client = client
        self._missing: set[tuple[str, str]] = set()

    def _load(self, form_id: str, data: bytes, media: dict[str, bytes]) -> Form:
        form = load_form_bytes(data, f"{form_id}.xml", media=media)
        written = xform_version(data)
        if written and not form.version:
            form.version = written  # orx:version: never stored as ''
        self.library.register(form)
        self.fetched += 1
        return form

    def _media(self, prefix: str) -> dict[str, bytes]:
        media = {}
        for item in self.client.json(f"{prefix}/attachments"):
            if item.get("exists", True) and item.get("name"):
                media[item["name"]] = self.client.get(
                    f"{prefix}/attachments/{_q(item['name'])}"
                ).content
        return media

    def current(self, form_id: str, md5: str) -> None:
        """The form's current version, unless the store has it already."""
        if md5:
            try:
                self.store.get_form(f"md5:{md5}")
                return
            except FormNotFound:
                pass
        prefix = f"forms/{_q(form_id)}"
        data = self.client.get(f"{prefix}.xml").content
        if md5 and hashlib.md5(data).hexdigest() != md5:
            raise TransportError(
                f"the XForm of {form_id} does not match its hash "
                "(an incomplete download or a proxy page)"
            )
        self._load(form_id, data, self._media(prefix))

    def _fetch(self, form_id: str, version: str) -> bool:
        """Download this version of the form from Central (once a version)."""
        if (form_id, version) in self._missing:
            return False
        self._missing.add((form_id, version))
        for item in self.client.json(f"forms/{_q(form_id)}/versions"):
            if (item.get("version") or "") == version:
                prefix = f"forms/{_q(form_id)}/versions/{_q(version)}"
                self._load(form_id, self.client.get(f"{prefix}.xml").content, self._media(prefix))
                break
        return True


def _changed_at(system: dict) -> str:
    return max(system.get("submissionDate") or "", system.get("updatedAt") or "")


def changed_since(client: CentralClient, form_id: str, cursor: dict) -> list[dict]:
    """The submissions of ``form_id`` changed since ``cursor`` (OData), oldest change first:
    ``{"id", "changed", "system"}``."""
    params = {"$select": "__id,__system"}
    since = cursor.get("since")
    if since:
        params["$filter"] = f"__system/submissionDate ge {since} or __system/updatedAt ge {since}"
    seen = set(cursor.get("seen") or []) if since else set()
    rows: list[dict] = []
    url: str | None = f"forms/{_q(form_id)}.svc/Submissions"
    while url:
        page = client.json(url, params=params)
        if not isinstance(page, dict) or not isinstance(page.get("value"), list):
            raise TransportError(f"the OData feed of {form_id} is not an OData answer")
        for row in page["value"]:
            system = row.get("__system") or {}
            changed = _changed_at(system)
            if since and (changed < since or (changed == since and row["__id"] in seen)):
                continue
            rows.append({"id": row["__id"], "changed": changed, "system": system})
        url, params = page.get("@odata.nextLink"), None  # the link carries the query
    rows.sort(key=lambda r: (r["changed"], r["id"]))
    return rows


def _submission_version(xml: bytes) -> str:
    """The form version a submission names on its root (``version`` or ``orx:version``)."""
    try:
        root = safe_fromstring(xml)
    except Exception:  # noqa: BLE001 - the merge reports unreadable XML itself
        return ""
    return next((v for k, v in root.attrib.items() if k.rsplit("}", 1)[-1] == "version"), "")


def _versions(client: CentralClient, form_id: str, root: str) -> list[tuple[dict, dict, dict]]:
    """Every version of one submission, oldest first: (sub, files, meta) as the merge wants
    them. An encrypted version (its XML is the manifest) has ``sub["encrypted"]``, and in
    ``sub["missing"]`` the files its manifest names that Central does not have (yet)."""
    prefix = f"forms/{_q(form_id)}/submissions/{_q(root)}"
    out = []
    listed = client.json(f"{prefix}/versions", headers={"X-Extended-Metadata": "true"})
    for version in reversed(listed):  # Central lists them newest first
        vid = version["instanceId"]
        vprefix = f"{prefix}/versions/{_q(vid)}"
        xml = client.get(f"{vprefix}.xml").content
        named = manifest_files(xml) if is_encrypted_manifest(xml) else None
        files = {}
        for item in client.json(f"{vprefix}/attachments"):
            if item.get("exists") and item.get("name"):
                got = client.get(f"{vprefix}/attachments/{_q(item['name'])}")
                media_type = got.headers.get("content-type", "application/octet-stream")
                files[item["name"]] = (media_type.split(";")[0].strip(), got.content)
        submitter = version.get("submitter") or {}
        sub = {
            "instance_id": vid,
            "form_id": form_id,
            "form_version": version.get("formVersion") or _submission_version(xml),
            "xml": xml,
            "received_at": version.get("createdAt") or "",
            "submitted_by": submitter.get("displayName") or str(version.get("submitterId", "")),
        }
        if named is not None:
            sub["encrypted"] = True
            sub["missing"] = [name for name in named if name not in files]
            files = {name: files[name] for name in named if name in files}  # what it names
        out.append((sub, files, version))
    return out


def download_central(
    store: Store,
    base: str,
    project: int,
    email: str,
    password: str,
    *,
    library: FormLibrary | None = None,
    client: CentralClient | None = None,
    page_size: int = PAGE,
    progress: Callable[[int], None] | None = None,
) -> DownloadReport:
    """Download what changed on Central since the saved cursor and merge it (see the module
    docstring). Raises AuthError, TransportError (the cursor stays where the last committed
    page left it), DownloadError or ValueError (a bad address)."""
    own = client is None
    client = client or CentralClient(base, project, email, password)
    library = library or FormLibrary(store)
    data_dir = Path(store.path).parent
    report = DownloadReport(server_url=client.url)
    forms = CentralForms(store, library, client)
    merge = MergeStore(store)
    key = cursor_key(client.url, email)
    try:
        listed = client.json("forms")
        if not isinstance(listed, list):
            raise TransportError("the project's form list is not Central's (another server?)")
        project = client.json(client.url)
        report.managed_encryption = isinstance(project, dict) and bool(project.get("keyId"))
        for item in listed:
            if item.get("publishedAt") is None:
                continue  # a draft never published: no submissions
            try:
                forms.current(item["xmlFormId"], item.get("hash") or "")
            except (AuthError, TransportError):
                raise  # the server's fault, not the form's: said as such
            except SurveyorError as exc:
                raise DownloadError(f"the form {item['xmlFormId']}: {exc}") from exc
        for item in listed:
            if item.get("publishedAt") is None:
                continue
            _download_form(
                client,
                store,
                forms,
                merge,
                report,
                data_dir,
                key,
                item["xmlFormId"],
                max(1, page_size),
                progress,
            )
        report.forms_fetched = forms.fetched
        return report
    finally:
        if own:
            client.close()


@dataclass
class _Page:
    """What one page of submissions brings to the merge."""

    incoming: list[IncomingInterview] = field(default_factory=list)
    encrypted: list[IncomingEncrypted] = field(default_factory=list)
    blobs: dict[tuple[str, str], bytes] = field(default_factory=dict)
    reviews: dict[str, dict] = field(default_factory=dict)
    complete: set[str] = field(default_factory=set)  # the roots stored whole
    incomplete: dict[str, str] = field(default_factory=dict)  # root -> the files Central lacks

    def add(self, client, store, forms, form_id: str, row: dict) -> None:
        versions = _versions(client, form_id, row["id"])
        missing = [name for sub, _f, _m in versions for name in sub.get("missing", [])]
        if missing:  # an encrypted submission without all its files: none of it is kept
            self.incomplete[row["id"]] = ", ".join(missing)
            return
        self.complete.add(row["id"])
        for sub, files, _meta in versions:
            if sub.get("encrypted"):  # kept sealed: the coordinator's key opens it later
                self.encrypted.append(encrypted_from_submission(forms, sub, files, client.url))
                continue
            for name, (_type, data) in files.items():
                self.blobs[(sub["instance_id"], name)] = data
            self.incoming.append(incoming_from_submission(store, forms, sub, files, client.url))
        if versions and "reviewState" in row["system"]:
            self.reviews[versions[-1][0]["instance_id"]] = {
                "review_state": row["system"].get("reviewState"),
                "root_id": row["id"],
                "form_id": form_id,
                "server": client.url,
            }

    def merge(self, client, merge: MergeStore, report: DownloadReport, form_id, label) -> None:
        digest = page_digest(self.incoming, self.encrypted)
        merge_page(
            merge,
            report,
            f"central:{client.url}#{form_id}#{digest[:16]}",
            f"{client.url} {form_id} ({label})",
            self.incoming,
            self.encrypted,
            self.blobs,
        )


def _download_form(
    client, store, forms, merge, report, data_dir, key, form_id, page_size, progress
) -> None:
    cursors = read_json(data_dir / CURSORS_NAME).get(key)
    cursors = cursors if isinstance(cursors, dict) else {}
    cursor = cursors.get(form_id) if isinstance(cursors.get(form_id), dict) else {}
    pending = {str(i) for i in cursor.get("incomplete") or []}
    rows = changed_since(client, form_id, cursor)

    def save(page: _Page) -> None:
        pending.difference_update(page.complete)
        pending.update(page.incomplete)
        report.incomplete.update(page.incomplete)
        if page.reviews:
            update_json(data_dir / REVIEW_NAME, page.reviews)
        cursor["incomplete"] = sorted(pending)
        cursors[form_id] = cursor
        update_json(data_dir / CURSORS_NAME, {key: cursors})  # after the page's transaction

    # the encrypted submissions incomplete last time (their files may have come since),
    # unless they changed and come below anyway
    again = sorted(pending - {r["id"] for r in rows})
    if again:
        page = _Page()
        for root in again:
            try:
                page.add(client, store, forms, form_id, {"id": root, "system": {}})
            except TransportError as exc:
                if exc.status != 404:
                    raise
                pending.discard(root)  # deleted on Central since: no longer waited for
        page.merge(client, merge, report, form_id, "incomplete before, asked again")
        save(page)
        report.received += len(page.complete)
    for start in range(0, len(rows), page_size):
        rows_page = rows[start : start + page_size]
        page = _Page()
        for row in rows_page:
            page.add(client, store, forms, form_id, row)
        page.merge(
            client,
            merge,
            report,
            form_id,
            f"changed {rows_page[0]['changed']}…{rows_page[-1]['changed']}",
        )
        last = rows_page[-1]["changed"]
        seen = [r["id"] for r in rows_page if r["changed"] == last]
        if cursor.get("since") == last:
            seen = sorted(set(cursor.get("seen") or []) | set(seen))
        cursor.update(since=last, seen=seen)
        save(page)
        report.pages += 1
        report.received += len(rows_page) - len(page.incomplete)
        report.cursor = last
        if progress is not None:
            progress(report.received)


def review_states(data_dir: Path) -> dict[str, dict]:
    """Central's review state per instanceID, as last downloaded."""
    return read_json(Path(data_dir) / REVIEW_NAME)
