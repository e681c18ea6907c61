"""A volunteer's day through the main window, driven as a person would (keyboard and mouse),
on a real store in the test's data directory: first start, an interview interrupted by
closing the app, resumed, finalized, corrected as a new revision; then English."""

from __future__ import annotations

import re

import pytest

from surveyor.interviews.record import Status
from surveyor.store import Store
from surveyor.ui.qt import QApplication
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import Qt
from surveyor.ui.settings import AppSettings
from surveyor.ui.settings import settings_path
from tests.ui.test_interview_view import MEMBERS
from tests.ui.test_interview_view import PLAN
from tests.ui.test_interview_view import drive
from tests.ui.test_interview_view import focused_editor
from tests.ui.test_interview_view import rows_by_name

HABITANTS = "enquete_habitants.xlsx"


def activate(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=30000)


def wait_view(qtbot, window):
    qtbot.waitUntil(lambda: window.view is not None, timeout=30000)
    window.tasks.drain()
    activate(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=30000)
    return window.view


def stored(home, instance_id):
    with Store.open(home) as store:
        return store.get_interview(instance_id)


def first_start_and_interrupted_interview(app_window, qtbot, isolated_home):
    """Welcome -> home -> new interview -> visit, consent, 3 members -> close mid-interview."""
    window = app_window(language="fr")
    assert window.stack.currentWidget() is window.welcome
    welcome = window.welcome
    activate(qtbot, window)
    qtbot.keyClicks(welcome.name_edit, "Camille")
    qtbot.keyClicks(welcome.laptop_edit, "Portable 2")
    for box in welcome.form_boxes:  # keep the residents' survey only
        if box.property("file_name") != HABITANTS:
            box.setFocus()
            qtbot.keyClick(box, Qt.Key_Space)
            assert not box.isChecked()
    qtbot.mouseClick(welcome.start_button, Qt.LeftButton)
    assert window.stack.currentWidget() is window.home
    assert window.home.greeting.text() == "Bonjour Camille"

    qtbot.waitUntil(lambda: window.forms_loaded, timeout=30000)
    qtbot.waitUntil(lambda: len(window.home.form_cards()) == 1, timeout=30000)
    card = window.home.form_cards()[0]
    assert card.button.text() == "Nouvel entretien"
    qtbot.mouseClick(card.button, Qt.LeftButton)
    view = wait_view(qtbot, window)
    instance_id = window.interview.instance_id
    focus, editor = focused_editor(view)
    assert editor is not None and editor.template.name == "interviewer"

    seen = {}

    def age_130_then_13(view, editor, number):
        if number != 3 or seen:
            return False
        focus = QApplication.focusWidget()
        qtbot.keyClicks(focus, "130")
        qtbot.keyClick(focus, Qt.Key_Return)  # leaving the field: the message shows
        row = rows_by_name(view)["member_age"]
        assert row.message.isVisible()
        assert row.message.text() == "L'âge doit être compris entre 0 et 110 ans."
        assert QApplication.focusWidget() is focus
        qtbot.keyClick(focus, Qt.Key_A, Qt.ControlModifier)
        qtbot.keyClicks(focus, "13")
        qtbot.keyClick(focus, Qt.Key_Return)
        assert not row.message.isVisible()
        seen["corrected"] = True
        return True

    members = [*MEMBERS[:2], ("Chloe", "13", "3")]

    def three_members_entered(view):
        return (
            view.current.kind == "repeat"
            and len(view.session.repeat_instances(view.current.template)) == 3
        )

    drive(
        qtbot,
        view,
        PLAN,
        members=members,
        on_member_age=age_130_then_13,
        until=three_members_entered,
    )
    assert seen
    position = view.position()
    assert position.endswith("member[+]")
    # The progress sentence is French and grammatical.
    assert re.fullmatch(
        r"Parcouru : \d+ % · Réponses : \d+ questions sur \d+", view.progress.format()
    )
    window.close()  # mid-interview, without going back home first
    record = stored(isolated_home, instance_id)
    assert record.status == Status.DRAFT
    assert record.position == position
    assert [m["member_age"] for m in record.answers["member"]] == ["34", "36", "13"]
    assert record.answers["consent"] == "yes"
    return instance_id, position


@pytest.mark.slow
def test_a_volunteers_day_through_the_main_window(app_window, qtbot, isolated_home):
    instance_id, position = first_start_and_interrupted_interview(app_window, qtbot, isolated_home)

    # Next morning: the app offers to resume, and lands on the same screen with the answers.
    window = app_window()
    assert window.welcome is None
    qtbot.waitUntil(lambda: window.home.resume_banner.isVisible(), timeout=30000)
    assert "Reprendre" in window.home.resume_button.text()
    qtbot.mouseClick(window.home.resume_button, Qt.LeftButton)
    view = wait_view(qtbot, window)
    assert window.interview.instance_id == instance_id
    assert view.position() == position
    assert len(view.session.repeat_instances(view.current.template)) == 3
    assert view.session.value(view.session.node_at("/data/visit/interviewer")) == "Camille"

    # The finalize screen lists what is missing; Enter on the first goes there.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_F, Qt.ControlModifier)
    assert view.position() == "#finalize"
    assert not view.finalize_button.isEnabled()
    assert view.problem_list.count() >= 1
    first = view.problem_list.item(0).data(Qt.UserRole)
    qtbot.keyClick(view.problem_list, Qt.Key_Return)
    assert view.position() != "#finalize"
    focus, editor = focused_editor(view)
    assert editor is not None and first.endswith(editor.template.name)
    # Answer the rest with the keyboard, then finalize.
    drive(qtbot, view, PLAN, members=[*MEMBERS[:2], ("Chloe", "13", "3")])
    assert view.position() == "#finalize"
    assert view.problem_list is None
    qtbot.mouseClick(view.finalize_button, Qt.LeftButton)
    # finalizing asks first; Return on the focused "Oui, finaliser" confirms
    assert QApplication.focusWidget() is view.confirm_finalize_button
    qtbot.keyClick(view.confirm_finalize_button, Qt.Key_Return)
    home = window.home
    # then home, saying so, under "À envoyer ou remettre".
    qtbot.waitUntil(lambda: window.stack.currentWidget() is home, timeout=30000)
    assert stored(isolated_home, instance_id).status == Status.FINALIZED
    assert "finalisé" in home.message.text() and home.message.isVisible()
    qtbot.waitUntil(lambda: home.counts()["waiting"] == 1, timeout=30000)
    assert home.counts()["drafts"] == 0
    assert home.tabs.tabText(1) == "À envoyer ou remettre (1)"
    qtbot.mouseClick(home.tabs, Qt.LeftButton, pos=home.tabs.tabRect(1).center())
    assert home.group == "waiting"
    assert home.model.rowCount() == 1 and home.select_instance(instance_id)
    assert home.open_button.text() == "Ouvrir"

    # Open it read-only, then "Corriger" (Edit): a new draft revision of it.
    qtbot.mouseClick(home.open_button, Qt.LeftButton)
    view = wait_view(qtbot, window)
    assert window.read_only and view.read_only and view.banner_row.isVisible()
    assert view.edit_button.text() == "Corriger"  # "Edit"
    qtbot.mouseClick(view.edit_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.view is not None and not window.read_only, timeout=30000)
    revision = window.interview
    assert revision.instance_id != instance_id
    assert revision.deprecated_id == instance_id
    assert revision.status == Status.DRAFT
    assert revision.answers["member"][2]["member_age"] == "13"
    wait_view(qtbot, window)
    qtbot.mouseClick(window.view.home_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is home, timeout=30000)
    qtbot.waitUntil(lambda: home.counts()["drafts"] == 1, timeout=30000)
    # the corrected version is shown as replaced, among the finished ones, never handed in
    assert home.counts()["waiting"] == 0 and home.counts()["done"] == 1
    home.select_group("done")
    assert home.model.rowCount() == 1
    assert home.model.data(home.model.index(0, 3)) == "Remplacé par une correction"
    home.select_group("drafts")

    # Switch the app to English in the settings: the home speaks English at once.
    dialog = window.open_settings()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    save = dialog.buttons.button(QDialogButtonBox.Ok)
    assert save.text() == "Enregistrer"
    qtbot.mouseClick(save, Qt.LeftButton)
    qtbot.waitUntil(lambda: home.forms_title.text() == "Forms on this laptop", timeout=30000)
    assert home.greeting.text() == "Hello Camille"
    assert home.tabs.tabText(0) == "Drafts (1)"
    assert home.tabs.tabText(1) == "To send or hand in (0)"
    assert home.tabs.tabText(2) == "Sent or handed in (1)"
    assert home.form_cards()[0].button.text() == "New interview"
    assert AppSettings.load(settings_path()).language == "en"
