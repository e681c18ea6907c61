"""The questions of a form as results see them: kind, label in a language, choices, repeat.

Kinds: ``single`` (select_one), ``multiple`` (select_multiple, rank), ``number`` (integer,
decimal, range, and calculations whose values are all numbers), ``date`` (date, dateTime) and
``text``. Notes, metadata (start, end, deviceid...), groups and files are not questions here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field

from defusedxml import ElementTree

from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind

SINGLE = "single"
MULTIPLE = "multiple"
NUMBER = "number"
DATE = "date"
TEXT = "text"
CALCULATED = "calculated"  # a calculation: a number if every value is one, else left out

_KINDS = {
    "select_one": SINGLE,
    "select_one_from_file": SINGLE,
    "select_multiple": MULTIPLE,
    "select_multiple_from_file": MULTIPLE,
    "rank": MULTIPLE,
    "integer": NUMBER,
    "decimal": NUMBER,
    "range": NUMBER,
    "date": DATE,
    "datetime": DATE,
    "dateTime": DATE,
    "text": TEXT,
    "calculate": CALCULATED,
}
_XFORM_KINDS = {
    "select1": SINGLE,
    "select": MULTIPLE,
    "odk:rank": MULTIPLE,
    "int": NUMBER,
    "decimal": NUMBER,
    "date": DATE,
    "dateTime": DATE,
    "string": TEXT,
}


def pick_language(form: Form, language: str | None) -> str | None:
    """The form's language whose name carries ``language`` (``"fr"`` matches
    "Français (fr)"), else the form's default one."""
    if language:
        for name in form.languages:
            if f"({language})" in name or name.lower().startswith(language.lower()):
                return name
    return form.default_language


_OUTPUT = re.compile(r"<output\s+value=\"[^\"]*\"\s*/>")


def text_in(texts: dict[str, str], language: str | None, form: Form) -> str:
    """A label in ``language`` (else the default), on one line, ``${x}`` shown as "…"."""
    text = (
        texts.get(language or "")
        or texts.get(form.default_language or "")
        or texts.get("")
        or next((t for t in texts.values() if t), "")
    )
    return " ".join(_OUTPUT.sub("…", text).split())


@dataclass(slots=True)
class Question:
    """One question of a form, for results."""

    name: str
    path: str
    kind: str
    type: str  # the XLSForm type as written (select_one, integer...)
    label: str
    choices: dict[str, str] = field(default_factory=dict)  # code -> label, in form order
    repeat: str | None = None  # name of the innermost enclosing repeat
    repeat_path: str | None = None
    repeat_chain: tuple[str, ...] = ()  # names of the enclosing repeats, outermost first
    personal: bool = False

    @property
    def per_member(self) -> bool:
        return self.repeat is not None

    def choice_label(self, code: str) -> str:
        return self.choices.get(code, code)


def _kind(node: FormNode) -> str | None:
    if node.kind is not Kind.FIELD:
        return None
    if node.bind.preload or node.path.split("/")[2:3] == ["meta"]:
        return None
    if node.type in _KINDS:
        return _KINDS[node.type]
    if node.type in {"note", "acknowledge", "trigger"} or node.control == "trigger":
        return None
    if node.control is None and node.bind.calculate:
        return CALCULATED
    if node.control is None:
        return None
    if node.control in {"select1", "select", "odk:rank"}:
        return _XFORM_KINDS[node.control]
    if node.control == "upload":
        return None
    return _XFORM_KINDS.get(node.bind.type)


def itemset_choices(form: Form, instance_id: str | None, language: str | None) -> dict[str, str]:
    """code -> label of every item of a choice list kept as a secondary instance (a select
    with a choice_filter): labels through itext, or a ``label`` element."""

    text = form.secondary_instances.get(instance_id or "")
    if not text:
        return {}
    try:
        root = ElementTree.fromstring(text)
    except Exception:  # noqa: BLE001 - defusedxml raises ParseError and its own errors
        return {}
    itext = form.itext.get(language or "") or form.itext.get(form.default_language or "") or {}
    if not itext and form.itext:
        itext = next(iter(form.itext.values()))
    out = {}
    for item in root:
        name = (item.findtext("name") or "").strip()
        if not name:
            continue
        label = ""
        text_id = item.findtext("itextId")
        if text_id:
            label = (itext.get(text_id) or {}).get("", "")
        label = label or item.findtext("label") or name
        out[name] = " ".join(label.split())
    return out


def questions_of(
    form: Form, language: str | None = None, personal: frozenset[str] = frozenset()
) -> dict[str, Question]:
    """name -> Question, in the form's order."""
    lang = pick_language(form, language)
    result: dict[str, Question] = {}
    for node in form.root.walk():
        kind = _kind(node)
        if kind is None:
            continue
        choices = {}
        for choice in node.choices or []:
            choices[choice.name] = text_in(choice.label, lang, form) or choice.name
        if not choices and node.itemset is not None:
            choices = itemset_choices(form, node.itemset.instance_id, lang)
        repeats = node.repeat_ancestors()
        result[node.name] = Question(
            name=node.name,
            path=node.path,
            kind=kind,
            type=node.type,
            label=text_in(node.label, lang, form) or node.name,
            choices=choices,
            repeat=repeats[-1].name if repeats else None,
            repeat_path=repeats[-1].path if repeats else None,
            repeat_chain=tuple(r.name for r in repeats),
            personal=node.name in personal,
        )
    return result


__all__ = [
    "CALCULATED",
    "DATE",
    "MULTIPLE",
    "NUMBER",
    "SINGLE",
    "TEXT",
    "Question",
    "pick_language",
    "questions_of",
    "text_in",
]
