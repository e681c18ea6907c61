"""The interview engine: calculations, relevance, repeats, validation, rendering."""

from __future__ import annotations

import textwrap
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from xml.etree import ElementTree as ET

import pytest

from surveyor.errors import LimitError
from surveyor.forms import load_form
from surveyor.interviews import session as session_module
from surveyor.interviews.session import InterviewSession

PARIS = timezone(timedelta(hours=1))


def clock():
    return datetime(2026, 11, 22, 10, 30, 0, tzinfo=PARIS)


def make_form(tmp_path, survey: str, choices: str = "", settings: str = "", name="f.md"):
    text = "| survey |\n" + textwrap.dedent(survey).strip("\n") + "\n"
    if choices:
        text += "| choices |\n" + textwrap.dedent(choices).strip("\n") + "\n"
    if settings:
        text += "| settings |\n" + textwrap.dedent(settings).strip("\n") + "\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_form(path)


def session_of(form, **kw):
    return InterviewSession(form, clock=clock, **kw)


HOUSEHOLD = """
|  | type | name | label | relevant | constraint | constraint_message | calculation | required | repeat_count |
|  | text | name | Name | | | | | yes | |
|  | integer | age | Age | | . >= 0 and . <= 110 | Between 0 and 110 | | | |
|  | begin_group | adult | Adult | ${age} >= 18 | | | | | |
|  | text | job | Job | | | | | yes | |
|  | end_group | | | | | | | | |
|  | begin_repeat | member | Member | | | | | | |
|  | text | mname | Member name | | | | | | |
|  | integer | mage | Member age | | | | | | |
|  | calculate | child | | | | | if(${mage} < 6, 1, 0) | | |
|  | text | school | School | ${mage} >= 3 and ${mage} < 18 | | | | | |
|  | end_repeat | | | | | | | | |
|  | calculate | children | | | | | sum(${child}) | | |
|  | calculate | size | | | | | count(${member}) + 1 | | |
|  | calculate | half | | | | | ${size} div 2 | | |
|  | calculate | flag | | | | | 1 = 1 | | |
"""


def test_calculations_follow_answers_and_print_as_odk(tmp_path):
    form = make_form(tmp_path, HOUSEHOLD)
    s = session_of(form)
    # the respondent plus the member the form starts with (written in the primary instance)
    assert s.answers()["size"] == "2"
    assert s.answers()["half"] == "1"
    assert s.answers()["flag"] == "true"
    s.remove_repeat(s.repeat_instances("/data/member")[0])
    assert s.answers()["size"] == "1"
    assert s.answers()["half"] == "0.5"
    for age in (4, 30, 2):
        m = s.add_repeat("/data/member")
        s.set_answer(s.nodes_of("/data/member/mage", under=m)[0], age)
    a = s.answers()
    assert a["size"] == "4"
    assert a["half"] == "2"
    assert a["children"] == "2"
    assert [m["child"] for m in a["member"]] == ["1", "0", "1"]


def test_relevance_hides_and_restores_answers(tmp_path):
    form = make_form(tmp_path, HOUSEHOLD)
    s = session_of(form)
    s.set_answer("/data/age", "40")
    s.set_answer("/data/adult/job", "baker")
    assert s.answers(include_hidden=False)["job"] == "baker"
    s.set_answer("/data/age", "12")
    assert not s.is_relevant(s.node_at("/data/adult/job"))
    assert s.answers(include_hidden=False)["job"] == ""
    assert s.answers()["job"] == "baker"  # kept while a draft
    s.set_answer("/data/age", "41")
    assert s.answers(include_hidden=False)["job"] == "baker"


def test_relevance_inside_repeat_is_per_instance(tmp_path):
    form = make_form(tmp_path, HOUSEHOLD)
    s = session_of(form)
    first = s.add_repeat("/data/member")
    second = s.add_repeat("/data/member")
    s.set_answer(s.nodes_of("/data/member/mage", under=first)[0], "10")
    s.set_answer(s.nodes_of("/data/member/mage", under=second)[0], "40")
    assert s.is_relevant(s.nodes_of("/data/member/school", under=first)[0])
    assert not s.is_relevant(s.nodes_of("/data/member/school", under=second)[0])


def test_removing_a_repeat_instance_updates_totals(tmp_path):
    form = make_form(tmp_path, HOUSEHOLD)
    s = session_of(form)
    instances = s.repeat_instances("/data/member") + [
        s.add_repeat("/data/member") for _ in range(2)
    ]
    for inst in instances:
        s.set_answer(s.nodes_of("/data/member/mage", under=inst)[0], "1")
    assert s.answers()["children"] == "3"
    s.remove_repeat(instances[1])
    assert s.answers()["children"] == "2"
    assert s.answers()["size"] == "3"


def test_validation_reports_required_and_constraint_with_messages(tmp_path):
    form = make_form(tmp_path, HOUSEHOLD)
    s = session_of(form)
    s.set_answer("/data/age", "200")
    problems = {p.name: p for p in s.validate()}
    assert problems["name"].code == "required"
    assert problems["age"].code == "constraint"
    assert problems["age"].message == "Between 0 and 110"
    assert problems["job"].code == "required"  # the adult group is relevant at 200
    s.set_answer("/data/age", "10")
    assert "job" not in {p.name for p in s.validate()}  # not relevant for a child
    s.set_answer("/data/age", "30")
    s.set_answer("/data/name", "Ana")
    problems = {p.name: p for p in s.validate()}
    assert set(problems) == {"job"}


def test_type_problems_are_reported(tmp_path):
    form = make_form(tmp_path, HOUSEHOLD)
    s = session_of(form)
    s.set_answer("/data/name", "x")
    s.set_answer("/data/age", "forty")
    problems = {p.name: p.code for p in s.validate()}
    assert problems == {"age": "type"}


def test_repeat_count_drives_instances(tmp_path):
    form = make_form(
        tmp_path,
        """
        |  | type | name | label | repeat_count | calculation |
        |  | integer | n | N | | |
        |  | begin_repeat | r | R | ${n} | |
        |  | calculate | pos | | | position(..) |
        |  | end_repeat | | | | |
        """,
    )
    s = session_of(form)
    assert s.repeat_instances("/data/r") == []
    s.set_answer("/data/n", "3")
    assert [r["pos"] for r in s.answers()["r"]] == ["1", "2", "3"]
    s.set_answer("/data/n", "1")
    assert len(s.answers()["r"]) == 1


def test_choice_filter_and_select_multiple(tmp_path):
    form = make_form(
        tmp_path,
        """
        |  | type | name | label | choice_filter | relevant |
        |  | select_one country | country | Country | | |
        |  | select_one city | city | City | country = ${country} | |
        |  | select_multiple needs | needs | Needs | | |
        |  | text | other | Other need | | selected(${needs}, 'other') |
        """,
        choices="""
        |  | list_name | name | label | country |
        |  | country | fr | France | |
        |  | country | be | Belgique | |
        |  | city | tarbes | Tarbes | fr |
        |  | city | lyon | Lyon | fr |
        |  | city | liege | Liège | be |
        |  | needs | childcare | Childcare | |
        |  | needs | repair | Repair | |
        |  | needs | other | Other | |
        """,
    )
    s = session_of(form)
    city = s.node_at("/data/city")
    assert s.choices(city) == []
    s.set_answer("/data/country", "fr")
    assert s.choices(city) == [("tarbes", "Tarbes"), ("lyon", "Lyon")]
    s.set_answer("/data/country", "be")
    assert s.choices(city) == [("liege", "Liège")]
    s.set_answer("/data/needs", ["repair", "other"])
    assert s.answers()["needs"] == "repair other"
    assert s.is_relevant(s.node_at("/data/other"))
    s.set_answer("/data/needs", "childcare")
    assert not s.is_relevant(s.node_at("/data/other"))


def test_submission_xml_has_instance_id_and_deprecated_id(tmp_path):
    form = make_form(
        tmp_path,
        HOUSEHOLD,
        settings="""
        |  | form_id | version | instance_name |
        |  | household | 7 | concat(${name}, ' ', ${age}) |
        """,
    )
    s = session_of(form, deprecated_id="uuid:old")
    s.set_answer("/data/name", "Ana & Bo")
    s.set_answer("/data/age", "30")
    m = s.repeat_instances("/data/member")[0]  # the one the form starts with
    s.set_answer(s.nodes_of("/data/member/mname", under=m)[0], "Zoé")
    root = ET.fromstring(s.to_xml())
    assert root.tag == "data"
    assert root.get("id") == "household" and root.get("version") == "7"
    assert root.findtext("name") == "Ana & Bo"
    assert root.findtext("member/mname") == "Zoé"
    assert root.findtext("meta/instanceID") == s.instance_id
    assert root.findtext("meta/deprecatedID") == "uuid:old"
    assert root.findtext("meta/instanceName") == "Ana & Bo 30"
    assert s.instance_name() == "Ana & Bo 30"


def test_metadata_is_filled_at_start_and_end(tmp_path):
    form = make_form(
        tmp_path,
        """
        |  | type | name | label |
        |  | start | start | |
        |  | end | end | |
        |  | today | today | |
        |  | deviceid | deviceid | |
        |  | username | username | |
        |  | text | q | Q |
        """,
    )
    s = session_of(form, device_id="surveyor:abc", interviewer="Léa")
    a = s.answers()
    assert a["start"].startswith("2026-11-22T10:30:00.000+01:00")
    assert a["today"] == "2026-11-22"
    assert a["deviceid"] == "surveyor:abc"
    assert a["username"] == "Léa"
    assert a["end"] == ""
    s.finalize_metadata()
    assert s.answers()["end"].startswith("2026-11-22T10:30")


def test_dynamic_default_and_trigger(tmp_path):
    form = make_form(
        tmp_path,
        """
        |  | type | name | label | default | trigger | calculation |
        |  | integer | a | A | 5 | | |
        |  | text | stamp | Stamp | | ${a} | concat('a=', ${a}) |
        """,
    )
    s = session_of(form)
    assert s.answers()["a"] == "5"
    s.set_answer("/data/a", "6")
    assert s.answers()["stamp"] == "a=6"


def test_load_answers_round_trip_and_unknown_names(tmp_path):
    form = make_form(tmp_path, HOUSEHOLD)
    s = session_of(form)
    problems = s.load_answers(
        {
            "name": "Ana",
            "age": 35,
            "job": "nurse",
            "member": [{"mname": "Tom", "mage": 4}, {"mname": "Lu", "mage": 9}],
            "nonsense": "x",
        }
    )
    assert [(p.name, p.code) for p in problems] == [("nonsense", "unknown")]
    again = session_of(form)
    assert again.load_answers(s.answers()) == []
    assert again.answers() == s.answers()
    assert again.answers()["children"] == "1"


def test_adding_many_repeat_instances_stays_linear(tmp_path):
    """Each add only touches its own instance plus aggregate readers."""
    form = make_form(tmp_path, HOUSEHOLD)
    s = session_of(form)
    calls = {"n": 0}
    original = s._run

    def counting(comp, node):
        calls["n"] += 1
        return original(comp, node)

    s._run = counting
    s.add_repeat("/data/member")
    first = calls["n"]
    for _ in range(200):
        s.add_repeat("/data/member")
    calls["n"] = 0
    s.add_repeat("/data/member")
    assert calls["n"] <= first + 2


@pytest.mark.parametrize(
    "value,expected",
    [(["a", "b"], "a b"), ("a  b", "a b"), (3.0, "3"), (True, "true"), (None, "")],
)
def test_answers_are_normalized(tmp_path, value, expected):
    form = make_form(
        tmp_path,
        """
        |  | type | name | label |
        |  | select_multiple l | m | M |
        |  | text | t | T |
        """,
        choices="""
        |  | list_name | name | label |
        |  | l | a | A |
        |  | l | b | B |
        """,
    )
    s = session_of(form)
    target = "/data/m" if isinstance(value, list) or value == "a  b" else "/data/t"
    s.set_answer(target, value)
    assert s.answers()[target.rsplit("/", 1)[1]] == expected


def test_load_answers_fills_a_counted_repeat(tmp_path):
    form = make_form(
        tmp_path,
        """
        |  | type | name | label | repeat_count | calculation |
        |  | integer | n | N | | |
        |  | begin_repeat | r | R | ${n} | |
        |  | text | t | T | | |
        |  | end_repeat | | | | |
        |  | calculate | joined | | | join('-', ${t}) |
        """,
    )
    s = session_of(form)
    assert s.load_answers({"n": 2, "r": [{"t": "a"}, {"t": "b"}]}) == []
    assert s.answers()["joined"] == "a-b"
    problems = session_of(form).load_answers({"n": 1, "r": [{"t": "a"}, {"t": "b"}]})
    assert [(p.name, p.code) for p in problems] == [("r", "type")]


def test_wildcard_references_follow_every_field_below(tmp_path):
    form = make_form(
        tmp_path,
        """
        |  | type | name | label | calculation |
        |  | begin_group | g | G | |
        |  | text | a | A | |
        |  | text | b | B | |
        |  | end_group | | | |
        |  | calculate | filled | | count(/data/g/*[. != '']) |
        """,
    )
    s = session_of(form)
    assert s.answers()["filled"] == "0"
    s.set_answer("/data/g/b", "x")
    assert s.answers()["filled"] == "1"
    s.set_answer("/data/g/a", "y")
    assert s.answers()["filled"] == "2"


def test_a_constraint_whose_regex_takes_too_long_is_reported_as_such(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "constraint", "constraint_message"])
    survey.append(["text", "code", "Code", "regex(., '^(a|a)*$')", "Only a letters"])
    survey.append(["text", "note", "Note", "regex(., '^[a-z]*$')", "Lower case"])
    book.save(tmp_path / "f.xlsx")
    s = session_of(load_form(tmp_path / "f.xlsx"))
    s.set_answer("/data/code", "a" * 28 + "!")
    s.set_answer("/data/note", "fine")
    (problem,) = s.validate()
    assert (problem.name, problem.code) == ("code", "timeout")
    assert "took too long" in problem.message and "^(a|a)*$" in problem.message
    assert "took too long" in str(problem)
    s.set_answer("/data/code", "aaa")
    assert s.validate() == []


COUNTED = """
|  | type | name | label | repeat_count | calculation |
|  | integer | n | N | | |
|  | begin_repeat | r | R | ${n} | |
|  | calculate | pos | | | position(..) |
|  | end_repeat | | | | |
"""


def test_a_repeat_count_above_a_thousand_makes_every_instance(tmp_path):
    s = session_of(make_form(tmp_path, COUNTED))
    s.set_answer("/data/n", "1200")
    rows = s.answers()["r"]
    assert len(rows) == 1200 and rows[-1]["pos"] == "1200"
    assert s.validate() == []


def test_a_repeat_count_past_the_limit_is_a_problem_naming_the_repeat(tmp_path, monkeypatch):
    monkeypatch.setattr(session_module, "MAX_REPEAT_INSTANCES", 50)
    s = session_of(make_form(tmp_path, COUNTED))
    s.set_answer("/data/n", "3")
    s.set_answer("/data/n", "51")
    assert len(s.answers()["r"]) == 3  # left as it was: a typo destroys nothing
    (problem,) = s.validate()
    assert (problem.name, problem.code) == ("r", "limit")
    assert "51" in problem.message and "50" in problem.message
    s.set_answer("/data/n", "50")
    assert len(s.answers()["r"]) == 50 and s.validate() == []


def test_answers_with_more_instances_than_a_repeat_holds_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(session_module, "MAX_REPEAT_INSTANCES", 5)
    form = make_form(
        tmp_path,
        """
    |  | type | name | label |
    |  | begin_repeat | r | R |
    |  | text | t | T |
    |  | end_repeat | | |
    """,
    )
    s = session_of(form)
    problems = s.load_answers({"r": [{"t": str(i)} for i in range(7)]})
    assert [(p.name, p.code) for p in problems] == [("r", "limit")]
    assert "at most 5" in problems[0].message
    assert len(s.answers()["r"]) == 5
    with pytest.raises(LimitError, match="at most 5"):
        s.add_repeat("/data/r")
