"""The XLSForm 'personal' column is read once per form version, but a version seen first
without its XLSForm (read back from an XForm) must not hide the column for later reads."""

from __future__ import annotations

import copy
from pathlib import Path

from surveyor.forms import load_form
from surveyor.results.personal import personal_fields

REPO = Path(__file__).resolve().parents[2]


def test_a_version_first_seen_without_its_xlsform_still_reads_the_column_later():
    form = load_form(REPO / "forms" / "enquete_professionnels.xlsx")
    bare = copy.copy(form)
    bare.source_bytes = b""
    assert personal_fields(bare, defaults=False) == frozenset()
    assert {"contact_name", "contact_phone"} <= personal_fields(form, defaults=False)
