"""The coordinator's encryption dialog (qtbot, a real store on the database thread): make a
key pair and save the private key with a passphrase, a recovery copy, the public key into a
form; then a batch of that form opened with the key. A wrong passphrase changes nothing."""

from __future__ import annotations

import shutil

import pytest

from surveyor.encryption.keys import load_private_key
from surveyor.ui.settings import AppSettings
from surveyor.workspace import Workspace
from tests.privacy.conftest import HABITANTS
from tests.privacy.conftest import SECRET
from tests.privacy.conftest import secret_answers

PASSPHRASE = "phrase de passe solide"


def make_page(qtbot, tasks, tmp_path):
    from surveyor.ui.coordinator import CoordinatorPage

    workspace = tasks.run_db(lambda: Workspace.open(tmp_path / "coordinator")).result()
    settings = AppSettings(path=tmp_path / "settings.json", coordinator=True)
    page = CoordinatorPage(tasks, settings, save_settings=settings.save)
    qtbot.addWidget(page)
    page.show()
    page.set_workspace(workspace)
    tasks.drain()
    return page, workspace


@pytest.mark.slow
def test_the_coordinator_sets_up_encryption_and_opens_a_batch(qtbot, tasks, tmp_path):
    from surveyor.ui.coordinator.encryption import EncryptionDialog

    page, workspace = make_page(qtbot, tasks, tmp_path)
    try:
        page.ask_encryption()
        qtbot.waitUntil(lambda: getattr(page, "encryption_dialog", None) is not None, timeout=30000)
        dialog: EncryptionDialog = page.encryption_dialog
        assert "No encrypted interview" in dialog.waiting_label.text()

        # passphrases that differ: nothing saved
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        qtbot.keyClicks(dialog.confirm, PASSPHRASE + "x")
        key_file = tmp_path / "cle.pem"
        assert not dialog.make_and_save(str(key_file))
        assert not key_file.exists() and "differ" in dialog.message.text()
        dialog.confirm.clear()
        qtbot.keyClicks(dialog.confirm, PASSPHRASE)
        assert dialog.make_and_save(str(key_file))
        public = dialog.public_text.toPlainText()
        assert load_private_key(key_file, PASSPHRASE)  # saved, protected by the passphrase
        assert dialog.form_button.isEnabled()

        recovery = dialog.save_recovery_copy(str(tmp_path / "secours.txt"))
        text = recovery.read_text("utf-8")
        assert public in text and "BEGIN ENCRYPTED PRIVATE KEY" in text

        form = tmp_path / "enquete.xlsx"
        shutil.copy(HABITANTS, form)
        assert dialog.add_to_form(str(form))

        # a laptop fills the form and hands in; the coordinator imports it (kept encrypted)
        usb = tmp_path / "usb"
        usb.mkdir()
        with Workspace.open(tmp_path / "laptop") as laptop:
            loaded = laptop.load_form(form).value
            assert loaded.public_key == public
            done = laptop.fill_interview(loaded, secret_answers(), finalize=True)
            assert done.value.ok
            batch = laptop.hand_in(usb).value.path
        tasks.run_db(lambda: workspace.merge_batches([batch])).result()
        assert tasks.run_db(workspace.encrypted_waiting).result() == 1

        # a wrong passphrase: a clear sentence, nothing opened
        qtbot.keyClicks(dialog.key_passphrase, "pas la bonne")
        dialog.open_received(str(key_file))
        assert "passphrase" in dialog.message.text().lower()
        assert tasks.run_db(workspace.encrypted_waiting).result() == 1

        qtbot.keyClicks(dialog.key_passphrase, PASSPHRASE)
        dialog.open_received(str(key_file))
        tasks.drain()
        qtbot.waitUntil(lambda: "opened" in dialog.message.text(), timeout=30000)
        assert tasks.run_db(workspace.encrypted_waiting).result() == 0
        iid = done.value.interview.instance_id
        got = tasks.run_db(lambda: workspace.get_interview(iid)).result()
        assert SECRET in got.answers["street"]

        # the key, once opened, stays with the page for this session: a protected batch
        # (a plain form's interviews, the whole batch encrypted) is imported with it
        assert page.private_key is not None
        usb2 = tmp_path / "usb2"
        usb2.mkdir()
        with Workspace.open(tmp_path / "laptop2") as laptop:
            plain = laptop.load_form(HABITANTS).value
            filled = laptop.fill_interview(plain, secret_answers(7), finalize=True).value
            protected = laptop.hand_in(usb2, protect_for=public).value.path
        before = page.imports.report
        page.imports.import_paths([str(protected)])
        qtbot.waitUntil(lambda: page.imports.report is not before, timeout=30000)
        tasks.drain()
        assert page.imports.report.ok and page.imports.report.new == 1
        iid = filled.interview.instance_id
        got = tasks.run_db(lambda: workspace.get_interview(iid)).result()
        assert SECRET in got.answers["street"]
    finally:
        tasks.drain()
        tasks.run_db(workspace.close)
        tasks.drain()
