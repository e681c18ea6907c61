"""The coordinator trusts a batch's form only by its XForm's hash: the XLSForm a batch carries
is never loaded, and interviews of one form version export together whatever XForm text
their laptop's pyxform made."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile

import pytest
from openpyxl import load_workbook

from surveyor.batches import hand_in
from surveyor.batches import merge_batches
from surveyor.errors import FormError
from surveyor.exports import export
from surveyor.forms import loader
from surveyor.services.interviews import FormLibrary
from tests.batches.conftest import HABITANTS
from tests.batches.crafting import records
from tests.batches.crafting import recraft


def exported(store, out) -> tuple[list[str], list[str]]:
    export(store, out)
    with open(out / "enquete_habitants.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return list(rows[0]), [r["meta-instanceID"] for r in rows]


def evil_xlsform() -> bytes:
    """The habitants XLSForm with one more question (same form id and version)."""
    book = load_workbook(HABITANTS)
    survey = book["survey"]
    width = survey.max_column
    survey.append(["text", "evil", "Mot de passe ?"] + [None] * (width - 3))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_bomb() -> bytes:
    """An .xlsx whose sheet inflates far beyond its size (stand-in for a real zip bomb)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b" " * (32 * 1024 * 1024))
    return out.getvalue()


@pytest.fixture
def spreadsheets_read(monkeypatch):
    """The formats of every form file the loader reads from now on."""
    formats: list[str] = []
    real = loader.read_definition

    def spy(data, name):
        formats.append(loader.detect_format(data, name))
        return real(data, name)

    monkeypatch.setattr(loader, "read_definition", spy)
    return formats


def amina_batch(tmp_path, make_laptop):
    amina = make_laptop("Amina")
    amina.fill(1)
    amina.fill(2)
    return hand_in(amina.store, tmp_path / "amina.zip", device_id=amina.device_id).path


@pytest.mark.parametrize("source", [evil_xlsform, xlsx_bomb], ids=["crafted", "zip-bomb"])
def test_the_xlsform_a_batch_carries_is_never_loaded(
    source, tmp_path, make_laptop, coordinator, spreadsheets_read
):
    good = amina_batch(tmp_path, make_laptop)
    bad_source = source()
    crafted = recraft(good, tmp_path / "crafted.zip", form=lambda d, _src: (d, bad_source))
    spreadsheets_read.clear()
    report = merge_batches(coordinator, [crafted])
    assert report.ok and report.new == 2
    header, keys = exported(coordinator, tmp_path / "out")
    assert sorted(keys) == sorted(r["instance_id"] for r in records(good))
    assert not any("evil" in column for column in header)
    assert set(spreadsheets_read) == {"xml"}  # only the XForm was read, never a spreadsheet
    form_hash = records(good)[0]["form_hash"]
    assert coordinator.get_form(form_hash).source_bytes is None  # the merge kept the XForm only


def test_the_form_library_refuses_an_xform_that_does_not_match_its_hash(
    tmp_path, make_laptop, coordinator
):
    good = amina_batch(tmp_path, make_laptop)
    assert merge_batches(coordinator, [good]).ok
    form_hash = records(good)[0]["form_hash"]
    with coordinator.db.conn:
        coordinator.db.execute(
            "UPDATE forms SET xform = replace(xform, 'Tilleuls', 'Platanes') || ' ' "
            "WHERE content_hash = ?",
            [form_hash],
        )
    with pytest.raises(FormError, match="does not match its hash"):
        FormLibrary(coordinator).get(form_hash)


def test_a_stored_xlsform_that_converts_to_another_xform_is_not_used(
    tmp_path, make_laptop, spreadsheets_read
):
    """On a laptop (the XLSForm is kept): a source that no longer gives the XForm its hash
    names (another pyxform, or a file changed in the database) gives way to the XForm."""
    amina = make_laptop("Amina")
    form_hash = amina.form.content_hash
    with amina.store.db.conn:
        amina.store.db.execute(
            "UPDATE forms SET source_bytes = ? WHERE content_hash = ?", [evil_xlsform(), form_hash]
        )
    form = FormLibrary(amina.store, cache_dir=tmp_path / "cache").get(form_hash)
    assert form.content_hash == form_hash
    assert "/data/evil" not in form.nodes and not any(p.endswith("/evil") for p in form.nodes)


def test_one_form_version_with_two_xform_texts_exports_together(tmp_path, make_laptop, coordinator):
    good = amina_batch(tmp_path, make_laptop)
    bruno = make_laptop("Bruno")
    bruno.fill(3)
    theirs = hand_in(bruno.store, tmp_path / "bruno.zip", device_id=bruno.device_id).path
    # Bruno's laptop has another pyxform: the same XLSForm gives a slightly different XForm
    renamed: dict[str, str] = {}

    def other_pyxform(definition, source):
        xform = definition["xform"] + "\n<!-- made by another pyxform -->"
        new_hash = "md5:" + hashlib.md5(xform.encode("utf-8")).hexdigest()
        renamed[definition["content_hash"]] = new_hash
        return {**definition, "xform": xform, "content_hash": new_hash}, source

    variant = recraft(
        theirs,
        tmp_path / "bruno-variant.zip",
        form=other_pyxform,
        record=lambda r: {**r, "form_hash": renamed[r["form_hash"]]},
    )
    report = merge_batches(coordinator, [good, variant])
    assert report.ok and report.new == 3
    assert len(coordinator.list_forms(form_id="enquete_habitants")) == 2
    _header, keys = exported(coordinator, tmp_path / "out")
    assert sorted(keys) == sorted(r["instance_id"] for r in records(good) + records(variant))
