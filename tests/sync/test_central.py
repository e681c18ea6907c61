"""Surveyor against ODK Central: a local stand-in built from Central's documented answers
(tests/sync/central_standin.py), run on 127.0.0.1 in a thread."""

from __future__ import annotations

import pytest

from surveyor.sync.forms import fetch_forms
from surveyor.sync.transport import OpenRosaTransport
from tests.sync.central_standin import RUES
from tests.sync.central_standin import CentralStandIn
from tests.sync.central_standin import porte_xform


@pytest.fixture
def central():
    with CentralStandIn() as server:
        server.publish(porte_xform("2026.1"), {"rues.csv": RUES})
        yield server


def test_fetch_forms_reads_orx_version_and_checks_it_against_the_form_list(central, laptop):
    with OpenRosaTransport(central.app_user_url) as tr:
        report = fetch_forms(tr, laptop.library)
    assert [f.form_id for f in report.new] == ["porte"], str(report)
    stored = laptop.store.list_forms(form_id="porte")
    assert [f.version for f in stored] == ["2026.1"]
    assert stored[0].content_hash == report.new[0].hash
    form = laptop.library.get(stored[0].content_hash)
    assert form.version == "2026.1"


def test_fetch_forms_refuses_a_form_whose_version_differs_from_the_form_list(central, laptop):
    central.forms["porte"][-1].version = "2026.2"  # the list says 2026.2, the XForm 2026.1
    with OpenRosaTransport(central.app_user_url) as tr:
        report = fetch_forms(tr, laptop.library)
    assert report.new == [] and len(report.failed) == 1, str(report)
    assert "2026.1" in report.failed[0][1] and "2026.2" in report.failed[0][1]
    assert laptop.store.list_forms(form_id="porte") == []


def test_cli_sync_sends_the_laptops_device_id_as_collect_does(central, laptop):
    """Collect appends ?deviceID= to the submission URL and Central fills its DeviceID column
    from it: `surveyor sync` (a real process) does the same with the laptop's device id."""
    from surveyor.services.identity import device_id
    from tests.sync.test_download import run_cli

    central.forms["porte"].clear()
    from tests.sync.conftest import HABITANTS

    form = laptop.library.load_file(HABITANTS)
    central.publish(form.xform.encode())
    laptop.fill(1)
    laptop.store.close()
    result = run_cli("sync", "--server", central.app_user_url, data_dir=laptop.data_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    (submission,) = central.submissions.values()
    assert submission.versions[0].device_id == device_id(laptop.data_dir)
    assert submission.versions[0].device_id.startswith("surveyor:")
    posts = [q for method, path, q in central.requests if method == "POST"]
    assert posts == [f"deviceID={device_id(laptop.data_dir).replace(':', '%3A')}"]


def test_a_resend_to_central_is_counted_as_sent_not_as_already_there(central):
    """Central answers a byte-identical resend with the same text as a first submission, so
    the client cannot say "already on the server" there (docs/sync.md says so)."""
    from surveyor.sync.transport import SendOutcome
    from surveyor.sync.transport import Submission
    from tests.sync.central_standin import porte_submission

    xml = porte_submission("uuid:r1", "Ana", 40)
    with OpenRosaTransport(central.app_user_url) as tr:
        first = tr.send(Submission("uuid:r1", xml))
        again = tr.send(Submission("uuid:r1", xml))
    assert (first.outcome, again.outcome) == (SendOutcome.SENT, SendOutcome.SENT)
    assert first.message == again.message == "full submission upload was successful!"
    assert len(central.submissions) == 1


@pytest.mark.slow
def test_a_stale_edit_needs_a_decision_and_is_not_retried_forever(central, laptop):
    """Central answers 409 "out of date" to an edit of a version someone else already
    edited. Retrying cannot help: the interview is held for a person (listed by every
    `surveyor sync`), not sent again automatically, and only the pass where it happened
    exits 1."""
    from surveyor.sync.state import read_status
    from tests.sync.conftest import HABITANTS
    from tests.sync.test_download import run_cli

    central.forms["porte"].clear()
    form = laptop.library.load_file(HABITANTS)
    central.publish(form.xform.encode())
    (original,) = laptop.fill(1)
    with OpenRosaTransport(central.app_user_url) as tr:
        from surveyor.sync.sender import send_pending

        assert send_pending(laptop.store, laptop.library, tr).ok
    # someone else edits it on the server first (Enketo, another laptop)
    sent_xml = central.submissions[("enquete_habitants", original)].versions[0].xml
    other = sent_xml.replace(
        f"<instanceID>{original}</instanceID>".encode(),
        f"<instanceID>uuid:other-edit</instanceID><deprecatedID>{original}</deprecatedID>".encode(),
    )
    assert central.submit(other)[0] == 201
    # this laptop edits the original too: its edit is out of date
    mine = laptop.store.get_interview(original)
    revision = laptop.store.revise(original)
    laptop.store.save_answers(revision.instance_id, {**mine.answers, "commentaire": "corrigé"})
    laptop.store.finalize(revision.instance_id)
    laptop.store.close()

    first = run_cli("sync", "--server", central.app_user_url, data_dir=laptop.data_dir)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "NEEDS A DECISION" in first.stdout and "out of date" in first.stdout
    posts = sum(1 for method, *_ in central.requests if method == "POST")

    again = run_cli("sync", "--server", central.app_user_url, data_dir=laptop.data_dir)
    assert again.returncode == 0, again.stdout + again.stderr  # nothing new went wrong
    assert "needs a decision" in again.stdout.lower() and revision.instance_id in again.stdout
    assert sum(1 for method, *_ in central.requests if method == "POST") == posts  # not resent
    assert read_status(laptop.data_dir)["needs_decision"] == 1

    # a person decided to try again
    retried = run_cli(
        "sync", "--retry-held", "--server", central.app_user_url, data_dir=laptop.data_dir
    )
    assert retried.returncode == 1 and "out of date" in retried.stdout
    assert sum(1 for method, *_ in central.requests if method == "POST") == posts + 1


# --- the coordinator's download from Central ----------------------------------------------


def _coordinator(tmp_path):
    from tests.sync.conftest import Laptop

    return Laptop(tmp_path / "coordinator")


def _fill_central(central):
    from tests.sync.central_standin import porte_submission

    assert (
        central.submit(
            porte_submission("uuid:a", "Ana", 40, photo="a.jpg"),
            {"a.jpg": b"\xff\xd8photo-a"},
            device_id="collect:1",
        )[0]
        == 201
    )
    assert central.submit(porte_submission("uuid:b", "Bruno", 31))[0] == 201
    assert central.submit(porte_submission("uuid:c", "Chloe", 52))[0] == 201
    # an edit of b (Central keeps it under b's first instanceID, as a new version)
    assert central.submit(porte_submission("uuid:b2", "Bruno", 32, deprecated="uuid:b"))[0] == 201
    central.review("porte", "uuid:c", "approved")


def test_download_from_central_forms_submissions_edits_files_and_review(central, tmp_path):
    from surveyor.store.merge import MergeStore
    from surveyor.sync.central import download_central
    from surveyor.sync.central import review_states

    _fill_central(central)
    coordinator = _coordinator(tmp_path)
    try:
        report = download_central(
            coordinator.store, central.base, 1, central.email, central.password
        )
        assert (report.received, report.new, report.updated, report.conflicts) == (3, 3, 1, 0), str(
            report
        )
        # the form: its XForm (orx:version read) and its media
        (form,) = coordinator.store.list_forms(form_id="porte", with_content=True)
        assert form.version == "2026.1" and form.media == {
            "rues.csv": central.forms["porte"][-1].attachments["rues.csv"]
        }
        store = coordinator.store
        ana = store.get_interview("uuid:a")
        assert ana.answers["nom"] == "Ana" and ana.interviewer == "ines"
        assert [a.filename for a in ana.attachments] == ["a.jpg"]
        assert store.get_attachment("uuid:a", "a.jpg") == b"\xff\xd8photo-a"
        assert MergeStore(store).superseded() == {"uuid:b": "uuid:b2"}
        assert store.get_interview("uuid:b2").answers["age"] == "32"
        reviews = review_states(coordinator.data_dir)
        assert reviews["uuid:c"]["review_state"] == "approved"
        assert reviews["uuid:b2"]["review_state"] == "edited"
        assert reviews["uuid:b2"]["root_id"] == "uuid:b"

        # nothing changed: nothing downloaded
        assert (
            download_central(store, central.base, 1, central.email, central.password).received == 0
        )
        # a review and an edit later: only those two come again
        central.review("porte", "uuid:a", "hasIssues")
        from tests.sync.central_standin import porte_submission

        assert (
            central.submit(porte_submission("uuid:c2", "Chloé", 52, deprecated="uuid:c"))[0] == 201
        )
        later = download_central(store, central.base, 1, central.email, central.password)
        assert (later.received, later.updated, later.new) == (2, 1, 0), str(later)
        assert MergeStore(store).superseded() == {"uuid:b": "uuid:b2", "uuid:c": "uuid:c2"}
        assert review_states(coordinator.data_dir)["uuid:a"]["review_state"] == "hasIssues"
        # Bearer tokens only: no Basic header ever went to Central
        assert not any("Basic" in q for _m, _p, q in central.requests)
    finally:
        coordinator.close()


def test_download_from_central_resumes_after_an_interruption(central, tmp_path):
    from surveyor.sync.central import download_central
    from surveyor.sync.transport import TransportError

    _fill_central(central)
    coordinator = _coordinator(tmp_path)
    try:
        # the third submission's XML fails (the network drops): two pages are kept
        third = sorted(central.submissions.values(), key=lambda s: s.updated_at or s.created_at)[2]
        central.fail_next.append((f"/versions/{third.versions[-1].instance_id}.xml", 503))
        with pytest.raises(TransportError):
            download_central(
                coordinator.store, central.base, 1, central.email, central.password, page_size=1
            )
        assert coordinator.store.count_by_status()["sent"] >= 2
        rest = download_central(
            coordinator.store, central.base, 1, central.email, central.password, page_size=1
        )
        assert rest.received == 1 and rest.duplicates == 0, str(rest)
        assert coordinator.store.count_by_status()["sent"] == 4
    finally:
        coordinator.close()


def test_download_from_central_refuses_a_wrong_password_and_plain_http_elsewhere(central, tmp_path):
    from surveyor.sync.central import central_base
    from surveyor.sync.central import download_central
    from surveyor.sync.transport import AuthError

    coordinator = _coordinator(tmp_path)
    try:
        with pytest.raises(AuthError):
            download_central(coordinator.store, central.base, 1, central.email, "wrong")
    finally:
        coordinator.close()
    with pytest.raises(ValueError, match="https"):
        central_base("http://central.example.org")
    assert (
        central_base("https://central.example.org/v1/projects/3/") == "https://central.example.org"
    )


@pytest.mark.slow
def test_cli_download_from_central(central, tmp_path):
    from tests.sync.test_download import run_cli

    _fill_central(central)
    env = {"SURVEYOR_PASSWORD": central.password}
    down = run_cli(
        "download",
        "--central",
        central.base,
        "--project",
        "1",
        "--user",
        central.email,
        data_dir=tmp_path / "coord",
        env=env,
    )
    assert down.returncode == 0, down.stdout + down.stderr
    assert "3 new, 1 updated" in down.stdout and "ines" in down.stdout
    wrong = run_cli(
        "download",
        "--central",
        central.base,
        "--project",
        "1",
        "--user",
        central.email,
        data_dir=tmp_path / "coord",
        env={"SURVEYOR_PASSWORD": "nope"},
    )
    assert wrong.returncode == 2, wrong.stdout + wrong.stderr
    # Central is not Surveyor's server: its 404 is not "run it again"
    lost = run_cli(
        "download", "--server", central.base, "--user", "x", data_dir=tmp_path / "c2", env=env
    )
    assert lost.returncode == 1
    assert "run it again" not in lost.stderr and "--central" in lost.stderr, lost.stderr
