"""Sending to a real server process through the real client, with and without faults."""

from __future__ import annotations

import threading

import httpx
import pytest

from surveyor.interviews.record import Status
from surveyor.sync.sender import Backoff
from surveyor.sync.sender import send_pending
from surveyor.sync.sender import send_until_done
from surveyor.sync.state import SyncAlreadyRunning
from surveyor.sync.state import SyncLock
from surveyor.sync.state import read_status
from surveyor.sync.transport import OPENROSA_HEADERS
from surveyor.sync.transport import OpenRosaTransport
from surveyor.sync.transport import SendOutcome
from surveyor.sync.transport import SendResult
from tests.sync.conftest import all_submissions
from tests.sync.conftest import make_campaign
from tests.sync.conftest import server_count
from tests.sync.faultproxy import FaultProxy

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow

FAST = Backoff(base=0.01, factor=2, cap=0.2)


def transport(campaign, base=None, auth=None, *, keepalive=True):
    """The real client; without keep-alive each request is its own connection (so the fault
    proxy, which draws one fault per connection, can hit any request)."""
    user, password = auth or campaign.interviewer
    client = None
    if not keepalive:
        client = httpx.Client(
            timeout=httpx.Timeout(30, connect=10),
            headers=OPENROSA_HEADERS,
            limits=httpx.Limits(max_keepalive_connections=0),
        )
    return OpenRosaTransport(
        base or campaign.server.base, user, password, timeout=30, connect_timeout=10, client=client
    )


def test_pending_interviews_are_sent_once_each(campaign, laptop):
    before = server_count(campaign)
    ids = laptop.fill(5)
    with transport(campaign) as tr:
        report = send_pending(laptop.store, laptop.library, tr)
        assert report.ok and report.sent == 5, str(report)
        assert laptop.statuses() == {"sent": 5}
        assert all(laptop.store.get_interview(i).handed_in[-1]["to"] == tr.url for i in ids)
        again = send_pending(laptop.store, laptop.library, tr)
        assert again.results == [] and again.ok
    assert server_count(campaign) == before + 5
    stored = {s["instance_id"]: s for s in all_submissions(campaign)}
    for instance_id in ids:
        xml = stored[instance_id]["xml"]
        assert "<start>20" in xml and "<username>ines</username>" in xml  # metadata kept
    status = read_status(laptop.data_dir)
    assert status["last_success_at"] and status["last_error"] is None
    assert status["pending"] == 0


@pytest.mark.slow
def test_a_thousand_interviews_through_faults_arrive_exactly_once(tmp_path, laptop):
    campaign = make_campaign(tmp_path / "faults")
    try:
        ids = laptop.fill(1000)
        with (
            FaultProxy(campaign.server.port, seed=20261122, fault_rate=0.15) as proxy,
            transport(campaign, base=f"http://127.0.0.1:{proxy.port}", keepalive=False) as tr,
        ):
            # The deadline is a safety net only: a slow machine takes longer, never fails.
            report = send_until_done(
                laptop.store,
                laptop.library,
                tr,
                backoff=FAST,
                deadline=600,
                attempts=4,
                give_up_after=25,
            )
        faults = {k: n for k, n in proxy.counts.items() if k != "pass"}
        assert report.ok, f"{report.summary()}; faults {faults}"
        assert sum(faults.values()) >= 50 and len(faults) == 6, faults  # every kind happened
        assert laptop.statuses() == {"sent": 1000}
        rows = all_submissions(campaign)
        assert len(rows) == 1000
        assert sorted(r["instance_id"] for r in rows) == sorted(ids)
    finally:
        campaign.server.stop()


@pytest.mark.slow
def test_server_restarted_in_the_middle_of_a_sync(tmp_path, laptop):
    campaign = make_campaign(tmp_path / "restart")
    try:
        laptop.fill(150)
        sent = []
        restarted = threading.Event()

        def restart_after_some(done, total, item):
            if item is not None and item.outcome.delivered:
                sent.append(item.instance_id)
            if len(sent) == 40 and not restarted.is_set():
                restarted.set()
                campaign.server.stop()
                threading.Timer(0.5, campaign.server.start).start()

        with transport(campaign) as tr:
            report = send_until_done(
                laptop.store,
                laptop.library,
                tr,
                backoff=FAST,
                deadline=600,
                progress=restart_after_some,
                attempts=3,
            )
        assert restarted.is_set()
        assert report.ok, report.summary()
        assert laptop.statuses() == {"sent": 150}
        assert server_count(campaign) == 150
    finally:
        campaign.server.stop()


def test_wrong_password_is_an_auth_error_at_once(campaign, laptop):
    laptop.fill(3)
    calls = []
    with transport(campaign, auth=("ines", "not-the-password")) as tr:
        original = tr.request

        def counting(*args, **kwargs):
            calls.append(args[0])
            return original(*args, **kwargs)

        tr.request = counting
        report = send_until_done(laptop.store, laptop.library, tr, backoff=FAST, deadline=120)
    assert report.auth_error and report.finished and not report.ok
    assert len(calls) == 1  # the HEAD; no retry, no POST
    assert laptop.statuses() == {"finalized": 3}  # not marked failed: not their fault
    assert "401" in read_status(laptop.data_dir)["last_error"]


def test_roles_interviewer_cannot_download_submissions(campaign, laptop):
    from surveyor.sync.download import download_submissions
    from surveyor.sync.transport import AuthError

    with pytest.raises(AuthError):
        download_submissions(laptop.store, campaign.server.base, *campaign.interviewer)


def test_captive_portal_200_is_failed_not_sent(campaign, laptop):
    laptop.fill(2)
    with (
        FaultProxy(campaign.server.port, fault_rate=1.0, faults=("portal",)) as portal,
        transport(campaign, base=f"http://127.0.0.1:{portal.port}") as tr,
    ):
        report = send_pending(laptop.store, laptop.library, tr, backoff=FAST, attempts=2)
    assert report.sent == 0 and report.retryable == 2
    assert all(r.outcome is SendOutcome.RETRY for r in report.results)
    assert "captive portal" in report.results[0].message
    summaries = laptop.store.list_interviews()
    assert {s.status for s in summaries} <= {Status.FAILED, Status.FINALIZED}
    assert any(s.status is Status.FAILED and "captive portal" in s.last_error for s in summaries)
    # back on the real network: sent
    with transport(campaign) as tr:
        assert send_pending(laptop.store, laptop.library, tr).ok
    assert laptop.statuses() == {"sent": 2}


class SlowTransport:
    url = "http://slow.example"

    def __init__(self):
        self.entered = threading.Event()
        self.release = threading.Event()

    def send(self, submission, *, cancel=None):
        self.entered.set()
        self.release.wait(120)
        return SendResult(SendOutcome.SENT, "submission received", 201)

    def close(self):
        pass


def test_two_concurrent_sends_one_says_already_running(laptop, tmp_path):
    from surveyor.services.interviews import FormLibrary
    from surveyor.store import Store

    laptop.fill(1)
    slow = SlowTransport()

    def send_on_a_thread():
        laptop.store.bind_to_current_thread()  # a store is used by its owning thread only
        send_pending(laptop.store, laptop.library, slow)

    first = threading.Thread(target=send_on_a_thread)
    first.start()
    try:
        assert slow.entered.wait(60)
        with Store.open(laptop.data_dir) as other:
            with pytest.raises(SyncAlreadyRunning, match="already running"):
                send_pending(other, FormLibrary(other), slow)
    finally:
        slow.release.set()
        first.join(120)
    laptop.store.bind_to_current_thread()  # back to the test's thread
    assert laptop.statuses() == {"sent": 1}
    with SyncLock(laptop.data_dir):  # released afterwards
        pass


def test_cancel_stops_before_the_next_interview(campaign, laptop):
    laptop.fill(4)
    cancel = threading.Event()
    with transport(campaign) as tr:
        report = send_pending(
            laptop.store,
            laptop.library,
            tr,
            cancel=cancel,
            progress=lambda d, t, item: d >= 1 and cancel.set(),
        )
    assert report.cancelled and report.sent < 4
    assert laptop.statuses()["finalized"] == 4 - report.sent


def test_conflict_409_is_held_for_a_decision_not_retried(campaign, laptop):
    [instance_id] = laptop.fill(1)
    other_xml, _ = campaign.new_submission()
    # the server already has a different submission with this instanceID
    conflicting = other_xml.replace(other_xml.split("<instanceID>")[1].split("<")[0], instance_id)
    assert campaign.server.submit(conflicting, auth=campaign.interviewer).status == 201
    with transport(campaign) as tr:
        report = send_pending(laptop.store, laptop.library, tr)
    [result] = report.results
    assert result.outcome is SendOutcome.DECISION and result.attempts == 1
    assert "409" in result.message and not report.ok
    assert laptop.store.get_interview(instance_id).status is Status.FAILED
    with transport(campaign) as tr:  # held: not sent again, and no new failure
        again = send_pending(laptop.store, laptop.library, tr)
    assert again.results == [] and again.ok
    assert [h.instance_id for h in again.held] == [instance_id]
