"""The coordinator's "Publish on the server" beside the campaign package, against a real
``surveyor serve`` process: the package reaches the server and the page says which revision;
an interviewer's account is refused with a clear sentence; no server set is said at once."""

from __future__ import annotations

import pytest

from surveyor.ui.qt import Qt
from tests.server.conftest import make_campaign
from tests.ui.test_fieldwork_view import page  # noqa: F401 - the page fixture
from tests.ui.test_fieldwork_view import seed_visits  # noqa: F401 - the page fixture

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow

CAMPAIGN = "/surveyor/v1/campaign"


@pytest.fixture(scope="module")
def server_campaign(tmp_path_factory):
    campaign = make_campaign(tmp_path_factory.mktemp("publish"))
    yield campaign
    campaign.server.stop()


def publish(qtbot, coordination, credentials):
    panel = coordination.doorlist
    coordination.server_credentials = lambda: credentials
    qtbot.mouseClick(panel.publish_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: panel.publish_button.isEnabled(), timeout=30000)
    coordination.tasks.drain()
    return coordination.message.text()


def test_publish_on_the_server_from_the_door_list(qtbot, page, tmp_path, server_campaign):  # noqa: F811
    seed_visits(page, tmp_path)
    server = server_campaign.server

    text = publish(qtbot, page, (server.base, *server_campaign.interviewer))
    assert "refuses the account ines" in text and "coordinator" in text
    assert server.request("GET", CAMPAIGN, auth=server_campaign.interviewer).status == 204

    text = publish(qtbot, page, (server.base, *server_campaign.coordinator))
    got = server.request("GET", CAMPAIGN, auth=server_campaign.interviewer)
    assert got.status == 200
    revision = got.headers["x-surveyor-campaign-revision"]
    assert f"revision {revision} is on the server" in text
    assert not [p for p in page.workspace.data_dir.iterdir() if p.name.startswith(".publish-")]


def test_publish_without_a_server_says_so(qtbot, page):  # noqa: F811
    text = publish(qtbot, page, ("", "", ""))
    assert "No server is set" in text
