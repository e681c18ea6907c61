"""Protected batches: a whole batch encrypted for the coordinator's public key (the interviews
of a form WITHOUT encryption included), so a lost USB key exposes nothing; the import asks
for the private key; a wrong key refuses the batch and changes nothing."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from surveyor.encryption.envelope import is_protected
from surveyor.encryption.keys import public_text_of
from surveyor.errors import BatchError
from surveyor.errors import EncryptionError
from surveyor.errors import ErrorCode

from .conftest import HABITANTS
from .conftest import SECRET
from .conftest import scan
from .conftest import secret_answers
from .test_coordinator_decrypts import state


@pytest.fixture
def protected(open_workspace, private_key, tmp_path):
    """Two interviews of the plain habitants form, handed in protected on a USB key."""
    laptop = open_workspace("laptop")
    form = laptop.load_form(HABITANTS).value
    ids = []
    for n in range(2):
        done = laptop.fill_interview(form, secret_answers(n), finalize=True)
        assert done.value.ok
        ids.append(done.value.interview.instance_id)
    usb = tmp_path / "usb"
    usb.mkdir()
    result = laptop.hand_in(usb, protect_for=public_text_of(private_key)).value
    assert result.interviews == 2
    return result.path, ids


def test_a_protected_batch_holds_nothing_readable(protected, tmp_path):
    batch, _ids = protected
    assert batch.name.endswith("-protected.zip")
    assert is_protected(batch.read_bytes())
    assert [p.name for p in batch.parent.iterdir()] == [batch.name]  # no clear copy beside
    for needle in (SECRET, "Tilleuls", "habitants", "uuid:"):
        assert scan(batch.parent, needle) == [], needle
    assert list((tmp_path / "laptop" / "tmp").iterdir()) == []  # the clear copy is gone


def test_the_import_asks_for_the_key_then_merges(open_workspace, protected, private_key):
    batch, ids = protected
    office = open_workspace("office")
    before = state(office)
    report = office.merge_batches([batch]).value
    assert not report.ok and report.batches[0].code is ErrorCode.BATCH_PROTECTED
    assert "private key" in report.batches[0].reason
    assert state(office) == before

    report = office.merge_batches([batch], private_key=private_key).value
    assert report.ok and report.new == 2, str(report)
    assert report.batches[0].path == batch
    for instance_id in ids:
        assert SECRET in office.get_interview(instance_id).answers["street"]
    assert list((office.data_dir / "tmp").iterdir()) == []  # the opened copy is gone
    again = office.merge_batches([batch], private_key=private_key).value
    assert again.batches[0].status == "already merged"


def test_a_wrong_key_refuses_the_batch_and_changes_nothing(open_workspace, protected):
    batch, _ids = protected
    office = open_workspace("office")
    wrong = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    before = state(office)
    report = office.merge_batches([batch], private_key=wrong).value
    assert report.batches[0].status == "refused"
    assert report.batches[0].code is ErrorCode.DECRYPT_WRONG_KEY
    assert "another key" in str(report.batches[0].error)
    assert state(office) == before


def test_a_damaged_protected_batch_is_refused(open_workspace, protected, private_key):
    batch, _ids = protected
    data = bytearray(batch.read_bytes())
    data[-5] ^= 0x01
    batch.write_bytes(bytes(data))
    office = open_workspace("office")
    report = office.merge_batches([batch], private_key=private_key).value
    assert report.batches[0].code is ErrorCode.DECRYPT_DAMAGED
    assert office.list_interviews() == []


def test_protecting_with_something_that_is_not_a_key_writes_nothing(open_workspace, tmp_path):
    laptop = open_workspace("laptop")
    form = laptop.load_form(HABITANTS).value
    laptop.fill_interview(form, secret_answers(), finalize=True)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises((EncryptionError, BatchError)):
        laptop.hand_in(usb, protect_for="pas une clé")
    assert list(usb.iterdir()) == []
    assert laptop.counts()["finalized"] == 1  # still to hand in
