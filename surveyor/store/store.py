"""The local store: forms, interviews and attached files in one SQLite file, ``surveyor.db``.

Durability first: WAL journal with ``synchronous=FULL``, so a write this class has returned
from survives a killed process or a power cut; every write is one transaction, so a failure
(disk full, read-only medium) raises :class:`~surveyor.errors.StoreError` and leaves nothing
half-written.

One writer owns the database, and that is enforced: a ``Store`` belongs to the thread that
opened it and raises :class:`StoreThreadError` when any other thread uses it (one connection
used by two threads at once mixes their transactions: "no such savepoint", a write committed
by the other's COMMIT). To hand it to another thread (the app's database thread), call
:meth:`Store.bind_to_current_thread` on that thread once the first has finished with it.
(The connection is opened with ``check_same_thread=False`` only so that hand-over is possible.)
"""

from __future__ import annotations

import errno
import hashlib
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterable
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from dataclasses import fields
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from surveyor import jsontext
from surveyor.errors import AttachmentNotFound
from surveyor.errors import DamagedStoreError
from surveyor.errors import DiskFullError
from surveyor.errors import EncryptionError
from surveyor.errors import ErrorCode
from surveyor.errors import FormNotFound
from surveyor.errors import InterviewNotFound
from surveyor.errors import InvalidAttachmentName
from surveyor.errors import StoreBusyError
from surveyor.errors import StoreError
from surveyor.errors import StoreThreadError
from surveyor.interviews import record
from surveyor.interviews.record import Attachment
from surveyor.interviews.record import Clock
from surveyor.interviews.record import Interview
from surveyor.interviews.record import InterviewSummary
from surveyor.interviews.record import Status
from surveyor.paths import resolve_data_dir
from surveyor.store import engine
from surveyor.store import health
from surveyor.store import protection
from surveyor.store import schema
from surveyor.store.queries import StoreQueries
from surveyor.store.queries import summaries_of

DB_NAME = "surveyor.db"
# How long a write waits for another process writing to the same database (the app and a
# command, two commands) before giving up with StoreBusyError.
BUSY_TIMEOUT_MS = 30_000

# The interviews table's columns, from the record's one definition (interviews/record.py).
_SCALAR_COLUMNS = record.SCALAR_COLUMNS
_JSON_COLUMNS = record.JSON_COLUMNS
_INTERVIEW_COLUMNS = record.COLUMN_NAMES  # the order of record.interview_values()
_LIFECYCLE_COLUMNS = record.LIFECYCLE_COLUMNS
_SUMMARY_COLUMNS = tuple(f.name for f in fields(InterviewSummary))


@dataclass
class StoredForm:
    """A form definition as stored. Content fields are None when listed without content."""

    content_hash: str
    form_id: str
    version: str
    title: str
    source_name: str
    added_at: str
    media_names: list[str] = field(default_factory=list)
    source_bytes: bytes | None = None
    xform: str | None = None
    media: dict[str, bytes] | None = None

    def definition(self) -> dict[str, Any]:
        """The form's definition as ``save_form`` (and a batch's ``add_form``) take it."""
        return {
            "content_hash": self.content_hash,
            "form_id": self.form_id,
            "version": self.version,
            "title": self.title,
            "source_name": self.source_name,
            "source_bytes": self.source_bytes,
            "xform": self.xform,
            "media": self.media,
        }


# A SQL condition on ``interviews i``: no interview outside the bin names it as the version
# it replaces (``deprecated_id``). Hand-in and sending pick only such current versions.
NOT_REPLACED = (
    "NOT EXISTS (SELECT 1 FROM interviews r WHERE r.deprecated_id = i.instance_id "
    "AND r.status != 'deleted')"
)


def check_attachment_name(filename: str) -> None:
    """Refuse names with a path separator, '..', a drive colon or control characters."""
    bad = (
        not filename
        or filename.strip() != filename
        or "/" in filename
        or "\\" in filename
        or ":" in filename
        or ".." in filename
        or filename == "."
        or any(ord(c) < 32 for c in filename)
    )
    if bad:
        raise InvalidAttachmentName(
            f"The file name {filename!r} cannot be attached: it must be a plain file name "
            "without '/', '\\', ':' or '..'."
        )


def _dumps(value: Any) -> str:
    return jsontext.dumps(value)


def _lifecycle_values(interview: Interview) -> list[Any]:
    """The values of the columns a status transition changes (``_LIFECYCLE_COLUMNS`` order)."""
    values = []
    for column in _LIFECYCLE_COLUMNS:
        value = getattr(interview, column)
        values.append(
            _dumps(value)
            if column in _JSON_COLUMNS
            else str(value)
            if column == "status"
            else value
        )
    return values


def _nearly_full(path: Path) -> bool:
    """Less than a megabyte free where ``path`` lives."""
    try:
        return shutil.disk_usage(Path(path).parent).free < 1024 * 1024
    except OSError:
        return False


def store_error(error: Exception, path: Path, what: str) -> StoreError:
    """One clear sentence for an SQLite error while doing ``what``, as the right StoreError."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == sqlite3.SQLITE_FULL:
        return DiskFullError(
            f"The disk is full: could not {what}. Free some space and try again; "
            "nothing was changed."
        )
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
        return StoreError(
            f"The database {path} cannot be written (read-only disk or folder?): could not "
            f"{what}; nothing was changed.",
            code=ErrorCode.STORE_READ_ONLY,
        )
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreBusyError(
            f"The database {path} is busy: another Surveyor (the app or a command) has been "
            f"writing to it for more than {BUSY_TIMEOUT_MS // 1000} s, so could not {what}; "
            "nothing was changed. Try again when it has finished."
        )
    if primary == sqlite3.SQLITE_IOERR:
        if _nearly_full(path):  # a full disk often shows as an I/O error (the -shm file...)
            return DiskFullError(
                f"The disk is full: could not {what}. Free some space and try again; "
                "nothing was changed."
            )
        return StoreError(
            f"A disk error occurred: could not {what}; nothing was changed ({error})."
        )
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return DamagedStoreError(
            f"The database {path} is damaged or is not a Surveyor database ({error}): could not "
            f"{what}. Run `surveyor doctor` to check it and `surveyor doctor --repair` to "
            "rebuild it from what can still be read."
        )
    return StoreError(f"Could not {what} in {path}: {error}.")


def _programming_error(error: Exception, what: str) -> str:
    """A misuse of the connection: a closed database, or a value SQLite cannot store."""
    if "closed" in str(error).lower():
        return f"Could not {what}: the database is closed ({error})."
    return f"Could not {what}: a value the database cannot store ({error}); nothing was changed."


class Store(StoreQueries):
    """Forms and interviews in ``surveyor.db``. Open with :meth:`open`; close when done."""

    def __init__(
        self, db: Database, path: Path, *, clock: Clock | None = None, key: bytes | None = None
    ):
        """Use :meth:`open`."""
        self._database = db
        self.key = key  # the key of a store encrypted at rest (docs/privacy.md), else None
        self._owner = threading.get_ident()
        self.path = path
        self._clock = clock or record.utc_now
        self.backup_path: Path | None = None  # the copy made before the last migration, if any
        self.rolling_backup: Path | None = None  # the rolling copy made at this opening, if any

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path | str | None = None,
        *,
        clock: Clock | None = None,
        backup: bool = True,
        passphrase: str | None = None,
    ) -> Store:
        """Open (creating or migrating as needed) ``surveyor.db`` in the data directory.

        A damaged database is refused (:class:`DamagedStoreError`, nothing written; see
        ``surveyor.store.health`` for when the check runs). ``backup``: make the rolling
        backup when one is due (short-lived connections of background passes say False).
        A store encrypted at rest is unlocked by ``passphrase``, else as
        :func:`surveyor.store.protection.unlock` finds its key (keychain, this process's
        earlier unlocking, ``$SURVEYOR_STORE_PASSPHRASE``); without it,
        :class:`StoreLockedError`, nothing read nor written.
        """
        try:
            path = resolve_data_dir(data_dir) / DB_NAME
            key = protection.unlock(path.parent, passphrase)
        except OSError as e:
            raise StoreError(f"Cannot use the data folder {data_dir}: {e}") from e
        try:
            conn = engine.connect(
                path, key, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        except engine.Error as e:
            raise store_error(e, path, "open the database") from e
        db = Database(conn, execute_plugins=False, recursive_triggers=False)
        store = cls(db, path, clock=clock, key=key)
        try:
            store._prepare(backup=backup)
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self, *, backup: bool) -> None:
        db = self._db
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            schema.check_not_newer(db, self.path)  # reads only
            now = self._clock()
            existing = schema.schema_version(db) > 0
            backup_due = backup and existing and health.backup_due(self.path, now)
            if existing and (
                backup_due or health.database_size(self.path) <= health.CHECK_EVERY_OPEN_BYTES
            ):
                self._refuse_if_damaged()
            self._enable_wal()
            db.execute("PRAGMA synchronous = FULL")
            # macOS: fsync() does not reach the platters; F_FULLFSYNC does (ignored elsewhere).
            db.execute("PRAGMA fullfsync = ON")
            db.execute("PRAGMA checkpoint_fullfsync = ON")
            db.execute("PRAGMA foreign_keys = ON")
            # Deleted and overwritten content is zeroed, not left in free pages: an encrypted
            # interview's plain answers must not survive its finalizing (docs/privacy.md).
            db.execute("PRAGMA secure_delete = ON")
            self.backup_path = schema.backup_before_migrating(db, self.path, now=now, key=self.key)
            if schema.MIGRATIONS.pending(db):
                # BEGIN IMMEDIATE: one process migrates, the others wait and then find nothing
                # left to do (two first starts at once on a fresh data dir).
                with self.transaction("update the database"):
                    schema.migrate(db)
            if backup_due:
                try:
                    self.rolling_backup = health.make_backup(
                        db.conn, self.path, reason="start", now=now, key=self.key
                    )
                except (OSError, *engine.Error):
                    pass  # a missed rolling copy must not stop the work; the next opening retries
        except StoreError as e:
            if self.backup_path and not isinstance(e, StoreBusyError):
                raise type(e)(
                    f"{e} A copy made before the update is in {self.backup_path}.", code=e.code
                ) from e
            raise
        except engine.Error as e:
            error = store_error(e, self.path, "open and update the database")
            if self.backup_path:
                error = type(error)(
                    f"{error} A copy made before the update is in {self.backup_path}.",
                    code=error.code,
                )
            raise error from e

    def _refuse_if_damaged(self) -> None:
        problems = health.quick_check(self._db.conn)
        if problems:
            raise DamagedStoreError(
                f"The database {self.path} is damaged ({problems[0]}); nothing was written to "
                "it. Run `surveyor doctor --repair` (or choose Repair in the app) to rebuild it "
                "from what can still be read and from its backups; the damaged file is kept."
            )

    def backup(self, *, reason: str) -> Path | None:
        """A rolling backup now (before a merge...), in ``backups/`` of the data dir; None
        when nothing was written since the newest one. Raises StoreError (DiskFullError...)."""
        try:
            return health.make_backup(
                self._db.conn, self.path, reason=reason, now=self._clock(), key=self.key
            )
        except engine.Error as e:
            raise store_error(e, self.path, f"back up the database before the {reason}") from e
        except OSError as e:
            if e.errno == errno.ENOSPC:
                raise DiskFullError(
                    f"The disk is full: could not back up the database before the {reason}. "
                    "Free some space and try again; nothing was changed."
                ) from e
            raise StoreError(
                f"Could not back up the database before the {reason} ({e.strerror or e}); "
                "nothing was changed."
            ) from e

    def _enable_wal(self) -> None:
        """Switch to WAL once (it stays in the file). SQLite answers "busy" at once, without
        waiting, when another process holds the file at that moment (two first starts at
        once), so retry for as long as a write would wait."""
        conn = self._db.conn
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    conn.execute("PRAGMA journal_mode = wal")
                return
            except engine.OperationalError as e:
                code = getattr(e, "sqlite_errorcode", 0) & 0xFF
                if code not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    raise
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    @property
    def schema_version(self) -> int:
        return schema.schema_version(self._db)

    @property
    def _db(self) -> Database:
        """The connection, for the owning thread only (every query goes through here)."""
        if threading.get_ident() != self._owner:
            raise StoreThreadError(
                f"The store {self.path} was used from another thread "
                f"({threading.current_thread().name}) than the one that owns it: one thread "
                "owns a store (the app's database thread); send the work there, or hand the "
                "store over with bind_to_current_thread()."
            )
        return self._database

    def bind_to_current_thread(self) -> None:
        """Make the calling thread the owner; the previous owner must be done with the store
        (its later use raises StoreThreadError). Not for use while a transaction is open."""
        if self._database.conn.in_transaction:
            raise StoreThreadError(
                f"The store {self.path} cannot change threads in the middle of a transaction."
            )
        self._owner = threading.get_ident()

    @property
    def db(self) -> Database:
        """The sqlite-utils Database, for tests and diagnostics; services use the methods."""
        return self._db

    def close(self) -> None:
        """Close the connection (idempotent; from the owning thread)."""
        db = self._db
        try:
            db.close()
        except engine.Error:
            pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- helpers ---------------------------------------------------------------------------

    def now(self) -> str:
        """The current time from the store's clock, as a stored timestamp."""
        return record.now_timestamp(self._clock)

    _now = now

    @contextmanager
    def transaction(self, what: str) -> Iterator[Database]:
        """One write transaction, all or nothing; ``what`` names it in error messages.

        ``BEGIN IMMEDIATE`` takes the write lock at the start, waiting up to
        ``BUSY_TIMEOUT_MS`` for another process's write to end (a plain ``BEGIN`` would fail
        at once when its first read is older than that write). Nested calls are savepoints of
        the outer transaction. Any SQLite error, the COMMIT's included (disk full), rolls
        back and becomes a StoreError (``DiskFullError``, ``StoreBusyError``...).
        """
        db = self._db
        conn = db.conn
        try:
            if conn.in_transaction:
                with db.atomic():  # a savepoint
                    yield db
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.rollback()
                raise
            try:
                conn.execute("COMMIT")
            except BaseException:
                db.rollback()
                raise
        except engine.ProgrammingError as e:
            raise StoreError(_programming_error(e, what)) from e
        except engine.Error as e:
            raise store_error(e, self.path, what) from e

    _writing = transaction

    @contextmanager
    def reading(self, what: str) -> Iterator[Database]:
        """Reads (no transaction of their own); any SQLite error becomes a StoreError naming
        ``what``."""
        try:
            yield self._db
        except engine.ProgrammingError as e:
            raise StoreError(_programming_error(e, what)) from e
        except engine.Error as e:
            raise store_error(e, self.path, what) from e

    _reading = reading

    # --- forms -----------------------------------------------------------------------------

    def save_form(
        self,
        *,
        form_id: str,
        version: str,
        title: str,
        content_hash: str,
        source_name: str,
        source_bytes: bytes | None,
        xform: str,
        media: dict[str, bytes] | None = None,
    ) -> StoredForm:
        """Store a form definition once (idempotent: a known content hash changes nothing)."""
        media = media or {}
        for name in media:
            check_attachment_name(name)
        with self._writing(f"save the form {form_id}") as db:
            db.execute(
                "INSERT INTO forms (content_hash, form_id, version, title, source_name, "
                "source_bytes, xform, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (content_hash) DO NOTHING",
                [
                    content_hash,
                    form_id,
                    version,
                    title,
                    source_name,
                    source_bytes,
                    xform,
                    self._now(),
                ],
            )
            for name, data in media.items():
                db.execute(
                    "INSERT INTO form_media (content_hash, filename, data) VALUES (?, ?, ?) "
                    "ON CONFLICT DO NOTHING",
                    [content_hash, name, bytes(data)],
                )
        return self._form_row(content_hash, with_content=False)

    def get_form(self, content_hash: str) -> StoredForm:
        """The form definition with this hash, with its file, XForm and media."""
        return self._form_row(content_hash, with_content=True)

    def list_forms(
        self, *, form_id: str | None = None, with_content: bool = False
    ) -> list[StoredForm]:
        """Every stored form definition (by form_id, oldest first), without blobs by default."""
        with self._reading("list the forms") as db:
            where, params = ("WHERE form_id = ?", [form_id]) if form_id is not None else ("", [])
            hashes = [
                row[0]
                for row in db.execute(
                    f"SELECT content_hash FROM forms {where} ORDER BY form_id, added_at, rowid",
                    params,
                )
            ]
        return [self._form_row(h, with_content=with_content) for h in hashes]

    def _form_row(self, content_hash: str, *, with_content: bool) -> StoredForm:
        content = ", source_bytes, xform" if with_content else ""
        with self._reading("read a form") as db:
            row = db.execute(
                "SELECT content_hash, form_id, version, title, source_name, added_at"
                f"{content} FROM forms WHERE content_hash = ?",
                [content_hash],
            ).fetchone()
            if row is None:
                raise FormNotFound(content_hash)
            media_rows = db.execute(
                f"SELECT filename{', data' if with_content else ''} FROM form_media "
                "WHERE content_hash = ? ORDER BY filename",
                [content_hash],
            ).fetchall()
        form = StoredForm(*row[:6], media_names=[m[0] for m in media_rows])
        if with_content:
            form.source_bytes = row[6]
            form.xform = row[7]
            form.media = {m[0]: m[1] for m in media_rows}
        return form

    # --- interviews ------------------------------------------------------------------------

    def _interview_params(self, interview: Interview) -> list[Any]:
        return record.interview_values(interview)

    def create_interview(self, interview: Interview) -> Interview:
        """Store a new interview; its form must be stored first (see :meth:`save_form`).

        ``interview.attachments`` is not written: files are added with :meth:`add_attachment`.
        """
        if not interview.created_at:
            interview.created_at = self._now()
        if not interview.updated_at:
            interview.updated_at = interview.created_at
        columns = ", ".join(_INTERVIEW_COLUMNS)
        marks = ", ".join("?" for _ in _INTERVIEW_COLUMNS)
        with self._writing(f"create the interview {interview.instance_id}") as db:
            self._require_form(interview)
            exists = db.execute(
                "SELECT 1 FROM interviews WHERE instance_id = ?", [interview.instance_id]
            ).fetchone()
            if exists:
                raise StoreError(f"An interview {interview.instance_id} is already stored.")
            db.execute(
                f"INSERT INTO interviews ({columns}) VALUES ({marks})",
                self._interview_params(interview),
            )
        return interview

    def save_interview(self, interview: Interview) -> Interview:
        """Insert or replace every field of ``interview`` (its updated_at becomes now).

        ``interview.attachments`` is not written: files are added with :meth:`add_attachment`.
        """
        interview.updated_at = self._now()
        if not interview.created_at:
            interview.created_at = interview.updated_at
        columns = ", ".join(_INTERVIEW_COLUMNS)
        marks = ", ".join("?" for _ in _INTERVIEW_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _INTERVIEW_COLUMNS if c != "instance_id")
        with self._writing(f"save the interview {interview.instance_id}") as db:
            self._require_form(interview)
            db.execute(
                f"INSERT INTO interviews ({columns}) VALUES ({marks}) "
                f"ON CONFLICT (instance_id) DO UPDATE SET {updates}",
                self._interview_params(interview),
            )
        return interview

    def _require_form(self, interview: Interview) -> None:
        row = self._db.execute(
            "SELECT 1 FROM forms WHERE content_hash = ?", [interview.form_hash]
        ).fetchone()
        if row is None:
            raise StoreError(
                f"The form {interview.form_id} (hash {interview.form_hash}) of interview "
                f"{interview.instance_id} is not stored: save the form first."
            )

    def save_answers(
        self,
        instance_id: str,
        answers: dict[str, Any],
        *,
        position: str | None = None,
        instance_name: str | None = None,
        progress: tuple[int, int] | None = None,
    ) -> str:
        """Save the answers of a draft (the per-keystroke path); durable on return.

        ``position``, ``instance_name`` and ``progress`` (answered, answerable) are left
        unchanged when None. Returns the new updated_at. Raises InterviewNotFound, or
        InvalidTransition if it is not a draft.
        """
        now = self._now()
        sets = ["answers = ?", "updated_at = ?"]
        params: list[Any] = [_dumps(answers), now]
        if position is not None:
            sets.append("position = ?")
            params.append(position)
        if instance_name is not None:
            sets.append("instance_name = ?")
            params.append(instance_name)
        if progress is not None:
            sets += ["answered = ?", "answerable = ?"]
            params += [int(progress[0]), int(progress[1])]
        params += [instance_id, str(Status.DRAFT)]
        with self._writing(f"save the answers of interview {instance_id}") as db:
            cursor = db.execute(
                f"UPDATE interviews SET {', '.join(sets)} WHERE instance_id = ? AND status = ?",
                params,
            )
            if cursor.rowcount == 0:
                record.check_editable(self._load(instance_id, with_attachments=False))
        return now

    def get_interview(self, instance_id: str) -> Interview:
        """The interview with its answers and attachment list; raises InterviewNotFound."""
        with self._reading(f"read the interview {instance_id}"):
            return self._load(instance_id)

    def _load(self, instance_id: str, *, with_attachments: bool = True) -> Interview:
        db = self._db
        row = db.execute(
            f"SELECT {', '.join(_INTERVIEW_COLUMNS)} FROM interviews WHERE instance_id = ?",
            [instance_id],
        ).fetchone()
        if row is None:
            raise InterviewNotFound(instance_id)
        data = dict(zip(_INTERVIEW_COLUMNS, row, strict=True))
        for column in _JSON_COLUMNS:
            data[column] = jsontext.loads(data[column])
        data["status"] = Status(data["status"])
        interview = Interview(**data)
        if with_attachments:
            interview.attachments = [
                Attachment(*a)
                for a in db.execute(
                    "SELECT filename, media_type, size, sha256 FROM attachments "
                    "WHERE instance_id = ? ORDER BY filename",
                    [instance_id],
                )
            ]
        return interview

    def list_interviews(
        self,
        *,
        status: Status | str | Iterable[Status | str] | None = None,
        form_id: str | None = None,
        include_deleted: bool = False,
        search: str | None = None,
        limit: int | None = None,
    ) -> list[InterviewSummary]:
        """Interviews without answers, most recently changed first, in one query.

        ``status`` is one status or several; deleted ones are left out unless asked for (by
        status or ``include_deleted``). ``search`` matches part of the instance name, the
        instanceID or the interviewer (case-insensitive for ASCII letters), or the start of a
        word in any answer (every word typed; accents and case ignored; SQLite FTS5).
        """
        where: list[str] = []
        params: list[Any] = []
        if status is not None:
            statuses = [status] if isinstance(status, str) else list(status)
            statuses = [str(Status(s)) for s in statuses]
            where.append(f"status IN ({', '.join('?' for _ in statuses)})")
            params += statuses
        elif not include_deleted:
            where.append("status != ?")
            params.append(str(Status.DELETED))
        if form_id is not None:
            where.append("form_id = ?")
            params.append(form_id)
        if search:
            clause, values = schema.search_clause(search)
            where.append(clause)
            params += values
        sql = f"SELECT {', '.join(_SUMMARY_COLUMNS)} FROM interviews"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY updated_at DESC, instance_id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._reading("list the interviews") as db:
            return summaries_of(db.execute(sql, params).fetchall())

    def replaced_ids(self) -> set[str]:
        """The interviews replaced by a correction ("Edit"): named by the ``deprecated_id`` of
        an interview that is not in the bin. They are kept unchanged, shown as replaced, and
        never handed in nor sent again (see :data:`NOT_REPLACED`)."""
        with self._reading("list the replaced interviews") as db:
            rows = db.execute(
                "SELECT DISTINCT deprecated_id FROM interviews "
                "WHERE deprecated_id IS NOT NULL AND status != ?",
                [str(Status.DELETED)],
            ).fetchall()
        return {row[0] for row in rows}

    def count_by_status(self, form_id: str | None = None) -> dict[str, int]:
        """How many interviews are in each status (every status present, 0 if none)."""
        counts = {str(s): 0 for s in Status}
        sql = "SELECT status, count(*) FROM interviews"
        params: list[Any] = []
        if form_id is not None:
            sql += " WHERE form_id = ?"
            params.append(form_id)
        with self._reading("count the interviews") as db:
            for status, n in db.execute(sql + " GROUP BY status", params):
                counts[status] = n
        return counts

    # --- lifecycle -------------------------------------------------------------------------

    def _transition(self, instance_id: str, what: str, change) -> Interview:
        with self._writing(what) as db:
            interview = self._load(instance_id)
            change(interview)
            sets = ", ".join(f"{c} = ?" for c in _LIFECYCLE_COLUMNS)
            values = _lifecycle_values(interview)
            db.execute(
                f"UPDATE interviews SET {sets} WHERE instance_id = ?", values + [instance_id]
            )
        return interview

    def finalize(self, instance_id: str) -> Interview:
        """draft → finalized. (Checking required answers is the engine's job, before this.)"""
        return self._transition(
            instance_id,
            f"finalize interview {instance_id}",
            lambda i: record.finalize(i, clock=self._clock),
        )

    def mark_sent(self, instance_id: str, *, to: str = "") -> Interview:
        """finalized/failed → sent; ``to`` (e.g. the server URL) is kept in handed_in."""
        return self._transition(
            instance_id,
            f"mark interview {instance_id} as sent",
            lambda i: record.mark_sent(i, to=to, clock=self._clock),
        )

    def mark_sent_many(self, instance_ids: Iterable[str], *, to: str = "") -> list[Interview]:
        """:meth:`mark_sent` for several interviews in ONE transaction (one fsync): all are
        marked or, on any error (an unknown one, one not finalized/failed), none is."""
        ids = list(instance_ids)
        if not ids:
            return []
        done: list[Interview] = []
        sets = ", ".join(f"{c} = ?" for c in _LIFECYCLE_COLUMNS)
        with self._writing(f"mark {len(ids)} interviews as sent") as db:
            for instance_id in ids:
                interview = record.mark_sent(self._load(instance_id), to=to, clock=self._clock)
                values = _lifecycle_values(interview)
                db.execute(
                    f"UPDATE interviews SET {sets} WHERE instance_id = ?", values + [instance_id]
                )
                done.append(interview)
        return done

    def mark_exported(self, instance_id: str, *, to: str = "") -> Interview:
        """finalized → exported; ``to`` (e.g. the batch file) is kept in handed_in."""
        return self._transition(
            instance_id,
            f"mark interview {instance_id} as handed in",
            lambda i: record.mark_exported(i, to=to, clock=self._clock),
        )

    def mark_failed(self, instance_id: str, error: str) -> Interview:
        """finalized/failed → failed, keeping ``error`` as last_error."""
        return self._transition(
            instance_id,
            f"mark interview {instance_id} as failed to send",
            lambda i: record.mark_failed(i, error, clock=self._clock),
        )

    def delete(self, instance_id: str) -> Interview:
        """draft → deleted (soft: it stays in the database and can be restored)."""
        return self._transition(
            instance_id,
            f"delete interview {instance_id}",
            lambda i: record.delete(i, clock=self._clock),
        )

    def restore(self, instance_id: str) -> Interview:
        """deleted → draft."""
        return self._transition(
            instance_id,
            f"restore interview {instance_id}",
            lambda i: record.restore(i, clock=self._clock),
        )

    def seal(self, instance_id: str, payload: bytes) -> Interview:
        """Finalize a draft of an encrypted form, keeping only its encrypted submission.

        In one transaction: the draft becomes finalized, its answers, name and position are
        emptied, its attached files removed, and ``payload`` (the sealed submission) kept.
        The search index is then compacted and the WAL emptied (with ``secure_delete`` on,
        freed pages are zeroed), so the plain answers leave the database file too.
        """
        payload = bytes(payload)
        with self._writing(f"finalize and encrypt interview {instance_id}") as db:
            interview = self._load(instance_id, with_attachments=False)
            record.finalize(interview, clock=self._clock)
            interview.answers = {}
            interview.instance_name = ""
            interview.position = None
            interview.answered = interview.answerable = None
            sets = ", ".join(f"{c} = ?" for c in _LIFECYCLE_COLUMNS)
            db.execute(
                f"UPDATE interviews SET {sets}, answers = '{{}}', instance_name = '', "
                "position = NULL, answered = NULL, answerable = NULL WHERE instance_id = ?",
                _lifecycle_values(interview) + [instance_id],
            )
            db.execute("DELETE FROM attachments WHERE instance_id = ?", [instance_id])
            db.execute(
                "INSERT INTO sealed_submissions (instance_id, sha256, payload, sealed_at) "
                "VALUES (?, ?, ?, ?)",
                [instance_id, hashlib.sha256(payload).hexdigest(), payload, interview.updated_at],
            )
            # FTS5 (before 3.44's secure-delete) keeps a deleted row's words until its
            # segments are merged: merge them all now.
            db.execute("INSERT INTO interviews_search(interviews_search) VALUES ('optimize')")
        self.forget_wal()
        return interview

    def forget_wal(self) -> None:
        """Copy the WAL into the database and empty it (its old pages held earlier writes);
        best effort: another connection reading at that moment keeps it for now."""
        try:
            self._db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except engine.Error:
            pass

    def sealed_payload(self, instance_id: str) -> bytes | None:
        """The encrypted submission of an interview finalized encrypted, else None."""
        with self._reading(f"read the encrypted interview {instance_id}") as db:
            row = db.execute(
                "SELECT payload FROM sealed_submissions WHERE instance_id = ?", [instance_id]
            ).fetchone()
        return bytes(row[0]) if row else None

    def revise(self, instance_id: str) -> Interview:
        """Edit a finalized/sent/exported interview: store and return a new draft replacing it.

        The new draft has a new instanceID, deprecated_id = ``instance_id``, a copy of the
        answers and of the attached files; the old interview is unchanged.
        """
        with self._writing(f"edit interview {instance_id}") as db:
            old = self._load(instance_id)
            if db.execute(
                "SELECT 1 FROM sealed_submissions WHERE instance_id = ?", [instance_id]
            ).fetchone():
                raise EncryptionError(
                    f"Interview {instance_id} was encrypted when it was finalized: only the "
                    "coordinator's private key opens it; it cannot be edited here.",
                    code=ErrorCode.ENCRYPTED_READ_ONLY,
                )
            new = record.new_revision(old, clock=self._clock)
            columns = ", ".join(_INTERVIEW_COLUMNS)
            marks = ", ".join("?" for _ in _INTERVIEW_COLUMNS)
            db.execute(
                f"INSERT INTO interviews ({columns}) VALUES ({marks})", self._interview_params(new)
            )
            db.execute(
                "INSERT INTO attachments (instance_id, filename, media_type, size, sha256, data, "
                "added_at) SELECT ?, filename, media_type, size, sha256, data, added_at "
                "FROM attachments WHERE instance_id = ?",
                [new.instance_id, instance_id],
            )
        return new

    # --- attachments -----------------------------------------------------------------------

    def add_attachment(
        self, instance_id: str, filename: str, data: bytes, media_type: str
    ) -> Attachment:
        """Store a file of an interview (replacing one of the same name); durable on return."""
        check_attachment_name(filename)
        data = bytes(data)
        attachment = Attachment(
            filename=filename,
            media_type=media_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        now = self._now()
        with self._writing(f"attach {filename} to interview {instance_id}") as db:
            cursor = db.execute(
                "UPDATE interviews SET updated_at = ? WHERE instance_id = ?", [now, instance_id]
            )
            if cursor.rowcount == 0:
                raise InterviewNotFound(instance_id)
            db.execute(
                "INSERT INTO attachments (instance_id, filename, media_type, size, sha256, data, "
                "added_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (instance_id, filename) DO "
                "UPDATE SET media_type = excluded.media_type, size = excluded.size, "
                "sha256 = excluded.sha256, data = excluded.data, added_at = excluded.added_at",
                [instance_id, filename, media_type, attachment.size, attachment.sha256, data, now],
            )
        return attachment

    def get_attachment(self, instance_id: str, filename: str) -> bytes:
        """The bytes of an attached file; raises AttachmentNotFound."""
        check_attachment_name(filename)
        with self._reading(f"read {filename} of interview {instance_id}") as db:
            row = db.execute(
                "SELECT data FROM attachments WHERE instance_id = ? AND filename = ?",
                [instance_id, filename],
            ).fetchone()
        if row is None:
            raise AttachmentNotFound(instance_id, filename)
        return bytes(row[0])

    def discard_empty_draft(self, instance_id: str) -> bool:
        """Remove a draft that never received an answer (a "New interview" left at once).

        Only a draft that was never handed in, sent or merged goes; anything else is kept and
        False is returned. Nothing of a person's work can be lost: the caller decides the
        draft is empty, and the rule here makes sure it is still only a local draft."""
        with self._writing(f"discard the empty draft {instance_id}") as db:
            row = db.execute(
                "SELECT status, deprecated_id FROM interviews WHERE instance_id = ?",
                [instance_id],
            ).fetchone()
            if row is None or row[0] != str(Status.DRAFT) or row[1]:
                return False
            merged = db.execute(
                "SELECT 1 FROM merge_state WHERE instance_id = ? LIMIT 1", [instance_id]
            ).fetchone()
            if merged:
                return False
            db.execute("DELETE FROM attachments WHERE instance_id = ?", [instance_id])
            db.execute("DELETE FROM interviews WHERE instance_id = ?", [instance_id])
        return True
