"""ODK Collect's habits against a real ``surveyor serve`` (issue 10): Digest login, split
submissions with ``*isIncomplete*``, XForms with ``orx:version``, media of XForms, and
instanceIDs scoped to their form as in ODK Central."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.server.conftest import surveyor

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow

XFORMS = "{http://openrosa.org/xforms/xformsList}"

# The shape of ODK Central's fixtures: the version written as orx:version.
ORX_FORM = """<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
        xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms">
  <h:head>
    <h:title>Simple</h:title>
    <model>
      <instance>
        <data id="orx_simple" orx:version="1.0">
          <name/>
          <meta><orx:instanceID/></meta>
        </data>
      </instance>
      <bind nodeset="/data/name" type="string"/>
      <bind nodeset="/data/meta/instanceID" type="string" readonly="true()"
            jr:preload="uid"/>
    </model>
  </h:head>
  <h:body>
    <input ref="/data/name"><label>Name</label></input>
  </h:body>
</h:html>
"""


def orx_submission(instance_id: str, name: str = "Alice") -> str:
    return (
        '<?xml version="1.0"?><data xmlns:orx="http://openrosa.org/xforms" '
        f'id="orx_simple" orx:version="1.0"><name>{name}</name>'
        f"<orx:meta><orx:instanceID>{instance_id}</orx:instanceID></orx:meta></data>"
    )


@pytest.fixture(scope="module")
def orx_published(campaign, tmp_path_factory):
    folder = tmp_path_factory.mktemp("orx")
    (folder / "orx_simple.xml").write_text(ORX_FORM, encoding="utf-8")
    out = surveyor(
        "server", "publish", str(folder / "orx_simple.xml"), data_dir=campaign.server.data_dir
    ).stdout
    return out


def test_an_xform_with_orx_version_is_published_with_its_version(campaign, orx_published):
    assert "orx_simple version 1.0 published" in orx_published
    reply = campaign.server.request("GET", "/formList?formID=orx_simple", auth=campaign.interviewer)
    root = ET.fromstring(reply.body)
    assert [x.findtext(f"{XFORMS}version") for x in root.findall(f"{XFORMS}xform")] == ["1.0"]


def test_a_collect_submission_with_orx_version_is_accepted(campaign, orx_published):
    reply = campaign.server.submit(orx_submission("uuid:orx-1"), auth=campaign.interviewer)
    assert reply.status == 201, reply.body
    stored = campaign.stored("uuid:orx-1")
    assert stored["form_id"] == "orx_simple" and stored["form_version"] == "1.0"


def test_the_form_loader_reads_orx_version():
    from surveyor.forms.xform import load_xform

    assert load_xform(ORX_FORM).version == "1.0"


MEDIA_XFORM = """<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
        xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms">
  <h:head>
    <h:title>With media</h:title>
    <model>
      <itext><translation lang="default" default="true()">
        <text id="/data/name:label"><value>Name</value>
          <value form="image">jr://images/logo.png</value></text>
      </translation></itext>
      <instance>
        <data id="xform_media" version="3">
          <name/><street/>
          <meta><instanceID/></meta>
        </data>
      </instance>
      <instance id="streets" src="jr://file-csv/streets.csv"/>
      <bind nodeset="/data/name" type="string"/>
      <bind nodeset="/data/street" type="string"/>
      <bind nodeset="/data/meta/instanceID" type="string" readonly="true()"
            jr:preload="uid"/>
    </model>
  </h:head>
  <h:body>
    <input ref="/data/name"><label ref="jr:itext('/data/name:label')"/></input>
    <select1 ref="/data/street"><label>Street</label>
      <itemset nodeset="instance('streets')/root/item">
        <value ref="name"/><label ref="label"/></itemset></select1>
  </h:body>
</h:html>
"""


def test_publishing_an_xform_ships_only_the_media_it_references(campaign, tmp_path):
    (tmp_path / "xform_media.xml").write_text(MEDIA_XFORM, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG logo")
    (tmp_path / "streets.csv").write_text("name,label\nlilas,Rue des Lilas\n", encoding="utf-8")
    for unrelated in ("other.csv", "notes.xml", "export.csv", "shapes.geojson"):
        (tmp_path / unrelated).write_text("a,b\n1,2\n", encoding="utf-8")
    surveyor(
        "server", "publish", str(tmp_path / "xform_media.xml"), data_dir=campaign.server.data_dir
    )
    reply = campaign.server.request(
        "GET", "/formList?formID=xform_media", auth=campaign.interviewer
    )
    entry = ET.fromstring(reply.body).find(f"{XFORMS}xform")
    manifest_url = entry.findtext(f"{XFORMS}manifestUrl")
    path = manifest_url.split(campaign.server.base, 1)[1]
    manifest = ET.fromstring(campaign.server.request("GET", path, auth=campaign.interviewer).body)
    ns = "{http://openrosa.org/xforms/xformsManifest}"
    names = [f.findtext(f"{ns}filename") for f in manifest.findall(f"{ns}mediaFile")]
    assert names == ["logo.png", "streets.csv"]


def test_a_split_submission_with_is_incomplete_is_put_together(campaign):
    xml, instance_id = campaign.new_submission()
    incomplete = {"*isIncomplete*": "yes"}
    first = campaign.server.submit(
        xml, {"p1.jpg": b"one"}, fields=incomplete, auth=campaign.interviewer
    )
    assert first.status == 201, first.body
    # Not yet a submission: readers do not see it before its last part.
    assert campaign.stored(instance_id) is None
    # A retry of the first part, then a different XML for it (refused), then the last part.
    assert (
        campaign.server.submit(
            xml, {"p1.jpg": b"one"}, fields=incomplete, auth=campaign.interviewer
        ).status
        == 201
    )
    changed = xml.replace("Rue des Tilleuls", "Rue des Lilas")
    assert (
        campaign.server.submit(
            changed, {"p2.jpg": b"x"}, fields=incomplete, auth=campaign.interviewer
        ).status
        == 409
    )
    assert (
        campaign.server.submit(
            xml, {"p2.jpg": b"two"}, fields=incomplete, auth=campaign.interviewer
        ).status
        == 201
    )
    last = campaign.server.submit(xml, {"p3.jpg": b"three"}, auth=campaign.interviewer)
    assert last.status == 201
    stored = campaign.stored(instance_id)
    assert stored["xml"] == xml
    # The field is a field, not a file.
    assert sorted(stored["attachments"]) == ["p1.jpg", "p2.jpg", "p3.jpg"]
    for name, content in (("p1.jpg", b"one"), ("p2.jpg", b"two"), ("p3.jpg", b"three")):
        reply = campaign.server.request(
            "GET",
            f"/api/v1/submissions/{instance_id}/attachments/{name}",
            auth=campaign.coordinator,
        )
        assert reply.body == content
    # A retry after completion is still recognised, and adds nothing twice.
    assert (
        campaign.server.submit(
            xml, {"p1.jpg": b"one"}, fields=incomplete, auth=campaign.interviewer
        ).status
        == 201
    )
    assert sorted(campaign.stored(instance_id)["attachments"]) == ["p1.jpg", "p2.jpg", "p3.jpg"]


def test_a_form_field_without_a_filename_is_never_stored_as_a_file(campaign):
    xml, instance_id = campaign.new_submission()
    reply = campaign.server.submit(
        xml, {"p.jpg": b"p"}, fields={"note": "hello"}, auth=campaign.interviewer
    )
    assert reply.status == 201
    assert campaign.stored(instance_id)["attachments"] == ["p.jpg"]


# --- Digest, as ODK Collect logs in over plain HTTP -------------------------------------------


def _digest_client(campaign, user, password, statuses):
    import httpx

    return httpx.Client(
        base_url=campaign.server.base,
        auth=httpx.DigestAuth(user, password),
        headers={"X-OpenRosa-Version": "1.0"},
        timeout=30,
        event_hooks={
            "response": [
                lambda r: statuses.append(
                    (r.request.method, r.status_code, r.headers.get("www-authenticate", ""))
                )
            ]
        },
    )


def test_collect_logs_in_with_digest_and_submits(campaign):
    """The Collect flow with httpx's DigestAuth: HEAD challenged, answered, then POST."""
    from tests.server.conftest import multipart

    statuses = []
    xml, instance_id = campaign.new_submission()
    with _digest_client(campaign, *campaign.interviewer, statuses) as client:
        head = client.head("/submission")
        assert head.status_code == 204
        body, ctype = multipart(xml, {"p.jpg": b"photo"})
        post = client.post(
            "/submission?deviceID=collect%3Aabc", content=body, headers={"Content-Type": ctype}
        )
        assert post.status_code == 201, post.text
        assert client.get("/formList").status_code == 200
    first_method, first_status, challenge = statuses[0]
    assert (first_method, first_status) == ("HEAD", 401)
    assert challenge.startswith('Digest realm="Surveyor", qop="auth", algorithm=MD5, nonce="')
    assert 'opaque="' in challenge
    assert ("HEAD", 204) == statuses[1][:2] and ("POST", 201) in [s[:2] for s in statuses]
    assert campaign.stored(instance_id)["attachments"] == ["p.jpg"]


def test_digest_refuses_a_wrong_password_a_replay_and_a_forged_nonce(campaign):
    import httpx

    statuses = []
    with _digest_client(campaign, campaign.interviewer[0], "wrong", statuses) as client:
        assert client.get("/formList").status_code == 401
    sent = {}
    with httpx.Client(
        base_url=campaign.server.base,
        timeout=30,
        auth=httpx.DigestAuth(*campaign.interviewer),
        event_hooks={"request": [lambda r: sent.update(auth=r.headers.get("authorization"))]},
    ) as client:
        assert client.get("/formList").status_code == 200
    answer = sent["auth"]
    assert answer.startswith("Digest ")
    replay = campaign.server.request("GET", "/formList", auth=answer)
    assert replay.status == 401 and b"replay" in replay.body
    forged = answer.replace('nonce="', 'nonce="1', 1)
    assert campaign.server.request("GET", "/formList", auth=forged).status == 401
    other_uri = campaign.server.request("GET", "/formList?formID=x", auth=answer)
    assert other_uri.status == 401


def test_curl_digest_logs_in_and_submits(campaign, tmp_path):
    import shutil
    import subprocess

    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    xml, instance_id = campaign.new_submission()
    (tmp_path / "submission.xml").write_text(xml, encoding="utf-8")
    user = ":".join(campaign.interviewer)
    head = subprocess.run(
        [
            "curl",
            "-s",
            "--digest",
            "-u",
            user,
            "-I",
            "-H",
            "X-OpenRosa-Version: 1.0",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            f"{campaign.server.base}/submission",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert head.stdout == "204"
    post = subprocess.run(
        [
            "curl",
            "-s",
            "--digest",
            "-u",
            user,
            "-H",
            "X-OpenRosa-Version: 1.0",
            "-F",
            f"xml_submission_file=@{tmp_path / 'submission.xml'};type=text/xml",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            f"{campaign.server.base}/submission",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert post.stdout == "201"
    assert campaign.stored(instance_id)["xml"] == xml


def test_an_account_made_before_digest_gets_its_ha1_at_its_first_basic_login(campaign):
    import sqlite3

    import httpx

    data = campaign.server.data_dir
    password = surveyor(
        "server", "add-user", "ancien", "--role", "interviewer", data_dir=data
    ).stdout.strip()
    with sqlite3.connect(data / "server.db") as conn:  # as an account of the previous version
        conn.execute("UPDATE users SET digest_ha1 = NULL WHERE name = 'ancien'")
    with httpx.Client(
        base_url=campaign.server.base, timeout=30, auth=httpx.DigestAuth("ancien", password)
    ) as client:
        refused = client.get("/formList")
        assert refused.status_code == 401 and "Basic" in refused.text
        assert campaign.server.request("GET", "/formList", auth=("ancien", password)).status == 200
        assert client.get("/formList").status_code == 200


def test_digest_nonces_expire_and_come_back_stale(tmp_path):
    import asyncio

    import httpx

    from surveyor.server import db
    from surveyor.server import service
    from surveyor.server.auth import Authenticator
    from surveyor.server.auth import Refusal

    engine = db.make_engine(db.default_url(tmp_path))
    password = service.add_user(engine, "ines", "interviewer")
    auth = Authenticator(engine, nonce_ttl=-1)  # every nonce is already too old

    async def attempt():
        challenge = (await auth.challenges())[0]
        request = httpx.Request("GET", "http://x/formList")
        flow = httpx.DigestAuth("ines", password).sync_auth_flow(request)
        next(flow)
        answered = flow.send(
            httpx.Response(401, headers={"WWW-Authenticate": challenge}, request=request)
        )
        return await auth.authenticate(
            answered.headers["authorization"], "10.0.0.1", method="GET", uri="/formList"
        )

    result = asyncio.run(attempt())
    assert isinstance(result, Refusal) and result.stale and result.status == 401
    engine.dispose()
