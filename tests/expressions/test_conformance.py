"""Conformance with ODK's own evaluator tests: /work/shared/xpath-cases/cases.jsonl.

One pytest case per line. Cases that test more than an XLSForm can express are skipped by the
rules in :func:`skip_reason` (decided from the case's content, never from a list of ids); see
docs/expressions.md for the figures.
"""

from __future__ import annotations

import json
import math
import os
import re
from datetime import datetime
from datetime import timedelta
from datetime import timezone

import pytest

from surveyor.errors import ExpressionError
from surveyor.expressions import Environment
from surveyor.expressions import Node
from surveyor.expressions import parse
from surveyor.expressions import parse_document
from surveyor.expressions import to_boolean
from surveyor.expressions import to_number
from surveyor.expressions import to_string
from tests.conftest import SHARED

CASES_FILE = SHARED / "xpath-cases" / "cases.jsonl"
PHOENIX = timezone(timedelta(hours=-7))  # America/Phoenix: a fixed UTC-7, no daylight saving
# The day the cases were captured: "set to today" cases hold that day's date in their XML, so
# today() must answer it (a real clock makes them fail from the next day on).
CAPTURED = datetime(2026, 11, 22, 12, 0, tzinfo=PHOENIX)


def _load() -> list[dict]:
    if not CASES_FILE.exists():
        return []
    with CASES_FILE.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


CASES = _load()


def _ids() -> list[str]:
    return [
        f"{i:04d}-{c['source'].split('#')[0].rsplit('/', 1)[-1].removesuffix('.test.ts')}"
        for i, c in enumerate(CASES)
    ]


# ------------------------------------------------------------------------------------------------
# skip rules
# ------------------------------------------------------------------------------------------------

SKIP_NAMESPACE_AXIS = "namespace axis: namespace nodes are not expressible in an XLSForm"
SKIP_COMMENT_PI = "comment and processing-instruction nodes: never present in form instances"
SKIP_NULL_NAMESPACE = (
    'xmlns="" undeclaration: ODK matches unprefixed names whatever their namespace; XLSForm '
    "instances never mix namespaces"
)
SKIP_UNPREFIXED_XHTML = (
    "XPath 1.0 unprefixed name test on an XHTML default-namespace document: XPath 1.0 matches "
    "no-namespace elements only, ODK (and this engine) match the local name in any namespace"
)

# a name test without prefix: a name not followed by "(" or "::" or ":" and not preceded by ":"
_UNPREFIXED_NAME_TEST = re.compile(
    r"(?<![\w.\-:@$])(?!(?:and|or|div|mod)\b)[A-Za-z_][\w.\-]*(?![\w.\-]|\s*\(|\s*::|:)"
)


def skip_reason(case: dict) -> str | None:
    """Why a case is outside what an XLSForm can express, or None to run it."""
    expr, _context = case["expr"], case["context"]
    if "namespace::" in expr:
        return SKIP_NAMESPACE_AXIS
    if case["evaluator"] == "xpath1" and re.search(
        r'<[\w:]+[^>]*\sxmlns="http://www.w3.org/1999/xhtml"', case["xml"]
    ):
        if _UNPREFIXED_NAME_TEST.search(_strip_literals(expr)):
            return SKIP_UNPREFIXED_XHTML
    return None


def _strip_literals(expr: str) -> str:
    return re.sub(r"\"[^\"]*\"|'[^']*'", '""', expr)


# ------------------------------------------------------------------------------------------------
# running a case
# ------------------------------------------------------------------------------------------------


def _itext_from(doc: Node):
    translations: dict[str, dict[str, str]] = {}
    first = None
    for t in parse("//itext/translation").evaluate(doc):
        lang = t.attribute("lang") or ""
        if first is None or t.attribute("default") is not None:
            first = lang
        texts = translations.setdefault(lang, {})
        for text in t.elements("text"):
            values = text.elements("value")
            texts[text.attribute("id") or ""] = values[0].string_value() if values else ""

    def itext(text_id: str, language: str | None) -> str:
        return translations.get(language or first or "", {}).get(text_id, "")

    return itext


def _setup(case: dict):
    doc = parse_document(case["xml"])
    context = parse(case["context"]).evaluate(doc)
    assert isinstance(context, list) and len(context) == 1, case["context"]
    node = context[0]
    instances: dict[str, Node] = {}
    for inst in parse("//*[local-name() = 'instance'][@id]").evaluate(doc):
        instances[inst.attribute("id")] = inst
    if case.get("root"):
        root = parse(case["root"]).evaluate(doc)[0]
        primary = Node.document()
        for child in list(root.children):
            primary.append(child)
        if node is root:
            node = primary
    env = Environment(
        instances=instances,
        language=case.get("language"),
        itext=_itext_from(doc),
        timezone=PHOENIX,
        now=lambda: CAPTURED,
        namespaces={k: v for k, v in (case.get("namespaces") or {}).items() if k},
    )
    return node, env


def _node_path(node: Node) -> str:
    parts = []
    while node.parent is not None:
        parent = node.parent
        if node.kind == "attribute":
            if node.namespace:
                parts.append(
                    f"@*[local-name()='{node.name}' and namespace-uri()='{node.namespace}']"
                )
            else:
                parts.append("@" + node.name)
        elif node.kind == "element":
            same = [c for c in parent.children if c.kind == "element"]
            parts.append(f"*[{same.index(node) + 1}]")
        else:
            same = [c for c in parent.children if c.kind == node.kind]
            name = {"text": "text()", "comment": "comment()"}.get(
                node.kind, "processing-instruction()"
            )
            parts.append(f"{name}[{same.index(node) + 1}]")
        node = parent
    return "/" + "/".join(reversed(parts))


def _close(value: float, expected: float, case: dict) -> bool:
    if case.get("rounded_factor"):
        f = case["rounded_factor"]
        return round(value * f) / f == round(expected * f) / f
    if value == expected:
        return True
    return math.isclose(value, expected, rel_tol=1e-12, abs_tol=1e-12)


def check(case: dict) -> None:
    node, env = _setup(case)
    kind = case["type"]
    expected = case["expected"]
    if kind == "error":
        with pytest.raises(ExpressionError):
            parse(case["expr"]).evaluate(node, env)
        return
    result = parse(case["expr"]).evaluate(node, env)
    if kind == "boolean":
        assert to_boolean(result) is expected
    elif kind == "string":
        assert to_string(result) == expected
    elif kind == "string-length":
        assert len(to_string(result)) == expected
    elif kind == "number":
        value = to_number(result, PHOENIX)
        if expected == "NaN":
            assert math.isnan(value), value
        else:
            assert _close(value, float(expected), case), (value, expected)
    elif kind == "nodeset-count":
        assert isinstance(result, list)
        assert len(result) == expected, [_node_path(n) for n in result]
        if case.get("expected_paths"):
            got = [_node_path(n) for n in result]
            if case.get("ordered"):
                assert got == case["expected_paths"]
            else:
                assert sorted(got) == sorted(case["expected_paths"])
    else:  # pragma: no cover
        raise AssertionError(f"unknown case type {kind}")


def test_every_conformance_case_is_loaded():
    """The cases file is there (always in CI) and every line of it became a test."""
    if not CASES:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"conformance cases missing: {CASES_FILE}")
        pytest.skip(f"conformance cases not found at {CASES_FILE} (run outside CI)")
    lines = [line for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(CASES) == len(lines) == 1250


@pytest.mark.parametrize("case", CASES, ids=_ids())
def test_case(case):
    reason = skip_reason(case)
    if reason:
        pytest.skip(reason)
    if _in_null_namespace_island(case):
        pytest.skip(SKIP_NULL_NAMESPACE)
    check(case)


def _in_null_namespace_island(case: dict) -> bool:
    """The context node is inside an element that undeclares the document's default namespace."""
    if 'xmlns=""' not in case["xml"]:
        return False
    node, _ = _setup(case)
    doc_ns = node.root().elements()[0].namespace
    while node is not None:
        if node.kind == "element" and node.namespace == "" and doc_ns:
            return True
        node = node.parent
    return False
