"""The people who want to act: those who agreed to be recontacted and offered something."""

from __future__ import annotations

import csv

from openpyxl import load_workbook

from surveyor.results import Selection


def test_volunteers_are_those_recontactable_who_offer_something(coordinator, tmp_path):
    ws, _facts = coordinator
    found = ws.volunteers(Selection())
    engine = ws._results.engine(None)
    expected = set()
    for row in engine.rows:
        a = row.answers
        skills = [s for s in (a.get("skills_offered") or "").split() if s != "none"]
        hours = float(a.get("hours_per_month") or 0)
        if a.get("recontact_consent") == "yes" and (
            skills or hours or a.get("counter_work_interest") in ("yes", "maybe")
        ):
            expected.add(row.key)
    assert expected and {v.key for v in found.people} == expected
    assert "none" not in found.skills and "sewing" in found.skills
    sewing = ws.volunteers(Selection(), skill="sewing")
    assert sewing.people and all("sewing" in v.skills for v in sewing.people)
    assert len(sewing.people) < len(found.people) or all("sewing" in v.skills for v in found.people)
    need = next(iter(found.needs))
    assert all(need in v.needs for v in ws.volunteers(Selection(), need=need).people)
    person = found.people[0]
    assert person.name and (person.phone or person.email)

    out = ws.export_volunteers(tmp_path / "people.csv", found.people)
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "name" and len(rows) == len(found.people) + 1
    assert {r[0] for r in rows[1:]} == {v.name for v in found.people}
    xlsx = ws.export_volunteers(tmp_path / "people.xlsx", found.people)
    sheet = load_workbook(xlsx).active
    assert sheet.max_row == len(found.people) + 1
    assert not (tmp_path / "people.xlsx.part").exists()
