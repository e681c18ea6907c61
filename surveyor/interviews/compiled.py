"""A form compiled for running interviews: parsed expressions and the dependency graph.

Compiling happens once per form (and is cached with it); every interview of the form
shares the result. Nothing here holds interview data.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from dataclasses import field
from enum import Enum
from pathlib import Path

from surveyor.errors import ExpressionError
from surveyor.errors import FormError
from surveyor.expressions import Expression
from surveyor.expressions import parse
from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind
from surveyor.perf import bulk_allocation

# A context path no real form has, used to tell relative references from absolute ones:
# an absolute reference resolves the same from any context, a relative one does not.
_PROBE_CONTEXT = "/__probe__/a/b/c/d/e/f/g/h/i/j/k"


class Role(Enum):
    """What a computation produces."""

    CALCULATE = "calculate"  # the value of its target
    RELEVANT = "relevant"  # whether its target is relevant
    COUNT = "count"  # how many instances a repeat has (jr:count)


@dataclass(slots=True, eq=False)
class Computation:
    """One expression the engine keeps up to date, bound to a template path."""

    role: Role
    target: FormNode
    expression: Expression
    references: frozenset[str]
    relative_references: frozenset[str]
    order: int = 0  # position in the topological order
    # ("sum" | "count", absolute path) when the expression is exactly sum(/path) or
    # count(/path) over a repeat and its target is outside any repeat: kept up to date
    # incrementally instead of rescanning every repeat instance at each change.
    aggregate: tuple[str, str] | None = None


@dataclass(slots=True)
class CompiledForm:
    form: Form
    computations: list[Computation] = field(default_factory=list)
    # template path -> computations that read it
    dependents: dict[str, list[Computation]] = field(default_factory=dict)
    # template path -> other parsed expressions bound to it
    constraints: dict[str, Expression] = field(default_factory=dict)
    required: dict[str, Expression] = field(default_factory=dict)
    readonly: dict[str, Expression] = field(default_factory=dict)
    itemsets: dict[str, Expression] = field(default_factory=dict)
    instance_name: Expression | None = None
    # Template paths of the repeats, and for each template path its innermost repeat.
    repeat_of: dict[str, str | None] = field(default_factory=dict)
    # Paths that are part of a dependency cycle (their computations run in an arbitrary order).
    cyclic: set[str] = field(default_factory=set)
    # Secondary instances parsed to nodes, shared read-only by the form's sessions.
    instances: dict | None = None


# Bump when the AST shape of the expression engine changes: cached ASTs are then ignored.
AST_CACHE_VERSION = 1


class _Parser:
    """Parse expressions, reusing ASTs cached from an earlier run of the same form.

    Parsing with lark costs about half a millisecond an expression; a form with a thousand
    expressions would spend half a second there at every start without this cache.
    """

    def __init__(self, cached: dict[str, object] | None):
        self.cached = cached or {}
        self.asts: dict[str, object] = {}

    def __call__(self, text: str) -> Expression:
        ast = self.cached.get(text)
        expression = Expression(text, ast) if ast is not None else parse(text)
        self.asts[text] = expression.ast
        return expression


def _cache_file(cache_dir: Path, form: Form) -> Path:
    key = hashlib.sha256(f"{AST_CACHE_VERSION}:{form.content_hash}".encode()).hexdigest()
    return Path(cache_dir) / f"{key}.asts.pickle"


def _read_cache(path: Path) -> dict | None:
    try:
        with open(path, "rb") as handle:
            data = pickle.load(handle)
        return data if isinstance(data, dict) else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None


def _write_cache(path: Path, asts: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(asts, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written only costs time


def _parse(parser, text: str, node: FormNode, column: str) -> Expression:
    try:
        return parser(text)
    except ExpressionError as exc:
        where = f"row {node.row}" if node.row else node.path
        raise FormError(
            f"The {column} of '{node.name}' ({where}) is not a valid expression: {exc}"
        ) from exc


def _is_true_literal(text: str | None) -> bool:
    return text is not None and text.strip() in ("true()", "true", "1")


def compile_form(form: Form, *, cache_dir: Path | None = None) -> CompiledForm:
    """Parse every expression of ``form`` once and order the computations.

    With ``cache_dir``, the parsed expressions are kept there (by the form's content hash)
    and reused the next time, in this process or another.
    """
    cache_path = _cache_file(cache_dir, form) if cache_dir else None
    with bulk_allocation():
        parser = _Parser(_read_cache(cache_path) if cache_path else None)
        compiled = _compile(form, parser)
    if cache_path and set(parser.asts) != set(parser.cached):
        _write_cache(cache_path, parser.asts)
    return compiled


def _compile(form: Form, parser: _Parser) -> CompiledForm:
    compiled = CompiledForm(form=form)
    for node in form.root.walk():
        repeat = None
        probe: FormNode | None = node
        while probe is not None:
            if probe.kind is Kind.REPEAT:
                repeat = probe.path
                break
            probe = probe.parent
        compiled.repeat_of[node.path] = repeat
        bind = node.bind
        if bind.calculate:
            _add(
                compiled, Role.CALCULATE, node, _parse(parser, bind.calculate, node, "calculation")
            )
        if bind.relevant and not _is_true_literal(bind.relevant):
            _add(compiled, Role.RELEVANT, node, _parse(parser, bind.relevant, node, "relevant"))
        if node.kind is Kind.REPEAT and node.repeat_count:
            _add(
                compiled, Role.COUNT, node, _parse(parser, node.repeat_count, node, "repeat_count")
            )
        if bind.constraint:
            compiled.constraints[node.path] = _parse(parser, bind.constraint, node, "constraint")
        if bind.required and bind.required.strip() not in ("false()", "false", "0", ""):
            compiled.required[node.path] = _parse(parser, bind.required, node, "required")
        if bind.readonly and bind.readonly.strip() not in ("false()", "false", "0", ""):
            compiled.readonly[node.path] = _parse(parser, bind.readonly, node, "read_only")
        if node.itemset is not None:
            compiled.itemsets[node.path] = _parse(
                parser, node.itemset.nodeset, node, "choice_filter"
            )
    if form.instance_name:
        compiled.instance_name = _parse(parser, form.instance_name, form.root, "instance_name")
    _finish_aggregates(compiled)
    _order(compiled)
    return compiled


def _reads_subtrees(ast) -> bool:
    """True when a path step can match more than one name (``*``, ``//``, other axes):
    references() then names the deepest known ancestor, meaning "anything below"."""
    if isinstance(ast, tuple):
        if ast and ast[0] == "step":
            axis, test = ast[1], ast[2]
            if axis not in ("child", "self", "parent", "attribute"):
                return True
            if isinstance(test, tuple) and (test[0] != "name" or test[2] == "*"):
                if not (axis in ("self", "parent") and test == ("type", "node")):
                    return True
        return any(_reads_subtrees(item) for item in ast)
    if isinstance(ast, list):
        return any(_reads_subtrees(item) for item in ast)
    return False


def _expand(form: Form, refs: frozenset[str]) -> frozenset[str]:
    out = set(refs)
    for ref in refs:
        if ref == "/":
            out.update(form.nodes)
        elif ref in form.nodes:
            out.update(n.path for n in form.nodes[ref].walk())
    return frozenset(out)


def _add(compiled: CompiledForm, role: Role, node: FormNode, expression: Expression) -> None:
    refs = frozenset(expression.references(node.path))
    absolute = refs & frozenset(expression.references(_PROBE_CONTEXT))
    if _reads_subtrees(expression.ast):
        refs = _expand(compiled.form, refs)
        absolute = _expand(compiled.form, absolute)
    comp = Computation(
        role=role,
        target=node,
        expression=expression,
        references=refs,
        relative_references=refs - absolute,
    )
    if role is Role.CALCULATE:
        comp.aggregate = _aggregate_of(expression.ast)
    compiled.computations.append(comp)


def _aggregate_of(ast) -> tuple[str, str] | None:
    """``("sum", "/data/r/x")`` for ``sum(/data/r/x)`` (plain child steps, no predicates)."""
    if not (isinstance(ast, tuple) and len(ast) >= 3 and ast[0] == "call"):
        return None
    if ast[1] not in ("sum", "count") or len(ast[2]) != 1:
        return None
    arg = ast[2][0]
    if not (isinstance(arg, tuple) and arg[0] == "path" and arg[1] is True):
        return None
    names = []
    for step in arg[2]:
        if not (
            isinstance(step, tuple)
            and step[0] == "step"
            and step[1] == "child"
            and isinstance(step[2], tuple)
            and step[2][0] == "name"
            and step[2][1] == ""
            and step[2][2] != "*"
            and not step[3]
        ):
            return None
        names.append(step[2][2])
    return ast[1], "/" + "/".join(names)


def _finish_aggregates(compiled: CompiledForm) -> None:
    """Keep the aggregate shortcut only where it is valid: over a repeat, target outside."""
    for comp in compiled.computations:
        if comp.aggregate is None:
            continue
        path = comp.aggregate[1]
        crosses_repeat = compiled.form.nodes.get(path) is not None and (
            compiled.repeat_of.get(path) is not None
        )
        if not crosses_repeat or compiled.repeat_of.get(comp.target.path) is not None:
            comp.aggregate = None


def _outputs(comp: Computation) -> list[str]:
    """Template paths whose value may change when ``comp`` gives a new result."""
    if comp.role is Role.CALCULATE:
        return [comp.target.path]
    # relevance and repeat counts change what every descendant reads as its value
    return [n.path for n in comp.target.walk()]


def _order(compiled: CompiledForm) -> None:
    """Topological order of computations (Kahn); cycles are broken and remembered."""
    comps = compiled.computations
    readers: dict[str, list[Computation]] = {}
    for comp in comps:
        for ref in comp.references:
            readers.setdefault(ref, []).append(comp)
    # Ancestors' relevance/counts also affect paths below: a reader of /a/b/c depends on a
    # relevant of /a; _outputs() lists every descendant path, so that is covered.
    successors: dict[int, list[Computation]] = {id(c): [] for c in comps}
    indegree: dict[int, int] = {id(c): 0 for c in comps}
    for comp in comps:
        seen: set[int] = set()
        for path in _outputs(comp):
            for reader in readers.get(path, ()):
                if id(reader) not in seen and reader is not comp:
                    seen.add(id(reader))
                    successors[id(comp)].append(reader)
                    indegree[id(reader)] += 1
    ready = [c for c in comps if indegree[id(c)] == 0]
    ordered: list[Computation] = []
    remaining = {id(c): c for c in comps}
    while remaining:
        while ready:
            comp = ready.pop(0)
            if id(comp) not in remaining:
                continue
            del remaining[id(comp)]
            ordered.append(comp)
            for nxt in successors[id(comp)]:
                indegree[id(nxt)] -= 1
                if indegree[id(nxt)] == 0:
                    ready.append(nxt)
        if remaining:
            # A cycle: take the first remaining computation in document order.
            comp = next(iter(remaining.values()))
            compiled.cyclic.add(comp.target.path)
            indegree[id(comp)] = 0
            ready.append(comp)
    for index, comp in enumerate(ordered):
        comp.order = index
    compiled.computations = ordered
    compiled.dependents = {}
    for comp in ordered:
        for ref in comp.references:
            compiled.dependents.setdefault(ref, []).append(comp)
