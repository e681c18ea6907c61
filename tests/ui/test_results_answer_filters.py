"""The Results view filters on several answers at once, as ``surveyor results --filter``
does: "+" adds a second and a third answer filter, all applied together."""

from __future__ import annotations

from surveyor.errors import ResultsError
from surveyor.results import Selection
from surveyor.ui.qt import Qt
from tests.ui.test_results import data_dir  # noqa: F401 - fixtures
from tests.ui.test_results import on_db  # noqa: F401 - fixtures
from tests.ui.test_results import page  # noqa: F401 - fixtures
from tests.ui.test_results import settle  # noqa: F401 - fixtures
from tests.ui.test_results import shown  # noqa: F401 - fixtures


def test_plus_adds_answer_filters_that_all_apply_together(page, qtbot):  # noqa: F811
    panel = page.results
    shown(page, "sector")
    panel.set_answer_filter("sector", "north")
    north = on_db(
        page, lambda ws: ws.results(Selection(answers={"sector": ["north"]}), questions=["sector"])
    )

    def count(name: str, code: str) -> int:
        both = Selection(answers={"sector": ["north"], name: [code]})
        try:
            return on_db(page, lambda ws: ws.results(both, questions=["sector"])).interviews
        except ResultsError:  # none matches
            return 0

    # an answer some of the north's interviews gave, not all of them
    name, code = next(
        (n, c)
        for n, q in panel.questions.items()
        if q.kind in ("single", "multiple") and not q.personal and n != "sector"
        for c in q.choices
        if 0 < count(n, c) < north.interviews
    )
    qtbot.mouseClick(panel.more_button, Qt.LeftButton)
    assert len(panel.more_answers) == 1
    question, values, piece = panel.more_answers[0]
    assert piece.isVisible()
    question.setCurrentIndex(question.findData(name))
    assert values.isEnabled() and values.count() > 1
    values.setCurrentIndex(values.findData(code))
    settle(page)
    assert panel.selection().answers == {"sector": ["north"], name: [code]}
    expected = on_db(
        page,
        lambda ws: ws.results(Selection(answers=panel.selection().answers), questions=["sector"]),
    )
    assert expected.interviews == count(name, code) < north.interviews
    assert f"{expected.interviews} " in panel.summary.text()
    assert "(2 active)" in panel.filters_button.text().replace("&", "")

    # a third, then no more; clearing the filters removes the added ones
    panel.add_answer_filter("sector", "south")
    assert panel.selection().answers["sector"] == ["north", "south"]
    assert not panel.more_button.isEnabled()
    panel.add_answer_filter("sector", "east")
    assert len(panel.more_answers) == 2
    panel.clear_filters()
    page.tasks.drain()
    assert panel.more_answers == [] and panel.selection().answers == {}
    assert panel.more_button.isEnabled()
