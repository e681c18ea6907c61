"""The interview filling screen, driven as a person would: keyboard first, real store."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from surveyor.interviews.record import Status
from surveyor.services.interviews import FormLibrary
from surveyor.services.interviews import fill_interview
from surveyor.services.interviews import open_session
from surveyor.services.interviews import start_interview
from surveyor.store import Store
from surveyor.ui.interview import InterviewStorage
from surveyor.ui.interview import InterviewView
from surveyor.ui.interview.editors import AcknowledgeEditor
from surveyor.ui.interview.editors import DateEditor
from surveyor.ui.interview.editors import FileEditor
from surveyor.ui.interview.editors import NoteEditor
from surveyor.ui.interview.editors import RangeEditor
from surveyor.ui.interview.editors import RankEditor
from surveyor.ui.interview.editors import SelectEditor
from surveyor.ui.qt import QApplication
from surveyor.ui.qt import QComboBox
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QPlainTextEdit
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import Qt
from surveyor.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"


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
    """``db(fn, *args)``: run ``fn`` on the views' database thread, which owns the store (as in
    the app), and return its result. The test thread never touches the store itself."""

    def call(fn, *args, **kwargs):
        return view_tasks.run_db(lambda: fn(*args, **kwargs)).result()

    return call


@pytest.fixture
def library(tmp_path, db):
    store = db(Store.open, tmp_path / "data")
    yield FormLibrary(store)
    db(store.close)


@pytest.fixture
def workspace(library, db):
    """The library's store as the Workspace the screen saves through."""
    return db(Workspace, library.store)


@pytest.fixture
def make_view(qtbot, workspace, view_tasks, french_locale):
    def make(interview, session, **options):
        view = InterviewView(
            InterviewStorage(workspace),
            interview,
            session,
            tasks=view_tasks,
            **options,
        )
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        view.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=30000)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=30000)
        return view

    return make


def settle(qtbot, view):
    qtbot.waitUntil(lambda: view.tasks.pending == 0, timeout=30000)


def focused_editor(view):
    focus = QApplication.focusWidget()
    return focus, view.editor_of(focus)


def rows_by_name(view):
    return {row.template.name: row for row in view.rows}


# --------------------------------------------------------------------------- the bundled form

# (QTest cannot type accented letters offscreen: the answers typed here are ASCII.)
MEMBERS = [("Awa", "34", "1"), ("Bruno", "36", "2"), ("Chloe", "5", "3")]

PLAN = {
    "interviewer": "Camille",
    "interview_date": "22/11/2025",
    "sector": [1],
    "consent": [1],
    "street": "rue des Lilas",
    "housing_type": [1],
    "years_in_district": "12",
    "transport_modes": [3],
    "mobility_difficulties": [9],
    "needs_unmet": [2],
    "main_need": [1],
    "skills_offered": [2],
    "hours_per_month": "4",
    "availability": [4],
    "counter_work_interest": [3],
    "recontact_consent": [2],
    "comments": "Tres bon accueil",
}


def drive(qtbot, view, plan, *, members=(), on_member_age=None, until=None):
    """Answer every screen with the keyboard only, until the finalize screen (or ``until``)."""
    for _ in range(300):
        if view.current.kind == "finalize" or (until is not None and until(view)):
            return
        focus, editor = focused_editor(view)
        assert focus is not None, f"nothing has the focus on {view.position()}"
        if focus is getattr(view, "add_button", None) and view.current.kind == "repeat":
            done = len(view.session.repeat_instances(view.current.template))
            if done < len(members):
                qtbot.keyClick(focus, Qt.Key.Key_Return)
            else:
                qtbot.keyClick(focus, Qt.Key.Key_PageDown)
            continue
        if editor is None:  # a note: the Next button has the focus
            qtbot.keyClick(focus, Qt.Key.Key_Return)
            continue
        name = editor.template.name
        answer = plan.get(name)
        match = re.search(r"member\[(\d+)\]", view.position())
        if match and name.startswith("member_"):
            person = members[int(match.group(1)) - 1]
            answer = {
                "member_name": person[0],
                "member_age": person[1],
                "member_relationship": [int(person[2])],
                "member_work": [1],
            }.get(name)
            if name == "member_age" and on_member_age is not None:
                if on_member_age(view, editor, int(match.group(1))):
                    continue
        if isinstance(answer, str):
            shown = focus.text() if hasattr(focus, "text") else None
            if shown != answer:  # a pre-filled answer (the interviewer's name) is kept as is
                qtbot.keyClicks(focus, answer)
        elif isinstance(answer, list):
            for digit in answer:
                target = QApplication.focusWidget()
                assert target is not None, f"focus lost before {name} on {view.position()}"
                qtbot.keyClick(target, getattr(Qt.Key, f"Key_{digit}"))
        assert QApplication.focusWidget() is not None, f"focus lost at {name} {view.position()}"
        key = Qt.Key.Key_Tab if isinstance(focus, QPlainTextEdit) else Qt.Key.Key_Return
        qtbot.keyClick(QApplication.focusWidget(), key)
    raise AssertionError(
        f"the interview never reached its end: {view.position()} {QApplication.focusWidget().text()}"
    )


@pytest.mark.slow
def test_fill_habitants_with_the_keyboard(qtbot, library, make_view, db):
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    view = make_view(interview, session)
    seen_constraint = {}

    def impossible_age(view, editor, number):
        if number != 2 or seen_constraint:
            return False
        focus = QApplication.focusWidget()
        qtbot.keyClicks(focus, "130")
        qtbot.keyClick(focus, Qt.Key.Key_Return)  # leaving the field: the message shows
        row = rows_by_name(view)["member_age"]
        assert row.message.isVisible()
        assert row.message.text() == "L'âge doit être compris entre 0 et 110 ans."
        assert QApplication.focusWidget() is focus  # stays on the answer to correct it
        # the work question is relevant from 18: it shows live for 130
        assert not rows_by_name(view)["member_work"].isHidden()
        qtbot.keyClick(focus, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(focus, "36")
        qtbot.keyClick(focus, Qt.Key.Key_Return)
        assert not row.message.isVisible()
        seen_constraint["ok"] = True
        return True

    # the third member is 5: the work question hides on the field-list screen
    drive(qtbot, view, PLAN, members=MEMBERS, on_member_age=impossible_age)
    assert seen_constraint
    assert view.position() == "#finalize"
    assert view.problem_list is None, "nothing should be missing"
    assert view.finalize_button.isEnabled()
    finalized = []
    view.finalized.connect(finalized.append)
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.confirm_finalize_button, Qt.MouseButton.LeftButton)  # "Yes"
    qtbot.waitUntil(lambda: bool(finalized), timeout=30000)
    stored = db(library.store.get_interview, interview.instance_id)
    assert stored.status == Status.FINALIZED
    answers = stored.answers
    assert answers["household_size"] == "3"
    assert [m["member_name"] for m in answers["member"]] == ["Awa", "Bruno", "Chloe"]
    assert [m["member_age"] for m in answers["member"]] == ["34", "36", "5"]
    assert answers["member"][2]["member_work"] == ""
    assert answers["interview_date"] == "2025-11-22"
    assert answers["street"] == "rue des Lilas"
    assert answers["needs_unmet"] == "repair"
    assert answers["mobility_difficulties"] == "none"
    assert answers["comments"] == "Tres bon accueil"
    assert finalized[0].instance_id == interview.instance_id


def test_refused_consent_ends_early(qtbot, library, make_view, db):
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    view = make_view(interview, session)
    plan = dict(PLAN, consent=[2])
    drive(qtbot, view, plan)
    # visit (1 screen), intro note, consent, refusal note, then the end
    assert view.position() == "#finalize"
    assert view.problem_list is None
    keys = [s.key for s in view.screens()]
    assert keys == [
        "/data/visit",
        "/data/intro_note",
        "/data/consent",
        "/data/refused_note",
        "#finalize",
    ]
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.confirm_finalize_button, Qt.MouseButton.LeftButton)  # "Yes"
    qtbot.waitUntil(
        lambda: db(library.store.get_interview, interview.instance_id).status == Status.FINALIZED,
        timeout=30000,
    )
    answers = db(library.store.get_interview, interview.instance_id).answers
    assert answers["consent"] == "no"
    assert answers["interviewer"] == "Camille"
    assert answers["street"] == "" and answers["member"] == []


def test_finalize_screen_lists_problems_and_jumps(qtbot, library, make_view, db):
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    view = make_view(interview, session)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.position() == "#finalize"
    assert not view.finalize_button.isEnabled()
    texts = [view.problem_list.item(i).text() for i in range(view.problem_list.count())]
    assert texts[0].startswith("Prénom de l'enquêteur ou de l'enquêtrice — ")
    assert len(texts) == 4  # the visit's three questions and the consent
    # the first problem is the interviewer's name: Enter on it goes there
    qtbot.keyClick(view.problem_list, Qt.Key.Key_Return)
    assert view.position() == "/data/visit"
    focus, editor = focused_editor(view)
    assert editor.template.name == "interviewer"


def test_next_is_refused_while_required_is_missing(qtbot, library, make_view, db):
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    view = make_view(interview, session)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert view.position() == "/data/visit"
    row = rows_by_name(view)["interviewer"]
    assert row.message.isVisible() and row.message.text()


# --------------------------------------------------------------------------- autosave, resume


def test_autosave_and_resume(qtbot, library, make_view, db):
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    view = make_view(interview, session)
    focus = QApplication.focusWidget()
    qtbot.keyClicks(focus, "Cami")
    # typing saves within ~500 ms, without leaving the field
    qtbot.waitUntil(
        lambda: (
            db(library.store.get_interview, interview.instance_id).answers.get("interviewer")
            == "Cami"
        ),
        timeout=30000,
    )
    qtbot.keyClicks(focus, "lle")
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    settle(qtbot, view)
    assert (
        db(library.store.get_interview, interview.instance_id).answers["interviewer"] == "Camille"
    )
    focus = QApplication.focusWidget()
    qtbot.keyClicks(focus, "22/11/2025")
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the intro note
    assert view.position() == "/data/consent"
    settle(qtbot, view)
    stored = db(library.store.get_interview, interview.instance_id)
    assert stored.answers["sector"] == "south"
    assert stored.answers["interview_date"] == "2025-11-22"
    assert stored.position == "/data/consent"
    assert stored.answered >= 3 and stored.answerable > stored.answered  # shown on home
    closed = []
    view.closed.connect(lambda: closed.append(True))
    qtbot.mouseClick(view.home_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(closed), timeout=30000)
    # reopen: a new view resumes where the person was
    again = db(library.store.get_interview, interview.instance_id)
    resumed = make_view(again, db(open_session, library, again))
    assert resumed.position() == "/data/consent"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp)
    assert resumed.position() == "/data/intro_note"


def test_repeat_add_and_remove_with_confirmation(qtbot, library, make_view, db):
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    session.set_answer("/data/consent", "yes")
    view = make_view(interview, session)
    # the form starts with the one member pyxform writes in the primary instance, as in ODK
    assert len(session.repeat_instances("/data/household/member")) == 1
    view.go_to("/data/household/member[1]")
    assert view.position() == "/data/household/member[1]"
    view.go_to("/data/household/member[+]")
    for _ in range(2):
        qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
        assert re.fullmatch(r"/data/household/member\[\d\]", view.position())
        view.go_to("/data/household/member[+]")
    assert len(session.repeat_instances("/data/household/member")) == 3
    view.go_to("/data/household/member[2]")
    assert "Personne du foyer 2/3" in view.remove_button.text()
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert len(session.repeat_instances("/data/household/member")) == 3  # asked first
    qtbot.mouseClick(view.confirm_remove_button, Qt.MouseButton.LeftButton)
    assert len(session.repeat_instances("/data/household/member")) == 2
    assert view.position() == "/data/household/member[+]"
    settle(qtbot, view)
    assert len(db(library.store.get_interview, interview.instance_id).answers["member"]) == 2


def test_language_switch_and_sections(qtbot, library, make_view, db):
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    session.set_answer("/data/consent", "yes")
    view = make_view(interview, session)
    assert rows_by_name(view)["interviewer"].label.text().startswith("Prénom")
    view.language.setCurrentIndex(view.language.findData("English (en)"))
    assert session.language == "English (en)"
    assert not rows_by_name(view)["interviewer"].label.text().startswith("Prénom")
    items = [view.section_list.item(i).text() for i in range(view.section_list.count())]
    assert "Your household" in items or any("household" in t.lower() for t in items)
    item = view.section_list.item(2)  # mobility
    view.section_list.itemClicked.emit(item)
    assert view.position() == "/data/mobility"


def test_label_outputs_are_filled_in(qtbot, library, make_view, db):
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    session.set_answer("/data/consent", "yes")
    first = session.repeat_instances("/data/household/member")  # the one the form starts with
    for name in ("Awa", "Bruno"):
        member = first.pop() if first else session.add_repeat("/data/household/member")
        session.set_answer(session.location_of(member) + "/member_name", name)
        session.set_answer(session.location_of(member) + "/member_age", "40")
    view = make_view(interview, session)
    view.go_to("/data/household/household_summary_note")
    text = rows_by_name(view)["household_summary_note"].label.text()
    assert "<b>2</b>" in text and "output" not in text


# --------------------------------------------------------------------------- finalizing

SMALL_FORM = """
| survey |      |      |       |
|        | type | name | label |
|        | text | who  | Name  |
|        | end  | end  |       |
"""

SESSION_CALLS = ("answers", "validate", "finalize_metadata", "instance_name", "progress")


def test_finalizing_reads_the_session_on_the_gui_thread_only(
    qtbot, tmp_path, library, make_view, db
):
    """The session has one owner: the database thread gets a snapshot, never the session."""
    path = tmp_path / "small.md"
    path.write_text(SMALL_FORM.strip() + "\n", encoding="utf-8")
    form = db(library.load_file, path)
    interview, session = db(start_interview, library, form)
    view = make_view(interview, session)
    threads = []
    for name in SESSION_CALLS:
        method = getattr(session, name)

        def spy(*args, _method=method, _name=name, **kwargs):
            threads.append((_name, threading.current_thread().name))
            return _method(*args, **kwargs)

        setattr(session, name, spy)
    qtbot.keyClicks(QApplication.focusWidget(), "Awa")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert view.position() == "#finalize"
    finalized = []
    view.finalized.connect(finalized.append)
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.confirm_finalize_button, Qt.MouseButton.LeftButton)  # "Yes"
    qtbot.waitUntil(lambda: bool(finalized), timeout=30000)
    settle(qtbot, view)
    gui = threading.main_thread().name
    assert {name for name, _ in threads} >= {"answers", "validate", "finalize_metadata"}
    assert [(name, thread) for name, thread in threads if thread != gui] == []
    stored = db(library.store.get_interview, interview.instance_id)
    assert stored.status == Status.FINALIZED
    assert stored.answers["who"] == "Awa" and stored.answers["end"]


# --------------------------------------------------------------------------- read-only


def test_read_only_finalized_interview(qtbot, library, make_view, db):
    form = db(library.load_file, HABITANTS)
    result = db(
        fill_interview,
        library,
        form,
        {
            "interviewer": "Camille",
            "interview_date": "2025-11-22",
            "sector": "north",
            "consent": "no",
        },
        finalize=True,
    )
    assert result.ok, result.problems
    stored = db(library.store.get_interview, result.interview.instance_id)
    view = make_view(stored, db(open_session, library, stored), read_only=True)
    assert view.banner_row.isVisible()
    assert view.position() == "#finalize"  # opens on its review: every answer by section
    row = next(r for r in view.review.rows if r.location == "/data/visit/interviewer")
    assert row.answer.text() == "Camille"
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)  # one click to the question, read only
    rows = rows_by_name(view)
    assert rows["interviewer"].editor.box.text() == "Camille"
    assert not rows["interviewer"].editor.box.isEnabled()
    requested = []
    view.edit_requested.connect(requested.append)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    assert requested and requested[0].instance_id == stored.instance_id
    view.go_to("#finalize")
    assert view.finalize_button is None
    updated_at = db(library.store.get_interview, stored.instance_id).updated_at
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    view.tasks.drain()
    assert db(library.store.get_interview, stored.instance_id).updated_at == updated_at


# --------------------------------------------------------------------------- every widget

WIDGETS_FORM = """
| survey |                    |      |               |                    |                        |
|        | type               | name | label         | appearance         | parameters             |
|        | text               | t    | Text          |                    |                        |
|        | text               | ml   | Multi         | multiline          |                        |
|        | integer            | i    | Int           |                    |                        |
|        | decimal            | d    | Dec           |                    |                        |
|        | date               | dt   | Date          |                    |                        |
|        | time               | tm   | Time          |                    |                        |
|        | dateTime           | dtt  | DateTime      |                    |                        |
|        | select_one yn      | so   | One           |                    |                        |
|        | select_one yn      | som  | One minimal   | minimal            |                        |
|        | select_one yn      | soh  | One compact   | horizontal-compact |                        |
|        | select_one yn      | sol  | Likert        | likert             |                        |
|        | select_multiple yn | sm   | Many          | horizontal         |                        |
|        | rank yn            | rk   | Rank          |                    |                        |
|        | range              | rg   | Range         |                    | start=0 end=10 step=2  |
|        | geopoint           | gp   | Geo           |                    |                        |
|        | image              | img  | Photo         |                    |                        |
|        | barcode            | bc   | Code          |                    |                        |
|        | acknowledge        | ack  | Ack           |                    |                        |
|        | note               | nt   | A *bold* note |                    |                        |
| choices |          |       |        |
|         | list_name | name  | label  |
|         | yn        | yes   | Yes    |
|         | yn        | no    | No     |
|         | yn        | maybe | Maybe  |
"""


@pytest.fixture
def widgets_view(tmp_path, library, make_view, db):
    path = tmp_path / "widgets.md"
    path.write_text(WIDGETS_FORM.strip() + "\n", encoding="utf-8")
    form = db(library.load_file, path)
    interview, session = db(start_interview, library, form)
    return make_view(interview, session), session


def _at(view, name):
    view.go_to(f"/data/{name}")
    row = rows_by_name(view)[name]
    return row, row.editor


def test_each_widget_sets_its_answer(qtbot, widgets_view, monkeypatch, tmp_path, db, library):
    view, session = widgets_view
    value = lambda name: session.value(session.nodes_of(f"/data/{name}")[0])  # noqa: E731

    def type_in(name, text, key=Qt.Key.Key_Return):
        row, editor = _at(view, name)
        focus = QApplication.focusWidget()
        assert view.editor_of(focus) is editor
        qtbot.keyClicks(focus, text)
        qtbot.keyClick(focus, key)
        return row

    type_in("t", "bonjour")
    assert value("t") == "bonjour"
    assert view.position() == "/data/ml"  # Enter went on
    type_in("ml", "ligne", Qt.Key.Key_Tab)
    assert value("ml") == "ligne"
    type_in("i", "42")
    assert value("i") == "42"
    type_in("d", "3,5")  # the French comma, stored with a point
    assert value("d") == "3.5"
    row, editor = _at(view, "d")
    assert editor.box.text() == "3,5"
    type_in("dt", "02/03/2024")
    assert value("dt") == "2024-03-02"
    row = type_in("dt", "99/99/2024")
    assert value("dt") == "2024-03-02"  # not a date: kept, message shown
    assert row.message.isVisible()
    type_in("tm", "14:30")
    assert value("tm").startswith("14:30:00.000")
    row, editor = _at(view, "dtt")
    qtbot.keyClicks(editor.date.box, "02/03/2024")
    qtbot.keyClick(editor.date.box, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.time, "08:05")
    qtbot.keyClick(editor.time, Qt.Key.Key_Return)
    assert value("dtt").startswith("2024-03-02T08:05:00.000")

    row, editor = _at(view, "so")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert value("so") == "no"
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    assert value("so") == ""
    row, editor = _at(view, "som")
    assert isinstance(QApplication.focusWidget(), QComboBox)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    assert value("som") == "maybe"
    row, editor = _at(view, "soh")
    qtbot.mouseClick(editor.buttons[0], Qt.MouseButton.LeftButton)
    assert value("soh") == "yes"
    assert editor.buttons[0].y() == editor.buttons[2].y()  # in a row
    row, editor = _at(view, "sol")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    assert value("sol") == "maybe"
    row, editor = _at(view, "sm")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    assert value("sm") == "yes maybe"

    row, editor = _at(view, "rk")
    assert isinstance(editor, RankEditor)
    assert value("rk") == ""
    editor.list.setCurrentRow(2)
    qtbot.mouseClick(editor.up, Qt.MouseButton.LeftButton)
    assert value("rk") == "yes maybe no"

    row, editor = _at(view, "rg")
    assert isinstance(editor, RangeEditor)
    assert value("rg") == ""
    editor.slider.setFocus()
    qtbot.keyClick(editor.slider, Qt.Key.Key_Right)
    qtbot.keyClick(editor.slider, Qt.Key.Key_Right)
    assert value("rg") == "4"

    row, editor = _at(view, "gp")
    qtbot.keyClicks(editor.boxes[0], "48,85")
    qtbot.keyClick(editor.boxes[0], Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.boxes[1], "2.35")
    qtbot.keyClick(editor.boxes[1], Qt.Key.Key_Return)
    assert value("gp") == "48.85 2.35 0 0"

    picture = tmp_path / "porte.jpg"
    picture.write_bytes(b"\xff\xd8jpeg")
    from surveyor.ui.qt import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(picture), ""))
    )
    row, editor = _at(view, "img")
    assert isinstance(editor, FileEditor)
    qtbot.mouseClick(editor.choose, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: value("img") == "porte.jpg", timeout=30000)
    settle(qtbot, view)
    store = library.store
    assert db(store.get_attachment, view.interview.instance_id, "porte.jpg") == b"\xff\xd8jpeg"

    view.activateWindow()  # the (patched) file dialog took the activation away
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=30000)
    type_in("bc", "3760123456789")
    assert value("bc") == "3760123456789"
    row, editor = _at(view, "ack")
    assert isinstance(editor, AcknowledgeEditor)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert value("ack") == "OK"
    row, editor = _at(view, "nt")
    assert isinstance(editor, NoteEditor)
    assert "<b>bold</b>" in row.label.text()
    settle(qtbot, view)
    stored = db(store.get_interview, view.interview.instance_id).answers
    assert stored["d"] == "3.5" and stored["sm"] == "yes maybe" and stored["img"] == "porte.jpg"


def test_widgets_have_accessible_names(widgets_view):
    view, session = widgets_view
    for name in ("t", "i", "dt", "so"):
        row, editor = _at(view, name)
        widget = editor.first_focus()
        assert widget.accessibleName() or widget.accessibleDescription()
    row, editor = _at(view, "dt")
    assert isinstance(editor, DateEditor)
    assert editor.box.placeholderText() in ("JJ/MM/AAAA", "DD/MM/YYYY")
    row, editor = _at(view, "so")
    assert isinstance(editor, SelectEditor)
    assert all(isinstance(b, QPushButton) is False for b in editor.buttons)


# --------------------------------------------------------------------------- plurals


@pytest.fixture
def french(qapp):
    from surveyor.ui.language import Languages

    languages = Languages()
    languages.install("fr")
    yield languages
    languages.install("en")


def _plural_texts(qtbot, db, library, make_view, session_answers):
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    for path, value in session_answers.items():
        session.set_answer(path, value)
    view = make_view(interview, session)
    view.refresh()
    answered, total = session.progress()
    progress = view.progress.format()
    view.go_to("/data/household/member[+]")
    repeat = [w.text() for w in view.scroll.widget().findChildren(QLabel) if w.text()]
    view.go_to("#finalize")
    intro = [w.text() for w in view.scroll.widget().findChildren(QLabel) if w.text()]
    return answered, total, progress, repeat, intro


ONE = {"/data/visit/interviewer": "Camille"}


def test_counts_are_grammatical_in_english(qtbot, db, library, make_view):
    answered, total, progress, _, intro = _plural_texts(qtbot, db, library, make_view, ONE)
    assert answered == 1
    # Two facts, each named: how far through the form, how many questions answered.
    assert re.fullmatch(rf"Through the form: \d+ % · Answered: 1 of {total} questions", progress)
    assert f"Answered: 1 of {total} questions." in intro
    assert "Answers to check before finalizing: 3. Click one to go there:" in intro


def test_counts_are_grammatical_in_french(qtbot, db, library, make_view, french):
    answered, total, progress, _, intro = _plural_texts(qtbot, db, library, make_view, ONE)
    assert re.fullmatch(rf"Parcouru : \d+ % · Réponses : 1 question sur {total}", progress)
    assert f"Réponses : 1 question sur {total}." in intro
    assert any(t.startswith("Avant de finaliser, 3 réponses sont à vérifier.") for t in intro)

    many = {
        "/data/visit/interviewer": "Camille",
        "/data/visit/interview_date": "2025-11-22",
        "/data/visit/sector": "north",
    }
    answered, total, progress, _, intro = _plural_texts(qtbot, db, library, make_view, many)
    assert progress.endswith(f" · Réponses : {answered} questions sur {total}")
    assert answered > 1
    assert any(t.startswith("Avant de finaliser, 1 réponse est à vérifier.") for t in intro)


def test_repeat_counts_in_french_and_english(qtbot, library, make_view, french, db):
    form = db(library.load_file, HABITANTS)
    interview, session = db(start_interview, library, form)
    session.set_answer("/data/consent", "yes")  # the form starts with one member
    view = make_view(interview, session)
    view.go_to("/data/household/member[+]")

    def texts():
        return [w.text() for w in view.scroll.widget().findChildren(QLabel)]

    assert "1 saisie pour l’instant" in texts()
    session.add_repeat("/data/household/member")
    view.refresh()
    assert "2 saisies pour l’instant" in texts()
    french.install("en")
    view.refresh()
    assert "Already entered: 2" in texts()
