"""An encrypted form's finalized interview, in ODK's format, checked against an independent
decryption written from the ODK XForms specification ("Encryption", tests/privacy/odk_spec.py),
with the ``cryptography`` package: nothing of Surveyor's own encryption code is used to check
it. The other way too: what ODK Collect makes (the same module's encryption) Surveyor opens."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

import pytest

from surveyor.errors import EncryptionError
from surveyor.errors import ErrorCode
from surveyor.interviews.record import Status

from .conftest import SECRET
from .conftest import finalize_with_photo
from .conftest import scan
from .odk_spec import COLLECT_NS
from .odk_spec import ENKETO_NS
from .odk_spec import spec_decrypt
from .odk_spec import spec_encrypt

ODK = "{http://opendatakit.org/submissions}"
ORX = "{http://openrosa.org/xforms}"


def sealed_parts(ws, instance_id):
    """What the laptop would send: the manifest and the .enc files (the sending's own path)."""
    from surveyor.sync.render import build_submission

    submission, _name = build_submission(ws.store, ws.library, instance_id)
    return submission


# --- the tests ---------------------------------------------------------------------------------


def test_the_form_reader_keeps_the_public_key(open_workspace, encrypted_form_file, private_key):
    from surveyor.encryption.keys import public_text_of

    ws = open_workspace()
    form = ws.load_form(encrypted_form_file).value
    assert form.public_key == public_text_of(private_key)
    assert "base64RsaPublicKey" in form.xform
    assert ws.form(form.content_hash).public_key == form.public_key  # rebuilt from the store


def test_a_submission_encrypted_by_surveyor_decrypts_with_the_specification(
    open_workspace, encrypted_form_file, private_key
):
    ws = open_workspace()
    form = ws.load_form(encrypted_form_file).value
    photo = b"\xff\xd8" + SECRET.encode() * 40
    instance_id = finalize_with_photo(ws, form, photo=photo)
    assert ws.get_interview(instance_id).status is Status.FINALIZED

    submission = sealed_parts(ws, instance_id)
    files = {name: data for name, _type, data in submission.attachments}
    assert list(files) == ["photo.jpg.enc", "submission.xml.enc"]  # media first, then the XML
    xml, media = spec_decrypt(submission.xml, files, private_key)
    assert media == {"photo.jpg": photo}
    data = ET.fromstring(xml)
    assert data.get("id") == form.form_id
    assert data.find("meta/instanceID").text == instance_id
    assert SECRET in xml.decode("utf-8")
    assert data.find(".//street").text == f"{SECRET} rue 0"


@pytest.mark.parametrize("namespace", [COLLECT_NS, ENKETO_NS])
def test_what_odk_collect_or_enketo_encrypts_surveyor_decrypts(private_key, namespace):
    """The other way: a submission encrypted by the specification's steps with Collect's
    manifest (or Enketo's namespace), opened by Surveyor's decryption."""
    from surveyor.encryption import Sealed
    from surveyor.encryption import decrypt_submission
    from surveyor.encryption.keys import public_text_of

    xml = f"<data id='f' version='3'><a>{SECRET}</a><meta><instanceID>uuid:x</instanceID>"
    xml = (xml + "</meta></data>").encode()
    media = [("b.jpg", b"\xff\xd8" + SECRET.encode()), ("c.wav", b"RIFF" * 9)]
    manifest, files = spec_encrypt(
        xml,
        media,
        form_id="f",
        version="3",
        instance_id="uuid:x",
        public_key_text=public_text_of(private_key),
        namespace=namespace,
    )
    assert spec_decrypt(manifest, files, private_key) == (xml, dict(media))  # the spec agrees
    sealed = Sealed("uuid:x", "f", "3", manifest, sorted(files.items()))
    assert decrypt_submission(sealed, private_key) == (xml, media)
    from surveyor.sync.download import is_encrypted_manifest

    assert is_encrypted_manifest(manifest)


def test_the_manifest_follows_the_specification(open_workspace, encrypted_form_file, private_key):
    ws = open_workspace()
    form = ws.load_form(encrypted_form_file).value
    instance_id = finalize_with_photo(ws, form)
    manifest = sealed_parts(ws, instance_id).xml
    root = ET.fromstring(manifest)
    assert root.tag == f"{ODK}data"
    assert root.get("encrypted") == "yes"
    assert root.get("id") == form.form_id
    assert (root.get("version") or "") == form.version
    children = [c.tag for c in root]
    assert children.count(f"{ODK}base64EncryptedKey") == 1
    assert root.find(f"{ODK}encryptedXmlFile").text == "submission.xml.enc"
    assert [m.find(f"{ODK}file").text for m in root.findall(f"{ODK}media")] == ["photo.jpg.enc"]
    assert root.find(f"{ORX}meta/{ORX}instanceID").text == instance_id
    # the wrapped key is one RSA block of the key's size; so is the signature
    size = private_key.key_size // 8
    assert len(base64.b64decode(root.find(f"{ODK}base64EncryptedKey").text)) == size
    assert len(base64.b64decode(root.find(f"{ODK}base64EncryptedElementSignature").text)) == size
    assert SECRET.encode() not in manifest


def test_an_encrypted_finalized_interview_never_exists_in_clear_on_disk(
    open_workspace, encrypted_form_file, tmp_path
):
    ws = open_workspace()
    form = ws.load_form(encrypted_form_file).value
    # the drafts are in clear while they are drafts (said in docs/privacy.md)...
    interview, session = ws.start_interview(form).value
    session.load_answers({"street": SECRET})
    ws.save_session(interview, session)
    assert ws.list_interviews(search=SECRET.split("-")[0])  # searchable as a draft
    ws.store.forget_wal()
    assert scan(tmp_path / "laptop", SECRET)
    ws.close()

    ws = open_workspace("laptop2")
    form = ws.load_form(encrypted_form_file).value
    ids = [finalize_with_photo(ws, form, n) for n in range(3)]
    done = ws.fill_interview(form, dict(ANSWERS_WITH_SECRET), finalize=True)
    assert done.value.ok, done.value.problems
    ids.append(done.value.interview.instance_id)
    for instance_id in ids:
        stored = ws.get_interview(instance_id)
        assert stored.answers == {} and stored.instance_name == ""
        assert stored.attachments == []
    assert not ws.list_interviews(search=SECRET.split("-")[0])  # gone from the search index
    for needle in (SECRET, "quetzalcoatl"):  # the app still open: the WAL file included
        assert scan(tmp_path / "laptop2", needle) == [], needle
    ws.close()
    for needle in (SECRET, "Tilleuls", "quetzalcoatl", "tilleuls"):  # the index's words too
        assert scan(tmp_path / "laptop2", needle) == [], needle


def test_an_encrypted_interview_cannot_be_edited_again(open_workspace, encrypted_form_file):
    ws = open_workspace()
    form = ws.load_form(encrypted_form_file).value
    instance_id = finalize_with_photo(ws, form)
    with pytest.raises(EncryptionError) as caught:
        ws.revise_interview(ws.get_interview(instance_id))
    assert caught.value.code is ErrorCode.ENCRYPTED_READ_ONLY
    assert len(ws.list_interviews()) == 1  # nothing was added
    with pytest.raises(EncryptionError) as caught:  # nor opened (its answers are not here)
        ws.open_interview(instance_id)
    assert caught.value.code is ErrorCode.ENCRYPTED_READ_ONLY
    # nor exported as an empty row on the laptop
    files = ws.export(ws.data_dir / "out")
    main = [p for p in files if p.name == f"{form.form_id}.csv"]
    assert main and len(main[0].read_text("utf-8-sig").strip().splitlines()) == 1  # header


from .conftest import ANSWERS  # noqa: E402

ANSWERS_WITH_SECRET = dict(ANSWERS, street=f"{SECRET} rue des Tilleuls", comments=SECRET)
