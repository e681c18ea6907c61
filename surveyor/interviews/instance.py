"""The interview's instance tree: XForm instance nodes that carry their own session state.

Each node of an interview's primary instance knows the form node it instantiates and its
relevance, as attributes (slots) of the node itself. The state lives and dies with the node:
no table keyed by ``id(node)`` to keep in step when repeat instances come and go, and no
stale entry when Python reuses the address of a node that was removed.
"""

from __future__ import annotations

from collections.abc import Iterator

from surveyor.expressions import Node
from surveyor.forms.model import FormNode


class InstanceNode(Node):
    """A node of an interview's primary instance.

    ``template``: the form node it instantiates (None for the document node);
    ``hidden``: not relevant, by its own ``relevant`` or an ancestor's;
    ``relevant_alone``: the result of its own ``relevant`` expression (True without one);
    ``kept``: while hidden, the answer expressions do not see (it comes back when shown).
    """

    __slots__ = ("template", "hidden", "relevant_alone", "kept")

    template: FormNode | None
    hidden: bool
    relevant_alone: bool
    kept: str


def new_element(template: FormNode) -> InstanceNode:
    """A detached element for ``template``, relevant and empty."""
    node = InstanceNode.element(template.name)
    node.template = template
    node.hidden = False
    node.relevant_alone = True
    node.kept = ""
    return node


def new_document() -> InstanceNode:
    node = InstanceNode.document()
    node.template = None
    node.hidden = False
    node.relevant_alone = True
    node.kept = ""
    return node


def reset_relevance(root: Node) -> None:
    """Every node below ``root`` relevant again, nothing kept aside (the texts stay as they are)."""
    for node in walk(root):
        node.hidden = False
        node.relevant_alone = True
        node.kept = ""


def walk(node: Node) -> Iterator[Node]:
    """``node`` and its element descendants, in document order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.elements()))


def is_inside(node: Node, ancestor: Node) -> bool:
    probe = node
    while probe is not None:
        if probe is ancestor:
            return True
        probe = probe.parent
    return False


def index_after(children: list[Node], node: Node) -> int:
    """The index right after ``node`` in ``children``, searched from the end: the last
    instance of a repeat is near the end (list.index from the start made 10,000 instances
    quadratic)."""
    for i in range(len(children) - 1, -1, -1):
        if children[i] is node:
            return i + 1
    raise ValueError("not a child")


def walk_path(under: Node, base: str, path: str) -> list[Node]:
    """The nodes at template ``path`` below ``under``, whose template path is ``base``."""
    if path == base:
        return [under]
    if not path.startswith(base + "/"):
        return []
    nodes = [under]
    for step in path[len(base) + 1 :].split("/"):
        nodes = [child for n in nodes for child in n.elements(step)]
        if not nodes:
            break
    return nodes


def is_within(path: str, ancestor: str) -> bool:
    """Whether template ``path`` is ``ancestor`` or below it."""
    return path == ancestor or path.startswith(ancestor + "/")
