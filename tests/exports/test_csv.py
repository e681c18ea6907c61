"""CSV export in ODK Central's shape."""

from __future__ import annotations

import csv
import os

from surveyor.cli import main
from surveyor.exports import ExportOptions
from surveyor.exports import export
from surveyor.exports import form_layout
from surveyor.forms.model import Kind
from surveyor.services.interviews import edit_interview
from surveyor.services.interviews import finalize_interview

MAIN_TAIL = [
    "meta-instanceID",
    "meta-instanceName",
    "KEY",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
]
MEMBER_HEADERS = [
    "member_name",
    "member_age",
    "member_relationship",
    "member_work",
    "member_under6",
    "member_minor",
    "member_senior",
    "member_jobseeker",
    "PARENT_KEY",
    "KEY",
]


def read(path, encoding="utf-8-sig"):
    with open(path, encoding=encoding, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def run(store, library, tmp_path, **options):
    """Export with every column (personal fields kept: ODK Central's whole shape)."""
    out = tmp_path / "out"
    options.setdefault("personal", "keep")
    files = export(store, out, options=ExportOptions(**options), library=library)
    return out, files


def test_files_and_headers(filled, tmp_path):
    store, library, form, interviews, _draft = filled
    out, files = run(store, library, tmp_path)
    assert [f.name for f in files] == ["enquete_habitants.csv", "enquete_habitants-member.csv"]
    header, rows = read(out / "enquete_habitants.csv")
    assert header[:9] == [
        "SubmissionDate",
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "visit-interviewer",
        "visit-interview_date",
        "visit-sector",
    ]
    assert "household-street" in header
    assert "contact-contact_details-contact_phone" in header
    assert "needs-followup_childcare-childcare_coping" in header
    assert header[-len(MAIN_TAIL) :] == MAIN_TAIL
    # one column per field of the form outside repeats, nothing else
    expected = ["-".join(n.path.split("/")[2:]) for n in form.fields() if not n.repeat_ancestors()]
    assert header == ["SubmissionDate", *expected, *MAIN_TAIL[2:]]
    member_header, _ = read(out / "enquete_habitants-member.csv")
    assert member_header == MEMBER_HEADERS
    assert not [p for p in os.listdir(out) if p.startswith(".")]  # no temporary file left


def test_one_row_per_finalized_interview_and_central_columns(filled, tmp_path):
    store, library, _form, interviews, draft = filled
    out, _ = run(store, library, tmp_path)
    _, rows = read(out / "enquete_habitants.csv")
    assert [r["KEY"] for r in rows] == [i.instance_id for i in interviews]
    assert draft.instance_id not in {r["KEY"] for r in rows}
    first = rows[0]
    assert first["SubmissionDate"] == "2026-11-20T10:00:00.000Z"
    assert first["meta-instanceID"] == interviews[0].instance_id
    assert first["meta-instanceName"] == interviews[0].instance_name
    assert first["SubmitterName"] == "Fatima B."
    assert first["SubmitterID"] == ""
    assert first["DeviceID"] == "collect:laptop-1"
    assert first["FormVersion"] == "2026112201"
    assert (first["Edits"], first["ReviewState"], first["Status"]) == ("0", "", "")
    assert (first["AttachmentsPresent"], first["AttachmentsExpected"]) == ("0", "0")


def test_repeat_rows_linked_by_keys(filled, tmp_path):
    store, library, _form, interviews, _draft = filled
    out, _ = run(store, library, tmp_path)
    _, rows = read(out / "enquete_habitants.csv")
    _, members = read(out / "enquete_habitants-member.csv")
    assert len(members) == sum(len(i.answers["member"]) for i in interviews) == 3 + 1 + 2 + 3 + 1
    keys = {r["KEY"] for r in rows}
    for interview in interviews:
        mine = [m for m in members if m["PARENT_KEY"] == interview.instance_id]
        assert [m["KEY"] for m in mine] == [
            f"{interview.instance_id}/household/member[{n}]"
            for n in range(1, len(interview.answers["member"]) + 1)
        ]
        assert [m["member_name"] for m in mine] == [
            m["member_name"] for m in interview.answers["member"]
        ]
    assert {m["PARENT_KEY"] for m in members} <= keys


def test_every_answer_reads_back_unchanged(filled, tmp_path):
    store, library, form, interviews, _draft = filled
    out, _ = run(store, library, tmp_path)
    _, rows = read(out / "enquete_habitants.csv")
    _, members = read(out / "enquete_habitants-member.csv")
    header_of = {}
    for node in form.fields():
        parts = node.path.split("/")[2:]
        if node.repeat_ancestors():
            parts = node.path[len(node.repeat_ancestors()[-1].path) + 1 :].split("/")
        header_of[node.name] = "-".join(parts)
    for interview, row in zip(interviews, rows, strict=True):
        stored = store.get_interview(interview.instance_id).answers
        checked = 0
        for name, value in stored.items():
            if isinstance(value, list):
                mine = [m for m in members if m["PARENT_KEY"] == interview.instance_id]
                for instance, member_row in zip(value, mine, strict=True):
                    for k, v in instance.items():
                        assert member_row[header_of[k]] == v, k
                continue
            node = form.by_name(name)
            assert node.kind is Kind.FIELD
            assert row[header_of[name]] == value, name
            checked += 1
        assert checked > 50
    assert any("\n" in r["closing-comments"] for r in rows)
    assert any('"' in r["household-street"] for r in rows)


def test_labels_in_default_and_other_language(filled, tmp_path):
    store, library, _form, _interviews, _draft = filled
    out, _ = run(store, library, tmp_path, labels=True)
    _, rows = read(out / "enquete_habitants.csv")
    assert rows[0]["consent"] == "Oui"
    assert rows[0]["visit-sector"] == "Secteur nord"
    assert rows[0]["needs-main_need"] == "Garde d'enfants"  # choices from a secondary instance
    assert rows[0]["skills-skills_offered"] == "Cuisiner ; Coudre"
    assert rows[0]["household-street"] == "Rue des Tilleuls"  # text stays as typed
    _, members = read(out / "enquete_habitants-member.csv")
    assert members[0]["member_relationship"] == "La personne interrogée"
    out, _ = run(store, library, tmp_path, labels=True, language="en")
    _, rows = read(out / "enquete_habitants.csv")
    assert rows[0]["consent"] == "Yes"
    assert rows[1]["visit-sector"] == "South area"


def test_split_select_multiple(filled, tmp_path):
    store, library, form, _interviews, _draft = filled
    out, _ = run(store, library, tmp_path, split_select_multiple=True)
    header, rows = read(out / "enquete_habitants.csv")
    modes = [c.name for c in form.by_name("transport_modes").choices]
    at = header.index("mobility-transport_modes")
    assert header[at + 1 : at + 1 + len(modes)] == [f"mobility-transport_modes/{m}" for m in modes]
    assert rows[0]["mobility-transport_modes"] == "bus walk"
    assert rows[0]["mobility-transport_modes/bus"] == "1"
    assert rows[0]["mobility-transport_modes/walk"] == "1"
    assert rows[0]["mobility-transport_modes/car"] == "0"
    assert rows[1]["mobility-transport_modes/car"] == "1"
    # unanswered question: the split columns stay empty
    assert rows[0]["needs-followup_meals-meals_coping"] == ""
    assert rows[0]["needs-followup_meals-meals_coping/family"] == ""
    # choices from a secondary instance (choice_filter) are split too
    assert rows[0]["needs-needs_unmet/childcare"] == "1"
    assert rows[0]["needs-needs_unmet/meals"] == "0"


def test_bom_on_by_default_and_off_on_request(filled, tmp_path):
    store, library, _form, _interviews, _draft = filled
    out, _ = run(store, library, tmp_path)
    assert (out / "enquete_habitants.csv").read_bytes().startswith(b"\xef\xbb\xbfSubmissionDate,")
    out, _ = run(store, library, tmp_path, excel_bom=False)
    assert (out / "enquete_habitants.csv").read_bytes().startswith(b"SubmissionDate,")


def test_an_edited_interview_is_exported_once_as_its_latest_revision(filled, tmp_path):
    store, library, _form, interviews, _draft = filled
    revision, session = edit_interview(library, interviews[1])
    session.set_answer("/data/household/street", "Rue Refaite")
    finalize_interview(library, revision, session)
    out, _ = run(store, library, tmp_path)
    _, rows = read(out / "enquete_habitants.csv")
    assert len(rows) == len(interviews)
    edited = [r for r in rows if r["Edits"] == "1"]
    assert len(edited) == 1
    assert edited[0]["KEY"] == interviews[1].instance_id  # the first version's instanceID
    assert edited[0]["meta-instanceID"] == revision.instance_id
    assert edited[0]["ReviewState"] == "edited"
    assert edited[0]["household-street"] == "Rue Refaite"
    _, members = read(out / "enquete_habitants-member.csv")
    assert len([m for m in members if m["PARENT_KEY"] == interviews[1].instance_id]) == 1


def test_progress_is_reported(filled, tmp_path):
    store, library, _form, interviews, _draft = filled
    calls = []
    export(store, tmp_path / "o", library=library, progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, len(interviews))
    assert calls[-1] == (len(interviews), len(interviews))


def test_layout_language_error(filled):
    store, library, _form, _interviews, _draft = filled
    import pytest

    from surveyor.exports import ExportError

    with pytest.raises(ExportError, match="no language 'de'"):
        form_layout(store, "enquete_habitants", ExportOptions(labels=True, language="de"), library)


def test_cli_export(filled, tmp_path, capsys):
    store, _library, _form, interviews, _draft = filled
    data_dir = store.path.parent
    out = tmp_path / "cli-out"
    code = main(
        [
            "--data-dir",
            str(data_dir),
            "export",
            "--format",
            "csv",
            "--out",
            str(out),
            "--form",
            "enquete_habitants",
            "--labels",
            "--split-select-multiple",
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out.split()
    assert printed == [
        str(out / "enquete_habitants.csv"),
        str(out / "enquete_habitants-member.csv"),
    ]
    _, rows = read(out / "enquete_habitants.csv")
    assert len(rows) == len(interviews)
    assert rows[0]["consent"] == "Oui"
    code = main(["--data-dir", str(data_dir), "export", "--out", str(out), "--form", "nope"])
    assert code == 1
    assert "No form 'nope'" in capsys.readouterr().err
