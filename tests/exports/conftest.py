"""Interviews of the bundled habitants form, made with fill_interview, varied."""

from __future__ import annotations

import copy
import json
from datetime import UTC
from datetime import datetime
from pathlib import Path

import pytest

from surveyor.services.interviews import FormLibrary
from surveyor.services.interviews import fill_interview
from surveyor.store import Store

REPO = Path(__file__).resolve().parents[2]
FORM = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = REPO / "tests" / "data" / "habitants_answers.json"


def base_answers() -> dict:
    return json.loads(ANSWERS.read_text("utf-8"))


def variants() -> list[tuple[str, datetime, dict]]:
    """(interviewer, when, answers): 5 finalized interviews, each different."""
    a = base_answers()
    b = copy.deepcopy(a)
    b.update(
        interviewer="Jean-Luc M.",
        sector="south",
        street='Allée "des Érables", bât. B',
        member=[
            {
                "member_name": "Émile",
                "member_age": 71,
                "member_relationship": "respondent",
                "member_work": "retired",
            }
        ],
        transport_modes=["car"],
        driving_licence="yes",
        mobility_difficulties="none",
        comments="Deux lignes :\nla première, la seconde ; fin.",
    )
    c = copy.deepcopy(a)
    c.update(interviewer="Fatima B.", street="Place de la Mairie", hours_per_month=0)
    c["member"] = c["member"][:2]
    d = copy.deepcopy(a)
    d.update(street="Rue Zoé", skills_offered=["sewing"], availability=["weekend"])
    e = copy.deepcopy(b)
    e.update(interviewer="Jean-Luc M.", street="Impasse du Nord")
    return [
        ("Fatima B.", datetime(2026, 11, 20, 10, 0, tzinfo=UTC), a),
        ("Jean-Luc M.", datetime(2026, 11, 20, 15, 30, tzinfo=UTC), b),
        ("Fatima B.", datetime(2026, 11, 21, 9, 15, tzinfo=UTC), c),
        ("Fatima B.", datetime(2026, 11, 21, 11, 45, tzinfo=UTC), d),
        ("Jean-Luc M.", datetime(2026, 11, 22, 16, 0, tzinfo=UTC), e),
    ]


@pytest.fixture
def filled(tmp_path):
    """(store, library, form, [finalized Interview], draft Interview)."""
    store = Store.open(tmp_path / "data")
    library = FormLibrary(store)
    form = library.load_file(FORM)
    interviews = []
    for interviewer, when, answers in variants():
        result = fill_interview(
            library,
            form,
            answers,
            finalize=True,
            interviewer=interviewer,
            device_id="collect:laptop-1",
            clock=lambda when=when: when,
        )
        assert result.ok, result.problems
        interviews.append(result.interview)
    draft = fill_interview(
        library,
        form,
        {"interviewer": "Brouillon", "consent": "yes"},
        interviewer="Fatima B.",
        clock=lambda: datetime(2026, 11, 22, 18, 0, tzinfo=UTC),
    ).interview
    yield store, library, form, interviews, draft
    store.close()
