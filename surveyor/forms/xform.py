"""Build the form model from an XForm (as pyxform makes it, or as an ODK server serves it).

Texts with ``<output value="..."/>`` keep them as ``<output value="XPATH"/>`` in the label
string (the XPath with surrounding spaces removed); everything else is plain text.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr

from defusedxml import ElementTree as SafeET

from surveyor.errors import FormError
from surveyor.forms.model import Choice
from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Itemset
from surveyor.forms.model import Kind
from surveyor.forms.model import SetValue
from surveyor.forms.model import Unsupported

XF = "http://www.w3.org/2002/xforms"
H = "http://www.w3.org/1999/xhtml"
JR = "http://openrosa.org/javarosa"
ODK = "http://www.opendatakit.org/xforms"
ORX = "http://openrosa.org/xforms"
EV = "http://www.w3.org/2001/xml-events"

_NS_PREFIX = {XF: "", H: "h", JR: "jr", ODK: "odk", ORX: "orx", EV: "ev"}

CONTROLS = {"input", "select1", "select", "upload", "trigger", "range", "odk:rank"}
_ITEXT_RE = re.compile(r"""^\s*jr:itext\(\s*['"](?P<id>[^'"]+)['"]\s*\)\s*$""")
_SIMPLE_ITEMSET_RE = re.compile(
    r"""^\s*instance\(\s*['"](?P<id>[^'"]+)['"]\s*\)\s*/root/item\s*$"""
)
_INSTANCE_RE = re.compile(r"""^\s*instance\(\s*['"](?P<id>[^'"]+)['"]\s*\)""")


def _qname(tag: str) -> str:
    """``{ns}local`` -> ``prefix:local`` (no prefix for XForms and for no namespace)."""
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        prefix = _NS_PREFIX.get(ns, "")
        return f"{prefix}:{local}" if prefix else local
    return tag


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _attr(element, name: str) -> str | None:
    """Attribute by ``prefix:local`` name (jr:, odk:, orx:) or plain name."""
    prefix, _, local = name.rpartition(":")
    if prefix:
        ns = {"jr": JR, "odk": ODK, "orx": ORX, "ev": EV}[prefix]
        return element.get(f"{{{ns}}}{local}")
    return element.get(name)


def _text_content(element) -> str:
    """Text of a label/hint/value element, ``<output>`` kept as markup."""
    parts = [element.text or ""]
    for child in element:
        if _local(child.tag) == "output":
            value = (child.get("value") or child.get("ref") or "").strip()
            parts.append(f"<output value={quoteattr(value)}/>")
        else:
            parts.append(_text_content(child))
        parts.append(child.tail or "")
    return "".join(parts).strip()


def serialize(element) -> str:
    """XML text of a (secondary instance) element, without namespaces."""
    out: list[str] = []

    def write(el):
        name = _local(el.tag)
        attrs = "".join(f" {_local(k)}={quoteattr(v)}" for k, v in el.attrib.items())
        children = list(el)
        text = el.text or ""
        if not children and not text.strip():
            out.append(f"<{name}{attrs}/>")
        else:
            out.append(f"<{name}{attrs}>")
            if children:
                for child in children:
                    write(child)
            else:
                out.append(escape(text))
            out.append(f"</{name}>")

    write(element)
    return "".join(out)


def csv_to_instance(data: bytes) -> str:
    """A CSV file (header row = element names) as the XML of an ODK secondary instance."""
    text = data.decode("utf-8-sig", errors="replace")
    rows = list(csv.reader(io.StringIO(text)))
    out = ["<root>"]
    if rows:
        header = [h.strip() for h in rows[0]]
        for row in rows[1:]:
            if not any(cell.strip() for cell in row):
                continue
            out.append("<item>")
            for key, value in zip(header, row, strict=False):
                if key:
                    out.append(f"<{key}>{escape(value)}</{key}>")
            out.append("</item>")
    out.append("</root>")
    return "".join(out)


def _resolve(ref: str, context: str) -> str:
    """Absolute path of a control's ``ref`` relative to its group's path."""
    ref = ref.strip()
    if ref.startswith("/"):
        return ref
    parts = context.split("/") if context else [""]
    for step in ref.split("/"):
        if step == "..":
            parts.pop()
        elif step and step != ".":
            parts.append(step)
    return "/".join(parts) or "/"


class _Builder:
    def __init__(self, xml_text: str, media: dict[str, bytes] | None):
        self.xml_text = xml_text
        self.media = dict(media or {})
        try:
            self.html = SafeET.fromstring(xml_text)
        except Exception as exc:  # defusedxml raises ParseError and its own errors
            raise FormError(f"not a valid XForm: {exc}") from exc
        self.head = self.html.find(f"{{{H}}}head")
        self.body = self.html.find(f"{{{H}}}body")
        if self.head is None:
            raise FormError("not a valid XForm: no <h:head>")
        self.model = self.head.find(f"{{{XF}}}model")
        if self.model is None:
            raise FormError("not a valid XForm: no <model>")
        self.itext: dict[str, dict[str, dict[str, str]]] = {}
        self.languages: list[str] = []
        self.default_language: str | None = None
        self.binds: dict[str, dict[str, str]] = {}
        self.bind_ids: dict[str, str] = {}
        self.setvalues: list[SetValue] = []
        self.secondary: dict[str, str] = {}
        self.secondary_elements: dict[str, object] = {}
        self.external: dict[str, str] = {}
        self.unsupported: list[Unsupported] = []
        self.nodes: dict[str, FormNode] = {}
        self.special_types: dict[str, str] = {}  # path -> type of model-level actions

    # -- model ---------------------------------------------------------------------------
    def read_itext(self):
        itext = self.model.find(f"{{{XF}}}itext")
        if itext is None:
            return
        for translation in itext.findall(f"{{{XF}}}translation"):
            lang = translation.get("lang", "")
            self.languages.append(lang)
            if translation.get("default") in ("true()", "true") and self.default_language is None:
                self.default_language = lang
            texts = self.itext.setdefault(lang, {})
            for text in translation.findall(f"{{{XF}}}text"):
                forms = texts.setdefault(text.get("id", ""), {})
                for value in text.findall(f"{{{XF}}}value"):
                    forms[value.get("form", "")] = _text_content(value)

    def translations(self, text_id: str, form: str = "") -> dict[str, str]:
        result = {}
        for lang, texts in self.itext.items():
            value = texts.get(text_id, {}).get(form)
            if value is not None:
                result[lang] = value
        return result

    def message(self, value: str | None) -> dict[str, str]:
        if not value:
            return {}
        match = _ITEXT_RE.match(value)
        if match:
            return self.translations(match["id"])
        return {"": value}

    def read_model(self):
        instances = self.model.findall(f"{{{XF}}}instance")
        if not instances:
            raise FormError("not a valid XForm: no primary <instance>")
        primary = instances[0]
        for inst in instances[1:]:
            iid = inst.get("id") or ""
            src = inst.get("src")
            if src:
                self.external[iid] = src
                data = self.media.get(src.rsplit("/", 1)[-1])
                if data is not None:
                    if src.lower().endswith(".csv"):
                        self.secondary[iid] = csv_to_instance(data)
                    else:
                        self.secondary[iid] = data.decode("utf-8", errors="replace")
            else:
                children = list(inst)
                if children:
                    self.secondary_elements[iid] = children[0]
                    self.secondary[iid] = serialize(children[0])
        for bind in self.model.findall(f"{{{XF}}}bind"):
            nodeset = bind.get("nodeset") or bind.get("ref") or ""
            attrs = {_qname(k): v for k, v in bind.attrib.items()}
            self.binds.setdefault(nodeset.strip(), {}).update(attrs)
            if bind.get("id"):
                self.bind_ids[bind.get("id")] = nodeset.strip()
        for element in self.model.iter():
            name = _qname(element.tag)
            if name == "setvalue" and element in list(self.model):
                self.setvalues.append(
                    SetValue(
                        ref=(element.get("ref") or "").strip(),
                        event=element.get("event") or _attr(element, "ev:event") or "",
                        value=element.get("value"),
                    )
                )
            elif name == "odk:setgeopoint" and element in list(self.model):
                self.special_types[(element.get("ref") or "").strip()] = "start-geopoint"
            elif name == "odk:recordaudio":
                self.special_types[(element.get("ref") or "").strip()] = "background-audio"
        roots = list(primary)
        if not roots:
            raise FormError("not a valid XForm: the primary instance is empty")
        return roots[0]

    # -- tree ----------------------------------------------------------------------------
    def build_tree(self, element, path: str, kind: Kind) -> FormNode:
        node = FormNode(name=_local(element.tag), path=path, kind=kind)
        self.nodes[path] = node
        seen: set[str] = set()
        for child in element:
            if not isinstance(child.tag, str):
                continue
            name = _local(child.tag)
            if name in seen:  # further instances of a repeat
                continue
            seen.add(name)
            child_path = f"{path}/{name}"
            has_children = any(isinstance(c.tag, str) for c in child)
            template = _attr(child, "jr:template") is not None
            if template:
                child_kind = Kind.REPEAT
            elif has_children:
                child_kind = Kind.GROUP
            else:
                child_kind = Kind.FIELD
            if child_kind is Kind.FIELD:
                leaf = FormNode(
                    name=name, path=child_path, kind=Kind.FIELD, default=child.text or ""
                )
                self.nodes[child_path] = leaf
                node.children.append(leaf)
            else:
                node.children.append(self.build_tree(child, child_path, child_kind))
        return node

    def count_initial_instances(self, element, path: str) -> None:
        """Record how many plain (non-template) instances each repeat has in the primary
        instance, in the first enclosing instance that holds it."""
        counts: dict[str, int] = {}
        for child in element:
            if not isinstance(child.tag, str) or _attr(child, "jr:template") is not None:
                continue
            child_path = f"{path}/{_local(child.tag)}"
            node = self.nodes.get(child_path)
            if node is None or node.kind is Kind.FIELD:
                continue
            if node.kind is Kind.REPEAT:
                counts[child_path] = counts.get(child_path, 0) + 1
                if counts[child_path] > 1:
                    continue  # nested repeats: as written in the first instance
            self.count_initial_instances(child, child_path)
        for child_path, count in counts.items():
            node = self.nodes[child_path]
            if not node.initial_instances:
                node.initial_instances = count

    def apply_binds(self):
        for path, attrs in self.binds.items():
            node = self.nodes.get(path)
            if node is None:
                continue
            bind = node.bind
            if "type" in attrs:
                bind.type = attrs["type"].removeprefix("xsd:")
            bind.relevant = attrs.get("relevant")
            bind.required = attrs.get("required")
            bind.constraint = attrs.get("constraint")
            bind.calculate = attrs.get("calculate")
            bind.readonly = attrs.get("readonly")
            bind.preload = attrs.get("jr:preload")
            bind.preload_params = attrs.get("jr:preloadParams")
            bind.required_message = self.message(attrs.get("jr:requiredMsg"))
            bind.constraint_message = self.message(attrs.get("jr:constraintMsg"))
            known = {
                "nodeset",
                "id",
                "type",
                "relevant",
                "required",
                "constraint",
                "calculate",
                "readonly",
                "jr:preload",
                "jr:preloadParams",
                "jr:requiredMsg",
                "jr:constraintMsg",
            }
            for key, value in attrs.items():
                if key not in known:
                    node.parameters[key.split(":")[-1] if key.startswith("orx:") else key] = value

    # -- body ----------------------------------------------------------------------------
    def read_label(self, element, node: FormNode, which: str = "label"):
        label = element.find(f"{{{XF}}}{which}")
        if label is None:
            return
        ref = label.get("ref")
        match = _ITEXT_RE.match(ref or "")
        target = node.label if which == "label" else node.hint
        if match:
            text_id = match["id"]
            for lang, forms in self.itext.items():
                text = forms.get(text_id)
                if text is None:
                    continue
                for form, value in text.items():
                    if form == "":
                        target[lang] = value
                    elif form == "guidance":
                        node.guidance_hint[lang] = value
                    elif which == "label":
                        node.media.setdefault(form, {})[lang] = value
        else:
            text = _text_content(label)
            if text:
                target[""] = text

    def read_body(self, element, context: str):
        for child in element:
            if not isinstance(child.tag, str):
                continue
            tag = _qname(child.tag)
            if tag == "group":
                ref = child.get("ref") or child.get("nodeset")
                if ref is None and child.get("bind"):
                    ref = self.bind_ids.get(child.get("bind"))
                path = _resolve(ref, context) if ref else context
                node = self.nodes.get(path) if ref else None
                if node is not None:
                    if node.kind is Kind.FIELD:
                        node.kind = Kind.GROUP
                    if node.control is None:
                        node.control = "group"
                        node.appearance = _appearance(child.get("appearance", ""))
                    self.read_label(child, node)
                self.read_body(child, path)
            elif tag == "repeat":
                ref = child.get("nodeset") or child.get("ref") or ""
                if not ref and child.get("bind"):
                    ref = self.bind_ids.get(child.get("bind"), "")
                path = _resolve(ref, context)
                node = self.nodes.get(path)
                if node is not None:
                    node.kind = Kind.REPEAT
                    node.control = "repeat"
                    if child.get("appearance"):
                        node.appearance = _appearance(child.get("appearance"))
                    node.repeat_count = _attr(child, "jr:count")
                    if _attr(child, "jr:noAddRemove") is not None:
                        node.parameters["noAddRemove"] = _attr(child, "jr:noAddRemove")
                    self.read_label(child, node)
                self.read_body(child, path)
            elif tag in CONTROLS:
                ref = child.get("ref")
                if ref is None and child.get("bind"):
                    ref = self.bind_ids.get(child.get("bind"))
                if ref is None:
                    continue
                path = _resolve(ref, context)
                node = self.nodes.get(path)
                if node is None:
                    continue
                node.control = tag
                node.appearance = _appearance(child.get("appearance", ""))
                for key, value in child.attrib.items():
                    qn = _qname(key)
                    if qn not in ("ref", "appearance", "bind"):
                        node.parameters[qn.split(":")[-1]] = value
                self.read_label(child, node)
                self.read_label(child, node, "hint")
                self.read_choices(child, node)
                for action in child:
                    if _qname(action.tag) == "setvalue":
                        self.setvalues.append(
                            SetValue(
                                ref=_resolve(action.get("ref") or "", path.rsplit("/", 1)[0]),
                                event=action.get("event") or "xforms-value-changed",
                                value=action.get("value"),
                                trigger=path,
                            )
                        )
                    elif _qname(action.tag) == "odk:setgeopoint":
                        self.unsupported.append(
                            Unsupported("setgeopoint", what="field", name=node.name)
                        )
            elif tag == "setvalue":  # odk-new-repeat defaults, under a repeat
                self.setvalues.append(
                    SetValue(
                        ref=_resolve(child.get("ref") or "", context),
                        event=child.get("event") or "",
                        value=child.get("value"),
                    )
                )
            elif tag in ("label", "hint", "item", "itemset"):
                continue
            else:
                self.unsupported.append(Unsupported("control", tag))

    def read_choices(self, control, node: FormNode):
        items = control.findall(f"{{{XF}}}item")
        if items:
            node.choices = []
            for item in items:
                value = item.find(f"{{{XF}}}value")
                choice = Choice(name=(value.text or "").strip() if value is not None else "")
                label = item.find(f"{{{XF}}}label")
                if label is not None:
                    match = _ITEXT_RE.match(label.get("ref") or "")
                    if match:
                        self._choice_itext(choice, match["id"])
                    else:
                        choice.label[""] = _text_content(label)
                node.choices.append(choice)
            return
        itemset = control.find(f"{{{XF}}}itemset")
        if itemset is None:
            return
        nodeset = itemset.get("nodeset", "")
        value = itemset.find(f"{{{XF}}}value")
        label = itemset.find(f"{{{XF}}}label")
        value_ref = value.get("ref", "name") if value is not None else "name"
        label_ref = label.get("ref", "label") if label is not None else "label"
        simple = _SIMPLE_ITEMSET_RE.match(nodeset)
        if simple and simple["id"] in self.secondary_elements:
            node.choices = self._static_choices(
                self.secondary_elements[simple["id"]], value_ref, label_ref
            )
            return
        instance = _INSTANCE_RE.match(nodeset)
        instance_id = instance["id"] if instance else None
        node.itemset = Itemset(
            nodeset=nodeset,
            value_ref=value_ref,
            label_ref=label_ref,
            instance_id=instance_id,
            list_name=instance_id,
        )

    def _choice_itext(self, choice: Choice, text_id: str):
        for lang, texts in self.itext.items():
            for form, value in texts.get(text_id, {}).items():
                if form == "":
                    choice.label[lang] = value
                else:
                    choice.media.setdefault(form, {})[lang] = value

    def _static_choices(self, root, value_ref: str, label_ref: str) -> list[Choice]:
        choices = []
        itext_match = re.match(r"^\s*jr:itext\(\s*(\w+)\s*\)\s*$", label_ref)
        for item in root:
            fields = {_local(c.tag): (c.text or "") for c in item if isinstance(c.tag, str)}
            choice = Choice(name=fields.get(value_ref, "").strip())
            if itext_match:
                self._choice_itext(choice, fields.get(itext_match.group(1), ""))
            elif label_ref in fields:
                choice.label[""] = fields[label_ref]
            else:  # translated labels as label::lang children are not produced by pyxform
                pass
            choice.extra = {
                k: v
                for k, v in fields.items()
                if k not in (value_ref, label_ref)
                and not (itext_match and k == itext_match.group(1))
            }
            choices.append(choice)
        return choices

    # -- the whole form ------------------------------------------------------------------
    def build(self) -> Form:
        self.read_itext()
        data = self.read_model()
        root_path = "/" + _local(data.tag)
        root = self.build_tree(data, root_path, Kind.ROOT)
        self.count_initial_instances(data, root_path)
        root.type = "survey"
        self.apply_binds()
        if self.body is not None:
            self.read_body(self.body, root_path)
        for node in self.nodes.values():
            node.type = derive_type(node, self.external)
        for path, kind in self.special_types.items():
            if path in self.nodes:
                self.nodes[path].type = kind
            else:
                self.unsupported.append(Unsupported("form_type", kind))
        title_el = self.head.find(f"{{{H}}}title")
        submission = self.model.find(f"{{{XF}}}submission")
        instance_name = self.binds.get(f"{root_path}/meta/instanceName", {}).get("calculate")
        form = Form(
            form_id=data.get("id", "") or _local(data.tag),
            version=_attribute(data, "version"),
            title=(title_el.text or "").strip() if title_el is not None else "",
            root=root,
            xform=self.xml_text,
            content_hash=xform_hash(self.xml_text),
            default_language=self.default_language,
            languages=self.languages,
            instance_name=instance_name,
            public_key=submission.get("base64RsaPublicKey") if submission is not None else None,
            submission_url=submission.get("action") if submission is not None else None,
            secondary_instances=self.secondary,
            external_instances=self.external,
            itext=self.itext,
            setvalues=self.setvalues,
            unsupported=list(self.unsupported),
            media_files=self.media,
        )
        return form


_PRELOAD_TYPES = {
    ("timestamp", "start"): "start",
    ("timestamp", "end"): "end",
    ("date", "today"): "today",
    ("uid", None): "instanceID",
}


def derive_type(node: FormNode, external: dict[str, str]) -> str:
    """The XLSForm type a node would have had, from its XForm bind and control."""
    if node.kind is Kind.ROOT:
        return "survey"
    if node.kind is Kind.GROUP:
        return "begin_group"
    if node.kind is Kind.REPEAT:
        return "begin_repeat"
    if node.path.endswith("/meta/audit"):
        return "audit"
    bind, control = node.bind, node.control
    xtype = bind.type
    if control is None:
        if bind.preload:
            key = (bind.preload, bind.preload_params)
            if key in _PRELOAD_TYPES:
                return _PRELOAD_TYPES[key]
            if bind.preload == "uid":
                return "instanceID"
            if bind.preload == "property" and bind.preload_params:
                return bind.preload_params.removeprefix("uri:")
            return bind.preload
        if bind.calculate:
            return "calculate"
        return "hidden"
    if control in ("select1", "select"):
        base = "select_one" if control == "select1" else "select_multiple"
        if node.itemset and node.itemset.instance_id in external:
            return base + "_from_file"
        return base
    if control == "odk:rank":
        return "rank"
    if control == "range":
        return "range"
    if control == "trigger":
        return "acknowledge"
    if control == "upload":
        mediatype = node.parameters.get("mediatype", "")
        for prefix, kind in (
            ("image", "image"),
            ("audio", "audio"),
            ("video", "video"),
            ("osm", "osm"),
        ):
            if mediatype.startswith(prefix):
                return kind
        return "file"
    if control == "input":
        if bind.readonly == "true()" and xtype == "string" and not bind.calculate:
            return "note"
        return {
            "string": "text",
            "int": "integer",
            "integer": "integer",
            "decimal": "decimal",
            "date": "date",
            "time": "time",
            "dateTime": "datetime",
            "geopoint": "geopoint",
            "geotrace": "geotrace",
            "geoshape": "geoshape",
            "barcode": "barcode",
            "binary": "file",
        }.get(xtype, xtype)
    return control


def _attribute(element, name: str) -> str:
    """An attribute whatever its namespace (``version`` or ``orx:version``, as ODK allows);
    the plain one wins."""
    if element.get(name):
        return element.get(name)
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1] == name and value:
            return value
    return ""


def xform_hash(xml_text: str) -> str:
    """A form's content hash: ``md5:`` and the md5 of its XForm text (OpenRosa's form hash)."""
    return "md5:" + hashlib.md5(xml_text.encode("utf-8")).hexdigest()


def xform_matches(content_hash: str, xml_text: str) -> bool:
    """Whether ``xml_text`` is the XForm that ``content_hash`` names."""
    return isinstance(xml_text, str) and xform_hash(xml_text) == content_hash


def load_xform(xml_text: str, *, media: dict[str, bytes] | None = None) -> Form:
    """The form model of an XForm; ``media`` holds the files it uses (CSV, XML) by name."""
    if isinstance(xml_text, bytes):
        xml_text = xml_text.decode("utf-8")
    form = build_form(xml_text, media)
    form.unsupported.extend(model_unsupported(form))
    return form


def build_form(xml_text: str, media: dict[str, bytes] | None = None) -> Form:
    """The form model of an XForm, without the check of unsupported features."""
    return _Builder(xml_text, media).build()


# -- what Surveyor supports ------------------------------------------------------------------

SUPPORTED_TYPES = frozenset(
    """survey text integer decimal select_one select_multiple select_one_from_file
    select_multiple_from_file rank range date time datetime note acknowledge calculate hidden
    geopoint image file audio barcode begin_group begin_repeat start end today deviceid
    username phonenumber email instanceID""".split()
)
SUPPORTED_APPEARANCES = frozenset(
    """field-list table-list minimal quick horizontal horizontal-compact compact columns
    columns-pack no-buttons likert label list-nolabel list autocomplete quickcompact multiline
    numbers thousands-sep no-calendar month-year year vertical""".split()
)
_NUMBERED_APPEARANCE = re.compile(r"^(columns|compact)-\d+$")
SUPPORTED_PARAMETERS = frozenset(
    {"start", "end", "step", "mediatype", "max-pixels", "rows", "noAddRemove"}
)
_SEARCH_RE = re.compile(r"search\s*\([^)]*\)")


def _appearance(text: str) -> str:
    """Appearances in lower case, as Collect reads them (``Field-list``, ``Minimal``); the
    arguments of search() keep their case (file and column names)."""
    out, last = [], 0
    for match in _SEARCH_RE.finditer(text):
        out.append(text[last : match.start()].lower())
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].lower())
    return "".join(out)


def model_unsupported(form: Form) -> list[Unsupported]:
    """Each feature of the form that Surveyor does not support, and where."""
    found: list[Unsupported] = []
    for node in form.root.walk():
        if node.kind is Kind.ROOT:
            continue
        if node.path.endswith("/meta/entity"):
            found.append(Unsupported("entities"))
            continue
        if "/meta/entity/" in node.path:
            continue
        what = {Kind.GROUP: "group", Kind.REPEAT: "repeat"}.get(node.kind, "question")

        def unsupported(feature: str, detail: str = "", node=node, what=what) -> Unsupported:
            return Unsupported(feature, detail, what=what, name=node.name, row=node.row)

        if node.type not in SUPPORTED_TYPES:
            found.append(unsupported("type", node.type or ""))
        appearance = node.appearance or ""
        if _SEARCH_RE.search(appearance):
            found.append(unsupported("search"))
            appearance = _SEARCH_RE.sub(" ", appearance)
        for token in appearance.split():
            if token not in SUPPORTED_APPEARANCES and not _NUMBERED_APPEARANCE.match(token):
                found.append(unsupported("appearance", token))
        for key, value in node.parameters.items():
            if key == "query" and node.type == "select_one_external":
                continue
            if key.split(":")[-1] == "personal":
                continue  # bind::surveyor:personal: read by surveyor.results.personal
            if key not in SUPPORTED_PARAMETERS:
                found.append(unsupported("attribute", f"{key}={' '.join(value.split())}"))
        if node.itemset and "randomize(" in node.itemset.nodeset:
            found.append(unsupported("randomize"))
    for node, _column, text in last_saved_uses(form):
        what = {Kind.GROUP: "group", Kind.REPEAT: "repeat"}.get(node.kind, "question")
        for name in LAST_SAVED_RE.findall(text):
            found.append(Unsupported("last_saved", name, what=what, name=node.name, row=node.row))
    return list(dict.fromkeys(found))


# pyxform writes ${last-saved#x} as instance('__last-saved')/data/.../x
LAST_SAVED_RE = re.compile(r"instance\(\s*['\"]__last-saved['\"]\s*\)(?:/[\w.\-]+)*/([\w.\-]+)")


def last_saved_uses(form: Form) -> list[tuple[FormNode, str, str]]:
    """(node, XLSForm column, expression) for each expression reading ${last-saved#...}:
    the last saved interview is not offered to expressions (it reads as empty)."""
    uses = []
    for node in form.root.walk():
        for attribute, column in (
            ("relevant", "relevant"),
            ("required", "required"),
            ("constraint", "constraint"),
            ("calculate", "calculation"),
            ("readonly", "read_only"),
        ):
            text = getattr(node.bind, attribute)
            if text and LAST_SAVED_RE.search(text):
                uses.append((node, column, text))
    for action in form.setvalues:
        node = form.nodes.get(action.ref)
        if node is not None and action.value and LAST_SAVED_RE.search(action.value):
            uses.append((node, "calculation" if action.trigger else "default", action.value))
    seen, unique = set(), []
    for node, column, text in uses:
        if (node.path, column) not in seen:
            seen.add((node.path, column))
            unique.append((node, column, text))
    unique.sort(key=lambda use: use[0].row or 0)
    return unique
