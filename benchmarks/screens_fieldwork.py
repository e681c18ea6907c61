"""Screenshots of door-to-door fieldwork in French and English, at 1024×600 and 1366×768,
with the default and the largest text size: the volunteer's "Mes portes", the coordinator's
door list and the fieldwork view.

Run:  uv run python benchmarks/screens_fieldwork.py [--out docs/screenshots]

Writes ``{fr,en}/doors_{W}x{H}[_large].png``, ``doorlist_{W}x{H}[_large].png`` and
``fieldwork_{W}x{H}[_large].png``. Real data dirs in a temporary folder (a door list of 60
doors in three sectors, visits over three days); offscreen rendering.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import datetime
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.screens_coordinator import each_window  # noqa: E402
from benchmarks.screens_coordinator import save  # noqa: E402
from benchmarks.screens_coordinator import settle  # noqa: E402
from benchmarks.screens_coordinator import wait  # noqa: E402

STREETS = [
    ("rue des Lilas", "Les Flanades"),
    ("avenue Paul Valéry", "Les Flanades"),
    ("allée Jean Moulin", "Lochères"),
    ("boulevard Albert Camus", "Lochères"),
    ("rue Taillefer", "Village"),
]
OUTCOMES = ["absent", "absent", "refused", "later", "vacant", "absent", "ineligible", "done"]


def seed(root: Path) -> Path:
    """The coordinator's data dir: 60 doors, two interviewers, visits over three days."""
    from surveyor.workspace import Workspace

    source = root / "adresses.csv"
    lines = ["numero;rep;nom_voie;batiment;etage;porte;quartier;code_postal;nom_commune"]
    for i in range(60):
        street, sector = STREETS[i % len(STREETS)]
        number = 1 + 2 * (i // len(STREETS))
        building, floor, door = ("B", str(i % 4), str(10 + i)) if i % 3 == 0 else ("", "", "")
        rep = "bis" if i % 11 == 4 else ""
        lines.append(f"{number};{rep};{street};{building};{floor};{door};{sector};95200;Sarcelles")
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    home = root / "coordinator"
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    with Workspace.open(home) as ws:
        ids = ws.import_doors(source).value.door_ids
        ws.assign_doors("Camille", sector="Les Flanades")
        ws.assign_doors("Karim", sector="Lochères")
        for n, door_id in enumerate(ids[:34]):
            day = now - timedelta(days=2 - n % 3, hours=3)
            who = "Camille" if n % 2 else "Karim"
            outcome = OUTCOMES[n % len(OUTCOMES)]
            ws.record_visit(door_id, outcome, at=day, interviewer=who, note="")
            if n % 5 == 0 and outcome == "absent":
                ws.record_visit(
                    door_id,
                    "appointment",
                    at=day + timedelta(hours=1),
                    appointment=(now + timedelta(hours=2 + n % 3)).replace(minute=30),
                    interviewer=who,
                )
        ws.add_door({"number": "7 ter", "street": "rue des Lilas", "sector": "Les Flanades"})
    return home


def shoot(language: str, out: Path, languages, home: Path, root: Path) -> list[Path]:
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.qt import QApplication
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE
    from surveyor.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    tasks = TaskManager()
    work = root / f"data-{language}"
    shutil.copytree(home, work)
    for name, window in each_window(
        languages,
        tasks,
        work,
        root / f"settings-{language}.json",
        language=language,
        interviewer="Camille",
        coordinator=True,
    ):
        window.show_doors()
        page = window.doors_page
        wait(app, lambda p=page: p.loaded)
        tasks.drain()
        page.table.selectRow(2)
        settle(app)
        written.append(save(window.grab(), folder / f"doors_{name}.png"))
        window.show_coordination()
        coordination = window.coordination
        coordination.tabs.setCurrentWidget(coordination.doorlist)
        wait(app, lambda c=coordination: c.doorlist.data is not None)
        tasks.drain()
        coordination.doorlist.select_sector("Les Flanades")
        settle(app)
        written.append(save(window.grab(), folder / f"doorlist_{name}.png"))
        coordination.tabs.setCurrentWidget(coordination.fieldwork)
        wait(app, lambda c=coordination: c.fieldwork.data is not None)
        tasks.drain()
        settle(app)
        written.append(save(window.grab(), folder / f"fieldwork_{name}.png"))
    tasks.wait_db()
    tasks.shutdown()
    apply_text_size(app, DEFAULT_TEXT_SIZE)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--language", action="append", choices=("fr", "en"))
    args = parser.parse_args(argv)
    from surveyor.ui.language import Languages
    from surveyor.ui.qt import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - before the translators
    languages = Languages()
    with tempfile.TemporaryDirectory(prefix="surveyor-screens-") as tmp:
        root = Path(tmp)
        os.environ["SURVEYOR_HOME"] = str(root / "unused-home")
        home = seed(root)
        for language in args.language or ("fr", "en"):
            for path in shoot(language, args.out, languages, home, root):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
