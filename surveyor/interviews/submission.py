"""The interview as it is handed over: the OpenRosa submission XML, and ``freeze`` to show a
finalized interview exactly as it was stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from surveyor.expressions import Node
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind
from surveyor.interviews.answers import names_below
from surveyor.interviews.answers import normalize_answer
from surveyor.interviews.instance import reset_relevance
from surveyor.interviews.validation import Problem

if TYPE_CHECKING:
    from surveyor.interviews.session import InterviewSession


def to_xml(session: InterviewSession) -> str:
    """The interview as an OpenRosa submission (XForm instance XML).

    Non-relevant repeat instances are left out; non-relevant fields are empty (the session
    hides their answers); ``meta/instanceID`` is the session's, ``meta/deprecatedID`` names
    the revision it replaces.
    """
    form = session.form
    parts = ['<?xml version="1.0" encoding="UTF-8"?>']
    root = session.root
    attrs = (
        ' xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"'
        f' id="{escape(form.form_id)}"'
    )
    if form.version:
        attrs += f' version="{escape(form.version)}"'
    parts.append(f"<{root.name}{attrs}>")
    _xml_children(session, root, parts)
    parts.append(f"</{root.name}>")
    return "".join(parts)


def _xml_children(session: InterviewSession, node: Node, parts: list[str]) -> None:
    has_meta = False
    deprecated_id = session.deprecated_id
    for child in node.elements():
        template = child.template
        if template.kind is Kind.REPEAT and child.hidden:
            continue
        if template.kind is Kind.FIELD:
            value = child.text
            if template.path.endswith("/meta/instanceID"):
                value = session.instance_id
            parts.append(
                f"<{child.name}>{escape(value)}</{child.name}>" if value else f"<{child.name}/>"
            )
            continue
        parts.append(f"<{child.name}>")
        _xml_children(session, child, parts)
        if template.name == "meta" and template.parent is session.form.root:
            has_meta = True
            if deprecated_id:
                parts.append(f"<deprecatedID>{escape(deprecated_id)}</deprecatedID>")
        parts.append(f"</{child.name}>")
    if node is session.root and not has_meta:
        parts.append(f"<meta><instanceID>{escape(session.instance_id)}</instanceID>")
        if deprecated_id:
            parts.append(f"<deprecatedID>{escape(deprecated_id)}</deprecatedID>")
        parts.append("</meta>")


def freeze(session: InterviewSession, answers: dict, *, instance_name: str = "") -> list[Problem]:
    """Show exactly ``answers``, as a finalized interview stored them: every value, the
    calculations and metadata included, nothing recomputed and nothing hidden.

    Rendering a finalized interview this way gives the same bytes every time, even when
    a calculation uses now(), random() or uuid(): a submission sent again is then the
    same submission (the server takes it as a duplicate, not as a conflict).
    """
    problems: list[Problem] = []
    reset_relevance(session.root)
    with session.bulk(recompute=False):  # no propagation while values are put back
        _freeze_into(session, session.root, session.form.root, answers, problems)
    for template in session.form.root.walk():
        if template.path.endswith("/meta/instanceName"):
            for node in session.nodes_of(template.path):
                node.text = instance_name
    return problems


def _freeze_into(
    session: InterviewSession,
    node: Node,
    template: FormNode,
    answers: dict,
    problems: list[Problem],
) -> None:
    names = names_below(template)
    for key, value in answers.items():
        target = names.get(key)
        if target is None:
            problems.append(Problem(key, session.location_of(node) + "/" + key, "unknown"))
        elif target.kind is Kind.REPEAT:
            parent = session.nodes_of(target.parent.path, under=node)
            if not parent or not isinstance(value, list):
                continue
            for existing in parent[0].elements(target.name):
                session.drop_instance(existing)
            for item in value:
                if isinstance(item, dict):
                    instance = session.insert_instance(target, parent[0])
                    _freeze_into(session, instance, target, item, problems)
        elif target.kind is Kind.FIELD:
            for field_node in session.nodes_of(target.path, under=node):
                field_node.text = normalize_answer(target, value)


def escape(text: str) -> str:
    """``text`` for XML element content or a double-quoted attribute."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
