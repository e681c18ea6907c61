""" "Mes portes" (the volunteer) on a real data dir: a visit by one key, a refusal asked
once more then gone for good, an appointment on its day, a door added on the spot, an
interview started at a door, a paper round sheet typed back and printed to PDF."""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader

from surveyor.ui.qt import QDate
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import Qt
from surveyor.workspace import Workspace

DOORS_CSV = (
    "numero;rue;batiment;etage;porte;secteur;commune\n"
    "3;rue des Lilas;;;;Nord;Sarcelles\n"
    "1;rue des Lilas;;;;Nord;Sarcelles\n"
    "12;rue des Lilas;B;2;21;Nord;Sarcelles\n"
    "5;avenue Foch;;;;Sud;Sarcelles\n"
    "2;avenue Foch;;;;Sud;Sarcelles\n"
)


def seed_doors(home: Path, tmp_path: Path, *, interviewer: str = "") -> list[str]:
    """A door list imported into the data dir before the app opens it."""
    source = tmp_path / "portes.csv"
    source.write_text(DOORS_CSV, encoding="utf-8")
    with Workspace.open(home) as ws:
        done = ws.import_doors(source)
        if interviewer:
            ws.assign_doors(interviewer, sector="Nord")
        return done.value.door_ids


def open_doors(app_window, qtbot, **settings):
    window = app_window(welcomed=True, interviewer="Camille", language="en", **settings)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=30000)
    window.home.doors_button.click()
    page = window.doors_page
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.loaded, timeout=30000)
    window.tasks.drain()
    return window, page


def addresses(page) -> list[str]:
    return [d.address for d in page.model.rows]


def on_db(window, fn):
    """``fn(workspace)`` on the database thread, its result delivered here."""
    got = []
    window.tasks.run_db(lambda: fn(window.workspace), on_done=got.append)
    window.tasks.drain()
    assert got, "the database operation failed"
    return got[0]


def statuses(window) -> dict[str, str]:
    return {d.address: d.status for d in on_db(window, lambda ws: ws.doors())}


def test_my_doors_lists_the_doors_in_street_order(app_window, qtbot, isolated_home, tmp_path):
    seed_doors(isolated_home, tmp_path)
    window, page = open_doors(app_window, qtbot)
    assert addresses(page) == [
        "2 avenue Foch, Sarcelles",
        "5 avenue Foch, Sarcelles",
        "1 rue des Lilas, Sarcelles",
        "3 rue des Lilas, Sarcelles",
        "12 rue des Lilas, bât. B, ét. 2, porte 21, Sarcelles",
    ]
    assert page.tabs.tabText(0) == "Everything to do (5)"
    # filter by sector, then search
    page.sector_combo.setCurrentIndex(page.sector_combo.findData("Sud"))
    assert addresses(page) == ["2 avenue Foch, Sarcelles", "5 avenue Foch, Sarcelles"]
    page.sector_combo.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "lilas 12")
    assert addresses(page) == ["12 rue des Lilas, bât. B, ét. 2, porte 21, Sarcelles"]
    page.search.clear()
    assert len(addresses(page)) == 5


def test_one_key_records_absent_and_the_door_moves_to_revisit(
    app_window, qtbot, isolated_home, tmp_path
):
    seed_doors(isolated_home, tmp_path)
    window, page = open_doors(app_window, qtbot)
    page.select_tab("new")
    page.table.setFocus()
    page.table.selectRow(0)
    assert page.current_door().address == "2 avenue Foch, Sarcelles"
    assert page.outcome_buttons["absent"].text() == "Absent (A)"
    page.note.setText("volets fermés")  # (QTest types Latin-1 only)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_A)
    qtbot.waitUntil(lambda: page.tabs.tabText(2) == "To revisit (1)", timeout=30000)
    assert page.tabs.tabText(1) == "To visit (4)"
    assert "2 avenue Foch, Sarcelles" not in addresses(page)
    # the next door is selected, ready for the next key
    assert page.current_door().address == "5 avenue Foch, Sarcelles"
    visits = on_db(window, lambda ws: ws.door_visits(ws.doors()[0].door_id))
    assert [(v.outcome, v.note, v.interviewer) for v in visits] == [
        ("absent", "volets fermés", "Camille")
    ]
    assert page.note.text() == ""
    page.select_tab("revisit")
    assert addresses(page) == ["2 avenue Foch, Sarcelles"]
    assert page.model.data(page.model.index(0, 1)) == "Absent"


def test_refused_asks_first_then_the_door_is_never_offered_again(
    app_window, qtbot, isolated_home, tmp_path
):
    seed_doors(isolated_home, tmp_path)
    window, page = open_doors(app_window, qtbot)
    page.table.setFocus()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key_R)
    box = page.box
    assert box is not None and box.isVisible()
    assert "5 avenue Foch" in box.text()
    # "Cancel" records nothing
    box.no_button.click()
    window.tasks.drain()
    assert statuses(window)["5 avenue Foch, Sarcelles"] == "new"
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key_R)
    page.box.yes_button.click()
    qtbot.waitUntil(lambda: "5 avenue Foch, Sarcelles" not in addresses(page), timeout=30000)
    assert statuses(window)["5 avenue Foch, Sarcelles"] == "refused"
    for tab in ("all", "new", "revisit", "appointments"):
        page.select_tab(tab)
        assert "5 avenue Foch, Sarcelles" not in addresses(page)
    assert "1 closed door(s) not shown" in page.scope.text()
    page.search.setText("foch 5")
    assert addresses(page) == []


def test_an_appointment_shows_on_its_day(app_window, qtbot, isolated_home, tmp_path):
    seed_doors(isolated_home, tmp_path)
    window, page = open_doors(app_window, qtbot)
    page.table.selectRow(2)  # 1 rue des Lilas
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_P)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    tomorrow = QDate.currentDate().addDays(1)
    dialog.date_edit.setDate(tomorrow)
    dialog.time_edit.setTime(dialog.time_edit.time().fromString("18:30", "HH:mm"))
    dialog.accept()
    qtbot.waitUntil(lambda: "1 rue des Lilas, Sarcelles" not in addresses(page), timeout=30000)
    page.select_tab("appointments")
    assert addresses(page) == []  # not today
    page.day_edit.setDate(tomorrow)
    qtbot.waitUntil(lambda: addresses(page) == ["1 rue des Lilas, Sarcelles"], timeout=30000)
    assert page.tabs.tabText(3) == "Appointments (1)"
    assert "18:30" in page.model.data(page.model.index(0, 1))
    tomorrow_iso = (date.today() + timedelta(days=1)).isoformat()
    door = on_db(window, lambda ws: ws.appointments_due(tomorrow_iso))
    assert [d.address for d in door] == ["1 rue des Lilas, Sarcelles"]


def test_a_door_added_on_the_spot_is_listed_and_selected(
    app_window, qtbot, isolated_home, tmp_path
):
    seed_doors(isolated_home, tmp_path)
    window, page = open_doors(app_window, qtbot)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_N)
    dialog = page.dialog
    assert dialog is not None
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    dialog.edits["number"].setText("7")
    dialog.edits["street"].setText("rue des Lilas")
    dialog.edits["city"].setText("Sarcelles")
    dialog.accept()
    qtbot.waitUntil(lambda: "7 rue des Lilas, Sarcelles" in addresses(page), timeout=30000)
    qtbot.waitUntil(
        lambda: (
            page.current_door() is not None
            and page.current_door().address == "7 rue des Lilas, Sarcelles"
        ),
        timeout=30000,
    )
    assert page.current_door().origin == "field"


def test_my_doors_shows_only_the_doors_assigned_to_me(app_window, qtbot, isolated_home, tmp_path):
    seed_doors(isolated_home, tmp_path, interviewer="Camille")
    window, page = open_doors(app_window, qtbot)
    assert len(addresses(page)) == 3
    assert "Camille" in page.scope.text()


def test_start_the_interview_at_a_door(app_window, qtbot, isolated_home, tmp_path):
    seed_doors(isolated_home, tmp_path)
    window, page = open_doors(app_window, qtbot, bundled_forms=["enquete_habitants.xlsx"])
    qtbot.waitUntil(lambda: window.forms_loaded, timeout=60000)
    page.table.selectRow(0)
    door_id = page.current_door().door_id
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_E)
    qtbot.waitUntil(lambda: window.view is not None, timeout=60000)
    instance_id = window.interview.instance_id
    assert on_db(window, lambda ws: ws.door_of_interview(instance_id)) == door_id
    window.go_home()
    assert window.stack.currentWidget() is page


def test_type_back_a_round_sheet_one_key_per_door(app_window, qtbot, isolated_home, tmp_path):
    seed_doors(isolated_home, tmp_path)
    window, page = open_doors(app_window, qtbot)
    page.typeback_action.trigger()
    dialog = window.type_back_dialog
    qtbot.waitUntil(lambda: len(dialog.rows) == 5, timeout=30000)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key_A)
    qtbot.waitUntil(lambda: 0 in dialog.recorded, timeout=30000)
    qtbot.keyClick(dialog.table, Qt.Key_Space)  # skipped
    qtbot.keyClick(dialog.table, Qt.Key_V)
    qtbot.waitUntil(lambda: 2 in dialog.recorded, timeout=30000)
    assert dialog.recorded == {0: "absent", 2: "vacant"}
    assert dialog.table.item(2, 2).text() == "✓ Vacant"
    got = statuses(window)
    assert got["2 avenue Foch, Sarcelles"] == "absent"
    assert got["5 avenue Foch, Sarcelles"] == "new"
    assert got["1 rue des Lilas, Sarcelles"] == "vacant"
    dialog.reject()


def test_the_round_sheet_pdf_has_the_doors(qapp, isolated_home, tmp_path):
    from surveyor.ui.roundsheet import write_round_sheet_pdf

    seed_doors(isolated_home, tmp_path)
    with Workspace.open(isolated_home) as ws:
        rows = ws.round_sheet(sector="Nord")
    assert [r.address for r in rows][0] == "1 rue des Lilas, Sarcelles"
    pdf = write_round_sheet_pdf(tmp_path / "feuille.pdf", rows, sector="Nord")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    pages = PdfReader(str(pdf)).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)  # Qt writes tabs
    for address in ("1 rue des Lilas", "3 rue des Lilas", "12 rue des Lilas"):
        assert address in text
    assert "avenue Foch" not in text
    assert "Round sheet" in text and "Nord" in text


SMALL_FORM = """
| survey |      |      |       |
|        | type | name | label |
|        | text | who  | Name  |
|        | end  | end  |       |
"""


def test_an_interview_finalized_in_the_app_records_done_at_its_door(
    app_window, qtbot, isolated_home, tmp_path
):
    """The interview screen finalizes on its own: the door must still learn it is done."""
    from surveyor.ui.qt import QLineEdit

    seed_doors(isolated_home, tmp_path)
    form = tmp_path / "small.md"
    form.write_text(SMALL_FORM.strip() + "\n", encoding="utf-8")
    window, page = open_doors(app_window, qtbot, bundled_forms=[], form_files=[str(form)])
    qtbot.waitUntil(lambda: window.forms_loaded, timeout=60000)
    page.table.selectRow(0)
    door = page.current_door()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_E)
    qtbot.waitUntil(lambda: window.view is not None, timeout=60000)
    view = window.view
    qtbot.waitUntil(lambda: any(e.isVisible() for e in view.findChildren(QLineEdit)), timeout=30000)
    edit = next(e for e in view.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(edit, "Awa")
    qtbot.keyClick(edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.position() == "#finalize", timeout=30000)
    instance_id = window.interview.instance_id
    qtbot.mouseClick(view.finalize_button, Qt.LeftButton)
    qtbot.mouseClick(view.confirm_finalize_button, Qt.LeftButton)  # "Yes, finalize"
    qtbot.waitUntil(lambda: statuses(window)[door.address] == "done", timeout=30000)
    visits = on_db(window, lambda ws: ws.door_visits(door.door_id))
    assert [v.outcome for v in visits] == ["started", "done"]
    assert visits[1].instance_id == instance_id
    window.go_home()
    qtbot.waitUntil(lambda: door.address not in addresses(page), timeout=30000)


def test_my_doors_takes_the_newest_campaign_package_from_the_shared_folder(
    app_window, qtbot, isolated_home, tmp_path
):
    shared = tmp_path / "partage"
    shared.mkdir()
    coordinator = tmp_path / "coordinator"
    seed_doors(coordinator, tmp_path, interviewer="Camille")
    with Workspace.open(coordinator) as ws:
        ws.export_campaign(shared / "campagne-1.zip")
    window, page = open_doors(app_window, qtbot, shared_folder=str(shared))
    qtbot.waitUntil(lambda: len(addresses(page)) == 3, timeout=30000)
    assert "shared folder" in page.message.text()
    assert "Camille" in page.scope.text()
