"""The Résultats tab on a real coordinator data dir: figures equal Workspace.results, filters
update them, cross-tabs, coding with the keyboard, the report dialog, the people who want
to act; a personal field's value never shows."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from docx import Document

from surveyor.results import Selection
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QListWidget
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTableWidget
from surveyor.ui.settings import AppSettings
from surveyor.workspace import Workspace
from tests.exports.conftest import FORM
from tests.exports.conftest import base_answers
from tests.exports.conftest import variants

PHONE = "06 98 76 54 32"


def build(tmp_path: Path) -> Path:
    """A coordinator data dir: the 5 varied interviews plus 6 more, merged from a batch."""
    laptop = Workspace.open(tmp_path / "laptop")
    form = laptop.load_form(FORM).value
    sectors = ["north", "south", "east", "west", "centre", "north"]
    made = list(variants())
    for i, sector in enumerate(sectors):
        interviewer, when, answers = made[i % len(made)]
        answers = copy.deepcopy(answers)
        answers["sector"] = sector
        answers["comments"] = f"Commentaire {i} : il manque une crèche."
        made.append((interviewer, when, answers))
    for interviewer, when, answers in made:
        answers = copy.deepcopy(answers)
        if interviewer == "Jean-Luc M.":
            answers["contact_phone"] = PHONE
        r = laptop.fill_interview(
            form, answers, finalize=True, interviewer=interviewer, clock=lambda w=when: w
        ).value
        assert r.ok, r.problems
    laptop.hand_in(tmp_path / "batch.zip", interviewer="Fatima B.")
    laptop.close()
    ws = Workspace.open(tmp_path / "coordinator")
    ws.load_form(FORM)
    assert ws.merge_batches([tmp_path / "batch.zip"]).value.new
    ws.close()
    return tmp_path / "coordinator"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return build(tmp_path_factory.mktemp("results-ui"))


@pytest.fixture
def page(qtbot, tasks, tmp_path, data_dir):
    import shutil

    from surveyor.ui.coordinator import CoordinatorPage

    copy_dir = tmp_path / "coordinator"
    shutil.copytree(data_dir, copy_dir)
    workspace = tasks.run_db(lambda: Workspace.open(copy_dir)).result()
    settings = AppSettings(path=tmp_path / "settings.json", coordinator=True)
    settings.export_folder = str(tmp_path / "out")
    page = CoordinatorPage(tasks, settings, save_settings=settings.save)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.set_workspace(workspace)
    tasks.drain()
    page.tabs.setCurrentWidget(page.results)  # the tab loads when shown
    tasks.drain()
    page.ws = workspace
    yield page
    tasks.drain()
    tasks.run_db(workspace.close)
    tasks.drain()


def lang(page):
    """The language the view reads labels in (the app's locale, which earlier tests may set)."""
    return page.results.language()


def on_db(page, fn):
    return page.tasks.run_db(lambda: fn(page.ws)).result()


def settle(page):
    panel = page.results
    panel._timer.stop()
    panel.refresh_current()
    page.tasks.drain()


def table_rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def shown(page, name: str) -> list[list[str]]:
    panel = page.results
    panel.views.setCurrentWidget(panel.question_view)
    panel.select_question(name)
    settle(page)
    return table_rows(panel.question_view.table)


def test_the_figures_of_a_question_equal_the_workspace_and_follow_a_filter(page):
    rows = shown(page, "sector")
    expected = on_db(
        page, lambda ws: ws.results(Selection(), questions=["sector"], language=lang(page))
    )
    q = expected.questions["sector"]
    assert [(r[0], int(r[1])) for r in rows[:-1]] == [(c.label, c.count) for c in q.choices]
    assert rows[-1][1] == str(q.non_responses)
    base = page.results.question_view.base.text()
    assert str(q.asked) in base and str(q.answered) in base
    # a choice question's bars are drawn in its table, one per choice
    bars = page.results.question_view.table
    assert [
        bars.item(r, bars.columnCount() - 1).data(Qt.UserRole) for r in range(len(q.choices))
    ] == [c.percent for c in q.choices]
    assert str(expected.interviews) in page.results.summary.text()

    # a filter on an answer: the figures change to the filtered ones
    page.results.set_answer_filter("sector", "north")
    settle(page)
    filtered = on_db(
        page,
        lambda ws: ws.results(Selection(answers={"sector": ["north"]}), questions=["sector"]),
    )
    rows = table_rows(page.results.question_view.table)
    assert [int(r[1]) for r in rows[:-1]] == [c.count for c in filtered.questions["sector"].choices]
    assert filtered.interviews < expected.interviews
    assert str(filtered.interviews) in page.results.summary.text()

    # an interviewer
    page.results.clear_filters()
    page.results.interviewer_combo.setCurrentIndex(
        page.results.interviewer_combo.findData("Jean-Luc M.")
    )
    settle(page)
    only = on_db(
        page,
        lambda ws: ws.results(Selection(interviewers=("Jean-Luc M.",)), questions=["sector"]),
    )
    rows = table_rows(page.results.question_view.table)
    assert [int(r[1]) for r in rows[:-1]] == [c.count for c in only.questions["sector"].choices]


def test_numbers_and_group_by(page):
    rows = shown(page, "hours_per_month")
    q = on_db(page, lambda ws: ws.results(Selection(), questions=["hours_per_month"]))
    stats = q.questions["hours_per_month"].number
    assert rows[0][1] == str(stats.n)
    chart = page.results.question_view.chart  # the core's histogram
    assert chart.pixmap() is not None and not chart.pixmap().isNull()
    page.results.question_view.set_group_by("sector")
    rows = shown(page, "needs_unmet")
    grouped = on_db(
        page, lambda ws: ws.results(Selection(), by="sector", questions=["needs_unmet"])
    )
    table = page.results.question_view.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert len(headers) == 3 + len(grouped.groups)


def test_a_crosstab_shows_row_percentages_and_the_small_number_warning(page):
    panel = page.results
    panel.views.setCurrentWidget(panel.crosstab_view)
    panel.crosstab_view.set_pair("sector", "housing_type", "row")
    settle(page)
    ct = on_db(
        page, lambda ws: ws.crosstab("sector", "housing_type", Selection(), language=lang(page))
    )
    rows = table_rows(panel.crosstab_view.table)
    r_code, r_label = ct.rows[0]
    c_index = next(i for i, (c, _l) in enumerate(ct.columns) if ct.counts[r_code].get(c))
    c_code = ct.columns[c_index][0]
    from tests.ui.test_results import _pct

    assert rows[0][0] == r_label
    assert rows[0][1 + c_index] == _pct(ct.row_percent(r_code, c_code))
    assert ct.small_base and panel.crosstab_view.warning.isVisible()


def _pct(value):
    from surveyor.ui.coordinator.results import pct

    return pct(value)


def test_coding_a_verbatim_with_key_1_tags_it_in_the_store(page, qtbot):
    panel = page.results
    panel.select_question("comments")
    panel.views.setCurrentWidget(panel.coding_view)
    settle(page)
    coding = panel.coding_view
    assert coding.data is not None and coding.data.verbatims
    coding.new_theme.setText("Petite enfance")
    coding.add_theme()
    page.tasks.drain()
    settle(page)
    assert [t.label for t in coding.data.themes] == ["Petite enfance"]
    coding.setFocus()
    qtbot.keyClick(coding, Qt.Key_Right)
    key = coding.current_key()
    assert coding.index == 1
    qtbot.keyClick(coding, Qt.Key_1)
    qtbot.keyClick(coding, Qt.Key_Q)
    page.tasks.drain()
    form_id = coding.data.form_id
    tags = on_db(page, lambda ws: ws.verbatim_tags(form_id, "comments"))
    theme = coding.data.themes[0]
    assert tags == {key: [theme.id]}
    assert on_db(page, lambda ws: ws.quotes(form_id, "comments")) == [("comments", key)]
    settle(page)
    assert "(1)" in coding.themes.item(0).text()
    qtbot.keyClick(coding, Qt.Key_1)  # again: untagged
    page.tasks.drain()
    assert on_db(page, lambda ws: ws.verbatim_tags(form_id, "comments")) == {}


@pytest.mark.slow
def test_the_report_dialog_writes_a_docx_with_the_chosen_question(page, tmp_path):
    panel = page.results
    dialog = panel.ask_report()
    page.tasks.drain()
    assert dialog.plan is not None
    dialog.set_chosen(["transport_modes", "sector"])
    dialog.question_list.setCurrentRow(1)
    dialog.move(-1)  # sector first
    assert dialog.chosen_questions() == ["sector", "transport_modes"]
    dialog.crosstab_list.clear()
    dialog.add_crosstab("sector", "housing_type")
    dialog.pdf_box.setChecked(False)
    dialog.write(tmp_path / "rapport.docx")
    page.tasks.drain()
    assert dialog.written == [tmp_path / "rapport.docx"]
    headings = [
        p.text
        for p in Document(str(tmp_path / "rapport.docx")).paragraphs
        if p.style.name.startswith("Heading")
    ]
    labels = on_db(page, lambda ws: ws.result_questions(None, language="fr"))
    assert labels["sector"].label in headings
    assert headings.index(labels["sector"].label) < headings.index(labels["transport_modes"].label)
    plan = on_db(page, lambda ws: ws.report_plan(None))
    assert plan.questions == ["sector", "transport_modes"]
    assert plan.crosstabs == [("sector", "housing_type")] or plan.crosstabs == [
        ["sector", "housing_type"]
    ]
    assert dialog.box is not None
    dialog.box.close()
    dialog.close()


@pytest.mark.slow
def test_a_personal_fields_value_never_appears_in_the_view(page):
    panel = page.results
    names = [
        panel.question_list.item(r).data(Qt.UserRole) for r in range(panel.question_list.count())
    ]
    assert "contact_phone" in names
    for name in names:
        shown(page, name)
        texts = [w.text() for w in page.findChildren(QLabel)]
        for table in page.results.findChildren(QTableWidget):
            texts += [cell for row in table_rows(table) for cell in row]
        for lst in page.results.findChildren(QListWidget):
            texts += [lst.item(r).text() for r in range(lst.count())]
        assert not any(PHONE in t for t in texts), name
        assert not any("Nadia" in t for t in texts), name


def test_the_people_who_want_to_act_are_listed_filtered_and_exported(page, tmp_path):
    people = page.people
    assert people.table.rowCount() == 0  # hidden: not read yet
    page.tabs.setCurrentWidget(people)
    page.tasks.drain()
    expected = on_db(page, lambda ws: ws.volunteers(Selection(form_id="enquete_habitants")))
    assert people.table.rowCount() == len(expected.people) > 0
    assert any(PHONE in c for row in table_rows(people.table) for c in row)
    people.skill_combo.setCurrentIndex(people.skill_combo.findData("sewing"))
    page.tasks.drain()
    sewing = on_db(
        page, lambda ws: ws.volunteers(Selection(form_id="enquete_habitants"), skill="sewing")
    )
    assert people.table.rowCount() == len(sewing.people)
    people.export(tmp_path / "gens.csv")
    page.tasks.drain()
    text = (tmp_path / "gens.csv").read_text("utf-8-sig")
    assert len(text.strip().splitlines()) == len(sewing.people) + 1


def test_the_people_who_want_to_act_are_filtered_by_need(page):
    """The need filter: only the residents with that unmet need, then everyone again."""

    def one_more_resident(ws):  # every other resident has the same needs
        answers = base_answers()
        answers.update(needs_unmet=["meals"], main_need="meals", contact_name="Rosalie Mercier")
        form = ws.load_form(FORM).value
        assert ws.fill_interview(form, answers, finalize=True).value.ok

    on_db(page, one_more_resident)
    people = page.people
    page.tabs.setCurrentWidget(people)
    page.tasks.drain()
    everyone = on_db(page, lambda ws: ws.volunteers(Selection(form_id="enquete_habitants")))
    assert people.table.rowCount() == len(everyone.people)
    by_need = {
        code: on_db(
            page,
            lambda ws, code=code: ws.volunteers(Selection(form_id="enquete_habitants"), need=code),
        ).people
        for code in everyone.needs
    }
    code = "meals"
    assert 0 < len(by_need[code]) < len(everyone.people)
    people.need_combo.setCurrentIndex(people.need_combo.findData(code))
    page.tasks.drain()
    rows = table_rows(people.table)
    assert len(rows) == len(by_need[code]) == len(people.people)
    assert {p.key for p in people.people} == {p.key for p in by_need[code]}
    assert all(code in p.needs for p in people.people)
    column = people.headers().index(people.tr("Unmet needs"))
    label = people.need_combo.currentText()
    assert all(label in row[column] for row in rows)
    people.need_combo.setCurrentIndex(0)  # "Any need"
    page.tasks.drain()
    assert people.table.rowCount() == len(everyone.people)


def test_the_needs_ranked_most_first_split_by_a_group_and_a_date_range(page):
    panel = page.results
    ranking_view = panel.ranking_view
    panel.views.setCurrentWidget(ranking_view)
    ranking_view.question_combo.setCurrentIndex(ranking_view.question_combo.findData("needs_unmet"))
    settle(page)
    ranking = on_db(page, lambda ws: ws.ranking("needs_unmet", Selection(), language=lang(page)))
    rows = table_rows(ranking_view.table)
    assert [(r[0], r[1], int(r[2])) for r in rows] == [
        (str(n), i.label, i.count) for n, i in enumerate(ranking.items, start=1)
    ]
    counts = [int(r[2]) for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    assert str(ranking.base) in ranking_view.base.text()

    # split by sector: one column of percentages per sector, with its base
    ranking_view.by_combo.setCurrentIndex(ranking_view.by_combo.findData("sector"))
    settle(page)
    split = on_db(
        page, lambda ws: ws.ranking("needs_unmet", Selection(), by="sector", language=lang(page))
    )
    table = ranking_view.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert len(headers) == 4 + len(split.groups)
    label, base, items = next(iter(split.groups.values()))
    assert headers[4] == f"{label} (%) · n={base}"
    first = {i.code: i.percent for i in items}[split.items[0].code]
    assert table_rows(table)[0][4] == _pct(first)

    # a date range: the day of the first interviews only
    from surveyor.ui.qt import QDate

    days = on_db(page, lambda ws: sorted(r.day for r in ws._results.engine(None).rows))
    day = QDate.fromString(days[0], "yyyy-MM-dd")
    panel.from_edit.setDate(day)
    panel.to_edit.setDate(day)
    settle(page)
    only = on_db(page, lambda ws: ws.results(Selection(date_from=days[0], date_to=days[0])))
    assert 0 < only.interviews < len(days)
    assert str(only.interviews) in panel.summary.text()


def exported_columns(page, out: Path) -> str:
    """The header of the form's CSV export (the default: personal fields left out)."""
    (path, *_) = on_db(page, lambda ws: ws.export(out, form_ids=["enquete_habitants"]))
    return path.read_text("utf-8-sig").splitlines()[0]


def test_the_coordinator_marks_a_question_personal_from_the_question_list(page, tmp_path):
    """The question list's menu marks a field personal (or not): its answers are no longer
    shown, nor offered to filter, group or code, and the campaign keeps the mark, which the
    exports follow (the one list in privacy.json)."""
    panel = page.results
    panel.select_question("street")
    settle(page)
    assert not panel.personal_action.isChecked()
    assert panel.personal_action in panel.question_list.actions()
    assert "Impasse du Nord" in [
        panel.question_view.verbatims.item(r).text()
        for r in range(panel.question_view.verbatims.count())
    ]
    panel.personal_action.trigger()  # checked: personal
    page.tasks.drain()
    settle(page)
    assert "street" in on_db(page, lambda ws: ws.form_personal_fields("enquete_habitants"))
    assert "-street," not in exported_columns(page, tmp_path / "marked")
    assert panel.current_question() == "street" and panel.personal_action.isChecked()
    assert panel.question_view.verbatims.count() == 0
    item = panel.question_list.currentItem()
    assert item.data(Qt.UserRole) == "street" and item.text() != panel.questions["street"].label
    panel.personal_action.trigger()  # unchecked: not personal, whatever the form says
    page.tasks.drain()
    settle(page)
    assert "street" not in on_db(page, lambda ws: ws.form_personal_fields("enquete_habitants"))
    assert "-street," in exported_columns(page, tmp_path / "unmarked")
    assert panel.question_view.verbatims.count() > 0
