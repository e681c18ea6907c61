"""At the largest text size (24 pt) on a 1024×600 laptop nothing is drawn over anything else
and no text is cut (issue 11): rows that wrap get their height, and the page scrolls instead.
"""

from __future__ import annotations

import pytest

from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QWidget
from surveyor.ui.settings import MAX_TEXT_SIZE
from tests.ui.test_fit_small_screen import SCREEN_WIDTH
from tests.ui.test_fit_small_screen import open_coordination

SCREEN_HEIGHT = 600


def managed_widgets(layout) -> list:
    """The widgets a layout places, its sub-layouts' included."""
    found = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found.extend(managed_widgets(item.layout()))
    return found


def overlaps(root: QWidget) -> list[str]:
    """Pairs of widgets placed by the same layout whose rectangles cross."""
    problems = []
    for parent in [root, *root.findChildren(QWidget)]:
        if parent.layout() is None or not parent.isVisible():
            continue
        shown = [w for w in managed_widgets(parent.layout()) if w.isVisible()]
        for i, first in enumerate(shown):
            for second in shown[i + 1 :]:
                if first.geometry().intersects(second.geometry()):
                    problems.append(f"{describe(first)} {first.geometry()} over {describe(second)}")
    return problems


def cut_labels(root: QWidget) -> list[str]:
    """Labels shown with less room than their text needs."""
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text() or label.width() <= 0:
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height():
                problems.append(f"{describe(label)}: {needed} > {label.height()} high")
        elif label.minimumSizeHint().width() > label.width():
            problems.append(f"{describe(label)}: {label.minimumSizeHint().width()} wide")
    return problems


def describe(widget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__}({widget.objectName() or text[:30]!r})"


def settled_problems(page: QWidget, qtbot) -> list[str]:
    """What overlaps or is cut once the layouts have done their passes (a page just shown
    is laid out again when its rows wrap, or its data arrives)."""
    try:
        qtbot.waitUntil(lambda: not overlaps(page) and not cut_labels(page), timeout=30000)
    except qtbot.TimeoutError:
        pass
    return overlaps(page) + cut_labels(page)


def at_1024_by_600(window, qtbot):
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    qtbot.waitUntil(lambda: window.width() <= SCREEN_WIDTH, timeout=30000)
    qtbot.wait(50)  # the layouts' posted requests


@pytest.mark.parametrize("language", ["fr", "en"])
def test_at_the_largest_text_size_nothing_is_drawn_over_anything_else(app_window, qtbot, language):
    window = open_coordination(app_window, qtbot, language, MAX_TEXT_SIZE)
    at_1024_by_600(window, qtbot)
    page = window.coordination
    problems = []
    screens = {"home": window.home}
    for name in ("imports", "conflicts", "overview"):
        screens[name] = getattr(page, name)
    for name, screen in screens.items():
        if name == "home":
            window.go_home()
        else:
            window.show_coordination()
            page.tabs.setCurrentWidget(screen)
        problems += [f"{name}: {p}" for p in settled_problems(window.stack.currentWidget(), qtbot)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_wrapped_text_is_as_high_as_its_lines_not_set_among_empty_ones(
    app_window, qtbot, language
):
    """A wrapped label given room to spare (the conflicts' introduction, on a page as high as
    the tallest tab) keeps the height of its lines: no gap above and below its text."""
    window = open_coordination(app_window, qtbot, language, MAX_TEXT_SIZE)
    at_1024_by_600(window, qtbot)
    window.show_coordination()
    page = window.coordination
    page.tabs.setCurrentWidget(page.conflicts)
    intro = page.conflicts.intro

    def spare() -> int:
        return intro.height() - intro.heightForWidth(intro.width())

    try:
        qtbot.waitUntil(lambda: spare() == 0, timeout=30000)
    except qtbot.TimeoutError:
        pass
    assert spare() == 0, (intro.width(), intro.height())
