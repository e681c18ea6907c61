"""The report dialog edits the whole plan: the "who answered" questions (ticked and put in
order) and the open answers whose coded themes and quotes go in; the DOCX holds exactly
those, and the saved plan reads back the same in the dialog."""

from __future__ import annotations

import pytest
from docx import Document

from tests.ui.test_results import data_dir  # noqa: F401 - fixtures
from tests.ui.test_results import on_db  # noqa: F401 - fixtures
from tests.ui.test_results import page  # noqa: F401 - fixtures

FORM_ID = "enquete_habitants"


def headings(path) -> list[tuple[int, str]]:
    """(level, text) of the document's headings, in order."""
    out = []
    for p in Document(str(path)).paragraphs:
        if p.style.name.startswith("Heading "):
            out.append((int(p.style.name.split()[-1]), p.text))
    return out


def section(found: list[tuple[int, str]], title: str) -> list[tuple[int, str]]:
    """The headings under the level-1 heading ``title``, up to the next level-1 one."""
    texts = [text for _level, text in found]
    if title not in texts:
        return []
    start = texts.index(title) + 1
    end = next((i for i in range(start, len(found)) if found[i][0] == 1), len(found))
    return found[start:end]


def code_comments(ws) -> str:
    """A theme on every comment, one quote picked; the theme's label."""
    theme = ws.add_theme(FORM_ID, "comments", "Garde d'enfants").value
    verbatims = ws.results(questions=["comments"]).questions["comments"].verbatims
    for key, _text in verbatims:
        ws.tag_verbatim(key, [theme.id])
    ws.pick_quote(FORM_ID, "comments", verbatims[0][0])
    return theme.label


def open_dialog(page):  # noqa: F811 - the fixture's name
    dialog = page.results.ask_report()
    page.tasks.drain()
    assert dialog.plan is not None
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    dialog.pdf_box.setChecked(False)
    return dialog


@pytest.mark.slow
def test_the_dialog_chooses_who_answered_and_the_themes_and_the_docx_holds_exactly_them(
    page,  # noqa: F811 - the fixture imported above
    tmp_path,
):
    theme = on_db(page, code_comments)
    labels = on_db(page, lambda ws: ws.result_questions(None, language="fr"))
    dialog = open_dialog(page)
    dialog.set_chosen(["transport_modes"])
    dialog.set_profile(["sector", "housing_type"])
    dialog.profile_list.setCurrentRow(1)
    dialog.profile_box.move(-1)  # housing_type first
    assert dialog.chosen_profile() == ["housing_type", "sector"]
    dialog.set_themes(["comments"])
    dialog.quotes_spin.setValue(1)
    dialog.write(tmp_path / "rapport.docx")
    page.tasks.drain()
    assert dialog.written == [tmp_path / "rapport.docx"]
    dialog.box.close()
    found = headings(tmp_path / "rapport.docx")
    assert section(found, "Qui a répondu") == [
        (2, labels["housing_type"].label),
        (2, labels["sector"].label),
    ]
    themes = section(found, "Les réponses libres, par thème")
    assert themes == [(2, labels["comments"].label), (3, theme)]

    # the plan is saved with them, and the dialog opened again shows them
    plan = on_db(page, lambda ws: ws.report_plan(None))
    assert (plan.profile, plan.themes, plan.quotes_per_theme) == (
        ["housing_type", "sector"],
        ["comments"],
        1,
    )
    dialog.close()
    again = open_dialog(page)
    assert again.chosen_profile() == ["housing_type", "sector"]
    assert again.chosen_themes() == ["comments"]
    assert again.quotes_spin.value() == 1

    # no profile, no themes ticked: neither section is in the report
    again.set_profile([])
    again.set_themes([])
    again.write(tmp_path / "sans.docx")
    page.tasks.drain()
    again.box.close()
    found = headings(tmp_path / "sans.docx")
    assert section(found, "Qui a répondu") == []
    assert section(found, "Les réponses libres, par thème") == []
    assert labels["transport_modes"].label in [text for _level, text in found]
    plan = on_db(page, lambda ws: ws.report_plan(None))
    assert (plan.profile, plan.themes) == ([], [])
    again.close()
