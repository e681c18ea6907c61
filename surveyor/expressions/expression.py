"""``parse(text) -> Expression``: parse once (cached), compile to closures, evaluate many times."""

from __future__ import annotations

import functools

from lark.exceptions import LarkError
from lark.exceptions import UnexpectedCharacters
from lark.exceptions import UnexpectedEOF
from lark.exceptions import UnexpectedToken

from surveyor.errors import ExpressionError
from surveyor.expressions.compiler import State
from surveyor.expressions.compiler import compile_ast
from surveyor.expressions.environment import Environment
from surveyor.expressions.grammar import parse_ast
from surveyor.expressions.nodes import Node
from surveyor.expressions.references import collect

_DEFAULT_ENV = Environment()


class Expression:
    """A parsed and compiled expression."""

    __slots__ = ("source", "ast", "_fn", "problems", "_functions", "_refs", "_instance_ids")

    def __init__(self, source: str, ast) -> None:
        self.source = source
        self.ast = ast
        self._fn, problems = compile_ast(source, ast)
        #: static problems found while compiling (wrong arity, unknown function): raised by
        #: check(), and by evaluate() only if the faulty call is actually evaluated
        self.problems: tuple[ExpressionError, ...] = tuple(problems)
        self._functions: frozenset[str] | None = None
        self._refs: dict[str, frozenset[str]] = {}
        self._instance_ids: frozenset[str] | None = None

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"

    def evaluate(self, node: Node, env: Environment | None = None):
        """The value of the expression with ``node`` as context: str, float, bool or list[Node]."""
        env = env or _DEFAULT_ENV
        root = env.root
        if root is None:
            root = node
            while root.parent is not None:
                root = root.parent
        st = State(env, env.current if env.current is not None else node, root)
        try:
            return self._fn(node, env.position, env.size, st)
        except ExpressionError:
            raise
        except RecursionError:
            raise ExpressionError("expression too deeply nested", expression=self.source) from None
        except (TypeError, ValueError, AttributeError, OverflowError, IndexError) as e:
            # the type only: Python's message may quote a value read (an answer)
            raise ExpressionError(
                f"cannot evaluate ({type(e).__name__})", expression=self.source
            ) from None

    def check(self) -> None:
        """Raise the first static problem (wrong number of arguments, unknown function)."""
        if self.problems:
            raise self.problems[0]

    def functions(self) -> set[str]:
        """Names of the functions called, as written (``jr:choice-name``, ``selected``...)."""
        if self._functions is None:
            found: set[str] = set()
            _walk_calls(self.ast, found)
            self._functions = frozenset(found)
        return set(self._functions)

    def references(self, context_path: str) -> set[str]:
        """Absolute template paths read by the expression, relative paths resolved against
        ``context_path`` (the path of the node the expression is bound to)."""
        cached = self._refs.get(context_path)
        if cached is None:
            refs, ids = collect(self.ast, context_path)
            cached = frozenset(refs)
            self._refs[context_path] = cached
            self._instance_ids = frozenset(ids)
        return set(cached)

    def instance_ids(self) -> set[str]:
        """Ids of the secondary instances read through ``instance('id')``."""
        if self._instance_ids is None:
            self.references("/")
        return set(self._instance_ids or ())


def _walk_calls(ast, found: set[str]) -> None:
    if isinstance(ast, tuple):
        if ast and ast[0] == "call":
            found.add(ast[1])
        for item in ast:
            _walk_calls(item, found)
    elif isinstance(ast, list):
        for item in ast:
            _walk_calls(item, found)


@functools.lru_cache(maxsize=8192)
def parse(text: str) -> Expression:
    """Parse and compile an XPath expression; ExpressionError on a syntax error."""
    if not isinstance(text, str):
        raise ExpressionError("an expression must be a string", expression=repr(text))
    if not text.strip():
        raise ExpressionError("empty expression", expression=text, position=0)
    try:
        ast = parse_ast(text)
    except UnexpectedCharacters as e:
        raise ExpressionError(
            f"unexpected character {text[e.pos_in_stream]!r} at position {e.pos_in_stream}",
            expression=text,
            position=e.pos_in_stream,
        ) from None
    except UnexpectedEOF:
        raise ExpressionError(
            "unexpected end of expression", expression=text, position=len(text)
        ) from None
    except UnexpectedToken as e:
        pos = e.token.start_pos if e.token.start_pos is not None else len(text)
        what = "end of expression" if e.token.type == "$END" else repr(str(e.token))
        raise ExpressionError(
            f"unexpected {what} at position {pos}", expression=text, position=pos
        ) from None
    except LarkError as e:
        raise ExpressionError(f"syntax error: {e}", expression=text) from None
    except RecursionError:
        raise ExpressionError("expression too deeply nested", expression=text) from None
    try:
        return Expression(text, ast)
    except RecursionError:
        raise ExpressionError("expression too deeply nested", expression=text) from None
