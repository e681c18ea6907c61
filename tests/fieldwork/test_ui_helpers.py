"""The two small core reads the app's fieldwork screens use: a door list's columns before
importing (for the mapping step) and the funnel written as CSV or XLSX."""

from __future__ import annotations

import csv

import pytest

from surveyor.errors import DoorListError
from surveyor.workspace import Workspace


def test_door_list_columns_names_what_each_column_is_recognised_as(tmp_path):
    path = tmp_path / "portes.csv"
    path.write_text("N°;Adresse;Bâtiment;Quartier;Remarque;numero\n1;rue A;B;Nord;;2\n", "utf-8")
    with Workspace.open(tmp_path / "data") as ws:
        columns = ws.door_list_columns(path)
    # "N°" and "numero" both say number: the second is left to the person
    assert columns == [
        ("N°", "number"),
        ("Adresse", None),
        ("Bâtiment", "building"),
        ("Quartier", "sector"),
        ("Remarque", None),
        ("numero", None),
    ]


def test_door_list_columns_of_an_entity_list_take_the_label_as_street(tmp_path):
    path = tmp_path / "entities.csv"
    path.write_text("label,__id\n12 rue A,abc\n", "utf-8")
    with Workspace.open(tmp_path / "data") as ws:
        assert ws.door_list_columns(path) == [("label", "street"), ("__id", "door_id")]


def test_door_list_columns_of_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("\n\n", "utf-8")
    with Workspace.open(tmp_path / "data") as ws, pytest.raises(DoorListError):
        ws.door_list_columns(path)


def test_the_funnel_is_written_as_csv_and_xlsx_with_the_workspace_numbers(tmp_path):
    from openpyxl import load_workbook

    source = tmp_path / "portes.csv"
    source.write_text("numero;rue;secteur\n1;rue A;N\n2;rue A;S\n3;rue A;S\n", "utf-8")
    with Workspace.open(tmp_path / "data") as ws:
        ids = ws.import_doors(source).value.door_ids
        ws.record_visit(ids[0], "absent")
        ws.record_visit(ids[1], "done")
        report = ws.fieldwork().to_dict()
        ws.export_fieldwork(tmp_path / "f.csv")
        ws.export_fieldwork(tmp_path / "f.xlsx")
    with open(tmp_path / "f.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    overall = rows[0]
    assert (overall["view"], overall["doors"], overall["visited"], overall["done"]) == (
        "overall",
        "3",
        "2",
        "1",
    )
    assert float(overall["response_rate"]) == report["response_rate"]
    assert {r["name"]: r["doors"] for r in rows if r["view"] == "by_sector"} == {
        "N": "1",
        "S": "2",
    }
    book = load_workbook(tmp_path / "f.xlsx", read_only=True)
    sheet = list(book["by_sector"].iter_rows(values_only=True))
    assert sheet[0][:2] == ("name", "doors") and {r[0]: r[1] for r in sheet[1:]} == {
        "N": 1,
        "S": 2,
    }
    book.close()
    assert not list(tmp_path.glob("*.part"))
