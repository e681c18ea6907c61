"""The server's database, through SQLAlchemy Core: SQLite by default, PostgreSQL by URL.

Everything here is dialect-neutral SQL built with SQLAlchemy Core; uniqueness is enforced by
constraints, and "insert unless present" is a select then an insert inside one transaction
(a concurrent insert by another process loses on the unique constraint and is retried).

SQLite: WAL, ``synchronous=FULL`` (a submission is durable before its 201), a busy timeout,
and ``BEGIN IMMEDIATE`` for write transactions so a select-then-insert cannot interleave with
another process's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Boolean
from sqlalchemy import Column
from sqlalchemy import ForeignKey
from sqlalchemy import ForeignKeyConstraint
from sqlalchemy import Integer
from sqlalchemy import LargeBinary
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.schema import CreateIndex
from sqlalchemy.schema import CreateTable

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("password_hash", String(400), nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
    Column("created_at", String(40), nullable=False),
    # HTTP Digest's HA1 = md5(name:realm:password), as "realm$hex" (docs/server.md).
    Column("digest_ha1", String(400), nullable=True),
)

# Random secrets shared by the server's processes (the Digest nonces' signing key).
server_secrets = Table(
    "server_secrets",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("value", String(200), nullable=False),
)

forms = Table(
    "forms",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("form_id", String(255), nullable=False),
    Column("version", String(255), nullable=False),
    Column("title", Text, nullable=False),
    Column("xform", LargeBinary, nullable=False),  # the exact bytes hashed and served
    Column("hash", String(64), nullable=False),
    Column("published_at", String(40), nullable=False),
    Column("published_by", String(200), nullable=False, default=""),
    UniqueConstraint("form_id", "version", name="uq_forms_form_version"),
)

form_media = Table(
    "form_media",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("form_pk", Integer, ForeignKey("forms.id"), nullable=False),
    Column("filename", String(255), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    UniqueConstraint("form_pk", "filename", name="uq_form_media_name"),
)


def _part_of_submission(*, file: bool = False) -> list[Column]:
    """The first columns of a row that belongs to a submission: its own id, then the form and
    the instanceID; with ``file``, the attached file's name and content type too."""
    columns = [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("form_id", String(255), nullable=False),
        Column("instance_id", String(255), nullable=False),
    ]
    if file:
        columns += [
            Column("name", String(255), nullable=False),
            Column("content_type", String(255), nullable=False),
        ]
    return columns


# ``seq`` orders submissions for readers (the cursor of /api/v1/submissions). An instanceID
# is unique within its form, as in ODK Central (schema 2; schema 1 made it server-wide).
submissions = Table(
    "submissions",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("instance_id", String(255), nullable=False),
    Column("form_id", String(255), nullable=False),
    Column("form_version", String(255), nullable=False),
    Column("xml", LargeBinary, nullable=False),  # byte for byte as received
    Column("xml_md5", String(32), nullable=False),
    Column("deprecated_id", String(255), nullable=True, index=True),
    Column("superseded_by", String(255), nullable=True),
    Column("received_at", String(40), nullable=False),
    Column("submitted_by", String(200), nullable=False),
    UniqueConstraint("form_id", "instance_id", name="uq_submissions_form_instance"),
)

attachments = Table(
    "attachments",
    metadata,
    *_part_of_submission(file=True),
    Column("md5", String(32), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("received_at", String(40), nullable=False),
    UniqueConstraint("form_id", "instance_id", "name", name="uq_attachments_name"),
    ForeignKeyConstraint(
        ["form_id", "instance_id"],
        ["submissions.form_id", "submissions.instance_id"],
        name="fk_attachments_submission",
    ),
)

# The parts of a submission ODK Collect split over several POSTs (every POST but the last
# carries the form field ``*isIncomplete*``): kept here until the last part arrives, then
# moved into submissions/attachments in one transaction, so readers never see half of one.
partial_submissions = Table(
    "partial_submissions",
    metadata,
    *_part_of_submission(),
    Column("xml", LargeBinary, nullable=False),
    Column("xml_md5", String(32), nullable=False),
    Column("received_at", String(40), nullable=False),
    UniqueConstraint("form_id", "instance_id", name="uq_partial_form_instance"),
)

partial_attachments = Table(
    "partial_attachments",
    metadata,
    *_part_of_submission(file=True),
    Column("content", LargeBinary, nullable=False),
    UniqueConstraint("form_id", "instance_id", "name", name="uq_partial_attachments_name"),
)

# Door-to-door fieldwork (docs/fieldwork.md, "Visits through the server"): the door and visit
# records laptops send to ``POST /surveyor/v1/fieldwork``, as the batches carry them (JSON).
# ``seq`` is the coordinator's cursor; a record is kept once by (kind, key): a visit by its
# uuid, a door by its id (the first record received stays, as in a batch merge).
fieldwork_records = Table(
    "fieldwork_records",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(10), nullable=False),  # "door" or "visit"
    Column("key", String(255), nullable=False),
    Column("record", Text, nullable=False),
    Column("received_at", String(40), nullable=False),
    Column("submitted_by", String(200), nullable=False),
    UniqueConstraint("kind", "key", name="uq_fieldwork_records_kind_key"),
)

# The campaign package (docs/server.md, "The campaign package"): the newest one the
# coordinator published, kept as opaque bytes (checked by the package reader before it is
# accepted). One row per campaign revision; publishing a newer one deletes the older rows,
# so a door or a visit the coordinator no longer sends does not linger here.
campaign_packages = Table(
    "campaign_packages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("campaign_id", String(64), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),  # the ETag
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("published_at", String(40), nullable=False),
    Column("published_by", String(200), nullable=False),
    UniqueConstraint("campaign_id", "revision", name="uq_campaign_packages_revision"),
)

WRITE = {"surveyor_write": True}
"""Execution options of a write connection (``BEGIN IMMEDIATE`` on SQLite)."""


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{Path(data_dir) / 'server.db'}"


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with Surveyor's settings, and the tables created if missing.

    ``hide_parameters``: a statement's parameters (submissions, names) never appear in its
    exceptions, so never in the tracebacks the server logs."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, hide_parameters=True)
        _configure_sqlite(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if _needs_form_scoped_ids(engine):
        _migrate_form_scoped_ids(engine, url)
    _add_missing_columns(engine)
    try:
        metadata.create_all(engine)
    except (OperationalError, ProgrammingError):
        # Another process created them at the same moment: check they are there now.
        metadata.create_all(engine)
    return engine


# --- migrations ------------------------------------------------------------------------------
#
# Schema 1 (before 2026-05) made an instanceID unique across the server and keyed attachments
# by instanceID alone; schema 2 scopes both to the form (ODK Central's rule). A database of
# schema 1 is recognised by its attachments table without a form_id column, and migrated once,
# in one transaction (SQLite: after a copy of the file, ``server.db.schema1.bak``). Rows keep
# their ``seq``, so readers' cursors stay valid.


def _add_missing_columns(engine: Engine) -> None:
    """Nullable columns added since a table was created (``ALTER TABLE ... ADD COLUMN``)."""
    inspector = inspect(engine)
    if not inspector.has_table("users"):
        return
    have = {c["name"] for c in inspector.get_columns("users")}
    if "digest_ha1" not in have:
        try:
            with engine.connect().execution_options(**WRITE) as conn, conn.begin():
                conn.exec_driver_sql("ALTER TABLE users ADD COLUMN digest_ha1 VARCHAR(400)")
        except (OperationalError, ProgrammingError):
            # Another process added it at the same moment.
            if "digest_ha1" not in {c["name"] for c in inspect(engine).get_columns("users")}:
                raise


def _needs_form_scoped_ids(engine: Engine) -> bool:
    inspector = inspect(engine)
    if not inspector.has_table("attachments"):
        return False
    return "form_id" not in {c["name"] for c in inspector.get_columns("attachments")}


_OLD_SUBMISSION_COLUMNS = (
    "seq, instance_id, form_id, form_version, xml, xml_md5, deprecated_id, "
    "superseded_by, received_at, submitted_by"
)


def _migrate_form_scoped_ids(engine: Engine, url: str) -> None:
    if engine.dialect.name == "sqlite":
        _migrate_sqlite(engine, url)
    elif engine.dialect.name == "postgresql":
        _migrate_postgresql(engine)
    else:
        raise RuntimeError(f"no migration of the server database for {engine.dialect.name}")


def _migrate_sqlite(engine: Engine, url: str) -> None:
    raw = engine.raw_connection()
    try:
        conn = raw.driver_connection
        database = engine.url.database
        if database and database != ":memory:":
            backup = Path(f"{database}.schema1.bak")
            if not backup.exists():
                with sqlite3.connect(backup) as copy:
                    conn.backup(copy)
        conn.execute("PRAGMA foreign_keys=OFF")  # only outside a transaction
        conn.execute("BEGIN IMMEDIATE")
        try:
            columns = {r[1] for r in conn.execute("PRAGMA table_info(attachments)")}
            if "form_id" in columns:  # another process did it meanwhile
                conn.execute("ROLLBACK")
                return
            conn.execute("ALTER TABLE submissions RENAME TO submissions_schema1")
            conn.execute("ALTER TABLE attachments RENAME TO attachments_schema1")
            conn.execute("DROP INDEX IF EXISTS ix_submissions_deprecated_id")
            for table in (submissions, attachments):
                conn.execute(str(CreateTable(table).compile(dialect=engine.dialect)))
                for index in table.indexes:
                    conn.execute(str(CreateIndex(index).compile(dialect=engine.dialect)))
            conn.execute(
                f"INSERT INTO submissions ({_OLD_SUBMISSION_COLUMNS}) "
                f"SELECT {_OLD_SUBMISSION_COLUMNS} FROM submissions_schema1"
            )
            conn.execute(
                "INSERT INTO attachments (id, form_id, instance_id, name, content_type, md5, "
                "content, received_at) SELECT a.id, s.form_id, a.instance_id, a.name, "
                "a.content_type, a.md5, a.content, a.received_at FROM attachments_schema1 a "
                "JOIN submissions_schema1 s ON s.instance_id = a.instance_id"
            )
            conn.execute("DROP TABLE attachments_schema1")
            conn.execute("DROP TABLE submissions_schema1")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            conn.execute("PRAGMA foreign_keys=ON")
    finally:
        raw.close()


def _migrate_postgresql(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("LOCK TABLE submissions, attachments IN ACCESS EXCLUSIVE MODE")
        if not _needs_form_scoped_ids_in(conn):
            return  # another process did it meanwhile
        inspector = inspect(conn)
        for constraint in inspector.get_unique_constraints("submissions"):
            if constraint["column_names"] == ["instance_id"]:
                # CASCADE also drops the attachments' foreign key that depends on it.
                conn.exec_driver_sql(
                    f'ALTER TABLE submissions DROP CONSTRAINT "{constraint["name"]}" CASCADE'
                )
        conn.exec_driver_sql(
            "ALTER TABLE submissions ADD CONSTRAINT uq_submissions_form_instance "
            "UNIQUE (form_id, instance_id)"
        )
        conn.exec_driver_sql("ALTER TABLE attachments ADD COLUMN form_id VARCHAR(255)")
        conn.exec_driver_sql(
            "UPDATE attachments a SET form_id = s.form_id FROM submissions s "
            "WHERE s.instance_id = a.instance_id"
        )
        conn.exec_driver_sql("ALTER TABLE attachments ALTER COLUMN form_id SET NOT NULL")
        conn.exec_driver_sql(
            "ALTER TABLE attachments DROP CONSTRAINT IF EXISTS uq_attachments_name"
        )
        conn.exec_driver_sql(
            "ALTER TABLE attachments ADD CONSTRAINT uq_attachments_name "
            "UNIQUE (form_id, instance_id, name)"
        )
        conn.exec_driver_sql(
            "ALTER TABLE attachments ADD CONSTRAINT fk_attachments_submission FOREIGN KEY "
            "(form_id, instance_id) REFERENCES submissions (form_id, instance_id)"
        )


def _needs_form_scoped_ids_in(conn) -> bool:
    return (
        conn.exec_driver_sql(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'attachments' "
            "AND column_name = 'form_id' AND table_schema = current_schema()"
        ).scalar_one()
        == 0
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the sqlite3 module, say when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted rows are overwritten with zeros (an erased interview leaves no bytes); the
        # default of some SQLite builds (Python's own), not of all: said here.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get("surveyor_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
