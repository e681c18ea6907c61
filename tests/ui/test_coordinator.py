"""The coordinator's screens on real stores: batches of two laptops imported (report, again
as duplicates, a damaged one refused), a conflict resolved, the overview, the export."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest

from surveyor.services.interviews import FormLibrary
from surveyor.services.interviews import fill_interview
from surveyor.store import Store
from surveyor.ui.qt import QDate
from surveyor.ui.settings import AppSettings
from surveyor.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))


def answers_for(n: int, **changes) -> dict:
    answers = copy.deepcopy(ANSWERS)
    answers["street"] = f"Rue des Tilleuls {n}"
    answers["comments"] = f"Entretien numéro {n}."
    answers.update(changes)
    return answers


class Laptop:
    """A volunteer's laptop: its own data dir and store."""

    def __init__(self, data_dir: Path, name: str, cache_dir: Path):
        self.data_dir, self.name = Path(data_dir), name
        self.device_id = f"surveyor:{name.lower()}"
        self.store = Store.open(self.data_dir)
        self.library = FormLibrary(self.store, cache_dir=cache_dir)
        self.form = self.library.load_file(HABITANTS)

    def fill(self, n: int, *, finalize: bool = True, clock=None, **changes):
        result = fill_interview(
            self.library,
            self.form,
            # The form's interviewer question holds the volunteer's name (pre-filled).
            answers_for(n, **{"interviewer": self.name, **changes}),
            finalize=finalize,
            interviewer=self.name,
            device_id=self.device_id,
            clock=clock,
        )
        assert result.ok, result.problems
        return result.interview

    def hand_in(self, destination: Path):
        from surveyor.batches import hand_in

        return hand_in(
            self.store,
            destination,
            interviewer=self.name,
            device_id=self.device_id,
            device_label=f"Portable {self.name}",
        )

    def edit(self, instance_id: str, comment: str) -> str:
        """A finalized correction of a handed-in interview; its new instanceID."""
        revision = self.store.revise(instance_id)
        self.store.save_answers(revision.instance_id, dict(revision.answers, comments=comment))
        self.store.finalize(revision.instance_id)
        return revision.instance_id

    def close(self) -> None:
        self.store.close()


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("form-cache")


@pytest.fixture
def laptops(tmp_path, cache_dir):
    made = []

    def make(name: str) -> Laptop:
        laptop = Laptop(tmp_path / f"laptop-{name}", name, cache_dir)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.close()


@pytest.fixture
def page(qtbot, tasks, tmp_path):
    from surveyor.ui.coordinator import CoordinatorPage

    # opened on the database thread, which owns it (as in the app)
    workspace = tasks.run_db(lambda: Workspace.open(tmp_path / "coordinator")).result()
    settings = AppSettings(path=tmp_path / "settings.json", coordinator=True)
    page = CoordinatorPage(tasks, settings, save_settings=settings.save)
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    page.set_workspace(workspace)
    tasks.drain()
    yield page
    tasks.drain()
    tasks.run_db(workspace.close)
    tasks.drain()


def two_laptops(laptops, tmp_path):
    """Amina hands in 3 interviews, Bruno 2, into one folder."""
    folder = tmp_path / "usb"
    folder.mkdir()
    amina, bruno = laptops("Amina"), laptops("Bruno")
    for n in range(3):
        amina.fill(n)
    for n in range(10, 12):
        bruno.fill(n)
    a = amina.hand_in(folder / "amina.zip")
    b = bruno.hand_in(folder / "bruno.zip")
    return folder, a, b


def import_and_wait(qtbot, page, paths):
    before = page.imports.report
    page.imports.import_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: page.imports.report is not before, timeout=30000)
    page.tasks.drain()
    return page.imports.report


def cell(table, row, column):
    return table.item(row, column).text()


def table_rows(table):
    return [
        [cell(table, r, c) for c in range(table.columnCount())] for r in range(table.rowCount())
    ]


def test_import_two_laptops_then_again_shows_duplicates(qtbot, page, laptops, tmp_path):
    folder, _a, _b = two_laptops(laptops, tmp_path)
    report = import_and_wait(qtbot, page, [folder])
    assert (report.new, report.duplicates, len(report.refused)) == (5, 0, 0)
    rows = {r[0]: r for r in table_rows(page.imports.batches)}
    assert rows["amina.zip"][1:8] == ["Amina", "Portable Amina", "Imported", "3", "0", "0", "0"]
    assert rows["bruno.zip"][1:8] == ["Bruno", "Portable Bruno", "Imported", "2", "0", "0", "0"]
    people = {r[0]: r[1:] for r in table_rows(page.imports.people)}
    assert people == {"Amina": ["3", "0", "0", "0"], "Bruno": ["2", "0", "0", "0"]}
    assert "5 new interview(s)" in page.imports.summary.text()
    assert page.settings.last_batch_folder == str(folder)
    assert page.imports.again_button.isEnabled()

    # "Import the folder again" is harmless: everything is a duplicate.
    before = page.imports.report
    page.imports.again_button.click()
    qtbot.waitUntil(lambda: page.imports.report is not before, timeout=30000)
    again = page.imports.report
    assert (again.new, again.duplicates) == (0, 5)
    assert {r[3] for r in table_rows(page.imports.batches)} == {"Already imported"}
    assert {r[0]: r[3] for r in table_rows(page.imports.people)} == {"Amina": "3", "Bruno": "2"}
    qtbot.waitUntil(
        lambda: page.overview.data is not None and page.overview.data.total == 5,
        timeout=30000,
    )


def test_a_damaged_batch_is_refused_with_the_reason_and_nothing_imported(
    qtbot, page, laptops, tmp_path
):
    amina = laptops("Amina")
    amina.fill(1)
    amina.fill(2)
    batch = amina.hand_in(tmp_path / "amina.zip").path
    data = batch.read_bytes()
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(data[: len(data) // 2])
    report = import_and_wait(qtbot, page, [damaged])
    assert len(report.refused) == 1 and report.new == 0
    row = table_rows(page.imports.batches)[0]
    assert row[0] == "damaged.zip" and row[3] == "Refused"
    assert "incomplete or damaged" in row[8]
    assert "refused" in page.imports.summary.text()
    page.tasks.drain()
    qtbot.waitUntil(lambda: page.overview.data is not None, timeout=30000)
    assert page.overview.data.total == 0


def test_a_conflict_is_listed_compared_and_resolved(qtbot, page, laptops, tmp_path):
    amina = laptops("Amina")
    original = amina.fill(1).instance_id
    import_and_wait(qtbot, page, [amina.hand_in(tmp_path / "0.zip").path])
    # Bruno's laptop is a copy of Amina's: both correct the same interview.
    amina.close()
    shutil.copytree(amina.data_dir, tmp_path / "laptop-Bruno")
    amina.store = Store.open(amina.data_dir)
    bruno = laptops("Bruno")
    amina.edit(original, "Version d'Amina.")
    bruno.edit(original, "Version de Bruno.")
    a, b = amina.hand_in(tmp_path / "a.zip"), bruno.hand_in(tmp_path / "b.zip")
    report = import_and_wait(qtbot, page, [a.path, b.path])
    assert report.conflicts == 1

    conflicts = page.conflicts
    qtbot.waitUntil(lambda: len(conflicts.conflicts) == 1, timeout=30000)
    assert conflicts.list.count() == 1
    assert page.tabs.tabText(1) == "&Conflicts (1)"
    assert conflicts.list.currentRow() == 0
    assert len(conflicts.keep_buttons) == 2
    rows = table_rows(conflicts.table)
    from surveyor.forms import load_form
    from surveyor.paths import bundled_forms_dir

    habitants = load_form(bundled_forms_dir() / "enquete_habitants.xlsx")
    label = " ".join(habitants.by_name("comments").label["English (en)"].split())
    assert [label, "Version d'Amina.", "Version de Bruno."] in rows or [
        label,
        "Version de Bruno.",
        "Version d'Amina.",
    ] in rows  # the question as the form words it, not its field name
    row = next(
        r for r in range(conflicts.table.rowCount()) if conflicts.table.item(r, 0).text() == label
    )
    assert conflicts.table.item(row, 0).toolTip() == "comments"
    headers = [conflicts.table.horizontalHeaderItem(c).text() for c in (1, 2)]
    assert headers[0].startswith("Version 1: Amina, ") and headers[1].startswith("Version 2: ")

    keep = next(
        i for i, v in enumerate(conflicts.current.versions) if "Bruno" in v.answers["comments"]
    )
    conflicts.keep_buttons[keep].click()
    box = conflicts.box
    assert box is not None and box.isVisible()
    box.yes_button.click()
    qtbot.waitUntil(lambda: not conflicts.conflicts, timeout=30000)
    assert page.tabs.tabText(1) == "&Conflicts"
    assert "Resolved" in conflicts.message.text()
    # the overview shows the kept version only
    qtbot.waitUntil(
        lambda: page.overview.data is not None and page.overview.data.total == 1,
        timeout=30000,
    )
    qtbot.waitUntil(lambda: page.overview.model.rowCount() == 1, timeout=30000)


def test_overview_counts_and_filters(qtbot, page, laptops, tmp_path):
    folder, _a, _b = two_laptops(laptops, tmp_path)
    import_and_wait(qtbot, page, [folder])
    overview = page.overview
    qtbot.waitUntil(lambda: overview.model.rowCount() == 5, timeout=30000)
    assert overview.total_label.text().startswith("5 ")
    assert {r[0]: r[1] for r in table_rows(overview.by_interviewer)} == {"Amina": "3", "Bruno": "2"}
    assert sum(int(r[1]) for r in table_rows(overview.by_day)) == 5
    assert table_rows(overview.by_form)[0][1:] == ["Handed in", "5"]

    # filter by interviewer
    overview.interviewer_combo.setCurrentIndex(overview.interviewer_combo.findData("Bruno"))
    qtbot.waitUntil(lambda: overview.model.rowCount() == 2, timeout=30000)
    assert {s.interviewer for s in overview.model.rows} == {"Bruno"}
    assert table_rows(overview.by_interviewer) == [["Bruno", "2"]]
    # and search
    wanted = overview.model.rows[1].instance_id
    overview.search.setText(wanted.removeprefix("uuid:")[:13])
    qtbot.waitUntil(lambda: overview.model.rowCount() == 1, timeout=30000)
    assert overview.model.rows[0].instance_id == wanted
    # a state with none, then a date range in the future
    overview.clear_filters()
    qtbot.waitUntil(lambda: overview.model.rowCount() == 5, timeout=30000)
    overview.state_combo.setCurrentIndex(overview.state_combo.findData("draft"))
    qtbot.waitUntil(lambda: overview.model.rowCount() == 0, timeout=30000)
    overview.clear_filters()
    overview.from_edit.setDate(QDate.currentDate().addDays(400))
    qtbot.waitUntil(lambda: overview.data.total == 0, timeout=30000)
    overview.clear_filters()
    qtbot.waitUntil(lambda: overview.model.rowCount() == 5, timeout=30000)

    opened = []
    page.open_interview.connect(opened.append)
    overview.table.selectRow(0)
    overview.open_button.click()
    assert opened == [overview.model.rows[0].instance_id]


def test_the_list_shows_and_sorts_by_the_interview_day_as_by_day_counts_it(
    qtbot, page, laptops, tmp_path
):
    """Drafts started on three days (Paris time) and finalized today, in another order: the
    list's date is the day each was done (as "By day" counts it), newest day first."""
    from datetime import datetime
    from datetime import timedelta
    from datetime import timezone

    from surveyor.ui.coordinator.overview import day_text

    paris = timezone(timedelta(hours=1))
    amina = laptops("Amina")
    for n, day in ((1, 20), (2, 25), (3, 22)):
        started = datetime(2026, 11, day, 23, 30, tzinfo=paris)
        draft = amina.fill(n, finalize=False, clock=lambda started=started: started)
        amina.store.finalize(draft.instance_id)
    folder = tmp_path / "usb"
    folder.mkdir()
    amina.hand_in(folder / "amina.zip")
    import_and_wait(qtbot, page, [folder])
    overview = page.overview
    qtbot.waitUntil(lambda: overview.model.rowCount() == 3, timeout=30000)
    days = ["2026-11-25", "2026-11-22", "2026-11-20"]
    assert [r[0] for r in table_rows(overview.by_day)] == [day_text(d) for d in sorted(days)]
    dates = [overview.model.index(row, 3).data() for row in range(3)]
    assert dates == [day_text(d) for d in days]


def test_erasing_an_interview_asks_first_then_erases_it_everywhere(qtbot, page, laptops, tmp_path):
    folder, _a, _b = two_laptops(laptops, tmp_path)
    import_and_wait(qtbot, page, [folder])
    overview = page.overview
    qtbot.waitUntil(lambda: overview.model.rowCount() == 5, timeout=30000)
    overview.table.selectRow(0)
    doomed = overview.model.rows[0].instance_id

    box = overview.erase_button.click() or overview.erase_box
    assert box is not None and box.defaultButton() is box.no_button
    box.no_button.click()  # cancel: nothing erased
    page.tasks.drain()
    assert overview.model.rowCount() == 5

    overview.table.selectRow(0)
    overview.erase_button.click()
    overview.erase_box.yes_button.click()
    qtbot.waitUntil(lambda: overview.model.rowCount() == 4, timeout=30000)
    assert doomed not in {r.instance_id for r in overview.model.rows}
    erased = page.tasks.run_db(lambda: page.workspace.erasures()).result()
    assert [e["instance_id"] for e in erased] == [doomed]


def test_export_writes_csv_files(qtbot, page, laptops, tmp_path, monkeypatch):
    folder, _a, _b = two_laptops(laptops, tmp_path)
    import_and_wait(qtbot, page, [folder])
    qtbot.waitUntil(
        lambda: page.overview.data is not None and bool(page.overview.data.forms),
        timeout=30000,
    )
    opened = []
    monkeypatch.setattr(
        "surveyor.ui.coordinator.common.QDesktopServices.openUrl", lambda url: opened.append(url)
    )
    dialog = page.ask_export()
    out = tmp_path / "exports"
    dialog.folder_edit.setText(str(out))
    assert dialog.csv_radio.isChecked()
    dialog.labels_radio.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: page.exporter.box is not None, timeout=30000)
    files = sorted(p.name for p in out.glob("*.csv"))
    assert "enquete_habitants.csv" in files
    text = (out / "enquete_habitants.csv").read_text("utf-8-sig")
    assert text.count("\n") >= 6  # header + 5 interviews
    box = page.exporter.box
    assert str(out) in box.text()
    box.open_button.click()
    assert opened and opened[0].toLocalFile() == str(out)
    assert page.settings.export_folder == str(out)


def test_export_leaves_personal_fields_out_or_pseudonymises_them(
    qtbot, page, laptops, tmp_path, monkeypatch
):
    folder, _a, _b = two_laptops(laptops, tmp_path)
    import_and_wait(qtbot, page, [folder])
    qtbot.waitUntil(
        lambda: page.overview.data is not None and bool(page.overview.data.forms),
        timeout=30000,
    )
    monkeypatch.setattr("surveyor.ui.coordinator.common.QDesktopServices.openUrl", lambda url: 0)
    for choice, out in (("omit", tmp_path / "omit"), ("pseudonymise", tmp_path / "pseudo")):
        page.exporter.box = None
        dialog = page.ask_export()
        assert dialog.personal_combo.currentData() == "omit"  # the default
        dialog.personal_combo.setCurrentIndex(dialog.personal_combo.findData(choice))
        dialog.folder_edit.setText(str(out))
        dialog.accept()
        qtbot.waitUntil(lambda: page.exporter.box is not None, timeout=30000)
        header = (out / "enquete_habitants.csv").read_text("utf-8-sig").splitlines()[0]
        text = (out / "enquete_habitants.csv").read_text("utf-8-sig")
        assert "06 12 34 56 78" not in text
        assert ("contact_phone" in header) == (choice == "pseudonymise")
        if choice == "pseudonymise":
            assert ",P-" in text


@pytest.mark.slow
def test_coordination_from_the_main_window_opens_an_interview_read_only(
    app_window, qtbot, laptops, tmp_path
):
    folder, _a, _b = two_laptops(laptops, tmp_path)
    window = app_window(welcomed=True, coordinator=True, interviewer="Claire", language="en")
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=30000)
    assert window.home.coordination_button.isVisible()
    window.home.coordination_button.click()
    page = window.coordination
    assert window.stack.currentWidget() is page
    import_and_wait(qtbot, page, [folder])
    qtbot.waitUntil(lambda: page.overview.model.rowCount() == 5, timeout=30000)
    index = page.overview.model.index(0, 0)
    page.overview.table.activated.emit(index)
    qtbot.waitUntil(lambda: window.view is not None, timeout=30000)
    assert window.read_only
    window.go_home()
    assert window.stack.currentWidget() is page


def test_no_coordination_entry_for_interviewers(app_window, qtbot):
    window = app_window(welcomed=True, interviewer="Camille")
    assert not window.home.coordination_button.isVisible()
    assert not window.coordination_action.isVisible()
    window.show_coordination()
    assert window.coordination is None


def test_a_banner_warns_before_the_retention_period_and_removes_when_asked(qtbot, page, tmp_path):
    import json as _json
    from datetime import UTC
    from datetime import datetime
    from datetime import timedelta

    from tests.sync.conftest import ANSWERS
    from tests.sync.conftest import HABITANTS

    usb = tmp_path / "usb-retention"
    usb.mkdir()
    with Workspace.open(tmp_path / "laptop-retention") as ws:
        form = ws.load_form(HABITANTS).value
        for days in (400, 350):
            moment = datetime.now(UTC) - timedelta(days=days)
            answers = {**ANSWERS, "interview_date": moment.date().isoformat()}
            assert ws.fill_interview(
                form, answers, finalize=True, clock=lambda m=moment: m
            ).value.ok
        batch = ws.hand_in(usb).value.path
    (tmp_path / "coordinator" / "privacy.json").write_text(_json.dumps({"retention_days": 365}))
    page.tasks.run_db(lambda: page.workspace.merge_batches([batch])).result()
    page.refresh_retention()
    qtbot.waitUntil(lambda: page.retention.isVisible(), timeout=30000)
    text = page.retention_label.text()
    assert "1 interview" in text and "365" in text
    assert page.retention_button.isVisible()
    page.retention_button.click()
    page.retention_box.yes_button.click()
    qtbot.waitUntil(lambda: not page.retention_button.isVisible(), timeout=30000)
    assert page.retention.isVisible()  # the one reaching it soon is still announced
    report = page.tasks.run_db(lambda: page.workspace.retention_report()).result()
    assert report.overdue == [] and len(report.soon) == 1


def test_the_export_dialog_in_french_is_tall_enough_for_its_wrapped_rows(qtbot):
    """Its French rows wrap; QDialog sized itself from a hint that ignores the wrapping, and
    the radio buttons were drawn over each other (seen on the 1024×600 screenshot)."""
    from pathlib import Path as _Path

    from surveyor.ui.coordinator.export import ExportDialog
    from surveyor.ui.qt import QCoreApplication
    from surveyor.ui.qt import QTranslator

    qm = _Path(__file__).resolve().parents[2] / "surveyor" / "ui" / "i18n" / "surveyor_fr.qm"
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.qt import QApplication
    from surveyor.ui.qt import QWidget
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE

    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    app = QApplication.instance()
    old_font, old_sheet = app.font(), app.styleSheet()
    apply_text_size(app, DEFAULT_TEXT_SIZE)  # the app's fonts and style sheet
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        parent.resize(1024, 600)
        parent.show()
        dialog = ExportDialog({"enquete_habitants": "Enquête habitants"}, "/tmp/x", parent)
        dialog.open()
        qtbot.waitExposed(dialog, timeout=30000)
        needed = dialog.layout().totalHeightForWidth(dialog.width())
        assert dialog.height() >= needed
    finally:
        QCoreApplication.removeTranslator(translator)
        app.setFont(old_font)
        app.setStyleSheet(old_sheet)
