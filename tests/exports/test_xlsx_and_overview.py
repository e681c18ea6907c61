"""XLSX export read back with openpyxl; sheet names; the coordinator's overview counts."""

from __future__ import annotations

from openpyxl import load_workbook

from surveyor.exports import ExportOptions
from surveyor.exports import export
from surveyor.exports import sheet_names
from surveyor.services.overview import OverviewFilter
from surveyor.services.overview import OverviewService


def test_xlsx_sheets_read_back(filled, tmp_path):
    store, library, _form, interviews, _draft = filled
    files = export(
        store,
        tmp_path / "x",
        format="xlsx",
        library=library,
        options=ExportOptions(split_select_multiple=True),
    )
    assert [f.name for f in files] == ["enquete_habitants.xlsx"]
    book = load_workbook(files[0])
    assert book.sheetnames == ["enquete_habitants", "member"]
    main, member = book["enquete_habitants"], book["member"]
    assert main.freeze_panes == "A2" and member.freeze_panes == "A2"
    rows = list(main.iter_rows(values_only=True))
    header = list(rows[0])
    assert header[0] == "SubmissionDate" and header[-1] == "FormVersion"
    assert len(rows) == 1 + len(interviews)
    first = dict(zip(header, rows[1], strict=True))
    assert first["KEY"] == interviews[0].instance_id
    assert first["household-street"] == "Rue des Tilleuls"
    assert first["household-years_in_district"] == 12  # integers as numbers
    assert first["mobility-transport_modes/bus"] == 1
    assert first["mobility-transport_modes/car"] == 0
    assert first["closing-comments"] == interviews[0].answers["comments"]
    assert first["needs-followup_meals-meals_coping"] is None  # empty cell
    members = list(member.iter_rows(values_only=True))
    assert list(members[0][-2:]) == ["PARENT_KEY", "KEY"]
    assert len(members) == 1 + sum(len(i.answers["member"]) for i in interviews)
    assert members[1][-1] == f"{interviews[0].instance_id}/household/member[1]"


def test_sheet_names_are_short_clean_and_unique():
    names = sheet_names(["a" * 40, "a" * 40, "A" * 40, "x[1]:y?", "member"])
    assert all(len(n) <= 31 for n in names)
    assert len({n.lower() for n in names}) == 5
    assert names[3] == "x_1__y_"


def test_overview_counts_and_list(filled):
    store, _library, _form, interviews, draft = filled
    overview = OverviewService(store)
    assert overview.counts_by_interviewer() == {"Fatima B.": 4, "Jean-Luc M.": 2}
    assert overview.counts_by_day() == {"2026-11-20": 2, "2026-11-21": 2, "2026-11-22": 2}
    assert overview.counts_by_form_and_status() == {
        "enquete_habitants": {"draft": 1, "finalized": 5}
    }
    finalized = OverviewFilter(status="finalized")
    assert overview.counts_by_interviewer(finalized) == {"Fatima B.": 3, "Jean-Luc M.": 2}
    window = OverviewFilter(date_from="2026-11-21", date_to="2026-11-21")
    assert overview.count(window) == 2
    assert {s.instance_id for s in overview.list(window)} == {
        interviews[2].instance_id,
        interviews[3].instance_id,
    }
    rows = overview.list(OverviewFilter(interviewer="Jean-Luc M.", form_id="enquete_habitants"))
    assert [r.instance_id for r in rows] == [interviews[4].instance_id, interviews[1].instance_id]
    assert [r.instance_id for r in overview.list(OverviewFilter(search="brouillon"))] == [
        draft.instance_id
    ]
    assert overview.list(OverviewFilter(search="100%_")) == []
    store.delete(draft.instance_id)
    assert overview.count() == 5
    assert overview.count(OverviewFilter(include_deleted=True)) == 6
    everything = overview.overview()
    assert everything.total == 5
    assert everything.by_form_and_status == {"enquete_habitants": {"finalized": 5}}
