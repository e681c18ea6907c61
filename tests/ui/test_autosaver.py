"""The interview screen's save state machine, on a real database thread (TaskManager).

``write`` records each snapshot it is given; a gate holds a save on the database thread so
the states while saving can be observed. No test depends on how long anything takes.
"""

from __future__ import annotations

import itertools
import threading

import pytest

from surveyor.ui.interview.autosaver import Autosaver
from surveyor.ui.interview.autosaver import SaveState
from surveyor.ui.qt import QObject
from surveyor.ui.tasks import TaskManager

LONG_MS = 600_000  # a timer that never fires during a test


class Disk:
    """The database side: records what is written, can hold a write or fail it."""

    def __init__(self):
        self.written: list[int] = []
        self.gate = threading.Event()
        self.gate.set()
        self.failures = 0

    def write(self, snapshot: int) -> None:
        self.gate.wait(30)
        if self.failures:
            self.failures -= 1
            raise OSError("disk unplugged")
        self.written.append(snapshot)


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.drain()
    manager.shutdown()


@pytest.fixture
def disk():
    disk = Disk()
    yield disk
    disk.gate.set()


@pytest.fixture
def make_saver(qtbot, tasks, disk):
    owner = QObject()
    savers = []

    def make(**options):
        counter = itertools.count(1)  # each snapshot is the next number
        options.setdefault("throttle_ms", LONG_MS)
        options.setdefault("retry_ms", LONG_MS)
        saver = Autosaver(
            owner, tasks=tasks, snapshot=lambda: next(counter), write=disk.write, **options
        )
        saver.events = []
        saver.saving.connect(lambda: saver.events.append("saving"))
        saver.saved.connect(lambda: saver.events.append("saved"))
        saver.failed.connect(lambda error: saver.events.append(f"failed: {error}"))
        savers.append(saver)
        return saver

    yield make
    disk.gate.set()
    tasks.drain()


def settle(qtbot, tasks):
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=30000)


def test_a_change_waits_for_the_throttle_then_is_saved(qtbot, tasks, disk, make_saver):
    saver = make_saver(throttle_ms=20)
    assert saver.state is SaveState.IDLE
    saver.changed()
    assert saver.state is SaveState.SCHEDULED and saver.is_scheduled()
    saver.changed()  # more typing: still one save
    qtbot.waitUntil(lambda: saver.state is SaveState.IDLE and bool(disk.written), timeout=30000)
    assert disk.written == [1]
    assert saver.events == ["saving", "saved"]


def test_save_now_does_not_wait_for_the_throttle(qtbot, tasks, disk, make_saver):
    saver = make_saver()
    saver.changed()
    assert saver.state is SaveState.SCHEDULED
    saver.save_now()
    assert saver.state is SaveState.SAVING and not saver.is_scheduled()
    settle(qtbot, tasks)
    assert saver.state is SaveState.IDLE
    assert disk.written == [1]


def test_requests_during_a_save_make_one_more_save_after_it(qtbot, tasks, disk, make_saver):
    saver = make_saver()
    disk.gate.clear()
    saver.save_now()
    assert saver.state is SaveState.SAVING
    saver.save_now()
    saver.save_now()
    assert saver.state is SaveState.SAVING_PENDING
    disk.gate.set()
    settle(qtbot, tasks)
    assert saver.state is SaveState.IDLE
    # the follow-up takes the answers as they are when it starts: one save, not two
    assert disk.written == [1, 2]


def test_a_change_during_a_save_arms_the_throttle(qtbot, tasks, disk, make_saver):
    saver = make_saver()
    disk.gate.clear()
    saver.save_now()
    saver.changed()
    assert saver.state is SaveState.SAVING and saver.is_scheduled()
    disk.gate.set()
    settle(qtbot, tasks)
    assert saver.state is SaveState.SCHEDULED  # the throttle still runs for the new change
    saver.save_now()
    settle(qtbot, tasks)
    assert saver.state is SaveState.IDLE
    assert disk.written == [1, 2]


def test_then_runs_once_everything_asked_for_is_written(qtbot, tasks, disk, make_saver):
    saver = make_saver()
    calls = []
    disk.gate.clear()
    saver.save_now()
    saver.save_now(then=lambda: calls.append(list(disk.written)))
    disk.gate.set()
    settle(qtbot, tasks)
    assert calls == [[1, 2]]  # after the follow-up save, not after the first one


def test_a_failed_save_is_retried_and_what_followed_it_is_dropped(qtbot, tasks, disk, make_saver):
    saver = make_saver(retry_ms=20)
    disk.failures = 1
    calls = []
    saver.save_now(then=lambda: calls.append("closed"))
    qtbot.waitUntil(lambda: "failed: disk unplugged" in saver.events, timeout=30000)
    qtbot.waitUntil(lambda: disk.written == [2], timeout=30000)  # the retry's snapshot
    settle(qtbot, tasks)
    assert saver.state is SaveState.IDLE
    assert calls == []
    assert saver.events == ["saving", "failed: disk unplugged", "saving", "saved"]


def test_a_change_shortens_the_wait_for_a_retry(qtbot, tasks, disk, make_saver):
    saver = make_saver(throttle_ms=20)  # the retry waits LONG_MS
    disk.failures = 1
    saver.save_now()
    qtbot.waitUntil(lambda: saver.state is SaveState.SCHEDULED, timeout=30000)
    saver.changed()
    qtbot.waitUntil(lambda: disk.written == [2], timeout=30000)
    settle(qtbot, tasks)
    assert saver.state is SaveState.IDLE


def test_paused_saves_nothing_until_resumed(qtbot, tasks, disk, make_saver):
    saver = make_saver()
    saver.changed()
    saver.pause()
    assert saver.state is SaveState.PAUSED and not saver.is_scheduled()
    saver.changed()
    saver.save_now()
    saver.flush()
    settle(qtbot, tasks)
    assert disk.written == []
    saver.resume()
    assert saver.state is SaveState.IDLE
    saver.save_now()
    settle(qtbot, tasks)
    assert disk.written == [1]


def test_a_save_in_flight_when_paused_completes_and_stays_paused(qtbot, tasks, disk, make_saver):
    saver = make_saver()
    disk.gate.clear()
    saver.save_now()
    saver.save_now()  # pending, dropped by the pause: finalizing writes the answers itself
    saver.pause()
    disk.gate.set()
    settle(qtbot, tasks)
    assert saver.state is SaveState.PAUSED
    assert disk.written == [1]


def test_flush_writes_at_once_and_final_stops_every_later_save(qtbot, tasks, disk, make_saver):
    saver = make_saver()
    saver.changed()
    saver.flush(final=True)
    assert disk.written == [1]  # written when flush returns
    assert saver.state is SaveState.STOPPED and not saver.is_scheduled()
    saver.changed()
    saver.save_now()
    saver.resume()
    settle(qtbot, tasks)
    assert saver.state is SaveState.STOPPED
    assert disk.written == [1]


def test_flush_during_a_save_replaces_the_pending_one(qtbot, tasks, disk, make_saver):
    saver = make_saver()
    disk.gate.clear()
    saver.save_now()
    saver.save_now()
    assert saver.state is SaveState.SAVING_PENDING
    disk.gate.set()
    saver.flush()
    settle(qtbot, tasks)
    assert disk.written == [1, 2]  # the flush's save is the last: no third one
    assert saver.state is SaveState.IDLE


def test_a_read_only_interview_is_never_saved(qtbot, tasks, disk, make_saver):
    saver = make_saver(stopped=True)
    assert saver.state is SaveState.STOPPED and not saver.active
    saver.changed()
    saver.save_now()
    saver.flush()
    settle(qtbot, tasks)
    assert disk.written == []
    assert saver.events == []
