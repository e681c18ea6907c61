"""Loading XLSForms into the form model: every type and column the model handles."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import Workbook

from surveyor.errors import FormError
from surveyor.forms import Kind
from surveyor.forms import load_form
from surveyor.forms import load_xform

from .helpers import write_md

FULL = """
| survey |
| | type | name | label::English (en) | label::Français (fr) | hint::English (en) | guidance_hint::English (en) | relevant | constraint | constraint_message::English (en) | required | required_message | calculation | default | appearance | choice_filter | parameters | trigger | repeat_count | media::image::English (en) | read_only |
| | start | start | | | | | | | | | | | | | | | | | | |
| | today | today | | | | | | | | | | | | | | | | | | |
| | deviceid | deviceid | | | | | | | | | | | | | | | | | | |
| | text | name | Name | Nom | your name | long guidance | | . != 'x' | not x | yes | fill it | | Bob | | | | | | a.png | |
| | integer | age | Age | Âge | | | | . > 0 and . < 120 | | | | | | | | | | | | |
| | decimal | weight | Weight | Poids | | | ${age} > 10 | | | | | | | | | | | | | |
| | select_one yn | ok | OK? | OK? | | | | | | | | | | minimal | | | | | | |
| | select_multiple fruit or_other | fruits | Fruits | Fruits | | | | | | | | | | | | | | | | |
| | select_one city | city | City | Ville | | | | | | | | | | | country=${ok} | | | | | |
| | select_one_from_file places.csv | place | Place | Lieu | | | | | | | | | | | | | | | | |
| | rank fruit | rk | Rank | Rang | | | | | | | | | | | | | | | | |
| | range | rg | Range | Plage | | | | | | | | | | | | start=1 end=10 step=1 | | | | |
| | date | d | Date | Date | | | | | | | | | today() | | | | | | | |
| | time | t | Time | Heure | | | | | | | | | | | | | | | | |
| | note | n1 | Note ${name} | Note | | | | | | | | | | | | | | | | |
| | acknowledge | ack | Ack | Ack | | | | | | | | | | | | | | | | |
| | calculate | c1 | | | | | | | | | | concat(${name}, pulldata('places', 'label', 'name', 'x')) | | | | | | | | |
| | hidden | h | | | | | | | | | | | | | | | | | | |
| | geopoint | gp | GPS | GPS | | | | | | | | | | | | | | | | |
| | image | photo | Photo | Photo | | | | | | | | | | | | max-pixels=1024 | | | | |
| | audio | sound | Sound | Son | | | | | | | | | | | | | | | | |
| | file | doc | Doc | Doc | | | | | | | | | | | | | | | | |
| | barcode | bc | Bar | Bar | | | | | | | | | | | | | | | | |
| | datetime | dt | DT | DT | | | | | | | | | | | | | | | | |
| | begin_group | g1 | Group | Groupe | | | ${age} > 1 | | | | | | | field-list | | | | | | |
| | text | inner | Inner | Int | | | | | | | | | | multiline | | | | | | yes |
| | end_group | | | | | | | | | | | | | | | | | | | |
| | begin_repeat | rep | Rep | Rep | | | | | | | | | | | | | | ${age} | | |
| | text | member | Member | Membre | | | | | | | | | | | | | | | | |
| | integer | mage | Age | Age | | | | | | | | | | | | | | | | |
| | date | when | When | Quand | | | | | | | | | | | | | ${mage} | | | |
| | end_repeat | | | | | | | | | | | | | | | | | | | |
| | end | end | | | | | | | | | | | | | | | | | | |
| | username | username | | | | | | | | | | | | | | | | | | |
| | phonenumber | phonenumber | | | | | | | | | | | | | | | | | | |
| | email | email | | | | | | | | | | | | | | | | | | |
| choices |
| | list_name | name | label::English (en) | label::Français (fr) | country |
| | yn | yes | Yes | Oui | |
| | yn | no | No | Non | |
| | fruit | apple | Apple | Pomme | |
| | fruit | pear | Pear | Poire | |
| | city | paris | Paris | Paris | yes |
| | city | lyon | Lyon | Lyon | no |
| settings |
| | form_title | form_id | version | default_language | instance_name | submission_url |
| | Test | test1 | 2024 | Français (fr) | concat(${name}, '-', ${age}) | http://x/submit |
"""

EN, FR = "English (en)", "Français (fr)"


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    directory = tmp_path_factory.mktemp("full")
    (directory / "places.csv").write_text("name,label\na,A\nb,B\n", encoding="utf-8")
    return load_form(write_md(directory, "full.md", FULL))


def test_settings(full):
    assert (full.form_id, full.version, full.title) == ("test1", "2024", "Test")
    assert full.default_language == FR
    assert full.languages == [EN, FR]
    assert full.submission_url == "http://x/submit"
    assert full.instance_name == "concat( /data/name , '-',  /data/age )"
    assert full.source_name == "full.md"
    assert full.source_bytes.startswith(b"| survey |")
    assert full.content_hash.startswith("md5:") and len(full.content_hash) == 36
    assert full.xform.startswith("<?xml")


def test_every_type_and_row(full):
    types = {n.name: (n.type, n.row) for n in full.root.walk() if n.row}
    assert types == {
        "start": ("start", 2),
        "today": ("today", 3),
        "deviceid": ("deviceid", 4),
        "name": ("text", 5),
        "age": ("integer", 6),
        "weight": ("decimal", 7),
        "ok": ("select_one", 8),
        "fruits": ("select_multiple", 9),
        "city": ("select_one", 10),
        "place": ("select_one_from_file", 11),
        "rk": ("rank", 12),
        "rg": ("range", 13),
        "d": ("date", 14),
        "t": ("time", 15),
        "n1": ("note", 16),
        "ack": ("acknowledge", 17),
        "c1": ("calculate", 18),
        "h": ("hidden", 19),
        "gp": ("geopoint", 20),
        "photo": ("image", 21),
        "sound": ("audio", 22),
        "doc": ("file", 23),
        "bc": ("barcode", 24),
        "dt": ("datetime", 25),
        "g1": ("begin_group", 26),
        "inner": ("text", 27),
        "rep": ("begin_repeat", 29),
        "member": ("text", 30),
        "mage": ("integer", 31),
        "when": ("date", 32),
        "end": ("end", 34),
        "username": ("username", 35),
        "phonenumber": ("phonenumber", 36),
        "email": ("email", 37),
    }
    assert full.node("/data/meta/instanceID").type == "instanceID"
    assert full.unsupported == []


def test_controls_and_binds(full):
    n = full.node
    assert n("/data/name").control == "input"
    assert n("/data/name").default == "Bob"
    assert n("/data/name").bind.required == "true()"
    assert n("/data/name").bind.required_message == {"": "fill it"}
    assert n("/data/name").bind.constraint == ". != 'x'"
    assert n("/data/name").bind.constraint_message[EN] == "not x"
    assert n("/data/age").bind.type == "int"
    assert n("/data/weight").bind.relevant.split() == ["/data/age", ">", "10"]
    assert n("/data/ok").control == "select1" and n("/data/ok").appearance == "minimal"
    assert n("/data/fruits").control == "select"
    assert n("/data/fruits_other").bind.relevant == "selected(../fruits, 'other')"
    assert n("/data/rk").control == "odk:rank"
    assert n("/data/rg").control == "range"
    assert n("/data/rg").parameters == {"start": "1", "end": "10", "step": "1"}
    assert n("/data/ack").control == "trigger"
    assert n("/data/c1").control is None and "pulldata" in n("/data/c1").bind.calculate
    assert n("/data/photo").control == "upload"
    assert n("/data/photo").parameters == {"max-pixels": "1024", "mediatype": "image/*"}
    assert n("/data/sound").parameters["mediatype"] == "audio/*"
    assert n("/data/start").bind.preload == "timestamp"
    assert n("/data/start").bind.preload_params == "start"
    assert n("/data/dt").bind.type == "dateTime"
    assert n("/data/g1/inner").bind.readonly == "true()"
    assert n("/data/g1/inner").appearance == "multiline"


def test_labels_hints_media(full):
    name = full.node("/data/name")
    assert name.label == {EN: "Name", FR: "Nom"}
    assert name.hint[EN] == "your name"
    assert name.guidance_hint[EN] == "long guidance"
    assert name.media == {"image": {EN: "jr://images/a.png"}}
    assert full.node("/data/n1").label[EN] == 'Note <output value="/data/name"/>'
    assert full.node("/data/fruits_other").label == {"": "Specify other."}
    assert full.itext[FR]["/data/name:label"][""] == "Nom"


def test_choices_and_itemsets(full):
    ok = full.node("/data/ok")
    assert [(c.name, c.label) for c in ok.choices] == [
        ("yes", {EN: "Yes", FR: "Oui"}),
        ("no", {EN: "No", FR: "Non"}),
    ]
    assert [c.name for c in full.node("/data/fruits").choices] == ["apple", "pear", "other"]
    city = full.node("/data/city")
    assert city.choices is None
    assert city.itemset.instance_id == "city"
    assert city.itemset.nodeset.startswith("instance('city')/root/item[country=")
    assert city.itemset.label_ref == "jr:itext(itextId)"
    assert "<country>yes</country>" in full.secondary_instances["city"]
    place = full.node("/data/place")
    assert place.itemset.instance_id == "places" and place.itemset.label_ref == "label"
    assert full.external_instances == {"places": "jr://file-csv/places.csv"}
    assert full.media_files == {"places.csv": b"name,label\na,A\nb,B\n"}
    assert full.secondary_instances["places"] == (
        "<root><item><name>a</name><label>A</label></item>"
        "<item><name>b</name><label>B</label></item></root>"
    )


def test_groups_repeats_setvalues(full):
    group = full.node("/data/g1")
    assert group.kind is Kind.GROUP and group.control == "group"
    assert group.appearance == "field-list" and group.label[EN] == "Group"
    assert group.bind.relevant.split() == ["/data/age", ">", "1"]
    rep = full.node("/data/rep")
    assert rep.kind is Kind.REPEAT and rep.control == "repeat"
    assert rep.repeat_count.strip() == "/data/age"
    assert [c.name for c in rep.children] == ["member", "mage", "when"]
    assert full.node("/data/rep/when").repeat_ancestors() == [rep]
    events = {(s.ref, s.event, s.value, s.trigger) for s in full.setvalues}
    assert ("/data/d", "odk-instance-first-load", "today()", None) in events
    assert ("/data/rep/when", "xforms-value-changed", None, "/data/rep/mage") in events
    assert full.by_name("mage").parent is rep


UNSUPPORTED = """
| survey |
| | type | name | label | appearance | parameters |
| | geotrace | gps_trace | Trace | | |
| | geoshape | shape | Shape | | |
| | video | vid | Video | | |
| | text | txt | Text | weird-look | |
| | select_one yn | s | S | search('list') | |
| | select_one yn | r | R | | randomize=true |
| | audit | audit | | | |
| | start-geopoint | sg | | | |
| choices |
| | list_name | name | label |
| | yn | yes | Yes |
| | yn | no | No |
"""


def test_unsupported_features_are_named(tmp_path):
    form = load_form(write_md(tmp_path, "u.md", UNSUPPORTED))
    assert [str(u) for u in form.unsupported] == [
        "question 'gps_trace' (row 2) uses type geotrace",
        "question 'shape' (row 3) uses type geoshape",
        "question 'vid' (row 4) uses type video",
        "question 'txt' (row 5) uses appearance 'weird-look'",
        "question 's' (row 6) uses the search() appearance",
        "question 'r' (row 7) uses parameter randomize",
        "question 'sg' (row 9) uses type start-geopoint",
        "question 'audit' (row 8) uses type audit",
    ]


def test_entities_sheet_is_unsupported(tmp_path):
    form = load_form(
        write_md(
            tmp_path,
            "e.md",
            """
| survey |
| | type | name | label | save_to |
| | text | a | A | a |
| entities |
| | dataset | label |
| | trees | ${a} |
""",
        )
    )
    assert "the form creates or updates entities (entities sheet)" in [
        str(u) for u in form.unsupported
    ]


def test_xlsx_and_xls_disguised(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(["type", "name", "label"])
    ws.append(["integer", "a", "A"])
    ws.append([])  # a blank row pyxform skips: rows stay the real ones
    ws.append(["text", "b", "B"])
    path = tmp_path / "f.xlsx"
    wb.save(path)
    form = load_form(path)
    assert form.by_name("a").row == 2 and form.by_name("b").row == 4
    assert form.form_id == "f"
    # The same bytes under another extension still load (format from the first bytes).
    other = tmp_path / "f.xls"
    other.write_bytes(path.read_bytes())
    assert load_form(other).by_name("b").type == "text"


def test_load_xform_directly(full):
    form = load_xform(full.xform)
    assert form.node("/data/name").type == "text"
    assert form.node("/data/n1").type == "note"
    assert form.node("/data/place").type == "select_one_from_file"
    assert form.node("/data/photo").type == "image"
    assert form.node("/data/start").type == "start"
    assert form.node("/data/c1").type == "calculate"
    assert form.node("/data/name").row is None
    assert form.content_hash == full.content_hash


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("empty.xlsx", b"", "the file is empty"),
        ("blank.md", b"   \n", "the file is empty"),
        ("notes.txt", b"just some words\n", "not a spreadsheet"),
        ("binary.xlsx", b"\x00\x01\x02garbage" * 10, "not a spreadsheet"),
        ("ole.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "cannot read it as .xls"),
    ],
)
def test_bad_files_give_form_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FormError) as info:
        load_form(path)
    assert name in str(info.value) and reason in str(info.value)


def test_truncated_zip(tmp_path):
    wb = Workbook()
    wb.active.title = "survey"
    good = tmp_path / "good.xlsx"
    wb.save(good)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good.read_bytes()[:300])
    with pytest.raises(FormError, match="bad.xlsx: not an XLSForm"):
        load_form(bad)


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(FormError, match="archive.xlsx: not an XLSForm"):
        load_form(path)


def test_wrong_sheets(tmp_path):
    wb = Workbook()
    wb.active.title = "questions"
    wb.create_sheet("answers")
    path = tmp_path / "wrong.xlsx"
    wb.save(path)
    with pytest.raises(FormError, match="wrong.xlsx"):
        load_form(path)


def test_missing_file(tmp_path):
    with pytest.raises(FormError, match="nope.xlsx: cannot read"):
        load_form(tmp_path / "nope.xlsx")


def test_pyxform_error_names_file_and_row(tmp_path):
    path = write_md(
        tmp_path,
        "dup.md",
        """
| survey |
| | type | name | label |
| | integer | a | A |
| | integer | a | A |
""",
    )
    with pytest.raises(FormError) as info:
        load_form(path)
    assert str(info.value).startswith("dup.md (sheet survey, row 3): ")
    assert info.value.problems[0].row == 3


def test_allow_choice_duplicates_like_kobo(tmp_path):
    form = load_form(
        write_md(
            tmp_path,
            "d.md",
            """
| survey |
| | type | name | label |
| | select_one yn | a | A |
| choices |
| | list_name | name | label |
| | yn | yes | Yes |
| | yn | yes | Yes again |
""",
        )
    )
    assert [c.name for c in form.by_name("a").choices] == ["yes", "yes"]
    assert any("duplicate choice names" in w for w in form.warnings)


def test_appearances_are_case_insensitive_as_in_collect(tmp_path):
    path = tmp_path / "case.md"
    path.write_text(
        """| survey |
| | type | name | label | appearance |
| | begin_group | g | G | Field-list |
| | select_one yn | q | Q | Minimal |
| | end_group | | | |
| | select_one fruits | f | F | search('Fruits') |
| choices |
| | list_name | name | label |
| | yn | yes | Yes |
| | fruits | name_key | name |
""",
        encoding="utf-8",
    )
    from surveyor.forms import load_form

    form = load_form(path)
    assert form.node("/data/g").appearance == "field-list"
    assert form.node("/data/g/q").appearance == "minimal"
    assert form.node("/data/f").appearance == "search('Fruits')"  # its arguments as written
    assert not any("appearance '" in str(u) for u in form.unsupported), form.unsupported


def test_loading_a_form_reports_each_step_in_order_and_the_cache_skips_them(tmp_path):
    from surveyor.forms.loader import LOAD_STEPS
    from surveyor.forms.loader import LoadStep

    path = write_md(
        tmp_path,
        "steps.md",
        """
| survey |
| | type | name | label |
| | text | a | A |
""",
    )
    steps: list[LoadStep] = []
    load_form(path, cache_dir=tmp_path / "cache", progress=steps.append)
    assert steps == list(LOAD_STEPS) == ["read", "convert", "build", "check"]
    again: list[LoadStep] = []
    load_form(path, cache_dir=tmp_path / "cache", progress=again.append)
    assert again == [LoadStep.READ]  # the compiled cache: nothing else to wait for
