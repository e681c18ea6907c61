"""``surveyor fill`` and ``surveyor interviews`` through the real command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))


def surveyor(*args, data_dir: Path, stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "surveyor", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def write(tmp_path: Path, answers: dict, name="answers.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.slow
def test_fill_finalizes_a_complete_interview_and_prints_its_id(tmp_path):
    data = tmp_path / "data"
    result = surveyor(
        "fill",
        str(HABITANTS),
        "--answers",
        str(write(tmp_path, ANSWERS)),
        "--finalize",
        data_dir=data,
    )
    assert result.returncode == 0, result.stderr
    instance_id = result.stdout.strip()
    assert instance_id.startswith("uuid:") and len(instance_id) == 41
    listed = surveyor("interviews", "--json", data_dir=data)
    rows = json.loads(listed.stdout)
    assert [(r["instance_id"], r["status"]) for r in rows] == [(instance_id, "finalized")]


@pytest.mark.slow
def test_fill_json_gives_answers_as_the_submission_holds_them(tmp_path):
    result = surveyor(
        "fill",
        str(HABITANTS),
        "--answers",
        str(write(tmp_path, ANSWERS)),
        "--finalize",
        "--json",
        data_dir=tmp_path / "data",
    )
    assert result.returncode == 0, result.stderr
    interview = json.loads(result.stdout)
    answers = interview["answers"]
    assert interview["status"] == "finalized"
    assert interview["form_id"] == "enquete_habitants"
    assert answers["household_size"] == "3"
    assert answers["children_under6"] == "1"
    assert answers["jobseekers"] == "1"
    assert answers["needs_count"] == "3"
    assert answers["years_in_district"] == "12"
    assert answers["transport_modes"] == "bus walk"
    assert [m["member_name"] for m in answers["member"]] == ["Nadia", "Karim", "Lina"]
    assert answers["member"][2]["member_work"] == ""  # not relevant for a child
    assert answers["member"][2]["member_under6"] == "1"
    assert all(isinstance(v, str) for v in answers["member"][0].values())
    assert answers["end"] != ""
    # named with the sector's label in the form's language, not its code
    assert interview["instance_name"] == "Secteur nord – 2026-11-20 – Fatima B."


@pytest.mark.slow
def test_fill_drops_answers_to_questions_that_are_not_relevant(tmp_path):
    answers = dict(ANSWERS, consent="no")
    result = surveyor(
        "fill",
        str(HABITANTS),
        "--answers",
        str(write(tmp_path, answers)),
        "--finalize",
        "--json",
        data_dir=tmp_path / "data",
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)["answers"]
    assert out["consent"] == "no"
    assert out["street"] == "" and out["needs_unmet"] == "" and out["contact_phone"] == ""


@pytest.mark.slow
def test_fill_reports_each_problem_by_field_and_does_not_finalize(tmp_path):
    answers = json.loads(json.dumps(ANSWERS))
    answers["member"][1]["member_age"] = 130
    answers["contact_phone"] = "not a phone"
    del answers["street"]
    data = tmp_path / "data"
    result = surveyor(
        "fill",
        str(HABITANTS),
        "--answers",
        str(write(tmp_path, answers)),
        "--finalize",
        data_dir=data,
    )
    assert result.returncode == 1
    lines = [
        line
        for line in result.stderr.splitlines()
        if line.startswith(("member_", "contact", "street"))
    ]
    assert len(lines) == 3, result.stderr
    assert lines[0].startswith("street (/data/household/street)")
    assert lines[1].startswith("member_age (/data/household/member[2]/member_age)")
    assert lines[2].startswith("contact_phone (/data/contact/contact_details/contact_phone)")
    rows = json.loads(surveyor("interviews", "--json", data_dir=data).stdout)
    assert [r["status"] for r in rows] == ["draft"]
    assert rows == json.loads(
        surveyor("interviews", "--json", "--status", "draft", data_dir=data).stdout
    )
    assert (
        json.loads(surveyor("interviews", "--json", "--status", "finalized", data_dir=data).stdout)
        == []
    )


@pytest.mark.slow
def test_fill_without_finalize_keeps_a_draft(tmp_path):
    data = tmp_path / "data"
    result = surveyor(
        "fill",
        str(HABITANTS),
        "--answers",
        str(write(tmp_path, {"sector": "south"})),
        data_dir=data,
    )
    assert result.returncode == 0, result.stderr
    table = surveyor("interviews", data_dir=data).stdout.strip().split("\t")
    assert table[0] == result.stdout.strip() and table[1] == "draft"


@pytest.mark.slow
def test_fill_rejects_unknown_fields_by_name(tmp_path):
    result = surveyor(
        "fill",
        str(HABITANTS),
        "--answers",
        str(write(tmp_path, {"no_such_field": "1"})),
        data_dir=tmp_path / "data",
    )
    assert result.returncode == 1
    assert "no_such_field (/data/no_such_field): no such field in the form" in result.stderr


@pytest.mark.parametrize(
    "content,message",
    [("{not json", "is not valid JSON"), ("[1, 2]", "must hold one JSON object")],
)
def test_fill_explains_a_bad_answers_file(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = surveyor("fill", str(HABITANTS), "--answers", str(path), data_dir=tmp_path / "d")
    assert result.returncode == 2
    assert message in result.stderr


@pytest.mark.slow
def test_fill_explains_a_broken_form(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    result = surveyor(
        "fill", str(broken), "--answers", str(write(tmp_path, {})), data_dir=tmp_path / "d"
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "broken.xlsx" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_answers_file_from_stdin(tmp_path):
    result = surveyor(
        "fill",
        str(HABITANTS),
        "--answers",
        "-",
        "--json",
        data_dir=tmp_path / "d",
        stdin=json.dumps({"sector": "east", "transport_modes": "bike walk"}),
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["answers"]["sector"] == "east"


COUNTED_IN_GROUP = """| survey |
| | type | name | label | relevant | calculation | repeat_count |
| | integer | n_adults | Adults | | | |
| | integer | n_children | Children | | | |
| | calculate | hh_size | | | ${n_adults} + ${n_children} | |
| | begin_group | hh | Household | ${n_adults} > 0 | | |
| | begin_repeat | person | Person | | | ${hh_size} |
| | text | pname | Name | | | |
| | end_repeat | | | | | |
| | end_group | | | | | |
"""


@pytest.mark.slow
def test_fill_loads_a_repeat_counted_by_a_calculation_inside_a_relevant_group(tmp_path):
    form = tmp_path / "household.md"
    form.write_text(COUNTED_IN_GROUP, encoding="utf-8")
    answers = {"n_adults": "1", "n_children": "1", "person": [{"pname": "A"}, {"pname": "B"}]}
    result = surveyor(
        "fill",
        str(form),
        "--answers",
        str(write(tmp_path, answers)),
        "--finalize",
        "--json",
        data_dir=tmp_path / "data",
    )
    assert result.returncode == 0, result.stderr
    assert [p["pname"] for p in json.loads(result.stdout)["answers"]["person"]] == ["A", "B"]
    answers["person"].append({"pname": "C"})
    result = surveyor(
        "fill", str(form), "--answers", str(write(tmp_path, answers)), data_dir=tmp_path / "data"
    )
    assert result.returncode == 1
    assert "person (/data/hh/person): more items than the repeat count (2)" in result.stderr


@pytest.mark.slow
def test_fill_refuses_a_choice_the_filtered_question_does_not_offer(tmp_path):
    answers = dict(ANSWERS, main_need="digital_x")
    result = surveyor(
        "fill",
        str(HABITANTS),
        "--answers",
        str(write(tmp_path, answers)),
        "--finalize",
        data_dir=tmp_path / "data",
    )
    assert result.returncode == 1
    assert "main_need (/data/needs/main_need): not one of the choices" in result.stderr
    # a real choice that the filter leaves out (not among the needs given) is refused too
    answers = dict(ANSWERS, main_need="meals")
    result = surveyor(
        "fill",
        str(HABITANTS),
        "--answers",
        str(write(tmp_path, answers)),
        "--finalize",
        data_dir=tmp_path / "data",
    )
    assert result.returncode == 1
    assert "main_need (/data/needs/main_need): not one of the choices" in result.stderr
