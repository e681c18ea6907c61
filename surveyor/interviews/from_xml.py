"""The answers of a submission XML (an OpenRosa instance), in the store's shape: what a
download from a server and the decryption of an encrypted submission both read."""

from __future__ import annotations

from typing import Any

from defusedxml.ElementTree import fromstring as safe_fromstring

from surveyor.errors import DownloadError
from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _collect(element, template: FormNode, root: FormNode) -> dict[str, Any]:
    """The answers below ``element`` in the engine's shape (see Session.answers)."""
    by_name = {child.name: child for child in template.children}
    out: dict[str, Any] = {}
    for child in element:
        node = by_name.get(_local(child.tag))
        if node is None:
            continue
        if node.kind is Kind.REPEAT:
            out.setdefault(node.name, []).append(_collect(child, node, root))
        elif node.kind is Kind.GROUP:
            if node.name == "meta" and template is root:
                continue
            out.update(_collect(child, node, root))
        else:
            out[node.name] = child.text or ""
    for repeat in _repeats_below(template):
        out.setdefault(repeat.name, [])
    return out


def _repeats_below(template: FormNode):
    for child in template.children:
        if child.kind is Kind.REPEAT:
            yield child
        elif child.kind is Kind.GROUP:
            yield from _repeats_below(child)


def _meta(root_element, name: str) -> str | None:
    for child in root_element:
        if _local(child.tag) == "meta":
            for item in child:
                if _local(item.tag) == name:
                    return (item.text or "").strip() or None
    return None


def answers_from_xml(form: Form, xml: bytes | str) -> tuple[dict[str, Any], dict[str, str | None]]:
    """(answers, meta) of a submission: answers as the store keeps them; meta has
    ``instanceID``, ``deprecatedID``, ``instanceName``, ``deviceID`` (None when absent)."""
    try:
        root = safe_fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
    except Exception as exc:  # noqa: BLE001
        raise DownloadError(f"the submission is not readable XML: {exc}") from exc
    answers = _collect(root, form.root, form.root)
    meta = {k: _meta(root, k) for k in ("instanceID", "deprecatedID", "instanceName", "deviceID")}
    return answers, meta
