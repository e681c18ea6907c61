"""The engine behaves as ODK's engines do on patterns real forms use (issue 10)."""

from __future__ import annotations

from tests.interviews.test_session import make_form, session_of

COUNTED_IN_GROUP = """
|  | type | name | label | relevant | calculation | repeat_count |
|  | integer | n_adults | Adults | | | |
|  | integer | n_children | Children | | | |
|  | calculate | hh_size | | | ${n_adults} + ${n_children} | |
|  | begin_group | hh | Household | ${n_adults} > 0 | | |
|  | begin_repeat | person | Person | | | ${hh_size} |
|  | text | pname | Name | | | |
|  | end_repeat | | | | | |
|  | end_group | | | | | |
"""


def test_load_answers_fills_a_repeat_counted_by_a_calculation_in_a_relevant_group(tmp_path):
    form = make_form(tmp_path, COUNTED_IN_GROUP)
    s = session_of(form)
    # the repeat comes first in the answers: the count is known only once the rest is loaded
    problems = s.load_answers(
        {"person": [{"pname": "A"}, {"pname": "B"}], "n_adults": "1", "n_children": "1"}
    )
    assert problems == []
    assert [p["pname"] for p in s.answers()["person"]] == ["A", "B"]


def test_too_many_repeat_items_names_the_repeat_path(tmp_path):
    form = make_form(tmp_path, COUNTED_IN_GROUP)
    problems = session_of(form).load_answers(
        {"n_adults": "1", "n_children": "0", "person": [{"pname": "A"}, {"pname": "B"}]}
    )
    assert [str(p) for p in problems] == [
        "person (/data/hh/person): more items than the repeat count (1)"
    ]
