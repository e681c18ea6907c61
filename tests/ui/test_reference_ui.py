"""The neighbourhood's reference figures in the Résultats view: typed in once in the dialog
(the total shown as it is typed), saved in the store, shown again when reopened, and the
comparison with who answered under the question's figures."""

from __future__ import annotations

from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import Qt
from tests.ui import test_results as base
from tests.ui.test_results import on_db
from tests.ui.test_results import settle
from tests.ui.test_results import table_rows

# the Résultats view's fixtures: a coordinator's data dir, the coordinator page over a copy
data_dir = base.data_dir
page = base.page

SOURCE = "INSEE, recensement 2021, QPV Laubadère"


def open_dialog(page, name: str):
    panel = page.results
    panel.views.setCurrentWidget(panel.question_view)
    panel.select_question(name)
    settle(page)
    box = panel.question_view.reference
    assert box.isVisible()
    dialog = box.ask()
    page.tasks.drain()
    assert dialog.question() == name
    return dialog


def type_shares(dialog, shares: dict[str, str]) -> None:
    for key, edit in dialog.rows:
        code = key if isinstance(key, str) else key.text()
        if code in shares:
            edit.setText(shares[code])


def test_the_coordinator_types_the_figures_once_and_sees_the_comparison(page, qtbot):
    dialog = open_dialog(page, "housing_type")
    save = dialog.buttons.button(QDialogButtonBox.Ok)
    type_shares(dialog, {"social_rent": "70", "private_rent": "20"})
    dialog.source_edit.setText(SOURCE)
    dialog.year_edit.setText("2021")
    assert "90" in dialog.total.text() and not save.isEnabled()  # the total, live
    type_shares(dialog, {"owner": "10"})
    assert "100" in dialog.total.text() and save.isEnabled()
    qtbot.mouseClick(save, Qt.LeftButton)
    page.tasks.drain()
    assert dialog.saved
    ref = on_db(page, lambda ws: ws.references())["housing_type"]
    assert (ref.source, ref.year) == (SOURCE, 2021)
    assert ref.shares == {"social_rent": 70, "private_rent": 20, "owner": 10}

    # the comparison under the figures equals the Workspace's
    settle(page)
    box = page.results.question_view.reference
    assert box.table.isVisible()
    language = page.results.language()  # the app's (another test may have left English)
    compared = on_db(
        page, lambda ws: ws.compare_references(questions=["housing_type"], language=language)
    )[0]
    rows = table_rows(box.table)
    assert len(rows) == len(compared.categories)
    for row, c in zip(rows, compared.categories, strict=True):
        assert row[0] == c.label
        assert row[1].replace(",", ".") == f"{c.percent:.1f}"
        assert row[2].replace(",", ".") == ("–" if c.reference is None else f"{c.reference:.1f}")
    assert SOURCE in box.note.text() and "2021" in box.note.text()

    # reopened: the figures typed are there
    again = open_dialog(page, "housing_type")
    typed = {key: edit.text() for key, edit in again.rows if edit.text()}
    assert typed == {"social_rent": "70", "private_rent": "20", "owner": "10"}
    assert again.source_edit.text() == SOURCE and again.year_edit.text() == "2021"
    again.close()


def test_age_bands_for_a_number_question(page):
    dialog = open_dialog(page, "member_age")
    bands = [key for key, _edit in dialog.rows]
    for band, code in zip(bands, ["0-14", "15-59", "60+"], strict=False):
        band.setText(code)
    for (_band, edit), share in zip(dialog.rows, ["20", "55,5", "24,5"], strict=False):
        edit.setText(share)
    dialog.source_edit.setText(SOURCE)
    dialog.save()
    page.tasks.drain()
    ref = on_db(page, lambda ws: ws.references())["member_age"]
    assert ref.shares == {"0-14": 20, "15-59": 55.5, "60+": 24.5}
    settle(page)
    box = page.results.question_view.reference
    assert [r[0] for r in table_rows(box.table)] == ["0-14", "15-59", "60+"]
