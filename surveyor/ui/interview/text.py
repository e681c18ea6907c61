"""Labels and hints as shown: ODK ``<output value=.../>`` filled in, simple markdown, safe HTML.

Form texts come from coordinators' spreadsheets: anything that looks like markup other than
``<output>`` is dropped, everything else is escaped, so a label can never inject rich text.
"""

from __future__ import annotations

import html
import re

from surveyor.errors import ExpressionError
from surveyor.expressions import parse
from surveyor.expressions import to_string

_OUTPUT = re.compile(r"""<output\s+value\s*=\s*(["'])(.*?)\1\s*/?>(?:\s*</output>)?""", re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_BOLD = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\w_])")
_PLACEHOLDER = "\x00{}\x00"


def has_outputs(text: str) -> bool:
    return "<output" in text


def output_values(session, node, text: str) -> list[str]:
    """The current values of the ``<output>`` references in ``text``, in order."""
    values = []
    for match in _OUTPUT.finditer(text):
        values.append(evaluate(session, node, html.unescape(match.group(2))))
    return values


def evaluate(session, node, expression: str) -> str:
    try:
        session.env.current = node
        return to_string(parse(expression).evaluate(node, session.env))
    except ExpressionError:
        return ""
    except Exception:  # noqa: BLE001 - a broken label must never break the screen
        return ""


def render_html(session, node, text: str) -> str:
    """Rich text (a safe subset of HTML) for a label or hint."""
    if not text:
        return ""
    values = output_values(session, node, text) if has_outputs(text) else []
    counter = iter(range(len(values)))
    text = _OUTPUT.sub(lambda m: _PLACEHOLDER.format(next(counter)), text)
    text = _TAG.sub("", text)
    text = html.escape(html.unescape(text), quote=False)
    text = _BOLD.sub(r"<b>\1</b>", text)
    text = _ITALIC.sub(r"<i>\1</i>", text)
    text = text.replace("\n", "<br>")
    for index, value in enumerate(values):
        text = text.replace(_PLACEHOLDER.format(index), "<b>" + html.escape(value) + "</b>")
    return text


def render_plain(session, node, text: str) -> str:
    """The same text without any markup (accessible names, lists, window titles)."""
    if not text:
        return ""
    values = output_values(session, node, text) if has_outputs(text) else []
    counter = iter(range(len(values)))
    text = _OUTPUT.sub(lambda m: values[next(counter)], text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    text = _BOLD.sub(r"\1", text)
    text = _ITALIC.sub(r"\1", text)
    return " ".join(text.split())
