"""The campaign package and erasure endpoints of a real ``surveyor serve`` process
(docs/server.md, "The campaign package" and "Erasure"): the coordinator publishes, laptops
read it with an ETag (304), interviewers cannot publish, a damaged package is refused and
nothing is stored; an erasure removes every version, the files and the visit notes naming it,
and no byte of it is left in the server's storage."""

from __future__ import annotations

import io
import json
import sqlite3
import uuid
import zipfile
from pathlib import Path

import pytest

from surveyor.workspace import Workspace
from tests.fieldwork.conftest import SARCELLES
from tests.fieldwork.conftest import ban_csv
from tests.server.conftest import make_campaign

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow

CAMPAIGN = "/surveyor/v1/campaign"
ZIP = {"Content-Type": "application/zip"}


def packages(tmp_path: Path, count: int) -> list[Path]:
    """``count`` successive revisions of one campaign's package, from a real coordinator."""
    paths = []
    with Workspace.open(tmp_path / "coord") as ws:
        ws.import_doors(ban_csv(tmp_path / "portes.csv", SARCELLES))
        for n in range(count):
            ws.assign_doors(f"Volunteer {n}", sector="Nord")
            folder = tmp_path / f"r{n + 1}"
            folder.mkdir()
            paths.append(ws.export_campaign(folder).value.path)
    return paths


def test_publish_then_read_with_an_etag(campaign, tmp_path):
    server, coordinator, interviewer = campaign.server, campaign.coordinator, campaign.interviewer
    first, second = packages(tmp_path, 2)

    assert server.request("GET", CAMPAIGN, auth=interviewer).status == 204  # none yet
    assert server.request("GET", CAMPAIGN).status == 401

    # an interviewer cannot publish
    refused = server.request(
        "PUT", CAMPAIGN, body=first.read_bytes(), auth=interviewer, headers=ZIP
    )
    assert refused.status == 403
    assert server.request("GET", CAMPAIGN, auth=interviewer).status == 204

    put = server.request("PUT", CAMPAIGN, body=first.read_bytes(), auth=coordinator, headers=ZIP)
    assert put.status == 201, put.body
    assert put.json()["revision"] == 1 and put.json()["new"] is True
    again = server.request("PUT", CAMPAIGN, body=first.read_bytes(), auth=coordinator, headers=ZIP)
    assert again.status == 200 and again.json()["new"] is False

    got = server.request("GET", CAMPAIGN, auth=interviewer)
    assert got.status == 200 and got.body == first.read_bytes()
    assert got.headers["content-type"] == "application/zip"
    etag = got.headers["etag"]
    assert etag == put.headers["etag"]
    assert got.headers["x-surveyor-campaign-revision"] == "1"
    unchanged = server.request("GET", CAMPAIGN, auth=interviewer, headers={"If-None-Match": etag})
    assert unchanged.status == 304 and unchanged.body == b""

    # POST works as PUT; the newer revision replaces it and the old ETag no longer matches
    post = server.request("POST", CAMPAIGN, body=second.read_bytes(), auth=coordinator, headers=ZIP)
    assert post.status == 201 and post.json()["revision"] == 2
    newer = server.request("GET", CAMPAIGN, auth=interviewer, headers={"If-None-Match": etag})
    assert newer.status == 200 and newer.body == second.read_bytes()
    assert newer.headers["etag"] != etag

    # an older revision is refused
    old = server.request("PUT", CAMPAIGN, body=first.read_bytes(), auth=coordinator, headers=ZIP)
    assert old.status == 409 and "older" in old.json()["error"]


def changed_member(data: bytes) -> bytes:
    """The package with one file changed and its manifest as it was (checksums mismatch)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "fieldwork/doors.json":
                content = content.replace(b"Lilas", b"Lolas")
            target.writestr(info, content)
    return out.getvalue()


def test_a_damaged_package_is_refused_and_nothing_is_stored(tmp_path):
    campaign = make_campaign(tmp_path)
    try:
        (package,) = packages(tmp_path, 1)
        data = package.read_bytes()
        for damaged in (data[: len(data) // 2], changed_member(data), b"PK\x03\x04 no zip", b""):
            assert damaged != data
            reply = campaign.server.request(
                "PUT", CAMPAIGN, body=damaged, auth=campaign.coordinator, headers=ZIP
            )
            assert reply.status == 400, reply.body
            assert "not a valid campaign package" in reply.json()["error"]
            assert "refused PUT /surveyor/v1/campaign" in campaign.server.log()
            assert campaign.server.request("GET", CAMPAIGN, auth=campaign.interviewer).status == 204
        reply = campaign.server.request(
            "PUT", CAMPAIGN, body=data, auth=campaign.coordinator, headers=ZIP
        )
        assert reply.status == 201  # the same package undamaged is taken
    finally:
        campaign.server.stop()


def test_a_package_over_the_limit_is_refused(campaign):
    reply = campaign.server.request(
        "PUT",
        CAMPAIGN,
        body=b"x",
        auth=campaign.coordinator,
        headers={**ZIP, "Content-Length": str(200 * 1024 * 1024)},
    )
    assert reply.status == 413


def scan(folder: Path, needle: str, *, skip: tuple[str, ...] = ()) -> list[str]:
    data = needle.encode()
    return [
        p.name
        for p in folder.rglob("*")
        if p.is_file() and p.name not in skip and data in p.read_bytes()
    ]


def test_an_erasure_removes_every_version_its_files_and_visit_notes(campaign, tmp_path):
    server, coordinator, interviewer = campaign.server, campaign.coordinator, campaign.interviewer
    marker = f"zanzibar-{uuid.uuid4().hex}"  # in the photo and the edit: nowhere else
    photo = (marker * 40).encode()
    xml, first = campaign.new_submission()
    assert server.submit(xml, {"photo.jpg": photo}, auth=interviewer).status == 201
    edit, edit_id = campaign.new_submission(**{"Rue des Tilleuls": marker})
    edit = edit.replace(
        f"<instanceID>{edit_id}</instanceID>",
        f"<instanceID>{edit_id}</instanceID><deprecatedID>{first}</deprecatedID>",
    )
    assert marker in edit
    assert server.submit(edit, auth=interviewer).status == 201
    other_xml, other = campaign.new_submission()
    assert server.submit(other_xml, auth=interviewer).status == 201
    door = {"door_id": f"door-{uuid.uuid4().hex[:8]}", "number": "3", "street": "rue Haute"}
    visit = {
        "visit_id": str(uuid.uuid4()),
        "door_id": door["door_id"],
        "outcome": "done",
        "at": "2026-11-28T10:00:00.000Z",
        "day": "2026-11-28",
        "instance_id": edit_id,
        "note": f"note {marker}",
        "interviewer": "ines",
    }
    sent = server.request(
        "POST",
        "/surveyor/v1/fieldwork",
        body=json.dumps({"doors": [door], "visits": [visit]}).encode(),
        auth=interviewer,
        headers={"Content-Type": "application/json"},
    )
    assert sent.status == 200, sent.body
    db_files = ("server.db", "server.db-wal")
    # as on a server running for weeks: what was received is in the database file itself
    with sqlite3.connect(server.data_dir / "server.db") as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert scan(server.data_dir, marker, skip=("server.log",)) == ["server.db"]  # seen before

    assert (
        server.request("DELETE", f"/surveyor/v1/submissions/{first}", auth=interviewer).status
        == 403
    )
    reply = server.request("DELETE", f"/surveyor/v1/submissions/{first}", auth=coordinator)
    assert reply.status == 200, reply.body
    answer = reply.json()
    assert sorted(answer["erased"]) == sorted([first, edit_id])
    assert (answer["attachments"], answer["visits"]) == (1, 1)

    ids = {s["instance_id"] for s in campaign.submissions()}
    assert first not in ids and edit_id not in ids and other in ids
    gone = server.request(
        "GET", f"/api/v1/submissions/{first}/attachments/photo.jpg", auth=coordinator
    )
    assert gone.status == 404
    fieldwork = server.request("GET", "/surveyor/v1/fieldwork?since=0", auth=coordinator).json()
    (kept,) = [v for v in fieldwork["visits"] if v["visit_id"] == visit["visit_id"]]
    assert kept["outcome"] == "done" and kept["note"] == "" and kept["instance_id"] is None

    # no byte of it left in the server's storage (the log names the instanceIDs only)
    assert scan(server.data_dir, marker, skip=("server.log",)) == []
    for instance_id in (first, edit_id):
        assert [f for f in scan(server.data_dir, instance_id) if f in db_files] == []
    assert marker not in server.log()
    assert f"2 version(s) of {first}" in server.log()

    # asked again (a retry from a queue): nothing left, nothing fails
    again = server.request("DELETE", f"/surveyor/v1/submissions/{first}", auth=coordinator)
    assert again.status == 200 and again.json()["erased"] == []


def test_an_erasure_drops_a_stored_package_whose_visits_name_it(tmp_path):
    campaign = make_campaign(tmp_path)
    server = campaign.server
    try:
        xml, instance_id = campaign.new_submission()
        assert server.submit(xml, auth=campaign.interviewer).status == 201
        with Workspace.open(tmp_path / "coord") as ws:
            ws.import_doors(ban_csv(tmp_path / "portes.csv", SARCELLES))
            ws.record_visit("1", "done", note="a note", instance_id=instance_id)
            (tmp_path / "out").mkdir()
            package = ws.export_campaign(tmp_path / "out").value.path
        put = server.request(
            "PUT", CAMPAIGN, body=package.read_bytes(), auth=campaign.coordinator, headers=ZIP
        )
        assert put.status == 201
        # another interview's erasure leaves the package alone
        other_xml, other = campaign.new_submission()
        assert server.submit(other_xml, auth=campaign.interviewer).status == 201
        reply = server.request(
            "DELETE", f"/surveyor/v1/submissions/{other}", auth=campaign.coordinator
        )
        assert reply.json()["packages"] == 0
        assert server.request("GET", CAMPAIGN, auth=campaign.interviewer).status == 200
        reply = server.request(
            "DELETE", f"/surveyor/v1/submissions/{instance_id}", auth=campaign.coordinator
        )
        assert reply.status == 200 and reply.json()["packages"] == 1
        assert server.request("GET", CAMPAIGN, auth=campaign.interviewer).status == 204
    finally:
        server.stop()


def test_a_protected_package_is_checked_by_its_clear_header(tmp_path):
    campaign = make_campaign(tmp_path)
    server = campaign.server
    try:
        with Workspace.open(tmp_path / "coord") as ws:
            ws.import_doors(ban_csv(tmp_path / "portes.csv", SARCELLES))
            (tmp_path / "out").mkdir()
            written = ws.export_campaign(tmp_path / "out", passphrase="correct horse battery")
            package = written.value
        data = package.path.read_bytes()
        assert b"rue des Lilas" not in data  # ciphertext
        bad = data.replace(b"surveyor-campaign", b"surveyor-nothing!", 1)
        refused = server.request("PUT", CAMPAIGN, body=bad, auth=campaign.coordinator, headers=ZIP)
        assert refused.status == 400, refused.body
        put = server.request("PUT", CAMPAIGN, body=data, auth=campaign.coordinator, headers=ZIP)
        assert put.status == 201 and put.json()["revision"] == package.revision
        got = server.request("GET", CAMPAIGN, auth=campaign.interviewer)
        assert got.body == data
    finally:
        server.stop()
