"""The sender's throughput measures: groups of marks, requests in flight, a render process."""

from __future__ import annotations

import threading

import pytest

from surveyor.interviews.record import InvalidTransition
from surveyor.services.interviews import edit_interview
from surveyor.services.interviews import finalize_interview
from surveyor.store import protection
from surveyor.sync.render import SubmissionRenderer
from surveyor.sync.render import build_submission
from surveyor.sync.sender import send_pending
from surveyor.sync.transport import SendOutcome
from surveyor.sync.transport import SendResult
from tests.sync.conftest import Laptop
from tests.sync.test_sync import transport

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow


def test_rendering_twice_gives_the_same_bytes(laptop):
    ids = laptop.fill(3)
    first = [build_submission(laptop.store, laptop.library, i)[0].xml for i in ids]
    again = [build_submission(laptop.store, laptop.library, i)[0].xml for i in ids]
    assert first == again
    with SubmissionRenderer(laptop.store, laptop.library, ids, process=True) as renderer:
        assert renderer.in_process
        elsewhere = [renderer.get(i)[0].xml for i in ids]
    assert elsewhere == first  # the second process renders the very same bytes


def test_the_second_process_opens_a_store_encrypted_at_rest(tmp_path):
    data_dir = tmp_path / "protected"
    protection.protect(data_dir, passphrase="render passphrase")  # no passphrase in the env
    laptop = Laptop(data_dir)  # unlocked in this process by the protect
    try:
        ids = laptop.fill(2)
        here = [build_submission(laptop.store, laptop.library, i)[0].xml for i in ids]
        with SubmissionRenderer(laptop.store, laptop.library, ids, process=True) as renderer:
            assert renderer.in_process
            elsewhere = [renderer.get(i)[0].xml for i in ids]
            assert renderer.in_process  # not fallen back to rendering here
        assert elsewhere == here  # the key went to the second process with it
    finally:
        laptop.close()
        protection.forget(data_dir)


def test_mark_sent_many_is_all_or_nothing(laptop):
    ids = laptop.fill(3)
    laptop.store.mark_sent_many(ids[:2], to="http://x")
    assert laptop.statuses() == {"sent": 2, "finalized": 1}
    with pytest.raises(InvalidTransition):
        laptop.store.mark_sent_many([ids[2], ids[0]], to="http://x")  # ids[0] is sent
    assert laptop.statuses() == {"sent": 2, "finalized": 1}
    assert laptop.store.get_interview(ids[0]).handed_in == [
        {"to": "http://x", "at": laptop.store.get_interview(ids[0]).sent_at}
    ]


def test_a_crash_before_the_marks_only_resends_as_duplicates(campaign, laptop):
    ids = laptop.fill(6)

    def crash(done, total, item):
        if done == 4:
            raise KeyboardInterrupt("power cut")

    with transport(campaign) as tr:
        with pytest.raises(KeyboardInterrupt):
            send_pending(
                laptop.store, laptop.library, tr, progress=crash, mark_every=100, mark_within=60
            )
        # what was delivered before the "crash" is still marked on the way out...
        sent = laptop.statuses().get("sent", 0)
        assert sent >= 4
        # ...and a store that missed those marks (a real power cut) sends them again
        laptop.store.db.execute(
            "UPDATE interviews SET status = 'finalized', sent_at = NULL, handed_in = '[]'"
        )
        laptop.store.db.conn.commit()
        report = send_pending(laptop.store, laptop.library, tr)
    assert report.ok and report.sent == 6 and report.duplicates >= 4, str(report)
    assert laptop.statuses() == {"sent": 6}
    assert {r.instance_id for r in report.results} == set(ids)


def test_a_large_pass_renders_in_a_second_process(campaign, laptop):
    ids = laptop.fill(45)
    with transport(campaign) as tr:
        report = send_pending(laptop.store, laptop.library, tr, render_process=True, mark_every=7)
    assert report.ok and report.sent == 45, str(report)
    assert [r.instance_id for r in report.results] == ids  # results in order
    assert laptop.statuses() == {"sent": 45}


class Recorder:
    """A transport that records the order of sends and how many are in flight."""

    url = "http://recorder.example"

    def __init__(self, delay=0.02, *, hold_until_flying=0):
        self.lock = threading.Lock()
        self.flying = self.most = 0
        self.started: list[str] = []
        self.finished: list[str] = []
        self.delay = delay
        # With hold_until_flying=N, the sends after the first (the sender sends one alone
        # until the server accepted it) wait until N are in flight at once, so "N in flight"
        # is shown by behaviour, whatever the machine's speed (60 s safety net).
        self.reached = threading.Event()
        self.hold = hold_until_flying
        if not hold_until_flying:
            self.reached.set()

    def send(self, submission, *, cancel=None):
        with self.lock:
            self.flying += 1
            self.most = max(self.most, self.flying)
            self.started.append(submission.instance_id)
            if self.hold and self.flying >= self.hold:
                self.reached.set()
        if len(self.started) > 1:
            self.reached.wait(60)
        threading.Event().wait(self.delay)
        with self.lock:
            self.flying -= 1
            self.finished.append(submission.instance_id)
        return SendResult(SendOutcome.SENT, "received", 201)

    def close(self):
        pass


def test_an_edit_goes_after_the_version_it_replaces(tmp_path, laptop):
    ids = laptop.fill(4)
    original = laptop.store.get_interview(ids[-1])  # in flight with two others
    revision, session = edit_interview(laptop.library, original)
    finalize_interview(laptop.library, revision, session)
    recorder = Recorder(hold_until_flying=3)
    report = send_pending(laptop.store, laptop.library, recorder, in_flight=3)
    assert report.ok and report.sent == 5
    assert recorder.reached.is_set() and recorder.most == 3  # several in flight...
    # ...but the edit only starts once the version it names has its result
    assert recorder.finished.index(ids[-1]) < recorder.started.index(revision.instance_id)
