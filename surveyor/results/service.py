"""Reading the interviews results count, once per form, and keeping them while nothing changes.

:class:`ResultsService` is what the Workspace holds: it reads the rows of a form (the
interviews an export writes: the current version of each, finalized or handed in; drafts,
deleted and superseded versions left out) and keeps its :class:`Engine` until the store's
interviews change, so that a filter change in the "Résultats" view recomputes from memory.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping

from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.forms.model import Form
from surveyor.privacy.settings import PrivacySettings
from surveyor.results.compute import Engine
from surveyor.results.compute import Row
from surveyor.results.personal import personal_fields
from surveyor.store import Store

#: Answers this short are shared between interviews (one "yes" object for every "yes").
SHARED_LENGTH = 24


def _compact(answers: dict, pool: dict) -> dict:
    """The same answers, keys and short values shared through ``pool``: each parsed row has
    its own copy of every key and value, and 100,000 of them took 1.3 GB (300 MB shared)."""
    out = {}
    share = pool.setdefault
    for key, value in answers.items():
        if value.__class__ is str:
            if len(value) <= SHARED_LENGTH:
                value = share(value, value)
        elif value.__class__ is list:
            value = [_compact(m, pool) if m.__class__ is dict else m for m in value]
        out[share(key, key)] = value
    return out


def read_rows(store: Store, form_id: str) -> list[Row]:
    """Every interview of ``form_id`` results count, in the order they were stored."""
    selection = store.export_selection(form_id)
    rows = []
    pool: dict[str, str] = {}
    for r in store.iter_export_rows(selection.rowids):
        day = (r.finalized_at or r.updated_at or "")[:10]
        key = selection.roots.get(r.instance_id, r.instance_id)
        answers = _compact(r.answers, pool)
        form_hash = pool.setdefault(r.form_hash, r.form_hash)  # one object: compared by identity
        rows.append(Row(r.instance_id, key, form_hash, r.interviewer or "", day, answers))
    return rows


def fingerprint(store: Store, form_id: str) -> tuple:
    """Changes whenever an interview of ``form_id`` is added, changed or deleted."""
    with store.reading("check the interviews for results") as db:
        return tuple(
            db.execute(
                "SELECT count(*), max(rowid), max(updated_at), "
                "sum(length(status)), max(finalized_at) FROM interviews WHERE form_id = ?",
                [form_id],
            ).fetchone()
        )


class ResultsService:
    """Engines per (form, language), rebuilt when the interviews or the personal marks
    (``privacy.json``) change."""

    def __init__(self, store: Store, get_form: Callable[[str], Form]):
        self.store = store
        self.get_form = get_form
        self._engines: dict[tuple, tuple[tuple, Engine]] = {}

    def form_ids(self) -> list[str]:
        """Forms with at least one interview results count."""
        found = []
        for form_id in self.store.export_form_ids():
            if self.store.export_selection(form_id).rowids:
                found.append(form_id)
        return found

    def pick_form(self, form_id: str | None) -> str:
        if form_id:
            if not self.store.list_forms(form_id=form_id):
                raise ResultsError(
                    f"There is no form {form_id!r} in this data folder.",
                    code=ErrorCode.RESULTS_CHOOSE_FORM,
                )
            return form_id
        ids = self.form_ids()
        if not ids:
            raise ResultsError(
                "No interview matches the selection (aucun entretien ne correspond): "
                "there is no finalized interview yet.",
                code=ErrorCode.RESULTS_EMPTY,
            )
        if len(ids) > 1:
            raise ResultsError(
                f"There are interviews of several forms ({', '.join(ids)}): choose one.",
                code=ErrorCode.RESULTS_CHOOSE_FORM,
            )
        return ids[0]

    def personal(self, form_id: str) -> frozenset[str]:
        """The form's personal fields: every stored version's marks, and the campaign's."""

        return self._personal(form_id, self._marks(form_id))

    def _marks(self, form_id: str) -> dict[str, bool]:
        return PrivacySettings.load(self.store.path.parent).marks_for(form_id)

    def _personal(self, form_id: str, campaign: dict[str, bool]) -> frozenset[str]:
        found: set[str] = set()
        for stored in self.store.list_forms(form_id=form_id):
            try:
                found |= personal_fields(self.get_form(stored.content_hash), campaign)
            except Exception:  # noqa: BLE001 - a damaged version: its fields come from others
                continue
        return frozenset(found)

    def engine(self, form_id: str | None, language: str | None = None) -> Engine:
        form_id = self.pick_form(form_id)
        key = (form_id, language or "")
        marks = self._marks(form_id)
        stamp = (fingerprint(self.store, form_id), tuple(sorted(marks.items())))
        cached = self._engines.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        rows = read_rows(self.store, form_id)
        stored = self.store.list_forms(form_id=form_id)
        versions: dict[str, Form] = {}
        for s in stored:
            versions[s.content_hash] = self.get_form(s.content_hash)
        newest = versions[stored[-1].content_hash]
        engine = Engine(
            newest, rows, versions, language=language, personal=self._personal(form_id, marks)
        )
        self._engines[key] = (stamp, engine)
        return engine

    def clear(self) -> None:
        self._engines.clear()


def selection_answers(filters: Mapping[str, list[str]] | None) -> dict[str, list[str]]:
    return {k: list(v) for k, v in (filters or {}).items()}


__all__ = ["ResultsService", "fingerprint", "read_rows"]
