"""The volunteer's interview screens made field-ready (issue 11): long texts, the review page,
corrections, the progress bar, the keyboard. Real widgets, a real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from surveyor.interviews.record import Status
from surveyor.services.interviews import FormLibrary
from surveyor.services.interviews import start_interview
from surveyor.settings import DEFAULT_TEXT_SIZE
from surveyor.settings import MAX_TEXT_SIZE
from surveyor.store import Store
from surveyor.ui.interview import InterviewStorage
from surveyor.ui.interview import InterviewView
from surveyor.ui.interview.editors import _ChoiceCell
from surveyor.ui.qt import QApplication
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import Qt
from surveyor.workspace import Workspace
from tests.ui.conftest import reset_style
from tests.ui.test_largest_text import overlaps

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
    reset_style(qapp)


@pytest.fixture
def workspace(library, db):
    """The library's store as the Workspace the screen saves through."""
    return db(Workspace, library.store)


@pytest.fixture
def make_view(qtbot, workspace, view_tasks, french_locale):
    def make(interview, session, *, size=(1366, 768), **options):
        view = InterviewView(
            InterviewStorage(workspace), interview, session, tasks=view_tasks, **options
        )
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        view.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=30000)
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
        view.go_to("#finalize")  # the end page and its review: nothing off to the side
        QApplication.processEvents()
        assert view.scroll.horizontalScrollBar().maximum() == 0
        for review_row in view.review.rows:
            assert_whole(view, review_row.question)
        settle(qtbot, view)
        view.close()


# --------------------------------------------------------------------------- the review page


def habitants_draft(db, library, **extra):
    """A habitants interview in progress: the visit, consent, two members (one a child)."""
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    session.set_answer("/data/visit/interviewer", "Camille")
    session.set_answer("/data/visit/sector", "north")
    session.set_answer("/data/consent", "yes")
    session.set_answer("/data/household/street", "rue des Lilas")
    members = session.repeat_instances("/data/household/member")
    first = members[0] if members else session.add_repeat("/data/household/member")
    base = session.location_of(first)
    session.set_answer(base + "/member_name", "Awa")
    session.set_answer(base + "/member_age", "34")
    child = session.add_repeat("/data/household/member")
    base = session.location_of(child)
    session.set_answer(base + "/member_name", "Chloe")
    session.set_answer(base + "/member_age", "5")
    for location, value in extra.items():
        session.set_answer(location, value)
    return interview, session


def test_review_shows_every_answer_by_section_and_one_click_goes_there(
    qtbot, library, make_view, db
):
    interview, session = habitants_draft(db, library)
    view = make_view(interview, session)
    view.go_to("#finalize")
    review = view.review
    assert review is not None
    by_location = {row.location: row for row in review.rows}
    headings = [h.text() for h in review.headings]
    # sections and each member of the repeat under its own heading
    assert any("Awa" in text for text in headings) and any("Chloe" in text for text in headings)
    assert by_location["/data/household/street"].answer.text() == "rue des Lilas"
    # a choice shows its label, not its code
    sector = by_location["/data/visit/sector"].answer.text()
    assert sector and sector != "north"
    # the work question is relevant from 18: Awa's is there, the child's is left out
    assert "/data/household/member[1]/member_work" in by_location
    assert "/data/household/member[2]/member_work" not in by_location
    # notes and calculations hold no answer of the person: left out
    assert "/data/household/household_summary_note" not in by_location
    assert "/data/household/household_size" not in by_location
    # an unanswered required question is flagged; an answered one is not
    missing = by_location["/data/household/member[1]/member_relationship"]
    assert missing.problem and missing.message.isVisibleTo(view)
    assert not by_location["/data/household/street"].problem
    # Return on an answer goes to its question, with the keyboard on it
    row = by_location["/data/household/street"]
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Return)
    assert view.position() in ("/data/household/street", "/data/household")
    assert QApplication.focusWidget() is not None
    assert view.editor_of(QApplication.focusWidget()).template.name == "street"
    settle(qtbot, view)


def test_end_page_says_what_is_true(qtbot, library, make_view, db):
    """ "46/47" is not "everything": the count is said; "Corriger" exists, so no "never"."""
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    session.set_answer("/data/visit/interviewer", "Camille")
    session.set_answer("/data/visit/sector", "north")
    session.set_answer("/data/visit/interview_date", "2025-11-22")
    session.set_answer("/data/consent", "no")
    view = make_view(interview, session)
    view.go_to("#finalize")
    texts = " ".join(label.text() for label in view.scroll.widget().findChildren(QLabel))
    answered, total = session.progress()
    assert view.finalize_button.isEnabled()
    assert f"{answered}" in texts and f"{total}" in texts
    assert "plus être modifiées" not in texts and "no longer be changed" not in texts
    assert "Corriger" in texts or "Edit" in texts
    settle(qtbot, view)


def test_finalize_asks_first_and_not_yet_keeps_the_draft(qtbot, library, make_view, db):
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    session.set_answer("/data/visit/interviewer", "Camille")
    session.set_answer("/data/visit/sector", "north")
    session.set_answer("/data/visit/interview_date", "2025-11-22")
    session.set_answer("/data/consent", "no")
    view = make_view(interview, session)
    view.go_to("#finalize")
    finalized = []
    view.finalized.connect(finalized.append)
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    assert view.confirm_finalize_button is not None
    assert QApplication.focusWidget() is view.confirm_finalize_button
    bar = view.confirm_finalize_button.parentWidget()
    not_yet = [b for b in bar.findChildren(QPushButton) if b is not view.confirm_finalize_button]
    qtbot.mouseClick(not_yet[0], Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert not finalized and not view.read_only
    assert db(library.store.get_interview, interview.instance_id).status == Status.DRAFT
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(view.confirm_finalize_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(finalized), timeout=30000)
    settle(qtbot, view)
    assert db(library.store.get_interview, interview.instance_id).status == Status.FINALIZED


def test_finalized_interview_opens_read_only_on_its_review(qtbot, library, make_view, db):
    interview, session = habitants_draft(db, library)
    view = make_view(interview, session, read_only=True)
    assert view.position() == "#finalize" and view.review is not None
    assert view.finalize_button is None and view.edit_button is not None
    assert QApplication.focusWidget() in view.review.rows
    settle(qtbot, view)


def test_the_finalized_banner_keeps_its_text_off_its_frame(qtbot, qapp, library, make_view, db):
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE
    from tests.ui.test_banner_padding import INSET
    from tests.ui.test_banner_padding import text_inset

    apply_text_size(qapp, DEFAULT_TEXT_SIZE)
    try:
        interview, session = habitants_draft(db, library)
        view = make_view(interview, session, read_only=True)
        qtbot.waitUntil(view.banner.isVisible, timeout=30000)
        assert min(text_inset(view.banner, view.banner)) >= INSET
        settle(qtbot, view)
    finally:
        qapp.setStyleSheet("")


# --------------------------------------------------------------------------- the progress bar

GROWING_FORM = """
| survey |            |        |                     |                |                 |           |
|        | type       | name   | label               | relevant       | constraint      | required  |
|        | text       | who    | Name                |                |                 | yes       |
|        | select_one yn | helps | Any help at home? |                |                 | yes       |
|        | integer    | hours  | Hours a week        | ${helps}='yes' | . <= 100        |           |
|        | text       | who_helps | Who helps?       | ${helps}='yes' |                 |           |
|        | text       | since  | Since when?         | ${helps}='yes' |                 |           |
|        | text       | paid   | Paid?               | ${helps}='yes' |                 |           |
|        | text       | note2  | Anything else?      | ${helps}='yes' |                 |           |
|        | text       | last   | Last word           |                |                 |           |
| choices |           |        |                     |                |                 |           |
|        | list_name  | name   | label               |                |                 |           |
|        | yn         | yes    | Yes                 |                |                 |           |
|        | yn         | no     | No                  |                |                 |           |
"""


def bar(view) -> float:
    return view.progress.value() / max(view.progress.maximum(), 1)


def test_progress_never_goes_back_as_questions_become_relevant(
    qtbot, tmp_path, library, make_view, db
):
    form = db(library.load_file, form_file(tmp_path, "growing.md", GROWING_FORM))
    interview, session = db(start_interview, library, form)
    view = make_view(interview, session)
    seen = [bar(view)]
    answers = {"who": "Awa", "hours": "12", "who_helps": "Bruno", "since": "2020", "paid": "no"}
    while view.position() != "#finalize":
        row = view.rows[0]
        name = row.template.name
        if name == "helps":
            row.editor.buttons[0].click()  # "yes": five questions become relevant
            seen.append(bar(view))
        elif name in answers:
            row.editor.box.setText(answers[name])
            row.editor.committed.emit()
            seen.append(bar(view))
        view.go_next()
        seen.append(bar(view))
    assert seen == sorted(seen), seen  # never backwards
    assert seen[-1] == 1.0 and seen[0] == 0.0
    settle(qtbot, view)


def test_an_invalid_answer_is_not_counted_as_answered(qtbot, tmp_path, library, make_view, db):
    form = db(library.load_file, form_file(tmp_path, "growing.md", GROWING_FORM))
    interview, session = db(start_interview, library, form)
    session.set_answer("/data/who", "Awa")
    session.set_answer("/data/helps", "yes")
    view = make_view(interview, session)
    view.go_to("/data/hours")
    before = session.progress()
    assert before[0] == 2
    editor = view.rows[0].editor
    editor.box.setText("130")  # breaks ". <= 100"
    editor.committed.emit()
    assert session.value(session.node_at("/data/hours")) == "130"
    assert session.progress()[0] == 2  # not counted
    assert "2" in view.progress.text() or "2" in view.progress.format()
    editor.box.setText("12")
    editor.committed.emit()
    assert session.progress()[0] == 3
    settle(qtbot, view)


# --------------------------------------------------------------------------- keyboard

KEYS_FORM = """
| survey |             |      |              |            |
|        | type        | name | label        | appearance |
|        | begin_group | g    | Visit        | field-list |
|        | date        | d    | Day          |            |
|        | select_one yn | so | Anyone home? |            |
|        | text        | t    | Remarks      |            |
|        | end_group   |      |              |            |
|        | text        | after | After       |            |
| choices |            |      |              |            |
|        | list_name   | name | label        |            |
|        | yn          | yes  | Yes          |            |
|        | yn          | no   | No           |            |
"""


def test_tab_reaches_every_button_and_never_leaves_the_screen(
    qtbot, tmp_path, library, make_view, db
):
    """Tab walks the screen (date, Calendar, Today, the choice, Clear the answer, the next
    question), then Next: a run of Tabs passes no question unseen; Enter goes on."""
    form = db(library.load_file, form_file(tmp_path, "keys.md", KEYS_FORM))
    interview, session = db(start_interview, library, form)
    session.set_answer("/data/g/so", "no")  # "Clear the answer" shows
    view = make_view(interview, session)
    assert view.position() == "/data/g"
    rows = {row.template.name: row for row in view.rows}
    date_box = rows["d"].editor.date
    assert QApplication.focusWidget() is date_box.box
    seen = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        assert view.position() == "/data/g"  # never another screen
    assert seen[0] is date_box.button  # "Calendar"
    assert seen[1] is date_box.today  # "Today"
    assert view.editor_of(seen[2]) is rows["so"].editor
    assert seen[3] is rows["so"].editor.clear_button  # "Clear the answer"
    assert seen[4] is rows["t"].editor.box
    assert seen[5] is view.next_button
    assert view.editor_of(seen[6]) is rows["d"].editor  # round again from the top
    # Enter on Next goes on
    view.next_button.setFocus()
    qtbot.keyClick(view.next_button, Qt.Key.Key_Return)
    assert view.position() == "/data/after"
    settle(qtbot, view)


def test_keyboard_comes_back_to_the_date_when_the_calendar_closes(
    qtbot, tmp_path, library, make_view, db
):
    form = db(library.load_file, form_file(tmp_path, "keys.md", KEYS_FORM))
    interview, session = db(start_interview, library, form)
    view = make_view(interview, session)
    date_box = {row.template.name: row for row in view.rows}["d"].editor.date
    date_box.button.setFocus()
    qtbot.keyClick(date_box.button, Qt.Key.Key_Space)
    calendar = date_box.calendar
    qtbot.waitUntil(lambda: calendar.isVisible(), timeout=30000)
    # roomy: every day name fits its column
    metrics = calendar.fontMetrics()
    widest = max(
        metrics.horizontalAdvance(calendar.locale().dayName(d, QLocale.FormatType.ShortFormat))
        for d in range(1, 8)
    )
    assert calendar.width() >= 7 * widest
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=30000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is date_box.box, timeout=30000)
    settle(qtbot, view)


@pytest.mark.parametrize("which", ["app", "interview"])
def test_focus_frame_never_eats_into_button_text(qtbot, which):
    """The content of a button (where its text is drawn) keeps its size when it has the
    keyboard: the thicker focus frame takes its room from the padding."""
    from PySide6.QtWidgets import QStyle
    from PySide6.QtWidgets import QStyleOptionButton

    from surveyor.ui.app import stylesheet as app_stylesheet
    from surveyor.ui.interview.style import stylesheet as interview_stylesheet
    from surveyor.ui.qt import QVBoxLayout
    from surveyor.ui.qt import QWidget

    holder = QWidget()
    holder.setStyleSheet(app_stylesheet(11) if which == "app" else interview_stylesheet(12.0))
    layout = QVBoxLayout(holder)
    button = QPushButton("Nouvel entretien")
    other = QPushButton("Autre")
    layout.addWidget(button)
    layout.addWidget(other)
    qtbot.addWidget(holder)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is holder, timeout=30000)

    def contents():
        option = QStyleOptionButton()
        option.initFrom(button)
        option.text = button.text()
        return button.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, button
        )

    other.setFocus()
    qtbot.waitUntil(lambda: other.hasFocus(), timeout=30000)
    plain = contents()
    button.setFocus()
    qtbot.waitUntil(lambda: button.hasFocus(), timeout=30000)
    focused = contents()
    assert focused.width() >= plain.width() and focused.height() >= plain.height(), (
        plain,
        focused,
    )
    text = button.fontMetrics().boundingRect(button.text())
    assert focused.height() >= text.height() and focused.width() >= text.width()


# --------------------------------------------------------------------------- polish

POLISH_FORM = """
| survey |               |       |                                   |          |
|        | type          | name  | label                             | required |
|        | select_one many | pick | Which one?                       | yes      |
|        | text          | short | Rue                               |          |
| choices |              |       |                                   |          |
|        | list_name     | name  | label                             |          |
""" + "".join(f"|        | many | c{i} | Choix {i} |  |\n" for i in range(1, 13))


def test_polish_numbers_star_sections_and_card_width(qtbot, tmp_path, library, make_view, db):
    form = db(library.load_file, form_file(tmp_path, "polish.md", POLISH_FORM))
    interview, session = db(start_interview, library, form)
    view = make_view(interview, session, size=(1024, 600))
    row = view.rows[0]
    # options past 9 keep their number, in one right-aligned column
    cells = row.editor.findChildren(_ChoiceCell)
    assert [cell.number.text() for cell in cells] == [str(i) for i in range(1, 13)]
    assert len({cell.text.x() for cell in cells}) == 1
    # the required * is bound to the last word by a no-break space
    assert row.label.text().endswith('&nbsp;<span style="color:#a1001a">*</span>')
    # the section list never scrolls sideways
    assert view.section_list.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    # the question card keeps its width from one screen to the next
    width = view._page.frame.width()
    view.go_to("/data/short")
    QApplication.processEvents()
    assert view._page.frame.width() == width
    settle(qtbot, view)


@pytest.fixture(params=["fr", "en"])
def language(request, qapp):
    from surveyor.ui.language import Languages

    languages = Languages()
    languages.install(request.param)
    yield request.param
    languages.install("en")


def test_at_the_largest_text_size_the_form_title_ends_with_an_ellipsis_not_mid_word(
    qtbot, library, make_view, db, text_size, language
):
    """1024×600 at 24 pt: the form's title beside "Language:" shows "…" and its whole text in
    a tooltip, never a word cut without a sign; nothing of the top row overlaps."""
    text_size(MAX_TEXT_SIZE)
    interview, session = habitants_draft(db, library)
    view = make_view(interview, session, size=(1024, 600))
    for key in (view.screens()[0].key, "#finalize"):
        view.go_to(key)
        QApplication.processEvents()
        title = view.title
        assert title.isVisible() and title.width() > 0
        shown = title.text()
        assert title.fontMetrics().horizontalAdvance(shown) <= title.width(), shown
        assert shown.endswith("…"), shown
        assert title.toolTip().startswith(shown.removesuffix("…")), title.toolTip()
        assert len(title.toolTip()) > len(shown)
        assert overlaps(view) == []
    settle(qtbot, view)
    view.close()
