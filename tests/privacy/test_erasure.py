"""Erasure of a resident's interview on the coordinator's side, everywhere: the interview, its
edits, attachments, conflicts, the search index, the backups (a byte scan of the data dir after
the erasure); logged without answers; a batch bringing it again merges nothing of it; the
erasure travels to the laptops (``erasures.json``) and they erase their copies too."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from surveyor.errors import InterviewNotFound
from surveyor.workspace import Workspace
from tests.sync.conftest import ANSWERS
from tests.sync.conftest import HABITANTS

NAME = "Wilhelmina Quorbeck"  # the resident to erase
PHONE = "06 55 44 33 21"
NOTE = "Kestrelwick-448"  # in the comments and a photo
OTHER = "Barnabé Voisin"  # another resident, kept


def surveyor(data_dir: Path, *args: str, input: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "surveyor", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=120, input=input,
    )  # fmt: skip


def traces(folder: Path) -> list[str]:
    """Which of the resident's words are still somewhere in ``folder``'s files, as bytes
    (UTF-8, lower case too: the search index keeps words folded)."""
    words = [NAME, "quorbeck", PHONE, NOTE, "kestrelwick"]
    found = set()
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found.update(w for w in words if w.encode() in data)
    return sorted(found)


@pytest.fixture
def campaign(tmp_path):
    """A laptop's interview of the resident (then an edit of it) and another one, merged by
    the coordinator from two batches; a backup of the coordinator holding them."""
    laptop, usb, coordinator = tmp_path / "laptop", tmp_path / "usb", tmp_path / "coordinator"
    for folder in (usb / "1", usb / "2"):
        folder.mkdir(parents=True)
    with Workspace.open(laptop) as ws:
        form = ws.load_form(HABITANTS).value
        answers = {**ANSWERS, "contact_name": NAME, "contact_phone": PHONE, "comments": NOTE}
        mine = ws.fill_interview(form, answers, interviewer="ines").value.interview
        ws.add_attachment(mine.instance_id, "photo.jpg", f"JPEG {NOTE}".encode(), "image/jpeg")
        _, session = ws.open_interview(mine.instance_id)
        assert ws.finalize_interview(ws.get_interview(mine.instance_id), session)
        other = ws.fill_interview(
            form, {**ANSWERS, "contact_name": OTHER}, finalize=True
        ).value.interview
        first = ws.hand_in(usb / "1", interviewer="ines").value.path
        revision, session = ws.revise_interview(ws.get_interview(mine.instance_id)).value
        session.set_answer("/data/closing/comments", f"{NOTE} rappeler")
        ws.save_session(revision, session)
        ws.finalize_interview(ws.get_interview(revision.instance_id), session)
        second = ws.hand_in(usb / "2", interviewer="ines").value.path
    with Workspace.open(coordinator) as ws:
        ws.load_form(HABITANTS)
        report = ws.merge_batches([first, second]).value
        assert (report.new, report.updated) == (2, 1), report
        assert ws.store.backup(reason="test") is not None
    return {
        "laptop": laptop,
        "usb": usb,
        "coordinator": coordinator,
        "batches": [first, second],
        "mine": mine.instance_id,
        "revision": revision.instance_id,
        "other": other.instance_id,
    }


@pytest.mark.slow
def test_erasure_removes_every_trace_from_the_coordinators_data_dir(campaign, tmp_path):
    c = campaign
    assert traces(c["coordinator"])  # the scan sees them before
    with Workspace.open(c["coordinator"]) as ws:
        found = {s.instance_id for s in ws.find_interviews("Quorbeck")}
        assert found == {c["mine"], c["revision"]}

    # the CLI asks first: without --yes and without a "yes" it erases nothing
    refused = surveyor(c["coordinator"], "erase", c["revision"], input="no\n")
    assert refused.returncode == 1, refused.stderr
    assert "nothing was erased" in refused.stderr.lower()
    with Workspace.open(c["coordinator"]) as ws:
        assert ws.get_interview(c["revision"])

    done = surveyor(c["coordinator"], "erase", c["revision"], "--yes")
    assert done.returncode == 0, done.stderr
    assert c["mine"] in done.stdout and c["revision"] in done.stdout
    assert NAME not in done.stdout + done.stderr
    assert traces(c["coordinator"]) == []

    with Workspace.open(c["coordinator"]) as ws:
        for gone in (c["mine"], c["revision"]):
            with pytest.raises(InterviewNotFound):
                ws.get_interview(gone)
        assert ws.get_interview(c["other"]).answers["contact_name"] == OTHER
        assert ws.find_interviews("Quorbeck") == []
        assert [s.instance_id for s in ws.find_interviews("Voisin")] == [c["other"]]
        log = ws.erasures()
        assert {e["instance_id"] for e in log} == {c["mine"], c["revision"]}
        assert NAME not in json.dumps(log)
        # the same batches again bring nothing of it back
        again = ws.merge_batches(c["batches"]).value
        assert again.new == 0 and again.updated == 0
        with pytest.raises(InterviewNotFound):
            ws.get_interview(c["mine"])
    assert traces(c["coordinator"]) == []

    # an unknown interview: a clear error, nothing changed
    unknown = surveyor(c["coordinator"], "erase", "uuid:nope", "--yes")
    assert unknown.returncode == 1 and "uuid:nope" in unknown.stderr


def take_package(c: dict, folder: Path) -> None:
    """The laptop takes the coordinator's campaign package: it learns the coordinator's
    signing key, which a loose erasures.json must be signed with."""
    with Workspace.open(c["coordinator"]) as ws:
        package = ws.export_campaign(folder).value.path
    with Workspace.open(c["laptop"]) as ws:
        ws.import_campaign(package)


def test_the_erasure_travels_to_the_laptops(campaign, tmp_path):
    c = campaign
    take_package(c, tmp_path)
    with Workspace.open(c["coordinator"]) as ws:
        ws.erase_interview(c["mine"])
        listed = ws.write_erasures(c["usb"])
    assert NAME not in listed.read_text("utf-8")
    assert traces(c["laptop"])
    with Workspace.open(c["laptop"]) as ws:
        ws.backup(reason="test")
        # the next hand-in to the key applies the list first
        done = ws.hand_in(c["usb"], interviewer="ines")
        assert done.changes.touches(c["mine"])
        with pytest.raises(InterviewNotFound):
            ws.get_interview(c["revision"])
        assert ws.get_interview(c["other"])
    assert traces(c["laptop"]) == []


def test_search_finds_the_resident_from_the_cli(campaign):
    result = surveyor(campaign["coordinator"], "erase", "--search", "Quorbeck")
    assert result.returncode == 0, result.stderr
    assert campaign["mine"] in result.stdout and campaign["other"] not in result.stdout


def test_a_laptop_syncing_to_the_shared_folder_applies_the_list_even_with_nothing_new(
    campaign, tmp_path
):
    c = campaign
    take_package(c, tmp_path)
    with Workspace.open(c["coordinator"]) as ws:
        ws.erase_interview(c["other"])
        ws.write_erasures(c["usb"] / "1")
    with Workspace.open(c["laptop"]) as ws:
        done = ws.sync_shared_folder(c["usb"] / "1", interviewer="ines")
        assert done.value.status == "nothing_new"
        assert done.changes.touches(c["other"])
        with pytest.raises(InterviewNotFound):
            ws.get_interview(c["other"])
        assert ws.get_interview(c["mine"])  # the others stay
    # a file that is not an erasure list changes nothing
    (c["usb"] / "2" / "erasures.json").write_text('{"erasures": [{"instance_id": "x"}]}')
    with Workspace.open(c["laptop"]) as ws:
        assert not ws.sync_shared_folder(c["usb"] / "2").changes.touches(c["mine"])
        assert ws.get_interview(c["mine"])
