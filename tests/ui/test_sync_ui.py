"""Sending to a server from the app, against a real ``surveyor serve`` on 127.0.0.1 with an
interviewer and a coordinator account made by ``surveyor server add-user``.

The settings keep the address and the account (the password only in memory when there is no
keychain: keyring's fail backend here); "Send now" sends the finished interviews and they move
to "Sent or handed in"; a wrong password shows the banner at once and stops; a server that is
not there leaves a calm status line (never a dialog); the coordinator's download brings the
submissions in."""

from __future__ import annotations

import json

import pytest

from surveyor.ui.qt import QApplication
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QMessageBox
from surveyor.ui.qt import Qt
from tests.server.conftest import free_port
from tests.server.conftest import make_campaign
from tests.ui.test_coordinator import Laptop
from tests.ui.test_handin import finished_interviews
from tests.ui.test_handin import started

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    campaign = make_campaign(tmp_path_factory.mktemp("campaign"), auth_ttl=1.0)
    yield campaign
    campaign.server.stop()


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("form-cache")


@pytest.fixture(autouse=True)
def no_keychain():
    """keyring's fail backend, whatever the machine has: the no-keychain case."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def no_dialog_open() -> bool:
    return not [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, (QMessageBox, QDialog)) and w.isVisible()
    ]


def first_pass(window, qtbot):
    """The pass tried when the store opened (no password yet: it asks for one)."""
    qtbot.waitUntil(lambda: window.server_sync.last_answer is not None, timeout=30000)
    window.tasks.drain()


def test_settings_keep_the_address_and_the_password_in_memory_only(
    app_window, qtbot, campaign, isolated_home
):
    window = started(app_window, qtbot)
    user, password = campaign.interviewer
    dialog = window.open_settings()
    dialog.tabs.setCurrentWidget(dialog.server_page)
    assert dialog.keychain_hint.isVisibleTo(dialog)
    assert "keychain" in dialog.keychain_hint.text()
    dialog.server_edit.setText(campaign.server.base)
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(password)
    qtbot.mouseClick(dialog.test_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_kind != "", timeout=30000)
    assert dialog.test_kind == "ok", dialog.test_result.text()
    assert "OK" in dialog.test_result.text()
    dialog.password_edit.setText("not-the-password")
    dialog.test_kind = ""
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_kind != "", timeout=30000)
    assert dialog.test_kind == "auth"
    dialog.password_edit.setText(password)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.settings.server_url == campaign.server.base, timeout=30000)

    saved = json.loads((isolated_home / "settings.json").read_text("utf-8"))
    assert saved["server_url"] == campaign.server.base
    assert saved["server_user"] == user
    assert password not in json.dumps(saved)
    for path in isolated_home.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".lock", ".txt"):
            assert password not in path.read_text("utf-8", "replace"), path
    assert window.server_sync.remembered_password() == password
    # Saved: the automatic sending runs (nothing to send) without a banner.
    qtbot.waitUntil(
        lambda: window.server_sync.last_answer is not None and not window.server_sync.running,
        timeout=30000,
    )
    assert not window.home.sync_banner.isVisible()
    assert window.home.send_now_button.isVisible()


def test_send_now_sends_the_finished_interviews(
    app_window, qtbot, campaign, isolated_home, cache_dir
):
    ids = finished_interviews(isolated_home, cache_dir, 2)
    user, password = campaign.interviewer
    window = started(app_window, qtbot, server_url=campaign.server.base, server_user=user)
    first_pass(window, qtbot)
    sync = window.server_sync
    assert sync.last_answer.kind == "no_password"  # no keychain, nothing typed yet
    assert window.home.sync_banner.isVisible()
    assert "2 interviews to send" in window.home.server_status.text()

    sync.passwords[sync._key()] = password  # as typed in the settings this session
    sync.last_answer = None
    qtbot.mouseClick(window.home.send_now_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: sync.last_answer is not None, timeout=30000)
    report = sync.last_answer.report
    assert report is not None and report.sent == 2, report
    qtbot.waitUntil(lambda: window.home.counts()["done"] == 2, timeout=30000)
    assert window.home.counts()["waiting"] == 0
    for iid in ids:
        assert campaign.stored(iid) is not None
    status = window.home.server_status.text()
    assert "Nothing left to send" in status and "Last successful sending: today" in status
    assert "2 interviews sent." in window.home.message.text()
    assert no_dialog_open()


def test_a_wrong_password_shows_the_banner_at_once_and_stops(
    app_window, qtbot, campaign, isolated_home, cache_dir
):
    finished_interviews(isolated_home, cache_dir, 1)
    user, _password = campaign.interviewer
    window = started(app_window, qtbot, server_url=campaign.server.base, server_user=user)
    first_pass(window, qtbot)
    sync = window.server_sync
    sync.last_answer = None
    sync.settings_changed("wrong-password")  # the settings were saved with a wrong one
    qtbot.waitUntil(lambda: sync.last_answer is not None, timeout=30000)
    assert sync.last_answer.auth_error
    assert sync.paused == "auth"
    assert not sync.timer.isActive()  # no retry loop
    assert window.home.sync_banner.isVisible()
    assert f"refuses the password of {user}" in window.home.sync_banner_label.text()
    assert window.home.sync_banner_button.isVisible()
    assert window.home.counts()["waiting"] == 1
    assert no_dialog_open()
    # The banner's button opens the settings.
    window.home.sync_banner_button.click()
    qtbot.waitUntil(lambda: window.settings_dialog.isVisible(), timeout=30000)
    window.settings_dialog.reject()


@pytest.mark.slow
def test_an_unreachable_server_leaves_a_calm_status_line(
    app_window, qtbot, campaign, isolated_home, cache_dir
):
    finished_interviews(isolated_home, cache_dir, 2)
    nobody = f"http://127.0.0.1:{free_port()}"
    window = started(app_window, qtbot, server_url=nobody, server_user="ines")
    first_pass(window, qtbot)
    sync = window.server_sync
    sync.passwords[sync._key()] = "whatever"
    sync.last_answer = None
    window.home.send_now_button.click()
    qtbot.waitUntil(lambda: sync.last_answer is not None, timeout=60000)
    assert sync.last_answer.report.sent == 0
    qtbot.waitUntil(lambda: window.home.counts()["waiting"] == 2, timeout=30000)
    assert window.home.counts()["done"] == 0
    status = window.home.server_status.text()
    assert "2 interviews to send" in status
    assert "cannot be reached for now" in status
    assert not window.home.sync_banner.isVisible()
    assert sync.timer.isActive()  # tried again later, with the backoff
    assert no_dialog_open()


def test_the_coordinator_downloads_from_the_server(
    app_window, qtbot, campaign, isolated_home, cache_dir, tmp_path
):
    from surveyor.sync.sender import send_pending
    from surveyor.sync.transport import OpenRosaTransport

    laptop = Laptop(tmp_path / "ines-laptop", "Ines", cache_dir)
    try:
        ids = [laptop.fill(n).instance_id for n in range(3)]
        with OpenRosaTransport(campaign.server.base, *campaign.interviewer) as transport:
            assert send_pending(laptop.store, laptop.library, transport).sent == 3
    finally:
        laptop.close()
    user, password = campaign.coordinator
    window = started(
        app_window, qtbot, coordinator=True, server_url=campaign.server.base, server_user=user
    )
    first_pass(window, qtbot)
    window.server_sync.passwords[window.server_sync._key()] = password
    window.show_coordination()
    panel = window.coordination.imports
    qtbot.mouseClick(panel.server_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: getattr(panel, "download_report", None) is not None, timeout=60000)
    report = panel.download_report
    assert report.received >= 3 and report.new >= 3
    assert "From the server" in panel.summary.text()
    assert panel.people.isVisibleTo(panel) and panel.people.rowCount() >= 1
    got = window.tasks.run_db(lambda: [window.workspace.get_interview(i) for i in ids]).result()
    assert all(i.status.value == "sent" for i in got)
    assert no_dialog_open()


def test_an_interview_refused_with_409_shows_as_needing_a_decision(
    app_window, qtbot, campaign, isolated_home, cache_dir
):
    """A 409 (another interview with the same instanceID, or an out-of-date edit) is a
    decision for a person: the status line says so and it is no longer "to send"."""
    [instance_id] = finished_interviews(isolated_home, cache_dir, 1)
    other_xml, _ = campaign.new_submission()
    conflicting = other_xml.replace(other_xml.split("<instanceID>")[1].split("<")[0], instance_id)
    assert campaign.server.submit(conflicting, auth=campaign.interviewer).status == 201
    user, password = campaign.interviewer
    window = started(app_window, qtbot, server_url=campaign.server.base, server_user=user)
    first_pass(window, qtbot)
    sync = window.server_sync
    sync.passwords[sync._key()] = password
    sync.last_answer = None
    qtbot.mouseClick(window.home.send_now_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: sync.last_answer is not None, timeout=30000)
    assert sync.last_answer.report.needs_decision == 1
    qtbot.waitUntil(lambda: "needs a decision" in window.home.server_status.text(), timeout=30000)
    status = window.home.server_status.text()
    assert "Nothing left to send" in status, status
    assert "needs a decision" in window.home.message.text()
    assert no_dialog_open()
