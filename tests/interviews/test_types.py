"""Every question type and column, as the engine runs them (headless)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from surveyor.forms import load_form
from surveyor.interviews.session import InterviewSession
from surveyor.services.interviews import FormLibrary
from surveyor.services.interviews import fill_interview
from surveyor.services.interviews import open_session
from surveyor.store import Store

from .test_session import clock

SURVEY = """
| survey |
|  | type | name | label | choice_filter | calculation | read_only | parameters | appearance | default | constraint | relevant |
|  | select_one yn or_other | yn | Yes/No? | | | | | | | | |
|  | select_one_from_file places.csv | city | City | zone = 'south' | | | | | | | |
|  | select_multiple_from_file places.csv | cities | Cities | | | | | | | | |
|  | calculate | price | | | pulldata('places', 'price', 'name', ${city}) | | | | | | |
|  | calculate | city_name | | | jr:choice-name(${city}, '${city}') | | | | | | |
|  | rank yn | ranking | Rank | | | | | | | | |
|  | range | score | Score | | | | start=1 end=5 step=1 | | | . >= 1 and . <= 5 | |
|  | geopoint | where | Where | | | | | | | | |
|  | image | photo | Photo | | | | | | | | |
|  | barcode | code | Code | | | | | | | | |
|  | acknowledge | ok | OK | | | | | | | | |
|  | text | fixed | Fixed | | | yes | | | hello | | |
|  | text | notes | Notes | | | | | multiline | | | |
|  | date | born | Born | | | | | | | . < today() | |
|  | time | at | At | | | | | | | | |
|  | dateTime | when | When | | | | | | | | |
|  | decimal | weight | Weight | | | | | | | . > 0 | |
|  | hidden | secret | | | | | | | | | |
|  | note | n1 | Price is ${price} | | | | | | | | |
| choices |
|  | list_name | name | label |
|  | yn | yes | Yes |
|  | yn | no | No |
"""

REPO_FORMS = Path(__file__).resolve().parents[2] / "forms"

PLACES = "name,label,zone,price\ntarbes,Tarbes,south,3\npau,Pau,south,5\nlille,Lille,north,7\n"


@pytest.fixture
def form(tmp_path):
    (tmp_path / "places.csv").write_text(PLACES, encoding="utf-8")
    path = tmp_path / "types.md"
    path.write_text(textwrap.dedent(SURVEY).strip() + "\n", encoding="utf-8")
    return load_form(path)


def test_select_from_file_takes_choices_from_the_csv_with_its_filter(form):
    s = InterviewSession(form, clock=clock)
    assert s.choices(s.node_at("/data/city")) == [("tarbes", "Tarbes"), ("pau", "Pau")]
    assert [v for v, _ in s.choices(s.node_at("/data/cities"))] == ["tarbes", "pau", "lille"]


def test_pulldata_and_choice_name_read_the_csv(form):
    s = InterviewSession(form, clock=clock)
    s.set_answer("/data/city", "pau")
    assert s.answers()["price"] == "5"
    assert s.answers()["city_name"] == "Pau"


def test_or_other_adds_a_text_relevant_on_other(form):
    s = InterviewSession(form, clock=clock)
    assert "other" in [v for v, _ in s.choices(s.node_at("/data/yn"))]
    assert not s.is_relevant(s.node_at("/data/yn_other"))
    s.set_answer("/data/yn", "other")
    assert s.is_relevant(s.node_at("/data/yn_other"))
    assert "yn" not in {p.name for p in s.validate()}  # "other" is a valid choice


def test_read_only_default_and_hidden(form):
    s = InterviewSession(form, clock=clock)
    assert s.answers()["fixed"] == "hello"
    assert s.is_readonly(s.node_at("/data/fixed"))
    assert not s.is_readonly(s.node_at("/data/notes"))
    assert s.template_of(s.node_at("/data/secret")).control is None


@pytest.mark.parametrize(
    "field,good,bad",
    [
        ("score", "3", "9"),
        ("where", "43.23 0.07 310 5", "95 0"),
        ("born", "1990-05-01", "2990-05-01"),
        ("born", "1990-05-01", "01/05/1990"),
        ("at", "14:30:00.000+01:00", "half past two"),
        ("when", "2026-11-20T14:30:00.000+01:00", "tomorrow"),
        ("weight", "62.5", "-1"),
        ("weight", "62.5", "heavy"),
    ],
)
def test_values_are_checked_by_type_and_constraint(form, field, good, bad):
    s = InterviewSession(form, clock=clock)
    node = s.node_at(f"/data/{field}")
    s.set_answer(node, good)
    assert s.check(node) is None
    s.set_answer(node, bad)
    problem = s.check(node)
    assert problem is not None and problem.code in ("type", "constraint")


def test_rank_keeps_the_order_given(form):
    s = InterviewSession(form, clock=clock)
    s.set_answer("/data/ranking", ["no", "yes"])
    assert s.answers()["ranking"] == "no yes"


def test_barcode_acknowledge_and_image_hold_plain_text(form):
    s = InterviewSession(form, clock=clock)
    s.set_answer("/data/code", "3017620422003")
    s.set_answer("/data/ok", "OK")
    s.set_answer("/data/photo", "porte.jpg")
    answers = s.answers()
    assert (answers["code"], answers["ok"], answers["photo"]) == (
        "3017620422003",
        "OK",
        "porte.jpg",
    )


def test_an_interview_reopens_with_its_own_form_version(tmp_path):
    folder = tmp_path / "forms"
    folder.mkdir()
    path = folder / "f.md"

    def write(label: str, version: str):
        path.write_text(
            "| survey |\n|  | type | name | label |\n"
            f"|  | text | q | {label} |\n"
            "| settings |\n|  | form_id | version |\n"
            f"|  | f | {version} |\n",
            encoding="utf-8",
        )

    write("First wording", "1")
    with Store.open(tmp_path / "data") as store:
        library = FormLibrary(store)
        first = fill_interview(library, library.load_file(path), {"q": "a"}).interview
    write("Second wording", "2")
    with Store.open(tmp_path / "data") as store:
        library = FormLibrary(store)
        library.load_file(path)
        stored = store.get_interview(first.instance_id)
        session = open_session(library, stored)
        assert session.form.version == "1"
        assert session.label(session.node_at("/data/q")) == "First wording"
        assert session.answers()["q"] == "a"
        assert {f.version for f in store.list_forms()} == {"1", "2"}


def test_attachments_are_stored_with_the_interview(form, tmp_path):
    with Store.open(tmp_path / "data") as store:
        library = FormLibrary(store)
        result = fill_interview(library, form, {"photo": "porte.jpg"})
        store.add_attachment(
            result.interview.instance_id, "porte.jpg", b"\xff\xd8jpeg", "image/jpeg"
        )
        assert store.get_attachment(result.interview.instance_id, "porte.jpg") == b"\xff\xd8jpeg"
        again = store.get_interview(result.interview.instance_id)
        assert [a.filename for a in again.attachments] == ["porte.jpg"]


def test_a_reopened_interview_keeps_its_metadata(tmp_path):
    path = tmp_path / "meta.md"
    path.write_text(
        "| survey |\n|  | type | name | label |\n|  | start | start | |\n|  | today | today | |\n"
        "|  | deviceid | deviceid | |\n|  | username | username | |\n|  | text | q | Q |\n",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "data") as store:
        library = FormLibrary(store)
        form = library.load_file(path)
        made = fill_interview(
            library,
            form,
            {"q": "a", "start": "forged"},
            interviewer="Léa",
            device_id="surveyor:x",
            clock=clock,
        ).interview
        assert made.answers["start"].startswith("2026-11-22T10:30")  # engine-filled, not forged
        reopened = open_session(library, store.get_interview(made.instance_id))
        answers = reopened.answers()
        assert answers["start"] == made.answers["start"]
        assert (answers["today"], answers["deviceid"], answers["username"]) == (
            "2026-11-22",
            "surveyor:x",
            "Léa",
        )
        assert "<deviceid>surveyor:x</deviceid>" in reopened.to_xml()


def test_a_finalized_interview_renders_the_same_bytes_every_time(tmp_path):
    """now()/random()/uuid() in calculations: the stored values are sent, not recomputed."""
    from surveyor.services.interviews import render_submission

    path = tmp_path / "volatile.md"
    path.write_text(
        "| survey |\n|  | type | name | label | calculation | relevant |\n"
        "|  | text | q | Q | | |\n"
        "|  | calculate | stamp | | now() | |\n"
        "|  | calculate | token | | uuid() | |\n"
        "|  | calculate | dice | | random() | |\n"
        "|  | begin_repeat | r | R | | ${q} = 'show' |\n"
        "|  | text | t | T | | |\n"
        "|  | end_repeat | | | | |\n"
        "| settings |\n|  | form_id | instance_name |\n|  | volatile | concat('Q=', ${q}) |\n",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "data") as store:
        library = FormLibrary(store)
        form = library.load_file(path)
        made = fill_interview(
            library, form, {"q": "hide", "r": [{"t": "x"}]}, finalize=True
        ).interview
        assert made.answers["r"] == []  # a non-relevant repeat is not in the submission
        stored = store.get_interview(made.instance_id)
        first = render_submission(library, stored)
        second = render_submission(FormLibrary(store), store.get_interview(made.instance_id))
        assert first == second
        assert f"<token>{made.answers['token']}</token>" in first
        assert "<instanceName>Q=hide</instanceName>" in first
        assert "<r>" not in first


def test_question_labels_follow_the_language_asked(tmp_path):
    from surveyor.services.interviews import question_labels

    with Store.open(tmp_path / "data") as store:
        library = FormLibrary(store)
        form = library.load_file(REPO_FORMS / "enquete_habitants.xlsx")
        french = question_labels(library, form.content_hash, "fr")
        english = question_labels(library, form.content_hash, "en")
        default = question_labels(library, form.content_hash, "de")  # not in the form
    node = form.by_name("member_age")
    assert french["member_age"] == " ".join(node.label["Français (fr)"].split())
    assert english["member_age"] == " ".join(node.label["English (en)"].split())
    assert default == french  # French is the form's default language
    assert "member" in english and "meta" not in english
