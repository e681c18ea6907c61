"""The campaign package through the server, and erasures reaching it (docs/fieldwork.md, "The
campaign package through the server"; docs/privacy.md, "Erasure reaches the server"): the
coordinator publishes (`surveyor campaign publish`, a real process), a laptop's sync pass
imports it as a file import does (doors appear; 304 next time; nothing recorded there is
lost), `surveyor campaign fetch`; an interviewer cannot publish; a server without the
endpoint (ODK Central) is skipped quietly; `surveyor erase` asks the server, and when it is
down the erasure waits and is asked again at the next sync."""

from __future__ import annotations

import threading

import pytest

from surveyor.sync.campaign import queued_erasures
from surveyor.workspace import Workspace
from surveyor.workspace import server_pass
from tests.fieldwork.conftest import SARCELLES
from tests.fieldwork.conftest import ban_csv
from tests.sync.central_standin import CentralStandIn
from tests.sync.test_download import run_cli

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow

CAMPAIGN = "/surveyor/v1/campaign"


def ok(result):
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def coordinator_dir(tmp_path):
    coord = tmp_path / "coord"
    with Workspace.open(coord) as ws:
        ws.import_doors(ban_csv(tmp_path / "portes.csv", SARCELLES))
        ws.assign_doors("Amina", sector="Nord")
    return coord


def publish(campaign, coord):
    name, password = campaign.coordinator
    return run_cli(
        "campaign",
        "publish",
        "--server",
        campaign.server.base,
        "--user",
        name,
        data_dir=coord,
        env={"SURVEYOR_PASSWORD": password},
    )


def test_a_published_package_reaches_a_laptop_by_its_sync_pass(tmp_path, campaign):
    url, (user, password) = campaign.server.base, campaign.interviewer
    coord = coordinator_dir(tmp_path)

    # an interviewer's account cannot publish
    refused = run_cli(
        "campaign",
        "publish",
        "--server",
        url,
        "--user",
        user,
        data_dir=coord,
        env={"SURVEYOR_PASSWORD": password},
    )
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "authentication failed" in refused.stderr
    assert campaign.server.request("GET", CAMPAIGN, auth=campaign.interviewer).status == 204

    out = ok(publish(campaign, coord))
    assert "is on the server" in out

    laptop = tmp_path / "laptop"
    answer = server_pass(laptop, url, user, password, cancel=threading.Event())
    assert not answer.auth_error and not answer.campaign_error, answer
    assert answer.campaign.changed and answer.campaign.imported.new_doors == 6
    first_revision = answer.campaign.imported.revision
    with Workspace.open(laptop) as ws:
        assert len(ws.doors()) == 6
        assert {d.interviewer for d in ws.doors(sector="Nord")} == {"Amina"}
        ws.record_visit("1", "absent", at="2026-11-28T10:00:00+01:00", interviewer="Amina")

    # the next pass: the server's package is the same (304), nothing imported
    again = server_pass(laptop, url, user, password, cancel=threading.Event())
    assert again.campaign.unchanged and not again.campaign.changed
    assert "If-None-Match" not in campaign.server.log()  # (never logged: a plain GET)

    # the coordinator assigns the south and publishes again: the laptop takes revision 2
    with Workspace.open(coord) as ws:
        ws.assign_doors("Bilal", sector="Sud")
    ok(publish(campaign, coord))
    newer = server_pass(laptop, url, user, password, cancel=threading.Event())
    assert newer.campaign.changed and newer.campaign.imported.revision > first_revision
    with Workspace.open(laptop) as ws:
        assert {d.interviewer for d in ws.doors(sector="Sud")} == {"Bilal"}
        assert [v.outcome for v in ws.door_visits("1")] == ["absent"]  # nothing lost
    assert not (laptop / "server-campaign.zip").exists()

    # `surveyor campaign fetch` on another laptop, twice; it took a package on a USB key
    # first (its signer is pinned): the server's package, signed by the same key, is taken
    other = tmp_path / "other"
    with Workspace.open(coord) as ws:
        (tmp_path / "usb").mkdir()
        usb = ws.export_campaign(tmp_path / "usb").value.path
    with Workspace.open(other) as ws:
        ws.import_campaign(usb)
    ok(publish(campaign, coord))
    newest = campaign.server.request("GET", CAMPAIGN, auth=campaign.interviewer)
    newer_revision = int(newest.headers["x-surveyor-campaign-revision"])
    env = {"SURVEYOR_PASSWORD": password}
    fetched = ok(
        run_cli("campaign", "fetch", "--server", url, "--user", user, data_dir=other, env=env)
    )
    assert f"revision {newer_revision} imported" in fetched
    second = ok(
        run_cli("campaign", "fetch", "--server", url, "--user", user, data_dir=other, env=env)
    )
    assert "already up to date" in second

    # the coordinator's own data dir never imports a package
    mine = server_pass(coord, url, *campaign.coordinator, cancel=threading.Event())
    assert mine.campaign.coordinator and not mine.campaign.changed


def test_a_laptop_of_another_campaign_refuses_the_package_and_changes_nothing(tmp_path, campaign):
    url, (user, password) = campaign.server.base, campaign.interviewer
    coord = coordinator_dir(tmp_path)
    # this laptop follows another campaign (its package came on a USB key)
    other = tmp_path / "other-coord"
    with Workspace.open(other) as ws:
        ws.import_doors(ban_csv(tmp_path / "autres.csv", SARCELLES[:2]))
        (tmp_path / "key").mkdir()
        package = ws.export_campaign(tmp_path / "key").value.path
    laptop = tmp_path / "laptop"
    with Workspace.open(laptop) as ws:
        ws.import_campaign(package)
    published = publish(campaign, coord)
    if published.returncode != 0:  # another test of the module published another campaign
        assert "another campaign" in published.stderr or "409" in published.stderr
    answer = server_pass(laptop, url, user, password, cancel=threading.Event())
    assert answer.campaign.refused and "another campaign" in answer.campaign.refused
    with Workspace.open(laptop) as ws:
        assert len(ws.doors()) == 2
    # refused once: not fetched again until the server has another package
    assert server_pass(laptop, url, user, password, cancel=threading.Event()).campaign.unchanged


def test_a_server_without_the_campaign_endpoint_is_skipped_quietly(tmp_path):
    laptop = tmp_path / "laptop"
    with CentralStandIn() as central:
        url = central.app_user_url
        answer = server_pass(laptop, url, "", None, cancel=threading.Event())
        assert answer.campaign.unsupported and not answer.campaign_error
        assert not answer.auth_error and not answer.network_error
        out = ok(run_cli("campaign", "fetch", "--server", url, data_dir=laptop))
        assert "does not offer one" in out
        assert any("surveyor/v1/campaign" in path for _m, path, _q in central.requests)
    with Workspace.open(laptop) as ws:
        assert ws.doors() == []


def test_an_erasure_reaches_the_server_or_waits_for_the_next_sync(tmp_path, campaign):
    server, (name, password) = campaign.server, campaign.coordinator
    coordinator = {"SURVEYOR_PASSWORD": password}
    coord = tmp_path / "coord"

    def interview_on_both() -> str:
        xml, instance_id = campaign.new_submission()
        assert server.submit(xml, auth=campaign.interviewer).status == 201
        out = ok(
            run_cli(
                "download", "--server", server.base, "--user", name, data_dir=coord, env=coordinator
            )
        )
        # (after an erasure of the newest submission, the next one is not hidden behind the
        # download's cursor: the server never gives its number again)
        assert "1 new" in out
        return instance_id

    def on_server(instance_id) -> bool:
        return campaign.stored(instance_id) is not None

    first = interview_on_both()
    erase = ("erase", "--yes", "--server", server.base, "--user", name)
    out = ok(run_cli(*erase, first, data_dir=coord, env=coordinator))
    assert "Erased on the server: 1 interview(s)." in out
    assert not on_server(first)

    # the server is down: erased here, queued for the server, the coordinator is told
    second = interview_on_both()
    server.stop()
    try:
        down = run_cli(*erase, second, data_dir=coord, env=coordinator)
        assert down.returncode == 1, down.stdout + down.stderr
        assert "Not yet erased on the server" in down.stderr
        assert "asked again at the next sync" in down.stderr
        assert queued_erasures(coord, server.base) == [second]
    finally:
        server.start()
    assert on_server(second)
    # the next download asks again first (and so does not bring it back)
    ok(
        run_cli(
            "download", "--server", server.base, "--user", name, data_dir=coord, env=coordinator
        )
    )
    assert not on_server(second)
    assert queued_erasures(coord, server.base) == []
    with Workspace.open(coord) as ws:
        assert ws.interview_history(second) == []


def test_the_apps_pass_asks_the_server_for_the_queued_erasures_first(tmp_path, campaign):
    from surveyor.sync.campaign import queue_erasures

    server = campaign.server
    xml, instance_id = campaign.new_submission()
    assert server.submit(xml, auth=campaign.interviewer).status == 201
    coord = tmp_path / "coord"
    coord.mkdir()
    queue_erasures(coord, server.base, [instance_id])  # as an erasure made while offline
    answer = server_pass(coord, server.base, *campaign.coordinator, cancel=threading.Event())
    assert answer.erasures is not None and answer.erasures.erased == [instance_id], answer
    assert campaign.stored(instance_id) is None
    assert queued_erasures(coord, server.base) == []
    # an interviewer's account cannot erase: the pass says so and the erasure stays queued
    queue_erasures(coord, server.base, ["uuid:not-here"])
    refused = server_pass(coord, server.base, *campaign.interviewer, cancel=threading.Event())
    assert refused.auth_error and queued_erasures(coord, server.base) == ["uuid:not-here"]
