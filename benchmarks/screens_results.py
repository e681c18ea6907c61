"""Screenshots of the coordinator's "Results" tab, in French and English, at 1024×600 and
1366×768, with the default and the largest text size: a choice question with its chart,
the same grouped by age band, a cross-tab in row percentages, the coding of open answers,
the report dialog, and the people who want to act. Also the PDF the dialog writes, its
pages rendered to PNG.

Run:  uv run python benchmarks/screens_results.py [--out docs/screenshots]

Writes ``{fr,en}/results_{choice,bands,crosstab,coding,reference,reference_dialog,report,people}_{W}x{H}[_large].png``
and ``{fr,en}/results_report_p{N}.png``. Real stores in a temporary folder (60 interviews from
two laptops, merged); offscreen rendering.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import shutil
import sys
import tempfile
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from screens_coordinator import save  # noqa: E402
from screens_coordinator import settle  # noqa: E402
from screens_coordinator import wait  # noqa: E402
from screens_coordinator import with_dialog  # noqa: E402

HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))
SIZES = [(1024, 600), (1366, 768)]
DAY0 = datetime(2026, 11, 16, 9, 30, tzinfo=UTC)
COMMENTS = [
    "Il manque une crèche ouverte le soir, je finis à 19 h.",
    "Les démarches en ligne de la CAF sont trop compliquées pour moi.",
    "Un atelier de réparation de vélos serait super pour les jeunes.",
    "Le bus 12 ne passe plus le dimanche, on est coincés.",
    "J'aimerais aider pour l'aide aux devoirs, j'étais institutrice.",
    "Personne pour garder les enfants le mercredi.",
    "Mon frigo est en panne depuis deux mois, trop cher à réparer.",
    "Il faudrait un endroit pour imprimer des documents.",
    "Les personnes âgées de la tour B sont très isolées.",
    "Des cours de français pour les mamans, le matin.",
]


def household(rng: random.Random) -> list[dict]:
    """A household of 1 to 5 people of every age (the grouping by age band has something to
    show); the first is the respondent."""
    ages = [rng.randint(18, 88)] + [rng.randint(0, 70) for _ in range(rng.randint(0, 4))]
    members = []
    for i, age in enumerate(ages):
        member = {
            "member_name": f"Personne {i + 1}",
            "member_age": age,
            "member_relationship": "respondent" if i == 0 else "child" if age < 18 else "partner",
        }
        if age >= 18:
            member["member_work"] = (
                "retired" if age >= 65 else rng.choice(["employed", "unemployed", "at_home"])
            )
        members.append(member)
    return members


def seed(root: Path, count: int = 60) -> Path:
    """Two laptops fill ``count`` varied interviews; the coordinator merges them."""
    from surveyor.workspace import Workspace

    rng = random.Random(13)
    batches = []
    for name in ("Fatima B.", "Karim D."):
        laptop = Workspace.open(root / name.split()[0].lower())
        form = laptop.load_form(HABITANTS).value
        for n in range(count // 2):
            moment = DAY0 + timedelta(days=rng.randrange(8), minutes=rng.randrange(600))
            a = copy.deepcopy(ANSWERS)
            needs = sorted(rng.sample(["childcare", "digital", "repair"], rng.randint(1, 3)))
            a.update(
                interviewer=name,
                interview_date=moment.date().isoformat(),
                sector=rng.choice(["north", "north", "south", "east", "west", "centre"]),
                housing_type=rng.choice(["social_rent"] * 3 + ["private_rent", "owner", "hosted"]),
                transport_modes=sorted(rng.sample(["bus", "walk", "car", "bike", "lift"], 2)),
                needs_unmet=needs,
                main_need=needs[0],
                willing_to_pay=rng.choice(["free_only", "lt5", "lt5", "from5_to10", "dont_know"]),
                years_in_district=rng.randint(1, 30),
                comments=rng.choice(COMMENTS),
                contact_name=f"{rng.choice(['Nadia', 'Samir', 'Léa', 'Moussa', 'Inès'])} {n}",
                contact_phone=f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} 00 {n % 90 + 10}",
                member=household(rng),
            )
            for need in ("childcare", "digital", "repair"):
                if need not in needs:
                    a.pop(f"{need}_coping", None)
                    a.pop(f"{need}_frequency", None)
            if rng.random() < 0.4:
                a.update(skills_offered=["none"], counter_work_interest="no")
                for key in ("hours_per_month", "availability", "counter_work_type"):
                    a.pop(key, None)
                a.pop("counter_training_interest", None)
            else:
                a.update(
                    skills_offered=sorted(
                        rng.sample(["cooking", "sewing", "computing", "childcare", "repair"], 2)
                    ),
                    hours_per_month=rng.choice([2, 4, 8, 10, 20]),
                )
            result = laptop.fill_interview(
                form, a, finalize=True, interviewer=name, clock=lambda m=moment: m
            ).value
            if not result.ok:
                raise SystemExit(f"could not fill: {result.problems}")
        batch = root / f"{name.split()[0]}.zip"
        laptop.hand_in(batch, interviewer=name)
        laptop.close()
        batches.append(batch)
    coordinator = Workspace.open(root / "coordinator")
    coordinator.load_form(HABITANTS)
    coordinator.merge_batches(batches)
    # a few themes and tags, and quotes, as a coordinator would have made them
    engine_form = "enquete_habitants"
    result = coordinator.results(questions=["comments"])
    verbatims = result.questions["comments"].verbatims
    themes = {
        label: coordinator.add_theme(engine_form, "comments", label).value
        for label in ("Garde d'enfants", "Démarches en ligne", "Transports", "Réparations")
    }
    words = {
        "Garde d'enfants": ("crèche", "garder", "devoirs"),
        "Démarches en ligne": ("CAF", "imprimer", "ligne"),
        "Transports": ("bus",),
        "Réparations": ("réparer", "réparation", "panne"),
    }
    for key, text in verbatims:
        for label, keys in words.items():
            if any(w in text for w in keys):
                coordinator.tag_verbatim(key, [themes[label].id])
    for key, _text in verbatims[:3]:
        coordinator.pick_quote(engine_form, "comments", key)
    # the neighbourhood's reference figures, as typed in from the census
    source = "INSEE, recensement 2021, QPV Laubadère"
    coordinator.set_reference(
        None,
        "housing_type",
        {"social_rent": 64, "private_rent": 21, "owner": 12, "hosted": 3},
        source=source,
        year=2021,
    )
    ages = {"0-14": 24, "15-29": 22, "30-44": 19, "45-59": 17, "60+": 18}
    coordinator.set_reference(None, "member_age", ages, source=source, year=2021)
    coordinator.close()
    return root / "coordinator"


def shoot(language: str, out: Path, languages, data: Path, root: Path, size, large: bool) -> list:
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.main_window import MainWindow
    from surveyor.ui.qt import QApplication
    from surveyor.ui.qt import Qt
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE
    from surveyor.ui.settings import MAX_TEXT_SIZE
    from surveyor.ui.settings import AppSettings
    from surveyor.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)
    suffix = f"_{size[0]}x{size[1]}" + ("_large" if large else "")
    tag = f"{language}{suffix}"
    work = root / f"coordinator-{tag}"
    shutil.copytree(data, work)
    tasks = TaskManager()
    settings = AppSettings(path=root / f"settings-{tag}.json")
    settings.language = language
    settings.welcomed = True
    settings.interviewer = "Sophie"
    settings.coordinator = True
    settings.text_size = MAX_TEXT_SIZE if large else DEFAULT_TEXT_SIZE
    settings.export_folder = str(root / f"out-{tag}")
    languages.install(language)
    apply_text_size(app, settings.text_size)
    window = MainWindow(
        data_dir=str(work),
        settings=settings,
        languages=languages,
        tasks=tasks,
        apply_text_size=lambda s: apply_text_size(app, s),
    )
    window.resize(*size)
    window.show()
    window.start()
    wait(app, lambda: window.forms_loaded)
    tasks.drain()
    window.show_coordination()
    page = window.coordination
    panel = page.results
    page.tabs.setCurrentWidget(panel)
    panel.refresh()
    tasks.drain()
    settle(app)
    tasks.drain()
    written = []

    def shot(name: str, grab=None):
        tasks.drain()
        settle(app)
        tasks.drain()
        settle(app)
        written.append(save(grab or window.grab(), folder / f"results_{name}{suffix}.png"))

    panel.views.setCurrentWidget(panel.question_view)
    panel.select_question("needs_unmet")
    shot("choice")
    panel.question_view.set_group_by("member_age")  # a number: grouped by age band
    panel.refresh_current()
    shot("bands")
    panel.question_view.set_group_by(None)
    panel.views.setCurrentWidget(panel.crosstab_view)
    panel.crosstab_view.set_pair("sector", "housing_type", "row")
    panel.refresh_current()
    shot("crosstab")
    panel.select_question("comments")
    panel.views.setCurrentWidget(panel.coding_view)
    tasks.drain()
    settle(app)
    panel.coding_view.setFocus()
    panel.coding_view.move(1)
    shot("coding")
    panel.views.setCurrentWidget(panel.question_view)
    panel.select_question("housing_type")
    shot("reference")
    panel.select_question("member_age")
    tasks.drain()
    reference = panel.question_view.reference.ask()
    tasks.drain()
    settle(app)
    shot("reference_dialog", with_dialog(window, reference))
    reference.close()
    dialog = panel.ask_report()
    tasks.drain()
    settle(app)
    dialog.set_chosen(["needs_unmet", "housing_type", "willing_to_pay", "hours_per_month"])
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language))
    if dialog.crosstab_list.count() == 0:
        dialog.add_crosstab("sector", "needs_unmet")
    dialog.question_list.setCurrentRow(1)
    shot("report", with_dialog(window, dialog))
    if size == SIZES[0] and not large:
        pdf = root / f"rapport-{language}.pdf"
        dialog.docx_box.setChecked(False)
        dialog.write(pdf)
        wait(app, lambda: dialog.box is not None, timeout=300)
        dialog.box.close()
        written += render_pdf(pdf, folder)
    dialog.close()
    page.tabs.setCurrentWidget(page.people)
    page.people.refresh()
    shot("people")
    _ = Qt
    window.close()
    tasks.drain()
    tasks.wait_db()
    tasks.shutdown()
    apply_text_size(app, DEFAULT_TEXT_SIZE)
    return written


def render_pdf(pdf: Path, folder: Path) -> list[Path]:
    """The PDF's pages as PNG (pdftoppm), results_report_p1.png…"""
    import subprocess

    for old in folder.glob("results_report_p*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / "results_report_p")], check=True
    )
    pages = sorted(folder.glob("results_report_p-*.png"))
    out = []
    for page in pages:
        number = int(page.stem.rsplit("-", 1)[1])
        target = folder / f"results_report_p{number}.png"
        page.replace(target)
        out.append(target)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--languages", nargs="*", default=["fr", "en"])
    args = parser.parse_args(argv)
    from surveyor.ui.language import Languages
    from surveyor.ui.qt import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - before the translators
    languages = Languages()
    with tempfile.TemporaryDirectory(prefix="surveyor-screens-") as tmp:
        root = Path(tmp)
        os.environ["SURVEYOR_HOME"] = str(root / "unused-home")
        data = seed(root)
        for language in args.languages:
            for size in SIZES:
                for large in (False, True):
                    for path in shoot(language, args.out, languages, data, root, size, large):
                        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
