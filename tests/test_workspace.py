"""The Workspace: one data dir opened once; operations return what they changed."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from surveyor.errors import ValidationError
from surveyor.interviews.record import Status
from surveyor.store import StoreThreadError
from surveyor.workspace import NO_CHANGES
from surveyor.workspace import Changes
from surveyor.workspace import Done
from surveyor.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def form_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("form-cache")


@pytest.fixture
def open_workspace(tmp_path, form_cache):
    opened: list[Workspace] = []

    def make(name: str = "laptop") -> Workspace:
        ws = Workspace.open(tmp_path / name, cache_dir=form_cache)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


def fill(ws: Workspace, form, n: int, *, interviewer: str = "Amina") -> str:
    answers = dict(ANSWERS, street=f"Rue des Tilleuls {n}", comments=f"Entretien {n}.")
    done = ws.fill_interview(form, answers, finalize=True, interviewer=interviewer)
    assert done.value.ok, done.value.problems
    assert done.changes.interviews == {done.value.interview.instance_id}
    return done.value.interview.instance_id


def test_start_save_finalize_each_return_changes_naming_the_interview(open_workspace):
    ws = open_workspace()
    loaded = ws.load_form(HABITANTS)
    form = loaded.value
    assert loaded.changes.forms == {form.content_hash}
    assert ws.load_form(HABITANTS).changes == NO_CHANGES  # already kept

    started = ws.start_interview(form, interviewer="Amina")
    interview, session = started.value
    instance_id = interview.instance_id
    assert started.changes == Changes.of_interviews(instance_id)
    assert interview.device_id == ws.device_id  # the data dir's own id by default

    with pytest.raises(ValidationError):
        ws.finalize_interview(interview, session)  # nothing answered yet

    session.load_answers(ANSWERS)
    saved = ws.save_session(interview, session, position="household")
    assert saved.interviews == {instance_id} and saved.touches(instance_id)
    assert ws.get_interview(instance_id).answers["street"] == ANSWERS["street"]

    finalized = ws.finalize_interview(interview, session)
    assert isinstance(finalized, Done)
    assert finalized.value.status == Status.FINALIZED
    assert finalized.changes.interviews == {instance_id}
    assert ws.get_interview(instance_id).status == Status.FINALIZED

    revised = ws.revise_interview(finalized.value)
    revision, _session = revised.value
    assert revision.deprecated_id == instance_id
    assert revised.changes.interviews == {instance_id, revision.instance_id}


def test_list_counts_delete_restore_and_discard_go_through_the_workspace(open_workspace):
    ws = open_workspace()
    form = ws.load_form(HABITANTS).value
    finished = fill(ws, form, 1)
    draft, _ = ws.start_interview(form).value
    empty, _ = ws.start_interview(form).value

    counts = ws.counts()
    assert counts["finalized"] == 1 and counts["draft"] == 2 and counts["deleted"] == 0
    assert {s.instance_id for s in ws.list_interviews()} == {
        finished,
        draft.instance_id,
        empty.instance_id,
    }

    assert ws.delete_interview(draft.instance_id).interviews == {draft.instance_id}
    assert ws.counts()["deleted"] == 1
    assert [s.instance_id for s in ws.list_interviews(status="deleted")] == [draft.instance_id]
    assert ws.restore_interview(draft.instance_id).touches(draft.instance_id)
    assert ws.counts()["draft"] == 2

    assert ws.discard_empty_draft(empty.instance_id).interviews == {empty.instance_id}
    assert ws.discard_empty_draft(finished) == NO_CHANGES  # never a finalized interview
    assert ws.counts()["draft"] == 1 and ws.counts()["finalized"] == 1


def test_hand_in_then_merge_through_two_workspaces(open_workspace, tmp_path):
    laptop = open_workspace("laptop")
    form = laptop.load_form(HABITANTS).value
    ids = [fill(laptop, form, n) for n in range(3)]
    assert laptop.count_to_hand_in() == 3

    usb = tmp_path / "usb"
    usb.mkdir()
    handed = laptop.hand_in(usb, interviewer="Amina", device_label="Portable 1")
    assert handed.value.interviews == 3 and handed.value.newly_handed_in == 3
    assert handed.changes.interviews == set(ids) and handed.changes.hand_ins
    assert laptop.counts()["exported"] == 3
    assert laptop.last_hand_in_to(usb) == laptop.hand_ins()[0].created_at

    coordinator = open_workspace("coordinator")
    merged = coordinator.merge_batches([usb])
    assert merged.value.ok and merged.value.new == 3
    assert merged.changes.all_interviews and merged.changes.interview_list
    assert not merged.changes.conflicts
    assert {s.instance_id for s in coordinator.list_interviews()} == set(ids)
    assert coordinator.overview.count() == 3
    assert coordinator.conflicts() == []

    again = coordinator.merge_batches([usb])  # the same batch: nothing changes
    assert again.value.new == 0 and again.changes == NO_CHANGES

    out = tmp_path / "export"
    files = coordinator.export(out)
    assert [p.name for p in files][0] == f"{form.form_id}.csv"


def test_shared_folder_with_nothing_new_changes_nothing(open_workspace, tmp_path):
    ws = open_workspace()
    form = ws.load_form(HABITANTS).value
    folder = tmp_path / "shared"
    folder.mkdir()
    first = ws.sync_shared_folder(folder, interviewer="Amina")
    assert first.value.status == "nothing_new" and first.changes == NO_CHANGES
    instance_id = fill(ws, form, 7)
    written = ws.sync_shared_folder(folder, interviewer="Amina")
    assert written.value.status == "written"
    assert written.changes.interviews == {instance_id} and written.changes.hand_ins


def test_the_workspace_belongs_to_the_thread_that_opened_it(open_workspace):
    ws = open_workspace()
    errors: list[BaseException] = []

    def use():
        try:
            ws.counts()
        except BaseException as exc:  # noqa: BLE001 - looked at below
            errors.append(exc)

    thread = threading.Thread(target=use)
    thread.start()
    thread.join()
    assert isinstance(errors[0], StoreThreadError)

    counted: list[dict] = []

    def bind_and_use():
        ws.bind_to_current_thread()
        counted.append(ws.counts())

    thread = threading.Thread(target=bind_and_use)
    thread.start()
    thread.join()
    assert counted and counted[0]["draft"] == 0
    ws.bind_to_current_thread()  # back to this thread for closing


def test_open_without_a_folder_uses_surveyor_home(isolated_home):
    with Workspace.open() as ws:
        assert ws.data_dir == isolated_home.resolve()
        assert (isolated_home / "surveyor.db").exists()
    assert Workspace.check().ok


def test_changes_combine():
    a = Changes.of_interviews("x")
    b = Changes(conflicts=True, forms=frozenset({"md5:1"}))
    both = a | b
    assert both.interviews == {"x"} and both.conflicts and both.forms == {"md5:1"}
    assert not NO_CHANGES and both
    assert not a.touches("y") and Changes(all_interviews=True).touches("y")
