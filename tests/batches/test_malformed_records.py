"""A malformed record refuses its batch alone: the others of the same merge still merge."""

from __future__ import annotations

import pytest

from surveyor.batches import hand_in
from surveyor.batches import merge_batches
from tests.batches.crafting import records
from tests.batches.crafting import recraft


@pytest.fixture
def twenty(tmp_path, make_laptop):
    """Twenty one-interview batches of one laptop (distinct batch ids)."""
    amina = make_laptop("Amina")
    for n in range(20):
        amina.fill(n)
    whole = hand_in(amina.store, tmp_path / "all.zip", device_id=amina.device_id).path
    ids = [r["instance_id"] for r in records(whole)]
    folder = tmp_path / "batches"
    folder.mkdir()

    def batch(n: int, change=lambda r: r):
        return recraft(
            whole,
            folder / f"b{n:02}.zip",
            record=lambda r: change(dict(r)) if r["instance_id"] == ids[n] else None,
        )

    return ids, batch


MALFORMED = {
    "answered": {},
    "answerable": "48",
    "position": 3,
    "status": True,
    "created_at": 5,
    "handed_in": [1],
    "answers": {"street": {"nested": "object"}},
    "answers-number": {"street": 12},
    "answers-repeat": {"member": [1, 2]},
    "form_version": ["1"],
}


@pytest.mark.parametrize("field", list(MALFORMED))
def test_one_malformed_record_refuses_its_batch_alone(field, twenty, coordinator):
    ids, batch = twenty
    key = field.split("-")[0]
    value = MALFORMED[field]

    def spoil(record):
        if key == "answers":
            record["answers"] = {**record["answers"], **value}
        else:
            record[key] = value
        return record

    paths = [batch(n, spoil if n == 9 else (lambda r: r)) for n in range(20)]
    report = merge_batches(coordinator, paths)
    statuses = [b.status for b in report.batches]
    assert statuses == ["merged"] * 9 + ["refused"] + ["merged"] * 10
    refused = report.batches[9]
    assert key in refused.reason
    assert "closed" not in str(refused.error)
    assert report.new == 19
    stored = {s.instance_id for s in coordinator.list_interviews()}
    assert stored == set(ids) - {ids[9]}
