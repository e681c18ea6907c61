"""Encrypted forms with ODK Central, both ways, against the local Central stand-in
(tests/sync/central_standin.py, real HTTP on 127.0.0.1):

- the coordinator's download (``surveyor download --central``) of submissions ODK Collect
  encrypted: made here by the independent encryption written from the specification
  (tests/privacy/odk_spec.py, Collect's manifest), never by Surveyor's own; Central serves
  them in its shapes (the manifest as ``.xml``, ``.enc`` attachments by name, OData rows with
  ``__system`` only). They are stored sealed and open with the coordinator's key at export;
- the laptop's sending of an encrypted interview: the multipart Collect sends.
"""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from surveyor.encryption.keys import public_text_of
from surveyor.errors import DecryptionError
from surveyor.errors import ErrorCode
from surveyor.exports import ExportOptions
from tests.sync.central_standin import CentralStandIn
from tests.sync.central_standin import porte_submission
from tests.sync.central_standin import porte_xform

from .conftest import SECRET
from .conftest import finalize_with_photo
from .conftest import scan
from .odk_spec import ENKETO_NS
from .odk_spec import spec_decrypt
from .odk_spec import spec_encrypt
from .test_coordinator_decrypts import state

PHOTO = b"\xff\xd8" + SECRET.encode() * 30


def encrypted_porte(version: str, public_text: str) -> bytes:
    """The stand-in's form with the coordinator's public key (XLSForm's ``public_key``)."""
    submission = (
        f'<submission method="post" base64RsaPublicKey="{public_text}" orx:auto-delete="true"/>'
    )
    return porte_xform(version).replace(b"</model>", submission.encode() + b"</model>")


def collect_sends(central, instance_id, nom, *, photo=False, drop=(), namespace=None, key=None):
    """What ODK Collect sends for an encrypted form (version 2026.2): the manifest and the
    .enc files, ``drop`` left out (not arrived yet). Returns (manifest, files)."""
    xml = porte_submission(instance_id, nom, 33, version="2026.2", photo="p.jpg" if photo else None)
    manifest, files = spec_encrypt(
        xml,
        [("p.jpg", PHOTO)] if photo else [],
        form_id="porte",
        version="2026.2",
        instance_id=instance_id,
        public_key_text=key,
        **({"namespace": namespace} if namespace else {}),
    )
    sent = {name: data for name, data in files.items() if name not in drop}
    assert central.submit(manifest, sent, device_id="collect:7")[0] == 201
    return manifest, files


@pytest.fixture
def central(private_key):
    """Central with the form ``porte``: version 2026.1 in clear, then 2026.2 encrypted."""
    with CentralStandIn() as server:
        server.publish(porte_xform("2026.1"))
        server.publish(encrypted_porte("2026.2", public_text_of(private_key)))
        server.key = public_text_of(private_key)
        yield server


def download(ws, central):
    return ws.download_central(central.base, 1, central.email, central.password).value


def test_central_serves_encrypted_submissions_in_its_shapes(central):
    """The stand-in's answers for an encrypted form, as central-backend's own tests show them."""
    import httpx

    manifest, _files = collect_sends(central, "uuid:e1", SECRET, photo=True, key=central.key)
    with httpx.Client(base_url=central.base) as http:
        token = http.post(
            "/v1/sessions", json={"email": central.email, "password": central.password}
        ).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        prefix = "/v1/projects/1/forms/porte"
        forms = http.get("/v1/projects/1/forms", headers=auth).json()
        assert forms[0]["keyId"] is not None  # an encrypted form's current version
        assert http.get(f"{prefix}/submissions/uuid:e1.xml", headers=auth).content == manifest
        assert http.get(f"{prefix}/submissions/uuid:e1/attachments", headers=auth).json() == [
            {"name": "p.jpg.enc", "exists": True},
            {"name": "submission.xml.enc", "exists": True},
        ]
        (row,) = http.get(f"{prefix}.svc/Submissions", headers=auth).json()["value"]
        assert set(row) == {"__id", "__system"} and row["__system"]["status"] == "notDecrypted"


def test_download_keeps_them_sealed_and_the_export_opens_them_with_the_key(
    central, open_workspace, private_key, tmp_path
):
    # mixed versions: one submission in clear (2026.1), two encrypted by Collect (2026.2)
    assert central.submit(porte_submission("uuid:clear", "Ana", 40, version="2026.1"))[0] == 201
    collect_sends(central, "uuid:e1", f"{SECRET} un", photo=True, key=central.key)
    collect_sends(
        central, "uuid:e2", f"{SECRET} deux", namespace=ENKETO_NS, key=central.key
    )  # as Enketo writes it
    office = open_workspace("office")
    report = download(office, central)
    assert (report.received, report.new, report.conflicts) == (3, 3, 0), str(report)
    assert report.incomplete == {}
    assert office.get_interview("uuid:clear").answers["nom"] == "Ana"
    assert office.encrypted_waiting() == 2
    office.store.forget_wal()
    assert scan(tmp_path / "office", SECRET) == []  # nothing readable on the coordinator's disk
    # downloaded again: nothing new (the sealed payloads are duplicates)
    assert download(office, central).received == 0
    assert office.encrypted_waiting() == 2

    files = office.export(
        tmp_path / "out", private_key=private_key, options=ExportOptions(personal="keep")
    )
    assert office.encrypted_waiting() == 0
    text = "".join(p.read_text("utf-8-sig") for p in files if p.suffix == ".csv")
    assert f"{SECRET} un" in text and f"{SECRET} deux" in text and "Ana" in text
    one = office.get_interview("uuid:e1")
    assert one.answers["nom"] == f"{SECRET} un" and one.interviewer == "ines"
    assert [a.filename for a in one.attachments] == ["p.jpg"]
    assert office.store.get_attachment("uuid:e1", "p.jpg") == PHOTO


def test_a_wrong_key_is_a_clear_error_and_changes_nothing(central, open_workspace, tmp_path):
    collect_sends(central, "uuid:e1", SECRET, photo=True, key=central.key)
    office = open_workspace("office")
    download(office, central)
    wrong = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    before = state(office)
    with pytest.raises(DecryptionError) as caught:
        office.export(tmp_path / "out", private_key=wrong)
    assert caught.value.code is ErrorCode.DECRYPT_WRONG_KEY
    assert "not their form's key" in str(caught.value)
    assert state(office) == before and office.encrypted_waiting() == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_missing_enc_file_is_listed_incomplete_stored_not_at_all_and_asked_again(
    central, open_workspace, private_key, tmp_path
):
    collect_sends(central, "uuid:e1", f"{SECRET} un", key=central.key)
    # Collect split the second one: the photo's request arrived, submission.xml.enc not yet
    manifest, files = collect_sends(
        central, "uuid:e2", f"{SECRET} deux", photo=True, drop={"submission.xml.enc"},
        key=central.key,
    )  # fmt: skip
    office = open_workspace("office")
    report = download(office, central)
    assert report.received == 1 and report.new == 1, str(report)
    assert report.incomplete == {"uuid:e2": "submission.xml.enc"}
    assert "INCOMPLETE uuid:e2" in str(report) and "asked again" in str(report)
    stored = office.store.db.conn.execute("SELECT instance_id FROM encrypted_interviews").fetchall()
    assert stored == [("uuid:e1",)]  # nothing of e2: neither its manifest nor its photo

    # still missing: listed again, still nothing stored
    again = download(office, central)
    assert again.incomplete == {"uuid:e2": "submission.xml.enc"} and again.new == 0
    # the last request arrives (Central adds it to the same submission; its dates do not move)
    updated = central.submissions[("porte", "uuid:e2")].updated_at
    assert central.submit(manifest, {"submission.xml.enc": files["submission.xml.enc"]})[0] == 201
    assert central.submissions[("porte", "uuid:e2")].updated_at == updated
    last = download(office, central)
    assert (last.received, last.new, last.incomplete) == (1, 1, {}), str(last)
    assert office.encrypted_waiting() == 2
    # then no longer asked
    requests = len(central.requests)
    assert download(office, central).received == 0
    assert not any("uuid:e2" in path for _m, path, _q in central.requests[requests:])

    office.export(tmp_path / "out", private_key=private_key)
    assert office.get_interview("uuid:e2").answers["nom"] == f"{SECRET} deux"
    assert office.store.get_attachment("uuid:e2", "p.jpg") == PHOTO


def test_an_interrupted_download_of_encrypted_submissions_resumes(central, open_workspace):
    from surveyor.sync.transport import TransportError

    collect_sends(central, "uuid:e1", SECRET, photo=True, key=central.key)
    collect_sends(central, "uuid:e2", SECRET, photo=True, key=central.key)
    central.fail_next.append(("/versions/uuid:e2/attachments/p.jpg.enc", 503))  # network drop
    office = open_workspace("office")
    with pytest.raises(TransportError):
        office.download_central(central.base, 1, central.email, central.password, page_size=1)
    assert office.encrypted_waiting() == 1  # the first page is kept, nothing of the second
    rest = download(office, central)
    assert (rest.received, rest.new, rest.duplicates) == (1, 1, 0), str(rest)
    assert office.encrypted_waiting() == 2


def test_an_incomplete_submission_deleted_on_central_is_no_longer_asked(central, open_workspace):
    collect_sends(central, "uuid:e1", SECRET, drop={"submission.xml.enc"}, key=central.key)
    office = open_workspace("office")
    assert download(office, central).incomplete == {"uuid:e1": "submission.xml.enc"}
    del central.submissions[("porte", "uuid:e1")]
    report = download(office, central)
    assert report.incomplete == {} and report.received == 0
    requests = len(central.requests)
    download(office, central)
    assert not any("uuid:e1" in path for _m, path, _q in central.requests[requests:])


def test_a_project_with_central_managed_encryption_is_said_unsupported(central, open_workspace):
    office = open_workspace("office")
    assert not download(office, central).managed_encryption
    central.managed_key = True
    report = download(office, central)
    assert report.managed_encryption and "managed encryption" in str(report)


def test_the_laptop_sends_an_encrypted_interview_as_odk_collect_does(
    open_workspace, encrypted_form_file, private_key
):
    """Collect's multipart for an encrypted form (its InstanceServerUploader and
    EncryptionUtils): ``xml_submission_file`` is the manifest (``submission.xml``,
    ``text/xml``), then one part per ``.enc`` file named by its file name; Central keeps them
    as the submission's XML and attachments."""
    from surveyor.sync.transport import OpenRosaTransport

    laptop = open_workspace("laptop")
    form = laptop.load_form(encrypted_form_file).value
    instance_id = finalize_with_photo(laptop, form, photo=PHOTO)
    with CentralStandIn() as central:
        central.publish(form.xform.encode("utf-8"))
        with OpenRosaTransport(central.app_user_url) as transport:
            report = laptop.send_pending(transport).value
        assert report.ok and report.sent == 1, str(report)
        (parts,) = central.posted
        assert [(name, filename) for name, filename, _type, _data in parts] == [
            ("xml_submission_file", "submission.xml"),
            ("photo.jpg.enc", "photo.jpg.enc"),
            ("submission.xml.enc", "submission.xml.enc"),
        ]
        assert parts[0][2] == "text/xml"
        assert {p[2] for p in parts[1:]} == {"application/octet-stream"}
        manifest = parts[0][3]
        sub = central.submissions[(form.form_id, instance_id)].versions[-1]
        assert sub.xml == manifest and set(sub.attachments) == {
            "photo.jpg.enc",
            "submission.xml.enc",
        }
        for _name, _filename, _type, data in parts:
            assert SECRET.encode() not in data
        xml, media = spec_decrypt(manifest, sub.attachments, private_key)
        assert SECRET in xml.decode("utf-8") and media == {"photo.jpg": PHOTO}


def test_a_large_encrypted_interview_split_in_several_requests_arrives_whole(
    open_workspace, encrypted_form_file, private_key, tmp_path
):
    """Too large for one request (Central's X-OpenRosa-Accept-Content-Length): each POST
    repeats the same manifest with some of the .enc files; Central puts them together, and
    the coordinator's download takes the submission once it is whole."""
    from surveyor.sync.transport import OpenRosaTransport

    laptop = open_workspace("laptop")
    form = laptop.load_form(encrypted_form_file).value
    big = PHOTO * 40
    instance_id = finalize_with_photo(laptop, form, photo=big)
    with CentralStandIn() as central:
        central.publish(form.xform.encode("utf-8"))
        central.accept_length = len(big) + 6000
        with OpenRosaTransport(central.app_user_url) as transport:
            assert laptop.send_pending(transport).value.sent == 1
        assert len(central.posted) == 2
        manifests = {parts[0][3] for parts in central.posted}
        assert len(manifests) == 1  # the same manifest, byte for byte, in each request
        sent = [[p[0] for p in parts[1:]] for parts in central.posted]
        assert sorted(sum(sent, [])) == ["photo.jpg.enc", "submission.xml.enc"]

        office = open_workspace("office")
        report = office.download_central(central.base, 1, central.email, central.password).value
        assert report.received == 1 and report.incomplete == {}, str(report)
        office.decrypt_received(private_key)
        assert office.store.get_attachment(instance_id, "photo.jpg") == big
        assert SECRET in office.get_interview(instance_id).answers["street"]


@pytest.mark.slow
def test_cli_download_from_central_then_export_with_the_key(central, private_key, tmp_path):
    """The commands a coordinator types: `surveyor download --central` keeps them sealed,
    `surveyor export --key --passphrase-file` opens them (the path batches use)."""
    from surveyor.encryption.keys import save_private_key
    from tests.sync.test_download import run_cli

    collect_sends(central, "uuid:e1", f"{SECRET} un", photo=True, key=central.key)
    collect_sends(central, "uuid:e2", SECRET, drop={"p.jpg.enc"}, photo=True, key=central.key)
    key = save_private_key(private_key, tmp_path / "cle.pem", "une phrase secrète")
    (tmp_path / "phrase.txt").write_text("une phrase secrète\n", "utf-8")
    office = tmp_path / "office"
    down = run_cli(
        "download", "--central", central.base, "--project", "1", "--user", central.email,
        data_dir=office, env={"SURVEYOR_PASSWORD": central.password},
    )  # fmt: skip
    assert down.returncode == 0, down.stdout + down.stderr
    assert "1 new" in down.stdout and "INCOMPLETE uuid:e2" in down.stdout, down.stdout
    assert "Still encrypted: 1 interview(s)" in down.stdout
    assert scan(office, SECRET) == []
    wrong = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    wrong_key = save_private_key(wrong, tmp_path / "autre.pem", "une phrase secrète")
    refused = run_cli(
        "export", "--out", str(tmp_path / "out"), "--personal", "keep", "--key", str(wrong_key),
        "--passphrase-file", str(tmp_path / "phrase.txt"), data_dir=office,
    )  # fmt: skip
    assert refused.returncode != 0 and "not their form's key" in refused.stderr, refused.stderr
    assert scan(office, SECRET) == []
    out = run_cli(
        "export", "--out", str(tmp_path / "out"), "--personal", "keep", "--key", str(key),
        "--passphrase-file", str(tmp_path / "phrase.txt"), data_dir=office,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    text = "".join(p.read_text("utf-8-sig") for p in (tmp_path / "out").glob("*.csv"))
    assert f"{SECRET} un" in text
