"""Static analysis: which absolute template paths an expression reads.

Relative paths are resolved against the path of the node the expression is bound to; ``current()``
is that node too (also inside predicates). Positions and predicates are dropped from the paths but
the paths read *inside* predicates are collected (with the step's path as their context). A step that
cannot be resolved statically (``*``, ``//``, ``node()``, other axes) stops the path: the reference is
then the deepest known ancestor, meaning "something in this subtree". Paths into secondary
instances (``instance('id')/...``) are not references to the primary instance: only their ids are
collected.
"""

from __future__ import annotations


def _split(path: str) -> list[str]:
    return [p for p in path.split("/") if p]


def _join(parts: list[str]) -> str:
    return "/" + "/".join(parts)


def collect(ast, context_path: str) -> tuple[set[str], set[str]]:
    refs: set[str] = set()
    ids: set[str] = set()
    context = _split(context_path)
    _walk(ast, context, context, refs, ids)
    return refs, ids


def _walk(
    ast, here: list[str] | None, current: list[str] | None, refs: set[str], ids: set[str]
) -> None:
    tag = ast[0]
    if tag in ("num", "str"):
        return
    if tag == "neg":
        _walk(ast[1], here, current, refs, ids)
    elif tag == "bin":
        _walk(ast[2], here, current, refs, ids)
        _walk(ast[3], here, current, refs, ids)
    elif tag == "call":
        name, args = ast[1], ast[2]
        if name == "current":
            if current is not None:
                refs.add(_join(current))
            return
        if name == "instance":
            if args and args[0][0] == "str":
                ids.add(args[0][1])
            for a in args:
                _walk(a, here, current, refs, ids)
            return
        for a in args:
            _walk(a, here, current, refs, ids)
    elif tag == "path":
        _, absolute, steps = ast
        if not absolute and here is None:
            # relative to a node the analysis could not place: only nested absolute paths count
            _steps(None, steps, current, refs, ids, primary=False)
            return
        start = [] if absolute else list(here)
        _steps(start, steps, current, refs, ids, primary=True)
    elif tag == "filter":
        _walk(ast[1], here, current, refs, ids)
        base = _base_path(ast[1], here, current)
        for p in ast[2]:
            _walk(p, base[0] if base else None, current, refs, ids)
    elif tag == "fpath":
        base_ast, steps = ast[1], ast[2]
        base = _base_path(base_ast, here, current)
        if base is None:
            _walk(base_ast, here, current, refs, ids)
            _steps(None, steps, current, refs, ids, primary=False)
            return
        start, primary = base
        if base_ast[0] == "filter":
            _walk(base_ast, here, current, refs, ids)
        elif base_ast[0] == "call" and base_ast[1] == "instance":
            _walk(base_ast, here, current, refs, ids)
        _steps(start, steps, current, refs, ids, primary=primary)


def _base_path(ast, here, current):
    """(start path, is primary) for the left side of a filter path, or None if unknown."""
    if ast[0] == "filter":
        return _base_path(ast[1], here, current)
    if ast[0] == "call":
        if ast[1] == "current" and current is not None:
            return list(current), True
        if ast[1] == "instance":
            return [], False
    return None


def _steps(start, steps, current, refs, ids, *, primary: bool) -> None:
    path = None if start is None else list(start)
    for step in steps:
        _, axis, test, preds = step
        if path is not None:
            if axis == "child" and test[0] == "name":
                path.append(test[2])
            elif axis == "attribute" and test[0] == "name":
                path.append("@" + test[2])
            elif axis == "self" and test[0] in ("type", "name"):
                pass
            elif axis == "parent" and test[0] in ("type", "name"):
                if path:
                    path.pop()
            else:
                if primary:
                    refs.add(_join(path))
                path = None
        for p in preds:
            # a predicate's relative paths are resolved against the step; in a secondary
            # instance or at an unknown place only its absolute and current() paths count
            _walk(p, path if primary else None, current, refs, ids)
    if path is not None and primary:
        refs.add(_join(path))
