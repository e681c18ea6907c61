"""Merging many batches reads the next ones in a second process: same result, same rules."""

from __future__ import annotations

from surveyor.batches import hand_in
from surveyor.batches import merge_batches

from .conftest import snapshot
from .test_refused import truncated


def five_batches(tmp_path, make_laptop):
    """Five batches: the third is damaged, the fifth carries a photo (both are read ahead:
    the third once the second proved new, the fifth once the fourth did)."""
    paths = []
    for n, name in enumerate(["Amina", "Bruno", "Chloé", "Driss", "Emma"]):
        laptop = make_laptop(name)
        interview = laptop.fill(10 + n)
        laptop.fill(20 + n)
        if name == "Emma":
            laptop.store.add_attachment(
                interview.instance_id, "porte.jpg", b"\xff\xd8" + b"jpeg" * 40, "image/jpeg"
            )
        path = hand_in(
            laptop.store, tmp_path / f"{n}-{name}.zip", device_id=laptop.device_id, interviewer=name
        ).path
        paths.append(path)
    bad_dir = tmp_path / "damaged"
    bad_dir.mkdir()
    paths[2], reason = truncated(paths[2], bad_dir)
    return paths, reason


def test_batches_read_ahead_merge_like_one_at_a_time(tmp_path, make_laptop, coordinator):
    paths, reason = five_batches(tmp_path, make_laptop)
    report = merge_batches(coordinator, paths)
    assert [b.status for b in report.batches] == ["merged", "merged", "refused", "merged", "merged"]
    assert reason in report.batches[2].reason  # refused by the reader process, in words
    assert report.new == 8
    emma = report.batches[4]
    assert emma.interviewer == "Emma" and emma.new == 2
    rows = coordinator.db.execute(
        "SELECT filename, length(data) FROM attachments WHERE filename = 'porte.jpg'"
    ).fetchall()
    assert rows == [("porte.jpg", 2 + 4 * 40)]

    # the same batches merged one call at a time give the same database
    with type(coordinator).open(tmp_path / "one-by-one") as other:
        for path in paths:
            merge_batches(other, [path])
        assert snapshot(other)["interviews"] == snapshot(coordinator)["interviews"]

    again = merge_batches(coordinator, paths)
    assert [b.status for b in again.batches] == [
        "already merged",
        "already merged",
        "refused",
        "already merged",
        "already merged",
    ]
    assert again.new == 0 and again.duplicates == 8
