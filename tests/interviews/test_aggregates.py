"""Aggregates kept incrementally (sum/count over a repeat) always equal a full evaluation."""

from __future__ import annotations

from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from surveyor.expressions import to_string
from surveyor.interviews.session import InterviewSession

from .test_session import clock
from .test_session import make_form

SURVEY = """
|  | type | name | label | relevant | calculation |
|  | select_one yn | on | On? | | |
|  | begin_group | g | G | ${on} = 'yes' | |
|  | begin_repeat | m | M | | |
|  | integer | age | Age | | |
|  | text | note | Note | ${age} != 13 | |
|  | calculate | minor | | | if(${age} < 18, 1, 0) |
|  | decimal | share | Share | | |
|  | end_repeat | | | | |
|  | end_group | | | | |
|  | calculate | n | | | count(${m}) |
|  | calculate | minors | | | sum(${minor}) |
|  | calculate | ages | | | sum(${age}) |
|  | calculate | shares | | | sum(${share}) |
"""
CHOICES = """
|  | list_name | name | label |
|  | yn | yes | Yes |
|  | yn | no | No |
"""

operation = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 0)),
    st.tuples(st.just("remove"), st.integers(0, 20)),
    st.tuples(st.just("on"), st.sampled_from(["yes", "no", ""])),
    st.tuples(
        st.just("age"), st.integers(0, 20), st.sampled_from(["", "4", "13", "40", "x", "-2"])
    ),
    st.tuples(st.just("share"), st.integers(0, 20), st.sampled_from(["", "0.5", "2", "1.25"])),
)


def check_aggregates(session: InterviewSession) -> None:
    compiled = session.compiled
    kept = [c for c in compiled.computations if c.aggregate is not None]
    assert {c.target.name for c in kept} == {"n", "minors", "ages", "shares"}
    for comp in kept:
        node = session.nodes_of(comp.target.path)[0]
        session.env.current = node
        expected = to_string(comp.expression.evaluate(node, session.env))
        assert node.text == expected, comp.target.name


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(operation, max_size=25))
def test_incremental_aggregates_match_full_evaluation(tmp_path_factory, ops):
    form = make_form(tmp_path_factory.mktemp("agg"), SURVEY, choices=CHOICES)
    session = InterviewSession(form, clock=clock)
    for op in ops:
        instances = session.repeat_instances("/data/g/m")
        if op[0] == "add":
            session.add_repeat("/data/g/m")
        elif op[0] == "remove" and instances:
            session.remove_repeat(instances[op[1] % len(instances)])
        elif op[0] == "on":
            session.set_answer("/data/on", op[1])
        elif op[0] in ("age", "share") and instances:
            target = instances[op[1] % len(instances)]
            session.set_answer(session.nodes_of(f"/data/g/m/{op[0]}", under=target)[0], op[2])
        check_aggregates(session)
