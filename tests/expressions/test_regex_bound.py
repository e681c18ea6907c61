"""regex() runs with a time bound: a pattern that backtracks without end cannot hang a form."""

from __future__ import annotations

import pytest

from surveyor.errors import ExpressionError
from surveyor.errors import ExpressionTimeout
from surveyor.expressions import Environment
from surveyor.expressions import parse
from surveyor.expressions import parse_document

DOC = "<data><v>{}</v></data>"


def regex_on(value: str, pattern: str):
    node = parse_document(DOC.format(value))
    expr = parse(f"regex(/data/v, '{pattern}')")
    return expr.evaluate(node, Environment())


def test_regex_searches_anywhere_in_the_value_as_odk_does():
    assert regex_on("tel 0612345678", "[0-9]{10}") is True  # a search, not a full match
    assert regex_on("0612345678", "^[0-9]{10}$") is True
    assert regex_on("061234567", "^[0-9]{10}$") is False
    assert regex_on("", "^$") is True


def test_the_nested_quantifier_of_the_issue_answers_at_once():
    assert regex_on("a" * 28 + "!", "^(a+)+$") is False


def test_a_pattern_that_backtracks_without_end_stops_with_a_clear_error():
    with pytest.raises(ExpressionTimeout) as caught:
        regex_on("a" * 28 + "!", "^(a|a)*$")
    assert isinstance(caught.value, ExpressionError)
    message = str(caught.value)
    assert "^(a|a)*$" in message and "took too long" in message


def test_an_invalid_pattern_is_an_expression_error():
    with pytest.raises(ExpressionError, match="invalid regular expression"):
        regex_on("x", "(")
