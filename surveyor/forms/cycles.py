"""Cycles in what gives a field its value: calculations and relevance.

A field's value depends on its ``calculation`` and on its ``relevant`` and those of its
groups (a field that is not relevant is empty). When these depend on each other in a ring
(``a`` relevant if ``b`` is answered, ``b`` calculated from ``a``), no order of evaluation
is right: ODK refuses such forms ("cycle detected in form's relevant and calculation logic"),
and Surveyor did not, so both answers stayed silently empty. :func:`value_cycles` finds
every such ring; ``form check`` reports each, and loading a form refuses it.
"""

from __future__ import annotations

from dataclasses import dataclass

from surveyor.errors import ExpressionError
from surveyor.expressions import parse
from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind


@dataclass(frozen=True)
class Cycle:
    """Fields whose values depend on each other in a ring, in the form's order.

    ``links`` gives, per field, the expressions through which it reads a field of the
    ring: ``(node, column, source)``; ``column`` is ``calculation`` or ``relevant``, and
    ``source`` the node whose column it is (the field, or a group around it).
    """

    links: tuple[tuple[FormNode, str, FormNode], ...]

    @property
    def only_calculations(self) -> bool:
        return all(column == "calculation" for _node, column, _source in self.links)

    def names(self) -> list[str]:
        return list(dict.fromkeys(node.name for node, _column, _source in self.links))

    def describe(self) -> str:
        """``cyclic calculation between: c1, c2``, or with relevance each link and its row."""
        if self.only_calculations:
            return "cyclic calculation between: " + ", ".join(self.names())
        if len(self.names()) == 1:
            node, column, source = self.links[0]
            whose = "" if source is node else f" of the group {source.name}"
            where = f" (row {source.row})" if source.row is not None else ""
            return (
                f"cycle between relevance and calculation: {node.name} depends on itself "
                f"through the {column}{whose}{where}, so its answer would always be empty"
            )
        parts = []
        for node, column, source in self.links:
            where = f"row {source.row}, " if source.row is not None else ""
            whose = "" if source is node else f" of the group {source.name}"
            parts.append(f"{node.name} ({where}{column}{whose})")
        return (
            "cycle between relevance and calculation: "
            + ", ".join(parts)
            + " depend on each other, so their answers would always be empty"
        )


def _references(text: str | None, context: str) -> set[str]:
    if not text or not text.strip():
        return set()
    try:
        return set(parse(text).references(context))
    except ExpressionError:
        return set()  # reported as a syntax error by form check, refused by the loader


def value_cycles(form: Form) -> list[Cycle]:
    """Every ring of calculations and relevance in ``form``, in the form's order."""
    order = {node.path: i for i, node in enumerate(form.root.walk())}
    # reads[path] = [(path read, column, node whose expression it is)]
    reads: dict[str, list[tuple[str, str, FormNode]]] = {}
    for node in form.root.walk():
        if node.kind is Kind.ROOT:
            continue
        if node.bind.calculate:
            for ref in _references(node.bind.calculate, node.path):
                if ref in form.nodes:
                    reads.setdefault(node.path, []).append((ref, "calculation", node))
        if node.bind.relevant:
            refs = [r for r in _references(node.bind.relevant, node.path) if r in form.nodes]
            for below in node.walk():  # a group's relevance empties every field in it
                for ref in refs:
                    if ref == below.path and below is node:
                        continue  # a field that reads itself to decide its own relevance
                    reads.setdefault(below.path, []).append((ref, "relevant", node))
    graph = {path: sorted({ref for ref, _c, _n in edges}) for path, edges in reads.items()}
    cycles = []
    for component in _strongly_connected(graph, order):
        members = set(component)
        if len(component) == 1:
            path = component[0]
            if path not in graph.get(path, ()):
                continue
        links: dict[tuple[str, str, str], tuple[FormNode, str, FormNode]] = {}
        for path in sorted(members, key=lambda p: order.get(p, 0)):
            for ref, column, source in reads.get(path, ()):
                if ref in members:
                    links.setdefault(
                        (path, column, source.path), (form.nodes[path], column, source)
                    )
        cycles.append(Cycle(tuple(links.values())))
    cycles.sort(key=lambda c: order.get(c.links[0][0].path, 0))
    return cycles


def _strongly_connected(graph: dict[str, list[str]], order: dict[str, int]) -> list[list[str]]:
    """Tarjan's strongly connected components, iterative (forms can be deep)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0

    for start in sorted(graph, key=lambda p: order.get(p, 0)):
        if start in index:
            continue
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        work = [(start, iter(graph.get(start, ())))]
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = counter
                    counter += 1
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(graph.get(succ, ()))))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components
