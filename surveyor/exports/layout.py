"""Table layouts of an export: which columns, in which order, filled from which answers.

The layout follows ODK Central's CSV export (see ``docs/PERFORMANCE.md`` § Exports and
``surveyor/exports/__init__.py``): a main table and one table per repeat; a field's column is
named by its group path below the form's root joined with ``-`` (``household-street``); inside
a repeat table, by its path below the repeat. Every version of a form is merged into the same
tables: the newest version gives the column order, columns only older versions have follow.

Answers are flattened by field name (groups are not in the JSON), so each version gets its own
*plan*: field name -> column index, built from that version's form model.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from dataclasses import field

from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind

MAIN_META = ("SubmissionDate",)
MAIN_TAIL = (
    "KEY",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
)
REPEAT_TAIL = ("PARENT_KEY", "KEY")
# After MAIN_TAIL when some interviews were made at a door (docs/fieldwork.md): its id.
DOOR_COLUMN = "DoorID"

SELECT_ONE = "select_one"
SELECT_MULTIPLE = "select_multiple"
LABEL_SEPARATOR = " ; "
NO_ANSWER = "\x00"  # a key no answers JSON has: its column stays empty  # between the labels of a select_multiple in labels mode


def resolve_language(form: Form, language: str | None) -> str:
    """The form's language matching ``language`` ("fr", "Français", "Français (fr)").

    Without ``language``: the form's default language, else its first, else "".
    """
    if not language:
        return form.default_language or (form.languages[0] if form.languages else "")
    wanted = language.strip().lower()
    for name in form.languages:
        lowered = name.lower()
        code = lowered.rsplit("(", 1)[-1].rstrip(")").strip() if "(" in lowered else ""
        bare = lowered.split("(", 1)[0].strip()
        if wanted in (lowered, code, bare):
            return name
    known = ", ".join(form.languages) or "none"
    raise ValueError(
        f"The form {form.form_id} has no language {language!r} (its languages: {known})."
    )


def _pick(texts: dict[str, str], language: str, fallback: str | None) -> str | None:
    if not texts:
        return None
    for key in (language, fallback, ""):
        if key is not None and texts.get(key):
            return texts[key]
    return next((t for t in texts.values() if t), None)


def choice_options(form: Form, node: FormNode, language: str) -> list[tuple[str, str | None]]:
    """(name, label) of every choice of a select, static or from a secondary instance.

    Choices from an external file (``select_one_from_file``) are not known: [].
    """
    fallback = form.default_language
    if node.choices is not None:
        return [(c.name, _pick(c.label, language, fallback)) for c in node.choices]
    itemset = node.itemset
    if itemset is None or not itemset.instance_id:
        return []
    text = form.secondary_instances.get(itemset.instance_id)
    if not text:
        return []
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return []
    value_ref = itemset.value_ref or "name"
    label_ref = itemset.label_ref or "label"
    itext_ref = None
    if label_ref.startswith("jr:itext(") and label_ref.endswith(")"):
        itext_ref = label_ref[len("jr:itext(") : -1].strip()
    result = []
    for item in root.iter("item"):
        name = item.findtext(value_ref)
        if name is None:
            continue
        if itext_ref is not None:
            text_id = item.findtext(itext_ref) or ""
            texts = {lang: forms.get(text_id, {}).get("", "") for lang, forms in form.itext.items()}
            label = _pick(texts, language, fallback)
        else:
            label = item.findtext(label_ref)
        result.append((name.strip(), label))
    return result


def select_kind(node: FormNode) -> str | None:
    """ "select_one"/"select_multiple" for a select field, else None."""
    if node.control == "select1" or node.type.startswith(SELECT_ONE):
        return SELECT_ONE
    if node.control == "select" or node.type.startswith(SELECT_MULTIPLE):
        return SELECT_MULTIPLE
    return None


def _is_number(node: FormNode) -> str | None:
    if node.bind.type in ("int", "integer"):
        return "int"
    if node.bind.type == "decimal":
        return "decimal"
    return None


def _is_upload(node: FormNode) -> bool:
    return node.control == "upload" or node.bind.type == "binary"


@dataclass
class FieldSpec:
    """How one field of one version fills its table's columns."""

    name: str  # XLSForm name: the key in the answers JSON
    column: int
    select: str | None = None  # SELECT_ONE / SELECT_MULTIPLE
    labels: dict[str, str] | None = None  # choice name -> label (labels mode)
    split: list[tuple[str, int]] = field(default_factory=list)  # (choice, column)
    number: str | None = None  # "int"/"decimal": written as a number in XLSX
    upload: bool = False
    geopoint: bool = False  # four columns: -Latitude, -Longitude, -Altitude, -Accuracy


@dataclass
class TablePlan:
    """One table (main or a repeat) as filled from one form version."""

    table: Table
    fields: list[FieldSpec]
    repeats: list[tuple[str, str, TablePlan]]  # (repeat name, key segment, plan)
    # Fast path: per column, the answer name copied as is into it (NO_ANSWER: none).
    names: list[str] = field(default_factory=list)
    # Fields needing more than a copy: labels, split columns, geopoints, uploads.
    special: list[FieldSpec] = field(default_factory=list)

    def __post_init__(self):
        names = [NO_ANSWER] * len(self.table.headers)
        for spec in self.fields:
            if not spec.geopoint:
                names[spec.column] = spec.name
            if spec.geopoint or spec.split or spec.labels is not None or spec.upload:
                self.special.append(spec)
        self.names = names


@dataclass
class Table:
    """A table of the export: its name, headers and column kinds (union of versions)."""

    name: str  # "" for the main table, else the repeat's name
    headers: list[str] = field(default_factory=list)
    numbers: set[int] = field(default_factory=set)  # columns holding numbers (XLSX)
    parent_key: int = -1
    key: int = -1
    # main table only
    special: dict[str, int] = field(default_factory=dict)


def _geopoint(node: FormNode) -> bool:
    return node.bind.type == "geopoint"


class _TableBuilder:
    """Collects a table's field columns over every version, newest first."""

    def __init__(self, name: str):
        self.name = name
        self.order: list[str] = []  # field headers
        self.choices: dict[str, list[str]] = {}  # header -> union of choice names
        self.numbers: dict[str, bool] = {}
        self.geopoints: set[str] = set()

    def add(
        self,
        header: str,
        node: FormNode,
        options: list[tuple[str, str | None]],
        after: str | None,
    ) -> None:
        """Add a column; one only older versions have goes after its neighbour ``after``."""
        if header not in self.choices:
            if after is None:
                self.order.insert(0, header)
            elif after in self.choices:
                self.order.insert(self.order.index(after) + 1, header)
            else:
                self.order.append(header)
            self.choices[header] = []
        known = self.choices[header]
        for name, _label in options:
            if name not in known:
                known.append(name)
        self.numbers[header] = self.numbers.get(header, True) and bool(_is_number(node))
        if _geopoint(node):
            self.geopoints.add(header)

    def build(
        self, split: bool, head: tuple[str, ...], tail: tuple[str, ...]
    ) -> tuple[Table, dict[str, int], dict[tuple[str, str], int]]:
        table = Table(self.name)
        headers = list(head)
        columns: dict[str, int] = {}
        choice_columns: dict[tuple[str, str], int] = {}
        for header in self.order:
            columns[header] = len(headers)
            if header in self.geopoints:
                headers += [
                    f"{header}-{p}" for p in ("Latitude", "Longitude", "Altitude", "Accuracy")
                ]
                continue
            if self.numbers.get(header):
                table.numbers.add(len(headers))
            headers.append(header)
            if split:
                for choice in self.choices[header]:
                    choice_columns[(header, choice)] = len(headers)
                    table.numbers.add(len(headers))
                    headers.append(f"{header}/{choice}")
        for name in tail:
            table.special[name] = len(headers)
            headers.append(name)
        table.headers = headers
        table.parent_key = table.special.get("PARENT_KEY", -1)
        table.key = table.special.get("KEY", -1)
        return table, columns, choice_columns


@dataclass
class Layout:
    """Every table of a form's export and, per form version (content hash), its plan."""

    form_id: str
    main: Table
    repeats: list[Table]  # depth first, document order
    plans: dict[str, TablePlan]  # content hash -> plan of the main table
    personal: frozenset[str] = frozenset()  # personal fields written (names)

    @property
    def tables(self) -> list[Table]:
        return [self.main, *self.repeats]


def _walk_container(container: FormNode):
    """(node, path below the container) of the fields and direct repeats of a container."""
    stack = [(child, (child.name,)) for child in reversed(container.children)]
    while stack:
        node, rel = stack.pop()
        if node.kind is Kind.FIELD or node.kind is Kind.REPEAT:
            yield node, rel
        elif node.kind is Kind.GROUP:
            stack.extend((c, (*rel, c.name)) for c in reversed(node.children))


def build_layout(
    form_id: str,
    versions: list[Form],
    *,
    labels: bool = False,
    language: str | None = None,
    split_select_multiple: bool = False,
    omit: frozenset[str] = frozenset(),
    personal: frozenset[str] = frozenset(),
    door_column: bool = False,
) -> Layout:
    """The tables of ``form_id``'s export over ``versions`` (newest first). ``omit``: names
    of fields left out (the personal fields, when the export leaves them out); ``personal``:
    the personal fields' names (the layout says which they are, for pseudonyms);
    ``door_column``: the main table ends with ``DoorID`` (fieldwork)."""
    if not versions:
        raise ValueError(f"No definition of the form {form_id} is stored.")
    languages = [resolve_language(form, language) for form in versions]
    builders: dict[str, _TableBuilder] = {"": _TableBuilder("")}
    repeat_order: list[str] = []

    def collect(form: Form, container: FormNode, table_name: str, lang: str) -> None:
        builder = builders[table_name]
        previous: str | None = None
        for node, rel in _walk_container(container):
            if node.kind is Kind.REPEAT:
                if node.name not in builders:
                    builders[node.name] = _TableBuilder(node.name)
                    repeat_order.append(node.name)
                collect(form, node, node.name, lang)
                continue
            if node.name in omit:
                continue
            kind = select_kind(node)
            options = choice_options(form, node, lang) if kind == SELECT_MULTIPLE else []
            header = "-".join(rel)
            builder.add(header, node, options, previous)
            previous = header

    for form, lang in zip(versions, languages, strict=True):
        collect(form, form.root, "", lang)

    tables: dict[str, Table] = {}
    columns: dict[str, dict[str, int]] = {}
    choice_columns: dict[str, dict[tuple[str, str], int]] = {}
    for name, builder in builders.items():
        main_tail = (*MAIN_TAIL, DOOR_COLUMN) if door_column else MAIN_TAIL
        head, tail = (MAIN_META, main_tail) if name == "" else ((), REPEAT_TAIL)
        tables[name], columns[name], choice_columns[name] = builder.build(
            split_select_multiple, head, tail
        )

    def plan(form: Form, container: FormNode, table_name: str, lang: str) -> TablePlan:
        specs: list[FieldSpec] = []
        repeats: list[tuple[str, str, TablePlan]] = []
        base = container.path
        for node, rel in _walk_container(container):
            if node.kind is Kind.REPEAT:
                segment = node.path[len(base) + 1 :]
                repeats.append((node.name, segment, plan(form, node, node.name, lang)))
                continue
            if node.name in omit:
                continue
            header = "-".join(rel)
            kind = select_kind(node)
            spec = FieldSpec(
                name=node.name,
                column=columns[table_name][header],
                select=kind,
                number=_is_number(node),
                upload=_is_upload(node),
                geopoint=_geopoint(node),
            )
            if kind and labels:
                spec.labels = {
                    n: lab for n, lab in choice_options(form, node, lang) if lab is not None
                }
            if kind == SELECT_MULTIPLE and split_select_multiple:
                spec.split = [
                    (choice, col)
                    for (h, choice), col in choice_columns[table_name].items()
                    if h == header
                ]
            specs.append(spec)
        return TablePlan(table=tables[table_name], fields=specs, repeats=repeats)

    plans = {
        form.content_hash: plan(form, form.root, "", lang)
        for form, lang in zip(versions, languages, strict=True)
    }
    return Layout(
        form_id=form_id,
        main=tables[""],
        repeats=[tables[name] for name in repeat_order],
        plans=plans,
        personal=personal - omit,
    )
