"""``surveyor form check`` through the real CLI: one exact line per problem."""

from __future__ import annotations

from .helpers import run_cli
from .helpers import write_md


def check(tmp_path, text, name="f.md"):
    path = write_md(tmp_path, name, text)
    result = run_cli("form", "check", path)
    return result, str(path)


def test_valid_form(tmp_path):
    result, path = check(
        tmp_path,
        """
| survey |
| | type | name | label | relevant | calculation |
| | integer | a | A | | |
| | calculate | b | | | ${a} * 2 |
| | text | c | C | ${b} > 2 | |
""",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"OK {path}\n"


def test_expression_problems(tmp_path):
    result, path = check(
        tmp_path,
        """
| survey |
| | type | name | label | relevant | calculation | constraint |
| | integer | a | A | ${a} > | | |
| | calculate | c1 | | | ${c2} + 1 | |
| | calculate | c2 | | | ${c1} + 1 | |
| | calculate | c3 | | | foo(${a}) | |
| | note | n | N | | | . > 1 |
| | calculate | c4 | | | . + 1 | |
""",
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}:survey:2: relevant: syntax error (unexpected end of expression) in '/data/a >'",
        f"{path}:survey:3: cyclic calculation between: c1, c2",
        f"{path}:survey:5: calculation: unknown function foo()",
        f"{path}:survey:6: warning: a note's constraint is never checked",
        f"{path}:survey:7: cyclic calculation between: c4",
    ]


def test_choice_filter_repeat_count_default_instance_name(tmp_path):
    result, path = check(
        tmp_path,
        """
| survey |
| | type | name | label | choice_filter | repeat_count | default |
| | select_one yn | a | A | bar(name) | | |
| | begin_repeat | r | R | | count( | |
| | date | d | D | | | baz() |
| | end_repeat | | | | | |
| choices |
| | list_name | name | label |
| | yn | yes | Yes |
| settings |
| | instance_name |
| | concat('a', |
""",
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}:survey:2: choice_filter: unknown function bar()",
        f"{path}:survey:3: repeat_count: syntax error (unexpected end of expression) in 'count('",
        f"{path}:survey:4: default: unknown function baz()",
        f"{path}:settings:2: instance_name: syntax error (unexpected end of expression) in \"concat('a',\"",
    ]


def test_pyxform_problems(tmp_path):
    cases = {
        "type.md": (
            """
| survey |
| | type | name | label |
| | integer | a | A |
| | integr | b | B |
""",
            "survey:3: Unknown question type 'integr'.",
        ),
        "ref.md": (
            """
| survey |
| | type | name | label | relevant |
| | integer | a | A | |
| | integer | b | B | ${zz} > 1 |
""",
            "survey:3: On the 'survey' sheet, the 'relevant' value is invalid. Reference variables "
            "must contain a name from the 'survey' sheet. Could not find the name 'zz'.",
        ),
        "dup.md": (
            """
| survey |
| | type | name | label |
| | integer | a | A |
| | integer | a | A |
""",
            "survey:3: On the 'survey' sheet, the 'name' value 'a' is invalid. Questions, groups, "
            "and repeats must be unique within their nearest parent group or repeat, or the "
            "survey if not inside a group or repeat.",
        ),
        "list.md": (
            """
| survey |
| | type | name | label |
| | integer | a | A |
| | select_one nolist | s | S |
| choices |
| | list_name | name | label |
| | yn | y | Y |
""",
            "survey:3: List name not in choices sheet: nolist",
        ),
    }
    paths = [write_md(tmp_path, name, text) for name, (text, _) in cases.items()]
    result = run_cli("form", "check", *paths)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}:{expected}" for path, (_, expected) in zip(paths, cases.values(), strict=True)
    ]


def test_not_a_form_and_mixed(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello\n")
    good = write_md(
        tmp_path,
        "good.md",
        """
| survey |
| | type | name | label |
| | integer | a | A |
""",
    )
    result = run_cli("form", "check", good, text)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"OK {good}",
        f"{text}: not an XLSForm (not a spreadsheet, Markdown or CSV file)",
    ]


def test_help_texts():
    result = run_cli("form", "check", "--help")
    assert result.returncode == 0
    assert "FILE:SHEET:ROW" in result.stdout and "an XLSForm file" in result.stdout


def test_a_note_with_a_constraint_is_a_warning_and_the_form_loads(tmp_path):
    """pyxform, Kobo and Collect accept it (REACH MSNA row 259): a warning, exit 0."""
    text = """
| survey |
| | type | name | label | constraint |
| | integer | a | A | |
| | note | n | N | ${a} > 1 |
"""
    result, path = check(tmp_path, text)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{path}:survey:3: warning: a note's constraint is never checked",
        f"OK {path}",
    ]
    from surveyor.forms import load_form

    assert load_form(path).node("/data/n").type == "note"


def test_last_saved_is_named_as_unsupported(tmp_path):
    """${last-saved#x} would read as empty: say so rather than ignore it."""
    text = """
| survey |
| | type | name | label | default | calculation |
| | text | street | Street | ${last-saved#street} | |
| | calculate | prev | | | ${last-saved#street} |
"""
    result, path = check(tmp_path, text)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{path}:survey:2: warning: default: ${{last-saved#street}} is not supported "
        "(it reads as empty)",
        f"{path}:survey:3: warning: calculation: ${{last-saved#street}} is not supported "
        "(it reads as empty)",
        f"OK {path}",
    ]
    from surveyor.forms import load_form

    assert [str(u) for u in load_form(path).unsupported] == [
        "question 'street' (row 2) uses ${last-saved#street}",
        "question 'prev' (row 3) uses ${last-saved#street}",
    ]


def test_check_lists_the_unsupported_features_as_warnings(tmp_path):
    """Features Surveyor lacks: one warning line each, the form still OK (it loads)."""
    result, path = check(
        tmp_path,
        """
| survey |
| | type | name | label | appearance |
| | text | site | Site | url |
| | video | vid | Video | |
| | text | ok | OK | |
""",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{path}:survey:2: warning: not supported yet: question 'site' (row 2) uses appearance "
        "'url'",
        f"{path}:survey:3: warning: not supported yet: question 'vid' (row 3) uses type video",
        f"OK {path}",
    ]


def test_check_lists_every_problem_of_a_form_pyxform_refuses(tmp_path):
    """pyxform stops at its first problem; the others found row by row are listed too."""
    result, path = check(
        tmp_path,
        """
| survey |
| | type | name | label | relevant |
| | integer | a | A | |
| | integr | b | B | |
| | select_one nolist | s | S | ${zz} > 1 |
| | txt | c | C | |
| choices |
| | list_name | name | label |
| | yn | y | Y |
""",
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}:survey:3: unknown question type 'integr'",
        f"{path}:survey:4: List name not in choices sheet: nolist",
        f"{path}:survey:4: relevant: ${{zz}} names no question of the form",
        f"{path}:survey:5: unknown question type 'txt'",
    ]
