"""Open answers coded, quotes and the report plan, kept in the store (migration m009_results).

A *verbatim* is one text answer, named by a key that survives revisions: the instanceID of
the first version of the interview (its edit chain's root), plus ``#N`` for the N-th member
of a repeat (1-based, in order). Themes belong to one question of one form; a verbatim can
carry several themes. Quotes are verbatims picked for the report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.privacy.settings import PrivacySettings
from surveyor.store import Store


@dataclass(frozen=True, slots=True)
class Theme:
    id: int
    form_id: str
    question: str
    label: str
    position: int


# --- personal marks (now in privacy.json) --------------------------------------------------


def stored_personal_marks(store: Store) -> list[tuple[str, str, bool]]:
    """The marks an older Surveyor kept in the store (table ``personal_marks``): (form id,
    field, personal or not); they now belong in ``privacy.json`` (:func:`fold_personal_marks`)."""
    with store.reading("read the personal fields") as db:
        rows = db.execute("SELECT form_id, name, personal FROM personal_marks").fetchall()
    return [(form_id, name, bool(flag)) for form_id, name, flag in rows]


def fold_personal_marks(marks: list[tuple[str, str, bool]], settings: PrivacySettings) -> None:
    """Add ``marks`` to ``settings.marks`` (a mark already there wins); the caller saves
    ``settings`` before :func:`forget_folded_marks`."""
    for form_id, name, flag in marks:
        settings.marks.setdefault(form_id, {}).setdefault(name, flag)


def forget_folded_marks(store: Store) -> None:
    with store.transaction("move the personal fields to privacy.json") as db:
        db.execute("DELETE FROM personal_marks")


def _of_form(db, select: str, form_id: str, question: str | None, order: str):
    """The rows of ``select`` (a table with ``form_id`` and ``question`` columns) for one form,
    and one of its questions when ``question`` is given, in ``order``."""
    sql = f"{select} WHERE form_id = ?"
    params: list = [form_id]
    if question is not None:
        sql += " AND question = ?"
        params.append(question)
    return db.execute(f"{sql} ORDER BY {order}", params)


# --- themes and tags ---------------------------------------------------------------------------


def themes(store: Store, form_id: str, question: str | None = None) -> list[Theme]:
    with store.reading("read the themes") as db:
        sql = "SELECT id, form_id, question, label, position FROM result_themes"
        return [Theme(*r) for r in _of_form(db, sql, form_id, question, "question, position, id")]


def add_theme(store: Store, form_id: str, question: str, label: str) -> Theme:
    label = " ".join(label.split())
    if not label:
        raise ResultsError("A theme needs a name.", code=ErrorCode.RESULTS_PLAN_INVALID)
    with store.transaction(f"add the theme {label}") as db:
        existing = db.execute(
            "SELECT id FROM result_themes WHERE form_id = ? AND question = ? AND label = ?",
            [form_id, question, label],
        ).fetchone()
        if existing:
            raise ResultsError(
                f"The question {question} already has a theme named {label!r}.",
                code=ErrorCode.RESULTS_PLAN_INVALID,
            )
        position = db.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM result_themes "
            "WHERE form_id = ? AND question = ?",
            [form_id, question],
        ).fetchone()[0]
        cursor = db.execute(
            "INSERT INTO result_themes(form_id, question, label, position) VALUES (?, ?, ?, ?)",
            [form_id, question, label, position],
        )
        return Theme(cursor.lastrowid, form_id, question, label, position)


def _theme(db, theme_id: int) -> Theme:
    row = db.execute(
        "SELECT id, form_id, question, label, position FROM result_themes WHERE id = ?",
        [theme_id],
    ).fetchone()
    if row is None:
        raise ResultsError(
            f"There is no theme number {theme_id}.", code=ErrorCode.RESULTS_PLAN_INVALID
        )
    return Theme(*row)


def rename_theme(store: Store, theme_id: int, label: str) -> None:
    label = " ".join(label.split())
    if not label:
        raise ResultsError("A theme needs a name.", code=ErrorCode.RESULTS_PLAN_INVALID)
    with store.transaction("rename a theme") as db:
        _theme(db, theme_id)
        db.execute("UPDATE result_themes SET label = ? WHERE id = ?", [label, theme_id])


def delete_theme(store: Store, theme_id: int) -> None:
    with store.transaction("delete a theme") as db:
        _theme(db, theme_id)
        db.execute("DELETE FROM result_tags WHERE theme_id = ?", [theme_id])
        db.execute("DELETE FROM result_themes WHERE id = ?", [theme_id])


def tag(store: Store, verbatim: str, theme_ids: list[int], *, on: bool = True) -> None:
    """Tag a verbatim with themes (``on``) or take them off."""
    with store.transaction("tag an answer") as db:
        for theme_id in theme_ids:
            _theme(db, theme_id)
            if on:
                db.execute(
                    "INSERT OR IGNORE INTO result_tags(theme_id, verbatim) VALUES (?, ?)",
                    [theme_id, verbatim],
                )
            else:
                db.execute(
                    "DELETE FROM result_tags WHERE theme_id = ? AND verbatim = ?",
                    [theme_id, verbatim],
                )


def tags(store: Store, form_id: str, question: str) -> dict[str, list[int]]:
    """verbatim key -> ids of its themes."""
    out: dict[str, list[int]] = {}
    with store.reading("read the tags") as db:
        for verbatim, theme_id in db.execute(
            "SELECT t.verbatim, t.theme_id FROM result_tags t JOIN result_themes h "
            "ON h.id = t.theme_id WHERE h.form_id = ? AND h.question = ? "
            "ORDER BY h.position, h.id",
            [form_id, question],
        ):
            out.setdefault(verbatim, []).append(theme_id)
    return out


# --- quotes ------------------------------------------------------------------------------------


def quotes(store: Store, form_id: str, question: str | None = None) -> list[tuple[str, str]]:
    """(question, verbatim key) picked for the report, in the order picked."""
    with store.reading("read the quotes") as db:
        sql = "SELECT question, verbatim FROM result_quotes"
        return [tuple(r) for r in _of_form(db, sql, form_id, question, "position, rowid")]


def pick_quote(store: Store, form_id: str, question: str, verbatim: str, on: bool) -> None:
    with store.transaction("pick a quote") as db:
        if on:
            position = db.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM result_quotes WHERE form_id = ?",
                [form_id],
            ).fetchone()[0]
            db.execute(
                "INSERT OR IGNORE INTO result_quotes(form_id, question, verbatim, position) "
                "VALUES (?, ?, ?, ?)",
                [form_id, question, verbatim, position],
            )
        else:
            db.execute(
                "DELETE FROM result_quotes WHERE form_id = ? AND question = ? AND verbatim = ?",
                [form_id, question, verbatim],
            )


# --- settings (the report plan) ------------------------------------------------------------------


def get_setting(store: Store, key: str):
    with store.reading("read the results settings") as db:
        row = db.execute("SELECT value FROM results_settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else None


def set_setting(store: Store, key: str, value) -> None:
    with store.transaction("save the results settings") as db:
        if value is None:
            db.execute("DELETE FROM results_settings WHERE key = ?", [key])
        else:
            db.execute(
                "INSERT INTO results_settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False, sort_keys=True)],
            )


__all__ = [
    "Theme",
    "add_theme",
    "delete_theme",
    "fold_personal_marks",
    "forget_folded_marks",
    "get_setting",
    "pick_quote",
    "quotes",
    "rename_theme",
    "set_setting",
    "stored_personal_marks",
    "tag",
    "tags",
    "themes",
]
