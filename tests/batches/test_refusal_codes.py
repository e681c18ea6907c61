"""Every refusal of a batch carries a code saying what it means (the app shows the code's
sentence, never reads the English reason), also when the batch was read in the second process."""

from __future__ import annotations

import json
import uuid
import zipfile

import pytest

from surveyor.batches import BatchError
from surveyor.batches import BatchReader
from surveyor.batches import BatchWriter
from surveyor.batches import merge_batches
from surveyor.errors import ErrorCode

from . import test_refused as damages
from .conftest import snapshot
from .test_read_ahead import five_batches

EXPECTED = {
    "truncated": ErrorCode.BATCH_TRUNCATED,
    "flipped_byte": ErrorCode.BATCH_DAMAGED,
    "bad_part_checksum": ErrorCode.BATCH_BAD_CHECKSUM,
    "bad_manifest_checksum": ErrorCode.BATCH_BAD_CHECKSUM,
    "newer_format": ErrorCode.BATCH_UNKNOWN_VERSION,
    "boolean_format_version": ErrorCode.BATCH_MALFORMED,
    "escaping_member": ErrorCode.BATCH_UNSAFE_PATH,
    "absolute_member": ErrorCode.BATCH_UNSAFE_PATH,
    "drive_member": ErrorCode.BATCH_UNSAFE_PATH,
    "symlink_member": ErrorCode.BATCH_UNSAFE_PATH,
    "malformed_json": ErrorCode.BATCH_MALFORMED,
    "unlisted_member": ErrorCode.BATCH_MALFORMED,
    "missing_form": ErrorCode.BATCH_MISSING_FORM,
    "zip_bomb": ErrorCode.BATCH_TOO_BIG,
}


def test_every_damage_of_the_refusal_tests_has_an_expected_code():
    assert set(EXPECTED) == {d.__name__ for d in damages.DAMAGES}


@pytest.mark.parametrize("damage", damages.DAMAGES, ids=[d.__name__ for d in damages.DAMAGES])
def test_a_refused_batch_carries_the_code_of_its_damage(damage, good, tmp_path, coordinator):
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    bad, _reason = damage(good[0], bad_dir)
    refused = merge_batches(coordinator, [bad]).batches[0]
    assert refused.status == "refused"
    assert refused.code is EXPECTED[damage.__name__]
    assert refused.error.code is refused.code


good = damages.good  # the fixture


def test_a_missing_file_and_a_batch_still_being_written_have_their_codes(tmp_path):
    with pytest.raises(BatchError) as missing:
        BatchReader(tmp_path / "nowhere.zip").open()
    assert missing.value.code is ErrorCode.BATCH_MISSING
    part = tmp_path / "amina.zip.part"
    part.write_bytes(b"PK")
    with pytest.raises(BatchError) as unfinished:
        BatchReader(part).open()
    assert unfinished.value.code is ErrorCode.BATCH_UNFINISHED


def test_the_code_survives_the_reader_process(tmp_path, make_laptop, coordinator):
    """The third batch is read ahead in a second process: its refusal keeps its code."""
    paths, _reason = five_batches(tmp_path, make_laptop)
    report = merge_batches(coordinator, paths)
    assert report.batches[2].status == "refused"
    assert report.batches[2].code is ErrorCode.BATCH_TRUNCATED


def _record(path):
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.startswith("interviews/"))
        return json.loads(z.read(name))


def _batch_of(target, records):
    with BatchWriter(target, device_id="surveyor:test") as writer:
        for record in records:
            writer.add_interview(record)
    return target


def test_an_edit_that_replaces_itself_is_refused(good, tmp_path, coordinator):
    record = _record(good[0])
    record["deprecated_id"] = record["instance_id"]
    record["attachments"] = []
    bad = _batch_of(tmp_path / "self-edit.zip", [record])
    before = snapshot(coordinator)
    refused = merge_batches(coordinator, [bad]).batches[0]
    assert refused.status == "refused"
    assert refused.code is ErrorCode.BATCH_EDIT_CHAIN
    assert record["instance_id"] in refused.reason
    assert snapshot(coordinator) == before


def test_two_edits_that_replace_each_other_are_refused(good, tmp_path, coordinator):
    first, second = _record(good[0]), _record(good[0])
    a, b = f"uuid:{uuid.uuid4()}", f"uuid:{uuid.uuid4()}"
    first.update(instance_id=a, deprecated_id=b, attachments=[])
    second.update(instance_id=b, deprecated_id=a, attachments=[])
    bad = _batch_of(tmp_path / "ring.zip", [first, second])
    refused = merge_batches(coordinator, [bad]).batches[0]
    assert refused.status == "refused" and refused.code is ErrorCode.BATCH_EDIT_CHAIN


def test_a_chain_of_edits_that_ends_is_not_refused(good, tmp_path, coordinator):
    """An edit of an edit of the original (all in one batch) is a chain, not a ring."""
    original = _record(good[0])
    original["attachments"] = []
    edit, again = dict(original), dict(original)
    edit.update(instance_id=f"uuid:{uuid.uuid4()}", deprecated_id=original["instance_id"])
    again.update(instance_id=f"uuid:{uuid.uuid4()}", deprecated_id=edit["instance_id"])
    merge_batches(coordinator, [good[0]])  # the form is known
    path = _batch_of(tmp_path / "chain.zip", [original, edit, again])
    with BatchReader(path) as reader:
        content = reader.read()
    assert len(content.interviews) == 3
