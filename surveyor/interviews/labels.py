"""What a person reads: labels and choices in the session's language, ``jr:itext``,
``jr:choice-name`` and ``pulldata`` look-ups.

Functions of a session (its form, language and expression environment); none changes an
answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from surveyor.errors import ExpressionError
from surveyor.expressions import Node
from surveyor.expressions import parse
from surveyor.expressions import to_string
from surveyor.forms.model import Form
from surveyor.forms.model import FormNode

if TYPE_CHECKING:
    from surveyor.interviews.session import InterviewSession


def translate(texts: dict[str, str], language: str | None, default_language: str | None) -> str:
    """The text in ``language``, else the form's default language, else any."""
    if not texts:
        return ""
    for lang in (language, default_language, "", "default"):
        if lang is not None and texts.get(lang):
            return texts[lang]
    return next((t for t in texts.values() if t), "")


def choices(session: InterviewSession, node: Node) -> list[tuple[str, str]]:
    """The (value, label) pairs offered for ``node`` now, in the session's language."""
    template = session.template_of(node)
    if template.itemset is not None:
        expr = session.compiled.itemsets[template.path]
        env = session.env
        env.current = node
        try:
            items = expr.evaluate(node, env)
        except ExpressionError:
            return []
        if not isinstance(items, list):
            return []
        value_expr = parse(template.itemset.value_ref)
        label_expr = parse(template.itemset.label_ref)
        result = []
        for item in items:
            value = to_string(value_expr.evaluate(item, env))
            label = to_string(label_expr.evaluate(item, env))
            result.append((value, label or value))
        return result
    return [
        (choice.name, session.translate(choice.label) or choice.name)
        for choice in (template.choices or [])
    ]


def itext(form: Form, text_id: str, language: str | None) -> str:
    """``jr:itext(text_id)``: the form's translation, falling back through its languages."""
    translations = form.itext
    for lang in (language, form.default_language, *translations):
        forms = translations.get(lang or "", {}).get(text_id)
        if forms:
            return forms.get("", next(iter(forms.values())))
    return ""


def choice_name(session: InterviewSession, value: str, target: str | Node) -> str:
    """``jr:choice-name(value, question)``: the label of the choice ``value`` offers."""
    path = target if isinstance(target, str) else session.template_of(target).path
    template: FormNode | None = session.form.nodes.get(path)
    if template is None:
        return ""
    if template.choices:
        for choice in template.choices:
            if choice.name == value:
                return session.translate(choice.label)
    elif template.itemset is not None:
        nodes = session.nodes_of(path)
        for choice_value, label in choices(session, nodes[0]) if nodes else ():
            if choice_value == value:
                return label
    return ""


def pulldata(
    instances: dict[str, Node], instance_id: str, column: str, key_column: str, key: str
) -> str:
    """``pulldata()``: ``column`` of the first row of a secondary instance whose
    ``key_column`` is ``key``."""
    doc = instances.get(instance_id)
    if doc is None:
        return ""
    for root in doc.elements():
        for item in root.elements():
            keys = item.elements(key_column)
            if keys and keys[0].text == key:
                found = item.elements(column)
                return found[0].text if found else ""
    return ""
