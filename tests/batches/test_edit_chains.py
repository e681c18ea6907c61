"""An edit chain that points at itself or loops is refused; no export hides an interview
because of a broken chain."""

from __future__ import annotations

import csv
import uuid

from surveyor.batches import hand_in
from surveyor.batches import merge_batches
from surveyor.exports import export
from surveyor.store.merge import MergeStore
from tests.batches.conftest import snapshot
from tests.batches.crafting import records
from tests.batches.crafting import recraft


def csv_keys(store, out) -> list[str]:
    export(store, out)
    with open(out / "enquete_habitants.csv", encoding="utf-8-sig", newline="") as f:
        return [row["meta-instanceID"] for row in csv.DictReader(f)]


def one_batch(tmp_path, make_laptop, name="Amina", n=1):
    laptop = make_laptop(name)
    laptop.fill(n)
    return hand_in(laptop.store, tmp_path / f"{name}.zip", device_id=laptop.device_id).path


def test_a_record_that_edits_itself_is_refused(tmp_path, make_laptop, coordinator):
    good = one_batch(tmp_path, make_laptop)
    other = one_batch(tmp_path, make_laptop, "Bruno", 2)
    bad = recraft(
        good, tmp_path / "self.zip", record=lambda r: {**r, "deprecated_id": r["instance_id"]}
    )
    before = snapshot(coordinator)
    report = merge_batches(coordinator, [bad, other])
    assert [b.status for b in report.batches] == ["refused", "merged"]
    instance_id = records(good)[0]["instance_id"]
    assert (
        f"the interview {instance_id} names itself as the version it edits"
        in report.batches[0].reason
    )
    assert report.updated == 0
    assert snapshot(coordinator)["interviews"] == before["interviews"] + 1
    assert csv_keys(coordinator, tmp_path / "out") == [records(other)[0]["instance_id"]]


def test_edits_that_loop_within_a_batch_are_refused(tmp_path, make_laptop, coordinator):
    good = one_batch(tmp_path, make_laptop)
    a, b = f"uuid:{uuid.uuid4()}", f"uuid:{uuid.uuid4()}"

    def loop(record):
        return [
            {**record, "instance_id": a, "deprecated_id": b},
            {**record, "instance_id": b, "deprecated_id": a, "instance_name": "B"},
        ]

    bad = recraft(good, tmp_path / "loop.zip", record=loop)
    before = snapshot(coordinator)
    report = merge_batches(coordinator, [bad])
    assert report.batches[0].status == "refused"
    assert "the edits it names form a loop" in report.batches[0].reason
    assert snapshot(coordinator) == before


def test_an_edit_that_closes_a_loop_with_a_merged_one_is_refused(
    tmp_path, make_laptop, coordinator
):
    good = one_batch(tmp_path, make_laptop)
    a, b = f"uuid:{uuid.uuid4()}", f"uuid:{uuid.uuid4()}"
    first = recraft(
        good, tmp_path / "a.zip", record=lambda r: {**r, "instance_id": a, "deprecated_id": b}
    )
    second = recraft(
        good, tmp_path / "b.zip", record=lambda r: {**r, "instance_id": b, "deprecated_id": a}
    )
    report = merge_batches(coordinator, [first, second])
    assert [x.status for x in report.batches] == ["merged", "refused"]
    assert f"the interview {b} and the edits it names form a loop" in report.batches[1].reason
    assert csv_keys(coordinator, tmp_path / "out") == [a]  # the edit stays visible


def test_no_export_drops_an_interview_of_a_chain_damaged_in_the_database(
    tmp_path, make_laptop, coordinator
):
    laptop = make_laptop("Amina")
    ids = [laptop.fill(n).instance_id for n in range(5)]
    path = hand_in(laptop.store, tmp_path / "five.zip", device_id=laptop.device_id).path
    assert merge_batches(coordinator, [path]).new == 5
    a, b, c, d, e = ids
    # written straight into the database, as a damaged file or an old version could hold it:
    # a edits itself; b and c edit each other; d edits e (a sound edit: e is replaced)
    db = coordinator.db
    with db.conn:
        db.execute("UPDATE interviews SET deprecated_id = instance_id WHERE instance_id = ?", [a])
        db.execute("UPDATE interviews SET deprecated_id = ? WHERE instance_id = ?", [c, b])
        db.execute("UPDATE interviews SET deprecated_id = ? WHERE instance_id = ?", [b, c])
        db.execute("UPDATE interviews SET deprecated_id = ? WHERE instance_id = ?", [e, d])
        db.execute("UPDATE merge_state SET superseded_by = instance_id WHERE instance_id = ?", [a])
        db.execute("UPDATE merge_state SET superseded_by = ? WHERE instance_id = ?", [c, b])
        db.execute("UPDATE merge_state SET superseded_by = ? WHERE instance_id = ?", [b, c])
        db.execute("UPDATE merge_state SET superseded_by = ? WHERE instance_id = ?", [d, e])
    assert sorted(csv_keys(coordinator, tmp_path / "out")) == sorted([a, b, c, d])
    assert MergeStore(coordinator).superseded() == {e: d}  # what the overview leaves out
