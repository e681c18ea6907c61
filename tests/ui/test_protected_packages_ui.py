"""Issue 14 in the app: the hand-in offers "Protect for the coordinator" (ticked) once the
campaign package brought the coordinator's key; a protected package asks for its password
(a wrong one: said, asked again, nothing changed); the coordinator's package dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from surveyor.encryption.envelope import is_protected
from surveyor.encryption.keys import public_text_of
from surveyor.ui.coordinator.doorlist import PackageDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QMessageBox
from surveyor.workspace import Workspace
from tests.ui.test_doors import DOORS_CSV
from tests.ui.test_doors import on_db
from tests.ui.test_doors import open_doors
from tests.ui.test_handin import finished_interviews
from tests.ui.test_handin import started

PASSPHRASE = "lilas et tilleuls"


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("form-cache")


@pytest.fixture(scope="module")
def coordinator_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_package(tmp_path: Path, **options) -> Path:
    """A coordinator's data dir with a door list, and its campaign package."""
    source = tmp_path / "portes.csv"
    source.write_text(DOORS_CSV, encoding="utf-8")
    (tmp_path / "out").mkdir(exist_ok=True)
    with Workspace.open(tmp_path / "coordinator") as ws:
        ws.import_doors(source)
        return ws.export_campaign(tmp_path / "out", **options).value.path


def accept_button(box: QMessageBox):
    return next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.AcceptRole)


@pytest.mark.parametrize("protect", [True, False])
def test_the_hand_in_offers_protection_ticked(
    app_window, qtbot, isolated_home, cache_dir, coordinator_key, tmp_path, monkeypatch, protect
):
    finished_interviews(isolated_home, cache_dir, 1)
    package = make_package(tmp_path, public_key=public_text_of(coordinator_key))
    with Workspace.open(isolated_home) as ws:
        ws.import_campaign(package)
    window = started(app_window, qtbot)
    target = tmp_path / "usb" / "remise.zip"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), a[-1]))
    window.home.hand_in_button.click()
    qtbot.waitUntil(lambda: window.hand_in.protect_box is not None, timeout=30000)
    box = window.hand_in.protect_box
    check = box.checkBox()
    assert check.objectName() == "protectHandIn" and check.isChecked()
    assert "lost USB key" in box.informativeText()
    check.setChecked(protect)
    accept_button(box).click()
    qtbot.waitUntil(lambda: window.hand_in.box is not None, timeout=30000)
    window.tasks.drain()
    assert is_protected(target.read_bytes()) is protect
    window.hand_in.box.accept()


def test_no_protection_box_without_the_coordinators_key(
    app_window, qtbot, isolated_home, cache_dir, tmp_path, monkeypatch
):
    finished_interviews(isolated_home, cache_dir, 1)
    window = started(app_window, qtbot)
    target = tmp_path / "remise.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), a[-1]))
    window.home.hand_in_button.click()
    qtbot.waitUntil(lambda: window.hand_in.box is not None, timeout=30000)
    assert window.hand_in.protect_box is None
    assert not is_protected(target.read_bytes())
    window.hand_in.box.accept()


def test_a_protected_package_asks_for_its_password(
    app_window, qtbot, isolated_home, tmp_path, monkeypatch
):
    package = make_package(tmp_path, passphrase=PASSPHRASE)
    window, page = open_doors(app_window, qtbot)
    assert page.model.rows == []
    page.import_package(str(package))
    qtbot.waitUntil(lambda: page.passphrase_dialog is not None, timeout=30000)
    dialog = page.passphrase_dialog
    assert dialog.objectName() == "packagePassphrase" and "password" in dialog.labelText()
    dialog.setTextValue("pas le bon mot")
    dialog.accept()
    qtbot.waitUntil(lambda: page.passphrase_dialog is not dialog, timeout=30000)
    window.tasks.drain()
    again = page.passphrase_dialog
    assert "does not open" in again.labelText()
    assert page.model.rows == [] and on_db(window, lambda ws: ws.count_doors()) == 0
    again.setTextValue(PASSPHRASE)
    again.accept()
    qtbot.waitUntil(lambda: len(page.model.rows) == 5, timeout=30000)
    window.tasks.drain()


def test_the_coordinators_package_dialog(qtbot):
    dialog = PackageDialog(doors=3, passphrase="", with_key=False)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert dialog.protect.isChecked()  # doors with addresses: protected by default
    assert not ok.isEnabled()  # no password yet
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE + "x")
    assert not ok.isEnabled() and "differ" in dialog.problem.text()
    dialog.again.setText(PASSPHRASE)
    assert ok.isEnabled() and dialog.chosen_passphrase() == PASSPHRASE
    dialog.protect.setChecked(False)
    assert ok.isEnabled() and dialog.chosen_passphrase() is None
    empty = PackageDialog(doors=0, passphrase="", with_key=True)
    qtbot.addWidget(empty)
    assert not empty.protect.isChecked()
