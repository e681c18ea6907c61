"""Coordinator mode fits an old 1024×600 laptop at the default text size, and stays usable
two text sizes up (issue 11: the minimum width was 1072 px, home at the largest size 1354)."""

from __future__ import annotations

import pytest

from surveyor.ui.settings import DEFAULT_TEXT_SIZE
from surveyor.ui.settings import MAX_TEXT_SIZE

SCREEN_WIDTH, USABLE_HEIGHT = 1024, 560


def pages(window):
    coordination = window.coordination
    return {
        "home": window.home,
        "coordination": coordination,
        "import": coordination.imports,
        "conflicts": coordination.conflicts,
        "overview": coordination.overview,
    }


def open_coordination(app_window, qtbot, language, size):
    window = app_window(
        welcomed=True,
        coordinator=True,
        interviewer="Claire-Amélie Fontaine-Delacroix",
        laptop_label="Portable de la coordination",
        language=language,
        text_size=size,
    )
    qtbot.waitUntil(lambda: window.workspace is not None and window.forms_loaded, timeout=30000)
    window.show_coordination()
    window.go_home()
    return window


@pytest.mark.parametrize("language", ["fr", "en"])
def test_coordinator_mode_fits_1024_by_600_at_the_default_text_size(app_window, qtbot, language):
    window = open_coordination(app_window, qtbot, language, DEFAULT_TEXT_SIZE)
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN_WIDTH, hint
    assert hint.height() <= USABLE_HEIGHT, hint
    for name, page in pages(window).items():
        page_hint = page.minimumSizeHint()
        assert page_hint.width() <= SCREEN_WIDTH, (name, page_hint)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_stays_within_1024_two_text_sizes_up(app_window, qtbot, language):
    window = open_coordination(app_window, qtbot, language, DEFAULT_TEXT_SIZE + 2)
    assert window.minimumSizeHint().width() <= SCREEN_WIDTH, window.minimumSizeHint()
    for name, page in pages(window).items():
        page_hint = page.minimumSizeHint()
        assert page_hint.width() <= SCREEN_WIDTH, (name, page_hint)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_at_the_largest_text_size_the_window_fits_1024_and_its_pages_scroll(
    app_window, qtbot, language
):
    """24 pt: the window never asks for more than a 1024-pixel screen (the pages scroll)."""
    window = open_coordination(app_window, qtbot, language, MAX_TEXT_SIZE)
    assert window.minimumSizeHint().width() <= SCREEN_WIDTH, window.minimumSizeHint()
    assert window.minimumWidth() <= SCREEN_WIDTH
    for name in ("home", "coordination"):
        window.show_coordination() if name == "coordination" else window.go_home()
        window.resize(SCREEN_WIDTH, 600)
        qtbot.waitUntil(lambda: window.width() <= SCREEN_WIDTH, timeout=30000)
        assert window.minimumSizeHint().width() <= SCREEN_WIDTH, (name, window.minimumSizeHint())
        assert window.width() <= SCREEN_WIDTH, (name, window.width())


@pytest.mark.parametrize("language", ["fr", "en"])
def test_at_the_default_text_size_nothing_scrolls_at_1024_by_600(app_window, qtbot, language):
    window = open_coordination(app_window, qtbot, language, DEFAULT_TEXT_SIZE)
    window.resize(SCREEN_WIDTH, 600)
    for name in ("home", "coordination"):
        window.show_coordination() if name == "coordination" else window.go_home()
        qtbot.wait(50)
        scroll = window.page_scroll
        assert not scroll.horizontalScrollBar().isVisible(), name
        assert not scroll.verticalScrollBar().isVisible(), name
