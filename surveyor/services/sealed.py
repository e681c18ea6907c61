"""The coordinator's side of encrypted forms: the encrypted interviews received (batches, kept
opaque in ``encrypted_interviews``) are decrypted with the private key and merged as
interviews, with the same merge rules as every other version.

All or nothing: every waiting interview whose form this key opens is decrypted in memory
first; a damaged one raises :class:`DecryptionError` before anything is written. A key that
opens none of them raises ``DECRYPT_WRONG_KEY`` and changes nothing. Interviews of forms with
another key are left waiting for theirs.
"""

from __future__ import annotations

import hashlib
import mimetypes
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

from surveyor import jsontext
from surveyor.batches.format import BatchReader
from surveyor.batches.format import batch_files
from surveyor.encryption import Sealed
from surveyor.encryption import decrypt_submission
from surveyor.encryption.odk import key_fits
from surveyor.encryption.odk import xform_public_key
from surveyor.errors import BatchError
from surveyor.errors import DecryptionError
from surveyor.errors import ErrorCode
from surveyor.errors import SurveyorError
from surveyor.interviews import record
from surveyor.interviews.from_xml import answers_from_xml
from surveyor.interviews.merging import Counts
from surveyor.store import Store
from surveyor.store.merge import BatchInfo
from surveyor.store.merge import IncomingInterview
from surveyor.store.merge import MergeStore


@dataclass
class DecryptReport:
    """What a decryption did: how many interviews were opened and merged (``counts``), and
    how many stay encrypted (their form has another key)."""

    decrypted: int = 0
    still_encrypted: int = 0
    counts: Counts = field(default_factory=Counts)


def waiting_count(store: Store) -> int:
    """How many received encrypted interviews wait for their private key."""
    with store.reading("count the encrypted interviews") as db:
        return db.execute(
            "SELECT count(*) FROM encrypted_interviews WHERE decrypted_at IS NULL"
        ).fetchone()[0]


def _form_key(store: Store, form_hash: str, known: dict[str, str | None]) -> str | None:
    if form_hash not in known:
        try:
            known[form_hash] = xform_public_key(store.get_form(form_hash).xform or "")
        except SurveyorError:
            known[form_hash] = None
    return known[form_hash]


def check_key_for_batches(
    store: Store, paths: Iterable[Path], private_key: rsa.RSAPrivateKey
) -> None:
    """Before a merge with a key: DecryptionError (nothing merged) if the batches carry
    encrypted interviews and the key is the private half of none of their forms' public
    keys. Batches that cannot be read are left to the merge, which refuses them."""
    files: list[Path] = []
    for path in paths:
        files += batch_files(path) if path.is_dir() else [path]
    encrypted = fitting = 0
    for path in files:
        try:
            with BatchReader(path) as reader:
                content = reader.read()
                keys = {f.content_hash: xform_public_key(f.xform) for f in content.forms}
                for item in content.encrypted:
                    encrypted += 1
                    if item.form_hash not in keys:
                        keys[item.form_hash] = _form_key(store, item.form_hash, {})
                    if key_fits(private_key, keys[item.form_hash]):
                        fitting += 1
        except BatchError:
            continue
    if encrypted and not fitting:
        raise DecryptionError(
            "This private key opens none of the encrypted interviews of these batches (it is "
            "not their form's key); nothing was merged."
        )


def decrypt_received(
    store: Store, library, private_key: rsa.RSAPrivateKey, *, now: str | None = None
) -> DecryptReport:
    """Decrypt and merge every waiting encrypted interview whose form this key opens."""
    with store.reading("read the encrypted interviews") as db:
        rows = db.execute(
            "SELECT rowid, instance_id, form_hash, stub, data FROM encrypted_interviews "
            "WHERE decrypted_at IS NULL ORDER BY received_at, rowid"
        ).fetchall()
    report = DecryptReport()
    if not rows:
        return report
    keys: dict[str, str | None] = {}
    incoming: list[IncomingInterview] = []
    media: dict[str, dict[str, bytes]] = {}
    opened: list[int] = []
    seen: set[str] = set()
    for rowid, instance_id, form_hash, stub_text, data in rows:
        if not key_fits(private_key, _form_key(store, form_hash, keys)):
            report.still_encrypted += 1
            continue
        xml, files = decrypt_submission(Sealed.from_bytes(bytes(data)), private_key)
        opened.append(rowid)
        if instance_id in seen:  # the same interview received twice, different bytes
            continue
        seen.add(instance_id)
        form = library.get(form_hash)
        try:
            answers, meta = answers_from_xml(form, xml)
        except SurveyorError as exc:
            raise DecryptionError(
                f"The decrypted interview {instance_id} is not readable ({exc}); nothing was "
                "changed.",
                code=ErrorCode.DECRYPT_DAMAGED,
            ) from exc
        stub = jsontext.loads(stub_text)
        media[instance_id] = dict(files)
        incoming.append(_incoming(stub, form, answers, meta, files))
    if not opened:
        raise DecryptionError(
            "This private key opens none of the encrypted interviews waiting (it is not their "
            "form's key); nothing was changed."
        )
    info = BatchInfo(
        batch_id=f"decrypted-{uuid.uuid4()}",
        sha256=hashlib.sha256(b"".join(str(r).encode() for r in opened)).hexdigest(),
        file_name="decrypted with the private key",
    )
    stamp = now or store.now()
    with store.transaction("decrypt the encrypted interviews"):
        report.counts = MergeStore(store).apply_batch(
            info,
            forms=[],
            interviews=incoming,
            read_attachment=lambda instance_id, name: media[instance_id][name],
        )
        store.db.conn.executemany(
            "UPDATE encrypted_interviews SET decrypted_at = ? WHERE rowid = ?",
            [(stamp, rowid) for rowid in opened],
        )
    report.decrypted = len(opened)
    return report


def _incoming(stub: dict, form, answers: dict, meta: dict, files) -> IncomingInterview:
    instance_id = stub["instance_id"]
    attachments = [
        (
            name,
            mimetypes.guess_type(name)[0] or "application/octet-stream",
            len(data),
            hashlib.sha256(data).hexdigest(),
        )
        for name, data in sorted(files)
    ]
    deprecated = stub.get("deprecated_id") or meta.get("deprecatedID")
    data = {name: stub.get(name) for name in record.COLUMN_NAMES}
    data.update(
        instance_id=instance_id,
        form_id=form.form_id,
        form_version=form.version,
        form_hash=form.content_hash,
        interviewer=stub.get("interviewer") or "",
        device_id=stub.get("device_id") or meta.get("deviceID") or "",
        status=stub.get("status") or str(record.Status.HANDED_IN),
        deprecated_id=deprecated,
        instance_name=meta.get("instanceName") or "",
        position=None,
        answers=answers,
        handed_in=stub.get("handed_in") or [],
        attachments=[
            {"filename": a[0], "media_type": a[1], "size": a[2], "sha256": a[3]}
            for a in attachments
        ],
    )
    for name in ("created_at", "updated_at"):
        data[name] = data.get(name) or ""
    return IncomingInterview.of_record(data, attachments)
