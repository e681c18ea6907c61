"""The server's database, through SQLAlchemy Core: SQLite by default, PostgreSQL by URL.

Everything here is dialect-neutral SQL built with SQLAlchemy Core; uniqueness is enforced by
constraints, and "insert unless present" is a select then an insert inside one transaction
(a concurrent insert by another process loses on the unique constraint and is retried).

SQLite: WAL, ``synchronous=FULL`` (a submission is durable before its 201), a busy timeout,
and ``BEGIN IMMEDIATE`` for write transactions so a select-then-insert cannot interleave with
another process's.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

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

# ``seq`` orders submissions for readers (the cursor of /api/v1/submissions).
submissions = Table(
    "submissions",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("instance_id", String(255), nullable=False, unique=True),
    Column("form_id", String(255), nullable=False),
    Column("form_version", String(255), nullable=False),
    Column("xml", LargeBinary, nullable=False),  # byte for byte as received
    Column("xml_md5", String(32), nullable=False),
    Column("deprecated_id", String(255), nullable=True, index=True),
    Column("superseded_by", String(255), nullable=True),
    Column("received_at", String(40), nullable=False),
    Column("submitted_by", String(200), nullable=False),
)

attachments = Table(
    "attachments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("instance_id", String(255), ForeignKey("submissions.instance_id"), nullable=False),
    Column("name", String(255), nullable=False),
    Column("content_type", String(255), nullable=False),
    Column("md5", String(32), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("received_at", String(40), nullable=False),
    UniqueConstraint("instance_id", "name", name="uq_attachments_name"),
)

WRITE = {"surveyor_write": True}
"""Execution options of a write connection (``BEGIN IMMEDIATE`` on SQLite)."""


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{Path(data_dir) / 'server.db'}"


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with Surveyor's settings, and the tables created if missing."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        _configure_sqlite(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    try:
        metadata.create_all(engine)
    except (OperationalError, ProgrammingError):
        # Another process created them at the same moment: check they are there now.
        metadata.create_all(engine)
    return engine


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
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get("surveyor_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
