"""Compatibility corpus: every real form pyxform converts loads; every other gives FormError.

Figures for docs/COMPATIBILITY.md: ``uv run python benchmarks/corpus_report.py``.
"""

from __future__ import annotations

import csv
import os

import pytest

from surveyor.errors import FormError
from surveyor.forms import Kind
from surveyor.forms import Unsupported
from surveyor.forms import load_form
from tests.conftest import SHARED

CORPUS = SHARED / "xlsforms"
MANIFEST = CORPUS / "MANIFEST.tsv"


def manifest_rows():
    if not MANIFEST.is_file():
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"the XLSForm corpus is missing: {MANIFEST}")
        return []
    with open(MANIFEST, encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row.get("file")]


ROWS = manifest_rows()


@pytest.mark.slow
@pytest.mark.skipif(not ROWS, reason="XLSForm corpus not found (shared/xlsforms)")
@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_corpus_form(row):
    path = CORPUS / row["file"]
    status = row["pyxform_4_5_0"]
    if status in ("ok", "ok_allow_choice_duplicates"):
        form = load_form(path)
        assert all(isinstance(u, Unsupported) and str(u) for u in form.unsupported)
        if int(row.get("questions") or 0) > 0:
            first = next(
                (n for n in form.root.walk() if n.kind is Kind.FIELD and n.is_visible), None
            )
            assert first is not None, "no visible question"
            assert first.label or first.type in ("acknowledge", "note") or first.control
    else:
        with pytest.raises(FormError) as info:
            load_form(path)
        assert path.name in str(info.value)
