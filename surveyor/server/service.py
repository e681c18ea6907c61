"""What the server does with its database: accounts, forms, submissions (synchronous).

The web layer (:mod:`surveyor.server.app`) and the CLI (``surveyor server ...``) call these;
nothing else reaches into the tables.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import logging
import re
import secrets
import zipfile
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from typing import Any
from urllib.parse import unquote

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from surveyor.errors import ServerError
from surveyor.fieldwork.records import door_records
from surveyor.fieldwork.records import visit_records
from surveyor.interviews.merging import edit_loops
from surveyor.interviews.merging import names_itself
from surveyor.interviews.record import now_timestamp
from surveyor.server import db

log = logging.getLogger("surveyor.server")

ROLES = ("interviewer", "coordinator")
DIGEST_REALM = "Surveyor"  # part of every stored Digest HA1: changing it needs new passwords


# --- passwords -------------------------------------------------------------------------------

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return "$".join(
        ["scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)]
    )


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        computed = _scrypt(password, _unb64(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(computed, _unb64(digest))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


DUMMY_HASH = hash_password(secrets.token_urlsafe(16))
"""Checked for unknown users, so an unknown name takes as long as a wrong password."""


# --- accounts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    password_hash: str
    revoked: bool
    digest_ha1: str | None = None  # "realm$hex"


def _digest_value(name: str, password: str, realm: str) -> str:
    ha1 = hashlib.md5(f"{name}:{realm}:{password}".encode()).hexdigest()
    return f"{realm}${ha1}"


def digest_ha1_of(account: Account | None, realm: str) -> str | None:
    """The account's HTTP Digest HA1 for ``realm``, if stored."""
    if account is None or not account.digest_ha1:
        return None
    stored_realm, _, ha1 = account.digest_ha1.rpartition("$")
    return ha1 if stored_realm == realm and ha1 else None


def has_digest_for(account: Account, realm: str) -> bool:
    return digest_ha1_of(account, realm) is not None


def store_digest_ha1(engine: Engine, name: str, password: str, realm: str) -> None:
    """Store the Digest HA1 of an account whose password was just verified (accounts made
    before Digest existed get it at their first Basic login)."""
    with engine.connect().execution_options(**db.WRITE) as conn, conn.begin():
        conn.execute(
            update(db.users)
            .where(db.users.c.name == name, db.users.c.revoked.is_(False))
            .values(digest_ha1=_digest_value(name, password, realm))
        )


def server_secret(engine: Engine, name: str) -> bytes:
    """A random secret shared by every process of the server, made on first use."""
    t = db.server_secrets.c
    for attempt in range(3):
        try:
            with engine.connect().execution_options(**db.WRITE) as conn, conn.begin():
                value = conn.execute(select(t.value).where(t.name == name)).scalar_one_or_none()
                if value is None:
                    value = secrets.token_hex(32)
                    conn.execute(insert(db.server_secrets).values(name=name, value=value))
            return bytes.fromhex(value)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def add_user(engine: Engine, name: str, role: str) -> str:
    """Create the account ``name`` (or re-open a revoked one) and return its new password."""
    name = name.strip()
    if not name or ":" in name or len(name) > 200:
        raise ServerError("a user name must be 1 to 200 characters without ':'")
    if role not in ROLES:
        raise ServerError(f"role must be one of {', '.join(ROLES)}")
    password = secrets.token_urlsafe(18)  # 24 URL-safe characters, 144 random bits
    hashed = hash_password(password)
    digest = _digest_value(name, password, DIGEST_REALM)
    with engine.connect().execution_options(**db.WRITE) as conn, conn.begin():
        row = conn.execute(select(db.users.c.revoked).where(db.users.c.name == name)).first()
        if row is not None and not row.revoked:
            raise ServerError(f"user {name!r} already exists (remove it first for a new password)")
        values = dict(
            role=role,
            password_hash=hashed,
            revoked=False,
            created_at=now_timestamp(),
            digest_ha1=digest,
        )
        if row is None:
            conn.execute(insert(db.users).values(name=name, **values))
        else:
            conn.execute(update(db.users).where(db.users.c.name == name).values(**values))
    return password


def remove_user(engine: Engine, name: str) -> None:
    """Revoke ``name``: its password stops working (within the server's auth cache TTL)."""
    with engine.connect().execution_options(**db.WRITE) as conn, conn.begin():
        result = conn.execute(
            update(db.users)
            .where(db.users.c.name == name, db.users.c.revoked.is_(False))
            .values(revoked=True, password_hash="!", digest_ha1=None)
        )
        if result.rowcount == 0:
            raise ServerError(f"no active user named {name!r}", 404)


def get_account(engine: Engine, name: str) -> Account | None:
    with engine.connect() as conn:
        row = conn.execute(
            select(
                db.users.c.name,
                db.users.c.role,
                db.users.c.password_hash,
                db.users.c.revoked,
                db.users.c.digest_ha1,
            ).where(db.users.c.name == name)
        ).first()
    return (
        Account(row.name, row.role, row.password_hash, bool(row.revoked), row.digest_ha1)
        if row
        else None
    )


def list_users(engine: Engine) -> list[Account]:
    with engine.connect() as conn:
        rows = conn.execute(select(db.users).order_by(db.users.c.name)).all()
    return [Account(r.name, r.role, "", bool(r.revoked)) for r in rows]


# --- forms -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedForm:
    """A form version published on the server (its row in ``forms``)."""

    pk: int
    form_id: str
    version: str
    title: str
    hash: str
    has_media: bool


MEDIA_REFERENCE = re.compile(r"jr://(?:images|audio|video|file|file-csv)/([^\"'<>\s]+)")


def referenced_media(form) -> set[str]:
    """File names the form's XForm refers to (``jr://images/logo.png`` → ``logo.png``)."""
    return {unquote(name) for name in MEDIA_REFERENCE.findall(form.xform)}


def media_beside(form, path) -> dict[str, bytes]:
    """The referenced media files found beside the XLSForm or in its ``<name>-media`` folder."""
    found: dict[str, bytes] = {}
    for name in referenced_media(form):
        if "/" in name or "\\" in name or ".." in name:
            continue
        for folder in (path.parent, path.parent / f"{path.stem}-media"):
            candidate = folder / name
            if candidate.is_file():
                found[name] = candidate.read_bytes()
                break
    return found


def media_used(form, available: dict[str, bytes]) -> dict[str, bytes]:
    """The media files the form's XForm names (images, audio, video, CSV/XML files) that are
    in ``available`` (the files beside the form, or uploaded with it) or in the form's own
    ``media_files``. Only what the XForm references: the loader hands an XForm every
    CSV/XML file beside it, and those are not all the form's."""
    names = referenced_media(form)
    used = {name: data for name, data in (form.media_files or {}).items() if name in names}
    used.update({name: data for name, data in available.items() if name in names})
    return used


def publish_form(
    engine: Engine, form, *, media: dict[str, bytes] | None = None, published_by: str = ""
) -> tuple[PublishedForm, bool]:
    """Publish a loaded :class:`~surveyor.forms.Form`; return its entry and whether it is new.

    ``media``: the files available with it (see :func:`media_used`). The same form_id and
    version again with the same XForm is a no-op; with a different XForm it is refused (ODK
    rule: a changed form needs a new version).
    """
    media_files = media_used(form, media or {})
    xform = form.xform.encode("utf-8")
    content_hash = "md5:" + hashlib.md5(xform).hexdigest()
    with engine.connect().execution_options(**db.WRITE) as conn, conn.begin():
        row = conn.execute(
            select(db.forms.c.id, db.forms.c.hash).where(
                db.forms.c.form_id == form.form_id, db.forms.c.version == form.version
            )
        ).first()
        if row is not None:
            if row.hash != content_hash:
                raise ServerError(
                    f"form {form.form_id!r} version {form.version!r} is already published with "
                    "a different content: change the version in the settings sheet",
                    409,
                )
            return _published_form(conn, row.id), False
        pk = conn.execute(
            insert(db.forms).values(
                form_id=form.form_id,
                version=form.version,
                title=form.title or form.form_id,
                xform=xform,
                hash=content_hash,
                published_at=now_timestamp(),
                published_by=published_by,
            )
        ).inserted_primary_key[0]
        for filename, content in sorted(media_files.items()):
            conn.execute(
                insert(db.form_media).values(
                    form_pk=pk,
                    filename=filename,
                    hash="md5:" + hashlib.md5(content).hexdigest(),
                    content=content,
                )
            )
        return _published_form(conn, pk), True


def _published_form(conn, pk: int) -> PublishedForm:
    return _published_forms(conn, db.forms.c.id == pk)[0]


def _published_forms(conn, *where) -> list[PublishedForm]:
    f = db.forms.c
    media = select(db.form_media.c.form_pk).distinct().subquery()
    query = (
        select(f.id, f.form_id, f.version, f.title, f.hash, media.c.form_pk)
        .outerjoin(media, media.c.form_pk == f.id)
        .where(*where)
        .order_by(f.id)
    )
    return [
        PublishedForm(r.id, r.form_id, r.version, r.title, r.hash, r.form_pk is not None)
        for r in conn.execute(query)
    ]


def list_forms(engine: Engine, *, form_id: str | None = None, all_versions: bool = False):
    """Published forms: by default the latest published version of each form_id."""
    with engine.connect() as conn:
        entries = _published_forms(conn, *([db.forms.c.form_id == form_id] if form_id else []))
    if all_versions:
        return entries
    latest: dict[str, PublishedForm] = {}
    for entry in entries:  # by id: the last one published wins
        latest[entry.form_id] = entry
    return sorted(latest.values(), key=lambda e: e.form_id)


def find_form(engine: Engine, form_id: str, version: str) -> PublishedForm | None:
    with engine.connect() as conn:
        found = _published_forms(conn, db.forms.c.form_id == form_id, db.forms.c.version == version)
    return found[0] if found else None


def form_exists(engine: Engine, form_id: str) -> bool:
    with engine.connect() as conn:
        return (
            conn.execute(
                select(func.count()).select_from(db.forms).where(db.forms.c.form_id == form_id)
            ).scalar_one()
            > 0
        )


def _value_or_none(engine: Engine, column, *where) -> Any:
    """The value of ``column`` in the one row where ``where`` holds, or None."""
    with engine.connect() as conn:
        return conn.execute(select(column).where(*where)).scalar_one_or_none()


def form_xml(engine: Engine, form_id: str, version: str) -> bytes | None:
    forms = db.forms.c
    return _value_or_none(engine, forms.xform, forms.form_id == form_id, forms.version == version)


def form_media_list(engine: Engine, pk: int) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(db.form_media.c.filename, db.form_media.c.hash)
            .where(db.form_media.c.form_pk == pk)
            .order_by(db.form_media.c.filename)
        ).all()
    return [(r.filename, r.hash) for r in rows]


def form_media_content(engine: Engine, pk: int, filename: str) -> bytes | None:
    media = db.form_media.c
    return _value_or_none(engine, media.content, media.form_pk == pk, media.filename == filename)


# --- submissions -----------------------------------------------------------------------------


@dataclass
class Incoming:
    """One POST /submission, checked and parsed, waiting to be stored."""

    instance_id: str
    form_id: str
    form_version: str
    xml: bytes
    deprecated_id: str | None
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)  # name, type, data
    user: str = ""
    client: str = ""
    xml_md5: str = ""
    incomplete: bool = False  # Collect's ``*isIncomplete*``: more parts of it follow

    def __post_init__(self):
        if not self.xml_md5:
            self.xml_md5 = hashlib.md5(self.xml).hexdigest()


@dataclass(frozen=True)
class Receipt:
    """The server's answer to one submission it was given."""

    status: int  # 201 stored or already there; 409 conflict
    message: str
    new: bool = False


def store_submissions(engine: Engine, batch: list[Incoming]) -> list[Receipt]:
    """Store a batch of submissions in ONE transaction (group commit); an outcome per item.

    Returns only after the commit: a 201 may then be answered for each stored item. When
    another process inserted one of the same instanceIDs meanwhile, the unique constraint
    fails the transaction, and it is run again (it then sees that row).
    """
    for attempt in range(5):
        try:
            with engine.connect().execution_options(**db.WRITE) as conn, conn.begin():
                return _store_in(conn, batch)
        except IntegrityError:
            if attempt == 4:
                raise
            log.info("concurrent insert of the same submission: retrying the batch")
    raise AssertionError("unreachable")


def _store_in(conn, batch: list[Incoming]) -> list[Receipt]:
    """The rules, in batch order. An instanceID is scoped to its form (ODK Central's rule):
    every key below is ``(form_id, instance_id)``, and an edit replaces a submission of its
    own form only.

    These are the server's own rules, not the coordinator's merge rules
    (:mod:`surveyor.interviews.merging`), whose refusals alone (an edit naming itself, a loop)
    they share: the server is the first to receive a submission and can still say no, so a
    different submission under a known instanceID, or an edit of a version already replaced,
    is answered 409 and stays on the device to be looked at; the merge receives versions that
    nobody can send again and so keeps them all and lists the conflicts. The server also
    compares the XML's bytes, having no form engine to read answers with."""
    s = db.submissions.c
    now = now_timestamp()
    forms = {item.form_id for item in batch}
    ids = {item.instance_id for item in batch}
    wanted = ids | {item.deprecated_id for item in batch if item.deprecated_id}
    known: dict[tuple[str, str], dict] = {
        (r.form_id, r.instance_id): {
            "xml_md5": r.xml_md5,
            "xml": r.xml,
            "superseded_by": r.superseded_by,
        }
        for r in conn.execute(
            select(s.form_id, s.instance_id, s.xml_md5, s.xml, s.superseded_by).where(
                s.instance_id.in_(wanted), s.form_id.in_(forms)
            )
        )
    }
    # Edits that arrived before the submission they replace.
    edited_by = {
        (r.form_id, r.deprecated_id): r.instance_id
        for r in conn.execute(
            select(s.form_id, s.instance_id, s.deprecated_id).where(
                s.deprecated_id.in_(ids), s.form_id.in_(forms)
            )
        )
    }
    outcomes: list[Receipt] = []
    new_rows: list[dict] = []
    new_attachments: list[dict] = []
    supersede: list[tuple[str, str, str]] = []  # (form, old, new)
    have_attachments: dict[tuple[str, str], set[str]] = {}
    pending: dict[tuple[str, str], str] = {}  # edits accepted in this batch -> deprecatedID
    p = db.partial_submissions.c
    partials: dict[tuple[str, str], dict] = {  # split submissions waiting for their last part
        (r.form_id, r.instance_id): {"xml_md5": r.xml_md5}
        for r in conn.execute(
            select(p.form_id, p.instance_id, p.xml_md5).where(
                p.instance_id.in_(ids), p.form_id.in_(forms)
            )
        )
    }

    def add_attachments(item: Incoming, existing: set[str]) -> int:
        added = 0
        for name, content_type, data in item.attachments:
            if name in existing:
                continue  # a retry re-sending it: keep the first copy
            existing.add(name)
            new_attachments.append(
                dict(
                    form_id=item.form_id,
                    instance_id=item.instance_id,
                    name=name,
                    content_type=content_type,
                    md5=hashlib.md5(data).hexdigest(),
                    content=data,
                    received_at=now,
                )
            )
            added += 1
        return added

    for item in batch:
        key = (item.form_id, item.instance_id)
        current = known.get(key)
        if current is None and names_itself(item.instance_id, item.deprecated_id):
            outcomes.append(
                Receipt(
                    400,
                    f"the submission {item.instance_id} names itself as the version "
                    "it replaces (deprecatedID = instanceID)",
                )
            )
            continue
        if (
            current is None
            and item.deprecated_id
            and edit_loops(
                {item.instance_id: item.deprecated_id},
                lambda iid, f=item.form_id: pending.get((f, iid)) or _deprecated_of(conn, f, iid),
            )
        ):
            outcomes.append(
                Receipt(
                    400,
                    f"the submission {item.instance_id} and the versions it replaces "
                    "would form a loop (deprecatedID names a later edit of itself)",
                )
            )
            continue
        if current is None and (item.incomplete or key in partials):
            partial = partials.get(key)
            if partial is not None and partial["xml_md5"] != item.xml_md5:
                outcomes.append(
                    Receipt(
                        409,
                        f"a different submission with instanceID {item.instance_id} "
                        f"is being received for form {item.form_id}",
                    )
                )
                continue
            if item.incomplete:
                _store_part(conn, item, partial, now)
                partials[key] = {"xml_md5": item.xml_md5}
                outcomes.append(Receipt(201, "part received; waiting for the rest"))
                continue
            # The last part: the earlier parts' files join it, and it is stored as new.
            sent = {name for name, _t, _d in item.attachments}
            item.attachments = list(item.attachments) + [
                a for a in _take_parts(conn, key) if a[0] not in sent
            ]
            partials.pop(key, None)
        if current is not None:
            if current["xml_md5"] != item.xml_md5 or bytes(current["xml"]) != item.xml:
                outcomes.append(
                    Receipt(
                        409,
                        f"a different submission with instanceID {item.instance_id} "
                        f"was already received for form {item.form_id}",
                    )
                )
                continue
            if key not in have_attachments:
                have_attachments[key] = _attachment_names(conn, *key)
            added = add_attachments(item, have_attachments[key])
            outcomes.append(
                Receipt(
                    201,
                    f"already received; {added} new attachment(s) added"
                    if added
                    else "already received",
                )
            )
            continue
        if item.deprecated_id:
            old = known.get((item.form_id, item.deprecated_id))
            if old is not None and old["superseded_by"] not in (None, item.instance_id):
                outcomes.append(
                    Receipt(
                        409,
                        f"{item.deprecated_id} was already replaced by "
                        f"{old['superseded_by']}: edit the current version",
                    )
                )
                continue
            if old is not None:
                old["superseded_by"] = item.instance_id
                supersede.append((item.form_id, item.deprecated_id, item.instance_id))
            else:
                edited_by.setdefault((item.form_id, item.deprecated_id), item.instance_id)
        superseded_by = edited_by.get(key)
        new_rows.append(
            dict(
                instance_id=item.instance_id,
                form_id=item.form_id,
                form_version=item.form_version,
                xml=item.xml,
                xml_md5=item.xml_md5,
                deprecated_id=item.deprecated_id,
                superseded_by=superseded_by,
                received_at=now,
                submitted_by=item.user,
            )
        )
        known[key] = {"xml_md5": item.xml_md5, "xml": item.xml, "superseded_by": superseded_by}
        if item.deprecated_id:
            pending[key] = item.deprecated_id
        have_attachments[key] = set()
        add_attachments(item, have_attachments[key])
        outcomes.append(Receipt(201, "submission received", new=True))
    if new_rows:
        conn.execute(insert(db.submissions), new_rows)
    if new_attachments:
        conn.execute(insert(db.attachments), new_attachments)
    for form_id, old_id, new_id in supersede:
        conn.execute(
            update(db.submissions)
            .where(s.form_id == form_id, s.instance_id == old_id)
            .values(superseded_by=new_id)
        )
    return outcomes


def _deprecated_of(conn, form_id: str, instance_id: str) -> str | None:
    """The deprecatedID of a stored submission of ``form_id`` (None: none, or not stored)."""
    s = db.submissions.c
    return conn.execute(
        select(s.deprecated_id).where(s.form_id == form_id, s.instance_id == instance_id)
    ).scalar_one_or_none()


def _store_part(conn, item: Incoming, partial: dict | None, now: str) -> None:
    """Keep a part of a split submission (not its last) until the last one arrives."""
    pa = db.partial_attachments.c
    if partial is None:
        conn.execute(
            insert(db.partial_submissions).values(
                form_id=item.form_id,
                instance_id=item.instance_id,
                xml=item.xml,
                xml_md5=item.xml_md5,
                received_at=now,
            )
        )
    have = set(
        conn.execute(
            select(pa.name).where(pa.form_id == item.form_id, pa.instance_id == item.instance_id)
        ).scalars()
    )
    for name, content_type, data in item.attachments:
        if name not in have:
            have.add(name)
            conn.execute(
                insert(db.partial_attachments).values(
                    form_id=item.form_id,
                    instance_id=item.instance_id,
                    name=name,
                    content_type=content_type,
                    content=data,
                )
            )


def _take_parts(conn, key: tuple[str, str]) -> list[tuple[str, str, bytes]]:
    """The files of the earlier parts, removed from the waiting tables."""
    pa, p = db.partial_attachments.c, db.partial_submissions.c
    files = [
        (r.name, r.content_type, bytes(r.content))
        for r in conn.execute(
            select(pa.name, pa.content_type, pa.content)
            .where(pa.form_id == key[0], pa.instance_id == key[1])
            .order_by(pa.id)
        )
    ]
    conn.execute(
        delete(db.partial_attachments).where(pa.form_id == key[0], pa.instance_id == key[1])
    )
    conn.execute(delete(db.partial_submissions).where(p.form_id == key[0], p.instance_id == key[1]))
    return files


def _attachment_names(conn, form_id: str, instance_id: str) -> set[str]:
    a = db.attachments.c
    return set(
        conn.execute(
            select(a.name).where(a.form_id == form_id, a.instance_id == instance_id)
        ).scalars()
    )


def read_submissions(engine: Engine, since: int, limit: int) -> tuple[list[dict], int]:
    """Submissions received after cursor ``since``, oldest first; and the next cursor."""
    s = db.submissions.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(db.submissions)
            .where(s.seq > since, s.form_id != ERASED_FORM)
            .order_by(s.seq)
            .limit(limit)
        ).all()
        names: dict[str, list[str]] = {}
        if rows:
            a = db.attachments.c
            for r in conn.execute(
                select(a.form_id, a.instance_id, a.name)
                .where(a.instance_id.in_([r.instance_id for r in rows]))
                .order_by(a.id)
            ):
                names.setdefault((r.form_id, r.instance_id), []).append(r.name)
    out = [
        {
            "instance_id": r.instance_id,
            "form_id": r.form_id,
            "form_version": r.form_version,
            "xml": bytes(r.xml).decode("utf-8", "replace"),
            "deprecated_id": r.deprecated_id,
            "superseded_by": r.superseded_by,
            "received_at": r.received_at,
            "submitted_by": r.submitted_by,
            "attachments": names.get((r.form_id, r.instance_id), []),
        }
        for r in rows
    ]
    return out, (rows[-1].seq if rows else since)


def read_attachment(
    engine: Engine, instance_id: str, name: str, form_id: str | None = None
) -> tuple[str, bytes] | None:
    """An attachment's declared type and bytes. ``form_id`` may be left out while the
    instanceID belongs to one form only; otherwise ServerError 409 asks for it."""
    a = db.attachments.c
    where = [a.instance_id == instance_id, a.name == name]
    if form_id is not None:
        where.append(a.form_id == form_id)
    with engine.connect() as conn:
        rows = conn.execute(
            select(a.form_id, a.content_type, a.content).where(*where).limit(2)
        ).all()
    if len(rows) > 1:
        raise ServerError(
            f"instanceID {instance_id} is used by several forms: add ?form_id=FORM to say which",
            409,
        )
    return (rows[0].content_type, bytes(rows[0].content)) if rows else None


def count_submissions(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(
            select(func.count())
            .select_from(db.submissions)
            .where(db.submissions.c.form_id != ERASED_FORM)
        ).scalar_one()


# --- door-to-door fieldwork (docs/server.md, "Fieldwork") -----------------------------------

MAX_FIELDWORK_RECORDS = 5000  # doors + visits in one request (the laptop sends 500 visits)


@dataclass(frozen=True)
class FieldworkReceipt:
    new_doors: int
    new_visits: int
    known_visits: int


def parse_fieldwork(body: bytes) -> tuple[list[dict], list[dict]]:
    """The door and visit records of a ``POST /surveyor/v1/fieldwork`` body, checked as a
    batch's are (ServerError 400 naming the record, or the limit); visits as dicts."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ServerError(f"the body is not JSON: {exc}") from exc
    if not isinstance(data, dict) or set(data) - {"doors", "visits"}:
        raise ServerError('the body must be an object with "doors" and "visits" lists only')
    try:
        doors = door_records(data.get("doors", []))
        visits = [v.to_dict() for v in visit_records(data.get("visits", []))]
    except ValueError as exc:
        raise ServerError(f"a fieldwork record is malformed: {exc}") from exc
    if len(doors) + len(visits) > MAX_FIELDWORK_RECORDS:
        raise ServerError(
            f"{len(doors) + len(visits)} records in one request: send at most "
            f"{MAX_FIELDWORK_RECORDS}",
            413,
        )
    return doors, visits


def store_fieldwork(
    engine: Engine, doors: list[dict], visits: list[dict], user: str
) -> FieldworkReceipt:
    """Keep the records not yet here (a visit by its uuid, a door by its id: the first
    received stays), in one transaction. A visit naming a door neither in the request nor
    already here is refused (ServerError 400) and nothing is stored."""
    for attempt in range(3):
        try:
            with engine.connect().execution_options(**db.WRITE) as conn, conn.begin():
                return _store_fieldwork_in(conn, doors, visits, user)
        except IntegrityError:  # another process stored the same record meanwhile
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _known_keys(conn, kind: str, keys: list[str]) -> set[str]:
    f = db.fieldwork_records.c
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        found.update(
            conn.execute(
                select(f.key).where(f.kind == kind, f.key.in_(keys[start : start + 500]))
            ).scalars()
        )
    return found


def _store_fieldwork_in(conn, doors, visits, user) -> FieldworkReceipt:
    known_doors = _known_keys(conn, "door", [d["door_id"] for d in doors])
    named = sorted({v["door_id"] for v in visits} - {d["door_id"] for d in doors})
    missing = set(named) - _known_keys(conn, "door", named)
    if missing:
        first = sorted(missing)[0]
        raise ServerError(
            f"a visit names the door {first!r}, which is neither in the request nor on the "
            "server: send its door record with it"
        )
    known_visits = _known_keys(conn, "visit", [v["visit_id"] for v in visits])
    now = now_timestamp()
    rows = [
        {"kind": "door", "key": d["door_id"], "record": json.dumps(d, ensure_ascii=False)}
        for d in doors
        if d["door_id"] not in known_doors
    ] + [
        {"kind": "visit", "key": v["visit_id"], "record": json.dumps(v, ensure_ascii=False)}
        for v in visits
        if v["visit_id"] not in known_visits
    ]
    if rows:
        conn.execute(
            insert(db.fieldwork_records),
            [{**r, "received_at": now, "submitted_by": user} for r in rows],
        )
    new_doors = sum(1 for r in rows if r["kind"] == "door")
    return FieldworkReceipt(new_doors, len(rows) - new_doors, len(visits) - (len(rows) - new_doors))


def read_fieldwork(engine: Engine, since: int, limit: int) -> tuple[dict, int]:
    """The records received after cursor ``since``, in the order received (a door before
    the visits sent with it): ``{"doors": [...], "visits": [...]}``, and the next cursor."""
    f = db.fieldwork_records.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(f.seq, f.kind, f.record, f.submitted_by)
            .where(f.seq > since)
            .order_by(f.seq)
            .limit(limit)
        ).all()
    page: dict[str, list] = {"doors": [], "visits": []}
    for row in rows:
        page["doors" if row.kind == "door" else "visits"].append(json.loads(row.record))
    return page, (rows[-1].seq if rows else since)


# --- the campaign package (docs/server.md, "The campaign package") ---------------------------


@dataclass(frozen=True)
class CampaignPackage:
    """The campaign package the server holds (its bytes apart: see :func:`campaign_package`)."""

    campaign_id: str
    revision: int
    sha256: str
    size: int
    published_at: str
    published_by: str

    @property
    def etag(self) -> str:
        return f'"{self.sha256}"'

    def to_dict(self) -> dict:
        return asdict(self)


def _package_columns():
    c = db.campaign_packages.c
    return (c.campaign_id, c.revision, c.sha256, c.size, c.published_at, c.published_by)


def _newest_package(conn) -> CampaignPackage | None:
    c = db.campaign_packages.c
    row = conn.execute(select(*_package_columns()).order_by(c.revision.desc()).limit(1)).first()
    return CampaignPackage(*row) if row is not None else None


def store_campaign(
    engine: Engine, content: bytes, campaign_id: str, revision: int, user: str
) -> tuple[CampaignPackage, bool]:
    """Keep ``content`` (a package already checked by the reader) as the campaign's newest;
    (the package, whether it is new). The same revision again with the same bytes is a no-op;
    an older revision, the same one with other bytes, or another campaign's package is refused
    (ServerError 409) and nothing changes. Older revisions are deleted."""
    digest = hashlib.sha256(content).hexdigest()
    with engine.connect().execution_options(**db.WRITE) as conn, conn.begin():
        current = _newest_package(conn)
        if current is not None:
            if current.campaign_id != campaign_id:
                raise ServerError(
                    f"this server holds the packages of campaign {current.campaign_id[:8]}; "
                    f"this one belongs to campaign {campaign_id[:8]}",
                    409,
                )
            if revision == current.revision:
                if digest == current.sha256:
                    return current, False
                raise ServerError(
                    f"revision {revision} is already here with another content: write a new "
                    "package (each export is a new revision)",
                    409,
                )
            if revision < current.revision:
                raise ServerError(
                    f"revision {revision} is older than revision {current.revision} already here",
                    409,
                )
        package = CampaignPackage(
            campaign_id, revision, digest, len(content), now_timestamp(), user
        )
        conn.execute(insert(db.campaign_packages).values(**package.to_dict(), content=content))
        c = db.campaign_packages.c
        conn.execute(delete(db.campaign_packages).where(c.revision < revision))
    return package, True


def campaign_package(
    engine: Engine, if_none_match: str | None = None
) -> tuple[CampaignPackage | None, bytes | None]:
    """The newest package and its bytes, read together; the bytes are None when there is no
    package or when ``if_none_match`` (an ``If-None-Match`` header) names its ETag."""
    with engine.connect() as conn:
        package = _newest_package(conn)
        if package is None or etag_matches(if_none_match, package.etag):
            return package, None
        c = db.campaign_packages.c
        content = conn.execute(
            select(c.content).where(
                c.campaign_id == package.campaign_id, c.revision == package.revision
            )
        ).scalar_one()
    return package, bytes(content)


def etag_matches(header: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` value names ``etag`` (weak ones too) or is ``*``."""
    if not header:
        return False
    for candidate in header.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == etag:
            return True
    return False


# --- erasure (docs/privacy.md, "Erasure reaches the server") ---------------------------------


@dataclass
class ServerErasure:
    """What an erasure removed: the instanceIDs (every version), attachment files, the parts
    of split submissions, the visits that named it (their note blanked), packages dropped."""

    instance_ids: list[str] = field(default_factory=list)
    attachments: int = 0
    partial: int = 0
    visits: int = 0
    packages: int = 0

    def to_dict(self) -> dict:
        return {
            "erased": self.instance_ids,
            "attachments": self.attachments,
            "partial": self.partial,
            "visits": self.visits,
            "packages": self.packages,
        }


def _history(conn, instance_id: str) -> set[str]:
    """Every version of ``instance_id``: the edits it replaced and those that replaced it."""
    s = db.submissions.c
    p = db.partial_submissions.c
    found = {instance_id}
    frontier = {instance_id}
    while frontier:
        batch = sorted(frontier)
        rows = conn.execute(
            select(s.instance_id, s.deprecated_id, s.superseded_by).where(
                s.instance_id.in_(batch) | s.deprecated_id.in_(batch) | s.superseded_by.in_(batch)
            )
        ).all()
        linked = {v for r in rows for v in r if v}
        frontier = linked - found
        found |= linked
    found |= set(
        conn.execute(select(p.instance_id).where(p.instance_id.in_(sorted(found)))).scalars()
    )
    return found


def erase_submission(engine: Engine, instance_id: str) -> ServerErasure:
    """Remove every version of an interview from the server: its submissions, attachments, the
    parts of a split submission, and the note and link of the visits naming it (the visits stay:
    the campaign's figures), and any stored campaign package whose files name it (the
    coordinator publishes a clean one). An unknown instanceID erases nothing (a retry)."""
    result = ServerErasure()
    with engine.connect().execution_options(**db.WRITE) as conn, conn.begin():
        ids = sorted(_history(conn, instance_id))
        s, a = db.submissions.c, db.attachments.c
        pa, p = db.partial_attachments.c, db.partial_submissions.c
        present = set(conn.execute(select(s.instance_id).where(s.instance_id.in_(ids))).scalars())
        top = conn.execute(select(func.max(s.seq)).where(s.instance_id.in_(ids))).scalar()
        result.attachments = conn.execute(
            delete(db.attachments).where(a.instance_id.in_(ids))
        ).rowcount
        conn.execute(delete(db.submissions).where(s.instance_id.in_(ids)))
        _keep_sequence(conn, top)
        result.partial = conn.execute(
            delete(db.partial_attachments).where(pa.instance_id.in_(ids))
        ).rowcount
        partial_ids = set(
            conn.execute(select(p.instance_id).where(p.instance_id.in_(ids))).scalars()
        )
        conn.execute(delete(db.partial_submissions).where(p.instance_id.in_(ids)))
        result.visits = _blank_visits(conn, set(ids))
        result.packages = _drop_packages_naming(conn, ids)
        result.instance_ids = sorted(present | partial_ids)
    _scrub(engine)
    return result


ERASED_FORM = ""  # the form_id of a placeholder row (see _keep_sequence): never read


def _keep_sequence(conn, top: int | None) -> None:
    """SQLite gives a new row the highest ``seq`` + 1: deleting the newest submission would
    hand its number to the next one, which a reader whose cursor is that number would never
    see. A placeholder row (no content, an ``erased:`` name, the form ``""``, skipped by
    readers) keeps the number. PostgreSQL's sequences never give a number twice."""
    if top is None or conn.dialect.name != "sqlite":
        return
    s = db.submissions.c
    newest = conn.execute(select(func.max(s.seq))).scalar()
    if newest is not None and newest > top:
        return
    conn.execute(
        insert(db.submissions).values(
            seq=top,
            instance_id=f"erased:{secrets.token_hex(8)}",
            form_id=ERASED_FORM,
            form_version="",
            xml=b"",
            xml_md5="",
            received_at=now_timestamp(),
            submitted_by="",
        )
    )


def _blank_visits(conn, ids: set[str]) -> int:
    f = db.fieldwork_records.c
    changed = 0
    for instance_id in sorted(ids):
        pattern = "%" + instance_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = conn.execute(
            select(f.seq, f.record).where(
                f.kind == "visit", f.record.like(pattern + "%", escape="\\")
            )
        ).all()
        for row in rows:
            record = json.loads(row.record)
            if record.get("instance_id") not in ids:
                continue
            record.update(note="", instance_id=None)
            conn.execute(
                update(db.fieldwork_records)
                .where(f.seq == row.seq)
                .values(record=json.dumps(record, ensure_ascii=False))
            )
            changed += 1
    return changed


def _drop_packages_naming(conn, ids: list[str]) -> int:
    c = db.campaign_packages.c
    needles = [i.encode("utf-8") for i in ids]
    dropped = 0
    for pk, content in conn.execute(select(c.id, c.content)).all():
        if _zip_mentions(bytes(content), needles):
            conn.execute(delete(db.campaign_packages).where(c.id == pk))
            dropped += 1
    return dropped


VISIT_MEMBERS = "fieldwork/"  # where a package's visits (notes, instanceIDs) are


def _zip_mentions(content: bytes, needles: list[bytes]) -> bool:
    """Whether a fieldwork file of the ZIP ``content`` holds one of ``needles`` (the package
    stays opaque: only those files' bytes are looked at; an erasure list elsewhere in it may
    name the interview, and should)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for info in archive.infolist():
                if not info.filename.startswith(VISIT_MEMBERS):
                    continue
                data = archive.read(info)
                if any(n in data for n in needles):
                    return True
    except (zipfile.BadZipFile, OSError, RuntimeError):
        # a protected package (passphrase): ciphertext to the server, which cannot look in; the
        # laptops apply the erasure list of the coordinator's next package
        return False
    return False


def _scrub(engine: Engine) -> None:
    """SQLite: the freed pages are zeroed (``secure_delete``, set on every connection); the
    WAL, which still holds the old pages, is checkpointed and truncated."""
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
