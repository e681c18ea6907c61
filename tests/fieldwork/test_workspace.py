"""Fieldwork through the Workspace on a real SQLite file: visits, their refusals (nothing
changed), appointments on their day, "Mes portes", an interview started from a door."""

from __future__ import annotations

import csv
import json
from datetime import timedelta

import pytest

from surveyor.errors import DoorNotFound
from surveyor.errors import ErrorCode
from surveyor.errors import FieldworkError
from surveyor.services.fieldwork import FieldworkService
from tests.batches.conftest import ANSWERS
from tests.batches.conftest import HABITANTS
from tests.fieldwork.conftest import NOON
from tests.fieldwork.conftest import fixed_clock


def snapshot(ws):
    return [(d.door_id, d.status, d.visits) for d in ws.doors()], ws.fieldwork().to_dict()


@pytest.mark.parametrize(
    ("door", "outcome", "options", "code", "words"),
    [
        ("99", "absent", {}, ErrorCode.DOOR_NOT_FOUND, "no door '99'"),
        ("1", "gone fishing", {}, ErrorCode.VISIT_INVALID, "no visit outcome"),
        (
            "1",
            "appointment",
            {"appointment": "2020-03-01T18:00"},
            ErrorCode.VISIT_INVALID,
            "in the past",
        ),
        ("1", "appointment", {}, ErrorCode.VISIT_INVALID, "needs its date and time"),
        (
            "1",
            "absent",
            {"appointment": "2099-03-01T18:00"},
            ErrorCode.VISIT_INVALID,
            "only with the outcome 'appointment'",
        ),
        ("1", "absent", {"at": "2099-01-01T10:00"}, ErrorCode.VISIT_INVALID, "in the future"),
        ("1", "absent", {"at": "yesterday"}, ErrorCode.VISIT_INVALID, "not a date and time"),
    ],
)
def test_a_visit_that_cannot_be_recorded_changes_nothing(
    open_ws, door_file, door, outcome, options, code, words
):
    ws = open_ws()
    ws.import_doors(door_file)
    ws.record_visit("2", "absent")
    before = snapshot(ws)
    with pytest.raises(FieldworkError) as caught:
        ws.record_visit(door, outcome, **options)
    assert caught.value.code is code and words in str(caught.value)
    assert "nothing was changed" in str(caught.value)
    assert snapshot(ws) == before


def test_an_appointment_shows_on_its_day_and_only_until_it_is_kept(open_ws, door_file):
    ws = open_ws()
    ws.import_doors(door_file)
    ws.assign_doors("Amina", sector="Nord")
    done = ws.record_visit(
        "3", "appointment", appointment="2099-06-15T18:30+02:00", interviewer="Amina"
    )
    assert done.changes.doors and done.value.appointment_day == "2099-06-15"
    assert [d.door_id for d in ws.appointments_due("2099-06-15")] == ["3"]
    assert ws.appointments_due("2099-06-16") == []
    mine = ws.my_doors("Amina", day="2099-06-15")
    assert [d.door_id for d in mine.appointments] == ["3"]
    assert "3" not in [d.door_id for d in mine.to_visit + mine.to_revisit]
    before = ws.my_doors("Amina", day="2099-06-14")  # not yet: not shown
    assert "3" not in {d.door_id for d in before.to_visit + before.to_revisit + before.appointments}
    missed = ws.my_doors("Amina", day="2099-06-16")  # the day passed: back to revisit
    assert [d.door_id for d in missed.to_revisit] == ["3"]
    ws.record_visit("3", "done", interviewer="Amina")
    assert ws.appointments_due("2099-06-15") == []
    assert ws.door("3").status == "done" and ws.door("3").appointment is None


def test_a_refused_door_is_never_offered_again(open_ws, door_file):
    ws = open_ws()
    ws.import_doors(door_file)
    ws.assign_doors("Amina", sector="Nord")
    ws.record_visit("1", "refused")
    ws.record_visit("1", "absent")  # typed by mistake afterwards: the refusal stays final
    mine = ws.my_doors("Amina")
    offered = {d.door_id for d in mine.to_visit + mine.to_revisit + mine.appointments}
    assert "1" not in offered and offered == {"2", "3", "4"}
    assert ws.door("1").status == "refused" and ws.door("1").closed
    assert "1" not in {r.door_id for r in ws.round_sheet(interviewer="Amina")}
    assert "1" in {r.door_id for r in ws.round_sheet(interviewer="Amina", open_only=False)}


def test_a_door_added_on_the_spot_gets_an_id_of_this_laptop(open_ws):
    ws = open_ws()
    door = ws.add_door(
        {"number": "5", "street": "rue Neuve", "floor": "2"}, interviewer="Amina"
    ).value
    again = ws.add_door({"number": "7", "street": "rue Neuve"}).value
    prefix = door.door_id.split("-")[0]
    assert door.origin == "field" and door.door_id == f"{prefix}-1"
    assert again.door_id == f"{prefix}-2" and len(prefix) == 6
    with pytest.raises(FieldworkError, match="at least its street"):
        ws.add_door({"number": "9"})
    with pytest.raises(DoorNotFound):
        ws.door("nope")
    assert ws.count_doors() == 2


def test_an_interview_started_at_a_door_knows_it_and_its_export_says_so(
    open_ws, door_file, tmp_path
):
    ws = open_ws()
    ws.import_doors(door_file)
    form = ws.load_form(HABITANTS).value
    with pytest.raises(DoorNotFound):
        ws.start_interview_at_door(form, "99", interviewer="Amina")
    assert ws.list_interviews() == []  # nothing was made for an unknown door
    started = ws.start_interview_at_door(form, "4", interviewer="Amina")
    interview, session = started.value
    assert started.changes.doors and ws.door("4").status == "started"
    assert ws.door_of_interview(interview.instance_id) == "4"
    assert not session.load_answers(ANSWERS)
    finalized = ws.finalize_interview(interview, session)
    assert finalized.changes.doors
    assert ws.door("4").status == "done"
    assert [v.outcome for v in ws.door_visits("4")] == ["started", "done"]
    files = ws.export(tmp_path / "out")
    main = next(p for p in files if p.name == f"{form.form_id}.csv")
    with open(main, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["DoorID"] == "4"


def test_doctor_repair_keeps_the_doors_and_their_visits(open_ws, door_file, tmp_path):
    from surveyor.workspace import Workspace

    ws = open_ws("laptop")
    ws.import_doors(door_file)
    ws.record_visit("1", "refused")
    ws.record_visit("2", "appointment", appointment="2099-01-01T10:00")
    before = [(d.door_id, d.status, d.visits) for d in ws.doors()]
    ws.close()
    report = Workspace.repair(tmp_path / "laptop")
    assert "visits" not in report.unreadable and "doors" not in report.unreadable
    with Workspace.open(tmp_path / "laptop") as again:
        assert [(d.door_id, d.status, d.visits) for d in again.doors()] == before
        assert len(again.door_visits("1")) == 1


def test_the_funnel_exports_as_csv_and_xlsx(open_ws, door_file, tmp_path):
    from openpyxl import load_workbook

    ws = open_ws()
    ws.import_doors(door_file)
    ws.record_visit("1", "refused")
    ws.record_visit("5", "done")
    with open(ws.export_fieldwork(tmp_path / "funnel.csv"), encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    overall = rows[0]
    assert (overall["scope"], overall["doors"], overall["refused"], overall["done"]) == (
        "overall",
        "6",
        "1",
        "1",
    )
    assert {r["name"] for r in rows if r["scope"] == "sector"} == {"Nord", "Sud"}
    book = load_workbook(ws.export_fieldwork(tmp_path / "funnel.xlsx"), read_only=True)
    assert book.sheetnames == ["overall", "sector", "interviewer", "day"]
    with pytest.raises(FieldworkError, match=r"\.csv or \.xlsx"):
        ws.export_fieldwork(tmp_path / "funnel.pdf")


def test_a_merge_and_a_package_say_the_doors_changed(open_ws, door_file, tmp_path):
    coord = open_ws("coord")
    coord.import_doors(door_file)
    package = coord.export_campaign(tmp_path / "p.zip").value
    assert package.revision == 1 and package.doors == 6
    laptop = open_ws("laptop")
    imported = laptop.import_campaign(package.path)
    assert imported.changes.doors and imported.value.new_doors == 6
    assert not laptop.import_campaign(package.path).changes  # the same revision: nothing
    laptop.record_visit("1", "absent")
    assert laptop.fieldwork_to_hand_in() == 1
    folder = tmp_path / "partage"
    folder.mkdir()
    synced = laptop.sync_shared_folder(folder)  # no interview: the visit alone is new
    assert synced.value.status == "written" and synced.value.hand_in.visits == 1
    assert laptop.fieldwork_to_hand_in() == 0
    assert laptop.sync_shared_folder(folder).value.status == "nothing_new"
    merged = coord.merge_batches([folder])
    assert merged.changes.doors and merged.value.visits == 1
    assert coord.door("1").status == "absent"


def test_the_newest_package_of_a_shared_folder_is_the_one_imported(open_ws, door_file, tmp_path):
    shared = tmp_path / "partage"
    shared.mkdir()
    coord = open_ws("coord")
    coord.import_doors(door_file)
    coord.export_campaign(shared)  # revision 1
    coord.assign_doors("Amina", sector="Nord")
    coord.export_campaign(shared)  # revision 2
    (shared / "notes.zip").write_bytes(b"not a package")
    laptop = open_ws("laptop")
    done = laptop.import_newest_campaign(shared)
    assert done.value.revision == 2 and done.changes.doors
    assert {d.interviewer for d in laptop.doors(sector="Nord")} == {"Amina"}
    assert not laptop.import_newest_campaign(shared).value.changed
    assert laptop.import_newest_campaign(tmp_path).value is None


DOOR_FORM = """
| survey |
|        | type | name         | label                        | read_only |
|        | text | door_address | Adresse                      | yes       |
|        | text | door_id      | Porte                        | yes       |
|        | note | where        | Vous êtes au ${door_address} |           |
|        | text | who          | Nom                          |           |
| settings |
|          | form_id | version |
|          | porte   | 1       |
"""


def test_a_form_shows_the_address_of_the_door_it_was_started_at(open_ws, door_file, tmp_path):
    ws = open_ws()
    ws.import_doors(door_file)
    source = tmp_path / "porte.md"
    source.write_text(DOOR_FORM, encoding="utf-8")
    form = ws.load_form(source).value
    door = ws.door("4")
    interview, session = ws.start_interview_at_door(form, "4", interviewer="Amina").value
    assert session.node_at("/data/door_address").text == door.address
    assert session.node_at("/data/door_id").text == "4"
    stored = ws.get_interview(interview.instance_id)  # kept: the draft holds the address
    assert door.address in json.dumps(stored.answers, ensure_ascii=False)
    # a form without door fields is started as before, with no answer
    plain = ws.load_form(HABITANTS).value
    other, other_session = ws.start_interview_at_door(plain, "5", interviewer="Amina").value
    assert door.address not in json.dumps(ws.get_interview(other.instance_id).answers)


def test_visits_recorded_within_one_millisecond_keep_their_order(open_ws, door_file):
    # The stored time has millisecond precision; a finalize ("done") and the note typed
    # right after ("later") can fall in the same millisecond on a fast machine. Their order,
    # and so the door's status, must not depend on the visits' random ids.
    ws = open_ws()
    ws.import_doors(door_file)
    service = FieldworkService(ws.store, device_id=lambda: "laptop", clock=fixed_clock(NOON))
    outcomes = ["started", "done", "later", "absent", "refused", "later", "done"]
    for outcome in outcomes:
        service.record_visit("1", outcome, interviewer="Amina")
    visits = ws.door_visits("1")
    assert [v.outcome for v in visits] == outcomes
    assert len({v.at for v in visits}) == len(outcomes)
    assert ws.door("1").last_outcome == "done"


def test_visits_recorded_within_one_stored_millisecond_keep_their_order(open_ws, door_file):
    # The clock reads microseconds, the stored time keeps milliseconds: a "done" at .0005 s
    # is stored at .000, and a note at .0006 s, later by the clock, would be stored at .000 too
    # and ordered by its random id.
    ws = open_ws()
    ws.import_doors(door_file)
    ticks = iter(range(500, 10_000, 100))  # microseconds after noon, 0.1 ms a reading

    def clock():
        return NOON + timedelta(microseconds=next(ticks))

    service = FieldworkService(ws.store, device_id=lambda: "laptop", clock=clock)
    outcomes = ["started", "done", "later", "absent", "done"]
    for outcome in outcomes:
        service.record_visit("1", outcome, interviewer="Amina")
    visits = ws.door_visits("1")
    assert [v.outcome for v in visits] == outcomes
    assert len({v.at for v in visits}) == len(outcomes)
