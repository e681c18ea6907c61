"""Searching interviews finds a word typed in any answer (SQLite FTS5)."""

from __future__ import annotations

import sqlite3

import pytest

from surveyor.interviews.record import Status
from surveyor.store import Store
from surveyor.store.queries import OverviewFilter
from tests.store.conftest import new_interview


@pytest.fixture
def make(store, form, clock):
    def make(*, answers):
        interview = new_interview(store, clock)
        interview.answers = answers
        return store.save_interview(interview)

    return make


def make_in(store, *, answers):
    from tests.store.conftest import save_household_form

    save_household_form(store)
    interview = new_interview(store)
    interview.answers = answers
    return store.save_interview(interview)


def _ids(summaries):
    return sorted(s.instance_id for s in summaries)


def test_search_finds_a_street_typed_in_an_answer(store, make):
    lilas = make(answers={"street": "Rue des Lilas", "name": "Amélie"})
    make(answers={"street": "Avenue Foch", "member": [{"member_name": "Éloïse"}]})
    assert _ids(store.list_interviews(search="Lilas")) == [lilas.instance_id]
    assert _ids(store.list_interviews(search="lil")) == [lilas.instance_id]  # a word's start
    assert _ids(store.list_interviews(search="rue lilas")) == [lilas.instance_id]  # every word
    assert store.list_interviews(search="street") == []  # field names are not answers
    # inside repeats too, accents and case ignored
    assert len(store.list_interviews(search="eloise")) == 1
    assert len(store.list_interviews(search='"unbalanced')) == 0  # no query syntax error


def test_search_follows_changes_and_deletions(store, make):
    interview = make(answers={"street": "Rue des Lilas"})
    interview.answers = {"street": "Rue des Roses"}
    store.save_interview(interview)
    assert store.list_interviews(search="Lilas") == []
    assert _ids(store.list_interviews(search="roses")) == [interview.instance_id]
    assert store.discard_empty_draft(interview.instance_id)
    assert store.list_interviews(search="roses") == []


def test_the_overview_searches_answers_too(store, make):
    interview = make(answers={"street": "Rue des Lilas"})
    store.finalize(interview.instance_id)
    rows = store.overview_list(OverviewFilter(search="Lilas"))
    assert [r.instance_id for r in rows] == [interview.instance_id]


def test_an_older_database_gets_its_search_index_on_migration(tmp_path):
    with Store.open(tmp_path) as store:
        interview = make_in(store, answers={"street": "Rue des Lilas"})
    conn = sqlite3.connect(tmp_path / "surveyor.db")
    conn.executescript(
        "DROP TRIGGER interviews_search_insert; DROP TRIGGER interviews_search_delete; "
        "DROP TRIGGER interviews_search_update; DROP TABLE interviews_search; "
        "DELETE FROM _sqlite_migrations WHERE name = 'm006_answer_search'; "
        "PRAGMA user_version = 5;"
    )
    conn.close()
    with Store.open(tmp_path) as store:
        assert _ids(store.list_interviews(search="lilas")) == [interview.instance_id]
        assert store.list_interviews(status=Status.DRAFT)
