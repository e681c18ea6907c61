"""The neighbourhood's reference figures: kept once per form, checked, and compared with who
answered (the comparison's counts equal an independent count from the CSV export)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from surveyor.cli import main as cli
from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.results import Selection
from surveyor.results.reference import count_in_bands
from surveyor.results.reference import parse_band

from .test_figures import col  # noqa: F401  (the fixture)
from .test_figures import exported  # noqa: F401  (the fixture)

SOURCE = "INSEE, recensement 2021, QPV Laubadère"
AGES = {"0-14": 20, "15-29": "25,5", "30-59": 34.5, "60+": 20}
HOUSING = {"social_rent": 70, "private_rent": 20, "owner": 10}


def _refused(ws, code, question, shares, **kw):
    before = ws.references()
    with pytest.raises(ResultsError) as caught:
        ws.set_reference(None, question, shares, **{"source": SOURCE, **kw})
    assert caught.value.code == code
    assert ws.references() == before  # nothing changed on error
    return str(caught.value)


def test_reference_figures_are_checked_and_nothing_changes_on_error(exported):  # noqa: F811
    ws, *_ = exported
    ws.set_reference(None, "housing_type", HOUSING, source=SOURCE, year=2021)
    bad = ErrorCode.RESULTS_REFERENCE_INVALID
    why = _refused(ws, bad, "housing_type", {"social_rent": 70, "owner": 20})
    assert "90" in why and "100" in why  # the total is said
    assert "0 to 100" in _refused(ws, bad, "housing_type", {"social_rent": 120, "owner": -20})
    assert "castle" in _refused(ws, bad, "housing_type", {"social_rent": 90, "castle": 10})
    _refused(ws, bad, "housing_type", {"social_rent": "beaucoup", "owner": 10})
    _refused(ws, bad, "housing_type", HOUSING, source=" ")
    _refused(ws, bad, "housing_type", HOUSING, year="l'an dernier")
    _refused(ws, bad, "needs_unmet", {"childcare": 100})  # a multiple choice: no partition
    assert "overlap" in _refused(ws, bad, "member_age", {"0-30": 50, "20+": 50})
    assert "band" in _refused(ws, bad, "member_age", {"jeunes": 50, "30+": 50})
    _refused(ws, ErrorCode.RESULTS_UNKNOWN_QUESTION, "shoe_size", {"40-45": 100})
    _refused(ws, ErrorCode.RESULTS_PERSONAL, "contact_phone", {"x": 100})
    # rounding: 99.5 is close enough to 100
    ws.set_reference(None, "sector", {"north": 33.3, "south": 33.3, "east": 32.9}, source="x")
    assert set(ws.references()) == {"housing_type", "sector"}
    assert ws.references()["housing_type"].year == 2021


def test_bands_are_counted_with_both_ends_included():
    bands = [parse_band("0-14"), parse_band("15 - 29"), parse_band("60+")]
    assert bands == [(0, 14), (15, 29), (60, None)]
    assert count_in_bands([0, 14, 14.5, 15, 29, 45, 60, 99], bands) == ([2, 2, 2], 2)


def test_the_comparison_equals_a_count_from_the_csv(exported):  # noqa: F811
    ws, _facts, main, members = exported
    ws.set_reference(None, "member_age", AGES, source=SOURCE, year=2021)
    ws.set_reference(None, "housing_type", HOUSING, source="INSEE 2021")
    compared = {c.question: c for c in ws.compare_references()}
    assert list(compared) == ["housing_type", "member_age"]  # the form's order

    housing = compared["housing_type"]
    answered = [col(r, "housing_type") for r in main if col(r, "housing_type")]
    expected = Counter(answered)
    assert housing.base == len(answered)
    for c in housing.categories:
        assert c.count == expected[c.code]
        assert c.percent == pytest.approx(100 * expected[c.code] / len(answered))
        assert c.reference == HOUSING.get(c.code)
        if c.reference is not None:
            assert c.difference == pytest.approx(c.percent - c.reference)
    assert housing.small_base  # under 30 answers: the note

    ages = [float(col(m, "member_age")) for m in members if col(m, "member_age")]
    age = compared["member_age"]
    assert age.unit == "member" and age.source == SOURCE and age.year == 2021
    expected = {
        "0-14": len([a for a in ages if a <= 14]),
        "15-29": len([a for a in ages if 15 <= a <= 29]),
        "30-59": len([a for a in ages if 30 <= a <= 59]),
        "60+": len([a for a in ages if a >= 60]),
    }
    assert {c.code: c.count for c in age.categories} == expected
    assert age.base == len(ages) and age.outside == 0
    assert [c.reference for c in age.categories] == [20, 25.5, 34.5, 20]

    # a filter applies to the comparison too
    east = ws.compare_references(Selection(answers={"sector": ["east"]}))
    east_housing = [col(r, "housing_type") for r in main if col(r, "sector") == "east"]
    assert east[0].base == len([h for h in east_housing if h])


def test_references_are_kept_and_cleared(exported, tmp_path):  # noqa: F811
    ws, *_ = exported
    ws.set_reference(None, "housing_type", HOUSING, source=SOURCE, year=2021)
    folder = ws.store.path.parent
    ws.close()
    # here, not at the top: the fixture's workspace is closed and reopened from its folder
    from surveyor.workspace import Workspace

    with Workspace.open(folder) as again:
        ref = again.references()["housing_type"]
        assert (ref.source, ref.year, ref.shares) == (SOURCE, 2021, HOUSING)
        again.clear_reference(None, "housing_type")
        assert again.references() == {}


def test_cli_sets_shows_compares_and_clears(exported, capsys):  # noqa: F811
    ws, _facts, main, _members = exported
    folder = str(ws.store.path.parent)
    ws.close()
    base = ["--data-dir", folder]
    code = cli(
        [*base, "reference", "set", "housing_type", "--source", SOURCE, "--year", "2021"]
        + ["social_rent=70", "private_rent=20", "owner=10"]
    )
    assert code == 0
    assert cli([*base, "reference", "show"]) == 0
    out = capsys.readouterr().out
    assert SOURCE in out and "social_rent" in out and "70" in out

    assert cli([*base, "results", "--reference", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    housing = data["reference"]["housing_type"]
    answered = [col(r, "housing_type") for r in main if col(r, "housing_type")]
    assert housing["base"] == len(answered)
    assert housing["categories"]["social_rent"]["reference"] == 70
    assert housing["categories"]["social_rent"]["count"] == answered.count("social_rent")
    assert housing["small_base"] is True

    assert cli([*base, "results", "--reference"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("social_rent\t"))
    n = answered.count("social_rent")
    assert line.split("\t") == ["social_rent", str(n), "100", "70", "30"]
    assert SOURCE in out and "under 30" in out

    # a bad total: a clear error with its code, nothing kept
    assert cli([*base, "reference", "set", "housing_type", "--source", "x", "owner=50"]) != 0
    assert "add up to 50" in capsys.readouterr().err
    assert cli([*base, "reference", "set", "housing_type", "--source", "x", "owner"]) != 0
    capsys.readouterr()
    assert cli([*base, "reference", "clear", "housing_type"]) == 0
    assert cli([*base, "reference", "show", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {}


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.slow
def test_the_report_compares_respondents_with_the_neighbourhood(exported, tmp_path, language):  # noqa: F811
    # here, not at the top: the report's readers are only this test's (as test_report.py)
    from .test_report import docx_text
    from .test_report import flat
    from .test_report import pdf_text

    ws, _facts, main, members = exported
    ws.set_reference(None, "member_age", AGES, source=SOURCE, year=2021)
    ws.set_reference(None, "housing_type", HOUSING, source="Bailleurs du quartier")
    plan = ws.report_plan()
    plan.profile = []  # the comparison makes the "who answered" section by itself
    plan.questions, plan.crosstabs, plan.themes = ["sector"], [], []  # a short report: quicker
    ages = [float(col(m, "member_age")) for m in members if col(m, "member_age")]
    young = len([a for a in ages if a <= 14])
    share = 100 * young / len(ages)
    words = {
        "fr": ("Qui a répondu", "Répondants / Quartier : Âge", "Écart (points)", "Quartier"),
        "en": (
            "Who answered",
            "Respondents / Neighbourhood: Age",
            "Difference (points)",
            "Neighbourhood",
        ),
    }[language]
    source_line = {
        "fr": f"Source des chiffres du quartier : {SOURCE} (2021).",
        "en": f"Neighbourhood figures: {SOURCE} (2021).",
    }[language]
    pct = f"{share:.1f}".replace(".", "," if language == "fr" else ".")
    for out in ("rapport.docx", "rapport.pdf"):
        path = ws.write_report(tmp_path / out, plan=plan, language=language)
        text = flat(docx_text(path) if out.endswith("docx") else pdf_text(path))
        for word in words:
            assert word in text, (out, word)
        assert flat(source_line) in text, out
        assert "Bailleurs du quartier" in text
        # the 0-14 band: the respondents' share (small base: *) and the neighbourhood's 20 %
        assert (f"0-14 {pct} %*" if language == "fr" else f"0-14 {pct}%*") in text
        assert ("20,0 %" if language == "fr" else "20.0%") in text
        # the definitions say what the comparison is
        assert ("l'écart est en points" if language == "fr" else "difference is in points") in text
