"""The store encrypted at rest in the app: the passphrase asked at start-up (a wrong one
says so and asks again, Quit closes), and "Protect the data of this computer…"."""

from __future__ import annotations

import shutil

import pytest

from surveyor.encryption.keys import add_public_key_to_xlsform
from surveyor.encryption.keys import new_private_key
from surveyor.encryption.keys import public_text_of
from surveyor.paths import bundled_forms_dir
from surveyor.store import Store
from surveyor.store import protection
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import Qt
from surveyor.workspace import Workspace

from .test_app import seed_interviews
from .test_app import wait_ready

PASSPHRASE = "correct horse battery"


@pytest.fixture(autouse=True)
def locked_after(isolated_home, monkeypatch):
    monkeypatch.delenv(protection.ENV_PASSPHRASE, raising=False)
    yield
    protection.forget(isolated_home)


def protected_home(home):
    seed_interviews(home, {"draft": ["12 rue des Lilas"], "finalized": ["3 place du Marché"]})
    protection.protect(home, passphrase=PASSPHRASE)
    protection.forget(home)


def test_the_app_asks_the_passphrase_says_when_it_is_wrong_and_opens(
    app_window, qtbot, isolated_home
):
    protected_home(isolated_home)
    window = app_window(welcomed=True, language="en", bundled_forms=[])
    qtbot.waitUntil(lambda: window.passphrase_dialog is not None, timeout=30000)
    dialog = window.passphrase_dialog
    assert dialog.isVisible() and window.workspace is None
    assert dialog.message.text() == ""
    dialog.passphrase.setText("not the passphrase")
    qtbot.mouseClick(dialog.open_button, Qt.LeftButton)

    qtbot.waitUntil(
        lambda: window.passphrase_dialog not in (None, dialog), timeout=30000
    )  # asked again
    again = window.passphrase_dialog
    assert "Wrong passphrase" in again.message.text()
    assert window.workspace is None
    again.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(again.open_button, Qt.LeftButton)
    wait_ready(qtbot, window, forms=False)
    assert "12 rue des Lilas" in {row.instance_name for row in window.home.model.rows}


def test_quit_in_the_passphrase_dialog_closes_the_app(app_window, qtbot, isolated_home):
    protected_home(isolated_home)
    window = app_window(welcomed=True, language="fr", bundled_forms=[])
    qtbot.waitUntil(lambda: window.passphrase_dialog is not None, timeout=30000)
    dialog = window.passphrase_dialog
    assert dialog.quit_button.text() == "Quitter"  # translated
    assert (
        "phrase secrète"
        in dialog.windowTitle() + dialog.findChildren(type(dialog.message))[0].text()
    )
    qtbot.mouseClick(dialog.quit_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    assert window.workspace is None


def test_protecting_from_the_app_encrypts_the_store_and_keeps_working(
    app_window, qtbot, isolated_home
):
    seed_interviews(isolated_home, {"draft": ["12 rue des Lilas"]})
    window = app_window(welcomed=True, language="en", bundled_forms=[])
    wait_ready(qtbot, window, forms=False)
    window.protect_action.trigger()
    dialog = window.protect_dialog
    assert dialog is not None and dialog.isVisible()
    assert (
        "nobody can open this data again"
        in dialog.findChild(type(dialog.message), "lossWarning").text()
    )
    dialog.passphrase_choice.setChecked(True)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirm.setText("something else")
    qtbot.mouseClick(dialog.protect_button, Qt.LeftButton)
    assert "differ" in dialog.message.text() and dialog.isVisible()
    dialog.confirm.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.protect_button, Qt.LeftButton)
    qtbot.waitUntil(
        lambda: "now encrypted" in window.home.message.text() and window.workspace is not None,
        timeout=30000,
    )
    window.tasks.drain()
    assert protection.is_protected(isolated_home)
    assert not (isolated_home / "surveyor.db").read_bytes().startswith(b"SQLite format 3")
    assert {row.instance_name for row in window.home.model.rows} == {"12 rue des Lilas"}
    protection.forget(isolated_home)
    with Store.open(isolated_home, passphrase=PASSPHRASE) as store:
        assert len(store.list_interviews()) == 1


def encrypted_form(tmp_path):
    path = tmp_path / "chiffree.xlsx"
    shutil.copy(bundled_forms_dir() / "enquete_habitants.xlsx", path)
    add_public_key_to_xlsform(path, public_text_of(new_private_key()))
    return path


def test_an_encrypted_form_on_an_unprotected_laptop_proposes_the_protection(
    app_window, qtbot, tmp_path
):
    form = encrypted_form(tmp_path)
    window = app_window(welcomed=True, language="en", bundled_forms=[], form_files=[str(form)])
    qtbot.waitUntil(lambda: window.protection_box is not None, timeout=30000)
    box = window.protection_box
    assert "encrypted" in box.text() and "drafts" in box.informativeText()
    qtbot.mouseClick(box.protect_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.protect_dialog is not None, timeout=30000)
    window.protect_dialog.reject()
    assert not window.settings.protection_declined


def test_not_now_is_remembered(app_window, qtbot, tmp_path):
    form = encrypted_form(tmp_path)
    window = app_window(welcomed=True, language="en", bundled_forms=[], form_files=[str(form)])
    qtbot.waitUntil(lambda: window.protection_box is not None, timeout=30000)
    window.protection_box.reject()
    qtbot.waitUntil(lambda: window.settings.protection_declined, timeout=30000)
    wait_ready(qtbot, window)
    window.reload_forms()
    qtbot.waitUntil(lambda: window.forms_loaded, timeout=30000)
    assert window.protection_box is None


def test_a_protected_laptop_is_not_asked(app_window, qtbot, tmp_path, isolated_home):
    protection.protect(isolated_home, passphrase=PASSPHRASE)  # the store still to be made
    form = encrypted_form(tmp_path)
    window = app_window(welcomed=True, language="en", bundled_forms=[], form_files=[str(form)])
    wait_ready(qtbot, window)
    assert window.workspace.protected
    assert window.protection_box is None


def test_a_campaign_package_asking_for_protection_proposes_it(app_window, qtbot, tmp_path):
    with Workspace.open(tmp_path / "office") as office:
        package = office.export_campaign(tmp_path / "r1.zip", protect_store=True).value.path
    window = app_window(welcomed=True, language="en", bundled_forms=[])
    wait_ready(qtbot, window, forms=False)
    window.settings.protection_declined = True  # a "Not now" to an encrypted form earlier
    DbOp(window, lambda ws: ws.import_campaign(package)).run()
    qtbot.waitUntil(lambda: window.protection_box is not None, timeout=30000)
    assert "coordinator asks" in window.protection_box.text()
    window.protection_box.reject()
