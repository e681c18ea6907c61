"""Node.insert keeps the children-by-name index right (it is no longer rebuilt at each insert)."""

from __future__ import annotations

from surveyor.expressions import Node


def names(parent, name):
    return [c.text for c in parent.elements(name)]


def test_inserting_after_the_last_of_a_name_and_elsewhere_keeps_document_order():
    parent = Node.element("data")
    for tag, text in [("a", "1"), ("r", "r1"), ("b", "2")]:
        parent.append(Node.element(tag, text))
    assert names(parent, "r") == ["r1"]  # the index is built
    parent.insert(2, Node.element("r", "r2"))  # right after r1: appended to the index
    parent.insert(1, Node.element("r", "r0"))  # before r1: the index is rebuilt in order
    parent.insert(0, Node.element("c", "c1"))  # a new name
    assert names(parent, "r") == ["r0", "r1", "r2"]
    assert names(parent, "c") == ["c1"]
    assert [c.name for c in parent.elements()] == ["c", "a", "r", "r", "r", "b"]
    parent.insert(3, Node.element("r", "r0.5"))  # between r0 and r1
    assert names(parent, "r") == ["r0", "r0.5", "r1", "r2"]
