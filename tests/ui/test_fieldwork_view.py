"""The coordinator's door list and fieldwork view on a real data dir: a CSV imported (a
column mapped by hand), the doors by sector, a sector assigned; a bad file refused naming
its row; the funnel's numbers equal ``Workspace.fieldwork()``; the exports and the package."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest

from surveyor.ui.settings import AppSettings
from surveyor.workspace import Workspace

DOORS = (
    "N°;Adresse;Quartier;Commune;Remarque\n"
    "3;rue des Lilas;Nord;Sarcelles;digicode\n"
    "1;rue des Lilas;Nord;Sarcelles;\n"
    "12;rue des Lilas;Nord;Sarcelles;\n"
    "5;avenue Foch;Sud;Sarcelles;\n"
    "2;avenue Foch;Sud;Sarcelles;\n"
    "8;place du Marché;;Sarcelles;\n"
)


@pytest.fixture
def page(qtbot, tasks, tmp_path):
    from surveyor.ui.coordinator import CoordinatorPage

    workspace = tasks.run_db(lambda: Workspace.open(tmp_path / "coordinator")).result()
    settings = AppSettings(path=tmp_path / "settings.json", coordinator=True)
    page = CoordinatorPage(tasks, settings, save_settings=settings.save)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.set_workspace(workspace)
    tasks.drain()
    yield page
    tasks.drain()
    tasks.run_db(workspace.close)
    tasks.drain()


def on_db(page, fn):
    got = []
    page.tasks.run_db(lambda: fn(page.workspace), on_done=got.append)
    page.tasks.drain()
    assert got, "the database operation failed"
    return got[0]


def import_with_mapping(qtbot, page, path: Path):
    panel = page.doorlist
    panel.import_file(str(path))
    qtbot.waitUntil(lambda: panel.mapping_dialog is not None, timeout=30000)
    dialog = panel.mapping_dialog
    return panel, dialog


def test_the_coordinator_imports_a_csv_maps_a_column_and_sees_the_doors(qtbot, page, tmp_path):
    source = tmp_path / "adresses.csv"
    source.write_text(DOORS, encoding="utf-8")
    panel, dialog = import_with_mapping(qtbot, page, source)
    # "Adresse" is not recognised (and the street is required): the person says it is the street
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert dialog.chosen() == {
        "N°": "number",
        "Adresse": None,
        "Quartier": "sector",
        "Commune": "city",
        "Remarque": None,
    }
    dialog.set_field("Adresse", "street")
    assert dialog.mapping() == {"Adresse": "street"}
    dialog.accept()
    qtbot.waitUntil(lambda: panel.result is not None, timeout=30000)
    assert panel.result.doors == 6
    text = panel.summary.text()
    assert "6 door(s) imported from adresses.csv." in text
    assert "Remarque" in text  # the column left aside is named
    qtbot.waitUntil(lambda: panel.data is not None and len(panel.data.doors) == 6, timeout=30000)
    assert [d.address for d in panel.model.rows][:2] == [
        "5 avenue Foch, Sarcelles",
        "2 avenue Foch, Sarcelles",
    ] or [d.address for d in panel.model.rows][0] == "2 avenue Foch, Sarcelles"
    sectors = {
        panel.sectors.item(r, 0).text(): panel.sectors.item(r, 1).text()
        for r in range(panel.sectors.rowCount())
    }
    assert sectors == {"Every sector": "6", "(no sector)": "1", "Nord": "3", "Sud": "2"}

    # assign the sector Nord to Amina
    assert panel.select_sector("Nord")
    assert [d.address for d in panel.model.rows] == [
        "1 rue des Lilas, Sarcelles",
        "3 rue des Lilas, Sarcelles",
        "12 rue des Lilas, Sarcelles",
    ]
    panel.interviewer_combo.setEditText("Amina")
    panel.assign_sector_button.click()
    qtbot.waitUntil(
        lambda: (
            panel.data is not None
            and {d.interviewer for d in panel.data.doors if d.sector == "Nord"} == {"Amina"}
        ),
        timeout=30000,
    )
    row = next(
        r for r in range(panel.sectors.rowCount()) if panel.sectors.item(r, 0).text() == "Nord"
    )
    assert panel.sectors.item(row, 2).text() == "Amina"
    assert on_db(page, lambda ws: ws.door_interviewers()) == ["", "Amina"] or set(
        on_db(page, lambda ws: ws.door_interviewers())
    ) == {"", "Amina"}


def test_a_door_list_with_a_bad_row_is_refused_naming_the_row(qtbot, page, tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text("numero;rue\n1;rue A\n2;\n", encoding="utf-8")
    panel = page.doorlist
    panel.import_file(str(source))
    qtbot.waitUntil(lambda: not panel.summary.isHidden(), timeout=30000)
    page.tasks.drain()
    assert panel.result is None
    assert "row in question: 3" in panel.summary.text()
    assert on_db(page, lambda ws: ws.count_doors()) == 0


def seed_visits(page, tmp_path):
    source = tmp_path / "portes.csv"
    source.write_text(
        "numero;rue;secteur\n"
        + "".join(f"{n};rue des Lilas;{'AB'[n % 2]}\n" for n in range(1, 11)),
        encoding="utf-8",
    )

    def work(ws):
        ids = ws.import_doors(source).value.door_ids
        ws.assign_doors("Amina", sector="A")
        ws.assign_doors("Bruno", sector="B")
        for door_id, outcome in zip(
            ids, ["absent", "refused", "vacant", "later", "absent", "ineligible"], strict=False
        ):
            ws.record_visit(door_id, outcome, interviewer="Amina")
        ws.record_visit(ids[0], "done", interviewer="Amina")
        return ws.fieldwork()

    report = on_db(page, work)
    page.refresh()  # (written beside the page: no operation of its own said so)
    return report


def table_cells(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_fieldwork_view_shows_the_numbers_of_the_workspace(qtbot, page, tmp_path):
    from surveyor.ui.coordinator.fieldwork import COLUMNS
    from surveyor.ui.coordinator.fieldwork import cell_text

    report = seed_visits(page, tmp_path)
    view = page.fieldwork
    qtbot.waitUntil(
        lambda: view.data is not None and view.data.report["visits"] == 7, timeout=30000
    )
    expected = report.to_dict()
    assert expected == view.data.report
    overall = {row[0]: row[1] for row in table_cells(view.overall)}
    assert overall["Doors"] == "10"
    assert overall["Visited"] == str(expected["visited"]) == "6"
    assert overall["Interviews done"] == "1"
    assert overall["Refused"] == "1"
    assert overall["Never visited"] == "4"
    assert overall["Contact rate"] == cell_text(expected, "contact_rate")
    assert overall["Response rate"] == cell_text(expected, "response_rate")
    for view_name, grid in (
        ("by_sector", view.by_sector.table),
        ("by_interviewer", view.by_interviewer.table),
        ("by_day", view.by_day.table),
    ):
        rows = {row[0]: row[1:] for row in table_cells(grid)}
        assert set(rows) == set(expected[view_name])
        for name, funnel in expected[view_name].items():
            assert rows[name] == [cell_text(funnel, k) for k in COLUMNS], (view_name, name)
    # the lists of doors: to revisit (absent, later), never visited
    assert len(view.data.revisit) == 2
    assert view.revisit_model.rowCount() == 2
    assert view.never_model.rowCount() == 4
    assert "Response rate = interviews done" in view.definitions.text()
    assert "eligible household" in view.definitions.toolTip()
    assert view.chart.funnel == expected

    # a visit recorded elsewhere refreshes the view (Changes.doors)
    from surveyor.ui.operations import DbOp

    door_id = view.never_model.rows[0].door_id
    DbOp(page, lambda ws: ws.record_visit(door_id, "absent")).run()
    qtbot.waitUntil(lambda: view.data.report["visits"] == 8, timeout=30000)
    assert view.never_model.rowCount() == 3


def test_the_funnel_exports_as_csv_and_xlsx(qtbot, page, tmp_path):
    report = seed_visits(page, tmp_path)
    out = tmp_path / "terrain.csv"
    page.fieldwork.export(str(out))
    qtbot.waitUntil(lambda: out.exists(), timeout=30000)
    page.tasks.drain()
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["scope"] == "overall" and rows[0]["doors"] == "10"
    assert rows[0]["done"] == str(report.overall.done)
    assert {r["name"] for r in rows if r["scope"] == "sector"} == {"A", "B"}
    assert str(out) in page.message.text()
    xlsx = tmp_path / "terrain.xlsx"
    page.fieldwork.export(str(xlsx))
    qtbot.waitUntil(lambda: xlsx.exists(), timeout=30000)
    from openpyxl import load_workbook

    book = load_workbook(xlsx, read_only=True)
    assert book.sheetnames == ["overall", "sector", "interviewer", "day"]
    book.close()


def test_the_campaign_package_and_the_entity_list_are_written(qtbot, page, tmp_path):
    seed_visits(page, tmp_path)
    panel = page.doorlist
    package = tmp_path / "campagne.zip"
    panel.export_package(str(package))
    qtbot.waitUntil(lambda: package.exists(), timeout=30000)
    page.tasks.drain()
    with zipfile.ZipFile(package) as z:
        assert "fieldwork/doors.json" in z.namelist()
    entities = tmp_path / "portes.csv"
    panel.export_entities(str(entities))
    qtbot.waitUntil(lambda: entities.exists(), timeout=30000)
    page.tasks.drain()
    header = entities.read_text("utf-8").splitlines()[0]
    assert header.startswith("label,door_id")
    assert "10 door(s) written" in page.message.text()


def test_a_round_sheet_pdf_per_interviewer(qtbot, page, tmp_path, monkeypatch):
    seed_visits(page, tmp_path)
    opened = []
    monkeypatch.setattr(
        "surveyor.ui.coordinator.doorlist.QDesktopServices.openUrl", lambda url: opened.append(url)
    )
    pdf = tmp_path / "feuille.pdf"
    page.doorlist.print_round_sheet(str(pdf), interviewer="Amina")
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Round sheet written" in page.message.text()
