"""The ODK XPath expression engine: parse XLSForm/XForm expressions once, evaluate them fast.

Public API::

    parse(text) -> Expression            # cached; ExpressionError on a syntax error
    Expression.evaluate(node, env)       # str | float | bool | list[Node]
    Expression.references(context_path)  # absolute template paths read
    Expression.functions()               # names of the functions called
    Node, parse_document, Environment, KNOWN_FUNCTIONS, to_string, to_number, to_boolean

See docs/expressions.md.
"""

from surveyor.expressions.environment import Environment
from surveyor.expressions.expression import Expression
from surveyor.expressions.expression import parse
from surveyor.expressions.functions import KNOWN_FUNCTIONS
from surveyor.expressions.nodes import Node
from surveyor.expressions.nodes import parse_document
from surveyor.expressions.values import DateValue
from surveyor.expressions.values import to_boolean
from surveyor.expressions.values import to_number
from surveyor.expressions.values import to_string

__all__ = [
    "KNOWN_FUNCTIONS",
    "DateValue",
    "Environment",
    "Expression",
    "Node",
    "parse",
    "parse_document",
    "to_boolean",
    "to_number",
    "to_string",
]
