"""Read-only queries for exports and the coordinator's overview (mixed into :class:`Store`).

They are written for 100,000 interviews and more: exports read answers in rowid batches (never
the whole table at once, never a sort of the answers), and the overview counts and lists in
one query each, with every filter applied in SQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from dataclasses import fields
from typing import Any

from surveyor.interviews import record
from surveyor.interviews.merging import ids_on_loops
from surveyor.interviews.record import InterviewSummary
from surveyor.interviews.record import Status
from surveyor.store import schema

# Statuses an export takes by default: every interview that was finalized (handed in or not).
SUBMITTED = (Status.FINALIZED, Status.SENT, Status.HANDED_IN, Status.FAILED)

# The day an interview counts for in the overview: when it was finalized, else last changed
# (UTC date of the stored timestamp).
DAY_SQL = "substr(coalesce(finalized_at, updated_at), 1, 10)"


@dataclass(frozen=True, slots=True)
class AnswerKeys:
    """Where each form keeps, among its answers, the interview's start and end (ODK's
    ``start``/``end`` metadata) and the interviewer's name: form_id -> answer key."""

    start: dict[str, str] = field(default_factory=dict)
    end: dict[str, str] = field(default_factory=dict)
    interviewer: dict[str, str] = field(default_factory=dict)

    def _case(self, keys: dict[str, str]) -> tuple[str, list[Any]]:
        if not keys:
            return "NULL", []
        sql, params = [], []
        for form_id, key in sorted(keys.items()):
            sql.append("WHEN ? THEN json_extract(answers, ?)")
            params += [form_id, f'$."{key}"']
        return "(CASE form_id " + " ".join(sql) + " END)", params

    @property
    def empty(self) -> bool:
        return not (self.start or self.end or self.interviewer)

    def fingerprint(self) -> tuple:
        return tuple(tuple(sorted(d.items())) for d in (self.start, self.end, self.interviewer))

    def day(self) -> tuple[str, list[Any]]:
        """The interview's day: the date of its start (as the laptop's clock wrote it, in
        local time), else of its end, else the day it was finalized (else last changed)."""
        if not self.start and not self.end:
            return DAY_SQL, []
        start, start_params = self._case(self.start)
        end, end_params = self._case(self.end)
        sql = (
            f"coalesce(substr(nullif({start}, ''), 1, 10), substr(nullif({end}, ''), 1, 10), "
            f"{DAY_SQL})"
        )
        return sql, start_params + end_params

    def who(self) -> tuple[str, list[Any]]:
        """Who did the interview: the form's interviewer answer, else the laptop's user."""
        if not self.interviewer:
            return "interviewer", []
        answer, params = self._case(self.interviewer)
        return f"coalesce(nullif(trim({answer}), ''), interviewer)", params


NO_KEYS = AnswerKeys()
# Who did each interview and its day, read out of the answers once per change of the data
# (json_extract over 100,000 interviews takes seconds; the counts then take milliseconds):
# a TEMP table of the store's connection, never in the database file.
FACTS = "overview_facts"

_BATCH = 400  # rowids per SELECT ... WHERE rowid IN (...)
_SUMMARY_COLUMNS = tuple(f.name for f in fields(InterviewSummary))


def summaries_of(rows: Iterable[Sequence]) -> list[InterviewSummary]:
    """InterviewSummary records of rows selected as ``_SUMMARY_COLUMNS``."""
    summaries = []
    for row in rows:
        summary = InterviewSummary(*row)
        summary.status = Status(summary.status)
        summaries.append(summary)
    return summaries


ExportRow = record.record_class(
    "ExportRow",
    tuple(c for c in record.COLUMNS if c.export and c.kind != "json")
    + tuple(c for c in record.COLUMNS if c.name == "answers"),
    module=__name__,
    doc="An interview as an export reads it: the record's fields and its parsed answers "
    "(answers last: the big one).",
)

# What an export reads of an interview: ExportRow's fields, in order (answers last: the big one).
EXPORT_COLUMNS = tuple(f.name for f in fields(ExportRow))


@dataclass(slots=True)
class ExportSelection:
    """Which interviews of a form an export writes, by rowid (small: ints, not answers).

    ``roots`` maps an exported revision's instanceID to the instanceID of the first version
    of its chain, and ``edits`` to the number of revisions since (ODK Central's KEY/Edits).
    """

    form_id: str
    rowids: list[int]
    roots: dict[str, str]
    edits: dict[str, int]

    @property
    def total(self) -> int:
        return len(self.rowids)


@dataclass(slots=True)
class OverviewFilter:
    """Filters of the coordinator's overview; None means "any".

    ``date_from``/``date_to`` are ISO dates (``2026-11-20``), inclusive, compared with the
    interview's day (its start, see :class:`AnswerKeys`; else finalized, else last changed).
    ``interviewer`` is who did the interview (the form's answer, else the laptop's user).
    ``search`` matches part of the instance name, the instanceID or the interviewer.
    ``keys`` (set by the overview service) says where each form keeps those answers.
    """

    form_id: str | None = None
    interviewer: str | None = None
    status: Status | str | Sequence[Status | str] | None = None
    date_from: str | None = None
    date_to: str | None = None
    search: str | None = None
    include_deleted: bool = False
    keys: AnswerKeys = NO_KEYS

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.status is not None:
            statuses = [self.status] if isinstance(self.status, str) else list(self.status)
            statuses = [str(Status(s)) for s in statuses]
            clauses.append(f"status IN ({', '.join('?' for _ in statuses)})")
            params += statuses
        elif not self.include_deleted:
            clauses.append("status != ?")
            params.append(str(Status.DELETED))
        if self.form_id is not None:
            clauses.append("form_id = ?")
            params.append(self.form_id)
        facts: list[str] = []
        for wanted, column, operator in (
            (self.interviewer, "who", "="),
            (self.date_from and str(self.date_from)[:10], "day", ">="),
            (self.date_to and str(self.date_to)[:10], "day", "<="),
        ):
            if wanted is None or wanted == "":
                continue
            if self.keys.empty:  # the stored columns, answered from their indexes
                facts.append(f"{'interviewer' if column == 'who' else DAY_SQL} {operator} ?")
            else:
                facts.append(f"{column} {operator} ?")
            params.append(wanted)
        if facts and self.keys.empty:
            clauses += facts
        elif facts:
            clauses.append(f"rowid IN (SELECT id FROM temp.{FACTS} WHERE {' AND '.join(facts)})")
        if self.search:
            clause, values = schema.search_clause(self.search)
            clauses.append(clause)
            params += values
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class StoreQueries:
    """Export and overview reads; a mixin of :class:`~surveyor.store.Store`."""

    # --- exports ---------------------------------------------------------------------------

    def export_form_ids(self) -> list[str]:
        """Form ids that have at least one stored definition, sorted."""
        with self._reading("list the forms") as db:  # type: ignore[attr-defined]
            return [r[0] for r in db.execute("SELECT DISTINCT form_id FROM forms ORDER BY 1")]

    def export_selection(
        self, form_id: str, *, statuses: Iterable[Status | str] = SUBMITTED
    ) -> ExportSelection:
        """The interviews of ``form_id`` an export writes, in the order they were stored.

        An interview replaced by a revision that is itself in ``statuses`` is left out: only
        the latest version of an edited interview is exported (as ODK Central does). An
        interview encrypted at finalizing (a laptop's) is left out: its answers are not here.
        """
        wanted = [str(Status(s)) for s in statuses]
        marks = ", ".join("?" for _ in wanted)
        with self._reading(f"select the interviews of {form_id}") as db:  # type: ignore[attr-defined]
            rowids = [
                r[0]
                for r in db.execute(
                    f"SELECT rowid FROM interviews WHERE form_id = ? AND status IN ({marks}) "
                    # encrypted at finalizing: no answers here (only the private key opens it)
                    "AND instance_id NOT IN (SELECT instance_id FROM sealed_submissions)",
                    [form_id, *wanted],
                )
            ]
            chains = db.execute(
                "SELECT instance_id, deprecated_id, status IN (" + marks + ") FROM interviews "
                "WHERE deprecated_id IS NOT NULL AND form_id = ?",
                [*wanted, form_id],
            ).fetchall()
            # A damaged chain (an interview that names itself, edits naming each other) has no
            # latest version: every interview on the loop stays in the export.
            looping = ids_on_loops({new: old for new, old, _chosen in chains})
            replaced_by = {
                old: new
                for new, old, chosen in chains
                if chosen and new != old and new not in looping
            }
            superseded: list[int] = []
            olds = list(replaced_by)
            for start in range(0, len(olds), _BATCH):
                part = olds[start : start + _BATCH]
                superseded += [
                    r[0]
                    for r in db.execute(
                        "SELECT rowid FROM interviews WHERE instance_id IN "
                        f"({', '.join('?' for _ in part)})",
                        part,
                    )
                ]
        if superseded:
            gone = set(superseded)
            rowids = [r for r in rowids if r not in gone]
        rowids.sort()
        previous = {new: old for new, old, _chosen in chains}
        roots: dict[str, str] = {}
        edits: dict[str, int] = {}
        for new in previous:
            root, n, seen = new, 0, set()
            while root in previous and root not in seen:
                seen.add(root)
                root = previous[root]
                n += 1
            roots[new] = root
            edits[new] = n
        return ExportSelection(form_id=form_id, rowids=rowids, roots=roots, edits=edits)

    def iter_export_rows(self, rowids: Sequence[int]) -> Iterator[ExportRow]:
        """The interviews with these rowids, in that order, a batch of rows at a time."""
        columns = ", ".join(EXPORT_COLUMNS)
        loads = json.loads
        for start in range(0, len(rowids), _BATCH):
            part = rowids[start : start + _BATCH]
            with self._reading("read interviews to export") as db:  # type: ignore[attr-defined]
                rows = db.execute(
                    f"SELECT {columns} FROM interviews WHERE rowid IN "
                    f"({', '.join('?' for _ in part)}) ORDER BY rowid",
                    list(part),
                ).fetchall()
            for row in rows:
                answers = loads(row[-1]) if row[-1] else {}
                yield ExportRow(*row[:-1], answers)

    def attachment_counts(self, form_id: str) -> dict[str, int]:
        """instanceID -> number of attached files, for the interviews of ``form_id``."""
        with self._reading("count attached files") as db:  # type: ignore[attr-defined]
            return dict(
                db.execute(
                    "SELECT a.instance_id, count(*) FROM attachments a "
                    "JOIN interviews i ON i.instance_id = a.instance_id "
                    "WHERE i.form_id = ? GROUP BY a.instance_id",
                    [form_id],
                ).fetchall()
            )

    # --- overview --------------------------------------------------------------------------

    def _prepare_facts(self, db, keys: AnswerKeys) -> None:
        """(Re)build the TEMP table of who did each interview and its day when the keys or
        the data changed since (PRAGMA data_version: another connection wrote;
        total_changes: this one did)."""
        if keys.empty:
            return
        state = (
            keys.fingerprint(),
            db.execute("PRAGMA data_version").fetchone()[0],
            db.conn.total_changes,
        )
        if getattr(self, "_facts_state", None) == state:
            return
        who, who_params = keys.who()
        day, day_params = keys.day()
        was_in_transaction = db.conn.in_transaction
        db.execute(f"DROP TABLE IF EXISTS temp.{FACTS}")
        db.execute(f"CREATE TEMP TABLE {FACTS} (id INTEGER PRIMARY KEY, who TEXT, day TEXT)")
        db.execute(
            f"INSERT INTO temp.{FACTS} SELECT rowid, {who}, {day} FROM interviews",
            [*who_params, *day_params],
        )
        # the overview's list in day order without sorting every interview
        db.execute(f"CREATE INDEX temp.{FACTS}_day ON {FACTS} (day, id)")
        if db.conn.in_transaction and not was_in_transaction:
            db.conn.commit()  # the temp table only: never leave a transaction open
        self._facts_state = (state[0], state[1], db.conn.total_changes)

    def _count_by(
        self, key_sql: str, flt: OverviewFilter | None, what: str, columns=1
    ) -> list[tuple]:
        """Counts grouped by the first ``columns`` selected expressions (``key_sql``)."""
        flt = flt or OverviewFilter()
        where, params = flt.where()
        groups = ", ".join(str(i + 1) for i in range(columns))
        with self._reading(what) as db:  # type: ignore[attr-defined]
            self._prepare_facts(db, flt.keys)
            return db.execute(
                f"SELECT {key_sql}, count(*) FROM interviews{where} GROUP BY {groups} ORDER BY 1",
                params,
            ).fetchall()

    def _count_by_fact(self, column: str, flt: OverviewFilter | None, what: str) -> dict:
        flt = flt or OverviewFilter()
        if flt.keys.empty:  # the stored column, answered from its index
            return dict(self._count_by("interviewer" if column == "who" else DAY_SQL, flt, what))
        where, params = flt.where()
        with self._reading(what) as db:  # type: ignore[attr-defined]
            self._prepare_facts(db, flt.keys)
            return dict(
                db.execute(
                    f"SELECT f.{column}, count(*) FROM temp.{FACTS} f "
                    f"WHERE f.id IN (SELECT rowid FROM interviews{where}) GROUP BY 1 ORDER BY 1",
                    params,
                ).fetchall()
            )

    def count_by_interviewer(self, flt: OverviewFilter | None = None) -> dict[str, int]:
        """Who did the interview (see :meth:`AnswerKeys.who`) -> number of interviews."""
        return self._count_by_fact("who", flt, "count interviews per interviewer")

    def count_by_day(self, flt: OverviewFilter | None = None) -> dict[str, int]:
        """The interview's day (see :meth:`AnswerKeys.day`) -> number of interviews."""
        return self._count_by_fact("day", flt, "count interviews per day")

    def overview_keys(
        self, instance_ids: Iterable[str], keys: AnswerKeys = NO_KEYS
    ) -> dict[str, tuple[str, str]]:
        """instanceID -> (who did it, its day), as the overview counts them (a few rows:
        read straight from their answers)."""
        who, who_params = keys.who()
        day, day_params = keys.day()
        ids = list(instance_ids)
        result: dict[str, tuple[str, str]] = {}
        with self._reading("read who did the interviews and when") as db:  # type: ignore[attr-defined]
            for start in range(0, len(ids), _BATCH):
                chunk = ids[start : start + _BATCH]
                marks = ", ".join("?" for _ in chunk)
                for iid, name, when in db.execute(
                    f"SELECT instance_id, {who}, {day} FROM interviews "
                    f"WHERE instance_id IN ({marks})",
                    [*who_params, *day_params, *chunk],
                ):
                    result[iid] = (name or "", when or "")
        return result

    def count_by_form_and_status(
        self, flt: OverviewFilter | None = None
    ) -> dict[str, dict[str, int]]:
        """form_id -> status -> number of interviews (only the pairs that occur)."""
        result: dict[str, dict[str, int]] = {}
        for form_id, status, n in self._count_by(
            "form_id, status", flt, "count interviews per form and status", columns=2
        ):
            result.setdefault(form_id, {})[status] = n
        return result

    def overview_list(
        self, flt: OverviewFilter | None = None, *, limit: int | None = 500, offset: int = 0
    ) -> list:
        """InterviewSummary rows matching ``flt``, in :meth:`overview_rows`' order."""
        return [summary for summary, _day in self.overview_rows(flt, limit=limit, offset=offset)]

    def overview_rows(
        self, flt: OverviewFilter | None = None, *, limit: int | None = 500, offset: int = 0
    ) -> list[tuple[Any, str]]:
        """(InterviewSummary, its day) rows matching ``flt``, the latest day first (then the
        most recently changed, or stored when the day comes from the answers); ``interviewer`` is who did the interview (see
        :meth:`AnswerKeys.who`) and the day is the one "by day" counts it for
        (:meth:`AnswerKeys.day`)."""
        flt = flt or OverviewFilter()
        where, params = flt.where()
        if flt.keys.empty:  # the stored columns: in the order of their index
            sql = (
                f"SELECT {', '.join(_SUMMARY_COLUMNS)}, {DAY_SQL} FROM interviews{where} "
                f"ORDER BY {DAY_SQL} DESC, updated_at DESC, instance_id"
            )
        else:  # walk the facts in day order (their index), keep the rows that match
            columns = [
                "coalesce(f.who, '') AS interviewer" if name == "interviewer" else f"i.{name}"
                for name in _SUMMARY_COLUMNS
            ]
            sql = (
                f"SELECT {', '.join(columns)}, f.day FROM temp.{FACTS} f "
                "CROSS JOIN interviews i ON i.rowid = f.id "
                # "+": the list is a filter, not where to start (the day index is)
                f"WHERE +f.id IN (SELECT rowid FROM interviews{where}) "
                "ORDER BY f.day DESC, f.id DESC"
            )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        with self._reading("list the interviews") as db:  # type: ignore[attr-defined]
            self._prepare_facts(db, flt.keys)
            rows = db.execute(sql, params).fetchall()
        summaries = summaries_of(row[:-1] for row in rows)
        return [(summary, row[-1] or "") for summary, row in zip(summaries, rows, strict=True)]

    def overview_count(self, flt: OverviewFilter | None = None) -> int:
        """How many interviews match ``flt`` (for "N results" and paging)."""
        flt = flt or OverviewFilter()
        where, params = flt.where()
        with self._reading("count the interviews") as db:  # type: ignore[attr-defined]
            self._prepare_facts(db, flt.keys)
            return int(db.execute(f"SELECT count(*) FROM interviews{where}", params).fetchone()[0])
