"""The interviewer's side of batches through the main window: "Hand in (USB key or file)…"
writes a batch and moves the interviews to "Sent or handed in"; the shared folder's status
line for a reachable and an unreachable folder (never a dialog)."""

from __future__ import annotations

from pathlib import Path

import pytest

from surveyor.batches import BatchReader
from surveyor.ui.qt import QApplication
from surveyor.ui.qt import QFileDialog
from tests.ui.test_coordinator import Laptop


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("form-cache")


def finished_interviews(home, cache_dir, count: int) -> list[str]:
    """``count`` finished interviews in the app's own data dir (before the window opens)."""
    laptop = Laptop(home, "Camille", cache_dir)
    try:
        return [laptop.fill(n).instance_id for n in range(count)]
    finally:
        laptop.close()


def started(app_window, qtbot, **values):
    values.setdefault("welcomed", True)
    values.setdefault("interviewer", "Camille")
    values.setdefault("laptop_label", "Portable 2")
    window = app_window(**values)
    qtbot.waitUntil(lambda: window.workspace is not None and window.home.loaded, timeout=30000)
    window.tasks.drain()
    return window


def test_hand_in_writes_a_batch_and_moves_the_interviews(
    app_window, qtbot, isolated_home, cache_dir, tmp_path, monkeypatch
):
    ids = finished_interviews(isolated_home, cache_dir, 2)
    window = started(app_window, qtbot)
    home = window.home
    assert home.counts()["waiting"] == 2
    target = tmp_path / "usb" / "remise.zip"
    target.parent.mkdir()
    asked = []

    def save_name(parent, title, start, pattern):
        asked.append(start)
        return str(target), pattern

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    assert home.hand_in_button.isVisible()
    home.hand_in_button.click()
    qtbot.waitUntil(lambda: window.hand_in.box is not None, timeout=30000)
    window.tasks.drain()
    assert asked and asked[0].endswith(".zip") and "Portable-2" in asked[0]
    box = window.hand_in.box
    assert box.text() == f"2 interview(s) handed in to {target}"
    assert home.message.text() == box.text()
    with BatchReader(target) as reader:
        assert reader.interview_count == 2
        assert reader.info.interviewer == "Camille"
    qtbot.waitUntil(
        lambda: home.counts()["done"] == 2 and home.counts()["waiting"] == 0,
        timeout=30000,
    )
    assert {s.instance_id for s in home.groups["done"]} == set(ids)
    box.accept()


def test_nothing_to_hand_in_says_so_without_a_file_dialog(app_window, qtbot, monkeypatch):
    window = started(app_window, qtbot)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: pytest.fail("no dialog expected")
    )
    window.home.hand_in_button.click()
    qtbot.waitUntil(lambda: "Nothing to hand in" in window.home.message.text(), timeout=30000)


def test_shared_folder_reachable_hands_in_by_itself(
    app_window, qtbot, isolated_home, cache_dir, tmp_path
):
    finished_interviews(isolated_home, cache_dir, 3)
    shared = tmp_path / "shared"
    shared.mkdir()
    window = started(app_window, qtbot, shared_folder=str(shared))
    status = window.home.shared_status
    qtbot.waitUntil(lambda: "handed in at" in status.text(), timeout=30000)
    assert status.isVisible()
    assert status.text().startswith("Shared folder: handed in at ")
    files = list(shared.glob("lot-*.zip"))
    assert len(files) == 1
    qtbot.waitUntil(lambda: window.home.counts()["done"] == 3, timeout=30000)
    # the next tick finds nothing new and keeps saying when it was handed in
    window.hand_in.sync_now()
    window.tasks.drain()
    assert "handed in at" in status.text()
    assert len(list(shared.glob("lot-*.zip"))) == 1


def test_shared_folder_unreachable_is_a_line_not_a_dialog(
    app_window, qtbot, isolated_home, cache_dir, tmp_path
):
    finished_interviews(isolated_home, cache_dir, 1)
    missing = tmp_path / "network" / "not-mounted"
    window = started(app_window, qtbot, shared_folder=str(missing), language="fr")
    status = window.home.shared_status
    qtbot.waitUntil(lambda: bool(status.text()), timeout=30000)
    assert status.text() == "Dossier partagé : inaccessible pour le moment (nous réessaierons)"
    assert QApplication.activeModalWidget() is None
    assert window.home.counts()["waiting"] == 1
    # it comes back: the next try hands in
    missing.mkdir(parents=True)
    window.hand_in.sync_now()
    qtbot.waitUntil(lambda: "remis à" in status.text(), timeout=30000)
    assert len(list(missing.glob("*.zip"))) == 1


def test_no_shared_folder_no_status_line(app_window, qtbot):
    window = started(app_window, qtbot)
    assert not window.home.shared_status.isVisible()
    assert not window.hand_in.timer.isActive()


def test_hand_in_offers_the_usb_key_first_names_the_file_and_remembers_the_folder(
    app_window, qtbot, isolated_home, cache_dir, tmp_path, monkeypatch
):
    finished_interviews(isolated_home, cache_dir, 1)
    window = started(app_window, qtbot, interviewer="Amélie")
    key = tmp_path / "media" / "amelie" / "CLE USB"
    key.mkdir(parents=True)
    window.hand_in.removable_drives = lambda: [key]
    asked = []

    def save_name(parent, title, start, pattern):
        asked.append((title, start))
        return start, pattern

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.home.hand_in_button.click()
    qtbot.waitUntil(lambda: window.hand_in.box is not None, timeout=30000)
    window.tasks.drain()
    title, start = asked[0]
    assert "CLE USB" in title
    written = sorted(key.glob("*.zip"))
    assert [p.name for p in written] == [Path(start).name]
    assert Path(start).parent == key
    assert Path(start).name.startswith("lot-Amélie-Portable-2-20")
    window.hand_in.box.accept()
    # No key any more: the folder of the last hand-in is offered.
    window.hand_in.removable_drives = lambda: []
    assert window.hand_in.suggested_folder() == (key, False)
    assert window.settings.last_hand_in_folder == str(key)


def test_opening_a_form_file_starts_in_the_last_folder(app_window, qtbot, tmp_path, monkeypatch):
    window = started(app_window, qtbot)
    folder = tmp_path / "formulaires"
    folder.mkdir()
    asked = []

    def open_name(parent, title, start, pattern):
        asked.append(start)
        return (str(folder / "absent.xlsx") if len(asked) == 1 else ""), pattern

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_name)
    window.choose_form_file()
    window.tasks.drain()
    window.choose_form_file()
    assert asked[1] == str(folder)
