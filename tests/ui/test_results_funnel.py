"""The Résultats view's "Door to door" tab on a real data dir: absent without doors, shown
once doors are imported (no restart), with the same figures as ``Workspace.fieldwork()``."""

from __future__ import annotations

import tests.ui.test_fieldwork_view as fieldwork_tests
from surveyor.ui.operations import DbOp

page = fieldwork_tests.page  # the coordinator page on an empty data dir, 1024x600


def shown(panel) -> bool:
    return panel.views.isTabVisible(panel.views.indexOf(panel.funnel_view))


def test_without_doors_the_results_have_no_door_to_door_tab(qtbot, page):
    panel = page.results
    page.tabs.setCurrentWidget(panel)
    page.tasks.drain()
    qtbot.waitUntil(lambda: panel.funnel_view.data is not None, timeout=30000)
    assert panel.funnel_view.data["doors"] == 0
    assert not shown(panel)
    assert [panel.views.tabText(i) for i in range(4)] == [
        "&Question",
        "Cross-ta&b",
        "&Needs ranked",
        "&Open answers",
    ]


def test_the_door_to_door_tab_shows_the_funnel_of_the_workspace(qtbot, page, tmp_path):
    from surveyor.ui.coordinator.fieldwork import rate_text

    panel = page.results
    page.tabs.setCurrentWidget(panel)
    page.tasks.drain()
    qtbot.waitUntil(lambda: panel.funnel_view.data is not None, timeout=30000)
    assert not shown(panel)

    # doors imported and visited while the results show: the tab appears
    report = fieldwork_tests.seed_visits(page, tmp_path).to_dict()
    DbOp(page, lambda ws: ws.record_visit(ws.doors()[-1].door_id, "absent")).run()
    qtbot.waitUntil(
        lambda: panel.funnel_view.data is not None and panel.funnel_view.data["visits"] == 8,
        timeout=30000,
    )
    assert shown(panel)
    panel.views.setCurrentWidget(panel.funnel_view)
    view = panel.funnel_view
    expected = fieldwork_tests.on_db(page, lambda ws: ws.fieldwork().to_dict())
    assert expected["visits"] == report["visits"] + 1
    for key in ("doors", "visited", "done", "contact_rate", "response_rate"):
        assert view.data[key] == expected[key], key
    assert view.chart.funnel == view.data
    headline = view.headline.text()
    assert f"{expected['doors']} doors · {expected['visited']} visited · " in headline
    assert f"{expected['done']} interviews" in headline
    assert f"response rate {rate_text(expected['response_rate'])}" in headline
    assert "Response rate = interviews done ÷ (visited − vacant − not eligible)" in (
        view.definitions.text()
    )
    assert "“Fieldwork” tab" in view.detail.text()
    assert panel.views.tabText(panel.views.currentIndex()) == "&Door to door"
