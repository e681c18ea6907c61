"""Two laptops hand in, the coordinator merges: every answer arrives once and unchanged."""

from __future__ import annotations

import json
import zipfile

import pytest

from surveyor.batches import FORMAT_VERSION
from surveyor.batches import BatchReader
from surveyor.batches import BatchWriter
from surveyor.batches import hand_in
from surveyor.batches import merge_batches
from surveyor.interviews.record import Status
from surveyor.services.interviews import FormLibrary
from surveyor.store.merge import MergeStore
from tests.batches.conftest import snapshot


def test_two_laptops_hand_in_and_the_coordinator_gets_every_answer_once(
    tmp_path, make_laptop, coordinator
):
    amina, bruno = make_laptop("Amina"), make_laptop("Bruno")
    made = [amina.fill(n) for n in range(3)] + [bruno.fill(n) for n in range(10, 12)]
    amina.library.store.add_attachment(
        made[0].instance_id, "photo.jpg", b"\xff\xd8jpeg", "image/jpeg"
    )
    made[0] = amina.store.get_interview(made[0].instance_id)
    key = tmp_path / "usb-key"
    key.mkdir()
    a = hand_in(
        amina.store, key, interviewer="Amina", device_id=amina.device_id, device_label="PC 1"
    )
    b = hand_in(
        bruno.store, key, interviewer="Bruno", device_id=bruno.device_id, device_label="PC 2"
    )
    assert (a.interviews, a.newly_handed_in, b.interviews) == (3, 3, 2)
    assert (
        a.path.parent == key
        and a.path.name.startswith("lot-Amina-PC-1-")
        and a.path.suffix == ".zip"
    )

    # on the laptops: exported, with where and when
    for laptop, result in ((amina, a), (bruno, b)):
        for summary in laptop.store.list_interviews():
            interview = laptop.store.get_interview(summary.instance_id)
            assert interview.status == Status.HANDED_IN
            assert interview.handed_in == [{"to": str(result.path), "at": interview.exported_at}]

    report = merge_batches(coordinator, [key])
    assert report.ok and (report.new, report.duplicates, report.conflicts) == (5, 0, 0)
    assert report.per_interviewer["Amina"]["new"] == 3
    assert report.per_interviewer["Bruno"]["new"] == 2
    assert "5 new" in str(report) and "Amina: 3 new" in str(report)

    rows = coordinator.list_interviews()
    assert len(rows) == 5 and len({r.instance_id for r in rows}) == 5
    for original in made:
        merged = coordinator.get_interview(original.instance_id)
        assert merged.answers == original.answers
        assert merged.form_hash == original.form_hash
        assert merged.interviewer == original.interviewer
        assert merged.status == Status.HANDED_IN
        assert [x.to_dict() for x in merged.attachments] == [
            x.to_dict() for x in original.attachments
        ]
    assert coordinator.get_attachment(made[0].instance_id, "photo.jpg") == b"\xff\xd8jpeg"
    # the form travelled with the batch: the coordinator can reopen the interviews (from the
    # XForm its hash names; the XLSForm of a batch is not kept, see test_form_trust.py)
    stored = coordinator.get_form(made[0].form_hash)
    assert stored.xform == amina.form.xform and stored.source_bytes is None
    rebuilt = FormLibrary(coordinator).get(made[0].form_hash)
    assert rebuilt.content_hash == made[0].form_hash and set(rebuilt.nodes) == set(amina.form.nodes)


def test_a_batch_merged_twice_and_a_second_hand_in_change_nothing(
    tmp_path, make_laptop, coordinator
):
    amina = make_laptop("Amina")
    for n in range(3):
        amina.fill(n)
    first = hand_in(amina.store, tmp_path, device_id=amina.device_id, interviewer="Amina")
    assert merge_batches(coordinator, [first.path]).new == 3
    before = snapshot(coordinator)

    again = merge_batches(coordinator, [first.path])
    assert [b.status for b in again.batches] == ["already merged"]
    assert (again.new, again.duplicates) == (0, 3)
    assert snapshot(coordinator) == before

    amina.fill(3)
    second = hand_in(amina.store, tmp_path, device_id=amina.device_id, interviewer="Amina")
    assert (second.interviews, second.newly_handed_in) == (4, 1)
    report = merge_batches(coordinator, [tmp_path])  # the folder: both batches
    assert [b.status for b in report.batches].count("already merged") == 1
    assert (report.new, report.duplicates, report.conflicts) == (1, 6, 0)
    assert len(coordinator.list_interviews()) == 4
    # and the whole folder again: nothing
    before = snapshot(coordinator)
    assert merge_batches(coordinator, [tmp_path]).new == 0
    assert snapshot(coordinator) == before


def test_the_batch_is_a_plain_zip_with_a_versioned_manifest(tmp_path, make_laptop):
    amina = make_laptop("Amina")
    interview = amina.fill(1)
    result = hand_in(
        amina.store,
        tmp_path / "b.zip",
        device_id=amina.device_id,
        interviewer="Amina",
        device_label="PC 1",
    )
    with zipfile.ZipFile(result.path) as z:
        assert z.testzip() is None
        manifest = json.loads(z.read("manifest.json"))
        names = set(z.namelist())
        record = json.loads(z.read(f"interviews/{interview.instance_id[5:]}.json"))
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["batch_id"] == result.batch_id
    assert manifest["device"] == {"device_id": "surveyor:amina", "label": "PC 1"}
    assert manifest["interviewer"] == "Amina"
    assert {p["path"] for p in manifest["parts"]} | {"manifest.json"} == names
    form_name = interview.form_hash.replace(":", "-")
    assert {f"forms/{form_name}.json", f"forms/{form_name}.xlsx"} <= names
    assert record["answers"] == interview.answers and record["status"] == "exported"


def test_a_failed_write_leaves_no_batch_and_readers_ignore_part_files(tmp_path, coordinator):
    target = tmp_path / "out.zip"
    with pytest.raises(RuntimeError):
        with BatchWriter(target, device_id="d") as writer:
            writer.add_encrypted(
                {
                    "instance_id": "uuid:x",
                    "form_id": "f",
                    "form_version": "1",
                    "form_hash": "md5:0",
                },
                b"x",
            )
            raise RuntimeError("power cut")
    assert not target.exists()
    assert not list(tmp_path.glob("*.part"))
    (tmp_path / "half.zip.1234abcd.part").write_bytes(b"PK\x03\x04 half")
    report = merge_batches(coordinator, [tmp_path])
    assert report.batches == []


def test_an_encrypted_interview_travels_as_an_opaque_payload(tmp_path, make_laptop, coordinator):
    amina = make_laptop("Amina")
    form = amina.store.get_form(amina.form.content_hash)
    path = tmp_path / "enc.zip"
    with BatchWriter(path, device_id="d", interviewer="Amina") as writer:
        writer.add_form(
            content_hash=form.content_hash,
            form_id=form.form_id,
            version=form.version,
            title=form.title,
            source_name=form.source_name,
            source_bytes=form.source_bytes,
            xform=form.xform,
        )
        writer.add_encrypted(
            {
                "instance_id": "uuid:11111111-2222-3333-4444-555555555555",
                "form_id": form.form_id,
                "form_version": form.version,
                "form_hash": form.content_hash,
                "interviewer": "Amina",
            },
            b"\x00encrypted submission\xff",
        )
    report = merge_batches(coordinator, [path])
    assert report.ok and report.new == 1
    row = coordinator.db.execute("SELECT instance_id, data FROM encrypted_interviews").fetchall()
    assert row == [("uuid:11111111-2222-3333-4444-555555555555", b"\x00encrypted submission\xff")]
    with BatchReader(path) as reader:
        assert reader.interview_count == 1


def test_hand_in_only_carries_interviews_made_here(tmp_path, make_laptop):
    amina, coord = make_laptop("Amina"), make_laptop("Coord")
    amina.fill(1)
    merge_batches(coord.store, [hand_in(amina.store, tmp_path, device_id="a").path])
    coord.fill(2)
    out = tmp_path / "coord"
    out.mkdir()
    result = hand_in(coord.store, out, device_id="c")
    assert result.interviews == 1
    assert MergeStore(coord.store).count_to_hand_in() == 0


def test_batch_file_names_say_who_which_laptop_and_when():
    from datetime import datetime

    from surveyor.batches import batch_file_name

    moment = datetime(2026, 11, 30, 14, 12, 33).astimezone()  # local time
    assert (
        batch_file_name(moment, interviewer="Amélie", device="Portable 3")
        == "lot-Amélie-Portable-3-2026-11-30-1412.zip"
    )
    assert batch_file_name(moment, interviewer="A/B: C?", device="") == (
        "lot-A-B-C-2026-11-30-1412.zip"
    )
    assert batch_file_name(moment) == "lot-laptop-2026-11-30-1412.zip"


def test_two_hand_ins_in_the_same_minute_never_overwrite_each_other(make_laptop, tmp_path):
    from datetime import UTC
    from datetime import datetime

    amina = make_laptop("Amina")
    amina.fill(1)
    key = tmp_path / "key"
    key.mkdir()
    moment = datetime(2026, 11, 30, 14, 12, tzinfo=UTC)
    first = hand_in(amina.store, key, interviewer="Amina", device_id="d", clock=lambda: moment)
    second = hand_in(amina.store, key, interviewer="Amina", device_id="d", clock=lambda: moment)
    assert first.path != second.path and first.path.exists() and second.path.exists()
    assert second.path.name == first.path.stem + "-2.zip"
