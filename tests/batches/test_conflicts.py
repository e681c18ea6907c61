"""Edits replace what they name; two different edits of one interview are a conflict."""

from __future__ import annotations

import shutil

from surveyor.batches import BatchWriter, hand_in, list_conflicts, merge_batches, resolve_conflict
from surveyor.store import Store
from surveyor.store.merge import MergeStore
from tests.batches.conftest import Laptop


def edit(laptop: Laptop, instance_id: str, comment: str) -> str:
    """Edit a handed-in interview on a laptop (a new finalized revision); return its id."""
    revision = laptop.store.revise(instance_id)
    answers = dict(revision.answers, comments=comment)
    laptop.store.save_answers(revision.instance_id, answers)
    laptop.store.finalize(revision.instance_id)
    return revision.instance_id


def clone(laptop: Laptop, name: str, make_laptop) -> Laptop:
    """A second laptop holding a copy of the first one's interviews."""
    laptop.store.close()
    shutil.copytree(laptop.data_dir, laptop.data_dir.parent / f"laptop-{name}")
    laptop.store = Store.open(laptop.data_dir)
    laptop.library.store = laptop.store
    return make_laptop(name)


def test_an_edit_supersedes_the_version_it_names_and_keeps_it(tmp_path, make_laptop, coordinator):
    amina = make_laptop("Amina")
    original = amina.fill(1).instance_id
    first = hand_in(amina.store, tmp_path / "1.zip", device_id="a", interviewer="Amina")
    merge_batches(coordinator, [first.path])
    revision = edit(amina, original, "Corrigé.")
    second = hand_in(amina.store, tmp_path / "2.zip", device_id="a", interviewer="Amina")
    report = merge_batches(coordinator, [second.path])
    assert (report.new, report.updated, report.duplicates, report.conflicts) == (0, 1, 1, 0)
    assert MergeStore(coordinator).superseded() == {original: revision}
    assert coordinator.get_interview(original).answers["comments"] == "Entretien numéro 1."
    assert coordinator.get_interview(revision).answers["comments"] == "Corrigé."
    assert coordinator.get_interview(revision).deprecated_id == original


def test_an_edit_arriving_before_its_original_is_linked_when_the_original_comes(
    tmp_path, make_laptop, coordinator
):
    amina = make_laptop("Amina")
    original = amina.fill(1)
    revision_id = edit(amina, original.instance_id, "Corrigé.")
    form = amina.store.get_form(original.form_hash)
    for name, instance_id in (("r.zip", revision_id), ("o.zip", original.instance_id)):
        with BatchWriter(tmp_path / name, device_id="a") as writer:
            writer.add_form(
                content_hash=form.content_hash, form_id=form.form_id, version=form.version,
                title=form.title, source_name=form.source_name, source_bytes=form.source_bytes,
                xform=form.xform,
            )
            writer.add_interview(amina.store.get_interview(instance_id))
    report = merge_batches(coordinator, [tmp_path / "r.zip", tmp_path / "o.zip"])
    assert report.ok and (report.updated, report.new) == (1, 1)
    assert MergeStore(coordinator).superseded() == {original.instance_id: revision_id}
    # the edit came first (alone), then the original: it is linked on arrival
    assert [b.updated for b in report.batches] == [1, 0]


def test_two_edits_of_one_interview_from_two_laptops_are_a_conflict_to_resolve(
    tmp_path, make_laptop, coordinator
):
    amina = make_laptop("Amina")
    original = amina.fill(1).instance_id
    merge_batches(coordinator, [hand_in(amina.store, tmp_path / "0.zip", device_id="a").path])
    bruno = clone(amina, "Bruno", make_laptop)
    by_amina = edit(amina, original, "Version d'Amina.")
    by_bruno = edit(bruno, original, "Version de Bruno.")
    a = hand_in(amina.store, tmp_path / "a.zip", device_id="a", interviewer="Amina")
    b = hand_in(bruno.store, tmp_path / "b.zip", device_id="b", interviewer="Bruno")

    report = merge_batches(coordinator, [a.path, b.path])
    assert report.ok
    assert [(x.updated, x.conflicts) for x in report.batches] == [(1, 0), (0, 1)]
    assert "1 conflict(s)" in str(report)
    # both kept
    assert coordinator.get_interview(by_amina).answers["comments"] == "Version d'Amina."
    assert coordinator.get_interview(by_bruno).answers["comments"] == "Version de Bruno."
    [conflict] = list_conflicts(coordinator)
    assert (conflict.kind, conflict.subject) == ("edit", original)
    assert [v.key for v in conflict.versions] == [by_amina, by_bruno]
    assert conflict.versions[1].answers["comments"] == "Version de Bruno."

    # merging again changes nothing, and does not record the conflict twice
    merge_batches(coordinator, [a.path, b.path])
    assert len(list_conflicts(coordinator)) == 1

    resolved = resolve_conflict(coordinator, conflict.conflict_id, by_bruno)
    assert resolved.kept == by_bruno and resolved.resolved_at
    assert list_conflicts(coordinator) == []
    assert len(list_conflicts(coordinator, include_resolved=True)) == 1
    superseded = MergeStore(coordinator).superseded()
    assert superseded == {original: by_bruno, by_amina: by_bruno}
    assert len(coordinator.list_interviews()) == 3  # nothing erased


def test_the_same_instance_with_another_content_is_a_conflict(tmp_path, make_laptop, coordinator):
    amina = make_laptop("Amina")
    interview = amina.fill(1)
    merge_batches(coordinator, [hand_in(amina.store, tmp_path / "a.zip", device_id="a").path])
    tampered = amina.store.get_interview(interview.instance_id).to_dict()
    tampered["answers"] = dict(tampered["answers"], comments="Autre contenu.")
    with BatchWriter(tmp_path / "t.zip", device_id="x", interviewer="X") as writer:
        writer.add_interview(tampered)
    report = merge_batches(coordinator, [tmp_path / "t.zip"])
    assert (report.new, report.conflicts) == (0, 1)
    [conflict] = list_conflicts(coordinator)
    assert conflict.kind == "same_id" and conflict.subject == interview.instance_id
    stored, variant = conflict.versions
    assert stored.stored and not variant.stored
    assert variant.answers["comments"] == "Autre contenu."
    assert coordinator.get_interview(interview.instance_id).answers["comments"] == "Entretien numéro 1."

    resolve_conflict(coordinator, conflict.conflict_id, variant.key)
    assert coordinator.get_interview(interview.instance_id).answers["comments"] == "Autre contenu."
    # the replaced content is kept
    [conflict] = list_conflicts(coordinator, include_resolved=True)
    kept_aside = [v for v in conflict.versions if not v.stored]
    assert kept_aside[0].answers["comments"] == "Entretien numéro 1."
    # the same batch again: a duplicate now, no new conflict
    report = merge_batches(coordinator, [tmp_path / "a.zip"])
    assert report.batches[0].status == "already merged" and list_conflicts(coordinator) == []
