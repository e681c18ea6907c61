"""The overview's erasure reaches the campaign's server (a real ``surveyor serve``): erased
there too when it answers; when it is down, the coordinator is told it will be asked at the
next sync and the erasure waits in the queue."""

from __future__ import annotations

import pytest

from surveyor.sync.campaign import queued_erasures
from surveyor.workspace import Changes
from tests.server.conftest import make_campaign
from tests.ui.test_coordinator import page  # noqa: F401 - the coordination page fixture

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow


@pytest.fixture
def campaign(tmp_path):
    campaign = make_campaign(tmp_path / "server")
    yield campaign
    campaign.server.stop()


def erase_first_row(qtbot, coordination, count: int) -> str:
    overview = coordination.overview
    coordination.workspace_host.notify(Changes(all_interviews=True), None)
    qtbot.waitUntil(lambda: overview.model.rowCount() == count, timeout=30000)
    overview.table.selectRow(0)
    doomed = overview.model.rows[0].instance_id
    overview.erase_button.click()
    overview.erase_box.yes_button.click()
    qtbot.waitUntil(lambda: overview.model.rowCount() == count - 1, timeout=30000)
    return doomed


def test_the_overviews_erasure_reaches_the_server_or_waits(qtbot, page, campaign):  # noqa: F811
    server = campaign.server
    for _ in range(2):
        xml, _id = campaign.new_submission()
        assert server.submit(xml, auth=campaign.interviewer).status == 201
    page.tasks.run_db(
        lambda: page.workspace.download_submissions(server.base, *campaign.coordinator)
    ).result()
    page.server_credentials = lambda: (server.base, *campaign.coordinator)

    doomed = erase_first_row(qtbot, page, 2)
    qtbot.waitUntil(lambda: campaign.stored(doomed) is None, timeout=30000)

    server.stop()
    try:
        second = erase_first_row(qtbot, page, 1)
        qtbot.waitUntil(lambda: "next sync" in page.overview.error.text(), timeout=30000)
        assert queued_erasures(page.workspace.data_dir, server.base) == [second]
    finally:
        server.start()
