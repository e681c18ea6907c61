"""Erasure of a resident's interview, everywhere in a data dir (issue 14, rights).

:func:`erase_interviews` removes an interview with its whole history: every version of it
(the edits it replaced and the edits that replaced it, by ``deprecated_id`` and the merge's
``superseded_by``), the variants and encrypted copies a merge kept, its attachments, the
conflicts naming it, and any row of any other table keyed by its ``instance_id`` (tables added
later included: found by their columns). The search index loses its words through the delete
trigger, then is *optimized* (FTS5 keeps deleted terms in older segments until they are
merged); freed pages are zeroed (``secure_delete``), the file rewritten (``VACUUM``) and the
WAL emptied, so the words are gone from the bytes on disk. The rolling backups and the
migration copies get the same treatment.

The door-to-door visits that name it stay (the door and its outcome counts are the campaign's
figures) but lose their note and their link to the interview.

The erasure is logged in ``erasures`` (the instanceID, when, where it came from; never an
answer): a batch or download bringing one of these interviews again merges nothing of it,
and :func:`erasure_list` is what travels to the laptops: in the campaign package, or as a
loose ``erasures.json`` signed by the coordinator (an unsigned one is ignored).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

from surveyor.encryption import signing
from surveyor.errors import InterviewNotFound
from surveyor.interviews.record import format_timestamp
from surveyor.store import engine

ERASURES_FILE = "erasures.json"
ERASURES_FORMAT = "surveyor-erasures"
ERASURES_VERSION = 2  # 2: signed by the coordinator (version 1 was not: now ignored)

log = logging.getLogger("surveyor.rights")


@dataclass
class Erased:
    """What an erasure removed (instanceIDs) and where it reached."""

    instance_ids: list[str] = field(default_factory=list)
    attachments: int = 0
    conflicts: int = 0
    copies: list[Path] = field(default_factory=list)  # backups cleaned too


def _tables(conn: engine.Connection) -> dict[str, set[str]]:
    """Every ordinary table and its columns."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    found = {}
    for name in names:
        try:
            found[name] = {r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')}
        except engine.DatabaseError:  # a shadow table of a virtual one
            continue
    return found


def history_of(conn: engine.Connection, instance_id: str) -> list[str]:
    """The instanceIDs of every version of the interview: the edits it replaced and those
    that replaced it, whatever their order of arrival."""
    tables = _tables(conn)
    seen: set[str] = set()
    todo = [instance_id]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        linked = conn.execute(
            "SELECT deprecated_id FROM interviews WHERE instance_id = ? AND deprecated_id IS "
            "NOT NULL UNION SELECT instance_id FROM interviews WHERE deprecated_id = ?",
            [current, current],
        ).fetchall()
        if "merge_state" in tables:
            linked += conn.execute(
                "SELECT superseded_by FROM merge_state WHERE instance_id = ? AND superseded_by "
                "IS NOT NULL UNION SELECT instance_id FROM merge_state WHERE superseded_by = ?",
                [current, current],
            ).fetchall()
        todo += [r[0] for r in linked if r[0] and r[0] not in seen]
    return sorted(seen)


def known(conn: engine.Connection, instance_id: str) -> bool:
    """Whether anything of ``instance_id`` is stored (the interview, a variant, a copy)."""
    for table, columns in _tables(conn).items():
        if "instance_id" in columns and table != "erasures":
            if conn.execute(
                f'SELECT 1 FROM "{table}" WHERE instance_id = ? LIMIT 1', [instance_id]
            ).fetchone():
                return True
    return False


def delete_rows(conn: engine.Connection, ids: list[str]) -> tuple[int, int]:
    """Delete every row of ``ids`` in the open transaction; (attachments, conflicts) removed."""
    tables = _tables(conn)
    marks = ", ".join("?" for _ in ids)
    attachments = conflicts = 0
    if "interview_variants" in tables and "variant_attachments" in tables:
        attachments += conn.execute(
            f"DELETE FROM variant_attachments WHERE variant_id IN (SELECT variant_id FROM "
            f"interview_variants WHERE instance_id IN ({marks}))",
            ids,
        ).rowcount
    if "merge_conflicts" in tables:
        conflict_ids = [
            r[0]
            for r in conn.execute(
                f"SELECT conflict_id FROM merge_conflicts WHERE subject IN ({marks})"
                + (
                    f" UNION SELECT conflict_id FROM conflict_versions WHERE instance_id IN "
                    f"({marks})"
                    if "conflict_versions" in tables
                    else ""
                ),
                ids + ids if "conflict_versions" in tables else ids,
            )
        ]
        if conflict_ids:
            cmarks = ", ".join("?" for _ in conflict_ids)
            if "conflict_versions" in tables:
                conn.execute(
                    f"DELETE FROM conflict_versions WHERE conflict_id IN ({cmarks})", conflict_ids
                )
            conflicts = conn.execute(
                f"DELETE FROM merge_conflicts WHERE conflict_id IN ({cmarks})", conflict_ids
            ).rowcount
    if "visits" in tables:
        # Door-to-door visits are the campaign's figures: they stay (the door and its outcome
        # counts), but no text written at the interview remains and the door no longer names it.
        conn.execute(
            f"UPDATE visits SET note = '', instance_id = NULL WHERE instance_id IN ({marks})", ids
        )
    # every other table keyed by instance_id; the interviews last (others refer to them)
    order = sorted(
        (t for t, cols in tables.items() if "instance_id" in cols),
        key=lambda t: (t == "interviews", t),
    )
    for table in order:
        if table in ("erasures", "visits"):
            continue
        count = conn.execute(f'DELETE FROM "{table}" WHERE instance_id IN ({marks})', ids).rowcount
        if table == "attachments":
            attachments += count
    return attachments, conflicts


def record_erasures(conn: engine.Connection, ids: Iterable[str], at: str, origin: str) -> None:
    conn.executemany(
        "INSERT INTO erasures (instance_id, erased_at, origin) VALUES (?, ?, ?) "
        "ON CONFLICT (instance_id) DO NOTHING",
        [(i, at, origin) for i in ids],
    )


def scrub(conn: engine.Connection) -> None:
    """After deleting: purge the search index's deleted terms, rewrite the file without the
    freed pages, and empty the WAL (outside any transaction)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'interviews_search'").fetchone():
        conn.execute("INSERT INTO interviews_search(interviews_search) VALUES ('optimize')")
        conn.commit()
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _write_and_scrub(conn: engine.Connection, write: Callable[[], object]) -> None:
    """Run ``write()`` in one immediate transaction of ``conn`` (a copy's, autocommit), then
    scrub what it freed."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        write()
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    scrub(conn)


def erase_in_copy(path: Path, ids: list[str], key: bytes | None = None) -> bool:
    """Erase ``ids`` from a copy of the database (a backup, encrypted with ``key`` when the
    store is); whether it held any of them."""
    conn = engine.connect(path, key, isolation_level=None)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        if not any(known(conn, i) for i in ids):
            return False
        _write_and_scrub(conn, lambda: delete_rows(conn, ids))
    finally:
        conn.close()
    with open(path, "rb") as f:
        os.fsync(f.fileno())
    return True


def copies_of(data_dir: Path) -> list[Path]:
    """The database's copies in the data dir: rolling backups and migration backups."""
    found = sorted((data_dir / "backups").glob("*.db")) if (data_dir / "backups").is_dir() else []
    found += sorted(p for p in data_dir.glob("surveyor.db.bak-*") if p.is_file())
    return found


def erasure_list(conn: engine.Connection) -> list[dict[str, str]]:
    return [
        {"instance_id": r[0], "erased_at": r[1]}
        for r in conn.execute("SELECT instance_id, erased_at FROM erasures ORDER BY erased_at")
    ]


def write_erasures_file(
    folder: Path, erasures: list[dict[str, str]], *, key=None, campaign_id: str = ""
) -> Path:
    """``folder/erasures.json``: the instanceIDs the coordinator erased (no answer), signed
    with the campaign's signing ``key`` (``surveyor/encryption/signing.py``), written to a
    temporary name then renamed (a laptop never reads half of it)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ERASURES_FILE
    tmp = folder / (ERASURES_FILE + ".part")
    data: dict = {
        "format": ERASURES_FORMAT,
        "version": ERASURES_VERSION,
        "campaign_id": campaign_id,
        "erasures": erasures,
    }
    if key is not None:
        data = signing.sign(data, key)
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return path


def erasure_ids(items: object) -> list[str]:
    """The instanceIDs of an erasure list's ``erasures`` (malformed entries skipped)."""
    if not isinstance(items, list):
        return []
    ids = [i.get("instance_id") for i in items if isinstance(i, dict)]
    return [i for i in ids if isinstance(i, str) and i.startswith("uuid:")]


def read_erasures_file(path: Path, signer: str | None) -> list[str] | None:
    """The instanceIDs of an ``erasures.json`` signed by ``signer`` (the campaign's
    coordinator, pinned from its package); None when it is not one, or not signed by it:
    then it is ignored with a logged warning (a stranger's file erases nothing)."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != ERASURES_FORMAT:
        return None
    if not signing.verify(data, signer):
        log.warning(
            "%s ignored: it is not signed by this campaign's coordinator%s",
            path,
            "" if signer else " (no campaign package was imported here yet)",
        )
        return None
    return erasure_ids(data.get("erasures"))


# --- on a Store ------------------------------------------------------------------------------


def erase(store, instance_ids: Iterable[str], *, origin: str, strict: bool = True) -> Erased:
    """Erase the interviews ``instance_ids`` with their whole history from ``store`` and its
    copies, and log it. ``strict``: an instanceID nothing is known of raises
    InterviewNotFound (a list from the coordinator, applied on a laptop, is not strict)."""
    wanted = list(dict.fromkeys(instance_ids))
    store.db.execute("PRAGMA secure_delete = ON")
    result = Erased()
    with store.transaction("erase an interview") as db:
        conn = db.conn
        ids: set[str] = set()
        for instance_id in wanted:
            if known(conn, instance_id):
                ids.update(history_of(conn, instance_id))
            elif strict:
                raise InterviewNotFound(instance_id)
        ordered = sorted(ids)
        if ordered:
            result.attachments, result.conflicts = delete_rows(conn, ordered)
        record_erasures(conn, sorted(ids | set(wanted)), store.now(), origin)
        result.instance_ids = ordered
    if result.instance_ids:
        scrub(store.db.conn)
        for copy in copies_of(Path(store.path).parent):
            if erase_in_copy(copy, result.instance_ids, store.key):
                result.copies.append(copy)
    return result


def erased_among(conn: engine.Connection, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` were erased here (a merge brings none of them back)."""
    return _listed_in(conn, "erasures", ids)


def _listed_in(conn: engine.Connection, table: str, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` stand in the ``instance_id`` column of ``table`` (500 a query)."""
    ids = [i for i in ids if i]
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(
            r[0]
            for r in conn.execute(
                f"SELECT instance_id FROM {table} WHERE instance_id IN ({marks})", chunk
            )
        )
    return found


def list_erasures(store) -> list[dict[str, str]]:
    with store.reading("read the erasure log") as db:
        return erasure_list(db.conn)


# --- retention -------------------------------------------------------------------------------


@dataclass
class RetentionDue:
    """An interview the retention period reaches: when it started counting and when it ends."""

    instance_id: str
    form_hash: str
    since: str
    due: str


def retention_due(conn: engine.Connection, days: int, until: str) -> list[RetentionDue]:
    """Interviews not purged yet whose retention ends on or before ``until`` (a stored
    timestamp): counted from their finalizing (their creation for a draft)."""
    found = []
    rows = conn.execute(
        "SELECT instance_id, form_hash, coalesce(finalized_at, created_at) FROM interviews "
        "WHERE instance_id NOT IN (SELECT instance_id FROM retention_purges)"
    )
    for instance_id, form_hash, since in rows:
        try:
            start = datetime.fromisoformat(since.replace("Z", "+00:00"))
        except (AttributeError, ValueError):
            continue
        due = format_timestamp(start + timedelta(days=days))
        if due <= until:
            found.append(RetentionDue(instance_id, form_hash, since, due))
    return sorted(found, key=lambda d: d.due)


def _strip(answers: dict, names: frozenset[str], removed: list[str]) -> dict:
    out = {}
    for key, value in answers.items():
        if isinstance(value, list):
            out[key] = [_strip(v, names, removed) if isinstance(v, dict) else v for v in value]
        elif key in names:
            if isinstance(value, str) and value:
                removed.append(value)
        else:
            out[key] = value
    return out


def purge_personal(conn: engine.Connection, targets: dict[str, frozenset[str]], at: str) -> int:
    """Remove the named personal fields from each interview of ``targets`` (its answers,
    the variants a merge kept, the files those fields named), in the open transaction, and
    remember it; the number of values removed."""
    tables = _tables(conn)
    total = 0
    for instance_id, names in targets.items():
        removed: list[str] = []
        row = conn.execute(
            "SELECT answers FROM interviews WHERE instance_id = ?", [instance_id]
        ).fetchone()
        if row is not None:
            answers = _strip(json.loads(row[0] or "{}"), names, removed)
            conn.execute(
                "UPDATE interviews SET answers = ? WHERE instance_id = ?",
                [json.dumps(answers, ensure_ascii=False, separators=(",", ":")), instance_id],
            )
        if "interview_variants" in tables:
            for variant_id, text in conn.execute(
                "SELECT variant_id, record FROM interview_variants WHERE instance_id = ?",
                [instance_id],
            ).fetchall():
                data = json.loads(text)
                if isinstance(data, dict) and isinstance(data.get("answers"), dict):
                    data["answers"] = _strip(data["answers"], names, removed)
                    conn.execute(
                        "UPDATE interview_variants SET record = ? WHERE variant_id = ?",
                        [json.dumps(data, ensure_ascii=False), variant_id],
                    )
        for value in set(removed):  # a personal photo or signature: its file goes too
            conn.execute(
                "DELETE FROM attachments WHERE instance_id = ? AND filename = ?",
                [instance_id, value],
            )
        conn.execute(
            "INSERT INTO retention_purges (instance_id, purged_at, fields) VALUES (?, ?, ?) "
            "ON CONFLICT (instance_id) DO NOTHING",
            [instance_id, at, len(removed)],
        )
        total += len(removed)
    return total


def visit_notes_due(conn: engine.Connection, before: str, keep: Undelivered | None = None) -> int:
    """How many visit notes were written at or before ``before`` (a stored timestamp), but
    ``keep``'s."""
    if "visits" not in _tables(conn):
        return 0
    where, params = _visit_notes_until(before, keep)
    return int(conn.execute(f"SELECT count(*) FROM visits WHERE {where}", params).fetchone()[0])


@dataclass(frozen=True)
class Undelivered:
    """A laptop's visits the coordinator may not have yet: those recorded on ``device_id``
    that were neither handed in nor acknowledged by a server (row ids above ``sent_mark``).
    A retention purge on the laptop leaves their notes until they have gone."""

    device_id: str
    sent_mark: int = 0

    def excluded(self) -> tuple[str, list[Any]]:
        """The SQL condition (and its parameters) that leaves these visits out."""
        return (
            " AND NOT (device_id = ? AND handed_in IS NULL AND rowid > ?)",
            [self.device_id, self.sent_mark],
        )


def _visit_notes_until(before: str, keep: Undelivered | None) -> tuple[str, list[Any]]:
    extra, params = keep.excluded() if keep is not None else ("", [])
    return "note != '' AND at <= ?" + extra, [before, *params]


def visit_notes_ids(conn: engine.Connection, before: str, keep: Undelivered | None) -> list[str]:
    """The visits whose notes :func:`purge_visit_notes` empties (to do the same in a backup,
    which may not know what was delivered since)."""
    if "visits" not in _tables(conn):
        return []
    where, params = _visit_notes_until(before, keep)
    return [r[0] for r in conn.execute(f"SELECT visit_id FROM visits WHERE {where}", params)]


def _empty_notes_of(conn: engine.Connection, visit_ids: list[str]) -> None:
    for start in range(0, len(visit_ids), 500):
        chunk = visit_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        conn.execute(f"UPDATE visits SET note = '' WHERE visit_id IN ({marks})", chunk)


def purge_visit_notes(conn: engine.Connection, before: str, keep: Undelivered | None = None) -> int:
    """Empty the notes of the visits made at or before ``before`` (but ``keep``'s), in the
    open transaction (the visits, their outcomes and their doors stay); how many."""
    if "visits" not in _tables(conn):
        return 0
    where, params = _visit_notes_until(before, keep)
    return conn.execute(f"UPDATE visits SET note = '' WHERE {where}", params).rowcount


def purge_in_copy(
    path: Path,
    targets: dict[str, frozenset[str]],
    at: str,
    notes_before: str | None = None,
    key: bytes | None = None,
    note_ids: list[str] | None = None,
) -> None:
    """The same purge in a copy of the database (a backup, encrypted with ``key`` when the
    store is) that has the interviews; the notes of the visits ``note_ids`` when given, else
    those made until ``notes_before``."""
    conn = engine.connect(path, key, isolation_level=None)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        if "retention_purges" not in _tables(conn):
            conn.execute(
                "CREATE TABLE retention_purges (instance_id TEXT PRIMARY KEY NOT NULL, "
                "purged_at TEXT NOT NULL, fields INTEGER NOT NULL DEFAULT 0)"
            )

        def purge() -> None:
            purge_personal(conn, targets, at)
            if notes_before is not None:
                if note_ids is not None:
                    _empty_notes_of(conn, note_ids)
                else:
                    purge_visit_notes(conn, notes_before)

        _write_and_scrub(conn, purge)
    finally:
        conn.close()


def purged_among(conn: engine.Connection, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` the retention purge removed here (a merge brings none of them back)."""
    return _listed_in(conn, "retention_purges", ids)


def apply_retention(
    store,
    targets: dict[str, frozenset[str]],
    *,
    notes_before: str | None = None,
    keep: Undelivered | None = None,
) -> tuple[int, int]:
    """Purge ``targets`` (instanceID -> personal field names) and, with ``notes_before``, the
    notes of the visits made until then (but ``keep``'s: a laptop's not yet delivered), in
    ``store`` and its copies; (personal values, visit notes) removed."""
    if not targets and notes_before is None:
        return 0, 0
    at = store.now()
    store.db.execute("PRAGMA secure_delete = ON")
    with store.transaction("remove the personal fields past the retention period") as db:
        removed = purge_personal(db.conn, targets, at)
        note_ids = None
        if notes_before is not None and keep is not None:
            note_ids = visit_notes_ids(db.conn, notes_before, keep)
        notes = purge_visit_notes(db.conn, notes_before, keep) if notes_before is not None else 0
    if not removed and not notes and not targets:
        return 0, 0
    scrub(store.db.conn)
    for copy in copies_of(Path(store.path).parent):
        purge_in_copy(copy, targets, at, notes_before, store.key, note_ids)
    return removed, notes
