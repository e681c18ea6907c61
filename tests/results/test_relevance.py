"""`asked` re-evaluates relevance on the stored answers, whatever the expression reads."""

from __future__ import annotations

from surveyor.workspace import Workspace

FORM = """
| survey |
|        | type         | name     | label     | relevant                 |
|        | select_one yn | consent | Consent ? |                          |
|        | begin repeat | person   | Person    | ${consent} = 'yes'       |
|        | integer      | age      | Age       |                          |
|        | select_one yn | works   | Works ?   | ${age} >= 18             |
|        | end repeat   | person   |           |                          |
|        | text         | family   | Family ?  | count(${person}) > 1     |
|        | integer      | adults   | Adults    | ${consent} = 'yes' and today() != '' |
| choices |
|         | list_name | name | label |
|         | yn        | yes  | Yes   |
|         | yn        | no   | No    |
| settings |
|          | form_id |
|          | petit   |
"""


def test_asked_counts_relevance_of_every_kind(tmp_path):
    ws = Workspace.open(tmp_path / "data")
    path = tmp_path / "petit.md"
    path.write_text(FORM, encoding="utf-8")
    form = ws.load_form(path).value
    for answers in (
        {"consent": "yes", "person": [{"age": "40"}, {"age": "10"}]},  # family asked, 1 works
        {"consent": "yes", "person": [{"age": "30", "works": "yes"}]},  # family not asked
        {"consent": "no"},
    ):
        result = ws.fill_interview(form, answers, finalize=True).value
        assert result.ok, result.problems
    questions = ws.results().questions
    assert questions["family"].asked == 1  # count() into the repeat: the interview's tree
    assert questions["family"].answered == 0
    assert questions["works"].unit == "member"
    assert (questions["works"].asked, questions["works"].answered) == (2, 1)  # per member
    assert questions["adults"].asked == 2  # today(): evaluated, not kept per values
    assert questions["age"].asked == 3
    ws.close()
