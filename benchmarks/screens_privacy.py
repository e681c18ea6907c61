"""Screenshots of the privacy rights (issue 14) on the coordinator's page, French and English,
at 1024×600 and 1366×768: the retention banner, the overview's "Erase…" confirmation, and
the export dialog's choice for the personal fields.

Run:  uv run python benchmarks/screens_privacy.py [--out docs/screenshots]

Writes ``{fr,en}/privacy_retention_<W>x<H>.png``, ``privacy_erase_<W>x<H>.png`` and
``privacy_export_<W>x<H>.png``. Real stores in a temporary folder; offscreen rendering.
"""

from __future__ import annotations

import argparse
import json
import os
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

from benchmarks.screens_coordinator import ANSWERS  # noqa: E402
from benchmarks.screens_coordinator import HABITANTS  # noqa: E402
from benchmarks.screens_coordinator import SECTORS  # noqa: E402
from benchmarks.screens_coordinator import save  # noqa: E402
from benchmarks.screens_coordinator import settle  # noqa: E402
from benchmarks.screens_coordinator import wait  # noqa: E402
from benchmarks.screens_coordinator import with_dialog  # noqa: E402

SIZES = ((1024, 600), (1366, 768))


def seed(root: Path) -> Path:
    """A coordinator with interviews finalized 400, 350 and 10 days ago, merged from a batch,
    and a retention period of 365 days."""
    from surveyor.workspace import Workspace

    usb = root / "usb"
    usb.mkdir()
    now = datetime.now(UTC)
    with Workspace.open(root / "laptop") as ws:
        form = ws.load_form(HABITANTS).value
        for n, days in enumerate([400, 398, 350, 340, 10, 9, 8]):
            moment = now - timedelta(days=days, minutes=37 * n)
            answers = dict(
                ANSWERS,
                interviewer="Fatima B.",
                sector=SECTORS[n % len(SECTORS)],
                interview_date=moment.date().isoformat(),
            )
            ws.fill_interview(
                form, answers, finalize=True, interviewer="Fatima B.", clock=lambda m=moment: m
            )
        batch = ws.hand_in(usb, interviewer="Fatima B.").value.path
    coordinator = root / "coordinator"
    with Workspace.open(coordinator) as ws:
        ws.load_form(HABITANTS)
        ws.merge_batches([batch])
    (coordinator / "privacy.json").write_text(json.dumps({"retention_days": 365}))
    return coordinator


def shoot(language: str, size, out: Path, languages, coordinator: Path, root: Path) -> list:
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.main_window import MainWindow
    from surveyor.ui.qt import QApplication
    from surveyor.ui.settings import AppSettings
    from surveyor.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)
    tag = f"{size[0]}x{size[1]}"
    work = root / f"coordinator-{language}-{tag}"
    shutil.copytree(coordinator, work)
    tasks = TaskManager()
    settings = AppSettings(path=root / f"settings-{language}-{tag}.json")
    settings.language = language
    settings.welcomed = True
    settings.coordinator = True
    settings.interviewer = "Sophie"
    settings.bundled_forms = ["enquete_habitants.xlsx"]
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
    wait(app, lambda: window.forms_loaded and window.home.loaded)
    window.show_coordination()
    page = window.coordination
    page.tabs.setCurrentWidget(page.overview)
    wait(app, lambda: page.overview.data is not None and page.retention.isVisible())
    tasks.drain()
    settle(app)
    written = [save(window.grab(), folder / f"privacy_retention_{tag}.png")]
    page.overview.table.selectRow(0)
    box = page.overview.ask_erase()
    settle(app)
    written.append(save(with_dialog(window, box), folder / f"privacy_erase_{tag}.png"))
    box.reject()
    dialog = page.ask_export()
    dialog.personal_combo.setCurrentIndex(1)
    settle(app)
    written.append(save(with_dialog(window, dialog), folder / f"privacy_export_{tag}.png"))
    dialog.reject()
    window.close()
    tasks.drain()
    tasks.wait_db()
    tasks.shutdown()
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    from surveyor.ui.language import Languages
    from surveyor.ui.qt import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - before the translators
    languages = Languages()
    with tempfile.TemporaryDirectory(prefix="surveyor-screens-") as tmp:
        root = Path(tmp)
        os.environ["SURVEYOR_HOME"] = str(root / "unused-home")
        coordinator = seed(root)
        for language in ("fr", "en"):
            for size in SIZES:
                for path in shoot(language, size, args.out, languages, coordinator, root):
                    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
