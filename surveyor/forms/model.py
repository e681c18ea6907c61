"""The form model: what Surveyor knows of a form once it is loaded.

It is built from the XForm that pyxform makes of an XLSForm (or from an XForm downloaded
from an ODK server), so its semantics are those of ODK. It is plain data: no Qt, no I/O.

Paths are the XForm's absolute paths without positions, e.g. ``/data/household/member/age``;
a path names a node of the form *template*; inside repeats it names every instance of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from enum import StrEnum

# A text in several languages: language name as written in the form (e.g. "Français (fr)")
# -> text. The key "" holds a text given without a language.
Translations = dict[str, str]


class Kind(StrEnum):
    """What a node of the form is."""

    ROOT = "root"
    GROUP = "group"
    REPEAT = "repeat"
    FIELD = "field"


@dataclass(frozen=True, slots=True)
class Unsupported:
    """One feature of a form that Surveyor does not support, and where: structured, so that
    the app says it in its own language (``str()`` is the English phrase for the CLI)."""

    # What: entities, osm, external_choices, form_type, control, setgeopoint, type, search,
    # appearance, attribute, randomize, last_saved.
    feature: str
    detail: str = ""  # the type, appearance, attribute, control or field name it concerns
    what: str = ""  # question, group, repeat, field; "" for a row with no node or the form
    name: str = ""  # the question's name
    row: int | None = None  # its row on the survey sheet

    def where(self) -> str:
        if self.what == "field":
            return f"field '{self.name}'"
        if self.what:
            return f"{self.what} '{self.name}'" + (f" (row {self.row})" if self.row else "")
        label = f" '{self.name}'" if self.name else ""
        return f"row {self.row}{label}" if self.row else ""

    def __str__(self) -> str:
        where = self.where()
        phrase = {
            "entities": "the form creates or updates entities (entities sheet)",
            "osm": "the form uses OpenStreetMap tags (osm sheet)",
            "external_choices": "the form uses external choices (external_choices sheet)",
            "form_type": f"the form uses {self.detail}",
            "control": f"the form uses the XForm control <{self.detail}>",
            "setgeopoint": f"{where} uses a geopoint set on change (odk:setgeopoint)",
            "type": f"{where} uses type {self.detail}",
            "search": f"{where} uses the search() appearance",
            "appearance": f"{where} uses appearance '{self.detail}'",
            "attribute": f"{where} uses attribute {self.detail}",
            "randomize": f"{where} uses parameter randomize",
            "last_saved": f"{where} uses ${{last-saved#{self.detail}}}",
        }
        return phrase.get(self.feature, f"{where} uses {self.feature} {self.detail}".strip())


@dataclass(slots=True)
class Choice:
    """One choice of a static list (``select_one list``)."""

    name: str
    label: Translations = field(default_factory=dict)
    # Other columns of the choices sheet (used by choice_filter), by column name.
    extra: dict[str, str] = field(default_factory=dict)
    media: dict[str, Translations] = field(default_factory=dict)  # "image"/"audio"/... -> file


@dataclass(slots=True)
class Itemset:
    """Choices taken from a (secondary) instance: choice_filter and *_from_file.

    ``nodeset`` is an XPath expression selecting item nodes, e.g.
    ``instance('city')/root/item[country = /data/g/ok]``; ``value_ref`` and ``label_ref`` are
    evaluated relative to each item (``name``; ``jr:itext(itextId)`` or ``label``).
    """

    nodeset: str
    value_ref: str = "name"
    label_ref: str = "label"
    instance_id: str | None = None
    list_name: str | None = None  # the choices list it comes from, when known


@dataclass(slots=True)
class SetValue:
    """An XForms ``setvalue`` action: ODK's dynamic defaults and the ``trigger`` column.

    ``event`` is ``odk-instance-first-load``, ``odk-new-repeat`` or ``xforms-value-changed``;
    for ``xforms-value-changed`` ``trigger`` is the path of the question whose change fires it.
    An empty ``value`` clears the target.
    """

    ref: str
    event: str
    value: str | None = None
    trigger: str | None = None


@dataclass(slots=True)
class Bind:
    """Bind attributes of a node (the XForm ``<bind>``), expressions as XPath text."""

    type: str = "string"  # XForm type: string, int, decimal, date, time, dateTime, select1,...
    relevant: str | None = None
    required: str | None = None
    constraint: str | None = None
    calculate: str | None = None
    readonly: str | None = None
    required_message: Translations = field(default_factory=dict)
    constraint_message: Translations = field(default_factory=dict)
    preload: str | None = None  # jr:preload: uid, timestamp, date, property
    preload_params: str | None = None  # jr:preloadParams: start, end, today, deviceid,...


@dataclass(slots=True)
class FormNode:
    """A group, repeat or field of the form template."""

    name: str
    path: str
    kind: Kind
    # The XLSForm type as written (``select_one``, ``integer``, ``calculate``, ``begin_group``,
    # ``start``...) when the form came from an XLSForm; derived from the XForm otherwise.
    type: str = "text"
    label: Translations = field(default_factory=dict)
    hint: Translations = field(default_factory=dict)
    guidance_hint: Translations = field(default_factory=dict)  # itext form "guidance"
    # Media beside the label: "image"/"audio"/"video"/"big-image" -> Translations.
    media: dict[str, Translations] = field(default_factory=dict)
    appearance: str = ""
    bind: Bind = field(default_factory=Bind)
    # The body control: input, select1, select, upload, trigger, range, odk:rank; None for
    # nodes that are not shown (calculate, hidden, metadata, groups without a body).
    control: str | None = None
    choices: list[Choice] | None = None  # static choices
    itemset: Itemset | None = None  # dynamic choices (choice_filter, from_file)
    # Control attributes: range start/end/step, upload mediatype, rows, max-pixels...
    parameters: dict[str, str] = field(default_factory=dict)
    default: str = ""  # static default, as in the instance template
    repeat_count: str | None = None  # jr:count expression of a repeat
    # Instances of a repeat written in the primary instance beside its jr:template (pyxform
    # writes one): ODK's engines start the interview with them. Nested repeats: as written
    # in the first of the enclosing initial instances (an instance added later has none).
    initial_instances: int = 0
    children: list[FormNode] = field(default_factory=list)
    parent: FormNode | None = field(default=None, repr=False, compare=False)
    row: int | None = None  # row in the XLSForm survey sheet (1-based, header is row 1)

    @property
    def is_visible(self) -> bool:
        """True when the node has a body control or is a group/repeat with a body."""
        return self.control is not None

    def walk(self):
        """This node and every descendant, depth first in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def repeat_ancestors(self) -> list[FormNode]:
        """The repeats enclosing this node, outermost first (itself included if a repeat)."""
        chain = []
        node: FormNode | None = self
        while node is not None:
            if node.kind is Kind.REPEAT:
                chain.append(node)
            node = node.parent
        return list(reversed(chain))


@dataclass(slots=True)
class Form:
    """A loaded form: settings, the template tree and everything needed to run interviews."""

    form_id: str
    version: str
    title: str
    root: FormNode
    xform: str  # the XForm XML, as pyxform built it (served to ODK clients)
    content_hash: str = ""  # "md5:<hex>" of the XForm text (OpenRosa's form hash)
    default_language: str | None = None
    languages: list[str] = field(default_factory=list)
    instance_name: str | None = None  # expression of meta/instanceName
    public_key: str | None = None
    submission_url: str | None = None
    # Secondary instances as XML text, by instance id (choice lists, CSVs for *_from_file and
    # pulldata); ``src`` for external ones is in ``external_instances``.
    secondary_instances: dict[str, str] = field(default_factory=dict)
    external_instances: dict[str, str] = field(default_factory=dict)  # id -> jr://file/x.csv
    # itext translations by language, then by text id, then by form ("" = plain text).
    itext: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    setvalues: list[SetValue] = field(default_factory=list)
    # The XLSForm features the form uses that Surveyor does not support: each is shown to
    # the person when the form is loaded, never silently ignored (``str()``: English).
    unsupported: list[Unsupported] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source_name: str = ""  # the XLSForm file name
    source_bytes: bytes = field(default=b"", repr=False)  # the XLSForm file itself
    # Files beside the form it needs (CSV for select_*_from_file and pulldata): name -> bytes.
    media_files: dict[str, bytes] = field(default_factory=dict, repr=False)
    nodes: dict[str, FormNode] = field(default_factory=dict, repr=False)  # path -> node

    def __post_init__(self):
        if not self.nodes:
            self.index()

    def index(self) -> None:
        """(Re)build ``nodes`` and parent links from the tree."""
        self.nodes = {}
        stack: list[tuple[FormNode, FormNode | None]] = [(self.root, None)]
        while stack:
            node, parent = stack.pop()
            node.parent = parent
            self.nodes[node.path] = node
            stack.extend((child, node) for child in reversed(node.children))

    def node(self, path: str) -> FormNode:
        return self.nodes[path]

    def fields(self):
        """Every field (leaf) in document order."""
        return (n for n in self.root.walk() if n.kind is Kind.FIELD)

    def by_name(self, name: str) -> FormNode:
        """The node with this XLSForm name (names are unique in an XLSForm)."""
        for node in self.root.walk():
            if node.name == name and node is not self.root:
                return node
        raise KeyError(name)
