"""Visits and field-added doors through the server (docs/fieldwork.md, "Visits through the
server"): laptops send them with their sync pass to a real ``surveyor serve`` process, the
coordinator's ``surveyor download`` merges them like batches (each visit once); a server
without the endpoint (ODK Central) is skipped without failing the sync."""

from __future__ import annotations

import base64
import http.client
import json
import threading

import pytest

from surveyor.fieldwork.model import status_of_visits
from surveyor.sync.passes import send_pass
from surveyor.workspace import Workspace
from tests.fieldwork.conftest import SARCELLES
from tests.fieldwork.conftest import ban_csv
from tests.sync.central_standin import CentralStandIn
from tests.sync.test_download import run_cli

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow

VISIT = "/surveyor/v1/fieldwork"


def ok(result):
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def prepared_laptops(tmp_path, *names):
    """A coordinator with the Sarcelles door list, and laptops that imported its package."""
    coord = tmp_path / "coord"
    with Workspace.open(coord) as ws:
        ws.import_doors(ban_csv(tmp_path / "portes.csv", SARCELLES))
        ws.assign_doors("Amina", sector="Nord")
        ws.assign_doors("Bilal", sector="Sud")
        (tmp_path / "package").mkdir()
        package = ws.export_campaign(tmp_path / "package").value.path
    laptops = []
    for name in names:
        with Workspace.open(tmp_path / name) as ws:
            ws.import_campaign(package)
        laptops.append(tmp_path / name)
    return coord, laptops


def record(data_dir, *visits):
    with Workspace.open(data_dir) as ws:
        for door, outcome, at, who in visits:
            ws.record_visit(door, outcome, at=at, interviewer=who)


def recorded_visits(*data_dirs):
    visits = {}
    for data_dir in data_dirs:
        with Workspace.open(data_dir) as ws:
            for v in ws.fieldwork_service.doors.visits(device_id=ws.device_id):
                visits[v.visit_id] = v
    return visits


def unsent(data_dir, server):
    from surveyor.sync.fieldwork import count_unsent

    with Workspace.open(data_dir) as ws:
        return count_unsent(ws.store, server, ws.device_id)


def server_fieldwork(campaign) -> dict:
    reply = campaign.server.request("GET", f"{VISIT}?since=0", auth=campaign.coordinator)
    assert reply.status == 200, reply.body
    return reply.json()


@pytest.mark.slow
def test_two_laptops_send_visits_to_the_server_and_the_coordinator_counts_each_once(
    tmp_path, campaign
):
    url, (user, password) = campaign.server.base, campaign.interviewer
    coord, (a, b) = prepared_laptops(tmp_path, "laptop-a", "laptop-b")
    record(
        a,
        ("1", "absent", "2026-11-28T10:00:00+01:00", "Amina"),
        ("2", "refused", "2026-11-28T10:10:00+01:00", "Amina"),
    )
    with Workspace.open(a) as ws:
        field_door = ws.add_door({"number": "14", "street": "rue des Lilas", "sector": "Nord"})
        field_door = field_door.value.door_id
        ws.record_visit(field_door, "done", at="2026-11-28T10:40:00+01:00", interviewer="Amina")
    record(
        b,
        ("2", "absent", "2026-11-28T09:00:00+01:00", "Bilal"),
        ("1", "later", "2026-11-29T17:00:00+01:00", "Bilal"),
        ("6", "vacant", "2026-11-29T17:20:00+01:00", "Bilal"),
    )
    assert unsent(a, url) == 4  # 3 visits and the door added there

    # laptop A: the app's pass (no interview pending: the visits alone make it go)
    answer = send_pass(a, url, user, password, cancel=threading.Event())
    assert answer.fieldwork is not None and not answer.auth_error, answer
    assert (answer.fieldwork.visits, answer.fieldwork.pending) == (3, 0)
    assert not answer.fieldwork.unsupported and not answer.fieldwork.error
    record(a, ("4", "ineligible", "2026-11-30T11:00:00+01:00", "Amina"))
    again = send_pass(a, url, user, password, cancel=threading.Event())
    assert again.fieldwork.visits == 1  # only what the server had not acknowledged

    # laptop B: `surveyor sync`, a real process, twice
    env = {"SURVEYOR_PASSWORD": password}
    out = ok(run_cli("sync", "--server", url, "--user", user, data_dir=b, env=env))
    assert "Visits: 3 sent." in out
    out = ok(run_cli("sync", "--server", url, "--user", user, data_dir=b, env=env))
    assert "Visits" not in out  # nothing left to send
    assert unsent(a, url) == unsent(b, url) == 0

    # the coordinator downloads twice
    coordinator_env = {"SURVEYOR_PASSWORD": campaign.coordinator[1]}
    first = ok(
        run_cli(
            "download",
            "--server",
            url,
            "--user",
            campaign.coordinator[0],
            data_dir=coord,
            env=coordinator_env,
        )
    )
    assert "Fieldwork: 7 new visit(s), 1 new door(s)." in first
    second = ok(
        run_cli(
            "download",
            "--server",
            url,
            "--user",
            campaign.coordinator[0],
            data_dir=coord,
            env=coordinator_env,
        )
    )
    assert "new visit" not in second

    recorded = recorded_visits(a, b)
    assert len(recorded) == 7
    funnel = json.loads(ok(run_cli("fieldwork", "--json", data_dir=coord)))
    assert funnel["visits"] == 7  # each visit once
    assert funnel["doors"] == 7  # the 6 of the list and the one added in the field
    with Workspace.open(coord) as ws:
        statuses = {d.door_id: d.status for d in ws.doors() if d.visits}
        assert {v.visit_id for v in ws.fieldwork_service.doors.visits()} == set(recorded)
        assert ws.door(field_door).origin == "field"
    expected = {
        door_id: status_of_visits(v for v in recorded.values() if v.door_id == door_id)
        for door_id in {v.door_id for v in recorded.values()}
    }
    assert statuses == expected
    assert statuses["2"] == "refused" and statuses[field_door] == "done"
    assert funnel["refused"] == 1 and funnel["done"] == 1 and funnel["vacant"] == 1


@pytest.mark.slow
def test_visits_sent_again_after_a_lost_acknowledgement_are_kept_once(tmp_path, campaign):
    """The answer to a POST is lost (the laptop's mark never moved): the next pass sends the
    same visits again and the server keeps each once, by its uuid."""
    url, (user, password) = campaign.server.base, campaign.interviewer
    coord, (a,) = prepared_laptops(tmp_path, "laptop")
    record(a, ("5", "absent", "2026-11-28T10:00:00+01:00", "Bilal"))
    before = len(server_fieldwork(campaign)["visits"])
    for _ in range(2):
        answer = send_pass(a, url, user, password, cancel=threading.Event())
        assert answer.fieldwork.visits == 1
        with Workspace.open(a) as ws:  # forget the acknowledgement
            for key in ("visits", "doors"):
                with ws.store.transaction("test"):
                    ws.fieldwork_service.doors.set_campaign_value(f"server:{url}:{key}", "0")
    assert len(server_fieldwork(campaign)["visits"]) == before + 1


def test_the_fieldwork_endpoint_refuses_bad_input_with_a_clear_4xx(campaign):
    server, ines = campaign.server, campaign.interviewer
    visit = {
        "visit_id": "v-bad-1",
        "door_id": "nowhere",
        "outcome": "absent",
        "at": "2026-11-28T09:00:00Z",
        "day": "2026-11-28",
    }

    def post(body, auth=ines):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        return server.request(
            "POST", VISIT, body=data, auth=auth, headers={"Content-Type": "application/json"}
        )

    assert post({"doors": [], "visits": []}, auth=None).status == 401
    reply = post(b"{not json")
    assert reply.status == 400 and "not JSON" in reply.json()["error"]
    reply = post({"visits": [{**visit, "outcome": "asleep"}]})
    assert reply.status == 400 and "v-bad-1" in reply.json()["error"]
    reply = post({"visits": [visit]})
    assert reply.status == 400 and "nowhere" in reply.json()["error"]
    reply = post({"doors": [], "visits": [], "interviews": []})
    assert reply.status == 400
    # declared too large: refused before the body is read
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.putrequest("POST", VISIT)
    conn.putheader("Authorization", "Basic " + base64.b64encode(":".join(ines).encode()).decode())
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(11 * 1024 * 1024))
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 413 and "too large" in json.loads(response.read())["error"]
    conn.close()
    many = [{**visit, "visit_id": f"v-{i}"} for i in range(5001)]
    assert post({"doors": [], "visits": many}).status == 413
    assert server.request("GET", VISIT, auth=ines).status == 403  # coordinators read
    assert server.request("GET", f"{VISIT}?since=x", auth=campaign.coordinator).status == 400
    assert not any(v["visit_id"].startswith("v-") for v in server_fieldwork(campaign)["visits"])


def test_a_server_without_the_fieldwork_endpoint_is_skipped_and_the_visits_stay(tmp_path):
    """ODK Central (a stand-in of its documented API) answers 404: `surveyor sync` and the
    app's pass succeed, the visits stay pending for a batch."""
    _coord, (a,) = prepared_laptops(tmp_path, "laptop")
    record(a, ("1", "absent", "2026-11-28T10:00:00+01:00", "Amina"))
    with CentralStandIn() as central:
        url = central.app_user_url
        result = run_cli("sync", "--server", url, data_dir=a)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "this server does not take them; 1 wait for a batch" in result.stdout
        answer = send_pass(a, url, "", None, cancel=threading.Event())
        assert answer.fieldwork.unsupported and not answer.fieldwork.error
        assert not answer.auth_error and not answer.network_error
        assert unsent(a, url) == 1
        assert any("surveyor/v1/fieldwork" in path for _m, path, _q in central.requests)
    with Workspace.open(a) as ws:  # still handed in by batch
        assert ws.fieldwork_to_hand_in() == 1


def test_a_captive_portal_page_is_not_taken_for_the_servers_receipt(tmp_path):
    """A hotel or town-hall Wi-Fi answers 200 with its login page: nothing is marked sent."""
    from http.server import BaseHTTPRequestHandler
    from http.server import ThreadingHTTPServer

    class Portal(BaseHTTPRequestHandler):
        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            page = b"<html><body><form action=/login>Wi-Fi de la mairie</form></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        do_GET = do_POST = do_HEAD = answer

        def log_message(self, *args):
            pass

    _coord, (a,) = prepared_laptops(tmp_path, "laptop")
    record(a, ("1", "absent", "2026-11-28T10:00:00+01:00", "Amina"))
    portal = ThreadingHTTPServer(("127.0.0.1", 0), Portal)
    thread = threading.Thread(target=portal.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{portal.server_address[1]}"
        answer = send_pass(a, url, "ines", "secret", cancel=threading.Event())
    finally:
        portal.shutdown()
        portal.server_close()
    assert answer.fieldwork.visits == 0 and "captive portal" in answer.fieldwork.error
    assert unsent(a, url) == 1
