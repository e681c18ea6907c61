"""Edits replace what they name; two different edits of one interview are a conflict."""

from __future__ import annotations

import shutil
import uuid

from surveyor.batches import BatchWriter
from surveyor.batches import hand_in
from surveyor.batches import list_conflicts
from surveyor.batches import merge_batches
from surveyor.batches import resolve_conflict
from surveyor.store import Store
from surveyor.store.merge import MergeStore
from tests.batches.conftest import Laptop
from tests.batches.crafting import records
from tests.batches.crafting import recraft


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
    # the second batch carries only the current version (the replaced one is not handed in
    # again, issue 11): one update, no duplicate
    assert (report.new, report.updated, report.duplicates, report.conflicts) == (0, 1, 0, 0)
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
                content_hash=form.content_hash,
                form_id=form.form_id,
                version=form.version,
                title=form.title,
                source_name=form.source_name,
                source_bytes=form.source_bytes,
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
    assert (
        coordinator.get_interview(interview.instance_id).answers["comments"]
        == "Entretien numéro 1."
    )

    resolve_conflict(coordinator, conflict.conflict_id, variant.key)
    assert coordinator.get_interview(interview.instance_id).answers["comments"] == "Autre contenu."
    # the replaced content is kept
    [conflict] = list_conflicts(coordinator, include_resolved=True)
    kept_aside = [v for v in conflict.versions if not v.stored]
    assert kept_aside[0].answers["comments"] == "Entretien numéro 1."
    # the same batch again: a duplicate now, no new conflict
    report = merge_batches(coordinator, [tmp_path / "a.zip"])
    assert report.batches[0].status == "already merged" and list_conflicts(coordinator) == []


def _versions_of(original: dict, *edits: tuple[str, str]) -> list[dict]:
    """The original record and edits of it: (instanceID, comment) each, in that order."""
    out = []
    for instance_id, comment in edits:
        answers = dict(original["answers"], comments=comment)
        out.append(
            {
                **original,
                "instance_id": instance_id,
                "deprecated_id": original["instance_id"],
                "answers": answers,
            }
        )
    return out


def _merge_in_batches(tmp_path, coordinator, good, groups: list[list[dict]]):
    tmp_path.mkdir()
    paths = []
    for n, group in enumerate(groups):
        paths.append(
            recraft(good, tmp_path / f"g{len(groups)}-{n}.zip", record=lambda r, g=group: g)
        )
    report = merge_batches(coordinator, paths)
    assert report.ok, [b.reason for b in report.refused]
    merge = MergeStore(coordinator)
    conflicts = sorted(
        (c.kind, c.subject, sorted(v.key for v in c.versions)) for c in merge.list_conflicts()
    )
    return merge.superseded(), conflicts, report.as_dict()


def test_an_original_after_two_conflicting_edits_ends_the_same_in_one_batch_or_three(
    tmp_path, make_laptop
):
    amina = make_laptop("Amina")
    amina.fill(1)
    good = hand_in(amina.store, tmp_path / "good.zip", device_id="a").path
    original = records(good)[0]
    e1, e2 = f"uuid:{uuid.uuid4()}", f"uuid:{uuid.uuid4()}"
    versions = _versions_of(original, (e1, "Version 1."), (e2, "Version 2.")) + [original]
    with Store.open(tmp_path / "one") as one, Store.open(tmp_path / "three") as three:
        together = _merge_in_batches(tmp_path / "a", one, good, [versions])
        apart = _merge_in_batches(tmp_path / "b", three, good, [[v] for v in versions])
    assert together == apart
    # the original stays visible while its two edits wait for a person's choice
    assert together[0] == {}
    assert together[1] == [("edit", original["instance_id"], sorted([e1, e2]))]


def test_a_duplicate_edit_is_not_a_version_of_a_later_conflict_whatever_the_batches(
    tmp_path, make_laptop
):
    amina = make_laptop("Amina")
    amina.fill(1)
    good = hand_in(amina.store, tmp_path / "good.zip", device_id="a").path
    original = records(good)[0]
    e1, again, e2 = (f"uuid:{uuid.uuid4()}" for _ in range(3))
    versions = [original] + _versions_of(
        original, (e1, "Version 1."), (again, "Version 1."), (e2, "Version 2.")
    )
    with Store.open(tmp_path / "one") as one, Store.open(tmp_path / "four") as four:
        together = _merge_in_batches(tmp_path / "a", one, good, [versions])
        apart = _merge_in_batches(tmp_path / "b", four, good, [[v] for v in versions])
    assert together == apart
    assert together[0] == {original["instance_id"]: e1, again: e1}
    assert together[1] == [("edit", original["instance_id"], sorted([e1, e2]))]


def test_a_chain_of_edits_arriving_newest_first_hides_every_replaced_version(tmp_path, make_laptop):
    """O, its edit E, and F editing E: arriving F, E, O, the original was left unreplaced
    (the coordinator's overview listed and counted it beside F)."""
    amina = make_laptop("Amina")
    amina.fill(1)
    good = hand_in(amina.store, tmp_path / "good.zip", device_id="a").path
    original = records(good)[0]
    e, f = f"uuid:{uuid.uuid4()}", f"uuid:{uuid.uuid4()}"
    (edit,) = _versions_of(original, (e, "Version 1."))
    (edit_of_edit,) = _versions_of(edit, (f, "Version 2."))
    chain = [original, edit, edit_of_edit]
    with Store.open(tmp_path / "fwd") as forward, Store.open(tmp_path / "back") as backward:
        in_order = _merge_in_batches(tmp_path / "a", forward, good, [[v] for v in chain])
        newest_first = _merge_in_batches(
            tmp_path / "b", backward, good, [[v] for v in reversed(chain)]
        )
    assert in_order[0] == {original["instance_id"]: e, e: f}
    assert newest_first == in_order
