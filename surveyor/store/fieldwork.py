"""Doors and visits in the store (tables ``doors``, ``visits``, ``campaign``; m007_fieldwork).

Visits are events: inserted once by their id (``INSERT OR IGNORE``), never updated, so a batch
or a package merged twice counts each visit once. A door's status is derived from its visits
by the rules of :mod:`surveyor.fieldwork.model`; the store writes the result into the door's
row (``status``, ``visits``, ``contacted``, ``last_*``, ``appointment*``) in the same
transaction as the visits, so lists and the funnel read one table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import fields
from dataclasses import replace
from typing import Any

from surveyor.errors import DoorNotFound
from surveyor.fieldwork.model import ADDRESS_FIELDS
from surveyor.fieldwork.model import CONTACT_OUTCOMES
from surveyor.fieldwork.model import Door
from surveyor.fieldwork.model import DoorStatus
from surveyor.fieldwork.model import FieldworkReport
from surveyor.fieldwork.model import Funnel
from surveyor.fieldwork.model import Outcome
from surveyor.fieldwork.model import Visit
from surveyor.fieldwork.model import door_status
from surveyor.fieldwork.model import street_sort_key
from surveyor.fieldwork.records import DOOR_RECORD_FIELDS
from surveyor.store.rights import erased_among

# The door columns a record carries (file import, batch, package); the rest is derived.
DOOR_RECORD = DOOR_RECORD_FIELDS
DERIVED = (
    "status",
    "visits",
    "contacted",
    "last_visit_at",
    "last_outcome",
    "appointment",
    "appointment_day",
)
_DOOR_SELECT = ", ".join(f.name for f in fields(Door))
VISIT_COLUMNS = tuple(f.name for f in fields(Visit))
_CHUNK = 500


def _door(row: Sequence[Any]) -> Door:
    return Door(*row[:-1], bool(row[-1]))  # contacted (the last field) is stored as 0/1


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class FieldworkStore:
    """The fieldwork tables of a :class:`~surveyor.store.Store` (its connection and locks)."""

    def __init__(self, store):
        self.store = store

    # --- doors -------------------------------------------------------------------------------

    def next_list_number(self) -> int:
        with self.store.reading("read the door list") as db:
            row = db.execute(
                "SELECT max(CAST(door_id AS INTEGER)) FROM doors "
                "WHERE door_id != '' AND door_id NOT GLOB '*[^0-9]*'"
            ).fetchone()
        return int(row[0] or 0) + 1

    def next_field_number(self, prefix: str) -> int:
        with self.store.reading("read the door list") as db:
            rows = db.execute(
                "SELECT door_id FROM doors WHERE door_id GLOB ?", [f"{prefix}-*"]
            ).fetchall()
        numbers = [int(r[0][len(prefix) + 1 :]) for r in rows if r[0][len(prefix) + 1 :].isdigit()]
        return max(numbers, default=0) + 1

    def existing_ids(self, door_ids: Iterable[str]) -> set[str]:
        ids = list(dict.fromkeys(door_ids))
        found: set[str] = set()
        with self.store.reading("read the door list") as db:
            for chunk in _chunks(ids):
                marks = ", ".join("?" for _ in chunk)
                found.update(
                    r[0]
                    for r in db.execute(
                        f"SELECT door_id FROM doors WHERE door_id IN ({marks})", list(chunk)
                    )
                )
        return found

    def write_doors(self, records: Iterable[dict[str, Any]], *, mode: str) -> int:
        """Write door records (``DOOR_RECORD`` keys). ``mode``: ``insert`` (every id must be
        new), ``keep`` (ids already known are left as they are: a merge), ``update`` (the
        address and assignment of known ids are replaced: a newer package). Returns how many
        rows were written. The caller holds the transaction."""
        columns = ", ".join(DOOR_RECORD)
        marks = ", ".join("?" for _ in DOOR_RECORD)
        if mode == "insert":
            sql = f"INSERT INTO doors ({columns}) VALUES ({marks})"
        elif mode == "keep":
            sql = f"INSERT OR IGNORE INTO doors ({columns}) VALUES ({marks})"
        else:
            updated = ", ".join(
                f"{c} = excluded.{c}"
                for c in DOOR_RECORD
                if c not in ("door_id", "created_at", "device_id", "origin")
            )
            sql = (
                f"INSERT INTO doors ({columns}) VALUES ({marks}) "
                f"ON CONFLICT (door_id) DO UPDATE SET {updated}"
            )
        db = self.store.db
        written = 0
        rows = []
        for record in records:
            record = dict(record)
            if not record.get("sort_key"):
                record["sort_key"] = street_sort_key(**record)
            rows.append([record.get(c) for c in DOOR_RECORD])
        for chunk in _chunks(rows, 2000):
            cursor = db.conn.executemany(sql, chunk)
            written += max(cursor.rowcount, 0)
        return written

    def door_records(
        self, *, door_ids: Iterable[str] | None = None, origin: str | None = None
    ) -> list[dict[str, Any]]:
        """Door records (``DOOR_RECORD`` keys), in street order."""
        where, params = [], []
        if origin is not None:
            where.append("origin = ?")
            params.append(origin)
        sql = f"SELECT {', '.join(DOOR_RECORD)} FROM doors"
        with self.store.reading("read the door list") as db:
            if door_ids is None:
                if where:
                    sql += " WHERE " + " AND ".join(where)
                rows = db.execute(sql + " ORDER BY sort_key, door_id", params).fetchall()
            else:
                ids = list(dict.fromkeys(door_ids))
                rows = []
                for chunk in _chunks(ids):
                    marks = ", ".join("?" for _ in chunk)
                    clause = " AND ".join([*where, f"door_id IN ({marks})"])
                    rows += db.execute(f"{sql} WHERE {clause}", [*params, *chunk]).fetchall()
        return [dict(zip(DOOR_RECORD, row, strict=True)) for row in rows]

    def get_door(self, door_id: str) -> Door:
        with self.store.reading("read a door") as db:
            row = db.execute(
                f"SELECT {_DOOR_SELECT} FROM doors WHERE door_id = ?", [door_id]
            ).fetchone()
        if row is None:
            raise DoorNotFound(
                f"There is no door {door_id!r} in the door list of this data folder "
                "(`surveyor doors list` shows them); nothing was changed."
            )
        return _door(row)

    def list_doors(
        self, *, limit: int | None = None, offset: int = 0, **filters: Any
    ) -> list[Door]:
        """Doors in street order, filtered (every filter given must hold: ``_filter``'s)."""
        where, params = self._filter(**filters)
        sql = f"SELECT {_DOOR_SELECT} FROM doors{where} ORDER BY sort_key, door_id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        with self.store.reading("list the doors") as db:
            return [_door(r) for r in db.execute(sql, params)]

    def count_doors(self, **filters: Any) -> int:
        where, params = self._filter(**filters)
        with self.store.reading("count the doors") as db:
            return int(db.execute(f"SELECT count(*) FROM doors{where}", params).fetchone()[0])

    @staticmethod
    def _filter(
        *,
        statuses: Iterable[str] | None = None,
        sector: str | None = None,
        interviewer: str | None = None,
        search: str = "",
        appointment_day: str | None = None,
        origin: str | None = None,
    ) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if statuses is not None:
            wanted = [str(s) for s in statuses]
            where.append(f"status IN ({', '.join('?' for _ in wanted) or 'NULL'})")
            params += wanted
        for column, value in (
            ("sector", sector),
            ("interviewer", interviewer),
            ("appointment_day", appointment_day),
            ("origin", origin),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        for word in search.split():
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            text = " || ' ' || ".join(("door_id", *ADDRESS_FIELDS))
            where.append(f"({text}) LIKE ? ESCAPE '\\'")
            params.append(pattern)
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def assign(
        self, interviewer: str, *, sector: str | None = None, door_ids: Iterable[str] | None = None
    ) -> int:
        """Give doors (a sector's, or these) to ``interviewer``; how many changed hands."""
        with self.store.transaction("assign the doors") as db:
            if door_ids is not None:
                ids = list(dict.fromkeys(door_ids))
                missing = set(ids) - self.existing_ids(ids)
                if missing:
                    first = sorted(missing)[0]
                    raise DoorNotFound(
                        f"There is no door {first!r} in the door list; no door was assigned."
                    )
                changed = 0
                for chunk in _chunks(ids):
                    marks = ", ".join("?" for _ in chunk)
                    changed += db.execute(
                        f"UPDATE doors SET interviewer = ? WHERE door_id IN ({marks}) "
                        "AND interviewer != ?",
                        [interviewer, *chunk, interviewer],
                    ).rowcount
                return changed
            return db.execute(
                "UPDATE doors SET interviewer = ? WHERE sector = ? AND interviewer != ?",
                [interviewer, sector or "", interviewer],
            ).rowcount

    def sectors(self) -> list[str]:
        with self.store.reading("list the sectors") as db:
            return [r[0] for r in db.execute("SELECT DISTINCT sector FROM doors ORDER BY sector")]

    def door_interviewers(self) -> list[str]:
        with self.store.reading("list the interviewers") as db:
            return [
                r[0]
                for r in db.execute("SELECT DISTINCT interviewer FROM doors ORDER BY interviewer")
            ]

    def count_all(self) -> int:
        with self.store.reading("count the doors") as db:
            return int(db.execute("SELECT count(*) FROM doors").fetchone()[0])

    # --- visits ------------------------------------------------------------------------------

    def insert_visits(self, visits: Iterable[Visit], *, batch_id: str | None = None) -> int:
        """Insert visits not yet known (by visit id) and refresh their doors' status; the
        number newly inserted. The caller holds the transaction."""
        db = self.store.db
        visits = list(visits)
        if len(visits) > 10_000:  # the indexes' pages stay in memory (as merge_batches does)
            cache = db.execute("PRAGMA cache_size").fetchone()[0]
            db.execute("PRAGMA cache_size = -65536")
            try:
                return self._insert_visits(visits, batch_id)
            finally:
                db.execute(f"PRAGMA cache_size = {int(cache)}")
        return self._insert_visits(visits, batch_id)

    def _insert_visits(self, visits: list[Visit], batch_id: str | None) -> int:
        db = self.store.db
        columns = ", ".join((*VISIT_COLUMNS, "batch_id"))
        marks = ", ".join("?" for _ in range(len(VISIT_COLUMNS) + 1))
        sql = f"INSERT OR IGNORE INTO visits ({columns}) VALUES ({marks})"
        touched: set[str] = set()
        added = 0
        # a visit naming an interview erased here arrives without its note and its link
        # (docs/privacy.md, "Erasure": the erasure log keeps the interview from coming back)
        erased = erased_among(db.conn, {v.instance_id for v in visits if v.instance_id})
        rows = []
        for visit in visits:
            if visit.instance_id in erased:
                visit = replace(visit, note="", instance_id=None)
            rows.append([getattr(visit, c) for c in VISIT_COLUMNS] + [batch_id])
        for chunk in _chunks(rows, 2000):
            before = db.conn.total_changes
            db.conn.executemany(sql, chunk)
            if db.conn.total_changes != before:
                added += db.conn.total_changes - before
                touched.update(r[1] for r in chunk)
        if touched:
            self.refresh_doors(touched)
        return added

    def refresh_doors(self, door_ids: Iterable[str]) -> None:
        """Write each door's derived columns from its visits (the caller's transaction)."""
        db = self.store.db
        ids = list(dict.fromkeys(door_ids))
        contact = tuple(str(o) for o in CONTACT_OUTCOMES)
        updates = []
        for chunk in _chunks(ids):
            marks = ", ".join("?" for _ in chunk)
            per_door: dict[str, list[tuple]] = defaultdict(list)
            for row in db.execute(
                "SELECT door_id, outcome, at, visit_id, appointment, appointment_day "
                f"FROM visits WHERE door_id IN ({marks}) ORDER BY door_id, at, visit_id",
                list(chunk),
            ):
                per_door[row[0]].append(row)
            for door_id in chunk:
                updates.append(_derived(door_id, per_door.get(door_id, []), contact))
        db.conn.executemany(
            "UPDATE doors SET status = ?, visits = ?, contacted = ?, last_visit_at = ?, "
            "last_outcome = ?, appointment = ?, appointment_day = ? WHERE door_id = ?",
            updates,
        )

    def visits_of(self, door_id: str) -> list[Visit]:
        with self.store.reading("read the visits of a door") as db:
            rows = db.execute(
                f"SELECT {', '.join(VISIT_COLUMNS)} FROM visits WHERE door_id = ? "
                "ORDER BY at, visit_id",
                [door_id],
            ).fetchall()
        return [Visit(*r) for r in rows]

    def visits(
        self, *, device_id: str | None = None, door_ids: Iterable[str] | None = None
    ) -> list[Visit]:
        """Every visit (or those recorded on ``device_id``), oldest first."""
        sql = f"SELECT {', '.join(VISIT_COLUMNS)} FROM visits"
        params: list[Any] = []
        if device_id is not None:
            sql += " WHERE device_id = ?"
            params.append(device_id)
        with self.store.reading("read the visits") as db:
            rows = db.execute(sql + " ORDER BY at, visit_id", params).fetchall()
        visits = [Visit(*r) for r in rows]
        if door_ids is not None:
            wanted = set(door_ids)
            visits = [v for v in visits if v.door_id in wanted]
        return visits

    def count_visits(self) -> int:
        with self.store.reading("count the visits") as db:
            return int(db.execute("SELECT count(*) FROM visits").fetchone()[0])

    def door_of_interviews(self, instance_ids: Iterable[str] | None = None) -> dict[str, str]:
        """instanceID -> the door of the latest visit that names it (all, or these)."""
        sql = (
            "SELECT instance_id, door_id FROM visits WHERE instance_id IS NOT NULL "
            "AND instance_id != ''"
        )
        with self.store.reading("read the doors of the interviews") as db:
            if instance_ids is None:
                rows = db.execute(sql + " ORDER BY at, visit_id").fetchall()
            else:
                ids = list(dict.fromkeys(instance_ids))
                rows = []
                for chunk in _chunks(ids):
                    marks = ", ".join("?" for _ in chunk)
                    rows += db.execute(
                        f"{sql} AND instance_id IN ({marks}) ORDER BY at, visit_id", list(chunk)
                    ).fetchall()
        return {i: d for i, d in rows}

    # --- hand-in marks -----------------------------------------------------------------------

    def count_to_hand_in(self, device_id: str) -> int:
        """Visits and field-added doors recorded here and not yet in a batch."""
        with self.store.reading("count the visits to hand in") as db:
            visits = db.execute(
                "SELECT count(*) FROM visits WHERE device_id = ? AND handed_in IS NULL",
                [device_id],
            ).fetchone()[0]
            doors = db.execute(
                "SELECT count(*) FROM doors WHERE origin = 'field' AND device_id = ? "
                "AND handed_in IS NULL",
                [device_id],
            ).fetchone()[0]
        return int(visits) + int(doors)

    def mark_handed_in(self, device_id: str, batch_id: str) -> None:
        with self.store.transaction("mark the visits handed in") as db:
            db.execute(
                "UPDATE visits SET handed_in = ? WHERE device_id = ? AND handed_in IS NULL",
                [batch_id, device_id],
            )
            db.execute(
                "UPDATE doors SET handed_in = ? WHERE origin = 'field' AND device_id = ? "
                "AND handed_in IS NULL",
                [batch_id, device_id],
            )

    # --- what a server acknowledged (docs/fieldwork.md, "Visits through the server") ---------
    #
    # Visits and doors are never renumbered: what a server acknowledged is a mark, the highest
    # rowid of this laptop's visits (and of its field doors) it took, kept in ``campaign``
    # under ``server:<url>:visits`` / ``:doors`` (another server gets everything again).

    def server_marks(self, server: str) -> tuple[int, int]:
        visits = self.campaign_value(f"server:{server}:visits")
        doors = self.campaign_value(f"server:{server}:doors")
        return int(visits or 0), int(doors or 0)

    def sent_mark(self) -> int:
        """The highest visit row id a server acknowledged (whichever server; 0: none)."""
        with self.store.reading("read what the servers acknowledged") as db:
            row = db.execute(
                "SELECT max(CAST(value AS INTEGER)) FROM campaign WHERE key LIKE 'server:%:visits'"
            ).fetchone()
        return int(row[0] or 0)

    def unsent_to_server(
        self, device_id: str, server: str, *, limit: int
    ) -> tuple[list[dict[str, Any]], list[Visit], int, int]:
        """The next records for ``server``: door records (the doors added here it lacks, and
        those the visits name), up to ``limit`` visits recorded here it lacks; and the marks
        to keep once it acknowledged them."""
        visit_mark, door_mark = self.server_marks(server)
        with self.store.reading("read the visits to send") as db:
            visit_rows = db.execute(
                f"SELECT rowid, {', '.join(VISIT_COLUMNS)} FROM visits "
                "WHERE device_id = ? AND rowid > ? ORDER BY rowid LIMIT ?",
                [device_id, visit_mark, limit],
            ).fetchall()
            door_rows = db.execute(
                "SELECT rowid, door_id FROM doors WHERE origin = 'field' AND device_id = ? "
                "AND rowid > ? ORDER BY rowid",
                [device_id, door_mark],
            ).fetchall()
        visits = [Visit(*r[1:]) for r in visit_rows]
        ids = {r[1] for r in door_rows} | {v.door_id for v in visits}
        doors = self.door_records(door_ids=ids)
        return (
            doors,
            visits,
            visit_rows[-1][0] if visit_rows else visit_mark,
            door_rows[-1][0] if door_rows else door_mark,
        )

    def count_unsent_to_server(self, device_id: str, server: str) -> int:
        visit_mark, door_mark = self.server_marks(server)
        with self.store.reading("count the visits to send") as db:
            visits = db.execute(
                "SELECT count(*) FROM visits WHERE device_id = ? AND rowid > ?",
                [device_id, visit_mark],
            ).fetchone()[0]
            doors = db.execute(
                "SELECT count(*) FROM doors WHERE origin = 'field' AND device_id = ? AND rowid > ?",
                [device_id, door_mark],
            ).fetchone()[0]
        return int(visits) + int(doors)

    def mark_sent_to_server(self, server: str, visit_mark: int, door_mark: int) -> None:
        with self.store.transaction("mark the visits sent to the server"):
            self.set_campaign_value(f"server:{server}:visits", str(visit_mark))
            self.set_campaign_value(f"server:{server}:doors", str(door_mark))

    def merge_records(
        self, doors: list[dict[str, Any]], visits: list[Visit], *, source: str
    ) -> tuple[int, int]:
        """Merge doors and visits as a batch does (doors known keep what is here; visits
        inserted once by id), in one transaction; (new doors, new visits). A visit naming a
        door neither given nor here raises ValueError and nothing changes."""
        named = {v.door_id for v in visits} - {d["door_id"] for d in doors}
        unknown = named - self.existing_ids(named)
        if unknown:
            raise ValueError(
                f"a visit names the door {sorted(unknown)[0]!r}, which is neither sent with it "
                "nor in this database"
            )
        with self.store.transaction("merge the visits from the server"):
            new_doors = self.write_doors(doors, mode="keep")
            new_visits = self.insert_visits(visits, batch_id=source)
        return new_doors, new_visits

    # --- the funnel --------------------------------------------------------------------------

    def report(self, *, by_day: bool = True) -> FieldworkReport:
        """The funnel overall, per sector and per interviewer (from the doors' derived
        columns, one grouped query) and, with ``by_day``, per day (a scan of the visits)."""
        report = FieldworkReport()
        with self.store.reading("count the fieldwork") as db:
            rows = db.execute(
                "SELECT sector, interviewer, status, contacted, count(*), sum(visits) "
                "FROM doors GROUP BY sector, interviewer, status, contacted"
            ).fetchall()
        for sector, interviewer, status, contacted, count, visits in rows:
            for funnel in (
                report.overall,
                report.by_sector.setdefault(sector, Funnel()),
                report.by_interviewer.setdefault(interviewer, Funnel()),
            ):
                funnel.add_door(
                    status, contacted=bool(contacted), visits=int(visits or 0), count=count
                )
        report.by_sector = dict(sorted(report.by_sector.items()))
        report.by_interviewer = dict(sorted(report.by_interviewer.items()))
        if by_day:
            report.by_day = self.by_day()
        return report

    def by_day(self) -> dict[str, Funnel]:
        """Per day: the doors visited that day, each with the status that day's visits give
        (one scan of the covering index ``idx_visits_day``, in order)."""
        contact = frozenset(str(o) for o in CONTACT_OUTCOMES)
        refused, done = str(Outcome.REFUSED), str(Outcome.DONE)
        days: dict[str, Funnel] = {}
        key = None
        outcomes: list[str] = []

        def close() -> None:
            if key is None:
                return
            status = door_status(
                visited=True,
                refused=refused in outcomes,
                done=done in outcomes,
                last_outcome=outcomes[-1],
            )
            funnel = days.get(key[0])
            if funnel is None:
                funnel = days[key[0]] = Funnel()
            funnel.add_door(
                status, contacted=not contact.isdisjoint(outcomes), visits=len(outcomes)
            )

        with self.store.reading("count the fieldwork per day") as db:
            rows = db.execute(
                "SELECT day, door_id, outcome FROM visits INDEXED BY idx_visits_day "
                "ORDER BY day, door_id, at, visit_id"
            )
            for day, door_id, outcome in rows:
                if (day, door_id) != key:
                    close()
                    key = (day, door_id)
                    outcomes = []
                outcomes.append(outcome)
            close()
        return days

    # --- the campaign's own facts ------------------------------------------------------------

    def campaign_value(self, key: str) -> str | None:
        with self.store.reading("read the campaign") as db:
            row = db.execute("SELECT value FROM campaign WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_campaign_value(self, key: str, value: str) -> None:
        """(The caller's transaction.)"""
        self.store.db.execute(
            "INSERT INTO campaign (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


def _derived(door_id: str, rows: list[tuple], contact: tuple[str, ...]) -> list[Any]:
    """The derived columns of a door from its visits (oldest first), then its id."""
    if not rows:
        return [str(DoorStatus.NEW), 0, 0, None, None, None, None, door_id]
    outcomes = {r[1] for r in rows}
    last = rows[-1]
    status = door_status(
        visited=True,
        refused=Outcome.REFUSED in outcomes,
        done=Outcome.DONE in outcomes,
        last_outcome=last[1],
    )
    pending = status == DoorStatus.APPOINTMENT
    return [
        str(status),
        len(rows),
        int(any(r[1] in contact for r in rows)),
        last[2],
        last[1],
        last[4] if pending else None,
        last[5] if pending else None,
        door_id,
    ]
