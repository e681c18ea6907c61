"""Answers in and out: the JSON shape of ``surveyor fill --answers`` and of the store.

An answers dict is keyed by XLSForm name: groups flattened, a repeat as a list of dicts of
the same shape, every value a string as the submission holds it (docs/ARCHITECTURE.md,
"Data formats"). ``collect`` reads it from a session; ``load`` applies one to a session.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from typing import TYPE_CHECKING

from surveyor.expressions import Node
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind
from surveyor.interviews.validation import Problem
from surveyor.interviews.validation import limit_message

if TYPE_CHECKING:
    from surveyor.interviews.session import InterviewSession

# XLSForm types whose value the engine fills itself: never taken from an answers file.
METADATA_TYPES = {
    "start",
    "end",
    "today",
    "deviceid",
    "username",
    "subscriberid",
    "simserial",
    "phonenumber",
    "email",
    "audit",
}


def collect(session: InterviewSession, *, include_hidden: bool = True) -> dict:
    """The session's answers; with ``include_hidden`` (drafts) non-relevant answers are
    kept, without they are empty, as in the submission."""
    return _collect(session, session.root, include_hidden)


def _collect(session: InterviewSession, node: Node, include_hidden: bool) -> dict:
    out: dict = {}
    for child in node.elements():
        template = child.template
        if template.kind is Kind.REPEAT:
            items = out.setdefault(template.name, [])
            if include_hidden or not child.hidden:  # as in the submission
                items.append(_collect(session, child, include_hidden))
        elif template.kind is Kind.GROUP:
            if template.name == "meta" and template.parent is session.form.root:
                continue
            out.update(_collect(session, child, include_hidden))
        else:
            out[template.name] = session.value(child) if include_hidden else child.text
    # repeats with no instance are an empty list
    for child_template in child_repeats(node.template):
        out.setdefault(child_template.name, [])
    return out


def load(session: InterviewSession, answers: dict, *, restore: bool = False) -> list[Problem]:
    """Apply an answers dict (the shape ``collect`` returns) in one recomputation.

    Unknown names are reported (code ``unknown``) instead of being ignored; values for
    calculations are skipped since the engine computes them. Metadata (start, today,
    deviceid...) is filled by the engine for a new interview; with ``restore`` (reopening
    a stored interview) the stored values are taken as they were.
    """
    problems: list[Problem] = []
    with session.bulk():
        _load_into(session, session.root, session.form.root, answers, problems, restore)
    return problems


def _load_into(
    session: InterviewSession,
    node: Node,
    template: FormNode,
    answers: dict,
    problems: list[Problem],
    restore: bool,
) -> None:
    names = names_below(template)
    repeats: list[tuple[str, FormNode, object]] = []
    for key, value in answers.items():
        target = names.get(key)
        if target is None:
            problems.append(Problem(key, session.location_of(node) + "/" + key, "unknown"))
            continue
        if target.kind is Kind.REPEAT:
            # after the fields: a repeat count may read any of them, through calculations
            repeats.append((key, target, value))
            continue
        if target.kind is not Kind.FIELD:
            problems.append(Problem(key, target.path, "type", "a group takes no value"))
            continue
        if target.bind.calculate:
            continue
        if target.type in METADATA_TYPES or target.bind.preload:
            if restore and isinstance(value, str):
                for field_node in session.nodes_of(target.path, under=node):
                    session.write(field_node, value)
            continue
        for field_node in session.nodes_of(target.path, under=node):
            session.set_answer(field_node, value)
    if any(target.repeat_count is not None for _, target, _ in repeats):
        # in a batch nothing has been recomputed yet: bring calculations, relevance and
        # repeat counts up to date with the fields loaded so far
        session.recompute_all()
    for key, target, value in repeats:
        _load_repeat(session, node, key, target, value, problems, restore)


def _load_repeat(
    session: InterviewSession,
    node: Node,
    key: str,
    target: FormNode,
    value,
    problems: list[Problem],
    restore: bool,
) -> None:
    if not isinstance(value, list):
        problems.append(Problem(key, session.location_of(node), "type", "a repeat takes a list"))
        return
    parents = session.nodes_of(target.parent.path, under=node)
    if not parents:
        return
    parent = parents[0]
    existing = parent.elements(target.name)
    limit = session.max_repeat_instances
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            problems.append(
                Problem(key, session.location_of(node), "type", "a repeat item is an object")
            )
            continue
        if index < len(existing):
            instance = existing[index]
        elif index >= limit:
            where = f"{session.location_of(parent)}/{key}"
            message = f"{len(value):,} items; " + limit_message(key, limit)
            problems.append(Problem(key, where, "limit", message))
            break
        elif target.repeat_count is None:
            instance = session.add_repeat(target, under=parent)
        else:
            problems.append(
                Problem(
                    key,
                    session.location_of(parent) + "/" + target.name,
                    "type",
                    f"more items than the repeat count ({len(existing)})",
                )
            )
            break
        _load_into(session, instance, target, item, problems, restore)
    if target.repeat_count is None:
        # the list is the whole repeat: instances beyond it (such as the one a form
        # starts with) are removed
        for extra in parent.elements(target.name)[len(value) :]:
            session.remove_repeat(extra)


def child_repeats(template: FormNode) -> Iterator[FormNode]:
    """Repeats directly below ``template``, looking through groups (not other repeats)."""
    for child in template.children:
        if child.kind is Kind.REPEAT:
            yield child
        elif child.kind is Kind.GROUP:
            yield from child_repeats(child)


def names_below(template: FormNode) -> dict[str, FormNode]:
    """XLSForm names reachable from ``template`` without entering a repeat."""
    names: dict[str, FormNode] = {}
    stack = list(template.children)
    while stack:
        node = stack.pop()
        names.setdefault(node.name, node)
        if node.kind is Kind.GROUP:
            stack.extend(node.children)
    return names


def format_datetime(moment: datetime) -> str:
    """ODK's dateTime form: 2026-11-22T17:40:00.000+01:00."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="milliseconds")


def normalize_answer(template: FormNode, value) -> str:
    """Turn an answer as given (str, number, bool, list, date) into its instance text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value if str(v) != "")
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if template.control in ("select", "odk:rank"):
        return " ".join(text.split())
    if template.bind.type in ("int", "decimal"):
        return text.strip()
    return text
