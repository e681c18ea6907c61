"""Schema versions: upgrading an older database (after a backup), refusing a newer one."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from surveyor.errors import StoreError
from surveyor.interviews.record import Status
from surveyor.store import SCHEMA_VERSION
from surveyor.store import Store

# The schema as version 1 shipped it, written out by hand so the test does not depend on the
# migration code it checks.
V1_SCHEMA = """
CREATE TABLE forms (content_hash TEXT PRIMARY KEY NOT NULL, form_id TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
    source_name TEXT NOT NULL DEFAULT '', source_bytes BLOB, xform TEXT NOT NULL,
    added_at TEXT NOT NULL);
CREATE TABLE form_media (content_hash TEXT NOT NULL REFERENCES forms(content_hash),
    filename TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (content_hash, filename));
CREATE TABLE interviews (instance_id TEXT PRIMARY KEY NOT NULL, form_id TEXT NOT NULL,
    form_version TEXT NOT NULL, form_hash TEXT NOT NULL REFERENCES forms(content_hash),
    interviewer TEXT NOT NULL DEFAULT '', device_id TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft', created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    finalized_at TEXT, sent_at TEXT, exported_at TEXT, deleted_at TEXT, deprecated_id TEXT,
    instance_name TEXT NOT NULL DEFAULT '', position TEXT, last_error TEXT,
    handed_in TEXT NOT NULL DEFAULT '[]', answers TEXT NOT NULL DEFAULT '{}');
CREATE TABLE attachments (instance_id TEXT NOT NULL REFERENCES interviews(instance_id),
    filename TEXT NOT NULL, media_type TEXT NOT NULL, size INTEGER NOT NULL,
    sha256 TEXT NOT NULL, data BLOB NOT NULL, added_at TEXT NOT NULL,
    PRIMARY KEY (instance_id, filename));
CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, name TEXT,
    applied_at TEXT);
CREATE UNIQUE INDEX idx__sqlite_migrations_migration_set_name
    ON _sqlite_migrations (migration_set, name);
INSERT INTO _sqlite_migrations (migration_set, name, applied_at)
    VALUES ('surveyor', 'm001_initial', '2026-01-01 00:00:00+00:00');
INSERT INTO forms VALUES ('md5:v1', 'household', '1', 'Ménages', 'household.xlsx', x'504b',
    '<h:html/>', '2026-01-01T00:00:00.000Z');
INSERT INTO interviews (instance_id, form_id, form_version, form_hash, status, created_at,
    updated_at, answers, instance_name)
    VALUES ('uuid:11111111-1111-4111-8111-111111111111', 'household', '1', 'md5:v1', 'draft',
    '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '{"name":"Dupont"}', 'Dupont');
PRAGMA user_version = 1;
"""
OLD_ID = "uuid:11111111-1111-4111-8111-111111111111"


def make_v1_database(data_dir) -> sqlite3.Connection:
    """A version-1 database in WAL mode whose last writes are still in the WAL file."""
    data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(data_dir / "surveyor.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.executescript(V1_SCHEMA)
    conn.execute(
        "INSERT INTO interviews (instance_id, form_id, form_version, form_hash, status, "
        "created_at, updated_at, answers) VALUES ('uuid:in-wal', 'household', '1', 'md5:v1', "
        "'finalized', '2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z', '{}')"
    )
    return conn  # left open: closing it would checkpoint the WAL into the main file


def test_a_new_database_is_at_the_latest_version_without_backup(data_dir):
    with Store.open(data_dir) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.backup_path is None
    assert list(data_dir.glob("*.bak-*")) == []


def test_a_version_1_database_is_backed_up_then_migrated_keeping_its_data(data_dir, clock):
    old_conn = make_v1_database(data_dir)
    assert (data_dir / "surveyor.db-wal").stat().st_size > 0
    try:
        with Store.open(data_dir, clock=clock) as store:
            assert store.schema_version == SCHEMA_VERSION
            backup = store.backup_path
            assert backup == data_dir / "surveyor.db.bak-v1-20260301T093000Z"
            old = store.get_interview(OLD_ID)
            assert old.answers == {"name": "Dupont"} and old.instance_name == "Dupont"
            assert store.get_interview("uuid:in-wal").status is Status.FINALIZED
            assert store.get_form("md5:v1").title == "Ménages"
            indexes = {i.name for i in store.db["interviews"].indexes}
            assert {"idx_interviews_status", "idx_interviews_form_id"} <= indexes
            store.save_answers(OLD_ID, {"name": "Dupont", "age": "40"})
            assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        old_conn.close()

    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        ids = {r[0] for r in copy.execute("SELECT instance_id FROM interviews")}
        assert ids == {OLD_ID, "uuid:in-wal"}  # the WAL content is in the copy
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        copy.close()


def test_a_failed_migration_leaves_the_database_at_its_version(data_dir):
    conn = make_v1_database(data_dir)
    conn.execute("CREATE INDEX idx_interviews_status ON interviews (status)")  # will clash
    conn.close()
    with pytest.raises(StoreError, match="copy made before the update"):
        Store.open(data_dir)
    check = sqlite3.connect(data_dir / "surveyor.db")
    try:
        assert check.execute("PRAGMA user_version").fetchone()[0] == 1
        names = [r[0] for r in check.execute("SELECT name FROM _sqlite_migrations")]
        assert names == ["m001_initial"]
        assert check.execute("SELECT count(*) FROM interviews").fetchone()[0] == 2
    finally:
        check.close()
    assert len(list(data_dir.glob("surveyor.db.bak-v1-*"))) == 1


def _fingerprint(data_dir):
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data_dir.iterdir())
        if not p.name.endswith("-shm")
    }


@pytest.mark.parametrize("how", ["unknown migration", "higher user_version"])
def test_a_database_from_a_newer_surveyor_is_refused_untouched(data_dir, how):
    with Store.open(data_dir):
        pass
    conn = sqlite3.connect(data_dir / "surveyor.db", isolation_level=None)
    if how == "unknown migration":
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('surveyor', 'm099_from_the_future', '2030-01-01')"
        )
    else:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = _fingerprint(data_dir)
    with pytest.raises(StoreError, match="newer version of Surveyor"):
        Store.open(data_dir)
    assert _fingerprint(data_dir) == before


def test_a_first_opening_interrupted_after_creating_the_migrations_table_resumes(data_dir):
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "surveyor.db")
    conn.execute(
        "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, "
        "name TEXT, applied_at TEXT)"
    )
    conn.commit()
    conn.close()
    with Store.open(data_dir) as store:
        assert store.schema_version == SCHEMA_VERSION
