"""Which fields of a form are personal (names, phones, e-mails, addresses): exports leave them
out or pseudonymise them, results and reports never show their values, retention purges them.

The definition is issue 13's (results and report); it lives here, beside the store, so that
exports, erasure and retention (issue 14) and the results all use this one function
(``surveyor/results/personal.py`` re-exports it).

A field is personal when (first rule that speaks wins):

1. the coordinator's campaign list says so, or says it is not (``privacy.json``'s
   ``personal`` names and the results' marks ``Workspace.mark_personal``, both given by
   ``PrivacySettings.marks_for(form_id)``: the one list every caller passes here);
2. the XLSForm says so in a ``personal`` column of the survey sheet (``yes``/``true``/``1``;
   ``no`` says "not personal"), read from the form's file through pyxform's own reader; or, for
   a form that came as an XForm, a bind attribute named ``personal`` in any namespace
   (XLSForm column ``bind::surveyor:personal``);
3. by default, when its type or name says it can hold a way to reach a person: the metadata
   types ``phonenumber`` and ``email``, or a free-entry field (text, number, barcode) whose
   name holds one of the words of :data:`PERSONAL_WORDS` (``contact_phone``, ``email``,
   ``member_name``...). The default errs on the side of hiding: a hidden field costs a table,
   a shown one a person's privacy. Write ``personal`` = ``no`` to show one.

Choices of a select are never guessed personal (their values are the form's own codes).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from collections.abc import Mapping

from surveyor.errors import SurveyorError
from surveyor.forms.loader import read_definition
from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind

#: Words of a field name (split on ``_``, ``-``, ``.`` and case changes) that make a free-entry
#: field personal by default: names, phones, e-mails, addresses (French and English).
PERSONAL_WORDS = frozenset(
    {
        "name",
        "nom",
        "prenom",
        "firstname",
        "lastname",
        "surname",
        "phone",
        "telephone",
        "tel",
        "mobile",
        "portable",
        "email",
        "mail",
        "courriel",
        "address",
        "adresse",
    }
)
#: Metadata types that are personal whatever their name.
PERSONAL_TYPES = frozenset({"phonenumber", "email"})
#: Types a person types freely (where a name or phone can be written).
FREE_ENTRY_TYPES = frozenset({"text", "string", "integer", "int", "decimal", "barcode"})

_TRUE = {"yes", "true", "1", "oui", "true()"}
_FALSE = {"no", "false", "0", "non", "false()"}
_WORDS = re.compile(r"[A-Za-z][a-z]*|[A-Z]+(?![a-z])")

_column_cache: dict[str, dict[str, bool]] = {}


def _flag(value: object) -> bool | None:
    text = str(value or "").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def xlsform_marks(form: Form) -> dict[str, bool]:
    """Field name -> the ``personal`` column of the form's XLSForm (only rows that fill it).

    Kept per XLSForm file (its bytes' digest), never per form hash: the same XForm can come
    from a workbook and from an XForm file, and only the workbook has the column. A file that
    cannot be read again is not remembered, so it is tried again next time."""
    name = (form.source_name or "").lower()
    ext = name.rsplit(".", 1)[-1] if "." in name else ""
    if not form.source_bytes or ext not in {"xlsx", "xlsm", "xls", "md", "csv"}:
        return {}
    key = hashlib.sha256(form.source_bytes).hexdigest()
    cached = _column_cache.get(key)
    if cached is not None:
        return cached
    try:
        _fmt, definition = read_definition(form.source_bytes, form.source_name)
    except SurveyorError:  # a file pyxform read once reads again; if not, no column
        return {}
    marks: dict[str, bool] = {}
    for row in getattr(definition, "survey", None) or []:
        flag = _flag(row.get("personal"))
        if flag is not None and row.get("name"):
            marks[str(row["name"])] = flag
    _column_cache[key] = marks
    return marks


def _bind_mark(node: FormNode) -> bool | None:
    for key, value in node.parameters.items():
        if key.split(":")[-1] == "personal":
            return _flag(value)
    return None


def default_personal(node: FormNode) -> bool:
    """The default rule (3. above) for one field."""
    xls_type = (node.type or "").split()[0] if node.type else ""
    if xls_type in PERSONAL_TYPES:
        return True
    if xls_type not in FREE_ENTRY_TYPES:
        return False
    words = {w.lower() for w in _WORDS.findall(node.name.replace("_", " "))}
    return bool(words & PERSONAL_WORDS)


def personal_fields(
    form: Form,
    campaign: Mapping[str, bool] | Iterable[str] | None = None,
    *,
    defaults: bool = True,
) -> frozenset[str]:
    """The names of ``form``'s personal fields.

    ``campaign``: the coordinator's list (names, or name -> True/False to mark or unmark).
    ``defaults``: apply the name/type rule to fields no one marked.
    """
    if campaign is None:
        campaign_marks: dict[str, bool] = {}
    elif isinstance(campaign, Mapping):
        campaign_marks = {str(k): bool(v) for k, v in campaign.items()}
    else:
        campaign_marks = {str(k): True for k in campaign}
    column = xlsform_marks(form)
    found = set()
    for node in form.root.walk():
        if node.kind is not Kind.FIELD:
            continue
        mark = campaign_marks.get(node.name)
        if mark is None:
            mark = column.get(node.name)
        if mark is None:
            mark = _bind_mark(node)
        if mark is None and defaults:
            mark = default_personal(node)
        if mark:
            found.add(node.name)
    return frozenset(found)


__all__ = ["PERSONAL_WORDS", "default_personal", "personal_fields", "xlsform_marks"]
