"""The volunteer's interview screens made field-ready (issue 11): long texts, the review page,
corrections, the progress bar, the keyboard. Real widgets, a real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from surveyor.services.interviews import FormLibrary, start_interview
from surveyor.settings import DEFAULT_TEXT_SIZE, MAX_TEXT_SIZE
from surveyor.store import Store
from surveyor.ui.interview import InterviewStorage, InterviewView
from surveyor.ui.interview.editors import _ChoiceCell
from surveyor.ui.qt import QApplication, QLabel, QLocale

REPO = Path(__file__).resolve().parents[2]
HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
PROFESSIONNELS = REPO / "forms" / "enquete_professionnels.xlsx"

LONG = " ".join(f"mot{i}" for i in range(1, 200)) + " FINDUTEXTE"  # ~1,200 characters


@pytest.fixture
def french_locale():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def view_tasks(qapp):
    from surveyor.ui.tasks import TaskManager

    manager = TaskManager()
    yield manager
    manager.drain()
    manager.shutdown()


@pytest.fixture
def db(view_tasks):
    def call(fn, *args, **kwargs):
        return view_tasks.run_db(lambda: fn(*args, **kwargs)).result()

    return call


@pytest.fixture
def library(tmp_path, db):
    store = db(Store.open, tmp_path / "data")
    yield FormLibrary(store)
    db(store.close)


@pytest.fixture
def text_size(qapp):
    from surveyor.ui.app import apply_text_size

    def set_size(points):
        apply_text_size(qapp, points)

    yield set_size
    apply_text_size(qapp, DEFAULT_TEXT_SIZE)


@pytest.fixture
def make_view(qtbot, library, view_tasks, french_locale):
    def make(interview, session, *, size=(1366, 768), **options):
        view = InterviewView(
            InterviewStorage.of_library(library), interview, session, tasks=view_tasks, **options
        )
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


def settle(qtbot, view):
    qtbot.waitUntil(lambda: view.tasks.pending == 0, timeout=30000)
    for _ in range(3):
        QApplication.processEvents()


def form_file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return path


def assert_whole(view, label: QLabel):
    """The label is tall enough for its text at its width, and the scroll area reaches its end."""
    QApplication.processEvents()
    needed = label.heightForWidth(label.width())
    assert label.height() >= needed, (label.text()[:60], label.width(), label.height(), needed)
    page = view.scroll.widget()
    bottom = label.mapTo(page, label.rect().bottomLeft()).y()
    assert bottom <= page.height(), (bottom, page.height())
    bar = view.scroll.verticalScrollBar()
    assert bottom <= bar.maximum() + view.scroll.viewport().height()  # scrolling reaches it
    assert label.mapTo(page, label.rect().topRight()).x() <= page.width()
    assert view.scroll.horizontalScrollBar().maximum() == 0  # nothing off to the side


LONG_FORM = f"""
| survey |        |         |            |              |
|        | type   | name    | label      | hint         |
|        | note   | consent | {LONG}     |              |
|        | text   | street  | Rue        | {LONG}       |
|        | text   | who     | {LONG} *   |              |
"""


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)])
@pytest.mark.parametrize("points", [DEFAULT_TEXT_SIZE, MAX_TEXT_SIZE])
def test_long_label_hint_and_note_show_whole(
    qtbot, tmp_path, library, make_view, db, text_size, size, points
):
    text_size(points)
    form = db(library.load_file, form_file(tmp_path, "long.md", LONG_FORM))
    interview, session = db(start_interview, library, form)
    view = make_view(interview, session, size=size)
    for location in ("/data/consent", "/data/street", "/data/who"):
        view.go_to(location)
        settle(qtbot, view)
        row = view.rows[0]
        assert "FINDUTEXTE" in row.label.text() + row.hint.text()
        assert_whole(view, row.label)
        if row.hint.isVisibleTo(view):
            assert_whole(view, row.hint)
    settle(qtbot, view)


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)])
@pytest.mark.parametrize("points", [DEFAULT_TEXT_SIZE, MAX_TEXT_SIZE])
def test_bundled_forms_notes_show_whole(qtbot, library, make_view, db, text_size, size, points):
    """The habitants consent note and the service-counter note (issue 11) show their end."""
    text_size(points)
    for path in (HABITANTS, PROFESSIONNELS):
        form = db(library.load_file, path)
        interview, session = db(start_interview, library, form)
        view = make_view(interview, session, size=size)
        for index in range(len(view.screens()) - 1):
            view.go_to(view.screens()[index].key)
            for row in view.rows:
                if row.isVisibleTo(view):
                    assert_whole(view, row.label)
                    if row.hint.isVisibleTo(view):
                        assert_whole(view, row.hint)
                    for cell in row.editor.findChildren(_ChoiceCell):
                        assert_whole(view, cell.text)
        settle(qtbot, view)
        view.close()
