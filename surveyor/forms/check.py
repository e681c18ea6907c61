"""Check an XLSForm: pyxform's errors, plus what pyxform does not check (expressions).

Each problem names its file, sheet and spreadsheet row (header row = 1).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from surveyor.errors import ExpressionError
from surveyor.errors import FormError
from surveyor.expressions import KNOWN_FUNCTIONS
from surveyor.expressions import parse
from surveyor.forms.cycles import value_cycles
from surveyor.forms.loader import FormProblem
from surveyor.forms.loader import load_form_bytes
from surveyor.forms.loader import media_beside
from surveyor.forms.loader import pyxform_problem
from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind
from surveyor.forms.xform import LAST_SAVED_RE
from surveyor.forms.xform import last_saved_uses

__all__ = ["FormProblem", "check_form", "check_loaded_form"]

# XForm bind attribute -> the XLSForm column the person wrote it in.
_COLUMNS = [
    ("relevant", "relevant"),
    ("required", "required"),
    ("constraint", "constraint"),
    ("calculate", "calculation"),
    ("readonly", "read_only"),
]
_POSITION_RE = re.compile(r"\s*at position \d+")


def check_form(path) -> list[FormProblem]:
    """Every problem of the form file at ``path``; an empty list when it is valid."""
    path = Path(path)
    file = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [FormProblem(file, "", None, f"cannot read the file: {exc.strerror or exc}")]
    try:
        form = load_form_bytes(data, path.name, media=media_beside(path), refuse_cycles=False)
    except FormError as exc:
        if exc.problems:
            return [dataclasses.replace(p, file=file) for p in exc.problems]
        message = str(exc)
        if message.startswith(path.name + ": "):
            message = message[len(path.name) + 2 :]
        if message.startswith("not an X"):
            return [FormProblem(file, "", None, message)]
        problem = pyxform_problem(file, message)
        return [problem]
    return check_loaded_form(form, file)


def check_loaded_form(form: Form, file: str) -> list[FormProblem]:
    """The problems pyxform does not find in a form it converted."""
    problems: list[FormProblem] = []

    def check(node: FormNode | None, column: str, text: str | None, sheet="survey", row=None):
        if text is None or not text.strip():
            return None
        row = row if row is not None else (node.row if node is not None else None)
        context = node.path if node is not None else form.root.path
        try:
            expression = parse(text)
        except ExpressionError as exc:
            reason = _POSITION_RE.sub("", str(exc))
            problems.append(
                FormProblem(
                    file,
                    sheet,
                    row,
                    f"{column}: syntax error ({reason}) in {_show(text)}",
                    code="syntax",
                    args=(column, _show(text)),
                )
            )
            return None
        for name in sorted(expression.functions() - set(KNOWN_FUNCTIONS)):
            problems.append(
                FormProblem(
                    file,
                    sheet,
                    row,
                    f"{column}: unknown function {name}()",
                    code="unknown_function",
                    args=(column, name),
                )
            )
        try:
            references = expression.references(context)
        except ExpressionError:
            references = set()
        if column in (
            "relevant",
            "constraint",
            "required",
            "read_only",
            "calculation",
            "choice_filter",
            "repeat_count",
        ):
            for ref in sorted(references):
                if not ref.startswith(form.root.path + "/"):
                    continue  # inside a secondary instance
                if ref not in form.nodes and not _inside_field(ref, form):
                    problems.append(
                        FormProblem(
                            file,
                            sheet,
                            row,
                            f"{column} refers to {ref}, which is not in the form",
                            code="missing_reference",
                            args=(column, ref),
                        )
                    )
        return references

    for node in form.root.walk():
        if node.kind is Kind.ROOT or node.row is None:
            continue
        for attribute, column in _COLUMNS:
            check(node, column, getattr(node.bind, attribute))
        if node.itemset is not None:
            check(node, "choice_filter", node.itemset.nodeset)
        if node.repeat_count:
            check(node, "repeat_count", node.repeat_count)
            # pyxform turns a repeat_count expression into a calculate <repeat>_count.
            counter = form.nodes.get(node.repeat_count.strip())
            if counter is not None and counter.row is None and counter.bind.calculate:
                check(node, "repeat_count", counter.bind.calculate)
        if node.bind.constraint and node.type == "note":
            # pyxform, Kobo and Collect accept it; nothing is ever typed into a note
            problems.append(
                FormProblem(
                    file,
                    "survey",
                    node.row,
                    "a note's constraint is never checked",
                    warning=True,
                    code="note_constraint",
                )
            )
    for node, column, text in last_saved_uses(form):
        for name in LAST_SAVED_RE.findall(text):
            message = f"{column}: ${{last-saved#{name}}} is not supported (it reads as empty)"
            problems.append(
                FormProblem(
                    file,
                    "survey",
                    node.row,
                    message,
                    warning=True,
                    code="last_saved",
                    args=(column, name),
                )
            )
    for action in form.setvalues:
        target = form.nodes.get(action.ref)
        if target is None or target.row is None or not action.value:
            continue
        column = "calculation" if action.trigger else "default"
        check(target, column, action.value)
    if form.instance_name:
        check(None, "instance_name", form.instance_name, sheet="settings", row=2)
    for feature in form.unsupported:
        if feature.feature == "last_saved":
            continue  # said above, with its column
        problems.append(
            FormProblem(
                file,
                "survey" if feature.row else "",
                feature.row,
                f"not supported yet: {feature}",
                warning=True,
                code="unsupported",
                unsupported=feature,
            )
        )
    problems.extend(_cycles(form, file))
    problems = list(dict.fromkeys(problems))
    problems.sort(key=lambda p: (p.sheet != "survey", p.row or 0))
    return problems


def _inside_field(ref: str, form: Form) -> bool:
    """A reference below a field (e.g. into a geopoint's parts) or to the root."""
    if ref in ("/", form.root.path):
        return True
    parent = ref.rsplit("/", 1)[0]
    while parent:
        node = form.nodes.get(parent)
        if node is not None:
            return node.kind is Kind.FIELD
        parent = parent.rsplit("/", 1)[0]
    return False


def _show(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= 80 else text[:77] + "...")


def _cycles(form: Form, file: str) -> list[FormProblem]:
    """One problem per ring of calculations and relevance (see surveyor.forms.cycles)."""
    problems = []
    for cycle in value_cycles(form):
        first = cycle.links[0][0]
        problems.append(
            FormProblem(
                file,
                "survey",
                first.row,
                cycle.describe(),
                code="cycle",
                args=tuple(cycle.names()),
            )
        )
    return problems
