"""Number questions cut into bands where they group: figures per band equal a count from the
CSV export; the edges (on an edge, under the first, decimals); the CLI; the plan."""

from __future__ import annotations

import json

import pytest

from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.results.bands import AGE_EDGES
from surveyor.results.bands import Bands
from surveyor.results.bands import automatic_edges
from surveyor.results.bands import parse_edges
from surveyor.results.plan import ReportPlan
from surveyor.results.plan import load_plan
from surveyor.results.plan import save_plan
from tests.test_cli import run_cli

from .test_figures import col
from .test_figures import exported
from .test_report import docx_text

__all__ = ["exported"]  # the fixture, shared with test_figures.py

AGE_BANDS = [(0, 15, "0-14"), (15, 30, "15-29"), (30, 45, "30-44"), (45, 60, "45-59")]
AGE_BANDS += [(60, 75, "60-74"), (75, 1000, "75+")]


def band_of(age: float, bands) -> str:
    return next(code for low, high, code in bands if low <= age < high)


def test_grouping_by_age_band_equals_a_count_from_the_csv(exported):
    ws, _facts, main, members = exported
    grouped = ws.results(by="member_age", questions=["sector", "needs_unmet"])
    assert grouped.bands == (0, 15, 30, 45, 60, 75)  # an age: the usual bands
    # an interview is in each band one of its household members is in
    expected: dict[str, set[str]] = {}
    for m in members:
        expected.setdefault(band_of(float(m["member_age"]), AGE_BANDS), set()).add(m["PARENT_KEY"])
    assert {code: r.interviews for code, r in grouped.groups.items()} == {
        code: len(keys) for code, keys in expected.items()
    }
    assert list(grouped.groups) == [c for _l, _h, c in AGE_BANDS if c in expected]  # in order
    for code, keys in expected.items():
        rows = [r for r in main if r["KEY"] in keys]
        sectors = grouped.groups[code].questions["sector"].counts
        for sector in {col(r, "sector") for r in rows}:
            assert sectors[sector] == len([r for r in rows if col(r, "sector") == sector])
    assert grouped.group_labels["0-14"] == "0–14"
    data = grouped.to_json()
    assert list(data["groups"]) == list(grouped.groups)
    assert data["bands"] == [0, 15, 30, 45, 60, 75]


def test_a_crosstab_of_a_repeats_number_counts_each_member_in_its_band(exported):
    ws, _facts, _main, members = exported
    bands = [(0, 18, "<18"), (18, 65, "18-64"), (65, 1000, "65+")]
    table = ws.crosstab("member_age", "member_work", bands={"member_age": [18, 65]})
    assert table.unit == "member"
    assert [c for c, _l in table.rows] == ["<18", "18-64", "65+"]
    assert dict(table.rows)["65+"] == "65 et plus"
    working = [m for m in members if m["member_work"]]
    assert table.total == len(working)
    for code in ("<18", "18-64", "65+"):
        mine = [m for m in working if band_of(float(m["member_age"]), bands) == code]
        assert table.row_totals[code] == len(mine)
        for work, _label in table.columns:
            assert table.counts[code][work] == len([m for m in mine if m["member_work"] == work])
    ranking = ws.ranking("needs_unmet", by="member_age", language="en")
    assert ranking.groups["60-74"][0] == "60–74"
    english = ws.crosstab("member_age", "sector", language="en", bands={"member_age": [18, 65]})
    assert dict(english.rows)["<18"] == "under 18"


def test_a_value_on_an_edge_goes_up_and_values_under_the_first_edge_have_their_band():
    bands = Bands((15.0, 30.0, 45.0))
    assert [bands.code_of(v) for v in (3, 14, 15, 29, 30, 44, 45, 99)] == [
        "<15", "<15", "15-29", "15-29", "30-44", "30-44", "45+", "45+"
    ]  # fmt: skip
    assert bands.label(0, "fr") == "moins de 15" and bands.label(3, "en") == "45 and over"
    assert bands.categories("fr", used=set())[0] == ("15-29", "15–29")  # no empty "under" band
    decimals = Bands((0.0, 2.5, 5.0), whole=False)
    assert decimals.code_of(2.5) == "2.5-<5" and decimals.code_of(2.49) == "0-<2.5"
    assert decimals.label(2, "fr") == "de 2,5 à moins de 5"
    assert decimals.label(1, "en") == "0 to under 2.5"
    # whole values with a decimal edge are not written "2.5–4"
    assert Bands((0.0, 2.5, 5.0), whole=True).code(2) == "2.5-<5"


def test_automatic_bands_are_ages_or_round_equal_widths():
    assert automatic_edges("member_age", "Âge", [4.0, 38.0, 71.0]) == (0, 15, 30, 45, 60, 75)
    assert automatic_edges("q1", "Quel âge avez-vous ?", [30.0]) == (0, 15, 30, 45, 60, 75)
    # "age" inside another word is no age: round equal-width bands
    assert automatic_edges("page_count", "Pages", [3.0, 87.0]) == (0, 20, 40, 60, 80)
    assert automatic_edges("rent", "Loyer", [120.0, 250.0, 980.0]) == (0, 200, 400, 600, 800)
    assert automatic_edges("age", "Age", [-3.0, 500.0]) != AGE_EDGES  # not ages: no age bands
    assert automatic_edges("size", "Taille", [0.4, 4.7]) == (0, 1, 2, 3, 4)
    assert automatic_edges("x", "X", [7.0, 7.0]) == (7,)


@pytest.mark.parametrize(
    "text", ["30,15", "15,15", "15,abc", "", " , ", "15;30", "nan", "inf"], ids=repr
)
def test_bad_edges_are_refused_with_a_code(text):
    with pytest.raises(ResultsError) as e:
        parse_edges(text, name="member_age")
    assert e.value.code is ErrorCode.RESULTS_BANDS_INVALID
    assert "member_age" in str(e.value)


def test_the_campaigns_bands_are_kept_and_bad_ones_change_nothing(coordinator):
    ws, _facts = coordinator
    assert ws.band_edges("member_age") == (0, 15, 30, 45, 60, 75)
    assert ws.set_bands("member_age", "18, 65").results
    assert ws.bands() == {"member_age": (18, 65)}
    assert list(ws.results(by="member_age", questions=["sector"]).groups) == ["<18", "18-64", "65+"]
    for bad in ("65,18", "x"):
        with pytest.raises(ResultsError) as e:
            ws.set_bands("member_age", bad)
        assert e.value.code is ErrorCode.RESULTS_BANDS_INVALID
    with pytest.raises(ResultsError) as e:
        ws.set_bands("sector", "1,2")
    assert e.value.code is ErrorCode.RESULTS_BANDS_INVALID
    with pytest.raises(ResultsError) as e:
        ws.results(by="member_age", bands={"member_age": [40, 20]})
    assert e.value.code is ErrorCode.RESULTS_BANDS_INVALID
    assert ws.bands() == {"member_age": (18, 65)}
    ws.set_bands("member_age", None)
    assert ws.bands() == {} and ws.band_edges("member_age")[0] == 0


def test_non_responses_are_never_put_in_a_band(coordinator):
    ws, _facts = coordinator
    # years_in_district: the refusal's interview has no answer; it is in no band ("under
    # the first edge" is not "no answer"), the overall figures still count it
    grouped = ws.results(by="years_in_district", questions=["years_in_district", "sector"])
    years = grouped.overall.questions["years_in_district"]
    assert grouped.overall.interviews == years.answered + 1
    assert sum(r.interviews for r in grouped.groups.values()) == years.answered
    assert all(not code.startswith("<") for code in grouped.groups)
    # every answer under the first edge: one band "<100", the blank still in none
    under = ws.results(by="years_in_district", questions=[], bands={"years_in_district": [100]})
    assert {c: r.interviews for c, r in under.groups.items()} == {"<100": years.answered}


@pytest.mark.slow
def test_the_cli_groups_and_crosses_by_bands(coordinator):
    ws, _facts = coordinator
    done = run_cli(
        "--data-dir", str(ws.data_dir), "results", "--json",
        "--by", "member_age", "--bands", "member_age=18,65",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert list(data["groups"]) == ["<18", "18-64", "65+"]
    assert data["bands"] == [18, 65]
    assert data["group_labels"]["65+"] == "65 et plus"
    done = run_cli(
        "--data-dir", str(ws.data_dir), "results", "--json",
        "--crosstab", "member_age", "member_work", "--bands", "member_age=18,65",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert list(json.loads(done.stdout)["row_labels"]) == ["<18", "18-64", "65+"]
    done = run_cli(
        "--data-dir", str(ws.data_dir), "results", "--by", "member_age",
        "--bands", "member_age=65,18",
    )  # fmt: skip
    assert done.returncode == 1
    assert "must increase" in done.stderr
    assert done.stdout == ""


@pytest.mark.slow
def test_the_plans_bands_round_trip_and_make_the_reports_split(coordinator, tmp_path):
    ws, _facts = coordinator
    plan = ws.report_plan()
    plan.needs_by = "member_age"
    plan.crosstabs = [("member_age", "sector")]
    plan.bands = {"member_age": (18.0, 65.0)}
    path = save_plan(plan, tmp_path / "plan.json")
    assert json.loads(path.read_text("utf-8"))["bands"] == {"member_age": [18.0, 65.0]}
    assert load_plan(path) == plan
    ws.save_report_plan(plan)
    assert ws.report_plan().bands == {"member_age": (18, 65)}
    assert ws.bands() == {"member_age": (18, 65)}  # the campaign's bands, the view's too
    bad = plan.to_json() | {"bands": {"member_age": [65, 18]}}
    with pytest.raises(ResultsError) as e:
        ReportPlan.from_json(bad)
    assert e.value.code is ErrorCode.RESULTS_BANDS_INVALID
    with pytest.raises(ResultsError):
        ws.save_report_plan(ReportPlan("enquete_habitants", bands={"sector": (1.0, 2.0)}))
    out = ws.write_report(tmp_path / "r.docx", plan=plan, fieldwork=lambda: None)
    text = docx_text(out)
    assert "65 et plus" in text and "moins de 18" in text
    done = run_cli(
        "--data-dir", str(ws.data_dir), "report", "--out", str(tmp_path / "en.docx"),
        "--language", "en", "--bands", "member_age=30", "--save-plan", str(tmp_path / "p.json"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "30 and over" in docx_text(tmp_path / "en.docx")
    assert load_plan(tmp_path / "p.json").bands == {"member_age": (30,)}
