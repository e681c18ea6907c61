"""The engine behaves as ODK's engines do on patterns real forms use (issue 10)."""

from __future__ import annotations

from tests.interviews.test_session import make_form
from tests.interviews.test_session import session_of

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


NESTED = """
|  | type | name | label | calculation | repeat_count |
|  | begin_repeat | member | Member | | |
|  | text | mname | Name | | |
|  | begin_repeat | phone | Phone | | |
|  | text | num | Number | | |
|  | end_repeat | | | | |
|  | end_repeat | | | | |
|  | begin_repeat | kid | Kid | | 2 |
|  | text | kname | Name | | |
|  | end_repeat | | | | |
|  | calculate | members | | count(${member}) | |
"""


def test_a_repeat_starts_with_the_instances_written_in_the_primary_instance(tmp_path):
    """pyxform writes one plain instance beside the jr:template: ODK's engines create it."""
    form = make_form(tmp_path, NESTED)
    assert form.node("/data/member").initial_instances == 1
    s = session_of(form)
    assert s.answers()["members"] == "1"
    assert s.answers()["member"] == [{"mname": "", "phone": [{"num": ""}]}]
    assert len(s.answers()["kid"]) == 2  # a counted repeat follows its count alone
    # an instance added later is made from the template: no nested instance
    s.add_repeat("/data/member")
    assert s.answers()["member"][1] == {"mname": "", "phone": []}
    assert s.answers()["members"] == "2"


def test_load_answers_makes_an_uncounted_repeat_exactly_the_list_given(tmp_path):
    form = make_form(tmp_path, NESTED)
    s = session_of(form)
    assert s.load_answers({"member": []}) == []
    assert s.answers()["member"] == [] and s.answers()["members"] == "0"
    s = session_of(form)
    assert s.load_answers({"member": [{"mname": "A", "phone": []}, {"mname": "B"}]}) == []
    assert s.answers()["member"] == [
        {"mname": "A", "phone": []},
        {"mname": "B", "phone": []},
    ]


def test_habitants_counts_the_member_the_form_starts_with_once_consent_is_given():
    from surveyor.forms import load_form
    from tests.test_cli_fill import HABITANTS

    s = session_of(load_form(HABITANTS))
    s.set_answer("/data/consent", "yes")
    assert s.answers()["household_size"] == "1"  # count(${member}), as in ODK


FILTERED = """
|  | type | name | label | choice_filter |
|  | select_one country | country | Country | |
|  | select_one city | city | City | country = ${country} |
|  | select_multiple city | cities | Cities | country = ${country} |
|  | select_one_from_file fruits.csv | fruit | Fruit | |
"""
CITIES = """
|  | list_name | name | label | country |
|  | country | fr | France | |
|  | country | be | Belgique | |
|  | city | paris | Paris | fr |
|  | city | lyon | Lyon | fr |
|  | city | liege | Liège | be |
"""


def test_validation_checks_the_choices_the_question_offers_after_its_filter(tmp_path):
    (tmp_path / "fruits.csv").write_text("name,label\napple,Apple\npear,Pear\n", "utf-8")
    form = make_form(tmp_path, FILTERED, choices=CITIES)
    s = session_of(form)
    s.load_answers({"country": "fr", "city": "liege", "cities": "paris liege", "fruit": "kiwi"})
    problems = {p.name: (p.code, p.message) for p in s.validate()}
    assert problems == {
        "city": ("type", "not one of the choices"),
        "cities": ("type", "not one of the choices"),
        "fruit": ("type", "not one of the choices"),
    }
    s.load_answers({"city": "lyon", "cities": "paris lyon", "fruit": "pear"})
    assert s.validate() == []
