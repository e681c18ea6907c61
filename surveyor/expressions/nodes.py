"""The XML-like tree the expressions run on: primary instance, secondary instances, test documents.

One class, :class:`Node`, for every kind of node. Element children are kept in order with a per-name
index (so ``/data/q1500`` on a node with 2,000 children is a dictionary look-up); a leaf element's
value lives in one text child node, reached and replaced in O(1) through the ``text`` property.
Document order is an order key computed on demand and cached until the tree changes.
"""

from __future__ import annotations

import xml.parsers.expat
from collections.abc import Iterator

from surveyor.errors import ExpressionError
from surveyor.xmlsafe import refuse_entities

DOCUMENT = "document"
ELEMENT = "element"
ATTRIBUTE = "attribute"
TEXT = "text"
COMMENT = "comment"
PI = "processing-instruction"

XML_NS = "http://www.w3.org/XML/1998/namespace"


class _Tree:
    """State shared by every node of one tree: a version bumped on structural changes."""

    __slots__ = ("version",)

    def __init__(self) -> None:
        self.version = 0


class Node:
    """A document, element, attribute, text (or, in parsed test documents, comment/PI) node."""

    __slots__ = (
        "kind",
        "name",
        "prefix",
        "namespace",
        "parent",
        "children",
        "_attributes",
        "_by_name",
        "value",
        "_okey",
        "_okey_version",
        "_tree",
    )

    def __init__(self, kind: str, name: str = "", value: str = "", prefix: str = "") -> None:
        self.kind = kind
        self.name = name
        self.prefix = prefix
        self.namespace = ""
        self.parent: Node | None = None
        self.children: list[Node] = []
        self._attributes: dict[str, Node] | None = None
        self._by_name: dict[str, list[Node]] | None = None
        self.value = value  # text of text/attribute/comment/PI nodes
        self._okey: tuple | None = None
        self._okey_version = -1
        self._tree = _Tree()

    # -- construction ---------------------------------------------------------------------------
    @classmethod
    def document(cls) -> Node:
        return cls(DOCUMENT)

    @classmethod
    def element(cls, name: str, text: str | None = None) -> Node:
        prefix, _, local = name.rpartition(":")
        node = cls(ELEMENT, local, prefix=prefix)
        if text:
            node.text = text
        return node

    def __repr__(self) -> str:
        if self.kind == ELEMENT:
            return f"<Node element {self.qname}>"
        if self.kind == ATTRIBUTE:
            return f"<Node @{self.qname}={self.value!r}>"
        if self.kind == TEXT:
            return f"<Node text {self.value!r}>"
        return f"<Node {self.kind}>"

    @property
    def qname(self) -> str:
        return f"{self.prefix}:{self.name}" if self.prefix else self.name

    def _set_tree(self, tree: _Tree) -> None:
        self._tree = tree
        if self._attributes:
            for a in self._attributes.values():
                a._tree = tree
        for child in self.children:
            child._set_tree(tree)

    def _changed(self) -> None:
        self._tree.version += 1

    # -- children -------------------------------------------------------------------------------
    def append(self, child: Node) -> Node:
        if child.parent is not None:
            child.parent.remove(child)
        child.parent = self
        if child._tree is not self._tree:
            child._set_tree(self._tree)
        self.children.append(child)
        if child.kind == ELEMENT and self._by_name is not None:
            self._by_name.setdefault(child.name, []).append(child)
        self._changed()
        return child

    def insert(self, index: int, child: Node) -> Node:
        if child.parent is not None:
            child.parent.remove(child)
        child.parent = self
        if child._tree is not self._tree:
            child._set_tree(self._tree)
        by_name = self._by_name
        if by_name is not None and child.kind == ELEMENT:
            same = by_name.get(child.name)
            if not same:
                by_name[child.name] = [child]
            elif 0 < index <= len(self.children) and self.children[index - 1] is same[-1]:
                same.append(child)  # right after the last of its name (a new repeat instance)
            else:
                self._by_name = None  # rebuilt lazily, in order
        self.children.insert(index, child)
        self._changed()
        return child

    def remove(self, child: Node) -> None:
        self.children.remove(child)
        child.parent = None
        child._set_tree(_Tree())
        if child.kind == ELEMENT and self._by_name is not None:
            same = self._by_name.get(child.name)
            if same is not None:
                same.remove(child)
        self._changed()

    def _index(self) -> dict[str, list[Node]]:
        index = self._by_name
        if index is None:
            index = {}
            for c in self.children:
                if c.kind == ELEMENT:
                    index.setdefault(c.name, []).append(c)
            self._by_name = index
        return index

    def elements(self, name: str | None = None) -> list[Node]:
        """Element children in order, all of them or those with this local name."""
        if name is None:
            return [c for c in self.children if c.kind == ELEMENT]
        return list(self._index().get(name, ()))

    def _named(self, name: str) -> list[Node]:
        """Like elements(name) without copying (internal: do not mutate the result)."""
        return self._index().get(name, _EMPTY)

    def element_child(self, name: str) -> Node | None:
        found = self._index().get(name)
        return found[0] if found else None

    # -- text -----------------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The value of a leaf element (its text children joined), or the node's own value."""
        if self.kind in (ELEMENT, DOCUMENT):
            children = self.children
            if len(children) == 1 and children[0].kind == TEXT:
                return children[0].value
            return "".join(c.value for c in children if c.kind == TEXT)
        return self.value

    @text.setter
    def text(self, value: str | None) -> None:
        value = "" if value is None else str(value)
        if self.kind != ELEMENT:
            self.value = value
            return
        children = self.children
        if len(children) == 1 and children[0].kind == TEXT:
            if value:
                children[0].value = value
            else:
                children[0].parent = None
                children.clear()
                self._changed()
            return
        texts = [c for c in children if c.kind == TEXT]
        for t in texts:
            children.remove(t)
            t.parent = None
        if value:
            t = Node(TEXT, value=value)
            t.parent = self
            t._tree = self._tree
            children.append(t)
        self._changed()

    def string_value(self) -> str:
        kind = self.kind
        if kind in (ELEMENT, DOCUMENT):
            children = self.children
            if not children:
                return ""
            if len(children) == 1 and children[0].kind == TEXT:
                return children[0].value
            return "".join(t.value for t in self.descendants() if t.kind == TEXT)
        return self.value

    # -- attributes -----------------------------------------------------------------------------
    def attribute(self, name: str) -> str | None:
        if not self._attributes:
            return None
        a = self._attributes.get(name)
        return None if a is None else a.value

    def set_attribute(self, name: str, value: str) -> None:
        if self._attributes is None:
            self._attributes = {}
        a = self._attributes.get(name)
        if a is None:
            prefix, _, local = name.rpartition(":")
            a = Node(ATTRIBUTE, local, value=str(value), prefix=prefix)
            a.parent = self
            a._tree = self._tree
            self._attributes[name] = a
            self._changed()
        else:
            a.value = str(value)

    @property
    def attributes(self) -> list[Node]:
        return list(self._attributes.values()) if self._attributes else []

    # -- navigation -----------------------------------------------------------------------------
    def descendants(self) -> Iterator[Node]:
        """Descendants (not attributes) in document order."""
        stack = list(reversed(self.children))
        while stack:
            n = stack.pop()
            yield n
            if n.children:
                stack.extend(reversed(n.children))

    def root(self) -> Node:
        n = self
        while n.parent is not None:
            n = n.parent
        return n

    def path(self) -> str:
        """Absolute template path of an element or attribute (no positions), e.g. ``/data/g/q``."""
        parts = []
        n: Node | None = self
        while n is not None and n.kind in (ELEMENT, ATTRIBUTE):
            parts.append(("@" + n.name) if n.kind == ATTRIBUTE else n.name)
            n = n.parent
        return "/" + "/".join(reversed(parts))

    def order_key(self) -> tuple:
        """A key sorting nodes of one tree in document order (attributes after their element)."""
        version = self._tree.version
        if self._okey_version == version and self._okey is not None:
            return self._okey
        parent = self.parent
        if parent is None:
            key: tuple = ()
        else:
            pkey = parent.order_key()
            if self.kind == ATTRIBUTE:
                names = list(parent._attributes or ())
                key = pkey + (-1, names.index(self.qname) if self.qname in names else 0)
            else:
                # number all siblings at once
                for i, c in enumerate(parent.children):
                    c._okey = pkey + (i,)
                    c._okey_version = version
                return self._okey  # type: ignore[return-value]
        self._okey = key
        self._okey_version = version
        return key

    # -- serialisation --------------------------------------------------------------------------
    def to_xml(self) -> str:
        out: list[str] = []
        self._write(out)
        return "".join(out)

    def _write(self, out: list[str]) -> None:
        kind = self.kind
        if kind == TEXT:
            out.append(_escape_text(self.value))
        elif kind == DOCUMENT:
            for c in self.children:
                c._write(out)
        elif kind == ATTRIBUTE:
            out.append(f'{self.qname}="{_escape_attr(self.value)}"')
        elif kind == COMMENT:
            out.append(f"<!--{self.value}-->")
        elif kind == PI:
            out.append(f"<?{self.name} {self.value}?>")
        else:
            q = self.qname
            out.append("<" + q)
            if self._attributes:
                for a in self._attributes.values():
                    out.append(f' {a.qname}="{_escape_attr(a.value)}"')
            if not self.children:
                out.append("/>")
                return
            out.append(">")
            for c in self.children:
                c._write(out)
            out.append(f"</{q}>")


_EMPTY: list[Node] = []


def _escape_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attr(s: str) -> str:
    return (
        s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def parse_document(xml_text: str | bytes, *, keep_whitespace: bool = True) -> Node:
    """Parse XML text into a document :class:`Node`.

    Entity declarations are refused (no entity expansion attacks, no external entities); a plain
    ``<!DOCTYPE html>`` is accepted. With ``keep_whitespace=False`` whitespace-only text between
    elements is dropped (handy for secondary instances). Comments and processing instructions are
    kept as ``comment`` / ``processing-instruction`` nodes, a CDATA section as its own text node.
    """
    doc = Node.document()
    stack = [doc]
    ns_stack: list[dict[str, str]] = [{"xml": XML_NS}]
    pending: list[str] = []

    def flush() -> None:
        if pending:
            value = "".join(pending)
            pending.clear()
            parent = stack[-1]
            if parent.kind == DOCUMENT:
                return
            if not keep_whitespace and not value.strip():
                return
            parent.append(Node(TEXT, value=value))

    def start(name: str, attrs: list[str]) -> None:
        flush()
        scope = dict(ns_stack[-1])
        pairs = list(zip(attrs[0::2], attrs[1::2], strict=True))
        for k, v in pairs:
            if k == "xmlns":
                scope[""] = v
            elif k.startswith("xmlns:"):
                scope[k[6:]] = v
        ns_stack.append(scope)
        el = Node.element(name)
        el.namespace = scope.get(el.prefix, "")
        for k, v in pairs:
            if k == "xmlns" or k.startswith("xmlns:"):
                continue
            el.set_attribute(k, v)
            a = el._attributes[k]  # type: ignore[index]
            a.namespace = scope.get(a.prefix, "") if a.prefix else ""
        stack[-1].append(el)
        stack.append(el)

    def end(name: str) -> None:
        flush()
        stack.pop()
        ns_stack.pop()

    def chars(data: str) -> None:
        pending.append(data)

    def comment(data: str) -> None:
        flush()
        stack[-1].append(Node(COMMENT, value=data))

    def pi(target: str, data: str) -> None:
        flush()
        stack[-1].append(Node(PI, target, value=data))

    def cdata_edge() -> None:
        # like the browsers' DOM (which ODK's tests were written against), a CDATA section is a
        # text node of its own
        flush()

    def no_entities(*args) -> None:
        raise ExpressionError("XML entity declarations are not allowed")

    parser = xml.parsers.expat.ParserCreate()
    parser.ordered_attributes = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.CommentHandler = comment
    parser.StartCdataSectionHandler = cdata_edge
    parser.EndCdataSectionHandler = cdata_edge
    parser.ProcessingInstructionHandler = pi
    refuse_entities(parser, no_entities)
    if isinstance(xml_text, str):
        xml_text = xml_text.strip().encode("utf-8")
        # the encoding declaration may say otherwise: we give UTF-8 bytes
        if xml_text.startswith(b"<?xml"):
            end_decl = xml_text.find(b"?>")
            xml_text = xml_text[end_decl + 2 :]
    try:
        parser.Parse(xml_text, True)
    except xml.parsers.expat.ExpatError as e:
        raise ExpressionError(f"invalid XML: {e}") from None
    return doc
