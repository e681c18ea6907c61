"""The funders' report: DOCX and PDF with the same content, and never any personal data."""

from __future__ import annotations

import json

import pytest
from docx import Document
from pypdf import PdfReader

from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.results.plan import ReportPlan
from surveyor.results.plan import load_plan
from surveyor.results.plan import save_plan
from surveyor.results.report import FieldworkFunnel
from surveyor.results.report import mask

from .conftest import PHONE

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow


def docx_text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def flat(text: str) -> str:
    """Spaces of every kind made one (French numbers use narrow no-break spaces)."""
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


@pytest.fixture
def planned(coordinator):
    ws, facts = coordinator
    plan = ws.report_plan()
    plan.crosstabs = [("sector", "needs_unmet")]
    plan.needs_by = "sector"
    plan.themes = ["comments"]
    theme = ws.add_theme("enquete_habitants", "comments", "Garde le soir").value
    comments = ws.results(questions=["comments"]).questions["comments"]
    with_phone = next(k for k, t in comments.verbatims if PHONE in t)
    ws.tag_verbatim(with_phone, [theme.id])
    ws.pick_quote("enquete_habitants", "comments", with_phone)
    return ws, plan


def test_the_report_holds_headings_and_numbers_in_docx_and_pdf(planned, tmp_path):
    ws, plan = planned
    result = ws.results()
    docx = ws.write_report(tmp_path / "rapport.docx", plan=plan)
    pdf = ws.write_report(tmp_path / "rapport.pdf", plan=plan)
    for text in (flat(docx_text(docx)), flat(pdf_text(pdf))):
        for heading in (
            "La campagne et sa méthode",
            "Qui a répondu",
            "Les besoins, par ordre d'importance",
            "Les réponses, question par question",
            "Tris croisés",
            "Les réponses libres, par thème",
            "Garde le soir",
            "Définitions",
        ):
            assert heading in text, heading
        assert f"{result.interviews} entretiens ont été menés" in text
        sector = result.questions["sector"]
        north = next(c for c in sector.choices if c.code == "north")
        assert f"Secteur nord {north.count} " in text
        assert f"{north.percent:.1f}".replace(".", ",") + " %" in text


def test_a_phone_number_never_reaches_the_report(planned, tmp_path):
    ws, plan = planned
    contact = ws.results().questions["contact_phone"]
    assert contact.personal and contact.answered  # the phone is in the data
    for name in ("rapport.docx", "rapport.pdf"):
        path = ws.write_report(tmp_path / name, plan=plan)
        text = docx_text(path) if name.endswith("docx") else pdf_text(path)
        digits = "".join(ch for ch in flat(text) if ch.isdigit() or ch == " ")
        assert PHONE not in flat(text)
        assert PHONE.replace(" ", "") not in digits.replace(" ", "")
        assert "[masqué]" in text  # the quote that held it is there, masked


def test_a_plan_naming_a_personal_question_is_refused(planned, tmp_path):
    ws, plan = planned
    plan.questions.append("contact_phone")
    with pytest.raises(ResultsError) as e:
        ws.write_report(tmp_path / "r.docx", plan=plan)
    assert e.value.code is ErrorCode.RESULTS_PERSONAL
    assert not (tmp_path / "r.docx").exists()


def test_english_report_and_the_fieldwork_section(planned, tmp_path):
    ws, plan = planned
    funnel = FieldworkFunnel([("Portes frappées", 40), ("Portes ouvertes", 20)], 30.0)
    pdf = ws.write_report(tmp_path / "r.pdf", plan=plan, language="en", fieldwork=lambda: funnel)
    text = flat(pdf_text(pdf))
    assert "The campaign and its method" in text and "Door to door" in text
    assert "Response rate: 30.0%" in text
    # the fieldwork module's funnel, as the Workspace hands it over
    from types import SimpleNamespace

    from surveyor.results.report import funnel_of

    made = funnel_of(
        SimpleNamespace(doors=40, visited=30, contacted=20, refused=5, done=12, response_rate=0.5),
        "fr",
    )
    assert made.steps[0] == ("Portes de la liste", 40) and made.response_rate == 50.0
    assert funnel_of(SimpleNamespace(doors=0), "fr") is None
    without = flat(pdf_text(ws.write_report(tmp_path / "s.pdf", plan=plan, language="en")))
    assert "Door to door" not in without


def test_the_plan_round_trips_through_json_and_the_store(planned, tmp_path):
    ws, plan = planned
    path = save_plan(plan, tmp_path / "plan.json")
    again = load_plan(path)
    assert again == plan
    assert ws.save_report_plan(again).results
    assert ws.report_plan("enquete_habitants") == plan
    (tmp_path / "bad.json").write_text(json.dumps({"form": 3}), "utf-8")
    with pytest.raises(ResultsError) as e:
        load_plan(tmp_path / "bad.json")
    assert e.value.code is ErrorCode.RESULTS_PLAN_INVALID
    with pytest.raises(ResultsError):
        ws.save_report_plan(ReportPlan("enquete_habitants", questions=["nope"]))


def test_mask_hides_phones_and_emails():
    assert mask("Appelez le 06 12 34 56 78 ou a.b@exemple.fr", "fr") == (
        "Appelez le [masqué] ou [masqué]"
    )
    assert mask("3 enfants, 2 ans", "fr") == "3 enfants, 2 ans"


@pytest.mark.parametrize("filler", range(0, 60, 4))
@pytest.mark.parametrize("what", ["table", "chart"])
def test_a_pdf_heading_is_never_left_alone_at_the_foot_of_a_page(tmp_path, filler, what):
    """Whatever text comes before it, a heading starts on the page where its note and the
    first rows of its table (or its whole chart) are."""
    from io import BytesIO

    from PIL import Image as PILImage  # a chart-sized picture
    from pypdf import PdfReader  # reads the PDF back

    from surveyor.results.pdf_writer import write_pdf
    from surveyor.results.report import Heading
    from surveyor.results.report import Image
    from surveyor.results.report import Para
    from surveyor.results.report import Report
    from surveyor.results.report import ReportTable

    blocks = [Para(f"Ligne de texte numéro {i} pour remplir la page.") for i in range(filler)]
    blocks += [
        Heading("Tri croisé : secteur × besoins", level=3),
        Para("Base : 42 personnes qui ont répondu aux deux questions.", style="note"),
    ]
    if what == "table":
        rows = [[f"S{i}", "3", "4"] for i in range(12)]
        blocks.append(ReportTable(["Secteur", "Garde", "Réparation"], rows))
    else:
        png = BytesIO()
        PILImage.new("RGB", (900, 540), "white").save(png, format="PNG")
        blocks += [Image(png.getvalue()), Para("Fin du graphique.")]
    path = tmp_path / "rapport.pdf"
    write_pdf(Report("fr", "Rapport", blocks), path)
    reader = PdfReader(path)
    pages = [flat(page.extract_text()) for page in reader.pages]
    holding = [i for i, text in enumerate(pages) if "Tri croisé" in text]
    assert len(holding) == 1
    page = pages[holding[0]]
    if what == "table":
        assert "Base : 42" in page and "S0" in page and "S2" in page, (filler, page[-200:])
    else:
        images = [len(p.images) for p in reader.pages]
        assert images[holding[0]] == 1, (filler, images)


@pytest.mark.parametrize(
    "change",
    [
        {"crosstabs": [("comments", "sector")]},  # the phone number is in a comment
        {"crosstabs": [("sector", "street")]},
        {"needs_by": "street"},
    ],
)
def test_a_free_text_question_never_makes_a_crosstab_or_a_split_of_the_report(
    planned, tmp_path, change
):
    """Its answers would be the rows, columns or groups, printed unmasked: refused."""
    import dataclasses

    ws, plan = planned
    bad = dataclasses.replace(plan, **change)
    with pytest.raises(ResultsError) as e:
        ws.write_report(tmp_path / "r.pdf", plan=bad)
    assert e.value.code is ErrorCode.RESULTS_PLAN_INVALID
    assert "free text" in str(e.value)
    assert not (tmp_path / "r.pdf").exists()
    with pytest.raises(ResultsError):
        ws.save_report_plan(bad)
    # a number (and a calculation whose values are numbers) still makes a cross-tab
    ok = dataclasses.replace(plan, crosstabs=[("household_size", "sector")], needs_by="sector")
    assert ws.write_report(tmp_path / "ok.docx", plan=ok).exists()


def test_a_quote_names_no_one_the_interview_marks_personal_and_comes_once(tmp_path):
    """A quote naming the respondent or a member of the household (their personal fields)
    has those names masked; a quote picked twice (the same words) is printed once."""
    import copy
    from pathlib import Path

    from surveyor.workspace import Workspace

    repo = Path(__file__).resolve().parents[2]
    base = json.loads((repo / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))
    ws = Workspace.open(tmp_path / "data")
    form = ws.load_form(repo / "forms" / "enquete_habitants.xlsx").value
    texts = [
        "Demandez Mme Benali (Nadia Benali), ou son fils Karim, bâtiment B.",
        "Le bus ne passe plus le dimanche.",
        "Le bus ne passe plus le dimanche.",
    ]
    for text in texts:
        answers = copy.deepcopy(base)
        answers["contact_name"] = "Nadia Benali"
        answers["comments"] = text
        assert ws.fill_interview(form, answers, finalize=True).value.ok
    theme = ws.add_theme("enquete_habitants", "comments", "Voisinage").value
    for key, _text in ws.results(questions=["comments"]).questions["comments"].verbatims:
        ws.tag_verbatim(key, [theme.id])
        ws.pick_quote("enquete_habitants", "comments", key)
    plan = ReportPlan("enquete_habitants", questions=["sector"], themes=["comments"])
    for name in ("r.docx", "r.pdf"):
        path = ws.write_report(tmp_path / name, plan=plan)
        text = flat(docx_text(path) if name.endswith("docx") else pdf_text(path))
        for word in ("Benali", "Nadia", "Karim"):  # contact_name; member_name (personal)
            assert word not in text, (name, word)
        assert "bâtiment B" in text and "[masqué]" in text
        assert text.count("Le bus ne passe plus le dimanche") == 1, name
    ws.close()


def test_the_campaigns_own_doors_and_visits_make_the_door_to_door_section(planned, tmp_path):
    """Without ``fieldwork=``, the report reads the fieldwork module's funnel itself."""
    ws, plan = planned
    outcomes = ["done"] * 6 + ["refused"] * 2 + ["absent"] * 3 + ["vacant", "ineligible"]
    for number, outcome in enumerate(outcomes, start=1):
        door = ws.add_door({"street": "Rue A", "number": str(number)}).value
        ws.record_visit(door.door_id, outcome)
    ws.add_door({"street": "Rue B", "number": "1"})  # never visited
    text = flat(pdf_text(ws.write_report(tmp_path / "r.pdf", plan=plan)))
    assert "Le porte-à-porte" in text
    assert "Portes de la liste 14" in text and "Portes visitées 13" in text
    assert "Entretiens menés 6" in text
    assert "Taux de réponse : 54,5 %" in text  # 6 / (13 - 1 vacant - 1 out of scope)


def test_a_question_marked_personal_after_the_plan_was_saved_leaves_the_saved_plan(
    planned, tmp_path
):
    """The campaign's plan was saved (as the report dialog does before writing), then the
    coordinator marks a question of it personal: the report is still written, without it."""
    ws, plan = planned
    plan.needs_by = "sector"
    plan.crosstabs = [("sector", "needs_unmet"), ("sector", "housing_type")]
    ws.save_report_plan(plan)
    for name in ("comments", "housing_type"):
        ws.mark_personal("enquete_habitants", name, True)
    saved = ws.report_plan()
    assert "comments" not in saved.themes and "housing_type" not in saved.profile
    assert saved.crosstabs == [("sector", "needs_unmet")] and saved.needs_by == "sector"
    text = flat(docx_text(ws.write_report(tmp_path / "r.docx")))
    assert "Garde le soir" not in text  # the theme of the comments, now personal
    assert "Qui a répondu" in text
    # a plan given as it is (a file) that names one is still refused
    with pytest.raises(ResultsError) as e:
        ws.write_report(tmp_path / "s.docx", plan=plan)
    assert e.value.code is ErrorCode.RESULTS_PERSONAL


def test_the_documents_properties_name_surveyor_and_today(planned, tmp_path):
    """Word shows File > Properties: not python-docx's template (author "python-docx",
    made in 2013)."""
    from datetime import UTC
    from datetime import datetime

    ws, plan = planned
    props = Document(str(ws.write_report(tmp_path / "r.docx", plan=plan))).core_properties
    assert props.author == "Surveyor" and "python-docx" not in (props.comments or "")
    assert props.created.date() == datetime.now(UTC).date()
    assert props.title == (plan.title or "Enquête habitants — besoins non satisfaits")


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_a_report_failing_half_written_leaves_no_part_file_and_names_the_target(
    planned, tmp_path, monkeypatch, capsys, suffix
):
    """A disk full in the middle of writing (the writer's own save, made to fail after some
    bytes): no ``.part`` is left, and the error, through ``surveyor report`` too, names the
    file asked for."""
    import errno

    from docx.document import Document as DocxDocument
    from fpdf import FPDF

    from surveyor.cli import main

    ws, plan = planned

    def half_then_full(self, path, *args, **kwargs):
        with open(path, "wb") as f:
            f.write(b"PK half a report")
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(DocxDocument, "save", half_then_full)
    monkeypatch.setattr(FPDF, "output", half_then_full)
    out = tmp_path / f"rapport{suffix}"
    with pytest.raises(OSError) as failed:
        ws.write_report(out, plan=plan)
    assert failed.value.filename == str(out)
    assert list(tmp_path.glob("rapport*")) == []
    ws.close()
    assert main(["--data-dir", str(ws.data_dir), "report", "--out", str(out)]) != 0
    err = capsys.readouterr().err
    assert str(out) in err and ".part" not in err
    assert list(tmp_path.glob("rapport*")) == []


@pytest.mark.parametrize(
    ("language", "masked", "named"),
    [("fr", "sont masqués", "son nom"), ("en", "are masked", "their name")],
)
def test_the_definitions_say_names_in_quotes_are_masked_too(
    planned, tmp_path, language, masked, named
):
    """``mask`` hides the phone numbers, e-mail addresses and the interview's personal values
    (a name) quoted: the definitions' privacy sentence says all three, in French and English."""
    ws, plan = planned
    text = flat(docx_text(ws.write_report(tmp_path / "r.docx", plan=plan, language=language)))
    start = text.index("Aucune donnée personnelle" if language == "fr" else "No personal data")
    said = text[text.index(";", start) : text.index(masked, start)]  # what is masked
    assert named in said and ("téléphone" in said or "phone" in said)
    assert "courriel" in said or "e-mail" in said or "électroniques" in said
