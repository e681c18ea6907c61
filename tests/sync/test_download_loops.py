"""The coordinator's download refuses records whose edit chain points at itself or loops."""

from __future__ import annotations

import sqlite3

import pytest

from surveyor.sync.download import download_submissions
from surveyor.sync.sender import send_pending
from surveyor.sync.transport import OpenRosaTransport
from tests.sync.conftest import HABITANTS
from tests.sync.conftest import Laptop
from tests.sync.conftest import make_campaign


@pytest.mark.slow
def test_looping_edits_on_the_server_are_refused_and_the_others_download(tmp_path, laptop):
    campaign = make_campaign(tmp_path / "dl")
    coordinator = Laptop(tmp_path / "coordinator")
    try:
        coordinator.library.load_file(HABITANTS)
        a, b, c, d = laptop.fill(4)
        with OpenRosaTransport(campaign.server.base, *campaign.interviewer) as tr:
            assert send_pending(laptop.store, laptop.library, tr).ok
        # a damaged server database (or another server): a edits itself, b and c each other
        with sqlite3.connect(campaign.server.data_dir / "server.db") as db:
            db.execute(
                "UPDATE submissions SET deprecated_id = instance_id WHERE instance_id = ?", [a]
            )
            db.execute("UPDATE submissions SET deprecated_id = ? WHERE instance_id = ?", [c, b])
            db.execute("UPDATE submissions SET deprecated_id = ? WHERE instance_id = ?", [b, c])
        report = download_submissions(
            coordinator.store, campaign.server.base, *campaign.coordinator
        )
        assert report.received == 4 and report.new == 1, str(report)
        assert sorted(report.refused) == sorted([a, b, c])
        assert f"{a}: it names itself as the version it replaces" in str(report)
        assert "form a loop" in str(report)
        stored = {s.instance_id for s in coordinator.store.list_interviews()}
        assert stored == {d}
    finally:
        coordinator.close()
        campaign.server.stop()
