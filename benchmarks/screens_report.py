"""Pages of the funders' report as PNG, in French and English, to look at its layout.

Run:  uv run python benchmarks/screens_report.py [--out docs/screenshots] [--count 240]

Fills ``--count`` interviews of the bundled habitants form through the engine with varied
answers (sectors, needs, households, refusals), codes a few open answers, picks quotes (one
holds a phone number: it must come out masked), writes the report as PDF with a plan
(profile, needs ranked by sector, a few questions, a cross-tab, themes) and renders pages 1-4
with ``pdftoppm`` (poppler-utils) into ``{fr,en}/report_p<N>.png``.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from surveyor.results.plan import ReportPlan  # noqa: E402
from surveyor.workspace import Workspace  # noqa: E402

FORM = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))
NEEDS = ["childcare", "repair", "digital", "mobility", "meals", "home_help", "language"]
WEIGHTS = [0.45, 0.35, 0.55, 0.3, 0.2, 0.25, 0.15]
COMMENTS = [
    "Il faudrait une garde d'enfants le soir, après 18 h.",
    "Les démarches en ligne sont trop compliquées pour moi.",
    "Un atelier de réparation de vélos serait super.",
    "Je peux donner des cours de couture, appelez-moi au 06 11 22 33 44.",
    "Le bus passe trop rarement le dimanche.",
    "Des repas partagés pour les personnes âgées isolées.",
]


def answers_for(rng: random.Random, n: int) -> dict:
    a = copy.deepcopy(ANSWERS)
    if rng.random() < 0.12:
        return {
            "interviewer": a["interviewer"],
            "interview_date": "2026-11-20",
            "sector": rng.choice(["north", "south", "east", "west", "centre"]),
            "consent": "no",
        }
    a["sector"] = rng.choices(["north", "south", "east", "west", "centre"], [4, 3, 2, 2, 1])[0]
    a["housing_type"] = rng.choices(
        ["social_rent", "private_rent", "owner", "hosted"], [6, 2, 2, 1]
    )[0]
    a["years_in_district"] = rng.randint(0, 40)
    needs = [x for x, w in zip(NEEDS, WEIGHTS, strict=True) if rng.random() < w] or ["none"]
    a["needs_unmet"] = needs
    for key in list(a):
        if key.endswith(("_coping", "_frequency")) or key in ("main_need", "main_need_detail"):
            a.pop(key)
    if needs != ["none"]:
        a["main_need"] = rng.choice(needs)
        for need in needs:
            a[f"{need}_frequency"] = rng.choice(["daily", "weekly", "monthly", "few_times_year"])
    else:
        for key in ("willing_to_pay", "payment_preference"):
            a.pop(key, None)
    size = rng.choices([1, 2, 3, 4, 5], [3, 3, 2, 2, 1])[0]
    members = []
    for i in range(size):
        age = rng.randint(25, 80) if i == 0 else rng.randint(0, 60)
        member = {
            "member_name": f"P{n}-{i}",
            "member_age": age,
            "member_relationship": "respondent"
            if i == 0
            else rng.choice(["partner", "child", "parent"]),
        }
        if age >= 18:
            member["member_work"] = rng.choice(
                ["employed", "unemployed", "retired", "student", "at_home"]
            )
        members.append(member)
    a["member"] = members
    a["hours_per_month"] = rng.choice([0, 0, 2, 4, 8, 10, 20])
    if not a["hours_per_month"]:
        a.pop("availability", None)
    a["comments"] = rng.choice(COMMENTS) if rng.random() < 0.6 else ""
    a["contact_phone"] = f"06 {n % 90 + 10:02d} 34 56 78"
    return a


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--count", type=int, default=240)
    args = parser.parse_args()
    if not shutil.which("pdftoppm"):
        print("pdftoppm (poppler-utils) is needed to render the pages", file=sys.stderr)
        return 1
    folder = Path(tempfile.mkdtemp(prefix="surveyor-screens-report-"))
    ws = Workspace.open(folder / "data")
    form = ws.load_form(FORM).value
    rng = random.Random(13)
    day = datetime(2026, 11, 12, 9, 0, tzinfo=UTC)
    interviewers = ["Amina K.", "Jean-Luc M.", "Fatima B.", "Paul R.", "Inès D.", "Marc T."]
    for n in range(args.count):
        when = day + timedelta(hours=7 * n % (24 * 14))
        answers = answers_for(rng, n)
        answers["interview_date"] = when.date().isoformat()
        result = ws.fill_interview(
            form, answers, finalize=True, interviewer=interviewers[n % 6], clock=lambda w=when: w
        ).value
        assert result.ok, result.problems
    verbatims = ws.results(questions=["comments"]).questions["comments"].verbatims
    themes = {
        label: ws.add_theme("enquete_habitants", "comments", label).value
        for label in ("Garde d'enfants", "Démarches en ligne", "Réparation", "Transports", "Repas")
    }
    words = {
        "garde": "Garde d'enfants",
        "démarches": "Démarches en ligne",
        "vélos": "Réparation",
        "bus": "Transports",
        "repas": "Repas",
        "couture": "Réparation",
    }
    picked: set[str] = set()
    for key, text in verbatims:
        for word, label in words.items():
            if word in text.lower():
                ws.tag_verbatim(key, [themes[label].id])
                if text not in picked:
                    picked.add(text)
                    ws.pick_quote("enquete_habitants", "comments", key)
    plan = ReportPlan(
        form_id="enquete_habitants",
        profile=["sector", "housing_type", "member_age"],
        needs="needs_unmet",
        needs_by="sector",
        questions=["transport_modes", "willing_to_pay", "hours_per_month"],
        crosstabs=[("sector", "would_use_counter")],
        themes=["comments"],
        quotes_per_theme=1,
    )
    for language in ("fr", "en"):
        pdf = ws.write_report(folder / f"report-{language}.pdf", plan=plan, language=language)
        ws.write_report(folder / f"report-{language}.docx", plan=plan, language=language)
        target = Path(args.out) / language
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "70",
                "-png",
                "-f",
                "1",
                "-l",
                "4",
                str(pdf),
                str(target / "report_p"),
            ],
            check=True,
        )
        for png in sorted(target.glob("report_p-*.png")):
            png.replace(target / png.name.replace("report_p-", "report_p").replace("p0", "p"))
        print(pdf)
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
