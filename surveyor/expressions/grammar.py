"""XPath 1.0 grammar (as used by ODK XForms) for lark's LALR parser with the contextual lexer.

The contextual lexer only tries the terminals the parser can accept in its current state, which
resolves XPath's lexical ambiguities: after an operand ``*`` is multiplication and ``div``, ``mod``,
``and``, ``or`` are operators; elsewhere they are name tests and names. The parser produces a small
tuple AST (see ``ast`` below) that :mod:`surveyor.expressions.compiler` turns into closures.

AST nodes (tuples, first item is the tag):

- ``("num", float)``, ``("str", str)``
- ``("neg", expr)``, ``("bin", op, left, right)`` with op among ``or and = != < <= > >= + - * div mod |``
- ``("call", name, [args], position)``
- ``("path", absolute, [steps])``; ``("fpath", filter_expr, [steps])``; ``("filter", expr, [preds])``
- step: ``("step", axis, test, [preds])``; test: ``("name", prefix, local)``, ``("any", prefix)``
  (``*`` or ``p:*``), ``("type", "node" | "text" | "comment" | "processing-instruction")``
"""

from __future__ import annotations

from lark import Lark
from lark import Token
from lark import Transformer
from lark import v_args

GRAMMAR = r"""
?start: expr

?expr: or_expr
?or_expr: and_expr | or_expr OR and_expr -> binary
?and_expr: eq_expr | and_expr AND eq_expr -> binary
?eq_expr: rel_expr | eq_expr EQOP rel_expr -> binary
?rel_expr: add_expr | rel_expr RELOP add_expr -> binary
?add_expr: mul_expr | add_expr PLUS mul_expr -> binary | add_expr MINUS mul_expr -> binary
?mul_expr: unary_expr | mul_expr MULOP unary_expr -> binary | mul_expr STAR unary_expr -> binary
?unary_expr: union_expr | MINUS unary_expr -> neg
?union_expr: path_expr | union_expr PIPE path_expr -> binary

?path_expr: location_path
          | filter_expr
          | filter_expr SLASH relative_path -> filter_path
          | filter_expr DSLASH relative_path -> filter_path

?filter_expr: primary | filter_expr predicate -> filtered

?primary: STRING -> string
        | NUMBER -> number
        | "(" expr ")"
        | function_call

function_call: FUNCNAME "(" [expr ("," expr)*] ")"

location_path: relative_path -> relative_location
             | SLASH relative_path? -> absolute_location
             | DSLASH relative_path -> absolute_location

relative_path: step (sep step)*
sep: SLASH | DSLASH

step: AXIS node_test predicate* -> axis_step
    | AT node_test predicate* -> attribute_step
    | node_test predicate* -> child_step
    | DOT -> self_step
    | DDOT -> parent_step

node_test: QNAME -> name_test
         | STAR -> star_test
         | PREFIXSTAR -> star_test
         | NODETYPE "(" STRING? ")" -> type_test

predicate: "[" expr "]"

OR: "or"
AND: "and"
EQOP: "!=" | "="
RELOP: "<=" | ">=" | "<" | ">"
PLUS: "+"
MINUS: "-"
STAR: "*"
MULOP: "div" | "mod"
PIPE: "|"
SLASH: "/"
DSLASH: "//"
AT: "@"
DOT: "."
DDOT: ".."

AXIS.4: /(ancestor-or-self|ancestor|attribute|child|descendant-or-self|descendant|following-sibling|following|namespace|parent|preceding-sibling|preceding|self)\s*::/
NODETYPE.3: /(node|text|comment|processing-instruction)(?=\s*\()/
FUNCNAME.2: /[A-Za-z_][\w.\-]*(:[A-Za-z_][\w.\-]*)?(?=\s*\()/
PREFIXSTAR.2: /[A-Za-z_][\w.\-]*:\*/
QNAME: /[A-Za-z_][\w.\-]*(:[A-Za-z_][\w.\-]*)?/
NUMBER: /\d+(\.\d*)?|\.\d+/
STRING: /"[^"]*"|'[^']*'/

%ignore /[ \t\r\n]+/
"""


DESCENDANT_OR_SELF = ("step", "descendant-or-self", ("type", "node"), [])


@v_args(inline=True)
class _ToAst(Transformer):
    def binary(self, left, op, right):
        return ("bin", str(op), left, right)

    def neg(self, _minus, operand):
        return ("neg", operand)

    def string(self, tok):
        return ("str", str(tok)[1:-1])

    def number(self, tok):
        return ("num", float(tok))

    def function_call(self, name, *args):
        args = [a for a in args if a is not None]
        return ("call", str(name), args, name.start_pos)

    def filtered(self, expr, pred):
        if expr[0] == "filter":
            return ("filter", expr[1], expr[2] + [pred])
        return ("filter", expr, [pred])

    def filter_path(self, expr, sep, steps):
        if str(sep) == "//":
            steps = [DESCENDANT_OR_SELF] + steps
        return ("fpath", expr, steps)

    def relative_location(self, steps):
        return ("path", False, steps)

    def absolute_location(self, sep, steps=None):
        steps = steps or []
        if str(sep) == "//":
            steps = [DESCENDANT_OR_SELF] + steps
        return ("path", True, steps)

    def relative_path(self, first, *rest):
        steps = [first]
        for item in rest:
            if isinstance(item, str):  # separator
                if item == "//":
                    steps.append(DESCENDANT_OR_SELF)
            else:
                steps.append(item)
        return steps

    def sep(self, tok):
        return str(tok)

    def axis_step(self, axis, test, *preds):
        name = str(axis).rstrip(":").strip()
        return ("step", name, test, list(preds))

    def attribute_step(self, _at, test, *preds):
        return ("step", "attribute", test, list(preds))

    def child_step(self, test, *preds):
        return ("step", "child", test, list(preds))

    def self_step(self, _tok):
        return ("step", "self", ("type", "node"), [])

    def parent_step(self, _tok):
        return ("step", "parent", ("type", "node"), [])

    def name_test(self, tok):
        prefix, _, local = str(tok).rpartition(":")
        return ("name", prefix, local)

    def star_test(self, tok):
        text = str(tok)
        return ("any", text[:-2] if text.endswith(":*") else "")

    def type_test(self, tok, literal=None):
        return ("type", str(tok))

    def predicate(self, expr):
        return expr


# The transformer runs inside the LALR parser (no parse tree is built): about a third faster,
# which matters for forms with a thousand expressions parsed at first load.
_PARSER = Lark(
    GRAMMAR, parser="lalr", lexer="contextual", maybe_placeholders=True, transformer=_ToAst()
)


def parse_ast(text: str):
    """Parse expression text into the tuple AST (lark exceptions propagate)."""
    return _PARSER.parse(text)


__all__ = ["GRAMMAR", "Token", "parse_ast"]
