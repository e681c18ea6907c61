"""The desktop app's shell: welcome, home, bin, forms from files, language, text size, start."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from surveyor.interviews.record import Interview
from surveyor.interviews.record import Status
from surveyor.paths import bundled_forms_dir
from surveyor.store import Store
from surveyor.ui.qt import QApplication
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import Qt
from surveyor.ui.settings import DEFAULT_TEXT_SIZE
from surveyor.ui.settings import AppSettings
from surveyor.ui.settings import settings_path

REPO = Path(__file__).resolve().parents[2]
HABITANTS = bundled_forms_dir() / "enquete_habitants.xlsx"


def wait_ready(qtbot, window, *, forms=True):
    qtbot.waitUntil(lambda: window.workspace is not None and window.home.loaded, timeout=30000)
    if forms:
        qtbot.waitUntil(lambda: window.forms_loaded, timeout=30000)
    window.tasks.drain()


def seed_interviews(home: Path, spec: dict[Status, list[str]]) -> None:
    """Interviews of a small stored form, in the given states (names given)."""
    with Store.open(home) as store:
        store.save_form(
            form_id="porte",
            version="1",
            title="Porte à porte",
            content_hash="md5:test",
            source_name="porte.xlsx",
            source_bytes=b"x",
            xform="<h:html/>",
        )
        for status, names in spec.items():
            for name in names:
                interview = Interview.new(form_id="porte", form_version="1", form_hash="md5:test")
                interview.instance_name = name
                store.create_interview(interview)
                iid = interview.instance_id
                if status in (Status.FINALIZED, Status.SENT, Status.HANDED_IN, Status.FAILED):
                    store.finalize(iid)
                if status == Status.SENT:
                    store.mark_sent(iid, to="server")
                if status == Status.HANDED_IN:
                    store.mark_exported(iid, to="usb")
                if status == Status.FAILED:
                    store.mark_failed(iid, "no network")
                if status == Status.DELETED:
                    store.delete(iid)


# --- first start ---------------------------------------------------------------------------


def test_first_start_welcome_asks_name_and_laptop_and_offers_bundled_forms(app_window, qtbot):
    window = app_window(language="en")
    assert window.stack.currentWidget() is window.welcome
    welcome = window.welcome
    assert len(welcome.form_boxes) == 2
    # The bundled forms show their own titles once loaded.
    qtbot.waitUntil(
        lambda: (
            window.welcome is None
            or any(
                b.text().startswith(("Enquête", "Survey", "Residents")) for b in welcome.form_boxes
            )
            or all(e.title for e in window.forms)
        ),
        timeout=30000,
    )
    qtbot.keyClicks(welcome.name_edit, "Marie Dupont")
    qtbot.keyClicks(welcome.laptop_edit, "Portable 3")
    welcome.form_boxes[1].setChecked(False)  # keep only the first form
    qtbot.mouseClick(welcome.start_button, Qt.LeftButton)

    assert window.stack.currentWidget() is window.home
    assert "Marie Dupont" in window.home.greeting.text()
    assert "Portable 3" in window.windowTitle()
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["interviewer"] == "Marie Dupont"
    assert saved["laptop_label"] == "Portable 3"
    assert saved["welcomed"] is True
    assert saved["bundled_forms"] == [welcome.form_boxes[0].property("file_name")]
    qtbot.waitUntil(lambda: len(window.home.form_cards()) == 1, timeout=30000)
    card = window.home.form_cards()[0]
    assert card.entry.title and not card.entry.error
    assert card.button.text() == "New interview"

    # A second start goes straight home.
    window.close()
    again = app_window()
    assert again.welcome is None
    assert again.stack.currentWidget() is again.home


def test_welcome_refuses_an_empty_name_or_laptop_label(app_window, qtbot):
    window = app_window(language="en")
    welcome = window.welcome
    welcome.show()
    # Enter twice on empty fields: the welcome stays, says what is missing, points at it.
    qtbot.keyClick(welcome.name_edit, Qt.Key_Return)
    qtbot.mouseClick(welcome.start_button, Qt.LeftButton)
    assert window.stack.currentWidget() is welcome
    assert welcome.missing.isVisible()
    assert "your name" in welcome.missing.text()
    assert "laptop" in welcome.missing.text()
    qtbot.keyClicks(welcome.name_edit, "   ")  # blanks are not a name
    qtbot.mouseClick(welcome.start_button, Qt.LeftButton)
    assert window.stack.currentWidget() is welcome
    welcome.name_edit.clear()
    qtbot.keyClicks(welcome.name_edit, "Marie")
    qtbot.keyClick(welcome.laptop_edit, Qt.Key_Return)
    assert window.stack.currentWidget() is welcome
    assert welcome.missing.text() == "Please type a name for this laptop."
    assert welcome.laptop_edit.hasFocus() or not window.isActiveWindow()
    assert not settings_path().exists() or not json.loads(
        settings_path().read_text(encoding="utf-8")
    ).get("welcomed")
    qtbot.keyClicks(welcome.laptop_edit, "Portable 3")
    qtbot.keyClick(welcome.laptop_edit, Qt.Key_Return)
    assert window.stack.currentWidget() is window.home
    assert json.loads(settings_path().read_text(encoding="utf-8"))["interviewer"] == "Marie"


def test_settings_live_in_the_data_dir_when_one_is_given(tmp_path, monkeypatch):
    monkeypatch.delenv("SURVEYOR_HOME")
    assert settings_path(tmp_path / "usb") == (tmp_path / "usb" / "settings.json").resolve()
    config = Path(os.environ["XDG_CONFIG_HOME"])
    if sys.platform.startswith("linux"):
        assert settings_path() == config / "Surveyor" / "settings.json"
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert AppSettings.load(broken).text_size == DEFAULT_TEXT_SIZE


def test_the_dialog_edits_the_cores_settings():
    """The settings are the core's (surveyor/settings.py); the UI module only re-exports them."""
    import surveyor.settings as core
    import surveyor.ui.settings as dialog

    assert dialog.AppSettings is core.AppSettings
    assert dialog.settings_path is core.settings_path
    assert dialog.clamp_text_size is core.clamp_text_size


# --- home ----------------------------------------------------------------------------------


def test_home_groups_interviews_by_state_with_counts_and_search(app_window, qtbot, isolated_home):
    seed_interviews(
        isolated_home,
        {
            Status.DRAFT: ["12 rue des Lilas", "3 place du Marché", "8 rue des Lilas"],
            Status.FINALIZED: ["1 avenue Foch"],
            Status.FAILED: ["2 avenue Foch"],
            Status.SENT: ["5 impasse Verte"],
            Status.HANDED_IN: ["6 impasse Verte"],
            Status.DELETED: ["9 rue Basse"],
        },
    )
    window = app_window(welcomed=True, language="en", bundled_forms=[])
    wait_ready(qtbot, window)
    home = window.home
    assert home.counts() == {"drafts": 3, "waiting": 2, "done": 2, "bin": 1}
    assert home.tabs.tabText(0) == "Drafts (3)"
    assert home.model.rowCount() == 3
    assert home.model.data(home.model.index(0, 1)) == "Porte à porte"
    assert home.model.data(home.model.index(0, 2))  # a local date
    home.select_group("waiting")
    names = {home.model.data(home.model.index(r, 0)) for r in range(home.model.rowCount())}
    assert names == {"1 avenue Foch", "2 avenue Foch"}
    assert home.delete_button.isHidden()

    qtbot.keyClicks(home.search, "lilas")
    qtbot.waitUntil(lambda: home.counts()["drafts"] == 2, timeout=30000)
    assert home.counts() == {"drafts": 2, "waiting": 0, "done": 0, "bin": 0}
    assert "No interview matches" in home.empty.text()
    home.select_group("drafts")
    assert home.model.rowCount() == 2


def test_deleting_a_draft_asks_first_then_it_can_be_restored_from_the_bin(
    app_window, qtbot, isolated_home
):
    seed_interviews(isolated_home, {Status.DRAFT: ["12 rue des Lilas"]})
    window = app_window(welcomed=True, language="en", bundled_forms=[])
    wait_ready(qtbot, window)
    home = window.home
    assert home.select_instance(home.model.rows[0].instance_id)

    # "Keep it" keeps it.
    box = home.ask_delete()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "12 rue des Lilas" in box.text()
    assert box.defaultButton() is box.no_button
    qtbot.mouseClick(box.no_button, Qt.LeftButton)
    window.tasks.drain()
    assert home.counts()["drafts"] == 1

    box = home.ask_delete()
    qtbot.mouseClick(box.yes_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: home.counts()["bin"] == 1, timeout=30000)
    assert home.counts()["drafts"] == 0
    assert "bin" in home.message.text()

    home.select_group("bin")
    assert home.restore_button.isVisible() and home.restore_button.text() == "Restore"
    home.table.setFocus()
    home.table.selectRow(0)
    qtbot.mouseClick(home.restore_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: home.counts()["drafts"] == 1, timeout=30000)
    assert home.counts()["bin"] == 0
    with Store.open(isolated_home) as store:
        assert store.count_by_status()["draft"] == 1


# --- forms from files ------------------------------------------------------------------------


def test_open_a_good_form_then_a_broken_one_shows_one_clear_sentence(app_window, qtbot, tmp_path):
    good = tmp_path / "envoye par la coordination.xlsx"
    shutil.copy(HABITANTS, good)
    broken = tmp_path / "cassé.xlsx"
    broken.write_text("ceci n'est pas un classeur", encoding="utf-8")
    window = app_window(welcomed=True, language="en", bundled_forms=[])
    wait_ready(qtbot, window)
    home = window.home
    assert home.form_cards() == []
    assert "No form yet" in home.forms_status.text()

    with qtbot.waitSignal(window.forms_ready, timeout=30000):
        window.add_form_file(str(good))
    assert len(home.form_cards()) == 1
    assert "is ready" in home.message.text()
    assert AppSettings.load(settings_path()).form_files == [str(good.resolve())]

    with qtbot.waitSignal(window.forms_ready, timeout=30000):
        window.add_form_file(str(broken))
    text = home.message.text()
    assert text.startswith("This form could not be opened: ")
    assert "cassé.xlsx" in text and "\n" not in text and "Traceback" not in text
    assert home.message.property("role") == "error"
    # Nothing lost: the good form is still there, the broken one is not remembered.
    assert len(home.form_cards()) == 1
    assert AppSettings.load(settings_path()).form_files == [str(good.resolve())]


BROKEN_FORM = """
| survey |
| | type | name | label | relevant |
| | integer | a | A | |
| | integr | b | B | |
| | select_one nolist | s | S | ${zz} > 1 |
| | txt | c | C | |
| choices |
| | list_name | name | label |
| | yn | y | Y |
"""


def test_a_broken_form_lists_every_problem_in_the_apps_language(app_window, qtbot, tmp_path):
    form = tmp_path / "cassé.md"
    form.write_text(BROKEN_FORM, encoding="utf-8")
    window = app_window(welcomed=True, language="fr", bundled_forms=[])
    wait_ready(qtbot, window)
    home = window.home
    with qtbot.waitSignal(window.forms_ready, timeout=30000):
        window.add_form_file(str(form))
    text = home.message.text()
    assert text.startswith("Ce formulaire n’a pas pu être ouvert : « cassé.md » a 4 problèmes"), (
        text
    )
    assert home.message.property("role") == "error"
    dialog = home.show_message_details()
    assert dialog.lines() == [
        "Feuille « survey », ligne 3 : le type de question « integr » n’existe pas.",
        "Feuille « survey », ligne 4 : la liste de choix « nolist » n’est pas dans la feuille "
        "choices.",
        "Feuille « survey », ligne 4 : colonne relevant : ${zz} ne désigne aucune question du "
        "formulaire.",
        "Feuille « survey », ligne 5 : le type de question « txt » n’existe pas.",
    ]
    dialog.reject()


def test_opening_a_form_names_each_step_with_a_bar_then_hides_it(app_window, qtbot, tmp_path):
    form = tmp_path / "grand.xlsx"
    shutil.copy(HABITANTS, form)
    window = app_window(welcomed=True, language="fr", bundled_forms=[])
    wait_ready(qtbot, window)
    home = window.home
    shown: list[str] = []
    original = home.show_message

    def record(text, **kwargs):
        shown.append(text)
        original(text, **kwargs)

    home.show_message = record
    with qtbot.waitSignal(window.forms_ready, timeout=60000):
        window.add_form_file(str(form))
    steps = [t for t in shown if t.startswith("Ouverture du formulaire « grand.xlsx »")]
    assert steps == [
        "Ouverture du formulaire « grand.xlsx » : lecture du classeur… (étape 1 sur 4)",
        "Ouverture du formulaire « grand.xlsx » : conversion (XLSForm vers XForm)… (étape 2 sur 4)",
        "Ouverture du formulaire « grand.xlsx » : préparation des questions… (étape 3 sur 4)",
        "Ouverture du formulaire « grand.xlsx » : vérification des calculs et des conditions… "
        "(étape 4 sur 4)",
    ]
    assert not home.form_progress.isVisible()
    assert "est prêt" in home.message.text()


UNSUPPORTED_FORM = """
| survey |
| | type | name | label | appearance |
| | text | site | Site web | url |
| | video | vid | Vidéo | |
| | text | mail | Courriel | ex:org.example.mail |
| | text | rue | Rue | |
| settings |
| | form_title | form_id |
| | Quartier | quartier |
"""


def test_unsupported_features_say_one_translated_sentence_with_the_detail_a_click_away(
    app_window, qtbot, tmp_path
):
    form = tmp_path / "quartier.md"
    form.write_text(UNSUPPORTED_FORM, encoding="utf-8")
    window = app_window(welcomed=True, language="fr", bundled_forms=[])
    wait_ready(qtbot, window)
    window.resize(1024, 600)
    window.show()
    home = window.home
    with qtbot.waitSignal(window.forms_ready, timeout=30000):
        window.add_form_file(str(form))
    text = home.message.text()
    # One French sentence with the count, in a neutral colour; nothing of the English list.
    assert "3 fonctions" in text and "Surveyor" in text, text
    assert "uses" not in text and "url" not in text and "video" not in text
    assert home.message.property("role") == "notice"
    # The card says the count only and keeps "Nouvel entretien" in view.
    [card] = home.form_cards()
    assert "url" not in card.detail.text() and "3" in card.detail.text()
    assert "Détails" in card.detail.text()
    qtbot.waitUntil(lambda: card.button.isVisible(), timeout=30000)
    assert home.forms_area.horizontalScrollBar().maximum() == 0
    # The detail, one click away, translated.
    qtbot.mouseClick(home.message_details_button, Qt.LeftButton)
    dialog = home.details_dialog
    lines = dialog.lines()
    assert len(lines) == 3
    assert lines[0] == "question « site » (ligne 2) : l’apparence « url »."
    assert lines[1] == "question « vid » (ligne 3) : le type de question « video »."
    dialog.reject()
    card_dialog = card.show_unsupported()
    assert card_dialog.lines() == lines
    card_dialog.reject()
    # Dismissible.
    qtbot.mouseClick(home.message_close_button, Qt.LeftButton)
    assert not home.message_bar.isVisible()


# --- interviews: new, close, resume ----------------------------------------------------------


@pytest.mark.slow
def test_closing_during_a_draft_offers_to_resume_it_on_reopening(app_window, qtbot):
    window = app_window(welcomed=True, language="en", bundled_forms=[HABITANTS.name])
    wait_ready(qtbot, window)
    qtbot.waitUntil(lambda: len(window.home.form_cards()) == 1, timeout=30000)
    card = window.home.form_cards()[0]
    qtbot.mouseClick(card.button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.view is not None, timeout=30000)
    instance_id = window.interview.instance_id
    assert window.stack.currentWidget() is window.interview_page
    type_on_screen(qtbot, window, " Lee")  # one answer typed: a draft worth keeping
    window.close()
    assert AppSettings.load(settings_path()).last_interview == instance_id

    again = app_window()
    wait_ready(qtbot, again)
    qtbot.waitUntil(lambda: again.home.resume_banner.isVisible(), timeout=30000)
    qtbot.mouseClick(again.home.resume_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: again.view is not None, timeout=30000)
    assert again.interview.instance_id == instance_id


def type_on_screen(qtbot, window, text: str) -> None:
    """Click the first question and type into it, as a person would."""
    window.tasks.drain()
    qtbot.waitUntil(lambda: bool(window.view.rows), timeout=30000)
    widget = window.view.rows[0].editor.focus_widgets()[0]
    qtbot.mouseClick(widget, Qt.LeftButton)
    qtbot.keyClicks(widget, text)


def test_a_new_interview_left_without_an_answer_is_not_kept(app_window, qtbot, isolated_home):
    window = app_window(welcomed=True, language="en", bundled_forms=[HABITANTS.name])
    wait_ready(qtbot, window)
    qtbot.waitUntil(lambda: len(window.home.form_cards()) == 1, timeout=30000)
    card = window.home.form_cards()[0]
    for _ in range(3):  # "New interview", then straight back home, three times
        qtbot.mouseClick(card.button, Qt.LeftButton)
        qtbot.waitUntil(lambda: window.view is not None, timeout=30000)
        window.go_home()
    window.tasks.wait_db()
    with Store.open(isolated_home) as store:
        assert store.list_interviews() == []
    # One with an answer stays, and so does the app's offer to resume it after a close.
    qtbot.mouseClick(card.button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.view is not None, timeout=30000)
    kept = window.interview.instance_id
    type_on_screen(qtbot, window, " Lee")
    window.go_home()
    qtbot.mouseClick(card.button, Qt.LeftButton)  # and one left empty by closing the window
    qtbot.waitUntil(
        lambda: window.view is not None and window.interview.instance_id != kept, timeout=30000
    )
    window.close()
    with Store.open(isolated_home) as store:
        assert [i.instance_id for i in store.list_interviews()] == [kept]
    assert AppSettings.load(settings_path()).last_interview == ""


# --- language and text size ----------------------------------------------------------------


@pytest.mark.slow
def test_the_app_speaks_french_or_english_as_chosen(app_window, qtbot):
    window = app_window(welcomed=True, language="fr", bundled_forms=[])
    home = window.home
    assert home.forms_title.text() == "Formulaires sur cet ordinateur"
    assert home.open_form_button.text() == "Ouvrir un formulaire…"
    assert window.home_action.text() == "&Accueil"
    # Switch in the settings: it applies at once.
    dialog = window.open_settings()
    assert dialog.windowTitle() == "Paramètres"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.accept()
    qtbot.waitUntil(lambda: home.forms_title.text() == "Forms on this laptop", timeout=30000)
    assert home.open_form_button.text() == "Open a form…"
    # the window's own texts follow too (FollowsLanguage)
    assert window.home_action.text() == "&Home screen"
    assert AppSettings.load(settings_path()).language == "en"


def test_text_size_shortcuts_change_the_whole_app(app_window, qtbot):
    window = app_window(welcomed=True, language="en", bundled_forms=[])
    app = QApplication.instance()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=30000)
    base = app.font().pointSize()
    assert base == DEFAULT_TEXT_SIZE
    window.larger_action.trigger()
    assert app.font().pointSize() == base + 1
    qtbot.keyClick(window.home.search, Qt.Key_Equal, Qt.ControlModifier)
    assert app.font().pointSize() == base + 2
    assert window.home.search.font().pointSize() == base + 2
    qtbot.keyClick(window.home.search, Qt.Key_Minus, Qt.ControlModifier)
    assert app.font().pointSize() == base + 1
    assert AppSettings.load(settings_path()).text_size == base + 1
    qtbot.keyClick(window.home.search, Qt.Key_0, Qt.ControlModifier)
    assert app.font().pointSize() == DEFAULT_TEXT_SIZE


def test_the_same_text_size_again_does_not_restyle_every_widget(app_window, qtbot):
    """Ctrl+0 at the default size (or Ctrl++ at the largest) leaves the style alone: setting
    the application's style sheet or font restyles every widget, a pause on an old laptop."""
    from surveyor.ui.qt import QEvent
    from surveyor.ui.qt import QObject

    class Changes(QObject):
        count = 0

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() in (QEvent.StyleChange, QEvent.FontChange):
                self.count += 1
            return False

    window = app_window(welcomed=True, language="en", bundled_forms=[])
    app = QApplication.instance()
    changes = Changes()
    window.home.search.installEventFilter(changes)
    window.normal_action.trigger()  # Ctrl+0
    assert app.font().pointSize() == DEFAULT_TEXT_SIZE
    assert changes.count == 0
    window.larger_action.trigger()  # a real change still restyles
    assert app.font().pointSize() == DEFAULT_TEXT_SIZE + 1
    assert changes.count > 0
    window.home.search.removeEventFilter(changes)


def test_controls_have_accessible_names(app_window, qtbot):
    window = app_window(welcomed=True, language="en", bundled_forms=[])
    home = window.home
    for widget in (home.search, home.table, home.open_form_button, home.settings_button):
        assert widget.accessibleName(), widget
        assert widget.focusPolicy() & Qt.TabFocus


# --- starting the app ------------------------------------------------------------------------


def _env_without_display():
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display detection is Linux's")
def test_without_a_display_the_app_says_so_in_one_sentence():
    result = subprocess.run(
        [sys.executable, "-m", "surveyor"],
        capture_output=True,
        text=True,
        env=_env_without_display(),
        timeout=60,
    )
    assert result.returncode == 2
    output = (result.stdout + result.stderr).strip()
    assert output.startswith("Surveyor needs a graphical display")
    assert output.count("\n") == 0
    assert "Traceback" not in output and "abort" not in output.lower()


@pytest.mark.slow
def test_self_test_prints_ok():
    result = subprocess.run(
        [sys.executable, "-m", "surveyor", "--self-test"],
        capture_output=True,
        text=True,
        env=_env_without_display(),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "OK"


@pytest.mark.slow
def test_the_window_shows_without_the_form_loader(tmp_path):
    """The form converter (pyxform) is not imported before the window shows, nor the store,
    the interview engine, httpx, openpyxl or keyring (docs/ARCHITECTURE.md: the window holds
    the sender's backoff from its start, which once pulled httpx and the store in). How fast
    it shows is a benchmark (benchmarks/bench_ui.py, target < 1.5 s), not a test."""
    env = dict(os.environ, SURVEYOR_EXIT_WHEN_SHOWN="1", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "surveyor"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    shown = [line for line in result.stdout.splitlines() if line.startswith("SURVEYOR_SHOWN")]
    assert shown, result.stdout
    words = shown[0].split()
    assert "pyxform=False" in words
    assert "early=-" in words, shown[0]


def test_a_finalized_interview_opens_read_only_and_edit_makes_a_new_draft(
    app_window, qtbot, isolated_home
):
    from surveyor.services.interviews import FormLibrary
    from surveyor.services.interviews import fill_interview

    answers = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))
    with Store.open(isolated_home) as store:
        library = FormLibrary(store)
        result = fill_interview(library, library.load_file(HABITANTS), answers, finalize=True)
    assert result.interview.status == Status.FINALIZED, result.problems
    finalized_id = result.interview.instance_id

    window = app_window(welcomed=True, language="en", bundled_forms=[])
    wait_ready(qtbot, window)
    window.home.select_group("waiting")
    assert window.home.select_instance(finalized_id)
    qtbot.mouseClick(window.home.open_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.view is not None, timeout=30000)
    assert window.read_only and window.view.read_only

    window.view.edit_requested.emit(window.interview)
    qtbot.waitUntil(lambda: window.view is not None and not window.read_only, timeout=30000)
    assert window.interview.deprecated_id == finalized_id
    assert window.interview.status == Status.DRAFT
    window.view.closed.emit()
    assert window.stack.currentWidget() is window.home


# --- the interview screen inside the window ------------------------------------------------


def open_new_interview(qtbot, window):
    qtbot.waitUntil(lambda: len(window.home.form_cards()) == 1, timeout=30000)
    qtbot.mouseClick(window.home.form_cards()[0].button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.view is not None, timeout=30000)
    window.tasks.drain()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=30000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=30000)
    return window.view


def test_text_size_shortcuts_reach_the_interview_screen(app_window, qtbot):
    window = app_window(welcomed=True, language="en", bundled_forms=[HABITANTS.name])
    wait_ready(qtbot, window)
    view = open_new_interview(qtbot, window)
    label = view.rows[0].label
    before = label.font().pointSizeF()
    # Large by default: the questions are bigger than the rest of the app.
    assert before > QApplication.font().pointSizeF()
    focus = QApplication.focusWidget()
    assert focus is not None and view.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key_Equal, Qt.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Equal, Qt.ControlModifier)
    grown = label.font().pointSizeF()
    assert grown > before
    assert view.rows[0].editor.first_focus().font().pointSizeF() > DEFAULT_TEXT_SIZE + 1
    # The next screen is built at the new size too.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_0, Qt.ControlModifier)
    assert view.rows[0].label.font().pointSizeF() == pytest.approx(before)


def test_closing_right_after_typing_keeps_the_answer(app_window, qtbot, isolated_home):
    window = app_window(welcomed=True, language="en", bundled_forms=[HABITANTS.name])
    wait_ready(qtbot, window)
    view = open_new_interview(qtbot, window)
    instance_id = window.interview.instance_id
    focus = QApplication.focusWidget()
    assert view.editor_of(focus) is not None
    qtbot.keyClicks(focus, "Camille")
    assert view.autosaver.is_scheduled()  # the throttled save has not run yet
    window.close()  # at once, well before the 500 ms throttle
    with Store.open(isolated_home) as store:
        stored = store.get_interview(instance_id)
    assert stored.answers["interviewer"] == "Camille"
    assert stored.position == "/data/visit"


def test_the_interview_screen_saves_through_the_workspace_and_home_refreshes_from_it(
    app_window, qtbot
):
    window = app_window(welcomed=True, language="en", bundled_forms=[HABITANTS.name])
    wait_ready(qtbot, window)
    said = []
    window.workspace_changed.connect(lambda changes, initiator: said.append((changes, initiator)))
    view = open_new_interview(qtbot, window)
    instance_id = window.interview.instance_id
    qtbot.keyClicks(QApplication.focusWidget(), "Camille")
    # The autosave's Changes go out on workspace_changed, said by the screen.
    qtbot.waitUntil(
        lambda: any(c.touches(instance_id) and i is view for c, i in said), timeout=30000
    )
    window.go_home()
    window.tasks.drain()
    drafts = window.home.groups["drafts"]
    assert [s.instance_id for s in drafts] == [instance_id]
    assert drafts[0].answered > 0


def test_the_form_loader_is_preloaded_once_the_window_shows(app_window, qtbot):
    window = app_window(welcomed=True, language="en", bundled_forms=[])
    assert window._preload_started
    qtbot.waitUntil(lambda: "pyxform.xls2xform" in sys.modules, timeout=30000)


def test_garbage_is_collected_on_the_gui_thread_only(qapp):
    import gc

    from surveyor.ui import garbage

    collector = garbage.install(qapp)
    assert not gc.isenabled()  # never in a worker thread
    assert collector.timer.isActive()
    gc.collect()
    kept = [[] for _ in range(collector.thresholds[0] + 10)]  # raise the generation-0 count
    cycle = []
    cycle.append(cycle)
    del cycle
    before = gc.get_count()[0]
    assert before > collector.thresholds[0]
    collector.check()
    assert gc.get_count()[0] < before
    assert len(kept) > 0


def test_home_shows_how_far_each_interview_is(app_window, qtbot, isolated_home):
    from surveyor.forms import load_form
    from surveyor.services.interviews import FormLibrary
    from surveyor.services.interviews import fill_interview

    with Store.open(isolated_home) as store:
        library = FormLibrary(store)
        form = load_form(Path(bundled_forms_dir()) / "enquete_habitants.xlsx")
        fill_interview(library, form, {"sector": "north", "consent": "yes"}, interviewer="Léa")
    window = app_window(welcomed=True, language="en", bundled_forms=[])
    wait_ready(qtbot, window)
    model = window.home.model
    assert model.rowCount() == 1
    assert model.headerData(4, Qt.Horizontal) == "Progress"
    answered, total = (int(part) for part in model.data(model.index(0, 4)).split(" / "))
    assert answered == 3 and total > 10  # sector, consent and the interviewer (pre-filled)


def test_a_damaged_database_is_explained_and_repaired_from_the_app(
    app_window, qtbot, isolated_home
):
    import random
    import sqlite3

    with Store.open(isolated_home) as store:
        store.save_form(
            form_id="porte",
            version="1",
            title="Porte à porte",
            content_hash="md5:test",
            source_name="porte.xlsx",
            source_bytes=b"x",
            xform="<h:html/>",
        )
        ids = set()
        for n in range(120):
            interview = Interview.new(form_id="porte", form_version="1", form_hash="md5:test")
            interview.instance_name = f"{n} rue des Lilas"
            interview.answers = {"note": "x" * 600}
            ids.add(store.create_interview(interview).instance_id)
    with Store.open(isolated_home):  # the rolling backup
        pass
    db = isolated_home / "surveyor.db"
    offset = (db.stat().st_size // 2) // 4096 * 4096
    with open(db, "r+b") as f:
        f.seek(offset)
        f.write(random.Random(7).randbytes(4096))
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    except sqlite3.DatabaseError:
        pass  # damaged, too
    conn.close()

    window = app_window(welcomed=True, language="en", bundled_forms=[])
    qtbot.waitUntil(lambda: window._repair_box is not None, timeout=30000)
    box = window._repair_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "damaged" in box.text() and "kept aside" in box.informativeText()
    assert window.workspace is None  # nothing is written into a damaged file
    qtbot.mouseClick(box.repair_button, Qt.LeftButton)
    wait_ready(qtbot, window, forms=False)
    assert {s.instance_id for s in window.home.model.rows} == ids
    assert list(isolated_home.glob("surveyor.db.damaged-*"))
