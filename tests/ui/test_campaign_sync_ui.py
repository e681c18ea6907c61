"""The app's sync pass brings a campaign package published on the server (a real
``surveyor serve``): "Send now" imports it and "My doors", already open, shows the doors at
once (the pass's Changes), with a sentence saying so."""

from __future__ import annotations

import pytest

from surveyor.workspace import Workspace
from tests.fieldwork.conftest import SARCELLES
from tests.fieldwork.conftest import ban_csv
from tests.ui.test_handin import started
from tests.ui.test_sync_ui import campaign  # noqa: F401 - fixtures
from tests.ui.test_sync_ui import first_pass  # noqa: F401 - fixtures
from tests.ui.test_sync_ui import no_keychain  # noqa: F401 - fixtures

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow


def test_send_now_imports_the_servers_package_and_my_doors_shows_it(
    app_window,
    qtbot,
    campaign,  # noqa: F811
    tmp_path,
):
    with Workspace.open(tmp_path / "coord") as ws:
        ws.import_doors(ban_csv(tmp_path / "portes.csv", SARCELLES))
        ws.assign_doors("Camille", sector="Nord")
        ws.assign_doors("Camille", sector="Sud")
        (tmp_path / "out").mkdir()
        package = ws.export_campaign(tmp_path / "out").value.path
    reply = campaign.server.request(
        "PUT",
        "/surveyor/v1/campaign",
        body=package.read_bytes(),
        auth=campaign.coordinator,
        headers={"Content-Type": "application/zip"},
    )
    assert reply.status == 201, reply.body

    user, password = campaign.interviewer
    window = started(app_window, qtbot, server_url=campaign.server.base, server_user=user)
    first_pass(window, qtbot)
    window.show_doors()
    window.tasks.drain()
    doors = window.doors_page
    assert doors.model.rowCount() == 0

    sync = window.server_sync
    sync.passwords[sync._key()] = password  # as typed in the settings this session
    sync.last_answer = None
    sync.send_now()  # ("Send now" on the home page: the doors page is the one shown)
    qtbot.waitUntil(lambda: sync.last_answer is not None, timeout=30000)
    assert sync.last_answer.campaign.changed, sync.last_answer
    qtbot.waitUntil(lambda: doors.model.rowCount() == 6, timeout=30000)
    # what "Send now" says (the home line then shows the form being opened)
    assert "New campaign package: 6 doors (6 new)." in sync._summary(sync.last_answer)[0]
