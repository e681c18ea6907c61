"""The Résultats tab on an old 1024×600 laptop at the largest text size (24 pt): the figures
show without scrolling (the filters fold behind a "Filters (n active)" button when the
height runs short), nothing is drawn over anything else, no text is cut."""

from __future__ import annotations

import shutil

import pytest

from surveyor.ui.qt import QPoint
from surveyor.ui.qt import Qt
from surveyor.ui.settings import DEFAULT_TEXT_SIZE
from surveyor.ui.settings import MAX_TEXT_SIZE
from tests.ui.test_fit_small_screen import open_coordination
from tests.ui.test_largest_text import at_1024_by_600
from tests.ui.test_largest_text import settled_problems
from tests.ui.test_results import build


@pytest.fixture(scope="module")
def results_dir(tmp_path_factory):
    return build(tmp_path_factory.mktemp("results-fit"))


def open_results(app_window, qtbot, isolated_home, results_dir, language, size):
    shutil.copytree(results_dir, isolated_home, dirs_exist_ok=True)
    window = open_coordination(app_window, qtbot, language, size)
    window.show_coordination()
    page = window.coordination
    page.tabs.setCurrentWidget(page.results)
    panel = page.results
    qtbot.waitUntil(lambda: panel.question_list.count() > 0, timeout=30000)
    panel.views.setCurrentWidget(panel.question_view)
    panel.select_question("sector")
    qtbot.waitUntil(lambda: panel.question_view.table.rowCount() > 1, timeout=30000)
    return window, panel


def visible_in_page(window, widget, height: int) -> bool:
    """``height`` pixels of ``widget`` from its top are inside the window's page viewport."""
    viewport = window.page_scroll.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    return widget.isVisible() and top >= 0 and top + height <= viewport.height()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.slow
def test_at_the_largest_text_size_the_figures_show_at_1024_by_600_without_scrolling(
    app_window, qtbot, isolated_home, results_dir, language
):
    window, panel = open_results(
        app_window, qtbot, isolated_home, results_dir, language, MAX_TEXT_SIZE
    )
    at_1024_by_600(window, qtbot)
    table = panel.question_view.table
    # the table's header and its first row are on screen, the page not scrolled
    rows = table.horizontalHeader().height() + table.rowHeight(0)
    qtbot.waitUntil(lambda: visible_in_page(window, table, rows), timeout=30000)
    assert not window.page_scroll.verticalScrollBar().isVisible()
    problems = settled_problems(panel, qtbot)
    assert problems == [], "\n".join(problems)


def test_the_folded_filters_count_the_active_ones_and_unfold_without_overlap(
    app_window, qtbot, isolated_home, results_dir
):
    window, panel = open_results(app_window, qtbot, isolated_home, results_dir, "en", MAX_TEXT_SIZE)
    at_1024_by_600(window, qtbot)
    qtbot.waitUntil(lambda: panel.compact, timeout=30000)
    assert panel.filters_button.isVisible() and not panel.filters_box.isVisible()
    assert "0" in panel.filters_button.text()
    panel.set_answer_filter("sector", "north")
    panel.interviewer_combo.setCurrentIndex(1)
    panel.refresh_current()
    assert "(2 active)" in panel.filters_button.text().replace("&", "")
    qtbot.mouseClick(panel.filters_button, Qt.LeftButton)
    assert panel.filters_box.isVisible() and panel.answer_value.isVisible()
    problems = settled_problems(panel, qtbot)
    assert problems == [], "\n".join(problems)
    qtbot.mouseClick(panel.filters_button, Qt.LeftButton)
    assert not panel.filters_box.isVisible()


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)])
def test_at_the_default_text_size_the_filters_stay_in_view(
    app_window, qtbot, isolated_home, results_dir, size
):
    window, panel = open_results(
        app_window, qtbot, isolated_home, results_dir, "fr", DEFAULT_TEXT_SIZE
    )
    window.resize(*size)
    qtbot.wait(50)
    assert not panel.compact
    assert panel.filters_box.isVisible() and not panel.filters_button.isVisible()
    assert panel.report_button.isVisible() and panel.question_view.title.isVisible()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_at_the_largest_text_size_the_crosstab_and_the_ranking_fit_1024_by_600(
    app_window, qtbot, isolated_home, results_dir, language
):
    """They scroll inside their tab rather than the page scrolling, or their rows drawn
    over each other."""
    window, panel = open_results(
        app_window, qtbot, isolated_home, results_dir, language, MAX_TEXT_SIZE
    )
    at_1024_by_600(window, qtbot)
    panel.views.setCurrentWidget(panel.crosstab_view)
    panel.crosstab_view.set_pair("sector", "housing_type", "row")
    panel.refresh_current()
    qtbot.waitUntil(lambda: panel.crosstab_view.table.rowCount() > 1, timeout=30000)
    problems = [f"crosstab: {p}" for p in settled_problems(panel, qtbot)]
    panel.views.setCurrentWidget(panel.ranking_view)
    qtbot.waitUntil(lambda: panel.ranking_view.isVisible(), timeout=30000)
    problems += [f"ranking: {p}" for p in settled_problems(panel, qtbot)]
    assert problems == [], "\n".join(problems)
    scroll = window.page_scroll
    assert not scroll.verticalScrollBar().isVisible()
    assert not scroll.horizontalScrollBar().isVisible()


def test_folded_the_reference_button_gives_way_and_the_question_list_opens_the_dialog(
    app_window, qtbot, isolated_home, results_dir
):
    window, panel = open_results(app_window, qtbot, isolated_home, results_dir, "fr", MAX_TEXT_SIZE)
    at_1024_by_600(window, qtbot)
    qtbot.waitUntil(lambda: panel.compact, timeout=30000)
    panel.select_question("housing_type")
    panel.refresh_current()
    qtbot.waitUntil(lambda: panel.question_view.table.rowCount() > 1, timeout=30000)
    assert not panel.question_view.reference.isVisible()  # no figures yet: the button goes
    assert panel.reference_action.isEnabled()
    panel.reference_action.trigger()
    dialog = panel.question_view.reference.dialog
    assert dialog is not None and dialog.question() == "housing_type"
    dialog.reject()
