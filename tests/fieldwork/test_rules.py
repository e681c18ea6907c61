"""The rules of fieldwork, pure (surveyor/fieldwork/model.py), and the store's derived status
agreeing with them on a real SQLite file."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from surveyor.errors import ErrorCode
from surveyor.errors import FieldworkError
from surveyor.fieldwork.model import OUTCOMES
from surveyor.fieldwork.model import Funnel
from surveyor.fieldwork.model import Visit
from surveyor.fieldwork.model import door_status
from surveyor.fieldwork.model import parse_outcome
from surveyor.fieldwork.model import status_of_visits
from surveyor.fieldwork.model import street_sort_key


def visit(n: int, outcome: str, *, door: str = "1", at: str | None = None) -> Visit:
    return Visit(
        visit_id=f"v{n:04d}",
        door_id=door,
        outcome=outcome,
        at=at or f"2026-12-01T10:{n:02d}:00.000Z",
        day="2026-12-01",
    )


def test_a_door_never_visited_is_new_and_a_refusal_is_final():
    assert status_of_visits([]) == "new"
    assert status_of_visits([visit(1, "absent")]) == "absent"
    assert status_of_visits([visit(1, "refused"), visit(2, "absent")]) == "refused"
    assert status_of_visits([visit(1, "refused"), visit(2, "appointment")]) == "refused"
    assert status_of_visits([visit(1, "absent"), visit(2, "later")]) == "later"


def test_an_interview_done_wins_over_everything():
    assert status_of_visits([visit(1, "done"), visit(2, "refused")]) == "done"
    assert status_of_visits([visit(1, "started"), visit(2, "done"), visit(3, "absent")]) == "done"


@given(st.lists(st.sampled_from(OUTCOMES), max_size=8), st.randoms())
def test_the_status_does_not_depend_on_the_order_visits_arrive_in(outcomes, rnd):
    visits = [visit(n, o) for n, o in enumerate(outcomes)]
    shuffled = visits[:]
    rnd.shuffle(shuffled)
    assert status_of_visits(shuffled) == status_of_visits(visits)


def test_an_unknown_outcome_is_refused_with_the_list_of_outcomes():
    assert parse_outcome(" Refused ") == "refused"
    with pytest.raises(FieldworkError) as caught:
        parse_outcome("nope")
    assert caught.value.code is ErrorCode.VISIT_INVALID
    assert "absent, refused, appointment" in str(caught.value)


def test_street_order_sorts_numbers_as_numbers_and_bis_after_the_number():
    doors = [
        {"street": "rue des Lilas", "number": "12 bis"},
        {"street": "rue des Lilas", "number": "2"},
        {"street": "Rue des lilas", "number": "12"},
        {"street": "rue des Lilas", "number": "12", "floor": "10"},
        {"street": "rue des Lilas", "number": "12", "floor": "2"},
        {"street": "avenue Paul Valéry", "number": "10"},
    ]
    ordered = sorted(doors, key=lambda d: street_sort_key(**d))
    assert [(d["street"][:5], d["number"], d.get("floor")) for d in ordered] == [
        ("avenu", "10", None),
        ("rue d", "2", None),
        ("Rue d", "12", None),
        ("rue d", "12", "2"),
        ("rue d", "12", "10"),
        ("rue d", "12 bis", None),
    ]


def test_the_funnel_counts_each_door_once_and_the_rates_follow_their_definitions():
    funnel = Funnel()
    for status, contacted in [
        ("new", False),
        ("absent", False),
        ("absent", False),
        ("refused", True),
        ("appointment", True),
        ("vacant", False),
        ("ineligible", True),
        ("done", True),
        ("done", True),
        ("later", True),
    ]:
        funnel.add_door(status, contacted=contacted, visits=1)
    data = funnel.to_dict()
    assert data["doors"] == 10 and data["visited"] == 9 and data["never_visited"] == 1
    assert data["contacted"] == 6 and data["absent"] == 2 and data["refused"] == 1
    assert data["appointments"] == 1 and data["vacant"] == 1 and data["ineligible"] == 1
    assert data["done"] == 2
    assert data["contact_rate"] == round(6 / (9 - 1), 4)
    assert data["response_rate"] == round(2 / (9 - 1 - 1), 4)
    assert Funnel().contact_rate is None and Funnel().response_rate is None


def test_the_store_derives_each_door_status_by_the_same_rules(open_ws, door_file):
    """Random visits over six doors of a real SQLite file: every door's stored status equals
    the pure rule over its visits, and the funnel adds up."""
    ws = open_ws()
    ids = ws.import_doors(door_file).value.door_ids
    rnd = random.Random(12)
    recorded: dict[str, list[Visit]] = {d: [] for d in ids}
    for n in range(60):
        door = rnd.choice(ids)
        outcome = rnd.choice([o for o in OUTCOMES if o != "appointment"])
        at = f"2026-11-{1 + n // 10:02d}T{8 + n % 10:02d}:00:00Z"
        recorded[door].append(ws.record_visit(door, outcome, at=at).value)
    for door_id, visits in recorded.items():
        assert ws.door(door_id).status == status_of_visits(visits), door_id
        assert ws.door(door_id).visits == len(visits)
    report = ws.fieldwork()
    overall = report.overall
    assert overall.doors == 6 and overall.visits == 60
    assert (
        overall.doors
        == overall.never_visited
        + sum(
            getattr(overall, k)
            for k in ("absent", "refused", "appointments", "vacant", "ineligible", "later")
        )
        + overall.started
        + overall.done
    )
    assert sum(f.doors for f in report.by_sector.values()) == 6
    assert sum(f.visits for f in report.by_day.values()) == 60
    assert door_status(visited=False, refused=False, done=False, last_outcome=None) == "new"
