"""Importing a door list: French and English columns, BAN exports, XLSX, a mapping; a bad row
is named and nothing is imported; the ODK Central Entity list round trip."""

from __future__ import annotations

import csv

import pytest
from openpyxl import Workbook

from surveyor.errors import DoorListError
from surveyor.errors import ErrorCode
from tests.fieldwork.conftest import ban_csv


def test_a_ban_export_is_recognised_column_by_column(open_ws, door_file):
    ws = open_ws()
    done = ws.import_doors(door_file)
    result = done.value
    assert result.doors == 6 and done.changes.doors
    assert result.columns["street"] == "nom_voie" and result.columns["suffix"] == "rep"
    assert result.columns["sector"] == "secteur" and result.columns["lon"] == "lon"
    bis = [d for d in ws.doors() if d.number == "12 bis"]
    assert len(bis) == 1 and bis[0].postcode == "95200" and bis[0].lat == 48.99
    assert [d.address for d in ws.doors(sector="Nord")][:2] == [
        "2 rue des Lilas, 95200 Sarcelles",
        "12 rue des Lilas, porte 1, 95200 Sarcelles",
    ]


def test_french_headers_with_accents_in_an_xlsx_file(open_ws, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "Numéro",
            "Rue",
            "Bâtiment",
            "Escalier",
            "Étage",
            "Porte",
            "Quartier",
            "Code postal",
            "Commune",
            "Longitude",
            "Latitude",
            "Remarque",
        ]
    )
    sheet.append(
        [
            7,
            "allée des Cèdres",
            "B",
            "2",
            3,
            "31",
            "Les Flanades",
            95200,
            "Sarcelles",
            2.38,
            48.98,
            "chien",
        ]
    )
    sheet.append(
        [
            7,
            "allée des Cèdres",
            "B",
            "2",
            1,
            "11",
            "Les Flanades",
            95200,
            "Sarcelles",
            2.38,
            48.98,
            "",
        ]
    )
    path = tmp_path / "portes.xlsx"
    book.save(path)
    ws = open_ws()
    result = ws.import_doors(path).value
    assert result.doors == 2 and result.ignored == ["Remarque"]
    doors = ws.doors()
    assert [d.floor for d in doors] == ["1", "3"]  # street order: floor 1 first
    assert (
        doors[1].address == "7 allée des Cèdres, bât. B, esc. 2, ét. 3, porte 31, 95200 Sarcelles"
    )
    assert doors[0].sector == "Les Flanades"


def test_english_headers_windows_encoding_and_comma_separator(open_ws, tmp_path):
    path = tmp_path / "doors.csv"
    path.write_bytes(
        "number,street,city,sector\n3,Rue de l'Église,Sarcelles,Centre\n".encode("cp1252")
    )
    ws = open_ws()
    assert ws.import_doors(path).value.doors == 1
    assert ws.doors()[0].street == "Rue de l'Église"


def test_a_column_is_mapped_by_the_person_and_a_sector_column_named(open_ws, tmp_path):
    path = tmp_path / "liste.csv"
    path.write_text("Adresse;N°;Groupe\nrue Jean Jaurès;5;G1\n", encoding="utf-8")
    ws = open_ws()
    with pytest.raises(DoorListError, match="no street column"):
        ws.import_doors(path)
    result = ws.import_doors(
        path, mapping={"Adresse": "street", "N°": "number"}, sector_column="Groupe"
    ).value
    assert result.doors == 1
    door = ws.doors()[0]
    assert (door.number, door.street, door.sector) == ("5", "rue Jean Jaurès", "G1")


@pytest.mark.parametrize(
    ("rows", "row", "words"),
    [
        (
            ["12;;rue A;95200;Sarcelles;2.3;48.9;N;", "13;;;95200;Sarcelles;2.3;48.9;N;"],
            3,
            "no street",
        ),
        (
            ["12;;rue A;95200;Sarcelles;2.3;48.9;N;", "14;;rue A;95200;Sarcelles;abc;48.9;N;"],
            3,
            "lon 'abc'",
        ),
        (["12;;rue A;95200;Sarcelles;2.3;148.9;N;"], 2, "lat '148.9'"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_imported(open_ws, tmp_path, rows, row, words):
    ws = open_ws()
    with pytest.raises(DoorListError) as caught:
        ws.import_doors(ban_csv(tmp_path / "bad.csv", rows))
    assert caught.value.row == row and f"Row {row}" in str(caught.value)
    assert words in str(caught.value) and "nothing was imported" in str(caught.value)
    assert caught.value.code is ErrorCode.DOOR_LIST_INVALID
    assert ws.count_doors() == 0


def test_a_damaged_xlsx_and_an_unknown_mapping_change_nothing(open_ws, tmp_path):
    ws = open_ws()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(DoorListError, match="not a readable XLSX"):
        ws.import_doors(broken)
    good = ban_csv(tmp_path / "good.csv", ["1;;rue A;;;;;;"])
    with pytest.raises(DoorListError, match="unknown field"):
        from surveyor.fieldwork.doorlist import parse_mapping

        parse_mapping(["nom_voie=rue"])
    with pytest.raises(DoorListError, match="no column 'Rue'"):
        ws.import_doors(good, mapping={"Rue": "street"})
    assert ws.count_doors() == 0


def test_the_entity_list_goes_out_for_odk_central_and_comes_back(open_ws, door_file, tmp_path):
    coord = open_ws("coord")
    coord.import_doors(door_file)
    coord.assign_doors("Amina", sector="Nord")
    out = tmp_path / "entities.csv"
    assert coord.export_entity_list(out) == 6
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:3] == ["label", "door_id", "number"]
    assert rows[0]["label"] == coord.doors()[0].address
    other = open_ws("other")
    assert other.import_doors(out).value.doors == 6
    assert [(d.door_id, d.address, d.interviewer) for d in other.doors()] == [
        (d.door_id, d.address, d.interviewer) for d in coord.doors()
    ]


def test_the_same_door_ids_twice_are_refused(open_ws, door_file, tmp_path):
    ws = open_ws()
    ws.import_doors(door_file)
    out = tmp_path / "entities.csv"
    ws.export_entity_list(out)
    with pytest.raises(DoorListError, match="already in the door list"):
        ws.import_doors(out)
    assert ws.count_doors() == 6
