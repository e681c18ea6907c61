"""The coordinator's download: submissions from the server into the coordinator's database.

``download_submissions`` pages ``GET {server}/api/v1/submissions?since=CURSOR`` (the
Surveyor server's coordinator API), turns each submission's XML and files into an interview
record, and merges each page with :meth:`surveyor.store.merge.MergeStore.apply_batch`, so
the rules are exactly those of batches (docs/batch-format.md): the same interview twice (from
the server and from a batch, or downloaded again) is a duplicate, an edit
(``deprecatedID``) supersedes the version it names, two different contents for one
instanceID or two edits of one interview are conflicts, listed for the coordinator.

Then the visits and doors the laptops sent (``GET /surveyor/v1/fieldwork``, merged like a
batch's: :func:`surveyor.sync.fieldwork.download_fieldwork`; a server without it is skipped).

Each page is one transaction, recorded like a batch (``server:<url>#<cursor>``); the cursor is
saved after the page is stored, so an interrupted download resumes where it stopped and a page
applied twice only counts duplicates.

From XML to answers: the submission is read against its form's template (groups flattened,
repeats as lists, the root ``meta`` group left out), which is exactly the shape the engine
stores, so an interview downloaded from the server has the same content hash as the same
interview arriving in a batch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from surveyor.encryption import Sealed
from surveyor.encryption.odk import MANIFEST_NAMESPACES
from surveyor.errors import DownloadError
from surveyor.errors import SurveyorError
from surveyor.forms.model import Form
from surveyor.interviews.from_xml import answers_from_xml
from surveyor.interviews.merging import Counts
from surveyor.interviews.merging import describe_counts
from surveyor.interviews.merging import names_itself
from surveyor.interviews.record import Status
from surveyor.services.interviews import FormLibrary
from surveyor.store import Store
from surveyor.store.merge import BatchInfo
from surveyor.store.merge import IncomingEncrypted
from surveyor.store.merge import IncomingInterview
from surveyor.store.merge import MergeStore
from surveyor.sync.fieldwork import download_fieldwork
from surveyor.sync.forms import fetch_forms
from surveyor.sync.state import read_cursor
from surveyor.sync.state import save_cursor
from surveyor.sync.transport import OpenRosaTransport

PAGE = 200


@dataclass
class DownloadReport(Counts):
    """What a download did: the merge's counts (new, updated...) and what came."""

    server_url: str
    pages: int = 0
    received: int = 0
    forms_fetched: int = 0
    cursor: str = ""
    refused: dict[str, str] = field(default_factory=dict)  # instanceID -> why
    # ODK Central: encrypted submissions whose files Central does not have yet (instanceID
    # -> the files missing); nothing of them is stored, they are asked again next time
    incomplete: dict[str, str] = field(default_factory=dict)
    managed_encryption: bool = False  # ODK Central keeps the project's key (not supported)
    visits: int = 0  # visits new to this database (docs/fieldwork.md)
    doors: int = 0  # doors new to this database (added in the field)
    fieldwork_unsupported: bool = False  # the server has no fieldwork endpoint

    def __str__(self) -> str:
        lines = [
            f"{self.server_url}: {self.received} submission(s) in {self.pages} page(s): "
            f"{describe_counts(self)}."
        ]
        if self.forms_fetched:
            lines.append(f"{self.forms_fetched} form version(s) downloaded.")
        if self.visits or self.doors:
            lines.append(f"Fieldwork: {self.visits} new visit(s), {self.doors} new door(s).")
        lines += self.by_interviewer_lines()
        if self.conflicts:
            lines.append("Conflicts to resolve: surveyor merge --conflicts.")
        for instance_id, reason in self.refused.items():
            lines.append(f"REFUSED {instance_id}: {reason}; it was not imported.")
        if self.managed_encryption:
            lines.append(
                "This Central project uses managed encryption (Central keeps its private key): "
                "its encrypted submissions are stored sealed, but Surveyor cannot open them. "
                "Give the forms a public_key of your own instead (docs/interop.md)."
            )
        for instance_id, missing in self.incomplete.items():
            lines.append(
                f"INCOMPLETE {instance_id}: the server does not have {missing} yet; nothing of "
                "it was stored, it is asked again at the next download."
            )
        return "\n".join(lines)


class FormFinder:
    """The form definition of (form_id, version) in the coordinator's store; downloaded from
    the server (every version) when missing."""

    def __init__(self, store: Store, library: FormLibrary, transport: OpenRosaTransport):
        self.store, self.library, self.transport = store, library, transport
        self.fetched = 0
        self._tried = False

    def _stored(self, form_id: str, version: str, prefer: str | None) -> Form | None:
        candidates = [f for f in self.store.list_forms(form_id=form_id) if f.version == version]
        if not candidates:
            return None
        chosen = next((f for f in candidates if f.content_hash == prefer), candidates[0])
        return self.library.get(chosen.content_hash)

    def _fetch(self, form_id: str, version: str) -> bool:
        """Download what the store lacks from the server (every version, once); whether
        anything was asked."""
        if self._tried:
            return False
        self._tried = True
        report = fetch_forms(self.transport, self.library, all_versions=True)
        self.fetched += len(report.new)
        return True

    def find(self, form_id: str, version: str, prefer: str | None = None) -> Form:
        form = self._stored(form_id, version, prefer)
        if form is None and self._fetch(form_id, version):
            form = self._stored(form_id, version, prefer)
        if form is None:
            raise DownloadError(
                f"the form {form_id!r} version {version!r} is neither in this "
                "database nor on the server"
            )
        return form


def _existing_form_hash(store: Store, instance_id: str) -> str | None:
    try:
        return store.get_interview(instance_id).form_hash
    except SurveyorError:
        return None


def incoming_from_submission(
    store: Store,
    finder: FormFinder,
    sub: dict[str, Any],
    files: dict[str, tuple[str, bytes]],
    server_url: str,
) -> IncomingInterview:
    """A submission of the coordinator API as the batches' incoming structure."""
    instance_id = sub["instance_id"]
    # Prefer the form definition a copy of this interview already uses (e.g. from a batch),
    # so the same interview gives the same content hash whichever way it came.
    form = finder.find(
        sub["form_id"], sub.get("form_version") or "", _existing_form_hash(store, instance_id)
    )
    answers, meta = answers_from_xml(form, sub["xml"])
    attachments = [
        (name, media_type, len(data), hashlib.sha256(data).hexdigest())
        for name, (media_type, data) in sorted(files.items())
    ]
    data = _received_record(sub, form, server_url)
    data.update(
        device_id=meta.get("deviceID") or "",
        exported_at=None,
        deleted_at=None,
        deprecated_id=sub.get("deprecated_id") or meta.get("deprecatedID"),
        instance_name=meta.get("instanceName") or "",
        position=None,
        last_error=None,
        answers=answers,
    )
    return IncomingInterview.of_record(data, attachments)


def _received_record(sub: dict[str, Any], form: Form, server_url: str) -> dict[str, Any]:
    """The record's keys a submission of the coordinator API gives: sent to ``server_url``
    and received there at ``received_at``."""
    received = sub.get("received_at") or ""
    return {
        "instance_id": sub["instance_id"],
        "form_id": form.form_id,
        "form_version": form.version,
        "form_hash": form.content_hash,
        "interviewer": sub.get("submitted_by") or "",
        "status": str(Status.SENT),
        "created_at": received,
        "updated_at": received,
        "finalized_at": received,
        "sent_at": received,
        "deprecated_id": sub.get("deprecated_id"),
        "handed_in": [{"to": server_url, "at": received}],
    }


def is_encrypted_manifest(xml: bytes | str) -> bool:
    """Whether a submission is the manifest of an ODK encrypted submission (Enketo's and
    Surveyor's namespace, or ODK Collect's)."""
    head = (xml.encode("utf-8") if isinstance(xml, str) else xml)[:400]
    return b'encrypted="yes"' in head and any(ns.encode() in head for ns in MANIFEST_NAMESPACES)


def encrypted_from_submission(
    finder: FormFinder, sub: dict[str, Any], files: dict[str, tuple[str, bytes]], server_url: str
) -> IncomingEncrypted:
    """An encrypted submission of the coordinator API, kept opaque until the private key opens
    it (``Workspace.decrypt_received``)."""
    instance_id = sub["instance_id"]
    form = finder.find(sub["form_id"], sub.get("form_version") or "")
    xml = sub["xml"].encode("utf-8") if isinstance(sub["xml"], str) else sub["xml"]
    payload = Sealed(
        instance_id=instance_id,
        form_id=form.form_id,
        version=form.version,
        manifest=xml,
        files=[(name, data) for name, (_type, data) in sorted(files.items())],
    ).to_bytes()
    stub = {**_received_record(sub, form, server_url), "encrypted": True}
    return IncomingEncrypted(
        instance_id=instance_id,
        sha256=hashlib.sha256(payload).hexdigest(),
        form_id=form.form_id,
        form_version=form.version,
        form_hash=form.content_hash,
        interviewer=stub["interviewer"],
        stub=stub,
        read=lambda: payload,
    )


def page_digest(incoming: list[IncomingInterview], encrypted: list[IncomingEncrypted] = ()) -> str:
    """The sha256 a downloaded page is recorded with (like a batch's): over its versions."""
    return hashlib.sha256(
        "\n".join(
            [f"{i.instance_id}:{i.content_sha256}" for i in incoming]
            + [f"{e.instance_id}:{e.sha256}" for e in encrypted]
        ).encode()
    ).hexdigest()


def merge_page(
    merge: MergeStore,
    report: DownloadReport,
    batch_id: str,
    label: str,
    incoming: list[IncomingInterview],
    encrypted: list[IncomingEncrypted],
    blobs: dict[tuple[str, str], bytes],
) -> None:
    """Merge one downloaded page in one transaction, recorded like a batch (``batch_id``
    with the page's digest); its counts are added to ``report``. Nothing when it is empty."""
    if not (incoming or encrypted):
        return
    counts = merge.apply_batch(
        BatchInfo(batch_id=batch_id, sha256=page_digest(incoming, encrypted), file_name=label),
        forms=[],
        interviews=incoming,
        read_attachment=lambda iid, name: blobs[(iid, name)],
        encrypted=encrypted,
    )
    report.add(counts)


def _without_looping_edits(
    merge: MergeStore, incoming: list[IncomingInterview], report: DownloadReport
) -> list[IncomingInterview]:
    """The submissions of a page minus those whose edit chain points at itself or loops
    (merged, they would hide each other from every export); those are listed as refused."""
    for inc in incoming:
        if names_itself(inc.instance_id, inc.deprecated_id):
            report.refused[inc.instance_id] = "it names itself as the version it replaces"
    kept = [i for i in incoming if i.instance_id not in report.refused]
    for instance_id in merge.edit_loops(kept):
        report.refused[instance_id] = (
            "it and the versions it replaces form a loop (deprecatedID names a later edit "
            "of itself)"
        )
    return [i for i in kept if i.instance_id not in report.refused]


def download_submissions(
    store: Store,
    server_url: str,
    user: str | None,
    password: str | None,
    *,
    library: FormLibrary | None = None,
    transport: OpenRosaTransport | None = None,
    page_size: int = PAGE,
    progress: Callable[[int], None] | None = None,
) -> DownloadReport:
    """Fetch the submissions received since the remembered cursor and merge them (see the
    module docstring). Raises AuthError, TransportError (the cursor stays where the last
    stored page left it) or DownloadError."""
    own = transport is None
    transport = transport or OpenRosaTransport(server_url, user, password)
    library = library or FormLibrary(store)
    data_dir = Path(store.path).parent
    report = DownloadReport(server_url=transport.url)
    finder = FormFinder(store, library, transport)
    merge = MergeStore(store)
    try:
        cursor = read_cursor(data_dir, transport.url, user)
        while True:
            reply = transport.get(
                "api/v1/submissions", params={"since": cursor or "0", "limit": str(page_size)}
            )
            try:
                page = reply.json()
                rows = page["submissions"]
                next_cursor = str(page["cursor"])
            except (ValueError, KeyError, TypeError) as exc:
                raise DownloadError(
                    f"the server's answer is not a submissions page: {exc}"
                ) from exc
            incoming, blobs, encrypted = [], {}, []
            for sub in rows:
                files = {}
                for name in sub.get("attachments") or []:
                    got = transport.get(
                        f"api/v1/submissions/{quote(sub['instance_id'], safe='')}"
                        f"/attachments/{quote(name, safe='')}"
                    )
                    media_type = got.headers.get("content-type", "application/octet-stream")
                    files[name] = (media_type.split(";")[0].strip(), got.content)
                    blobs[(sub["instance_id"], name)] = got.content
                if is_encrypted_manifest(sub["xml"]):
                    encrypted.append(encrypted_from_submission(finder, sub, files, transport.url))
                    continue
                incoming.append(incoming_from_submission(store, finder, sub, files, transport.url))
            incoming = _without_looping_edits(merge, incoming, report)
            merge_page(
                merge,
                report,
                f"server:{transport.url}#{cursor or '0'}",
                f"{transport.url} (after {cursor or '0'})",
                incoming,
                encrypted,
                blobs,
            )
            report.pages += 1
            report.received += len(rows)
            if next_cursor and next_cursor != cursor:
                cursor = next_cursor
                save_cursor(data_dir, transport.url, user, cursor)
            if progress is not None:
                progress(report.received)
            if not page.get("more") or not rows:
                break
        report.cursor = cursor
        report.forms_fetched = finder.fetched
        received = download_fieldwork(store, transport, user)
        report.visits, report.doors = received.visits, received.doors
        report.fieldwork_unsupported = received.unsupported
        return report
    finally:
        if own:
            transport.close()
