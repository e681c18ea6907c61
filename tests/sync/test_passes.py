"""The core's pass with the server (surveyor/sync/passes.py), as the app and the CLI use it,
against a real server process on 127.0.0.1."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from surveyor.forms import load_form
from surveyor.sync.passes import SERVER_FORMS
from surveyor.sync.passes import base_url
from surveyor.sync.passes import check_connection
from surveyor.sync.passes import download_pass
from surveyor.sync.passes import find_password
from surveyor.sync.passes import open_transport
from surveyor.sync.passes import pending_count
from surveyor.sync.passes import send_pass
from surveyor.sync.state import SyncLock
from surveyor.sync.state import read_held
from tests.server.conftest import free_port
from tests.sync.faultproxy import FaultProxy

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow


@pytest.fixture
def no_keychain():
    """keyring's fail backend, whatever the machine has: the no-keychain case."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def a_pass(laptop, campaign, *, password=None, user="ines", **options):
    password = campaign.interviewer[1] if password is None else password
    return send_pass(
        laptop.data_dir,
        campaign.server.base,
        user,
        password,
        cancel=threading.Event(),
        **options,
    )


def test_send_pass_sends_the_pending_interviews_then_has_nothing_to_do(campaign, laptop):
    laptop.fill(2)
    assert pending_count(laptop.store) == 2
    answer = a_pass(laptop, campaign)
    assert answer.kind == "done"
    assert answer.report.sent == 2 and answer.pending == 0
    assert answer.status.get("last_success_at")
    assert laptop.statuses() == {"sent": 2}
    again = a_pass(laptop, campaign)  # an automatic pass with nothing pending asks nothing
    assert again.kind == "nothing" and again.report is None
    assert again.status.get("last_success_at") == answer.status["last_success_at"]


def test_send_pass_writes_new_server_forms_where_the_app_loads_them(campaign, laptop):
    answer = a_pass(laptop, campaign, fetch=True)  # a new laptop: the server's form is new
    assert answer.report is None and not answer.network_error and not answer.auth_error
    assert len(answer.form_paths) == 1
    path = Path(answer.form_paths[0])
    assert path.parent.parent == laptop.data_dir / SERVER_FORMS
    assert load_form(path).form_id == path.parent.name
    again = a_pass(laptop, campaign, fetch=True)  # the same version: nothing written again
    assert again.form_paths == [] and path.exists()


def test_send_pass_wrong_password_is_an_auth_error_and_keeps_the_interviews(campaign, laptop):
    laptop.fill(1)
    answer = a_pass(laptop, campaign, password="wrong", manual=True)
    assert answer.auth_error
    assert answer.form_paths == []  # no form list asked after the refusal
    assert answer.pending == 1
    assert laptop.statuses() in ({"finalized": 1}, {"failed": 1})


def test_send_pass_refuses_a_bad_address_and_a_missing_password(laptop, no_keychain):
    laptop.fill(1)
    cancel = threading.Event()
    bad = send_pass(laptop.data_dir, "ftp://example.org", "ines", "x", cancel=cancel)
    assert bad.kind == "bad_address"
    unreachable = f"http://127.0.0.1:{free_port()}"
    missing = send_pass(laptop.data_dir, unreachable, "ines", None, cancel=cancel)
    assert missing.kind == "no_password"  # nothing typed this session, no keychain
    assert laptop.statuses() == {"finalized": 1}


def test_send_pass_while_another_sending_runs_says_busy(campaign, laptop):
    laptop.fill(1)
    with SyncLock(laptop.data_dir):  # `surveyor sync` in another process, say
        answer = a_pass(laptop, campaign)
    assert answer.kind == "busy"
    assert laptop.statuses() == {"finalized": 1}


def test_send_pass_cancelled_before_it_starts_sends_nothing(campaign, laptop):
    laptop.fill(1)
    cancel = threading.Event()
    cancel.set()  # the window was closed
    answer = send_pass(
        laptop.data_dir, campaign.server.base, "ines", campaign.interviewer[1], cancel=cancel
    )
    assert answer.report is None and answer.form_paths == []
    assert laptop.statuses() == {"finalized": 1}


def test_a_held_interview_is_not_counted_as_pending(campaign, laptop):
    from surveyor.sync.state import hold

    first, _second = laptop.fill(2)
    laptop.store.mark_failed(first, "409 conflict")
    hold(
        laptop.data_dir,
        first,
        message="conflict",
        at="2026-01-01T00:00:00.000Z",
        server_url=campaign.server.base,
    )
    assert pending_count(laptop.store) == 1
    answer = a_pass(laptop, campaign)
    assert answer.report.sent == 1 and answer.pending == 0
    assert first in read_held(laptop.data_dir)


def test_check_connection_says_what_the_server_answers(campaign, no_keychain):
    base, (user, password) = campaign.server.base, campaign.interviewer
    assert check_connection(base, user, password) == "ok"
    assert check_connection(base + "/submission", user, password) == "ok"
    assert check_connection(base, user, "wrong") == "auth"
    assert check_connection(base, user, None) == "no_password"
    assert check_connection("not an address", user, password) == "bad_address"
    assert check_connection(f"http://127.0.0.1:{free_port()}", user, password) == "unreachable"
    with FaultProxy(campaign.server.port, fault_rate=1.0, faults=("portal",)) as portal:
        assert check_connection(f"http://127.0.0.1:{portal.port}", user, password) == "unexpected"


def test_download_pass_merges_the_servers_submissions_into_its_own_store(
    campaign, laptop, tmp_path, no_keychain
):
    laptop.fill(1)
    assert a_pass(laptop, campaign).report.sent == 1
    coordinator = tmp_path / "coordinator"
    name, password = campaign.coordinator
    assert download_pass(coordinator, "nowhere", name, password) == "bad_address"
    assert download_pass(coordinator, campaign.server.base, name, None) == "no_password"
    seen = []
    report = download_pass(coordinator, campaign.server.base, name, password, progress=seen.append)
    assert report.received >= 1 and seen
    from surveyor.store import Store

    with Store.open(coordinator) as store:
        assert sum(store.count_by_status().values()) >= 1


def test_the_transport_carries_this_laptops_device_id(laptop):
    from surveyor.services.identity import device_id

    with open_transport(laptop.store, "http://127.0.0.1:9", "", None) as transport:
        assert transport.device_id == device_id(laptop.data_dir)
        assert transport.user is None


def test_base_url_and_find_password():
    assert base_url("https://example.org/submission") == "https://example.org"
    assert base_url("example.org") is None
    assert find_password("https://example.org", "ines", "typed") == "typed"
    assert find_password("https://example.org", "", None) is None  # an app-user URL
