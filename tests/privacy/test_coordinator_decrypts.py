"""The coordinator decrypts the encrypted interviews at merge (and export) with the private
key; a wrong key or passphrase is a clear error and changes nothing; the batch carries
nothing readable."""

from __future__ import annotations

import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from surveyor.encryption.keys import load_private_key
from surveyor.encryption.keys import save_private_key
from surveyor.errors import DecryptionError
from surveyor.errors import EncryptionError
from surveyor.errors import ErrorCode

from .conftest import SECRET
from .conftest import finalize_with_photo
from .conftest import scan


@pytest.fixture
def handed_in(open_workspace, encrypted_form_file, tmp_path):
    """Two encrypted interviews handed in on a USB key (a folder)."""
    laptop = open_workspace("laptop")
    form = laptop.load_form(encrypted_form_file).value
    ids = [finalize_with_photo(laptop, form, n) for n in range(2)]
    usb = tmp_path / "usb"
    usb.mkdir()
    batch = laptop.hand_in(usb, interviewer="Amina").value.path
    return batch, ids


def state(ws) -> tuple:
    """Everything a merge or a decryption may change, to compare before and after."""
    conn = ws.store.db.conn
    return tuple(
        conn.execute(sql).fetchall()
        for sql in (
            "SELECT instance_id, answers FROM interviews ORDER BY instance_id",
            "SELECT instance_id, sha256, decrypted_at FROM encrypted_interviews ORDER BY 1",
            "SELECT batch_id FROM imported_batches ORDER BY 1",
            "SELECT instance_id, filename, sha256 FROM attachments ORDER BY 1, 2",
        )
    )


def test_the_batch_holds_nothing_readable(handed_in):
    batch, _ids = handed_in
    assert scan(batch.parent, SECRET) == []
    with zipfile.ZipFile(batch) as z:  # the members, decompressed, too
        for name in z.namelist():
            assert SECRET.encode() not in z.read(name), name
            assert b"Tilleuls" not in z.read(name), name


def test_the_coordinator_decrypts_and_merges_with_the_private_key(
    open_workspace, handed_in, private_key, tmp_path
):
    batch, ids = handed_in
    office = open_workspace("office")
    key_file = save_private_key(private_key, tmp_path / "cle.pem", "une phrase secrète")
    key = load_private_key(key_file, "une phrase secrète")
    done = office.merge_batches([batch], private_key=key)
    assert done.value.ok and done.value.decrypted == 2
    assert office.encrypted_waiting() == 0
    for instance_id in sorted(ids):
        interview = office.get_interview(instance_id)
        assert SECRET in interview.answers["street"]
        assert [a.filename for a in interview.attachments] == ["photo.jpg"]
        assert office.store.get_attachment(instance_id, "photo.jpg") == SECRET.encode() * 50
    # merging the same batch again changes nothing
    before = state(office)
    again = office.merge_batches([batch], private_key=key).value
    assert again.new == 0 and state(office) == before


def test_merged_without_the_key_they_wait_encrypted_then_open_at_export(
    open_workspace, handed_in, private_key, tmp_path
):
    batch, ids = handed_in
    office = open_workspace("office")
    report = office.merge_batches([batch]).value
    assert report.ok and report.still_encrypted == 2
    assert office.encrypted_waiting() == 2
    assert scan(tmp_path / "office", SECRET) == []  # kept encrypted on the coordinator too
    files = office.export(tmp_path / "out", private_key=private_key)
    assert office.encrypted_waiting() == 0
    text = "".join(p.read_text("utf-8") for p in files if p.suffix == ".csv")
    assert SECRET in text


def test_a_wrong_key_is_a_clear_error_and_changes_nothing(open_workspace, handed_in):
    batch, _ids = handed_in
    office = open_workspace("office")
    wrong = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    before = state(office)
    with pytest.raises(DecryptionError) as caught:
        office.merge_batches([batch], private_key=wrong)
    assert caught.value.code is ErrorCode.DECRYPT_WRONG_KEY
    assert "not their form's key" in str(caught.value)
    assert state(office) == before  # nothing merged

    office.merge_batches([batch])  # kept encrypted
    before = state(office)
    with pytest.raises(DecryptionError):
        office.decrypt_received(wrong)
    with pytest.raises(DecryptionError):
        office.export(office.data_dir / "out", private_key=wrong)
    assert state(office) == before
    assert office.encrypted_waiting() == 2


def test_a_damaged_encrypted_interview_stops_the_decryption_and_changes_nothing(
    open_workspace, handed_in, private_key
):
    batch, _ids = handed_in
    office = open_workspace("office")
    office.merge_batches([batch])
    conn = office.store.db.conn
    row = conn.execute("SELECT rowid, data FROM encrypted_interviews LIMIT 1").fetchone()
    data = bytearray(row[1])
    at = data.index(b'"submission.xml.enc","') + 30
    data[at] = ord("A") if data[at] != ord("A") else ord("B")  # one base64 letter changed
    with conn:
        conn.execute(
            "UPDATE encrypted_interviews SET data = ? WHERE rowid = ?", [bytes(data), row[0]]
        )
    before = state(office)
    with pytest.raises(DecryptionError) as caught:
        office.decrypt_received(private_key)
    assert caught.value.code is ErrorCode.DECRYPT_DAMAGED
    assert state(office) == before
    # at a merge with the key: the merge is reported, the decryption's reason too
    report = office.merge_batches([batch], private_key=private_key).value
    assert not report.ok and "damaged" in report.decrypt_error  # its reason, in a sentence
    assert "Not decrypted:" in str(report)
    assert state(office) == before and office.encrypted_waiting() == 2


def test_a_wrong_passphrase_is_a_clear_error(private_key, tmp_path):
    path = save_private_key(private_key, tmp_path / "cle.pem", "la bonne phrase")
    with pytest.raises(EncryptionError) as caught:
        load_private_key(path, "une autre phrase")
    assert caught.value.code is ErrorCode.KEY_PASSPHRASE_WRONG
    assert str(path) in str(caught.value)
    with pytest.raises(EncryptionError) as caught:
        load_private_key(tmp_path / "absent.pem", "x")
    assert caught.value.code is ErrorCode.KEY_NOT_FOUND
    assert b"BEGIN ENCRYPTED PRIVATE KEY" in path.read_bytes()  # PKCS#8, encrypted
    with pytest.raises(EncryptionError):  # a key file is never overwritten
        save_private_key(private_key, path, "la bonne phrase")
