"""Which fields are personal: the XLSForm column, a bind attribute, the campaign's marks,
the defaults by name and type."""

from __future__ import annotations

from pathlib import Path

from surveyor.forms import load_form
from surveyor.results.personal import personal_fields
from surveyor.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]

FORM = """
| survey |
|        | type    | name         | label        | personal | bind::surveyor:personal |
|        | text    | member_name  | Prénom       | no       |      |
|        | text    | notes_phone  | Téléphone    |          |      |
|        | text    | secret       | Secret       | yes      |      |
|        | text    | street       | Rue          |          |      |
|        | text    | tagged       | Tagged       |          | yes  |
|        | select_one yn | email_ok | Courriel ? |          |      |
| choices |
|         | list_name | name | label |
|         | yn        | yes  | Oui   |
|         | yn        | no   | Non   |
| settings |
|          | form_id | namespaces |
|          | petit   | surveyor="https://surveyor.example/xforms" |
"""


def test_the_bundled_forms_mark_contact_details_personal():
    for name in ("enquete_habitants", "enquete_professionnels"):
        form = load_form(REPO / "forms" / f"{name}.xlsx")
        found = personal_fields(form, defaults=False)
        assert {"contact_name", "contact_phone", "contact_email"} <= found
        assert not form.unsupported


def test_column_bind_attribute_and_defaults(tmp_path):
    path = tmp_path / "petit.md"
    path.write_text(FORM, encoding="utf-8")
    form = load_form(path)
    assert not form.unsupported  # the bind attribute is known, not "unsupported"
    found = personal_fields(form)
    assert "secret" in found  # the column says yes
    assert "tagged" in found  # bind::surveyor:personal
    assert "notes_phone" in found  # the default: a free-entry field named with "phone"
    assert "member_name" not in found  # the column says no, over the default
    assert "street" not in found
    assert "email_ok" not in found  # a select holds the form's codes, never guessed
    # the campaign's marks win over the form
    assert "street" in personal_fields(form, {"street": True})
    assert "secret" not in personal_fields(form, {"secret": False})


def test_a_campaign_mark_hides_a_text_question_values(tmp_path):
    ws = Workspace.open(tmp_path / "data")
    path = tmp_path / "petit.md"
    path.write_text(FORM, encoding="utf-8")
    form = ws.load_form(path).value
    ws.fill_interview(form, {"street": "Rue des Lilas"}, finalize=True)
    assert ws.results().questions["street"].verbatims[0][1] == "Rue des Lilas"
    changes = ws.mark_personal("petit", "street", True)
    assert changes.results
    street = ws.results().questions["street"]
    assert street.personal and street.verbatims == [] and street.answered == 1
    ws.mark_personal("petit", "street", None)
    assert not ws.results().questions["street"].personal
    ws.close()


def test_the_same_form_seen_first_as_an_xform_still_reads_its_workbooks_column():
    """The marks are kept per workbook file, not per form hash: the same XForm met first
    without its workbook (downloaded, or from the store) must not hide the column later."""
    import dataclasses

    form = load_form(REPO / "forms" / "enquete_habitants.xlsx")
    as_xform = dataclasses.replace(form, source_name="habitants.xml", source_bytes=b"<h:html/>")
    assert "contact_name" not in personal_fields(as_xform, defaults=False)
    assert "contact_name" in personal_fields(form, defaults=False)
