"""Compile the tuple AST into Python closures, once per expression text.

Every compiled piece is a function ``f(node, pos, size, st)``: the context node, the context
position and size, and the per-evaluation state ``st`` (environment, time zone, current node).
"""

from __future__ import annotations

import math
from datetime import tzinfo

from surveyor.errors import ExpressionError
from surveyor.expressions.environment import Environment
from surveyor.expressions.functions import compile_call
from surveyor.expressions.nodes import ATTRIBUTE
from surveyor.expressions.nodes import COMMENT
from surveyor.expressions.nodes import DOCUMENT
from surveyor.expressions.nodes import ELEMENT
from surveyor.expressions.nodes import PI
from surveyor.expressions.nodes import TEXT
from surveyor.expressions.nodes import Node
from surveyor.expressions.values import DateValue
from surveyor.expressions.values import local_timezone
from surveyor.expressions.values import string_to_number
from surveyor.expressions.values import to_boolean
from surveyor.expressions.values import to_number
from surveyor.expressions.values import to_string


class State:
    """Per-evaluation state."""

    __slots__ = ("env", "tz", "current", "root")

    def __init__(self, env: Environment, current: Node | None, root: Node) -> None:
        self.env = env
        self.tz: tzinfo = env.timezone or local_timezone()
        self.current = current
        self.root = root  # what an absolute path starts from: the primary instance's document


# ---------------------------------------------------------------------------------------------
# comparisons and arithmetic
# ---------------------------------------------------------------------------------------------

_REL = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def _eq_atomic(a, b, tz) -> bool:
    ta, tb = type(a), type(b)
    if ta is bool or tb is bool:
        return to_boolean(a) == to_boolean(b)
    if ta is float or tb is float or ta is DateValue or tb is DateValue:
        return to_number(a, tz) == to_number(b, tz)
    return a == b


def compare(op: str, a, b, tz) -> bool:
    """XPath 1.0 comparison with ODK's date handling (dates compare as days since the epoch)."""
    la, lb = type(a) is list, type(b) is list
    if op == "=" or op == "!=":
        want = op == "="
        if la and lb:
            sa = {n.string_value() for n in a}
            if want:
                return any(n.string_value() in sa for n in b)
            return any(n.string_value() != s for n in b for s in sa)
        if la or lb:
            nodes, other = (a, b) if la else (b, a)
            t = type(other)
            if t is bool:
                return (bool(nodes) == other) == want
            if t is float or t is DateValue:
                x = to_number(other, tz)
                for n in nodes:
                    if (string_to_number(n.string_value(), tz) == x) == want:
                        return True
                return False
            s = to_string(other)
            for n in nodes:
                if (n.string_value() == s) == want:
                    return True
            return False
        return _eq_atomic(a, b, tz) == want
    rel = _REL[op]
    if la and lb:
        xs = [string_to_number(n.string_value(), tz) for n in a]
        ys = [string_to_number(n.string_value(), tz) for n in b]
        return any(rel(x, y) for x in xs for y in ys)
    if la:
        y = to_number(b, tz)
        return any(rel(string_to_number(n.string_value(), tz), y) for n in a)
    if lb:
        x = to_number(a, tz)
        return any(rel(x, string_to_number(n.string_value(), tz)) for n in b)
    return rel(to_number(a, tz), to_number(b, tz))


def _is_date(value) -> bool:
    t = type(value)
    if t is DateValue:
        return True
    if t is list:
        if not value:
            return False
        value = value[0].string_value()
    elif t is not str:
        return False
    return len(value) >= 10 and value[4:5] == "-" and value[:4].isdigit()


def _div(x: float, y: float) -> float:
    if y == 0:
        if x == 0 or x != x:
            return math.nan
        return math.copysign(math.inf, x) * math.copysign(1.0, y)
    return x / y


def _mod(x: float, y: float) -> float:
    if y == 0 or x != x or y != y or math.isinf(x):
        return math.nan
    if math.isinf(y):
        return x
    return math.fmod(x, y)


def _mul(x: float, y: float) -> float:
    return x * y


def _add(x: float, y: float) -> float:
    return x + y


def _sub(x: float, y: float) -> float:
    return x - y


_ARITH = {"+": _add, "-": _sub, "*": _mul, "div": _div, "mod": _mod}


# ---------------------------------------------------------------------------------------------
# node-set helpers
# ---------------------------------------------------------------------------------------------


def doc_order(nodes: list[Node]) -> list[Node]:
    """Distinct nodes in document order."""
    seen: set[int] = set()
    unique = []
    for n in nodes:
        i = id(n)
        if i not in seen:
            seen.add(i)
            unique.append(n)
    if len(unique) > 1:
        unique.sort(key=Node.order_key)
    return unique


def _following(node: Node) -> list[Node]:
    out: list[Node] = []
    n = node
    if n.kind == ATTRIBUTE:
        n = n.parent  # type: ignore[assignment]
        if n is None:
            return out
        out.extend(n.descendants())
    while n is not None and n.parent is not None:
        siblings = n.parent.children
        i = _index_in(siblings, n)
        for s in siblings[i + 1 :]:
            out.append(s)
            out.extend(s.descendants())
        n = n.parent
    return out


def _preceding(node: Node) -> list[Node]:
    """Preceding nodes in reverse document order."""
    out: list[Node] = []
    n = node.parent if node.kind == ATTRIBUTE else node
    while n is not None and n.parent is not None:
        siblings = n.parent.children
        i = _index_in(siblings, n)
        for s in reversed(siblings[:i]):
            out.extend(reversed(list(s.descendants())))
            out.append(s)
        n = n.parent
    return out


def _index_in(siblings: list[Node], node: Node) -> int:
    for i, s in enumerate(siblings):
        if s is node:
            return i
    return -1


def _ancestors(node: Node) -> list[Node]:
    out = []
    n = node.parent
    while n is not None:
        out.append(n)
        n = n.parent
    return out


def _axis_nodes(axis: str, node: Node) -> list[Node]:
    """Nodes on an axis, in axis order (reverse axes: nearest first)."""
    if axis == "child":
        return node.children
    if axis == "attribute":
        return node.attributes if node.kind == ELEMENT else []
    if axis == "self":
        return [node]
    if axis == "parent":
        return [node.parent] if node.parent is not None else []
    if axis == "descendant":
        return list(node.descendants()) if node.kind != ATTRIBUTE else []
    if axis == "descendant-or-self":
        return [node] + (list(node.descendants()) if node.kind != ATTRIBUTE else [])
    if axis == "ancestor":
        return _ancestors(node)
    if axis == "ancestor-or-self":
        return [node] + _ancestors(node)
    if axis == "following-sibling":
        if node.parent is None or node.kind == ATTRIBUTE:
            return []
        siblings = node.parent.children
        return siblings[_index_in(siblings, node) + 1 :]
    if axis == "preceding-sibling":
        if node.parent is None or node.kind == ATTRIBUTE:
            return []
        siblings = node.parent.children
        return list(reversed(siblings[: _index_in(siblings, node)]))
    if axis == "following":
        return _following(node)
    if axis == "preceding":
        return _preceding(node)
    if axis == "namespace":
        return []
    raise ExpressionError(f"unknown axis {axis}")


REVERSE_AXES = frozenset({"ancestor", "ancestor-or-self", "preceding", "preceding-sibling"})
ORDER_PRESERVING = frozenset({"child", "attribute", "self"})


def _make_test(test, axis: str):
    """A predicate ``(node, st) -> bool`` for a node test, or None when every node passes.

    Unprefixed names match by local name whatever the namespace (ODK). A prefixed name matches
    the namespace URI the prefix has in ``Environment.namespaces`` when given there, else the
    prefix as written in the document.
    """
    tag = test[0]
    principal = ATTRIBUTE if axis == "attribute" else ELEMENT
    if tag == "name":
        _, prefix, local = test
        if prefix:

            def prefixed(n, st):
                if n.kind != principal or n.name != local:
                    return False
                uri = st.env.namespaces.get(prefix) if st.env.namespaces else None
                return n.namespace == uri if uri is not None else n.prefix == prefix

            return prefixed
        return lambda n, st: n.kind == principal and n.name == local
    if tag == "any":
        prefix = test[1]
        if prefix:

            def prefixed_any(n, st):
                if n.kind != principal:
                    return False
                uri = st.env.namespaces.get(prefix) if st.env.namespaces else None
                return n.namespace == uri if uri is not None else n.prefix == prefix

            return prefixed_any
        return lambda n, st: n.kind == principal
    kind = test[1]
    if kind == "node":
        return None
    want = {"text": TEXT, "comment": COMMENT, "processing-instruction": PI}[kind]
    return lambda n, st: n.kind == want


# ---------------------------------------------------------------------------------------------
# the compiler
# ---------------------------------------------------------------------------------------------


class Compiler:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[ExpressionError] = []  # static problems: arity, unknown functions

    def error(self, message: str, position: int | None = None) -> ExpressionError:
        return ExpressionError(message, expression=self.source, position=position)

    def compile(self, ast):
        tag = ast[0]
        return getattr(self, "c_" + tag)(ast)

    # literals ---------------------------------------------------------------------------------
    def c_num(self, ast):
        value = ast[1]
        return lambda node, pos, size, st: value

    def c_str(self, ast):
        value = ast[1]
        return lambda node, pos, size, st: value

    def c_neg(self, ast):
        f = self.compile(ast[1])
        return lambda node, pos, size, st: -to_number(f(node, pos, size, st), st.tz)

    def c_bin(self, ast):
        _, op, left, right = ast
        fa, fb = self.compile(left), self.compile(right)
        if op == "or":
            return lambda node, pos, size, st: (
                to_boolean(fa(node, pos, size, st)) or to_boolean(fb(node, pos, size, st))
            )
        if op == "and":
            return lambda node, pos, size, st: (
                to_boolean(fa(node, pos, size, st)) and to_boolean(fb(node, pos, size, st))
            )
        if op in ("=", "!=", "<", "<=", ">", ">="):
            return lambda node, pos, size, st: compare(
                op, fa(node, pos, size, st), fb(node, pos, size, st), st.tz
            )
        if op == "|":
            src = self.source

            def union(node, pos, size, st):
                a, b = fa(node, pos, size, st), fb(node, pos, size, st)
                if type(a) is not list or type(b) is not list:
                    raise ExpressionError("the | operator needs node-sets", expression=src)
                return doc_order(a + b)

            return union
        arith = _ARITH[op]

        if op in ("+", "-"):

            def date_arithmetic(node, pos, size, st):
                tz = st.tz
                a, b = fa(node, pos, size, st), fb(node, pos, size, st)
                r = arith(to_number(a, tz), to_number(b, tz))
                # days between two dates (or a date and whole days) are whole numbers: undo the
                # float error of the time-zone fraction in both operands
                if math.isfinite(r) and not r.is_integer() and (_is_date(a) or _is_date(b)):
                    n = round(r)
                    if abs(r - n) < 1e-9:
                        return float(n)
                return r

            return date_arithmetic

        def arithmetic(node, pos, size, st):
            tz = st.tz
            return arith(
                to_number(fa(node, pos, size, st), tz), to_number(fb(node, pos, size, st), tz)
            )

        return arithmetic

    # function calls ---------------------------------------------------------------------------
    def c_call(self, ast):
        return compile_call(self, ast)

    # paths ------------------------------------------------------------------------------------
    def c_path(self, ast):
        _, absolute, steps = ast
        run = self.compile_steps(steps)
        if absolute:

            def absolute_path(node, pos, size, st):
                # ODK: "/" is the primary instance, even from a secondary instance's item
                return run([st.root], st)

            return absolute_path

        if len(steps) == 1 and steps[0][1] == "self" and steps[0][2] == ("type", "node"):
            return lambda node, pos, size, st: [node]
        return lambda node, pos, size, st: run([node], st)

    def c_fpath(self, ast):
        _, expr, steps = ast
        f = self.compile(expr)
        run = self.compile_steps(steps)
        src = self.source

        def filter_path(node, pos, size, st):
            base = f(node, pos, size, st)
            if type(base) is not list:
                raise ExpressionError("a path step needs a node-set on its left", expression=src)
            return run(base, st)

        return filter_path

    def c_filter(self, ast):
        _, expr, preds = ast
        f = self.compile(expr)
        compiled = [self.compile_predicate(p) for p in preds]
        src = self.source

        def filtered(node, pos, size, st):
            nodes = f(node, pos, size, st)
            if type(nodes) is not list:
                raise ExpressionError("a predicate needs a node-set", expression=src)
            for p in compiled:
                nodes = p(nodes, st)
            return nodes

        return filtered

    def compile_predicate(self, pred):
        """A function filtering a list of nodes (in the axis order) by one predicate."""
        if pred[0] == "num":
            index = pred[1]
            if index.is_integer() and index >= 1:
                i = int(index) - 1
                return lambda nodes, st: [nodes[i]] if i < len(nodes) else []
            return lambda nodes, st: []
        f = self.compile(pred)

        def predicate(nodes, st):
            size = len(nodes)
            out = []
            for i, n in enumerate(nodes, 1):
                v = f(n, i, size, st)
                t = type(v)
                if t is float:
                    if v == i:
                        out.append(n)
                elif to_boolean(v):
                    out.append(n)
            return out

        return predicate

    def compile_steps(self, steps):
        compiled = [self.compile_step(s) for s in steps]
        if not compiled:
            return lambda nodes, st: nodes

        def run(nodes, st):
            nested = False
            for step, axis in compiled:
                if not nodes:
                    return nodes
                multi = len(nodes) > 1
                nodes = step(nodes, st)
                if multi and (nested or axis not in ORDER_PRESERVING):
                    nodes = doc_order(nodes)
                if axis not in ORDER_PRESERVING and axis != "parent":
                    nested = True
            return nodes

        return run

    def compile_step(self, step):
        _, axis, test, preds = step
        compiled_preds = [self.compile_predicate(p) for p in preds]
        reverse = axis in REVERSE_AXES

        # fast path: child::name, no prefix, no predicates or a numeric one
        if axis == "child" and test[0] == "name" and not test[1]:
            local = test[2]
            if not compiled_preds:

                def child_named(nodes, st):
                    if len(nodes) == 1:
                        n = nodes[0]
                        if n.kind == ELEMENT or n.kind == DOCUMENT:
                            return n._named(local)
                        return []
                    out = []
                    for n in nodes:
                        if n.kind == ELEMENT or n.kind == DOCUMENT:
                            out.extend(n._named(local))
                    return out

                return child_named, axis

            def child_named_pred(nodes, st):
                out = []
                for n in nodes:
                    if n.kind == ELEMENT or n.kind == DOCUMENT:
                        selected = n._named(local)
                        for p in compiled_preds:
                            if not selected:
                                break
                            selected = p(selected, st)
                        out.extend(selected)
                return out

            return child_named_pred, axis

        if axis == "self" and test == ("type", "node") and not compiled_preds:
            return (lambda nodes, st: nodes), axis
        if axis == "parent" and test == ("type", "node") and not compiled_preds:

            def parents(nodes, st):
                return [n.parent for n in nodes if n.parent is not None]

            return parents, axis

        node_test = _make_test(test, axis)
        if axis == "attribute" and test[0] == "name" and not test[1]:
            prefix, local = test[1], test[2]
            qname = f"{prefix}:{local}" if prefix else local

            def attr_named(nodes, st):
                out = []
                for n in nodes:
                    attrs = n._attributes
                    if attrs:
                        a = attrs.get(qname)
                        if a is None:
                            continue
                        selected = [a]
                        for p in compiled_preds:
                            selected = p(selected, st)
                        out.extend(selected)
                return out

            return attr_named, axis

        def general(nodes, st):
            out = []
            for n in nodes:
                candidates = _axis_nodes(axis, n)
                if node_test is not None:
                    candidates = [c for c in candidates if node_test(c, st)]
                for p in compiled_preds:
                    if not candidates:
                        break
                    candidates = p(candidates, st)
                if reverse and len(candidates) > 1:
                    candidates = candidates[::-1]
                out.extend(candidates)
            return out

        return general, axis


def compile_ast(source: str, ast):
    """(closure, static problems) for an AST."""
    compiler = Compiler(source)
    fn = compiler.compile(ast)
    return fn, compiler.problems
