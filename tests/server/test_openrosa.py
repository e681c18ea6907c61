"""The server through a real process and real HTTP: OpenRosa, the rules, accounts, the API."""

from __future__ import annotations

import hashlib
import http.client
import socket
import time
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import openpyxl
import pytest

from tests.server.conftest import HABITANTS
from tests.server.conftest import make_campaign
from tests.server.conftest import multipart
from tests.server.conftest import surveyor

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow

XFORMS = "{http://openrosa.org/xforms/xformsList}"


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def form_list(campaign, query: str = "") -> list[dict]:
    reply = campaign.server.request("GET", f"/formList{query}", auth=campaign.interviewer)
    assert reply.status == 200, reply.body
    assert reply.headers["x-openrosa-version"] == "1.0"
    root = ET.fromstring(reply.body)
    assert root.tag == f"{XFORMS}xforms"
    return [
        {child.tag.replace(XFORMS, ""): child.text for child in xform}
        for xform in root.findall(f"{XFORMS}xform")
    ]


def test_form_list_and_download_hash_match(campaign):
    forms = [f for f in form_list(campaign) if f["formID"] == "enquete_habitants"]
    assert len(forms) == 1
    entry = forms[0]
    assert entry["name"] == "Enquête habitants — besoins non satisfaits"
    assert entry["version"] == "2026112201"
    assert entry["hash"].startswith("md5:")
    assert entry["downloadUrl"].startswith(campaign.server.base + "/")  # from the request
    assert "manifestUrl" not in entry  # no media
    download = campaign.server.request(
        "GET", path_of(entry["downloadUrl"]), auth=campaign.interviewer
    )
    assert download.status == 200
    assert download.headers["x-openrosa-version"] == "1.0"
    assert entry["hash"] == "md5:" + hashlib.md5(download.body).hexdigest()
    assert b'id="enquete_habitants"' in download.body


def test_head_submission(campaign):
    reply = campaign.server.request("HEAD", "/submission", auth=campaign.interviewer)
    assert reply.status == 204
    assert int(reply.headers["x-openrosa-accept-content-length"]) == 10 * 1024 * 1024
    assert reply.headers["x-openrosa-version"] == "1.0"


def test_engine_interview_is_accepted_and_stored_byte_for_byte(campaign):
    reply = campaign.server.submit(campaign.xml, auth=campaign.interviewer)
    assert reply.status == 201, reply.body
    root = ET.fromstring(reply.body)
    assert root.tag == "{http://openrosa.org/http/response}OpenRosaResponse"
    assert root[0].get("nature") == "submit_success"
    stored = campaign.stored(campaign.instance_id)
    assert stored["xml"] == campaign.xml
    assert stored["form_id"] == "enquete_habitants"
    assert stored["form_version"] == "2026112201"
    assert stored["deprecated_id"] is None
    assert stored["submitted_by"] == "ines"


def test_identical_resubmission_is_201_and_stored_once(campaign):
    xml, instance_id = campaign.new_submission()
    assert campaign.server.submit(xml, auth=campaign.interviewer).status == 201
    again = campaign.server.submit(xml, auth=campaign.interviewer)
    assert again.status == 201
    assert b"submit_success" in again.body
    assert [s["instance_id"] for s in campaign.submissions()].count(instance_id) == 1


def test_same_instance_id_different_xml_is_409(campaign):
    xml, instance_id = campaign.new_submission()
    assert campaign.server.submit(xml, auth=campaign.interviewer).status == 201
    changed = xml.replace("Rue des Tilleuls", "Rue des Lilas")
    assert changed != xml
    reply = campaign.server.submit(changed, auth=campaign.interviewer)
    assert reply.status == 409
    assert campaign.stored(instance_id)["xml"] == xml
    assert "409" in campaign.server.log() and "already received" in campaign.server.log()


def test_edit_with_deprecated_id_supersedes_the_old_version(campaign):
    original, old_id = campaign.new_submission()
    assert campaign.server.submit(original, auth=campaign.interviewer).status == 201
    edited, new_id = campaign.new_submission()
    edited = edited.replace(
        f"<instanceID>{new_id}</instanceID>",
        f"<instanceID>{new_id}</instanceID><deprecatedID>{old_id}</deprecatedID>",
    ).replace("Rue des Tilleuls", "Rue des Lilas")
    assert campaign.server.submit(edited, auth=campaign.interviewer).status == 201
    old, new = campaign.stored(old_id), campaign.stored(new_id)
    assert old["superseded_by"] == new_id and old["xml"] == original  # both kept
    assert new["deprecated_id"] == old_id and new["superseded_by"] is None
    # A second edit of the old version (not the current one) is refused.
    second, _ = campaign.new_submission()
    second = second.replace("</instanceID>", f"</instanceID><deprecatedID>{old_id}</deprecatedID>")
    assert campaign.server.submit(second, auth=campaign.interviewer).status == 409


def test_a_submission_split_over_several_posts_is_put_together(campaign):
    xml, instance_id = campaign.new_submission()
    first = campaign.server.submit(xml, {"photo1.jpg": b"\xff\xd8one"}, auth=campaign.interviewer)
    assert first.status == 201
    second = campaign.server.submit(xml, {"photo2.jpg": b"\xff\xd8two"}, auth=campaign.interviewer)
    assert second.status == 201
    # A retry of the first part changes nothing.
    assert (
        campaign.server.submit(
            xml, {"photo1.jpg": b"\xff\xd8one"}, auth=campaign.interviewer
        ).status
        == 201
    )
    stored = campaign.stored(instance_id)
    assert stored["attachments"] == ["photo1.jpg", "photo2.jpg"]
    reply = campaign.server.request(
        "GET",
        f"/api/v1/submissions/{instance_id}/attachments/photo2.jpg",
        auth=campaign.coordinator,
    )
    assert reply.status == 200 and reply.body == b"\xff\xd8two"
    assert reply.headers["content-type"] == "image/jpeg"


def test_unknown_form_or_version_is_404(campaign):
    xml, instance_id = campaign.new_submission(**{'id="enquete_habitants"': 'id="no_such_form"'})
    reply = campaign.server.submit(xml, auth=campaign.interviewer)
    assert reply.status == 404 and b"unknown form" in reply.body
    xml, other_id = campaign.new_submission(**{'version="2026112201"': 'version="1999"'})
    reply = campaign.server.submit(xml, auth=campaign.interviewer)
    assert reply.status == 404 and b"no version" in reply.body
    assert campaign.stored(instance_id) is None and campaign.stored(other_id) is None


XXE = """<?xml version="1.0"?>
<!DOCTYPE data [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<data id="enquete_habitants" version="2026112201"><street>&secret;</street>
<meta><instanceID>uuid:xxe-attack</instanceID></meta></data>"""

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE data [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<data id="enquete_habitants" version="2026112201"><street>&lol2;</street>
<meta><instanceID>uuid:billion-laughs</instanceID></meta></data>"""


def test_xxe_billion_laughs_and_malformed_xml_are_400_and_nothing_is_stored(campaign):
    before = len(campaign.submissions())
    for xml in (XXE, LAUGHS, "<data id='enquete_habitants'><meta><instanceID>uuid:x</meta>"):
        reply = campaign.server.submit(xml, auth=campaign.interviewer)
        assert reply.status == 400, xml
    assert len(campaign.submissions()) == before
    assert "DTDForbidden" in campaign.server.log()


def test_no_xml_part_or_wrong_type_is_400(campaign):
    xml, _ = campaign.new_submission()
    assert (
        campaign.server.submit(xml, auth=campaign.interviewer, xml_type="image/png").status == 400
    )
    body, ctype = multipart(xml, {})
    body = body.replace(b'name="xml_submission_file"', b'name="something_else"')
    reply = campaign.server.request(
        "POST", "/submission", body=body, auth=campaign.interviewer, headers={"Content-Type": ctype}
    )
    assert reply.status == 400
    xml, _ = campaign.new_submission()
    assert (
        campaign.server.submit(xml, auth=campaign.interviewer, xml_type="application/xml").status
        == 201
    )


def test_attachment_names_with_a_path_are_400(campaign):
    for name in ("../evil.jpg", "dir/photo.jpg", "dir\\photo.jpg", ".."):
        xml, instance_id = campaign.new_submission()
        reply = campaign.server.submit(xml, {name: b"x"}, auth=campaign.interviewer)
        assert reply.status == 400, name
        assert campaign.stored(instance_id) is None


def test_too_large_is_413_by_header_and_while_reading(campaign):
    # Declared too large: refused before the body is read.
    conn = http.client.HTTPConnection("127.0.0.1", campaign.server.port, timeout=60)
    conn.putrequest("POST", "/submission")
    conn.putheader("Authorization", _basic(campaign.interviewer))
    conn.putheader("Content-Type", "multipart/form-data; boundary=x")
    conn.putheader("Content-Length", str(11 * 1024 * 1024))
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 413
    conn.close()
    # Chunked, no length: refused once past the limit while reading.
    xml, instance_id = campaign.new_submission()
    body, ctype = multipart(xml, {"big.jpg": b"\0" * (11 * 1024 * 1024)})
    sock = socket.create_connection(("127.0.0.1", campaign.server.port), timeout=60)
    head = (
        f"POST /submission HTTP/1.1\r\nHost: x\r\nAuthorization: {_basic(campaign.interviewer)}"
        f"\r\nContent-Type: {ctype}\r\nTransfer-Encoding: chunked\r\n\r\n"
    ).encode()
    try:
        sock.sendall(head)
        for i in range(0, len(body), 256 * 1024):
            chunk = body[i : i + 256 * 1024]
            sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        sock.sendall(b"0\r\n\r\n")
    except OSError:
        pass  # the server may stop reading and answer before the end
    answer = b""
    try:
        while b"\r\n" not in answer:
            data = sock.recv(4096)
            if not data:
                break
            answer += data
    finally:
        sock.close()
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert campaign.stored(instance_id) is None


def _basic(auth) -> str:
    import base64

    return "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()


def test_401_without_or_with_bad_credentials(campaign):
    for auth in (None, ("ines", "wrong-password"), ("nobody", "x")):
        reply = campaign.server.request("GET", "/formList", auth=auth)
        assert reply.status == 401
        challenges = reply.all("www-authenticate")
        assert challenges[0].startswith('Digest realm="Surveyor", qop="auth", algorithm=MD5')
        assert challenges[1:] == ['Basic realm="Surveyor"']
        assert reply.headers["x-openrosa-version"] == "1.0"
    xml, instance_id = campaign.new_submission()
    assert campaign.server.submit(xml, auth=None).status == 401
    assert campaign.stored(instance_id) is None
    assert "refused GET /formList from 127.0.0.1: 401" in campaign.server.log()


def test_interviewer_cannot_read_submissions_or_publish(campaign):
    assert (
        campaign.server.request("GET", "/api/v1/submissions", auth=campaign.interviewer).status
        == 403
    )
    body, ctype = _form_upload(HABITANTS.read_bytes())
    assert (
        campaign.server.request(
            "POST",
            "/api/v1/forms",
            body=body,
            auth=campaign.interviewer,
            headers={"Content-Type": ctype},
        ).status
        == 403
    )


def test_coordinator_reads_submissions_since_a_cursor(campaign):
    ids = []
    for _ in range(3):
        xml, instance_id = campaign.new_submission()
        assert campaign.server.submit(xml, auth=campaign.interviewer).status == 201
        ids.append(instance_id)
    seen, cursor = [], "0"
    while True:
        reply = campaign.server.request(
            "GET", f"/api/v1/submissions?since={cursor}&limit=2", auth=campaign.coordinator
        )
        assert reply.status == 200
        page = reply.json()
        assert len(page["submissions"]) <= 2
        seen += [s["instance_id"] for s in page["submissions"]]
        if not page["submissions"]:
            assert page["cursor"] == cursor
            break
        cursor = page["cursor"]
    assert seen[-3:] == ids
    assert len(seen) == len(set(seen))
    later = campaign.server.request(
        "GET", f"/api/v1/submissions?since={cursor}", auth=campaign.coordinator
    ).json()
    assert later["submissions"] == []


def test_repeated_bad_passwords_are_slowed_down(campaign):
    name = "rate_limited"
    password = surveyor(
        "server", "add-user", name, "--role", "interviewer", data_dir=campaign.server.data_dir
    ).stdout.strip()
    for _ in range(5):
        assert campaign.server.request("GET", "/formList", auth=(name, "guess")).status == 401
    blocked = campaign.server.request("GET", "/formList", auth=(name, "guess"))
    assert blocked.status == 429
    assert int(blocked.headers["retry-after"]) >= 1
    # Even the right password waits: guessing cannot go on.
    assert campaign.server.request("GET", "/formList", auth=(name, password)).status == 429
    # Other users are not affected.
    assert campaign.server.request("GET", "/formList", auth=campaign.interviewer).status == 200


@pytest.mark.slow
def test_accounts_through_the_cli_and_revocation(campaign):
    data = campaign.server.data_dir
    password = surveyor(
        "server", "add-user", "paul", "--role", "interviewer", data_dir=data
    ).stdout.strip()
    assert len(password) >= 16
    assert all(c.isalnum() or c in "-_" for c in password)
    assert campaign.server.request("GET", "/formList", auth=("paul", password)).status == 200
    duplicate = surveyor(
        "server", "add-user", "paul", "--role", "interviewer", data_dir=data, check=False
    )
    assert duplicate.returncode == 1 and "already exists" in duplicate.stderr
    surveyor("server", "remove-user", "paul", data_dir=data)
    time.sleep(1.5)  # the server's verified-credential cache TTL (1 s in these tests)
    assert campaign.server.request("GET", "/formList", auth=("paul", password)).status == 401
    missing = surveyor("server", "remove-user", "nobody", data_dir=data, check=False)
    assert missing.returncode == 1


def _form_upload(data: bytes, filename="enquete_habitants.xlsx") -> tuple[bytes, str]:
    boundary = "formboundary1234"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def _new_version(tmp_path, version: str):
    workbook = openpyxl.load_workbook(HABITANTS)
    workbook["settings"]["C2"] = version
    path = tmp_path / "enquete_habitants.xlsx"
    workbook.save(path)
    return path


@pytest.mark.slow
def test_publish_new_versions_old_versions_still_accept(campaign, tmp_path):
    data = campaign.server.data_dir
    again = surveyor("server", "publish", str(HABITANTS), data_dir=data)
    assert "already published" in again.stdout
    newer = _new_version(tmp_path, "2026112301")
    out = surveyor("server", "publish", str(newer), data_dir=data).stdout
    assert "2026112301 published" in out
    listed = [f for f in form_list(campaign) if f["formID"] == "enquete_habitants"]
    assert [f["version"] for f in listed] == ["2026112301"]
    every = form_list(campaign, "?listAllVersions=true")
    assert {f["version"] for f in every} >= {"2026112201", "2026112301"}
    # Interviews made with the old version are still accepted.
    xml, instance_id = campaign.new_submission()
    assert campaign.server.submit(xml, auth=campaign.interviewer).status == 201
    assert campaign.stored(instance_id)["form_version"] == "2026112201"
    # Publishing through the API (coordinators).
    newest = _new_version(tmp_path, "2026112401")
    body, ctype = _form_upload(newest.read_bytes())
    reply = campaign.server.request(
        "POST",
        "/api/v1/forms",
        body=body,
        auth=campaign.coordinator,
        headers={"Content-Type": ctype},
    )
    assert reply.status == 201, reply.body
    assert reply.json()["version"] == "2026112401"
    assert [f["version"] for f in form_list(campaign) if f["formID"] == "enquete_habitants"] == [
        "2026112401"
    ]
    # Same version, different content: refused.
    changed = openpyxl.load_workbook(newest)
    changed["settings"]["A2"] = "Autre titre"
    changed.save(tmp_path / "changed.xlsx")
    refused = surveyor(
        "server", "publish", str(tmp_path / "changed.xlsx"), data_dir=data, check=False
    )
    assert refused.returncode == 1 and "different content" in refused.stderr


@pytest.mark.slow
def test_a_restarted_server_keeps_everything(tmp_path):
    campaign = make_campaign(tmp_path)
    try:
        with_photo, photo_id = campaign.new_submission()
        assert campaign.server.submit(campaign.xml, auth=campaign.interviewer).status == 201
        assert (
            campaign.server.submit(
                with_photo, {"p.jpg": b"photo"}, auth=campaign.interviewer
            ).status
            == 201
        )
        campaign.server.stop()
        campaign.server.start()
        assert campaign.stored(campaign.instance_id)["xml"] == campaign.xml
        assert campaign.stored(photo_id)["attachments"] == ["p.jpg"]
        assert len(form_list(campaign)) == 1
        # A retry after the restart is recognised.
        assert campaign.server.submit(campaign.xml, auth=campaign.interviewer).status == 201
        assert len(campaign.submissions()) == 2
    finally:
        campaign.server.stop()


MEDIA_FORM = """| survey |
|        | type | name  | label | image    |
|        | text | hello | Hello | logo.png |
| settings |
|          | form_id    | version |
|          | media_form | 1       |
"""


def test_form_media_manifest_and_download(campaign, tmp_path):
    (tmp_path / "media_form.md").write_text(MEDIA_FORM, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG logo")
    surveyor(
        "server", "publish", str(tmp_path / "media_form.md"), data_dir=campaign.server.data_dir
    )
    entry = next(f for f in form_list(campaign) if f["formID"] == "media_form")
    manifest = campaign.server.request(
        "GET", path_of(entry["manifestUrl"]), auth=campaign.interviewer
    )
    assert manifest.status == 200
    root = ET.fromstring(manifest.body)
    ns = "{http://openrosa.org/xforms/xformsManifest}"
    assert root.tag == f"{ns}manifest"
    files = root.findall(f"{ns}mediaFile")
    assert [f.findtext(f"{ns}filename") for f in files] == ["logo.png"]
    assert files[0].findtext(f"{ns}hash") == "md5:" + hashlib.md5(b"\x89PNG logo").hexdigest()
    media = campaign.server.request(
        "GET", path_of(files[0].findtext(f"{ns}downloadUrl")), auth=campaign.interviewer
    )
    assert media.status == 200 and media.body == b"\x89PNG logo"
