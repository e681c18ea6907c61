"""The Résultats view grouping by a number in bands (ages of the household members): offered
as "by", as a cross-tab's rows, as a ranking's split; its edges set in a dialog and kept for
the campaign; dates and texts grouped too."""

from __future__ import annotations

import pytest

from surveyor.results import Selection
from tests.ui.test_results import data_dir
from tests.ui.test_results import lang
from tests.ui.test_results import on_db
from tests.ui.test_results import page
from tests.ui.test_results import settle
from tests.ui.test_results import shown
from tests.ui.test_results import table_rows

__all__ = ["data_dir", "page"]  # the fixtures, shared with test_results.py


def headers(table) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


@pytest.mark.slow
def test_a_number_is_offered_as_by_and_groups_every_view_in_bands(page):
    panel = page.results
    view = panel.question_view
    shown(page, "sector")
    index = view.by_combo.findData("member_age")
    assert index > 0 and view.by_combo.itemText(index).startswith(
        panel.questions["member_age"].label
    )
    assert not view.bands_button.isVisible()
    view.set_group_by("member_age")
    assert view.bands_button.isVisible()
    shown(page, "sector")
    grouped = on_db(
        page,
        lambda ws: ws.results(
            Selection(), by="member_age", questions=["sector"], language=lang(page)
        ),
    )
    assert grouped.bands == (0, 15, 30, 45, 60, 75)
    expected = [
        f"{grouped.group_labels[c]} (%)\nn={g.questions['sector'].base}"
        for c, g in grouped.groups.items()
    ]
    assert headers(view.table)[3:] == expected
    assert any("0–14" in h for h in expected)

    # numbers: the statistics of each band
    rows = shown(page, "hours_per_month")
    assert headers(view.table)[2:] == [grouped.group_labels[c] for c in grouped.groups]
    assert len(rows[0]) == 2 + len(grouped.groups)

    # dates: first, last and answers of each band
    rows = shown(page, "interview_date")
    assert headers(view.table)[2:] == [grouped.group_labels[c] for c in grouped.groups]
    dates = on_db(
        page, lambda ws: ws.results(Selection(), by="member_age", questions=["interview_date"])
    )
    assert rows[0][1:] == [dates.overall.questions["interview_date"].date_min] + [
        g.questions["interview_date"].date_min for g in dates.groups.values()
    ]
    assert rows[2][2:] == [
        str(g.questions["interview_date"].answered) for g in dates.groups.values()
    ]

    # texts: each verbatim under its band's name
    shown(page, "comments")
    items = [view.verbatims.item(i).text() for i in range(view.verbatims.count())]
    texts = on_db(
        page,
        lambda ws: ws.results(
            Selection(), by="member_age", questions=["comments"], language=lang(page)
        ),
    )
    expected_items = []
    for code, g in texts.groups.items():
        verbatims = g.questions["comments"].verbatims
        assert items[len(expected_items)].startswith(texts.group_labels[code] + " · ")
        expected_items += [items[len(expected_items)]] + ["    " + t for _k, t in verbatims]
    assert items == expected_items and len(texts.groups) > 1

    # a cross-tab's rows, a ranking's split
    panel.views.setCurrentWidget(panel.crosstab_view)
    ct_view = panel.crosstab_view
    ct_view.set_pair("member_age", "member_work")
    settle(page)
    table = on_db(page, lambda ws: ws.crosstab("member_age", "member_work", language=lang(page)))
    assert [r[0] for r in table_rows(ct_view.table)[:-1]] == [label for _c, label in table.rows]
    assert table.unit == "member"
    ranking_view = panel.ranking_view
    panel.views.setCurrentWidget(ranking_view)
    ranking_view.question_combo.setCurrentIndex(ranking_view.question_combo.findData("needs_unmet"))
    ranking_view.by_combo.setCurrentIndex(ranking_view.by_combo.findData("member_age"))
    settle(page)
    split = on_db(page, lambda ws: ws.ranking("needs_unmet", by="member_age", language=lang(page)))
    assert headers(ranking_view.table)[4:] == [
        f"{label} (%) · n={base}" for label, base, _i in split.groups.values()
    ]


def test_the_bands_dialog_keeps_the_edges_for_the_campaign(page, qtbot):
    panel = page.results
    view = panel.question_view
    view.set_group_by("member_age")
    shown(page, "sector")
    view.bands_button.click()
    page.tasks.drain()
    dialog = panel.bands_dialog
    assert dialog.isVisible()
    assert dialog.edit.text().replace(" ", "") == "0;15;30;45;60;75"
    dialog.edit.setText("65 ; 18")  # not increasing: refused, nothing kept
    dialog.accept()
    page.tasks.drain()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert on_db(page, lambda ws: ws.bands()) == {}
    dialog.edit.setText("18 ; 65")
    dialog.accept()
    page.tasks.drain()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
    assert on_db(page, lambda ws: ws.bands()) == {"member_age": (18, 65)}
    page.tasks.drain()
    settle(page)
    grouped = on_db(
        page,
        lambda ws: ws.results(
            Selection(), by="member_age", questions=["sector"], language=lang(page)
        ),
    )
    assert list(grouped.groups) == ["<18", "18-64", "65+"]
    assert [h.split(" (%)")[0] for h in headers(view.table)[3:]] == [
        grouped.group_labels[c] for c in grouped.groups
    ]
    # the cross-tab follows the campaign's bands
    panel.views.setCurrentWidget(panel.crosstab_view)
    panel.crosstab_view.set_pair("member_age", "sector")
    settle(page)
    assert [r[0] for r in table_rows(panel.crosstab_view.table)[:-1]] == [
        grouped.group_labels[c] for c in ("<18", "18-64", "65+")
    ]
    # back to the automatic bands
    panel.views.setCurrentWidget(view)
    view.bands_button.click()
    page.tasks.drain()
    panel.bands_dialog.automatic.click()
    page.tasks.drain()
    assert on_db(page, lambda ws: ws.bands()) == {}
