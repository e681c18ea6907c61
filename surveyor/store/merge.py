"""Store methods for batches: hand-ins written by a laptop, batches merged by a coordinator.

``MergeStore(store)`` works on the store's own connection and transactions (one writer: call
it from the thread that owns the store). It only reads and writes: what becomes of each
arriving interview is decided by the merge rules, :mod:`surveyor.interviews.merging` (pure,
no SQL), from what this module loads; the batch file format and the checks of a batch live
in :mod:`surveyor.batches`, which hands this module plain data.

What is written for each decision:

- a new instanceID: its row in ``interviews``, its files, its ``merge_state`` (content hash,
  batch); ``superseded_by`` links as the rules say (the old version stays, linked);
- a same_id conflict: the newcomer in ``interview_variants`` (with its files), the conflict
  listed; an edit conflict: both edits stored, the conflict listed until
  :meth:`MergeStore.resolve_conflict`;
- a whole batch is written in one transaction, and remembered by (batch id, file sha256).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import Any

from surveyor import jsontext
from surveyor.errors import ConflictNotFound
from surveyor.errors import StoreError
from surveyor.interviews import record
from surveyor.interviews.merging import Action
from surveyor.interviews.merging import ConflictKind
from surveyor.interviews.merging import Counts
from surveyor.interviews.merging import Decision
from surveyor.interviews.merging import Existing
from surveyor.interviews.merging import Ledger
from surveyor.interviews.merging import Version
from surveyor.interviews.merging import content_sha256
from surveyor.interviews.merging import decide_encrypted
from surveyor.interviews.merging import edit_loops
from surveyor.interviews.merging import ids_on_loops
from surveyor.interviews.record import Interview
from surveyor.interviews.record import Status
from surveyor.store.rights import erased_among
from surveyor.store.rights import purged_among
from surveyor.store.store import NOT_REPLACED
from surveyor.store.store import Store

__all__ = ["ApplyCounts", "MergeStore", "content_sha256", "edit_loops"]

ApplyCounts = Counts  # what apply_batch returns (the merge's one counts record)


@dataclass
class BatchInfo:
    """Who made a batch, and which file it is."""

    batch_id: str
    sha256: str
    file_name: str
    device_id: str = ""
    device_label: str = ""
    interviewer: str = ""
    created_at: str = ""


@dataclass
class IncomingForm:
    content_hash: str
    form_id: str
    version: str
    title: str
    source_name: str
    source_bytes: bytes | None
    xform: str
    media: dict[str, bytes] = field(default_factory=dict)


@dataclass
class IncomingInterview:
    """A checked interview of a batch, ready to write."""

    instance_id: str
    deprecated_id: str | None
    interviewer: str
    content_sha256: str
    values: tuple  # record.record_values(): the record's columns in record.COLUMNS order
    record: dict[str, Any] | str  # Interview.to_dict() as read (or its JSON text)
    attachments: list[tuple[str, str, int, str]] = field(default_factory=list)
    # (filename, media_type, size, sha256)

    @property
    def version(self) -> Version:
        return Version(self.instance_id, self.content_sha256, self.deprecated_id)

    @classmethod
    def of_record(
        cls,
        data: dict[str, Any],
        attachments: list[tuple[str, str, int, str]],
        *,
        text: str | None = None,
    ) -> IncomingInterview:
        """The arriving interview whose record is ``data`` (``Interview.to_dict()``'s keys,
        answers included; ``text``: its JSON text as read, kept instead of ``data``) with its
        attachments, and its content hash over the store's text of the answers."""
        answers_json = jsontext.dumps(data["answers"])
        deprecated_id = data.get("deprecated_id")
        return cls(
            instance_id=data["instance_id"],
            deprecated_id=deprecated_id,
            interviewer=data.get("interviewer") or "",
            content_sha256=content_sha256(
                data["form_hash"], deprecated_id, answers_json, [(a[0], a[3]) for a in attachments]
            ),
            values=record.record_values(data, answers_json),
            record=data if text is None else text,
            attachments=attachments,
        )


@dataclass
class IncomingEncrypted:
    instance_id: str
    sha256: str
    form_id: str
    form_version: str
    form_hash: str
    interviewer: str
    stub: dict[str, Any]
    read: Callable[[], bytes]


@dataclass
class ConflictVersion:
    """One of the versions in conflict; pass ``key`` to :meth:`resolve_conflict`."""

    key: str
    instance_id: str
    batch_id: str | None
    interviewer: str
    device_id: str
    finalized_at: str | None
    instance_name: str
    content_sha256: str
    answers: dict[str, Any]
    stored: bool  # the version currently in the interviews table (else a kept variant)


@dataclass
class Conflict:
    conflict_id: int
    kind: str  # "edit": two edits of `subject`; "same_id": two contents for instance `subject`
    subject: str
    detected_at: str
    batch_id: str | None
    resolved_at: str | None
    kept: str | None
    versions: list[ConflictVersion] = field(default_factory=list)


@dataclass
class HandInRecord:
    batch_id: str
    path: str
    created_at: str
    interviews: int
    newly_handed_in: int


def _json_ids(ids: Iterable[str]) -> str:
    return json.dumps(list(ids))


def _variant_key(instance_id: str, sha: str) -> str:
    """The key of one content of an instanceID in a same_id conflict."""
    return f"{instance_id}#{sha[:16]}"


class MergeStore:
    """Batch methods over a :class:`~surveyor.store.Store` (see the module docstring)."""

    def __init__(self, store: Store):
        self.store = store

    # --- the interviewer's side ------------------------------------------------------------

    def hand_in_candidates(self, instance_ids: Iterable[str] | None = None) -> list[str]:
        """Ids of the interviews a hand-in carries: finalized or exported, made here, and
        current (a version replaced by a correction is never handed in again).

        Interviews received from batches are left out unless named in ``instance_ids``.
        """
        statuses = [str(Status.FINALIZED), str(Status.HANDED_IN)]
        with self.store.reading("list the interviews to hand in") as db:
            if instance_ids is not None:
                rows = db.execute(
                    "SELECT i.instance_id FROM interviews i WHERE i.status IN (?, ?) "
                    f"AND {NOT_REPLACED} AND i.instance_id IN "
                    "(SELECT value FROM json_each(?)) ORDER BY i.finalized_at, i.instance_id",
                    [*statuses, _json_ids(instance_ids)],
                ).fetchall()
            else:
                rows = db.execute(
                    "SELECT i.instance_id FROM interviews i LEFT JOIN merge_state m "
                    "ON m.instance_id = i.instance_id WHERE i.status IN (?, ?) "
                    f"AND m.batch_id IS NULL AND {NOT_REPLACED} "
                    "ORDER BY i.finalized_at, i.instance_id",
                    statuses,
                ).fetchall()
        return [r[0] for r in rows]

    def count_to_hand_in(self) -> int:
        """How many finalized interviews made here (current versions) have not been handed
        in yet."""
        with self.store.reading("count the interviews to hand in") as db:
            return db.execute(
                "SELECT count(*) FROM interviews i LEFT JOIN merge_state m "
                "ON m.instance_id = i.instance_id WHERE i.status = ? AND m.batch_id IS NULL "
                f"AND {NOT_REPLACED}",
                [str(Status.FINALIZED)],
            ).fetchone()[0]

    def attachment_bytes(self, instance_id: str) -> dict[str, bytes]:
        """Every attached file of an interview, by name."""
        with self.store.reading(f"read the files of interview {instance_id}") as db:
            return {
                name: bytes(data)
                for name, data in db.execute(
                    "SELECT filename, data FROM attachments WHERE instance_id = ? "
                    "ORDER BY filename",
                    [instance_id],
                )
            }

    def record_hand_in(
        self, *, batch_id: str, path: str, at: datetime, instance_ids: list[str], total: int
    ) -> list[str]:
        """Mark the finalized ones among ``instance_ids`` exported to ``path`` at ``at``.

        One transaction; returns the ids newly marked. Already exported ones are unchanged.
        """
        marked: list[str] = []
        with self.store.transaction(f"record the hand-in {path}") as db:
            rows = db.execute(
                "SELECT instance_id, handed_in FROM interviews WHERE status = ? AND "
                "instance_id IN (SELECT value FROM json_each(?))",
                [str(Status.FINALIZED), _json_ids(instance_ids)],
            ).fetchall()
            stamp = record.format_timestamp(at)
            updates = []
            for instance_id, handed_in in rows:
                entries = json.loads(handed_in) + [{"to": path, "at": stamp}]
                updates.append(
                    [str(Status.HANDED_IN), stamp, stamp, jsontext.dumps(entries), instance_id]
                )
                marked.append(instance_id)
            db.conn.executemany(
                "UPDATE interviews SET status = ?, exported_at = ?, updated_at = ?, "
                "handed_in = ? WHERE instance_id = ?",
                updates,
            )
            db.execute(
                "INSERT INTO hand_ins (batch_id, path, created_at, interviews, newly_handed_in) "
                "VALUES (?, ?, ?, ?, ?)",
                [batch_id, path, stamp, total, len(marked)],
            )
        return marked

    def list_hand_ins(self) -> list[HandInRecord]:
        """The batches this laptop wrote, newest first."""
        with self.store.reading("list the hand-ins") as db:
            rows = db.execute(
                "SELECT batch_id, path, created_at, interviews, newly_handed_in FROM hand_ins "
                "ORDER BY created_at DESC, rowid DESC"
            ).fetchall()
        return [HandInRecord(*r) for r in rows]

    # --- the coordinator's side -----------------------------------------------------------

    def batch_imported(self, batch_id: str, sha256: str) -> bool:
        """Whether this very batch file (id and bytes) was merged already."""
        with self.store.reading("check the imported batches") as db:
            return (
                db.execute(
                    "SELECT 1 FROM imported_batches WHERE batch_id = ? AND sha256 = ?",
                    [batch_id, sha256],
                ).fetchone()
                is not None
            )

    def known_form_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these form content hashes are stored."""
        with self.store.reading("look up forms") as db:
            return {
                r[0]
                for r in db.execute(
                    "SELECT content_hash FROM forms WHERE content_hash IN "
                    "(SELECT value FROM json_each(?))",
                    [_json_ids(hashes)],
                )
            }

    def superseded(self) -> dict[str, str]:
        """Replaced versions: old instanceID -> the instanceID that replaces it."""
        with self.store.reading("list the replaced interviews") as db:
            replaced = dict(
                db.execute(
                    "SELECT instance_id, superseded_by FROM merge_state "
                    "WHERE superseded_by IS NOT NULL"
                ).fetchall()
            )
        # a damaged chain (replaced by itself, or in a loop) hides nothing
        looping = ids_on_loops(replaced)
        return {old: new for old, new in replaced.items() if old not in looping}

    def edit_loops(self, interviews: Iterable[IncomingInterview]) -> list[str]:
        """The incoming interviews whose edit chain, through the incoming ones and the stored
        ones, comes back to them (they would hide themselves from every export)."""
        links = {i.instance_id: i.deprecated_id for i in interviews if i.deprecated_id}
        if not links:
            return []
        with self.store.reading("follow the edit chains") as db:

            def stored(instance_id: str) -> str | None:
                row = db.execute(
                    "SELECT deprecated_id FROM interviews WHERE instance_id = ?", [instance_id]
                ).fetchone()
                return row[0] if row else None

            return edit_loops(links, stored)

    def apply_batch(
        self,
        batch: BatchInfo,
        *,
        forms: list[IncomingForm],
        interviews: list[IncomingInterview],
        read_attachment: Callable[[str, str], bytes],
        encrypted: list[IncomingEncrypted] = (),
    ) -> Counts:
        """Write a checked batch in one transaction and remember it; return the counts.

        The merge rules (:class:`~surveyor.interviews.merging.Ledger`) decide each interview
        from what is stored; this writes the decisions.
        """
        counts = Counts()
        now = self.store.now()
        with self.store.transaction(f"merge the batch {batch.file_name}") as db:
            conn = db.conn
            # interviews erased here (a resident's right) never come back with a batch
            erased = erased_among(
                conn,
                [i.instance_id for i in interviews]
                + [i.deprecated_id or "" for i in interviews]
                + [e.instance_id for e in encrypted],
            )
            # nor do those whose personal fields the retention period removed
            purged = purged_among(conn, [i.instance_id for i in interviews])
            if erased or purged:
                interviews = [
                    i
                    for i in interviews
                    if i.instance_id not in erased | purged and i.deprecated_id not in erased
                ]
                encrypted = [e for e in encrypted if e.instance_id not in erased]
            for form in forms:
                conn.execute(
                    "INSERT INTO forms (content_hash, form_id, version, title, source_name, "
                    "source_bytes, xform, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (content_hash) DO NOTHING",
                    [
                        form.content_hash,
                        form.form_id,
                        form.version,
                        form.title,
                        form.source_name,
                        form.source_bytes,
                        form.xform,
                        now,
                    ],
                )
                conn.executemany(
                    "INSERT INTO form_media (content_hash, filename, data) VALUES (?, ?, ?) "
                    "ON CONFLICT DO NOTHING",
                    [(form.content_hash, n, d) for n, d in form.media.items()],
                )

            ledger = Ledger(self._known(conn, interviews))
            decisions = [ledger.decide(inc.version) for inc in interviews]
            self._write(conn, interviews, decisions, counts, batch.batch_id, now, read_attachment)

            for enc in encrypted:
                stored = [
                    r[0]
                    for r in conn.execute(
                        "SELECT sha256 FROM encrypted_interviews WHERE instance_id = ?",
                        [enc.instance_id],
                    )
                ]
                action = decide_encrypted(enc.sha256, stored)
                if action is not Action.DUPLICATE:
                    conn.execute(
                        "INSERT INTO encrypted_interviews (instance_id, sha256, form_id, "
                        "form_version, form_hash, stub, data, batch_id, received_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            enc.instance_id,
                            enc.sha256,
                            enc.form_id,
                            enc.form_version,
                            enc.form_hash,
                            jsontext.dumps(enc.stub),
                            enc.read(),
                            batch.batch_id,
                            now,
                        ],
                    )
                counts.count(enc.interviewer, action)

            conn.execute(
                "INSERT INTO imported_batches (batch_id, sha256, file_name, device_id, "
                "device_label, interviewer, created_at, imported_at, counts) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [
                    batch.batch_id,
                    batch.sha256,
                    batch.file_name,
                    batch.device_id,
                    batch.device_label,
                    batch.interviewer,
                    batch.created_at,
                    now,
                    jsontext.dumps(counts.as_dict()),
                ],
            )
        return counts

    def _known(self, conn, interviews: list[IncomingInterview]) -> list[Existing]:
        """What the rules need to know of the stored versions: those with an arriving
        instanceID, those the arriving ones edit, and the merged edits of both."""
        ids = [i.instance_id for i in interviews]
        targets = {i.deprecated_id for i in interviews if i.deprecated_id}
        _ensure_state(conn, ids)
        wanted = _json_ids(ids if not targets else [*ids, *sorted(targets - set(ids))])
        known = {
            iid: (rowid, iid, sha, dep, sup)
            for rowid, iid, dep, sha, sup in conn.execute(
                "SELECT i.rowid, i.instance_id, i.deprecated_id, m.content_sha256, "
                "m.superseded_by FROM interviews i LEFT JOIN merge_state m "
                "ON m.instance_id = i.instance_id "
                "WHERE i.instance_id IN (SELECT value FROM json_each(?))",
                [wanted],
            )
        }
        # the merged edits of these (an interview made here and never merged is not one)
        for rowid, iid, dep, sha, sup in conn.execute(
            "SELECT i.rowid, i.instance_id, i.deprecated_id, m.content_sha256, m.superseded_by "
            "FROM interviews i JOIN merge_state m ON m.instance_id = i.instance_id "
            "WHERE i.deprecated_id IN (SELECT value FROM json_each(?))",
            [wanted],
        ):
            known.setdefault(iid, (rowid, iid, sha, dep, sup))
        variants: dict[str, set[str]] = {}
        if known:
            for iid, sha in conn.execute(
                "SELECT instance_id, content_sha256 FROM interview_variants WHERE "
                "instance_id IN (SELECT value FROM json_each(?))",
                [_json_ids(ids)],
            ):
                variants.setdefault(iid, set()).add(sha)
        return [  # oldest first: the rules take the earliest of equal edits
            Existing(iid, sha, dep, sup, frozenset(variants.get(iid, ())))
            for _rowid, iid, sha, dep, sup in sorted(known.values())
        ]

    def _write(
        self,
        conn,
        interviews: list[IncomingInterview],
        decisions: list[Decision],
        counts: Counts,
        batch_id: str,
        now: str,
        read_attachment: Callable[[str, str], bytes],
    ) -> None:
        """Write what the rules decided for ``interviews``."""
        fresh = [inc for inc, d in zip(interviews, decisions, strict=True) if d.fresh]
        columns = ", ".join(record.COLUMN_NAMES)
        marks = ", ".join("?" for _ in record.COLUMN_NAMES)
        conn.executemany(
            f"INSERT INTO interviews ({columns}) VALUES ({marks})", [i.values for i in fresh]
        )
        conn.executemany(
            "INSERT INTO merge_state (instance_id, content_sha256, batch_id, merged_at) "
            "VALUES (?, ?, ?, ?)",
            [(i.instance_id, i.content_sha256, batch_id, now) for i in fresh],
        )
        files = [(i.instance_id, a) for i in fresh for a in i.attachments]
        if files:
            conn.executemany(
                "INSERT INTO attachments (instance_id, filename, media_type, size, sha256, "
                "data, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    (iid, a[0], a[1], a[2], a[3], read_attachment(iid, a[0]), now)
                    for iid, a in files
                ),
            )
        for inc, decision in zip(interviews, decisions, strict=True):
            for old, new in decision.links:
                _supersede(conn, old, new, now)
            note = decision.conflict
            if note is not None:
                if note.kind is ConflictKind.SAME_ID:
                    conflict_id = _same_id_conflict(
                        conn, inc, note.earlier[0], batch_id, now, read_attachment
                    )
                else:
                    conflict_id = _open_conflict(conn, "edit", note.subject)
                    if conflict_id is None:
                        conflict_id = _new_conflict(conn, "edit", note.subject, batch_id, now)
                        for iid in note.earlier:
                            _add_version(conn, conflict_id, iid, iid, None, _batch_of(conn, iid))
                    _add_version(
                        conn, conflict_id, inc.instance_id, inc.instance_id, None, batch_id
                    )
                counts.conflict_ids.append(conflict_id)
            counts.count(inc.interviewer, decision.action)

    # --- conflicts -------------------------------------------------------------------------

    def list_conflicts(self, *, include_resolved: bool = False) -> list[Conflict]:
        """Merge conflicts (open ones only by default), oldest first, with their versions."""
        where = "" if include_resolved else "WHERE resolved_at IS NULL"
        with self.store.reading("list the merge conflicts") as db:
            rows = db.execute(
                "SELECT conflict_id, kind, subject, detected_at, batch_id, resolved_at, kept "
                f"FROM merge_conflicts {where} ORDER BY conflict_id"
            ).fetchall()
            conflicts = [Conflict(*r) for r in rows]
            for conflict in conflicts:
                conflict.versions = self._versions(db.conn, conflict.conflict_id)
        return conflicts

    @staticmethod
    def _versions(conn, conflict_id: int) -> list[ConflictVersion]:
        versions = []
        for key, instance_id, variant_id, batch_id in conn.execute(
            "SELECT key, instance_id, variant_id, batch_id FROM conflict_versions "
            "WHERE conflict_id = ? ORDER BY rowid",
            [conflict_id],
        ).fetchall():
            if variant_id is not None:
                sha, data = conn.execute(
                    "SELECT content_sha256, record FROM interview_variants WHERE variant_id = ?",
                    [variant_id],
                ).fetchone()
                data = json.loads(data)
                stored = False
            else:
                row = conn.execute(
                    "SELECT i.interviewer, i.device_id, i.finalized_at, i.instance_name, "
                    "i.answers, m.content_sha256 FROM interviews i LEFT JOIN merge_state m "
                    "ON m.instance_id = i.instance_id WHERE i.instance_id = ?",
                    [instance_id],
                ).fetchone()
                data = {
                    "interviewer": row[0],
                    "device_id": row[1],
                    "finalized_at": row[2],
                    "instance_name": row[3],
                    "answers": json.loads(row[4]),
                }
                sha = row[5] or ""
                stored = True
            versions.append(
                ConflictVersion(
                    key=key,
                    instance_id=instance_id,
                    batch_id=batch_id,
                    interviewer=data.get("interviewer", ""),
                    device_id=data.get("device_id", ""),
                    finalized_at=data.get("finalized_at"),
                    instance_name=data.get("instance_name", ""),
                    content_sha256=sha,
                    answers=data.get("answers") or {},
                    stored=stored,
                )
            )
        return versions

    def resolve_conflict(self, conflict_id: int, keep_instance_id: str) -> Conflict:
        """Keep one version of a conflict; the others stay in the database, superseded.

        ``keep_instance_id`` is a version's ``key`` (for an edit conflict, its instanceID).
        For a same_id conflict, keeping a variant puts it in the interviews table and keeps
        the replaced content as a variant.
        """
        now = self.store.now()
        with self.store.transaction(f"resolve the merge conflict {conflict_id}") as db:
            conn = db.conn
            row = conn.execute(
                "SELECT kind, subject FROM merge_conflicts WHERE conflict_id = ?", [conflict_id]
            ).fetchone()
            if row is None:
                raise ConflictNotFound(f"No merge conflict {conflict_id} in the local database.")
            kind, subject = row
            versions = conn.execute(
                "SELECT key, instance_id, variant_id FROM conflict_versions WHERE conflict_id = ?",
                [conflict_id],
            ).fetchall()
            chosen = [v for v in versions if v[0] == keep_instance_id]
            if not chosen:
                keys = ", ".join(v[0] for v in versions)
                raise StoreError(
                    f"The merge conflict {conflict_id} has no version {keep_instance_id!r} "
                    f"(its versions are {keys}); nothing was changed."
                )
            key, instance_id, _variant = chosen[0]
            if kind == "edit":
                for _k, other, _v in versions:
                    _supersede(conn, other, None if other == instance_id else instance_id, now)
                if conn.execute(
                    "SELECT 1 FROM interviews WHERE instance_id = ?", [subject]
                ).fetchone():
                    _supersede(conn, subject, instance_id, now)
            else:
                wanted = key.rpartition("#")[2]
                current = conn.execute(
                    "SELECT content_sha256 FROM merge_state WHERE instance_id = ?", [instance_id]
                ).fetchone()[0]
                if not current.startswith(wanted):
                    variant_id, sha, data = conn.execute(
                        "SELECT variant_id, content_sha256, record FROM interview_variants "
                        "WHERE instance_id = ? AND substr(content_sha256, 1, 16) = ?",
                        [instance_id, wanted],
                    ).fetchone()
                    self._swap_variant(conn, instance_id, variant_id, sha, json.loads(data), now)
            conn.execute(
                "UPDATE merge_conflicts SET resolved_at = ?, kept = ? WHERE conflict_id = ?",
                [now, key, conflict_id],
            )
        return next(
            c for c in self.list_conflicts(include_resolved=True) if c.conflict_id == conflict_id
        )

    def _swap_variant(
        self, conn, instance_id: str, variant_id: int, sha: str, data: dict, now: str
    ) -> None:
        """Put a kept variant in the interviews table; keep what it replaces as a variant."""
        current = self.store.get_interview(instance_id)
        current_sha = conn.execute(
            "SELECT content_sha256 FROM merge_state WHERE instance_id = ?", [instance_id]
        ).fetchone()[0]
        old_files = conn.execute(
            "SELECT filename, media_type, size, sha256, data FROM attachments "
            "WHERE instance_id = ?",
            [instance_id],
        ).fetchall()
        new_files = conn.execute(
            "SELECT filename, media_type, size, sha256, data FROM variant_attachments "
            "WHERE variant_id = ?",
            [variant_id],
        ).fetchall()
        # the variant row now holds the replaced content
        conn.execute(
            "UPDATE interview_variants SET content_sha256 = ?, record = ?, received_at = ? "
            "WHERE variant_id = ?",
            [current_sha, jsontext.dumps(current.to_dict()), now, variant_id],
        )
        conn.execute("DELETE FROM variant_attachments WHERE variant_id = ?", [variant_id])
        conn.executemany(
            "INSERT INTO variant_attachments (variant_id, filename, media_type, size, sha256, "
            "data) VALUES (?, ?, ?, ?, ?, ?)",
            [(variant_id, *f) for f in old_files],
        )
        values = record.interview_values(Interview.from_dict(data))
        kept = dict(zip(record.COLUMN_NAMES, values, strict=True))
        del kept["instance_id"]
        sets = ", ".join(f"{c} = ?" for c in kept)
        conn.execute(
            f"UPDATE interviews SET {sets} WHERE instance_id = ?", [*kept.values(), instance_id]
        )
        conn.execute("DELETE FROM attachments WHERE instance_id = ?", [instance_id])
        conn.executemany(
            "INSERT INTO attachments (instance_id, filename, media_type, size, sha256, data, "
            "added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(instance_id, *f, now) for f in new_files],
        )
        conn.execute(
            "UPDATE merge_state SET content_sha256 = ? WHERE instance_id = ?", [sha, instance_id]
        )


def _ensure_state(conn, ids: list[str]) -> None:
    """Give interviews made here (no merge_state row yet) their content hash."""
    rows = conn.execute(
        "SELECT i.instance_id, i.form_hash, i.deprecated_id, i.answers FROM interviews i "
        "LEFT JOIN merge_state m ON m.instance_id = i.instance_id WHERE m.instance_id IS NULL "
        "AND i.instance_id IN (SELECT value FROM json_each(?))",
        [_json_ids(ids)],
    ).fetchall()
    for instance_id, form_hash, deprecated_id, answers in rows:
        files = conn.execute(
            "SELECT filename, sha256 FROM attachments WHERE instance_id = ?", [instance_id]
        ).fetchall()
        sha = content_sha256(form_hash, deprecated_id, answers, files)
        conn.execute(
            "INSERT INTO merge_state (instance_id, content_sha256) VALUES (?, ?)",
            [instance_id, sha],
        )


def _supersede(conn, old: str, new: str | None, now: str) -> None:
    _ensure_state(conn, [old])
    conn.execute(
        "UPDATE merge_state SET superseded_by = ?, superseded_at = ? WHERE instance_id = ?",
        [new, now if new else None, old],
    )


def _open_conflict(conn, kind: str, subject: str) -> int | None:
    row = conn.execute(
        "SELECT conflict_id FROM merge_conflicts WHERE kind = ? AND subject = ? "
        "AND resolved_at IS NULL ORDER BY conflict_id DESC LIMIT 1",
        [kind, subject],
    ).fetchone()
    return row[0] if row else None


def _new_conflict(conn, kind: str, subject: str, batch_id: str, now: str) -> int:
    cursor = conn.execute(
        "INSERT INTO merge_conflicts (kind, subject, detected_at, batch_id) VALUES (?, ?, ?, ?)",
        [kind, subject, now, batch_id],
    )
    return cursor.lastrowid


def _add_version(
    conn, conflict_id: int, key: str, instance_id: str, variant_id: int | None, batch_id
) -> None:
    conn.execute(
        "INSERT INTO conflict_versions (conflict_id, key, instance_id, variant_id, batch_id) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [conflict_id, key, instance_id, variant_id, batch_id],
    )


def _same_id_conflict(
    conn,
    inc: IncomingInterview,
    stored_sha: str,
    batch_id: str,
    now: str,
    read_attachment: Callable[[str, str], bytes],
) -> int:
    """Keep the newcomer as a variant and list it (with the stored content) in the open
    same_id conflict of its instanceID, or a new one."""
    variant_id = conn.execute(
        "INSERT INTO interview_variants (instance_id, content_sha256, batch_id, received_at, "
        "record) VALUES (?, ?, ?, ?, ?)",
        [inc.instance_id, inc.content_sha256, batch_id, now, _record_text(inc.record)],
    ).lastrowid
    conn.executemany(
        "INSERT INTO variant_attachments (variant_id, filename, media_type, size, sha256, "
        "data) VALUES (?, ?, ?, ?, ?, ?)",
        [(variant_id, *a, read_attachment(inc.instance_id, a[0])) for a in inc.attachments],
    )
    conflict_id = _open_conflict(conn, "same_id", inc.instance_id)
    if conflict_id is None:
        conflict_id = _new_conflict(conn, "same_id", inc.instance_id, batch_id, now)
        key = _variant_key(inc.instance_id, stored_sha)
        _add_version(
            conn, conflict_id, key, inc.instance_id, None, _batch_of(conn, inc.instance_id)
        )
    key = _variant_key(inc.instance_id, inc.content_sha256)
    _add_version(conn, conflict_id, key, inc.instance_id, variant_id, batch_id)
    return conflict_id


def _batch_of(conn, instance_id: str) -> str | None:
    row = conn.execute(
        "SELECT batch_id FROM merge_state WHERE instance_id = ?", [instance_id]
    ).fetchone()
    return row[0] if row else None


def _record_text(data: dict[str, Any] | str) -> str:
    """The record as JSON text (a batch read in another process carries it as text)."""
    return data if isinstance(data, str) else jsontext.dumps(data)
