"""The one way to open a connection to the laptop's database, plain or keyed.

A plain store is opened with Python's ``sqlite3``; a protected one (encrypted at rest,
``docs/privacy.md``) with SQLCipher (``sqlcipher3``, the same SQL, the same C API, every page
encrypted with AES-256 and authenticated with an HMAC) and a raw 256-bit key, so the store,
its rolling backups, the copy before a migration, ``surveyor doctor --repair`` and the
erasures in copies all open their files here and work the same on both.

The two bindings raise their own exception classes, so code that catches an SQLite error
catches :data:`Error` (and its siblings here), which names both.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from typing import TypeAlias

from sqlcipher3 import dbapi2 as sqlcipher

Error = (sqlite3.Error, sqlcipher.Error)
DatabaseError = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
OperationalError = (sqlite3.OperationalError, sqlcipher.OperationalError)
ProgrammingError = (sqlite3.ProgrammingError, sqlcipher.ProgrammingError)
Connection: TypeAlias = sqlite3.Connection | sqlcipher.Connection

KEY_BYTES = 32  # AES-256


def key_pragma(key: bytes) -> str:
    """SQLCipher's raw-key form: no key derivation at each opening (the key is derived once,
    from the passphrase or taken from the keychain, by ``surveyor.store.protection``)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a store key has 32 bytes")
    return f"\"x'{key.hex()}'\""


def connect(
    path: Path | str, key: bytes | None = None, *, readonly: bool = False, **options: Any
) -> Connection:
    """A connection to the database file ``path``: keyed with ``key`` (SQLCipher) or plain.

    ``readonly`` opens it with ``mode=ro``. A wrong key is only found at the first read (the
    file "is not a database"); :func:`surveyor.store.protection.unlock` checks a key against
    its marker before anything opens the file.
    """
    target = f"{Path(path).resolve().as_uri()}?mode=ro" if readonly else str(path)
    if key is None:
        return sqlite3.connect(target, uri=readonly, **options)
    conn = sqlcipher.connect(target, uri=readonly, **options)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # its own log on stderr: errors are raised
        conn.execute(f"PRAGMA key = {key_pragma(key)}")
    except BaseException:
        conn.close()
        raise
    return conn


def copy_database(conn: Connection, target: Path, key: bytes | None) -> None:
    """Copy the live database behind ``conn`` (WAL content included) into a new file
    ``target`` with SQLite's backup API; a keyed database's copy is keyed with the same key."""
    dest = connect(target, key)
    try:
        conn.backup(dest)
        # a plain rollback-journal file: it opens read-only without -wal/-shm beside it
        dest.execute("PRAGMA journal_mode = delete")
    finally:
        dest.close()


def export_database(source: Path, source_key: bytes | None, target: Path, key: bytes | None):
    """Write the whole database ``source`` into a new file ``target`` under another key (or
    none): SQLCipher's ``sqlcipher_export`` (schema, rows, the search index, triggers,
    ``user_version``). Used to protect a store or to remove its protection."""
    conn = sqlcipher.connect(str(source))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if source_key is not None:
            conn.execute(f"PRAGMA key = {key_pragma(source_key)}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        new_key = key_pragma(key) if key is not None else "''"
        conn.execute("ATTACH DATABASE ? AS target KEY " + new_key, [str(target)])
        try:
            conn.execute("SELECT sqlcipher_export('target')")
            conn.execute(f"PRAGMA target.user_version = {int(version)}")
        finally:
            conn.execute("DETACH DATABASE target")
    finally:
        conn.close()
