"""After "Edit" (Corriger), the replaced version is never handed in again: a hand-in carries
only the current version of an interview (issue 11). (Sending to a server is unchanged: a
version is sent once, and one that never reached the server goes before its correction,
which names it; tests/sync/test_pipeline.py.)"""

from __future__ import annotations

from surveyor.batches import hand_in
from surveyor.interviews.record import Status
from surveyor.services.interviews import finalize_interview
from surveyor.services.interviews import open_session
from surveyor.store.merge import MergeStore
from tests.batches.crafting import records


def corrected(laptop, n=1):
    """Finalize, Edit, change an answer, finalize again: (original, revision)."""
    original = laptop.fill(n)
    revision = laptop.store.revise(original.instance_id)
    session = open_session(laptop.library, revision)
    session.set_answer("/data/closing/comments", "Corrigé.")
    revision = finalize_interview(laptop.library, revision, session)
    return original, revision


def test_hand_in_after_a_correction_carries_only_the_current_version(tmp_path, make_laptop):
    laptop = make_laptop("Amina")
    original, revision = corrected(laptop)
    assert laptop.store.replaced_ids() == {original.instance_id}
    assert MergeStore(laptop.store).count_to_hand_in() == 1
    batch = hand_in(laptop.store, tmp_path / "a.zip", device_id=laptop.device_id)
    rows = records(batch.path)
    assert [r["instance_id"] for r in rows] == [revision.instance_id]
    assert rows[0]["deprecated_id"] == original.instance_id
    # handing in again: still only the current version
    again = hand_in(laptop.store, tmp_path / "b.zip", device_id=laptop.device_id)
    assert [r["instance_id"] for r in records(again.path)] == [revision.instance_id]
    # the replaced version itself is unchanged (kept, never sent)
    assert laptop.store.get_interview(original.instance_id).status == Status.FINALIZED


def test_a_deleted_correction_gives_the_original_back(tmp_path, make_laptop):
    """A correction still a draft replaces the original (the person is correcting it); put in
    the bin, the original is current again."""
    laptop = make_laptop("Amina")
    original = laptop.fill(1)
    revision = laptop.store.revise(original.instance_id)
    assert MergeStore(laptop.store).hand_in_candidates() == []
    laptop.store.delete(revision.instance_id)
    assert laptop.store.replaced_ids() == set()
    assert MergeStore(laptop.store).hand_in_candidates() == [original.instance_id]
