"""Which fields of a form are personal (names, phones, e-mails, addresses).

SEAM — issue 13 (results and report) owns the definition of "personal fields": a core
function reading an XLSForm ``personal`` column and the campaign's list. When it is merged,
:func:`personal_fields` below becomes a call to it (``surveyor.results.personal.personal_fields
(form, campaign_marks)``); every user in this package and in exports goes through this one
function, so the merge changes this file only.

Until then, the rule here: a field is personal when the campaign's list names it, or a bind
attribute ``personal`` (XLSForm column ``bind::surveyor:personal``) says ``yes``/``true``, or
its type is ``phonenumber``/``email``, or it is a free-entry field whose name holds a word of
:data:`PERSONAL_WORDS`. A ``personal`` of ``no`` unmarks a field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from surveyor.forms.model import Form, FormNode, Kind

PERSONAL_WORDS = frozenset(
    {
        "name", "nom", "prenom", "firstname", "lastname", "surname",
        "phone", "telephone", "tel", "mobile", "portable",
        "email", "mail", "courriel", "address", "adresse",
    }
)  # fmt: skip
PERSONAL_TYPES = frozenset({"phonenumber", "email"})
FREE_ENTRY_TYPES = frozenset({"text", "string", "integer", "int", "decimal", "barcode"})
_WORDS = re.compile(r"[A-Za-z][a-z]*|[A-Z]+(?![a-z])")
_TRUE = {"yes", "true", "1", "oui", "true()"}
_FALSE = {"no", "false", "0", "non", "false()"}


def _mark(node: FormNode) -> bool | None:
    for key, value in node.parameters.items():
        if key.split(":")[-1] == "personal":
            text = str(value or "").strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
    return None


def _default(node: FormNode) -> bool:
    kind = (node.type or "").split()[0] if node.type else ""
    if kind in PERSONAL_TYPES:
        return True
    if kind not in FREE_ENTRY_TYPES:
        return False
    return bool({w.lower() for w in _WORDS.findall(node.name.replace("_", " "))} & PERSONAL_WORDS)


def personal_fields(form: Form, campaign: Iterable[str] = ()) -> frozenset[str]:
    """SEAM (see the module docstring): the names of ``form``'s personal fields; ``campaign``:
    the names the coordinator's campaign settings add."""
    extra = set(campaign)
    found = set()
    for node in form.root.walk():
        if node.kind is not Kind.FIELD:
            continue
        mark = True if node.name in extra else _mark(node)
        if mark is None:
            mark = _default(node)
        if mark:
            found.add(node.name)
    return frozenset(found)
