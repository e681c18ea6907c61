"""instanceIDs are scoped to their form, as in ODK Central (issue 10), on SQLite; the
PostgreSQL side is in test_postgres.py. Old server databases are migrated."""

from __future__ import annotations

import sqlite3

import pytest

from tests.server.conftest import HABITANTS
from tests.server.conftest import Server
from tests.server.conftest import surveyor
from tests.server.test_collect import ORX_FORM
from tests.server.test_collect import orx_submission

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow


def _publish_orx(campaign, folder) -> None:
    (folder / "orx_simple.xml").write_text(ORX_FORM, encoding="utf-8")
    surveyor(
        "server",
        "publish",
        str(folder / "orx_simple.xml"),
        data_dir=campaign.server.data_dir,
        check=False,
    )


def test_one_instance_id_in_two_forms_is_two_submissions(campaign, tmp_path):
    _publish_orx(campaign, tmp_path)
    xml, instance_id = campaign.new_submission()
    assert (
        campaign.server.submit(xml, {"a.jpg": b"habitants"}, auth=campaign.interviewer).status
        == 201
    )
    other = orx_submission(instance_id)
    reply = campaign.server.submit(other, {"a.jpg": b"orx"}, auth=campaign.interviewer)
    assert reply.status == 201, reply.body
    rows = [r for r in campaign.submissions() if r["instance_id"] == instance_id]
    assert sorted(r["form_id"] for r in rows) == ["enquete_habitants", "orx_simple"]
    # Within one form the rules stay: a different XML for the same instanceID is 409.
    assert (
        campaign.server.submit(orx_submission(instance_id, "Bob"), auth=campaign.interviewer).status
        == 409
    )
    # Each form's attachment, named by form; without the form the name is ambiguous.
    for form_id, content in (("enquete_habitants", b"habitants"), ("orx_simple", b"orx")):
        reply = campaign.server.request(
            "GET",
            f"/api/v1/submissions/{instance_id}/attachments/a.jpg?form_id={form_id}",
            auth=campaign.coordinator,
        )
        assert reply.status == 200 and reply.body == content
    ambiguous = campaign.server.request(
        "GET", f"/api/v1/submissions/{instance_id}/attachments/a.jpg", auth=campaign.coordinator
    )
    assert ambiguous.status == 409 and b"form_id" in ambiguous.body


def test_an_edit_replaces_only_a_submission_of_its_own_form(campaign, tmp_path):
    _publish_orx(campaign, tmp_path)
    xml, instance_id = campaign.new_submission()
    assert campaign.server.submit(xml, auth=campaign.interviewer).status == 201
    edit = orx_submission("uuid:orx-edit-of-other-form").replace(
        "</orx:instanceID>", f"</orx:instanceID><orx:deprecatedID>{instance_id}</orx:deprecatedID>"
    )
    assert campaign.server.submit(edit, auth=campaign.interviewer).status == 201
    assert campaign.stored(instance_id)["superseded_by"] is None


OLD_SCHEMA = """
CREATE TABLE submissions (
    seq INTEGER NOT NULL, instance_id VARCHAR(255) NOT NULL, form_id VARCHAR(255) NOT NULL,
    form_version VARCHAR(255) NOT NULL, xml BLOB NOT NULL, xml_md5 VARCHAR(32) NOT NULL,
    deprecated_id VARCHAR(255), superseded_by VARCHAR(255), received_at VARCHAR(40) NOT NULL,
    submitted_by VARCHAR(200) NOT NULL, PRIMARY KEY (seq), UNIQUE (instance_id));
CREATE INDEX ix_submissions_deprecated_id ON submissions (deprecated_id);
CREATE TABLE attachments (
    id INTEGER NOT NULL, instance_id VARCHAR(255) NOT NULL, name VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL, md5 VARCHAR(32) NOT NULL, content BLOB NOT NULL,
    received_at VARCHAR(40) NOT NULL, PRIMARY KEY (id),
    CONSTRAINT uq_attachments_name UNIQUE (instance_id, name),
    FOREIGN KEY(instance_id) REFERENCES submissions (instance_id));
"""


@pytest.mark.slow
def test_a_server_database_of_the_previous_schema_is_migrated(tmp_path):
    data = tmp_path / "server-data"
    data.mkdir()
    with sqlite3.connect(data / "server.db") as conn:
        conn.executescript(OLD_SCHEMA)
        conn.execute(
            "INSERT INTO submissions VALUES (7, 'uuid:old', 'orx_simple', '1.0', ?, "
            "'x', NULL, NULL, '2026-01-01T00:00:00.000Z', 'ines')",
            (orx_submission("uuid:old").encode(),),
        )
        conn.execute(
            "INSERT INTO attachments VALUES (1, 'uuid:old', 'p.jpg', 'image/jpeg', "
            "'m', X'FFD8', '2026-01-01T00:00:00.000Z')"
        )
    coordinator = (
        "claire",
        surveyor(
            "server", "add-user", "claire", "--role", "coordinator", data_dir=data
        ).stdout.strip(),
    )
    (tmp_path / "orx_simple.xml").write_text(ORX_FORM, encoding="utf-8")
    surveyor("server", "publish", str(tmp_path / "orx_simple.xml"), data_dir=data)
    surveyor("server", "publish", str(HABITANTS), data_dir=data)
    assert list(data.glob("server.db.*.bak")), "a copy is kept before migrating"
    server = Server(data)
    server.start()
    try:
        rows = server.request("GET", "/api/v1/submissions", auth=coordinator).json()["submissions"]
        assert [(r["instance_id"], r["attachments"]) for r in rows] == [("uuid:old", ["p.jpg"])]
        photo = server.request(
            "GET", "/api/v1/submissions/uuid:old/attachments/p.jpg", auth=coordinator
        )
        assert photo.status == 200 and photo.body == b"\xff\xd8"
        # The old row keeps its place for readers' cursors.
        assert (
            server.request("GET", "/api/v1/submissions?since=7", auth=coordinator).json()[
                "submissions"
            ]
            == []
        )
        # Now the same instanceID in another form is accepted.
        habitants = (
            '<data id="enquete_habitants" version="2026112201"><meta>'
            "<instanceID>uuid:old</instanceID></meta></data>"
        )
        assert server.submit(habitants, auth=coordinator).status == 201
    finally:
        server.stop()
