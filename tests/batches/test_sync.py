"""The shared folder: written when something new is finalized and the folder is there."""

from __future__ import annotations

from surveyor.batches import merge_batches
from surveyor.batches import sync_shared_folder
from surveyor.interviews.record import Status


def test_a_shared_folder_that_disappears_and_comes_back(tmp_path, make_laptop, coordinator):
    amina = make_laptop("Amina")
    share = tmp_path / "share"
    share.mkdir()
    who = {"interviewer": "Amina", "device_id": amina.device_id, "device_label": "PC 1"}

    assert sync_shared_folder(amina.store, share, **who).status == "nothing_new"
    first = amina.fill(1)
    result = sync_shared_folder(amina.store, share, **who)
    assert result.status == "written" and result.hand_in.path.parent == share
    assert sync_shared_folder(amina.store, share, **who).status == "nothing_new"

    second = amina.fill(2)
    away = tmp_path / "share-unplugged"
    share.rename(away)  # the USB key is pulled out / the network share is down
    result = sync_shared_folder(amina.store, share, **who)
    assert result.status == "unreachable" and str(share) in result.message
    assert amina.store.get_interview(second.instance_id).status == Status.FINALIZED
    assert not share.exists()

    away.rename(share)  # back again
    result = sync_shared_folder(amina.store, share, **who)
    assert result.status == "written"
    assert amina.store.get_interview(second.instance_id).status == Status.HANDED_IN
    assert sorted(p.suffix for p in share.iterdir()) == [".zip", ".zip"]  # no .part left

    report = merge_batches(coordinator, [share])
    assert report.ok and report.new == 2
    assert {r.instance_id for r in coordinator.list_interviews()} == {
        first.instance_id,
        second.instance_id,
    }


def test_a_read_only_shared_folder_is_unreachable(tmp_path, make_laptop):
    import os

    amina = make_laptop("Amina")
    amina.fill(1)
    share = tmp_path / "ro"
    share.mkdir()
    share.chmod(0o500)
    try:
        result = sync_shared_folder(amina.store, share, device_id="a")
        if os.geteuid() != 0:  # root writes anywhere
            assert result.status == "unreachable"
        else:
            assert result.status in ("unreachable", "written")
    finally:
        share.chmod(0o700)
