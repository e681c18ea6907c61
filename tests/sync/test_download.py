"""The coordinator's download (batch merge rules), fetch_forms, and the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from surveyor.store.merge import MergeStore
from surveyor.store.merge import content_sha256
from surveyor.store.store import _dumps
from surveyor.sync.download import download_submissions
from surveyor.sync.forms import fetch_forms
from surveyor.sync.sender import send_pending
from surveyor.sync.state import CURSORS_NAME
from surveyor.sync.transport import OpenRosaTransport
from tests.sync.conftest import HABITANTS
from tests.sync.conftest import Laptop
from tests.sync.conftest import make_campaign

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow


@pytest.mark.slow
def test_download_with_duplicates_and_an_edit(tmp_path, laptop):
    campaign = make_campaign(tmp_path / "dl")
    coordinator = Laptop(tmp_path / "coordinator")
    try:
        coordinator.library.load_file(HABITANTS)  # the coordinator has the XLSForm too
        ids = laptop.fill(4)
        with OpenRosaTransport(campaign.server.base, *campaign.interviewer) as tr:
            assert send_pending(laptop.store, laptop.library, tr).ok
            first = download_submissions(
                coordinator.store, campaign.server.base, *campaign.coordinator
            )
            assert (first.received, first.new, first.duplicates) == (4, 4, 0), str(first)
            assert first.per_interviewer["ines"]["new"] == 4
            # the same content hash as the laptop's own interview (same rules as batches)
            mine = laptop.store.get_interview(ids[0])
            expected = content_sha256(mine.form_hash, None, _dumps(mine.answers), [])
            row = coordinator.store.db.execute(
                "SELECT content_sha256 FROM merge_state WHERE instance_id = ?", [ids[0]]
            ).fetchone()
            assert row[0] == expected
            got = coordinator.store.get_interview(ids[0])
            assert got.answers == mine.answers and got.interviewer == "ines"

            # an edit of the first interview
            revision = laptop.store.revise(ids[0])
            laptop.store.save_answers(
                revision.instance_id, {**mine.answers, "commentaire": "corrigé"}
            )
            laptop.store.finalize(revision.instance_id)
            assert send_pending(laptop.store, laptop.library, tr).ok
        second = download_submissions(
            coordinator.store, campaign.server.base, *campaign.coordinator
        )
        assert (second.received, second.updated, second.new) == (1, 1, 0), str(second)
        assert MergeStore(coordinator.store).superseded() == {ids[0]: revision.instance_id}

        # nothing new: nothing downloaded; forgetting the cursor: all duplicates
        assert (
            download_submissions(
                coordinator.store, campaign.server.base, *campaign.coordinator
            ).received
            == 0
        )
        (coordinator.data_dir / CURSORS_NAME).unlink()
        again = download_submissions(coordinator.store, campaign.server.base, *campaign.coordinator)
        assert (again.received, again.duplicates, again.new, again.conflicts) == (5, 5, 0, 0)
        assert coordinator.store.count_by_status()["sent"] == 5
    finally:
        coordinator.close()
        campaign.server.stop()


def test_fetch_forms(campaign, laptop):
    with OpenRosaTransport(campaign.server.base, *campaign.interviewer) as tr:
        report = fetch_forms(tr, laptop.library)
        assert [f.form_id for f in report.new] == ["enquete_habitants"]
        stored = laptop.store.list_forms(form_id="enquete_habitants")
        assert len(stored) == 1 and stored[0].content_hash == report.new[0].hash
        assert stored[0].source_name == "enquete_habitants.xml"
        again = fetch_forms(tr, laptop.library)
        assert again.new == [] and len(again.known) == 1
    form = laptop.library.get(stored[0].content_hash)  # usable by the engine
    assert form.form_id == "enquete_habitants" and form.version == "2026112201"


def run_cli(*args, data_dir, env=None):
    return subprocess.run(
        [sys.executable, "-m", "surveyor", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.slow
def test_cli_sync_and_download(tmp_path, campaign, laptop):
    laptop.fill(2)
    laptop.store.close()
    (laptop.data_dir / "settings.json").write_text(
        json.dumps({"server_url": campaign.server.base, "server_user": "ines"}), "utf-8"
    )
    wrong = run_cli("sync", data_dir=laptop.data_dir, env={"SURVEYOR_PASSWORD": "nope"})
    assert wrong.returncode == 2, wrong.stdout + wrong.stderr
    assert "Authentication failed" in wrong.stdout
    ok = run_cli(
        "sync", data_dir=laptop.data_dir, env={"SURVEYOR_PASSWORD": campaign.interviewer[1]}
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "2 sent." in ok.stdout and ok.stdout.count(": sent") == 0 or "2 sent" in ok.stdout
    nothing = run_cli(
        "sync", data_dir=laptop.data_dir, env={"SURVEYOR_PASSWORD": campaign.interviewer[1]}
    )
    assert nothing.returncode == 0 and "0 sent." in nothing.stdout
    no_password = run_cli("sync", data_dir=laptop.data_dir, env={"SURVEYOR_PASSWORD": ""})
    assert no_password.returncode == 2
    assert "No system keychain is available" in no_password.stderr
    coordinator = tmp_path / "coord"
    down = run_cli(
        "download",
        "--server",
        campaign.server.base,
        "--user",
        "claire",
        data_dir=coordinator,
        env={"SURVEYOR_PASSWORD": campaign.coordinator[1]},
    )
    assert down.returncode == 0, down.stderr
    assert "new" in down.stdout
    assert run_cli("download", "--help", data_dir=coordinator).returncode == 0
