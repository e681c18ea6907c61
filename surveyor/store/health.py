"""A damaged ``surveyor.db``: finding it, rolling backups, and rebuilding (``surveyor doctor``).

- **Check on open.** ``PRAGMA quick_check`` (every b-tree page read and checked) runs when the
  store opens a database of up to ``CHECK_EVERY_OPEN_BYTES``; a bigger one is checked when its
  rolling backup is due (at most once a day), since a check reads the whole file (about 3 ms a
  MB on a warm cache). Between checks SQLite still refuses a damaged page when it reads one.
- **Rolling backups** in ``backups/`` of the data dir, with SQLite's backup API (WAL content
  included), only of a database that passed its check: at an opening when the newest one is
  older than ``BACKUP_EVERY_SMALL`` (``BACKUP_EVERY_LARGE`` for a big file), and before each
  merge. ``KEEP_BACKUPS`` of each kind are kept. A copy is skipped when nothing was written
  since the newest one.
- **Repair** builds a NEW database: the current schema, every row that can still be read from
  the damaged file (each table read forwards and then backwards from its end, so a damaged
  page costs only the rows on it), then the rows it lost taken from the newest sound backup.
  The damaged file is renamed aside untouched (``surveyor.db.damaged-<UTC time>``, with its
  ``-wal``), and the new file takes its place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

from sqlite_utils import Database

from surveyor.errors import StoreError
from surveyor.store import engine
from surveyor.store import schema

BACKUPS_DIR = "backups"
KEEP_BACKUPS = 3
CHECK_EVERY_OPEN_BYTES = 128 * 1024 * 1024
BACKUP_EVERY_SMALL = timedelta(hours=1)
BACKUP_EVERY_LARGE = timedelta(days=1)
_STAMP = "%Y%m%dT%H%M%SZ"
_SIDE_FILES = ("-wal", "-shm")


def database_size(path: Path) -> int:
    """Bytes of the database and its WAL (0 if there is none yet)."""
    total = 0
    for suffix in ("", "-wal"):
        try:
            total += os.stat(f"{path}{suffix}").st_size
        except OSError:
            pass
    return total


def quick_check(conn: engine.Connection, *, full: bool = False) -> list[str]:
    """The problems SQLite finds (``[]`` when sound); ``full`` runs ``integrity_check``."""
    pragma = "integrity_check(50)" if full else "quick_check(20)"
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
    except engine.DatabaseError as e:
        return [str(e)]
    return [] if rows == ["ok"] else rows


# --- rolling backups ------------------------------------------------------------------------


@dataclass(frozen=True)
class Backup:
    path: Path
    moment: datetime
    reason: str


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUPS_DIR


def list_backups(data_dir: Path) -> list[Backup]:
    """The rolling backups, newest first (named ``surveyor-<UTC time>-<reason>.db``)."""
    found = []
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    for path in folder.glob("surveyor-*.db"):
        parts = path.stem.split("-")
        if len(parts) < 3:
            continue
        try:
            moment = datetime.strptime(parts[1], _STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Backup(path, moment, "-".join(parts[2:])))
    # Names keep the second: two backups of one second (an opening's, then a merge's) are
    # ordered by when each was written, not by their reasons' spelling.
    return sorted(found, key=lambda b: (b.moment, _written_ns(b.path), b.path.name), reverse=True)


def _written_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def backup_due(db_path: Path, now: datetime) -> bool:
    """Whether an opening should make a rolling backup (and so check a big database)."""
    newest = next((b for b in list_backups(db_path.parent) if b.reason == "start"), None)
    if newest is None:
        return True
    every = (
        BACKUP_EVERY_LARGE
        if database_size(db_path) > CHECK_EVERY_OPEN_BYTES
        else BACKUP_EVERY_SMALL
    )
    return now - newest.moment >= every


def _unchanged_since(db_path: Path, backup: Backup) -> bool:
    """True when neither the database nor its WAL was written after ``backup`` was made."""
    try:
        made = backup.path.stat().st_mtime
    except OSError:
        return False
    for suffix in ("", "-wal"):
        try:
            if os.stat(f"{db_path}{suffix}").st_mtime > made:
                return False
        except FileNotFoundError:
            continue
    return True


def make_backup(
    conn: engine.Connection,
    db_path: Path,
    *,
    reason: str,
    now: datetime,
    key: bytes | None = None,
) -> Path | None:
    """Copy the live database into ``backups/`` (backup API, then fsync and rename) and keep
    the newest ``KEEP_BACKUPS`` of this ``reason``. None when nothing changed since the newest
    copy. A store encrypted at rest (``key``) gets copies encrypted with the same key.
    Raises OSError / an SQLite error (the caller decides whether that matters)."""
    folder = backups_dir(db_path.parent)
    existing = list_backups(db_path.parent)
    if existing and _unchanged_since(db_path, existing[0]):
        return None
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone(UTC).strftime(_STAMP)
    target = folder / f"surveyor-{stamp}-{reason}.db"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"surveyor-{stamp}-{reason}{n}.db"
    part = target.with_name(target.name + ".part")
    try:
        engine.copy_database(conn, part, key)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    try:
        with open(part, "rb") as f:
            os.fsync(f.fileno())
        os.replace(part, target)
    except OSError:
        part.unlink(missing_ok=True)
        raise
    kept = [b for b in list_backups(db_path.parent) if b.reason.rstrip("0123456789") == reason]
    for old in kept[KEEP_BACKUPS:]:
        old.path.unlink(missing_ok=True)
    return target


# --- the doctor -----------------------------------------------------------------------------


@dataclass
class CheckReport:
    path: Path
    problems: list[str]
    backups: list[Backup]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class RepairReport:
    path: Path  # the new, sound database
    damaged_copy: Path  # the damaged file, renamed aside untouched
    backup_used: Path | None
    salvaged: dict[str, int] = field(default_factory=dict)  # rows read from the damaged file
    from_backup: dict[str, int] = field(default_factory=dict)  # rows it lost, from the backup
    unreadable: list[str] = field(default_factory=list)  # tables that could not be read at all


def _connect_readonly(path: Path, key: bytes | None) -> engine.Connection:
    return engine.connect(path, key, readonly=True)


def check(db_path: Path, *, key: bytes | None = None) -> CheckReport:
    """``surveyor doctor``: a full ``integrity_check``, changing nothing (``key``: of a
    store encrypted at rest)."""
    if not db_path.exists():
        raise StoreError(f"There is no database at {db_path}; nothing to check.")
    try:
        conn = _connect_readonly(db_path, key)
    except engine.Error as e:
        return CheckReport(db_path, [str(e)], list_backups(db_path.parent))
    try:
        problems = quick_check(conn, full=True)
    finally:
        conn.close()
    return CheckReport(db_path, problems, list_backups(db_path.parent))


def _columns(conn: engine.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _copy_rows(
    source: engine.Connection, target: engine.Connection, table: str, columns: list[str]
) -> int:
    """Every row of ``table`` that can be read, forwards then backwards from the end; rows
    already in the target (same key) are left as they are. Returns the rows added."""
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({", ".join("?" for _ in columns)})'
    added = 0
    last = None
    try:
        for row in source.execute(f'SELECT rowid, {names} FROM "{table}" ORDER BY rowid'):
            last = row[0]
            added += target.execute(insert, row[1:]).rowcount
    except engine.DatabaseError:
        try:
            where = "WHERE rowid > ?" if last is not None else ""
            for row in source.execute(
                f'SELECT rowid, {names} FROM "{table}" {where} ORDER BY rowid DESC',
                [last] if last is not None else [],
            ):
                added += target.execute(insert, row[1:]).rowcount
        except engine.DatabaseError:
            pass
    return added


def _tables(conn: engine.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            # (the answer search index is rebuilt by its triggers as the interviews are copied)
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != ? AND name NOT LIKE 'interviews_search%' ORDER BY rowid",
            [schema.MIGRATIONS.migrations_table],
        )
    ]


def _stat(path: Path) -> tuple:
    out = []
    for suffix in ("", *_SIDE_FILES[:1]):
        try:
            st = os.stat(f"{path}{suffix}")
            out.append((st.st_size, st.st_mtime_ns))
        except FileNotFoundError:
            out.append(None)
    return tuple(out)


def repair(
    db_path: Path,
    *,
    now: datetime,
    progress: Callable[[str], None] | None = None,
    key: bytes | None = None,
) -> RepairReport:
    """Rebuild ``db_path`` into a new file (see the module docstring); never writes the
    damaged one. Close Surveyor elsewhere first: a database written meanwhile is refused.
    A store encrypted at rest (``key``) is rebuilt encrypted with the same key."""
    db_path = Path(db_path)
    data_dir = db_path.parent
    if not db_path.exists():
        raise StoreError(f"There is no database at {db_path}; nothing to repair.")
    stamp = now.astimezone(UTC).strftime(_STAMP)
    before = _stat(db_path)
    work = Path(tempfile.mkdtemp(prefix=".doctor-", dir=data_dir))
    new_part = data_dir / f"{db_path.name}.repaired-{stamp}.part"
    try:
        # Read from a raw copy: SQLite may write to a file it reads (a checkpoint when the
        # connection closes), and the damaged file must stay exactly as it is.
        copy = work / db_path.name
        shutil.copyfile(db_path, copy)
        wal = Path(f"{db_path}-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(f"{copy}-wal"))
        source = engine.connect(copy, key)
        new_part.unlink(missing_ok=True)
        target_conn = engine.connect(new_part, key)
        report = RepairReport(path=db_path, damaged_copy=db_path, backup_used=None)
        try:
            target = Database(target_conn, execute_plugins=False, recursive_triggers=False)
            target_conn.execute("BEGIN IMMEDIATE")
            schema.migrate(target)
            tables = [t for t in _tables(target_conn)]
            for table in tables:
                if progress:
                    progress(table)
                try:
                    wanted = _columns(target_conn, table)
                    have = set(_columns(source, table))
                except engine.DatabaseError:
                    report.unreadable.append(table)
                    continue
                columns = [c for c in wanted if c in have]
                if not columns:
                    report.unreadable.append(table)
                    continue
                report.salvaged[table] = _copy_rows(source, target_conn, table, columns)
            backup = _newest_sound_backup(data_dir, key)
            if backup is not None:
                report.backup_used = backup
                old = _connect_readonly(backup, key)
                try:
                    for table in tables:
                        have = set(_columns(old, table))
                        columns = [c for c in _columns(target_conn, table) if c in have]
                        if columns:
                            added = _copy_rows(old, target_conn, table, columns)
                            if added:
                                report.from_backup[table] = added
                finally:
                    old.close()
            target_conn.execute("COMMIT")
            problems = quick_check(target_conn, full=True)
            if problems:
                raise StoreError(
                    f"The rebuilt database is not sound either ({problems[0]}); nothing was "
                    f"changed: {db_path} is where it was. Restore a copy from "
                    f"{backups_dir(data_dir)} by hand."
                )
            target_conn.execute("PRAGMA journal_mode = wal")
        finally:
            target_conn.close()
            source.close()
        with open(new_part, "rb") as f:
            os.fsync(f.fileno())
        if _stat(db_path) != before:
            raise StoreError(
                f"The database {db_path} was written while it was being repaired; nothing was "
                "changed. Close Surveyor everywhere and run the repair again."
            )
        damaged = data_dir / f"{db_path.name}.damaged-{stamp}"
        os.replace(db_path, damaged)
        for suffix in _SIDE_FILES:
            side = Path(f"{db_path}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{damaged}{suffix}"))
        os.replace(new_part, db_path)
        report.damaged_copy = damaged
        return report
    except engine.Error as e:
        raise StoreError(
            f"Could not rebuild {db_path} ({e}); nothing was changed. Restore a copy from "
            f"{backups_dir(data_dir)} by hand."
        ) from e
    except OSError as e:
        raise StoreError(
            f"Could not rebuild {db_path}: {e.strerror or e}; nothing was changed "
            "(is the disk full?)."
        ) from e
    finally:
        new_part.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)


def _newest_sound_backup(data_dir: Path, key: bytes | None) -> Path | None:
    for backup in list_backups(data_dir):
        try:
            conn = _connect_readonly(backup.path, key)
        except engine.Error:
            continue
        try:
            if not quick_check(conn):
                return backup.path
        finally:
            conn.close()
    return None
