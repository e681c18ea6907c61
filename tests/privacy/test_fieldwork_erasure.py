"""Erasure and retention reach the door-to-door visits (docs/privacy.md): erasing an interview
removes the notes of the visits that name it and unlinks its door — the door and the outcome
counts stay, they are the campaign's figures — on the coordinator, its backups and the laptops;
retention removes the visit notes older than the period. Checked by a byte scan of the data
dirs, as tests/privacy/test_erasure.py does."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest

from surveyor.workspace import Workspace
from tests.fieldwork.conftest import SARCELLES
from tests.fieldwork.conftest import ban_csv
from tests.privacy.test_erasure import surveyor
from tests.sync.conftest import ANSWERS
from tests.sync.conftest import HABITANTS

NOTE = "Quillonette-5521"  # typed at the resident's interview, in a visit's note
OTHER_NOTE = "Portail-bleu-7340"  # a note at another door, about no interview
OLD_NOTE = "Chien-mechant-8812"  # a note older than the retention period


def scan(folder, needle: str) -> list[str]:
    """The files under ``folder`` holding ``needle`` (UTF-8, or lower case: FTS folds)."""
    needles = [needle.encode(), needle.lower().encode()]
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and any(n in p.read_bytes() for n in needles)
    )


def prepared(tmp_path):
    """A laptop with the door list; an interview started at door 1 and finalized, a visit
    with a note naming it; a note at door 5; handed in and merged by the coordinator."""
    laptop, coordinator, usb = tmp_path / "laptop", tmp_path / "coordinator", tmp_path / "usb"
    usb.mkdir()
    with Workspace.open(laptop) as ws:
        ws.import_doors(ban_csv(tmp_path / "portes.csv", SARCELLES))
        form = ws.load_form(HABITANTS).value
        interview, session = ws.start_interview_at_door(form, "1", interviewer="Amina").value
        session.load_answers(ANSWERS)
        ws.save_session(interview, session)
        ws.finalize_interview(ws.get_interview(interview.instance_id), session)
        iid = interview.instance_id
        ws.record_visit("1", "later", note=f"{NOTE} rappeler", interviewer="Amina", instance_id=iid)
        ws.record_visit("5", "absent", note=OTHER_NOTE, interviewer="Amina")
        ws.backup(reason="test")
        batch = ws.hand_in(usb, interviewer="Amina").value.path
    with Workspace.open(coordinator) as ws:
        ws.import_doors(ban_csv(tmp_path / "portes.csv", SARCELLES))
        ws.load_form(HABITANTS)
        report = ws.merge_batches([batch]).value
        assert report.new == 1 and report.visits == 4, report
        assert ws.door_of_interview(iid) == "1"
        ws.store.backup(reason="test")
    return laptop, coordinator, usb, batch, iid


def figures(ws: Workspace):
    doors = [(d.door_id, d.status, d.visits, d.contacted) for d in ws.doors()]
    return doors, ws.fieldwork(by_day=True).to_dict()


@pytest.mark.slow
def test_erasing_an_interview_removes_its_visit_notes_and_keeps_the_campaigns_figures(tmp_path):
    laptop, coordinator, usb, batch, iid = prepared(tmp_path)
    with Workspace.open(coordinator) as ws:  # the laptop learns the coordinator's signing key
        package = ws.export_campaign(tmp_path).value.path
    with Workspace.open(laptop) as ws:
        ws.import_campaign(package)
    assert scan(coordinator, NOTE)  # the scan sees it before
    with Workspace.open(coordinator) as ws:
        before = figures(ws)

    done = surveyor(coordinator, "erase", iid, "--yes")
    assert done.returncode == 0, done.stderr
    assert scan(coordinator, NOTE) == []
    with Workspace.open(coordinator) as ws:
        assert figures(ws) == before  # the door and the outcome counts stay
        assert ws.door_of_interview(iid) is None  # the door no longer knows the interview
        visits = ws.door_visits("1")
        assert [v.outcome for v in visits] == ["started", "done", "later"]
        assert all(v.note == "" and v.instance_id is None for v in visits)
        assert [v.note for v in ws.door_visits("5")] == [OTHER_NOTE]  # other notes stay
        # the same batch again brings nothing back
        again = ws.merge_batches([batch]).value
        assert again.new == 0 and again.visits == 0
        assert figures(ws) == before
    # a visit naming the interview that reaches the coordinator after the erasure (the
    # laptop recorded it and handed in elsewhere before it got the list) comes without its note
    with Workspace.open(laptop) as ws:
        ws.record_visit("1", "later", note=f"{NOTE} encore", interviewer="Amina", instance_id=iid)
        late = ws.hand_in(tmp_path / "other-key", interviewer="Amina").value.path
    with Workspace.open(coordinator) as ws:
        assert ws.merge_batches([late]).value.visits == 1
        assert [v.note for v in ws.door_visits("1")] == ["", "", "", ""]
        assert ws.door_of_interview(iid) is None
        before = figures(ws)
        ws.write_erasures(usb)
    assert scan(coordinator, NOTE) == []
    assert scan(coordinator, OTHER_NOTE)

    # the laptop applies the list when it next hands in there: its notes go too
    assert scan(laptop, NOTE)
    with Workspace.open(laptop) as ws:
        laptop_before = figures(ws)
        ws.hand_in(usb, interviewer="Amina")
        assert figures(ws) == laptop_before
        assert ws.door_of_interview(iid) is None
    assert scan(laptop, NOTE) == []
    assert scan(laptop, OTHER_NOTE)


def test_retention_removes_the_visit_notes_older_than_the_period(tmp_path):
    data = tmp_path / "coordinator"
    now = datetime.now(UTC)
    with Workspace.open(data) as ws:
        ws.import_doors(ban_csv(tmp_path / "portes.csv", SARCELLES))
        old = (now - timedelta(days=40)).isoformat()
        ws.record_visit("2", "absent", at=old, note=OLD_NOTE, interviewer="Amina")
        ws.record_visit("3", "absent", note=OTHER_NOTE, interviewer="Amina")
        ws.backup(reason="test")
        settings = ws.privacy_settings()
        settings.retention_days = 30
        ws.save_privacy_settings(settings)
        before = figures(ws)
        report = ws.retention_report()
        assert report.visit_notes == 1
    assert scan(data, OLD_NOTE)

    result = surveyor(data, "retention", "--yes")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 visit note(s)" in result.stdout
    assert scan(data, OLD_NOTE) == []
    with Workspace.open(data) as ws:
        assert figures(ws) == before
        assert [v.note for v in ws.door_visits("2")] == [""]
        assert [v.note for v in ws.door_visits("3")] == [OTHER_NOTE]
        assert ws.retention_report().visit_notes == 0
    assert scan(data, OTHER_NOTE)


def test_on_a_laptop_retention_leaves_the_notes_not_yet_delivered(tmp_path):
    """A laptop purges the old notes the coordinator already has (handed in, acknowledged by
    a server, or recorded on another laptop), never those still waiting to go: a note is not
    lost before it reaches the coordinator."""
    data = tmp_path / "laptop"
    old = (datetime.now(UTC) - timedelta(days=40)).isoformat()
    with Workspace.open(data) as ws:
        ws.import_doors(ban_csv(tmp_path / "portes.csv", SARCELLES))
        settings = ws.privacy_settings()
        settings.retention_days = 30
        ws.save_privacy_settings(settings)
        ws.record_visit("2", "absent", at=old, note="handed-in note", interviewer="Amina")
        ws.hand_in(tmp_path / "usb", interviewer="Amina")
        ws.record_visit("3", "absent", at=old, note="sent note", interviewer="Amina")
        sent = max(r[0] for r in ws.store.db.execute("SELECT rowid FROM visits"))
        ws._fieldwork.doors.mark_sent_to_server("https://example.org", sent, 0)
        ws.record_visit("4", "absent", at=old, note=OLD_NOTE, interviewer="Amina")
        ws.backup(reason="test")

        ws.apply_retention(handed_in_only=True)
        notes = {d: [v.note for v in ws.door_visits(d)] for d in ("2", "3", "4")}
        assert notes == {"2": [""], "3": [""], "4": [OLD_NOTE]}
    assert scan(data, OLD_NOTE)  # kept, in the store and its backups

    with Workspace.open(data) as ws:  # once handed in, the next purge takes it
        ws.hand_in(tmp_path / "usb", interviewer="Amina")
        ws.apply_retention(handed_in_only=True)
        assert [v.note for v in ws.door_visits("4")] == [""]
    assert scan(data, OLD_NOTE) == []
