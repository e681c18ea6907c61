"""A door list's columns before importing: what the app's mapping step shows."""

from __future__ import annotations

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
