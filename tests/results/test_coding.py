"""Open answers coded: themes, tags, counts per theme, quotes (store table m009_results)."""

from __future__ import annotations

import pytest

from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.results import Selection


def test_themes_tags_counts_and_quotes(coordinator):
    ws, facts = coordinator
    comments = ws.results(questions=["comments"]).questions["comments"]
    keys = [key for key, _text in comments.verbatims]
    assert facts["revised"] in keys  # a revised interview keeps its first version's key
    assert facts["revision"] not in keys
    done = ws.add_theme("enquete_habitants", "comments", "Garde d'enfants")
    assert done.changes.results
    childcare = done.value
    evening = ws.add_theme("enquete_habitants", "comments", "Soirée").value
    assert ws.tag_verbatim(keys[0], [childcare.id, evening.id]).results
    ws.tag_verbatim(keys[1], [childcare.id])
    counts = {t.label: n for t, n in ws.theme_counts("comments")}
    assert counts == {"Garde d'enfants": 2, "Soirée": 1}
    ws.tag_verbatim(keys[0], [evening.id], on=False)
    assert {t.label: n for t, n in ws.theme_counts("comments")}["Soirée"] == 0
    assert ws.verbatim_tags("enquete_habitants", "comments") == {
        keys[0]: [childcare.id],
        keys[1]: [childcare.id],
    }
    # counts follow the selection
    south = Selection(answers={"sector": ["south"]})
    in_south = {k for k, _t in ws.results(south).questions["comments"].verbatims}
    counts = {t.label: n for t, n in ws.theme_counts("comments", south)}
    assert counts["Garde d'enfants"] == len(in_south & {keys[0], keys[1]}) < 2
    ws.pick_quote("enquete_habitants", "comments", keys[1])
    assert ws.quotes("enquete_habitants") == [("comments", keys[1])]
    ws.pick_quote("enquete_habitants", "comments", keys[1], on=False)
    assert ws.quotes("enquete_habitants") == []
    ws.rename_theme(evening.id, "Le soir")
    assert [t.label for t in ws.themes("enquete_habitants", "comments")] == [
        "Garde d'enfants",
        "Le soir",
    ]
    ws.delete_theme(childcare.id)
    assert ws.verbatim_tags("enquete_habitants", "comments") == {}


def test_bad_themes_are_refused_and_change_nothing(coordinator):
    ws, _facts = coordinator
    ws.add_theme("enquete_habitants", "comments", "Repas")
    with pytest.raises(ResultsError) as e:
        ws.add_theme("enquete_habitants", "comments", " Repas ")
    assert e.value.code is ErrorCode.RESULTS_PLAN_INVALID
    with pytest.raises(ResultsError):
        ws.add_theme("enquete_habitants", "comments", "   ")
    with pytest.raises(ResultsError) as e:
        ws.add_theme("enquete_habitants", "nope", "Repas")
    assert e.value.code is ErrorCode.RESULTS_UNKNOWN_QUESTION
    with pytest.raises(ResultsError):
        ws.tag_verbatim("x", [9999])
    assert [t.label for t in ws.themes("enquete_habitants")] == ["Repas"]
