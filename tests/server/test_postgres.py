"""The server's rules against a real PostgreSQL (``--database postgresql+psycopg://...``).

Set ``SURVEYOR_TEST_POSTGRES`` to a database URL (``.ci/run`` starts a cluster and sets it).
Locally the tests are skipped, saying why, when it is unset; in CI (``CI=true``) they fail
instead: they must never be skipped there. The database's tables are dropped first.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.server.conftest import HABITANTS
from tests.server.conftest import Campaign
from tests.server.conftest import Server
from tests.server.conftest import render_interview
from tests.server.conftest import surveyor

URL = os.environ.get("SURVEYOR_TEST_POSTGRES", "")

if not URL:
    if os.environ.get("CI", "").lower() == "true":
        raise RuntimeError(
            "SURVEYOR_TEST_POSTGRES is not set in CI: the PostgreSQL tests must "
            "run there (.ci/run starts PostgreSQL and sets it)"
        )
    pytest.skip(
        "PostgreSQL not available: set SURVEYOR_TEST_POSTGRES=postgresql+psycopg://... "
        "(.ci/run does)",
        allow_module_level=True,
    )


def sqlalchemy_url(url: str) -> str:
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


DATABASE = sqlalchemy_url(URL)


class PostgresServer(Server):
    def start(self) -> None:
        self.log_file = open(self.log_path, "ab")  # noqa: SIM115
        env = {**os.environ, "SURVEYOR_SERVER_AUTH_TTL": str(self.auth_ttl)}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "surveyor",
                "--data-dir",
                str(self.data_dir),
                "serve",
                "--port",
                str(self.port),
                "--database",
                DATABASE,
            ],
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            env=env,
        )
        import time

        deadline = time.monotonic() + 120  # a safety net: a busy machine starts slowly
        while True:
            try:
                if self.request("GET", "/formList").status in (200, 401):
                    return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start:\n{self.log()}")
            time.sleep(0.1)


@pytest.fixture(scope="module")
def pg_campaign(tmp_path_factory):
    from sqlalchemy import create_engine

    from surveyor.server import db

    engine = create_engine(DATABASE)
    db.metadata.drop_all(engine)
    engine.dispose()
    root = tmp_path_factory.mktemp("pg")
    data = root / "server-data"
    data.mkdir()
    coordinator = (
        "claire",
        surveyor(
            "server",
            "add-user",
            "claire",
            "--role",
            "coordinator",
            "--database",
            DATABASE,
            data_dir=data,
        ).stdout.strip(),
    )
    interviewer = (
        "ines",
        surveyor(
            "server",
            "add-user",
            "ines",
            "--role",
            "interviewer",
            "--database",
            DATABASE,
            data_dir=data,
        ).stdout.strip(),
    )
    surveyor("server", "publish", str(HABITANTS), "--database", DATABASE, data_dir=data)
    xml, instance_id = render_interview(root / "client-data")
    server = PostgresServer(data, auth_ttl=1.0)
    server.start()
    yield Campaign(server, coordinator, interviewer, xml, instance_id)
    server.stop()
    assert not (data / "server.db").exists()  # everything went to PostgreSQL


def test_submission_duplicate_conflict_edit_and_read(pg_campaign):
    c = pg_campaign
    assert c.server.submit(c.xml, auth=c.interviewer).status == 201
    assert c.server.submit(c.xml, auth=c.interviewer).status == 201  # identical: stored once
    changed = c.xml.replace("</data>", "<extra/></data>") if "</data>" in c.xml else c.xml + " "
    assert c.server.submit(changed, auth=c.interviewer).status == 409
    edit, edit_id = c.new_submission()
    edit = edit.replace(
        "</instanceID>", f"</instanceID><deprecatedID>{c.instance_id}</deprecatedID>", 1
    )
    assert c.server.submit(edit, auth=c.interviewer).status == 201, "edit"
    again, _ = c.new_submission()
    again = again.replace(
        "</instanceID>", f"</instanceID><deprecatedID>{c.instance_id}</deprecatedID>", 1
    )
    assert c.server.submit(again, auth=c.interviewer).status == 409  # edit of a replaced one
    rows = c.submissions()
    assert [r["instance_id"] for r in rows].count(c.instance_id) == 1
    original = next(r for r in rows if r["instance_id"] == c.instance_id)
    assert original["superseded_by"] == edit_id and original["xml"] == c.xml
    assert next(r for r in rows if r["instance_id"] == edit_id)["deprecated_id"] == c.instance_id
    # the cursor pages
    reply = c.server.request("GET", "/api/v1/submissions?since=0&limit=1", auth=c.coordinator)
    page = reply.json()
    assert len(page["submissions"]) == 1 and page["more"] is True
    assert c.server.request("GET", "/api/v1/submissions", auth=c.interviewer).status == 403


def test_sync_client_against_postgres(pg_campaign, tmp_path):
    from surveyor.sync.download import download_submissions
    from surveyor.sync.sender import send_pending
    from surveyor.sync.transport import OpenRosaTransport
    from tests.sync.conftest import Laptop

    laptop = Laptop(tmp_path / "laptop")
    try:
        ids = laptop.fill(20)
        with OpenRosaTransport(pg_campaign.server.base, *pg_campaign.interviewer) as tr:
            assert send_pending(laptop.store, laptop.library, tr).ok
        coordinator = Laptop(tmp_path / "coordinator")
        report = download_submissions(
            coordinator.store, pg_campaign.server.base, *pg_campaign.coordinator
        )
        assert report.new >= 20
        assert all(coordinator.store.get_interview(i) for i in ids)
        coordinator.close()
    finally:
        laptop.close()


def test_instance_ids_are_scoped_to_their_form(pg_campaign, tmp_path):
    from tests.server.test_collect import ORX_FORM
    from tests.server.test_collect import orx_submission

    c = pg_campaign
    (tmp_path / "orx_simple.xml").write_text(ORX_FORM, encoding="utf-8")
    surveyor(
        "server",
        "publish",
        str(tmp_path / "orx_simple.xml"),
        "--database",
        DATABASE,
        data_dir=c.server.data_dir,
    )
    xml, instance_id = c.new_submission()
    assert c.server.submit(xml, {"a.jpg": b"one"}, auth=c.interviewer).status == 201
    assert (
        c.server.submit(orx_submission(instance_id), {"a.jpg": b"two"}, auth=c.interviewer).status
        == 201
    )
    assert c.server.submit(orx_submission(instance_id, "Bob"), auth=c.interviewer).status == 409
    rows = [r for r in c.submissions() if r["instance_id"] == instance_id]
    assert sorted(r["form_id"] for r in rows) == ["enquete_habitants", "orx_simple"]
    reply = c.server.request(
        "GET",
        f"/api/v1/submissions/{instance_id}/attachments/a.jpg?form_id=orx_simple",
        auth=c.coordinator,
    )
    assert reply.status == 200 and reply.body == b"two"


OLD_SCHEMA = """
CREATE TABLE submissions (
    seq SERIAL PRIMARY KEY, instance_id VARCHAR(255) NOT NULL UNIQUE,
    form_id VARCHAR(255) NOT NULL, form_version VARCHAR(255) NOT NULL, xml BYTEA NOT NULL,
    xml_md5 VARCHAR(32) NOT NULL, deprecated_id VARCHAR(255), superseded_by VARCHAR(255),
    received_at VARCHAR(40) NOT NULL, submitted_by VARCHAR(200) NOT NULL);
CREATE INDEX ix_submissions_deprecated_id ON submissions (deprecated_id);
CREATE TABLE attachments (
    id SERIAL PRIMARY KEY, instance_id VARCHAR(255) NOT NULL REFERENCES submissions (instance_id),
    name VARCHAR(255) NOT NULL, content_type VARCHAR(255) NOT NULL, md5 VARCHAR(32) NOT NULL,
    content BYTEA NOT NULL, received_at VARCHAR(40) NOT NULL,
    CONSTRAINT uq_attachments_name UNIQUE (instance_id, name));
INSERT INTO submissions (instance_id, form_id, form_version, xml, xml_md5, received_at,
    submitted_by) VALUES ('uuid:old', 'f', '1', 'x', 'm', 't', 'ines');
INSERT INTO attachments (instance_id, name, content_type, md5, content, received_at)
    VALUES ('uuid:old', 'p.jpg', 'image/jpeg', 'm', 'y', 't');
"""


def test_a_postgresql_database_of_the_previous_schema_is_migrated():
    from sqlalchemy import create_engine
    from sqlalchemy import text

    from surveyor.server import db
    from surveyor.server import service

    schema = "schema1_migration"
    admin = create_engine(DATABASE)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        conn.exec_driver_sql(f"SET search_path TO {schema}")
        conn.exec_driver_sql(OLD_SCHEMA)
    admin.dispose()
    sep = "&" if "?" in DATABASE else "?"
    engine = db.make_engine(f"{DATABASE}{sep}options=-csearch_path%3D{schema}")
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT form_id FROM attachments")).scalar_one() == "f"
        assert service.read_attachment(engine, "uuid:old", "p.jpg") == ("image/jpeg", b"y")
        other = service.Incoming(
            "uuid:old", "g", "1", b"<x/>", None, [("p.jpg", "image/jpeg", b"z")]
        )
        assert service.store_submissions(engine, [other])[0].status == 201
        assert service.read_attachment(engine, "uuid:old", "p.jpg", "g") == ("image/jpeg", b"z")
        assert db.make_engine(str(engine.url.render_as_string(hide_password=False)))  # idempotent
    finally:
        engine.dispose()
        with create_engine(DATABASE).begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")


def test_the_campaign_package_and_an_erasure_on_postgres(pg_campaign, tmp_path):
    """The same code on PostgreSQL: publish, read with the ETag (304), refuse an older one;
    an erasure removes every version and its files, and the next submission is still read
    past the reader's cursor (a sequence never gives a number twice)."""
    from tests.server.test_campaign import CAMPAIGN
    from tests.server.test_campaign import ZIP
    from tests.server.test_campaign import packages

    c = pg_campaign
    first, second = packages(tmp_path, 2)
    assert (
        c.server.request(
            "PUT", CAMPAIGN, body=second.read_bytes(), auth=c.coordinator, headers=ZIP
        ).status
        == 201
    )
    old = c.server.request(
        "PUT", CAMPAIGN, body=first.read_bytes(), auth=c.coordinator, headers=ZIP
    )
    assert old.status == 409
    got = c.server.request("GET", CAMPAIGN, auth=c.interviewer)
    assert got.status == 200 and got.body == second.read_bytes()
    etag = got.headers["etag"]
    assert (
        c.server.request(
            "GET", CAMPAIGN, auth=c.interviewer, headers={"If-None-Match": etag}
        ).status
        == 304
    )

    xml, instance_id = c.new_submission()
    assert c.server.submit(xml, {"photo.jpg": b"secret photo"}, auth=c.interviewer).status == 201
    reply = c.server.request("GET", "/api/v1/submissions?since=0&limit=1000", auth=c.coordinator)
    cursor = reply.json()["cursor"]
    erased = c.server.request(
        "DELETE", f"/surveyor/v1/submissions/{instance_id}", auth=c.coordinator
    )
    assert erased.status == 200 and erased.json()["erased"] == [instance_id]
    assert erased.json()["attachments"] == 1
    assert c.stored(instance_id) is None
    after, after_id = c.new_submission()
    assert c.server.submit(after, auth=c.interviewer).status == 201
    page = c.server.request("GET", f"/api/v1/submissions?since={cursor}", auth=c.coordinator)
    assert [s["instance_id"] for s in page.json()["submissions"]] == [after_id]
