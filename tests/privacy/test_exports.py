"""Exports leave the personal fields out (the default), pseudonymise them, or keep them:
``surveyor export --personal``, CSV and XLSX, through the real command."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from surveyor.privacy.pseudonym import KEY_NAME
from surveyor.workspace import Workspace
from tests.sync.conftest import ANSWERS
from tests.sync.conftest import HABITANTS

PHONE = "06 98 76 54 32"
NAME = "Ophélie Zandvoort"
CHILD = "Quentinou"


def export(data_dir: Path, out: Path, fmt: str, *personal: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "surveyor", "--data-dir", str(data_dir), "export",
         "--format", fmt, "--out", str(out), "--quiet", *personal],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result


def tables(out: Path, fmt: str) -> dict[str, list[dict]]:
    """Table name ("" main, "member") -> rows as dicts."""
    found = {}
    if fmt == "csv":
        for name, path in (
            ("", "enquete_habitants.csv"),
            ("member", "enquete_habitants-member.csv"),
        ):
            with open(out / path, encoding="utf-8-sig", newline="") as f:
                found[name] = list(csv.DictReader(f))
    else:
        book = load_workbook(out / "enquete_habitants.xlsx", read_only=True)
        for index, sheet in enumerate(book.worksheets):
            rows = [
                [c if c is not None else "" for c in r] for r in sheet.iter_rows(values_only=True)
            ]
            found["" if index == 0 else "member"] = [
                dict(zip(rows[0], r, strict=True)) for r in rows[1:]
            ]
        book.close()
    return found


def value(row: dict, name: str):
    return [v for k, v in row.items() if k.split("-")[-1] == name]


@pytest.fixture
def coordinator(tmp_path):
    data = tmp_path / "coordinator"
    with Workspace.open(data) as ws:
        form = ws.load_form(HABITANTS).value
        for phone in (PHONE, PHONE, "07 11 22 33 44"):
            answers = {**ANSWERS, "contact_name": NAME, "contact_phone": phone}
            answers["member"] = [{**ANSWERS["member"][0], "member_name": CHILD}]
            assert ws.fill_interview(form, answers, finalize=True).value.ok
    return data


def everything(out: Path) -> str:
    text = ""
    for p in out.iterdir():
        if p.suffix == ".csv":
            text += p.read_text("utf-8-sig")
        else:
            book = load_workbook(p, read_only=True)
            for sheet in book.worksheets:
                text += json.dumps(list(sheet.iter_rows(values_only=True)), default=str)
            book.close()
    return text


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_default_export_leaves_the_personal_fields_out(coordinator, tmp_path, fmt):
    out = tmp_path / "out"
    export(coordinator, out, fmt)
    found = tables(out, fmt)
    assert len(found[""]) == 3 and len(found["member"]) == 3
    for name in ("contact_name", "contact_phone", "contact_email"):
        assert value(found[""][0], name) == []
    assert value(found["member"][0], "member_name") == []
    assert value(found["member"][0], "member_age") == ["38"] or value(
        found["member"][0], "member_age"
    ) == [38]
    assert value(found[""][0], "comments") == [ANSWERS["comments"]]
    text = everything(out)
    assert PHONE not in text and NAME not in text and CHILD not in text


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_pseudonyms_are_stable_within_the_campaign_and_hide_the_values(coordinator, tmp_path, fmt):
    export(coordinator, tmp_path / "a", fmt, "--personal", "pseudonymise")
    export(coordinator, tmp_path / "b", fmt, "--personal", "pseudonymise")
    first, second = tables(tmp_path / "a", fmt), tables(tmp_path / "b", fmt)
    phones = [value(r, "contact_phone")[0] for r in first[""]]
    assert sorted(phones) == sorted([value(r, "contact_phone")[0] for r in second[""]])
    assert len(set(phones)) == 2  # the same phone twice: the same token
    assert all(p.startswith("P-") and len(p) == 14 for p in phones)
    children = {value(r, "member_name")[0] for r in first["member"]}
    assert len(children) == 1 and children.pop().startswith("P-")
    text = everything(tmp_path / "a")
    assert PHONE not in text and NAME not in text and CHILD not in text
    key = coordinator / KEY_NAME
    assert key.exists() and key.stat().st_mode & 0o077 == 0

    # another campaign (another data dir, another key): other tokens
    other = tmp_path / "other"
    with Workspace.open(other) as ws:
        form = ws.load_form(HABITANTS).value
        ws.fill_interview(form, {**ANSWERS, "contact_phone": PHONE}, finalize=True)
    export(other, tmp_path / "c", fmt, "--personal", "pseudonymise")
    (theirs,) = [value(r, "contact_phone")[0] for r in tables(tmp_path / "c", fmt)[""]]
    assert theirs not in phones


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_keep_writes_the_personal_fields_as_answered(coordinator, tmp_path, fmt):
    export(coordinator, tmp_path / "k", fmt, "--personal", "keep")
    found = tables(tmp_path / "k", fmt)
    assert sorted(value(r, "contact_phone")[0] for r in found[""]) == sorted(
        [PHONE, PHONE, "07 11 22 33 44"]
    )
    assert {value(r, "member_name")[0] for r in found["member"]} == {CHILD}


def test_the_campaign_settings_add_personal_fields(coordinator, tmp_path):
    (coordinator / "privacy.json").write_text(json.dumps({"personal": ["street"]}))
    export(coordinator, tmp_path / "s", "csv")
    assert value(tables(tmp_path / "s", "csv")[""][0], "street") == []


def test_an_unknown_choice_is_refused(coordinator, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "surveyor", "--data-dir", str(coordinator), "export",
         "--out", str(tmp_path / "x"), "--personal", "hide"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0 and "--personal" in result.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.slow
def test_a_mark_made_in_the_results_is_the_exports_and_retentions_personal_field(
    coordinator, tmp_path
):
    """One list: what the coordinator marks in Résultats (``Workspace.mark_personal``, as the
    app's question-list menu does) is what the export omits or pseudonymises, what retention
    purges and what the record says; unmarking (not personal, or the mark dropped) too."""
    with Workspace.open(coordinator) as ws:
        ws.mark_personal("enquete_habitants", "comments", True)
        ws.mark_personal("enquete_habitants", "contact_phone", False)
        form_hash = ws.store.list_forms(form_id="enquete_habitants")[-1].content_hash
        assert {"comments"} <= ws.personal_fields(form_hash)  # what retention purges
        assert "contact_phone" not in ws.personal_fields(form_hash)
        assert ws.form_personal_fields("enquete_habitants") & {"comments", "contact_phone"} == {
            "comments"
        }
        record = ws.processing_record(language="en")
    assert "| `comments` |" in record and "`comments`" in record.split("personal field(s):")[1]
    export(coordinator, tmp_path / "marked", "csv")
    row = tables(tmp_path / "marked", "csv")[""][0]
    assert value(row, "comments") == [] and ANSWERS["comments"] not in everything(
        tmp_path / "marked"
    )
    assert value(row, "contact_phone") in ([PHONE], ["07 11 22 33 44"])  # unmarked: kept
    export(coordinator, tmp_path / "pseudo", "xlsx", "--personal", "pseudonymise")
    (comment, *_) = [value(r, "comments")[0] for r in tables(tmp_path / "pseudo", "xlsx")[""]]
    assert comment.startswith("P-")

    with Workspace.open(coordinator) as ws:  # the marks dropped: the form's own say again
        ws.mark_personal("enquete_habitants", "comments", None)
        ws.mark_personal("enquete_habitants", "contact_phone", None)
    export(coordinator, tmp_path / "back", "csv")
    row = tables(tmp_path / "back", "csv")[""][0]
    assert value(row, "comments") == [ANSWERS["comments"]] and value(row, "contact_phone") == []


@pytest.mark.slow
def test_marks_an_older_surveyor_kept_in_the_store_move_to_privacy_json(coordinator, tmp_path):
    with Workspace.open(coordinator) as ws, ws.store.transaction("an older mark") as db:
        db.execute("INSERT INTO personal_marks VALUES ('enquete_habitants', 'comments', 1)")
    export(coordinator, tmp_path / "out", "csv")
    assert value(tables(tmp_path / "out", "csv")[""][0], "comments") == []
    settings = json.loads((coordinator / "privacy.json").read_text("utf-8"))
    assert settings["marks"] == {"enquete_habitants": {"comments": True}}
    with Workspace.open(coordinator) as ws, ws.store.reading("read") as db:
        assert db.execute("SELECT count(*) FROM personal_marks").fetchone()[0] == 0
