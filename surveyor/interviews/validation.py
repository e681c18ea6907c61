"""What keeps an interview from being finalized: required answers, constraints, types, limits.

``validate`` and ``check`` read a session and change nothing in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import time
from typing import TYPE_CHECKING

from surveyor.errors import ExpressionError
from surveyor.errors import ExpressionTimeout
from surveyor.expressions import Node
from surveyor.expressions import to_boolean
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind
from surveyor.interviews.compiled import Role
from surveyor.interviews.instance import walk

if TYPE_CHECKING:
    from surveyor.interviews.session import InterviewSession

# Instances one repeat may hold under one parent (docs/RELIABILITY.md). A repeat_count above
# it changes nothing and is a "limit" problem naming the repeat; answers with more items are
# a "limit" problem too; add_repeat() past it raises LimitError. Never a silent cap. A session
# reads it when it starts (``InterviewSession.max_repeat_instances``).
MAX_REPEAT_INSTANCES = 10_000


@dataclass(slots=True, frozen=True)
class Problem:
    """Something that keeps an interview from being finalized.

    ``code`` is ``required``, ``constraint``, ``type``, ``unknown``, ``timeout`` (the
    constraint could not be checked in time: a ``regex()`` that backtracks without end;
    ``message`` says which pattern) or ``limit`` (a repeat asked for more instances than
    ``MAX_REPEAT_INSTANCES``); ``message`` is the form's own message in the session's
    language when it has one (the UI supplies a translated default otherwise); ``path`` locates the instance node
    (``/data/members/member[2]/age``).
    """

    name: str
    path: str
    code: str
    message: str = ""

    def __str__(self) -> str:
        """One line naming the field: ``age (/data/member[2]/age): Between 0 and 110``."""
        return f"{self.name} ({self.path}): {self.describe()}"

    def describe(self) -> str:
        """The form's message, or a plain English default for the code."""
        if self.message:
            return self.message
        default = {
            "required": "an answer is required",
            "constraint": "the answer is not valid",
            "type": "the answer is not of the expected type",
            "unknown": "no such field in the form",
            "timeout": "the form's check of this answer took too long",
            "limit": "more repeat instances than a repeat may hold",
        }.get(self.code, self.code)
        return default


def limit_message(repeat: str, limit: int) -> str:
    return f"the repeat {repeat!r} holds at most {limit:,} instances"


def validate(session: InterviewSession) -> list[Problem]:
    """Every required answer missing, constraint broken or value of the wrong type."""
    problems: list[Problem] = []
    for node in walk(session.root):
        template = node.template
        if template.kind is not Kind.FIELD or node.hidden or template.control is None:
            continue
        problem = check(session, node)
        if problem is not None:
            problems.append(problem)
    limit = session.max_repeat_instances
    for comp in session.compiled.computations:
        if comp.role is not Role.COUNT:
            continue
        for parent in session.nodes_of(comp.target.parent.path):
            if parent.hidden:
                continue
            count = session.wanted_count(comp, parent)
            if count > limit:
                name = comp.target.name
                where = f"{session.location_of(parent)}/{name}"
                message = f"the repeat count asks for {count:,} instances; " + limit_message(
                    name, limit
                )
                problems.append(Problem(name, where, "limit", message))
    return problems


def check(session: InterviewSession, node: Node) -> Problem | None:
    """The first problem of one answer, or None."""
    template = session.template_of(node)

    def problem(code: str, message: str) -> Problem:
        return Problem(template.name, session.location_of(node), code, message)

    value = node.text
    if value == "":
        if session.is_required(node):
            return problem("required", session.translate(template.bind.required_message))
        return None
    type_problem = check_type(template, value)
    if type_problem:
        return problem("type", type_problem)
    if template.control in ("select1", "select") and "or_other" not in template.type:
        # the choices the question offers now: after its choice_filter, from its file
        itemset = template.itemset
        if itemset is not None and (
            itemset.instance_id is None or itemset.instance_id in session.env.instances
        ):
            allowed = {choice for choice, _ in session.choices(node)}
        elif itemset is not None:
            allowed = None  # its file is missing (the form says so when loaded)
        elif template.choices is not None:
            allowed = {c.name for c in template.choices}
        else:
            allowed = None
        picked = value.split() if template.control == "select" else [value]
        if allowed is not None and not all(p in allowed for p in picked):
            return problem("type", "not one of the choices")
    expr = session.compiled.constraints.get(template.path)
    if expr is not None:
        session.env.current = node
        try:
            valid = to_boolean(expr.evaluate(node, session.env))
        except ExpressionTimeout as exc:
            return problem("timeout", str(exc))
        except ExpressionError:
            valid = False
        if not valid:
            return problem("constraint", session.translate(template.bind.constraint_message))
    return None


_INT = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def check_type(template: FormNode, value: str) -> str:
    """A short English reason when ``value`` is not of the field's type, else ``""``."""
    kind = template.bind.type
    if kind == "int":
        if not _INT.fullmatch(value):
            return "a whole number is expected"
        if abs(int(value)) > 2**31 - 1:
            return "the number is too large"
    elif kind == "decimal":
        if not _DECIMAL.fullmatch(value):
            return "a number is expected"
    elif kind == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return "a date (YYYY-MM-DD) is expected"
    elif kind == "time":
        try:
            time.fromisoformat(value)
        except ValueError:
            return "a time (HH:MM) is expected"
    elif kind == "dateTime":
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return "a date and time is expected"
    elif kind == "geopoint":
        parts = value.split()
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            return "a position (latitude longitude) is expected"
        if len(numbers) < 2 or len(numbers) > 4:
            return "a position (latitude longitude) is expected"
        if not (-90 <= numbers[0] <= 90 and -180 <= numbers[1] <= 180):
            return "latitude must be within ±90 and longitude within ±180"
    return ""
