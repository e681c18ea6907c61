"""The results' figures equal a count made independently from the CSV export."""

from __future__ import annotations

import csv
import statistics
from collections import Counter

import pytest

from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.results import Selection

from .conftest import PHONE


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return rows


def col(row: dict, name: str) -> str:
    for key, value in row.items():
        if key == name or key.endswith("-" + name):
            return value
    raise KeyError(name)


@pytest.fixture
def exported(coordinator, tmp_path):
    ws, facts = coordinator
    ws.export(tmp_path / "csv")
    main = read(tmp_path / "csv" / "enquete_habitants.csv")
    members = read(tmp_path / "csv" / "enquete_habitants-member.csv")
    return ws, facts, main, members


def test_interviews_counted_are_the_current_versions(exported):
    ws, facts, main, _members = exported
    result = ws.results()
    assert result.interviews == len(main) == facts["current"]


def test_single_choice_counts_equal_the_csv(exported):
    ws, _facts, main, _members = exported
    result = ws.results()
    sector = result.questions["sector"]
    expected = Counter(col(r, "sector") for r in main)
    assert {c: n for c, n in sector.counts.items() if n} == dict(expected)
    assert sector.counts["centre"] == 1  # the revision's answer, not the original's


def test_asked_follows_relevance_non_relevant_questions_are_not_asked(exported):
    ws, _facts, main, _members = exported
    result = ws.results()
    consenting = [r for r in main if col(r, "consent") == "yes"]
    housing = result.questions["housing_type"]
    assert housing.asked == len(consenting) < len(main)
    assert housing.answered == len([r for r in consenting if col(r, "housing_type")])
    main_need = result.questions["main_need"]
    assert main_need.asked == len([r for r in consenting if float(col(r, "needs_count") or 0) > 0])
    childcare = result.questions["childcare_frequency"]
    assert childcare.asked == len(
        [r for r in consenting if "childcare" in col(r, "needs_unmet").split()]
    )
    assert childcare.non_responses == childcare.asked - childcare.answered


def test_multiple_choice_percentages_are_of_respondents(exported):
    ws, _facts, main, _members = exported
    needs = ws.results().questions["needs_unmet"]
    answered = [r for r in main if col(r, "needs_unmet")]
    assert needs.base == len(answered)
    for choice in needs.choices:
        n = len([r for r in answered if choice.code in col(r, "needs_unmet").split()])
        assert choice.count == n
        assert choice.percent == pytest.approx(100 * n / len(answered))
    counts = [c.count for c in needs.choices]
    assert counts == sorted(counts, reverse=True)
    assert len(needs.choices) == 9  # every choice, however many


def test_repeat_questions_count_members(exported):
    ws, _facts, _main, members = exported
    result = ws.results()
    ages = [float(col(m, "member_age")) for m in members]
    age = result.questions["member_age"]
    assert age.unit == "member"
    assert age.number.n == len(ages)
    assert age.number.mean == pytest.approx(statistics.fmean(ages))
    assert age.number.median == pytest.approx(statistics.median(ages))
    assert (age.number.min, age.number.max) == (min(ages), max(ages))
    assert sum(b[2] for b in age.number.bins) == len(ages)
    work = result.questions["member_work"]
    assert work.asked == len([a for a in ages if a >= 18])


def test_personal_fields_show_no_values(exported):
    ws, _facts, _main, _members = exported
    result = ws.results()
    phone = result.questions["contact_phone"]
    assert phone.personal and phone.verbatims == [] and phone.answered >= 1
    assert "contact_phone" in ws.form_personal_fields("enquete_habitants")
    assert all(
        PHONE not in text
        for q in result.questions.values()
        for _k, text in q.verbatims
        if q.name != "comments"
    )


def test_filters_by_answer_interviewer_and_dates(exported):
    ws, _facts, main, _members = exported
    north = ws.results(Selection(answers={"sector": ["north"]}))
    assert north.interviews == len([r for r in main if col(r, "sector") == "north"])
    fatima = ws.results(Selection(interviewers=("Fatima B.",)))
    assert fatima.interviews == len([r for r in main if r["SubmitterName"] == "Fatima B."])
    day = ws.results(Selection(date_from="2026-11-21", date_to="2026-11-21"))
    assert day.interviews == len([r for r in main if r["SubmissionDate"][:10] == "2026-11-21"])
    childcare = ws.results(Selection(answers={"needs_unmet": ["childcare"]}))
    assert childcare.interviews == len(
        [r for r in main if "childcare" in col(r, "needs_unmet").split()]
    )


def test_bad_selections_are_refused_with_a_code(exported):
    ws, _facts, _main, _members = exported
    with pytest.raises(ResultsError) as e:
        ws.results(Selection(answers={"nope": ["x"]}))
    assert e.value.code is ErrorCode.RESULTS_UNKNOWN_QUESTION
    with pytest.raises(ResultsError) as e:
        ws.results(Selection(answers={"sector": ["mars"]}))
    assert e.value.code is ErrorCode.RESULTS_UNKNOWN_VALUE
    with pytest.raises(ResultsError) as e:
        ws.results(Selection(answers={"sector": ["outside"]}))
    assert e.value.code is ErrorCode.RESULTS_EMPTY
    with pytest.raises(ResultsError) as e:
        ws.crosstab("sector", "contact_phone")
    assert e.value.code is ErrorCode.RESULTS_PERSONAL


def test_crosstab_and_group_by_equal_the_csv(exported):
    ws, _facts, main, _members = exported
    table = ws.crosstab("sector", "needs_unmet")
    answered = [r for r in main if col(r, "sector") and col(r, "needs_unmet")]
    assert table.total == len(answered)
    for code, _label in table.rows:
        rows = [r for r in answered if col(r, "sector") == code]
        assert table.row_totals[code] == len(rows)
        for need, _l in table.columns:
            n = len([r for r in rows if need in col(r, "needs_unmet").split()])
            assert table.counts[code][need] == n
            if rows:
                assert table.row_percent(code, need) == pytest.approx(100 * n / len(rows))
    assert table.small_base  # every base here is under 30
    grouped = ws.results(by="sector", questions=["needs_unmet"])
    for code, res in grouped.groups.items():
        assert res.interviews == len([r for r in main if col(r, "sector") == code])
    ranking = ws.ranking("needs_unmet", by="sector")
    assert ranking.items[0].count == max(c.count for c in ranking.items)
    assert set(ranking.groups) == set(grouped.groups)


def test_results_follow_new_interviews(exported, tmp_path):
    ws, _facts, main, _members = exported
    before = ws.results().interviews
    form = ws.form(ws.list_forms()[0].content_hash)
    ws.fill_interview(
        form,
        {"interviewer": "Z", "interview_date": "2026-11-24", "sector": "west", "consent": "no"},
        finalize=True,
    )
    assert ws.results().interviews == before + 1
