"""The two XLSForm workbooks shipped in ``forms/``: valid, bilingual, and well-behaved.

The workbooks are read with openpyxl (as a coordinator's spreadsheet would be) and converted
with pyxform; the consent rule is checked on the binds of the resulting XForm.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pyxform.xls2xform import convert

REPO = Path(__file__).resolve().parent.parent
FORMS_DIR = REPO / "forms"
FR = "Français (fr)"
EN = "English (en)"
TRANSLATED = ("label", "hint", "constraint_message", "required_message")
METADATA = {
    "start",
    "end",
    "today",
    "deviceid",
    "username",
    "simserial",
    "subscriberid",
    "phonenumber",
    "email",
    "audit",
}
NOT_QUESTIONS = (
    {"note", "calculate", "begin", "end", "begin_group", "end_group"}
    | {
        "begin_repeat",
        "end_repeat",
    }
    | METADATA
)
XF = "{http://www.w3.org/2002/xforms}"
SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")

BUNDLED = {
    "enquete_habitants.xlsx": "enquete_habitants",
    "enquete_professionnels.xlsx": "enquete_professionnels",
}


def _load_builder():
    spec = importlib.util.spec_from_file_location(
        "build_forms", REPO / "packaging" / "build_forms.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_sheet(path: Path, sheet: str) -> list[dict[str, object]]:
    """Rows of a sheet as dicts keyed by header; empty rows dropped."""
    wb = load_workbook(path, read_only=True)
    rows = wb[sheet].iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows)]
    out = []
    for values in rows:
        row = {
            h: (v.strip() if isinstance(v, str) else v)
            for h, v in zip(header, values, strict=False)
            if h and v not in (None, "")
        }
        if row:
            out.append(row)
    wb.close()
    return out


def headers(path: Path, sheet: str) -> list[str]:
    wb = load_workbook(path, read_only=True)
    header = [c for c in next(wb[sheet].iter_rows(values_only=True)) if c]
    wb.close()
    return header


def base_type(row: dict) -> str:
    return str(row.get("type", "")).split()[0].lower() if row.get("type") else ""


def question_rows(survey: list[dict]) -> list[dict]:
    return [r for r in survey if base_type(r) and base_type(r) not in NOT_QUESTIONS]


@pytest.fixture(scope="module", params=sorted(BUNDLED))
def form(request):
    path = FORMS_DIR / request.param
    assert path.is_file(), f"{path} is missing: run packaging/build_forms.py"
    result = convert(xlsform=str(path), validate=False)
    return {
        "path": path,
        "form_id": BUNDLED[request.param],
        "survey": read_sheet(path, "survey"),
        "choices": read_sheet(path, "choices"),
        "settings": read_sheet(path, "settings"),
        "result": result,
        "xml": ET.fromstring(result.xform),
    }


# -- conversion ----------------------------------------------------------------------------


def test_converts_with_pyxform_without_warnings(form):
    assert form["result"].xform
    assert form["result"].warnings == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("java") is None, reason="ODK Validate needs Java")
def test_passes_odk_validate(form):
    convert(xlsform=str(form["path"]), validate=True)


def test_settings(form):
    (settings,) = form["settings"]
    assert settings["form_id"] == form["form_id"]
    assert settings["default_language"] == FR
    assert settings["form_title"].startswith("Enquête")
    assert re.fullmatch(r"\d{10}", str(settings["version"]))
    assert "${" in settings["instance_name"]
    # pyxform turns instance_name into a calculated meta/instanceName
    binds = {b.get("nodeset"): b for b in form["xml"].iter(f"{XF}bind")}
    assert binds[f"/{form['result']._survey.name}/meta/instanceName"].get("calculate")


# -- size and structure --------------------------------------------------------------------


def test_has_at_least_30_questions(form):
    assert len(question_rows(form["survey"])) >= 30


def test_field_names_are_unique_snake_case(form):
    names = [str(r["name"]) for r in form["survey"] if r.get("name")]
    assert all(SNAKE.match(n) for n in names), [n for n in names if not SNAKE.match(n)]
    # "end group" / "end repeat" rows may repeat the name of their "begin" row
    opened = [str(r["name"]) for r in form["survey"] if not str(r["type"]).startswith("end ")]
    assert len(opened) == len(set(opened)), "duplicate field names"


def test_choice_names_are_short_ascii_codes_unique_per_list(form):
    seen: dict[str, set[str]] = {}
    for row in form["choices"]:
        name = str(row["name"])
        assert SNAKE.match(name), name
        assert len(name) <= 32, name
        assert name not in seen.setdefault(row["list_name"], set()), (row["list_name"], name)
        seen[row["list_name"]].add(name)
    used = {str(r["type"]).split()[1] for r in form["survey"] if base_type(r).startswith("select_")}
    assert used <= set(seen), used - set(seen)


def test_uses_the_expected_xlsform_features(form):
    survey = form["survey"]
    types = [str(r.get("type", "")) for r in survey]
    assert "begin repeat" in types
    assert any(r.get("choice_filter") for r in survey)
    assert any("${" in str(r.get("choice_filter", "")) for r in survey), "no dynamic filter"
    assert any(r.get("relevant") for r in survey)
    assert any(
        r.get("constraint")
        and r.get(f"constraint_message::{FR}")
        and r.get(f"constraint_message::{EN}")
        for r in survey
    )
    assert any(r.get("calculation") for r in survey)
    assert any(r.get("required") and r.get(f"required_message::{FR}") for r in survey)
    assert any(r.get(f"hint::{FR}") for r in survey)
    assert any(r.get("appearance") == "field-list" and r["type"] == "begin group" for r in survey)
    assert any(base_type(r) == "note" for r in survey)
    assert {"start", "end", "today", "deviceid", "username"} <= set(types)
    # a calculation inside a repeat, summed outside it
    assert any("sum(" in str(r.get("calculation", "")) for r in survey)
    assert any("count(" in str(r.get("calculation", "")) for r in survey)


def test_every_required_field_has_a_message(form):
    for row in form["survey"]:
        if row.get("required") not in (None, "", "no", "false"):
            assert row.get(f"required_message::{FR}") and row.get(f"required_message::{EN}"), row[
                "name"
            ]


# -- languages -----------------------------------------------------------------------------


@pytest.mark.parametrize("sheet", ["survey", "choices"])
def test_french_and_english_go_together(form, sheet):
    columns = headers(form["path"], sheet)
    untranslated = [c for c in columns if c in TRANSLATED or c.startswith("media")]
    assert not untranslated, f"untranslated columns: {untranslated}"
    languages = {c.split("::", 1)[1] for c in columns if "::" in c}
    assert languages == {FR, EN}
    for row in form[sheet]:
        for column in TRANSLATED:
            fr = row.get(f"{column}::{FR}")
            en = row.get(f"{column}::{EN}")
            assert bool(fr) == bool(en), f"{sheet} {row.get('name')}: {column} fr={fr!r} en={en!r}"


def test_every_question_and_choice_has_a_label(form):
    for row in question_rows(form["survey"]) + form["choices"]:
        assert row.get(f"label::{FR}"), row["name"]


# -- consent -------------------------------------------------------------------------------


def _instance_paths(xml: ET.Element) -> list[str]:
    """Paths of the primary instance's nodes, in document order, without duplicates."""
    model = xml.find(f".//{XF}model")
    root = next(iter(model.find(f"{XF}instance")))
    paths: list[str] = []

    def walk(element: ET.Element, prefix: str) -> None:
        path = f"{prefix}/{element.tag.split('}')[-1]}"
        if path not in paths:
            paths.append(path)
        for child in element:
            walk(child, path)

    walk(root, "")
    return paths


def test_refusing_consent_ends_the_interview(form):
    survey = form["survey"]
    consent_rows = [r for r in survey if r.get("name") == "consent"]
    assert len(consent_rows) == 1
    consent = consent_rows[0]
    assert consent["type"] == "select_one yes_no"
    assert consent.get("required") == "yes"
    yes_no = {r["name"] for r in form["choices"] if r["list_name"] == "yes_no"}
    assert yes_no == {"yes", "no"}
    # a thank-you note for refusals
    assert any(
        base_type(r) == "note" and re.search(r"\$\{consent\}\s*=\s*'no'", str(r.get("relevant")))
        for r in survey
    )

    notes = {r["name"] for r in survey if base_type(r) == "note"}
    xml = form["xml"]
    binds = {b.get("nodeset"): b for b in xml.iter(f"{XF}bind")}
    paths = _instance_paths(xml)
    root = paths[0]
    consent_path = next(p for p in paths if p.endswith("/consent"))
    assert consent_path == f"{root}/consent", "consent must be at the top level"
    yes_rule = re.compile(re.escape(consent_path) + r"\s*=\s*'yes'")

    later = [
        p
        for p in paths[paths.index(consent_path) + 1 :]
        if not p.startswith(f"{root}/meta") and p.rsplit("/", 1)[-1] not in notes
    ]
    assert len(later) >= 30
    for path in later:
        ancestry = [path]
        while ancestry[-1].count("/") > 1:
            ancestry.append(ancestry[-1].rsplit("/", 1)[0])
        relevants = [binds[p].get("relevant", "") for p in ancestry if p in binds]
        assert any(yes_rule.search(r) for r in relevants), f"{path} stays relevant after refusal"


# -- the workbooks are built from the text sources in forms/src/ ---------------------------


def test_every_workbook_has_a_text_source():
    builder = _load_builder()
    assert {f"{source.stem}.xlsx" for source in builder.sources()} == set(BUNDLED)


@pytest.mark.parametrize("filename", sorted(BUNDLED))
def test_text_source_gives_the_same_xform_as_the_workbook(filename):
    """pyxform reads the Markdown source directly: the same form, to the byte."""
    source = FORMS_DIR / "src" / filename.replace(".xlsx", ".md")
    from_source = convert(xlsform=str(source), validate=False)
    from_workbook = convert(xlsform=str(FORMS_DIR / filename), validate=False)
    assert from_source.xform == from_workbook.xform
    assert from_source.warnings == []


def test_workbooks_match_the_sources(tmp_path):
    _load_builder().main(["--out", str(tmp_path)])
    stale = "differs from forms/src/: run `uv run python packaging/build_forms.py` and commit"
    for filename in BUNDLED:
        for sheet in ("survey", "choices", "settings"):
            assert headers(tmp_path / filename, sheet) == headers(FORMS_DIR / filename, sheet), (
                f"{filename}/{sheet} {stale}"
            )
            fresh = read_sheet(tmp_path / filename, sheet)
            committed = read_sheet(FORMS_DIR / filename, sheet)
            assert fresh == committed, f"{filename}/{sheet} {stale}"
        built = convert(xlsform=str(tmp_path / filename), validate=False).xform
        assert built == convert(xlsform=str(FORMS_DIR / filename), validate=False).xform, (
            f"{filename}: {stale}"
        )


@pytest.mark.parametrize("filename", sorted(BUNDLED))
def test_sheets_are_easy_to_edit(filename):
    wb = load_workbook(FORMS_DIR / filename)
    assert wb.sheetnames == ["survey", "choices", "settings"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.cell(row=1, column=1).font.bold, ws.title
        widths = [ws.column_dimensions[c].width for c in "ABC"]
        assert all(w and w >= 12 for w in widths), (ws.title, widths)


def test_interviewer_prefilled_and_interviews_named_with_choice_labels(tmp_path):
    """The welcome's name fills the interviewer question; interview names use labels."""
    from surveyor.services.interviews import FormLibrary
    from surveyor.services.interviews import start_interview
    from surveyor.store import Store

    library = FormLibrary(Store.open(tmp_path))
    form = library.load_file(FORMS_DIR / "enquete_habitants.xlsx")
    _interview, session = start_interview(library, form, interviewer="Amélie")
    assert session.answers()["interviewer"] == "Amélie"
    session.set_answer("/data/visit/interview_date", "2026-11-12")
    session.set_answer("/data/visit/sector", "east")
    session.set_language("fr")
    name = session.instance_name()
    assert name.endswith("2026-11-12 – Amélie"), name
    assert "east" not in name
    assert name.startswith("Secteur est"), name  # the choice's label in the form's language

    form = library.load_file(FORMS_DIR / "enquete_professionnels.xlsx")
    _interview, session = start_interview(library, form, interviewer="Amélie")
    assert session.answers()["interviewer"] == "Amélie"
