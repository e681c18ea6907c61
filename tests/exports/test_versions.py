"""Two versions of a form go into one table: the union of their columns."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

from openpyxl import load_workbook

from surveyor.exports import export
from surveyor.services.interviews import FormLibrary
from surveyor.services.interviews import fill_interview
from surveyor.store import Store

from .conftest import FORM
from .conftest import base_answers
from .test_csv import read


def second_version(path):
    """The habitants form, version 2026120101: adds household/floor, drops mobility_given_up."""
    book = load_workbook(FORM)
    survey = book["survey"]
    rows = [list(r) for r in survey.iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(rows) if r[1] == "street")
    rows.insert(at + 1, ["text", "floor", "Étage", "Floor"] + [None] * (len(rows[0]) - 4))
    rows = [r for r in rows if r[1] != "mobility_given_up"]
    survey.delete_rows(1, survey.max_row)
    for r in rows:
        survey.append(r)
    book["settings"]["C2"] = "2026120101"
    book.save(path)
    return path


def test_versions_are_merged(tmp_path):
    store = Store.open(tmp_path / "data")
    library = FormLibrary(store)
    v1 = library.load_file(FORM)
    v2 = library.load_file(second_version(tmp_path / "enquete_habitants_v2.xlsx"))
    assert v1.content_hash != v2.content_hash
    clock = lambda: datetime(2026, 12, 1, 10, 0, tzinfo=UTC)  # noqa: E731
    old = fill_interview(library, v1, base_answers(), finalize=True, clock=clock).interview
    answers = base_answers()
    del answers["mobility_given_up"]
    answers["floor"] = "3e gauche"
    new = fill_interview(library, v2, answers, finalize=True, clock=clock).interview
    out = tmp_path / "out"
    files = export(store, out, library=library)
    assert [f.name for f in files] == ["enquete_habitants.csv", "enquete_habitants-member.csv"]
    header, rows = read(out / "enquete_habitants.csv")
    at = header.index("household-street")
    assert header[at + 1] == "household-floor"
    at = header.index("mobility-mobility_difficulties_other")
    assert header[at + 1] == "mobility-mobility_given_up"
    assert len(header) == len(set(header))
    by_key = {r["KEY"]: r for r in rows}
    assert by_key[old.instance_id]["FormVersion"] == "2026112201"
    assert by_key[old.instance_id]["household-floor"] == ""
    assert by_key[old.instance_id]["mobility-mobility_given_up"] == "Aller au marché le dimanche"
    assert by_key[new.instance_id]["FormVersion"] == "2026120101"
    assert by_key[new.instance_id]["household-floor"] == "3e gauche"
    assert by_key[new.instance_id]["mobility-mobility_given_up"] == ""
    _, members = read(out / "enquete_habitants-member.csv")
    assert len(members) == 6
    store.close()
