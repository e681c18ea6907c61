"""The issue's evidence, through the real command line (a process per command, a real data
dir per laptop): two laptops visit overlapping doors and hand in twice; the coordinator merges
(twice); the funnel equals what was recorded, each visit once; a refused door is never offered
again on either laptop once the package comes back; an appointment shows on its day; a door
added in the field reaches the coordinator. Then a damaged and an older package change nothing.
"""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest

from surveyor.batches import BatchWriter
from surveyor.batches import merge_batches
from surveyor.fieldwork.model import status_of_visits
from surveyor.store import Store
from surveyor.workspace import Workspace
from tests.fieldwork.conftest import surveyor

APPOINTMENT_DAY = "2099-06-15"


def ok(result):
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout


def in_workspace(data_dir, read):
    with Workspace.open(data_dir) as ws:
        return read(ws)


def offered(ws, interviewer):
    mine = ws.my_doors(interviewer, day=APPOINTMENT_DAY)
    return {d.door_id for d in mine.to_visit + mine.to_revisit + mine.appointments}


def door_states(data_dir):
    return in_workspace(data_dir, lambda ws: [(d.door_id, d.status, d.visits) for d in ws.doors()])


@pytest.mark.slow
def test_two_laptops_hand_in_twice_and_the_coordinator_counts_each_visit_once(tmp_path, door_file):
    coord, a, b = tmp_path / "coord", tmp_path / "laptop-a", tmp_path / "laptop-b"
    out = ok(surveyor("doors", "import", str(door_file), data_dir=coord))
    assert "6 door(s) imported" in out
    ok(surveyor("doors", "assign", "--sector", "Nord", "--interviewer", "Amina", data_dir=coord))
    ok(surveyor("doors", "assign", "--sector", "Sud", "--interviewer", "Bilal", data_dir=coord))
    pkg1 = tmp_path / "campagne-1.zip"
    ok(surveyor("campaign", "export", "--out", str(pkg1), data_dir=coord))
    for laptop in (a, b):
        assert "6 door(s) (6 new)" in ok(surveyor("campaign", "import", str(pkg1), data_dir=laptop))

    def visit(laptop, door, outcome, at, *extra):
        ok(surveyor("visit", door, "--outcome", outcome, "--at", at, *extra, data_dir=laptop))

    # Amina (laptop A) and Bilal (laptop B) knock at overlapping doors
    visit(a, "1", "absent", "2026-11-28T10:00:00+01:00", "--interviewer", "Amina")
    visit(a, "2", "refused", "2026-11-28T10:10:00+01:00", "--interviewer", "Amina")
    visit(
        a,
        "3",
        "appointment",
        "2026-11-28T10:20:00+01:00",
        "--interviewer",
        "Amina",
        "--appointment",
        f"{APPOINTMENT_DAY}T18:30:00+02:00",
    )
    field_door = ok(
        surveyor(
            "doors",
            "add",
            "--number",
            "14",
            "--street",
            "rue des Lilas",
            "--sector",
            "Nord",
            "--interviewer",
            "Amina",
            data_dir=a,
        )
    ).split()[0]
    visit(a, field_door, "done", "2026-11-28T10:40:00+01:00", "--interviewer", "Amina")
    visit(b, "2", "absent", "2026-11-28T09:00:00+01:00", "--interviewer", "Bilal")  # before
    visit(b, "1", "later", "2026-11-29T17:00:00+01:00", "--interviewer", "Bilal")
    visit(b, "5", "absent", "2026-11-29T17:10:00+01:00", "--interviewer", "Bilal")
    visit(b, "6", "vacant", "2026-11-29T17:20:00+01:00", "--interviewer", "Bilal")

    # each hands in twice (Amina records one more visit between her two batches)
    batches = tmp_path / "cle-usb"
    batches.mkdir()
    ok(surveyor("batch", "export", "--out", str(batches / "a1.zip"), data_dir=a))
    visit(a, "4", "ineligible", "2026-11-30T11:00:00+01:00", "--interviewer", "Amina")
    ok(surveyor("batch", "export", "--out", str(batches / "a2.zip"), data_dir=a))
    ok(surveyor("batch", "export", "--out", str(batches / "b1.zip"), data_dir=b))
    ok(surveyor("batch", "export", "--out", str(batches / "b2.zip"), data_dir=b))

    # the coordinator merges the folder, then the same batches again
    first = ok(surveyor("merge", str(batches), data_dir=coord))
    assert "Fieldwork: 9 new visit(s), 1 new door(s)." in first
    again = ok(surveyor("merge", str(batches / "a2.zip"), str(batches / "b1.zip"), data_dir=coord))
    assert "new visit" not in again

    recorded = {}
    for laptop in (a, b):
        for v in in_workspace(laptop, lambda ws: ws.fieldwork_service.doors.visits()):
            recorded[v.visit_id] = v
    assert len(recorded) == 9
    funnel = json.loads(ok(surveyor("fieldwork", "--json", data_dir=coord)))
    for key in (
        "doors",
        "visited",
        "contacted",
        "absent",
        "refused",
        "appointments",
        "vacant",
        "ineligible",
        "done",
        "contact_rate",
        "response_rate",
        "by_sector",
        "by_interviewer",
    ):
        assert key in funnel
    assert funnel["visits"] == 9  # each visit once, though handed in and merged twice
    statuses = {}
    for door_id in {v.door_id for v in recorded.values()}:
        statuses[door_id] = status_of_visits(v for v in recorded.values() if v.door_id == door_id)
    assert statuses == {
        "1": "later",
        "2": "refused",
        "3": "appointment",
        field_door: "done",
        "4": "ineligible",
        "5": "absent",
        "6": "vacant",
    }
    assert funnel["doors"] == 7 and funnel["visited"] == 7
    assert (funnel["refused"], funnel["appointments"], funnel["vacant"]) == (1, 1, 1)
    assert (funnel["ineligible"], funnel["done"], funnel["absent"]) == (1, 1, 1)
    assert funnel["contacted"] == 5  # 1 later, 2 refused, 3 appointment, 4 ineligible, done
    assert funnel["contact_rate"] == round(5 / (7 - 1), 4)
    assert funnel["response_rate"] == round(1 / (7 - 1 - 1), 4)
    assert funnel["by_interviewer"]["Amina"]["doors"] == 5  # the field door is hers
    assert funnel["by_sector"]["Sud"]["vacant"] == 1

    # the door added in the field reached the coordinator
    doors = json.loads(ok(surveyor("doors", "list", "--json", data_dir=coord)))
    added = [d for d in doors if d["door_id"] == field_door]
    assert added and added[0]["origin"] == "field" and added[0]["status"] == "done"
    assert added[0]["address"] == "14 rue des Lilas"

    # the package comes back: the refusal reaches both laptops; the appointment its day
    pkg2 = tmp_path / "campagne-2.zip"
    ok(surveyor("campaign", "export", "--out", str(pkg2), data_dir=coord))
    for laptop in (a, b):
        ok(surveyor("campaign", "import", str(pkg2), data_dir=laptop))
        assert "2" not in in_workspace(laptop, lambda ws: offered(ws, "Amina"))
        assert "2" not in in_workspace(laptop, lambda ws: offered(ws, "Bilal"))
        assert in_workspace(laptop, lambda ws: ws.door("2").status) == "refused"
        due = in_workspace(
            laptop, lambda ws: [d.door_id for d in ws.appointments_due(APPOINTMENT_DAY)]
        )
        assert due == ["3"]
        listed = ok(surveyor("doors", "list", "--status", "refused", data_dir=laptop))
        assert listed.split("\t")[0] == "2"
    assert door_states(a) == door_states(b) == door_states(coord)
    assert in_workspace(
        coord, lambda ws: [d.door_id for d in ws.appointments_due(APPOINTMENT_DAY)]
    ) == ["3"]

    # a damaged package and an older one: a clear error, exit code non-zero, nothing changed
    before = door_states(a)
    damaged = tmp_path / "abime.zip"
    damaged.write_bytes(pkg2.read_bytes()[:-300])
    result = surveyor("campaign", "import", str(damaged), data_dir=a)
    assert result.returncode != 0 and "was refused" in result.stderr
    assert "nothing was changed" in result.stderr and result.stdout == ""
    older = surveyor("campaign", "import", str(pkg1), data_dir=a)
    assert older.returncode != 0 and "older than revision 2" in older.stderr
    assert door_states(a) == before


@pytest.mark.slow
def test_a_visit_for_an_unknown_door_an_unknown_outcome_a_past_appointment_exit_non_zero(
    tmp_path, door_file
):
    data = tmp_path / "laptop"
    ok(surveyor("doors", "import", str(door_file), data_dir=data))
    before = door_states(data)
    for args, words in (
        (("visit", "99", "--outcome", "absent"), "no door '99'"),
        (("visit", "1", "--outcome", "parti"), "no visit outcome 'parti'"),
        (
            ("visit", "1", "--outcome", "appointment", "--appointment", "2020-01-01T10:00"),
            "in the past",
        ),
    ):
        result = surveyor(*args, data_dir=data)
        assert result.returncode != 0 and words in result.stderr, result.stderr
        assert "nothing was changed" in result.stderr
    assert door_states(data) == before


def test_an_old_batch_without_visits_still_merges_and_is_version_1(tmp_path, door_file):
    """A batch as every earlier Surveyor wrote it (no fieldwork part) is format version 1 and
    merges into a coordinator that follows doors."""
    path = tmp_path / "old.zip"
    with BatchWriter(path, device_id="surveyor:old"):
        pass
    with zipfile.ZipFile(path) as z:
        assert json.loads(z.read("manifest.json"))["format_version"] == 1
    coord = tmp_path / "coord"
    with Workspace.open(coord) as ws:
        ws.import_doors(door_file)
    with Store.open(coord) as store:
        report = merge_batches(store, [path])
    assert report.ok and report.visits == 0
    shutil.rmtree(coord)
