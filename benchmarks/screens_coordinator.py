"""Screenshots of batches at 1366×768, in French and English: an interviewer's hand-in
confirmation, and the coordinator's import report, conflicts and overview.

Run:  uv run python benchmarks/screens_coordinator.py [--out docs/screenshots]

Writes ``{fr,en}/handin_done.png`` (home, the confirmation over it, the shared folder's
status line), ``coordinator_import.png`` (the report after importing a folder: new
interviews, a correction, a conflict and a damaged file refused), ``coordinator_conflicts.png``
and ``coordinator_overview.png``; then, at 1024×600 and 1366×768, at the default text size,
two sizes up (``_large``) and the largest (``_largest``, 24 pt), ``home_coordinator_<W>x<H>``
and ``coordinator_{import,conflicts,overview}_<W>x<H>[_large|_largest].png``. Real stores in
a temporary folder; offscreen rendering.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SIZE = (1366, 768)
HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))
SECTORS = ["north", "south", "east", "west", "centre"]
DAY0 = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)


class Laptop:
    def __init__(self, data_dir: Path, name: str, label: str, cache: Path):
        from surveyor.services.interviews import FormLibrary
        from surveyor.store import Store

        self.data_dir, self.name, self.label = data_dir, name, label
        self.device_id = f"surveyor:{label.lower().replace(' ', '-')}"
        self.store = Store.open(data_dir)
        self.library = FormLibrary(self.store, cache_dir=cache)
        self.form = self.library.load_file(HABITANTS)

    def fill(self, n: int, day: int, *, finalize: bool = True) -> str:
        from surveyor.services.interviews import fill_interview

        moment = DAY0 + timedelta(days=day, minutes=47 * n)
        answers = copy.deepcopy(ANSWERS)
        answers.update(
            interviewer=self.name,
            sector=SECTORS[n % len(SECTORS)],
            interview_date=moment.date().isoformat(),
            street=f"{3 + n} rue des Tilleuls",
            comments=f"Entretien {n}.",
        )
        result = fill_interview(
            self.library,
            self.form,
            answers,
            finalize=finalize,
            interviewer=self.name,
            device_id=self.device_id,
            clock=lambda: moment,
        )
        return result.interview.instance_id

    def hand_in(self, destination: Path):
        from surveyor.batches import hand_in

        return hand_in(
            self.store,
            destination,
            interviewer=self.name,
            device_id=self.device_id,
            device_label=self.label,
        )

    def edit(self, instance_id: str, comment: str) -> str:
        revision = self.store.revise(instance_id)
        answers = dict(revision.answers, comments=comment)
        self.store.save_answers(revision.instance_id, answers)
        self.store.finalize(revision.instance_id)
        return revision.instance_id


def seed(root: Path) -> dict[str, Path]:
    """Three laptops, a first round already imported, a second round to import."""
    from surveyor.batches import merge_batches
    from surveyor.store import Store

    cache = root / "cache"
    round1, round2 = root / "round1", root / "CLE_USB"
    round1.mkdir()
    round2.mkdir()
    fatima = Laptop(root / "fatima", "Fatima B.", "Portable 1", cache)
    karim = Laptop(root / "karim", "Karim D.", "Portable 2", cache)
    amina = Laptop(root / "amina", "Amina T.", "Portable 3", cache)
    first = [fatima.fill(n, n % 2) for n in range(6)]
    fatima.hand_in(round1 / "fatima-1.zip")
    with Store.open(root / "coordinator") as coordinator:
        merge_batches(coordinator, [round1])
    # Fatima's laptop was copied onto a spare one (Portable 4) that corrected an interview too.
    fatima.store.close()
    shutil.copytree(root / "fatima", root / "spare")
    fatima = Laptop(root / "fatima", "Fatima B.", "Portable 1", cache)
    spare = Laptop(root / "spare", "Fatima B.", "Portable 4", cache)
    fatima.edit(first[2], "Corrigé : trois enfants, pas deux.")
    spare.edit(first[2], "Corrigé : famille de cinq personnes.")
    fatima.edit(first[4], "Corrigé : logement social.")
    for n in range(6, 8):
        fatima.fill(n, 2)
    for n in range(8, 12):
        karim.fill(n, n % 3)
    for n in range(12, 15):
        amina.fill(n, 2)
    fatima.hand_in(round2 / "surveyor-Portable-1.zip")
    spare.hand_in(round2 / "surveyor-Portable-4.zip")
    karim.hand_in(round2 / "surveyor-Portable-2.zip")
    amina.hand_in(round2 / "surveyor-Portable-3.zip")
    data = (round2 / "surveyor-Portable-3.zip").read_bytes()
    (round2 / "surveyor-Portable-5.zip").write_bytes(data[: len(data) * 2 // 3])
    for laptop in (fatima, spare, karim, amina):
        laptop.store.close()
    # An interviewer's laptop with finished interviews to hand in, and a draft.
    camille = Laptop(root / "camille", "Camille", "Portable 6", cache)
    for n in range(20, 24):
        camille.fill(n, 3)
    camille.fill(24, 3, finalize=False)
    camille.store.close()
    return {"round2": round2, "coordinator": root / "coordinator", "camille": root / "camille"}


def wait(app, condition, timeout=60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the window")
        app.processEvents()
        time.sleep(0.005)


def settle(app, n: int = 8) -> None:
    for _ in range(n):
        app.processEvents()
        time.sleep(0.01)


def save(pixmap, path: Path) -> Path:
    if not pixmap.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    return path


def with_dialog(window, dialog):
    """The window with a dialog drawn over its centre (offscreen windows are grabbed apart)."""
    from surveyor.ui.qt import QPainter

    pixmap = window.grab()
    shot = dialog.grab()
    painter = QPainter(pixmap)
    x = (pixmap.width() - shot.width()) // 2
    y = (pixmap.height() - shot.height()) // 2
    painter.fillRect(x - 1, y - 1, shot.width() + 2, shot.height() + 2, "#7a8794")
    painter.drawPixmap(x, y, shot)
    painter.end()
    return pixmap


def open_window(
    languages,
    tasks,
    data_dir: Path,
    settings_path: Path,
    *,
    language: str,
    size: tuple[int, int],
    loaded: bool = True,
    **values,
):
    """The app's main window on ``data_dir`` in ``language``, ``size`` pixels, shown and
    started, with the bundled habitants form and the settings ``values`` (text_size,
    interviewer, coordinator...); once its forms and home are loaded unless not ``loaded``."""
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.main_window import MainWindow
    from surveyor.ui.qt import QApplication
    from surveyor.ui.settings import AppSettings

    app = QApplication.instance() or QApplication([])
    settings = AppSettings(path=settings_path)
    settings.language = language
    settings.welcomed = True
    settings.bundled_forms = ["enquete_habitants.xlsx"]
    for key, value in values.items():
        setattr(settings, key, value)
    languages.install(language)
    apply_text_size(app, settings.text_size)
    window = MainWindow(
        data_dir=str(data_dir),
        settings=settings,
        languages=languages,
        tasks=tasks,
        apply_text_size=lambda text_size: apply_text_size(app, text_size),
    )
    window.resize(*size)
    window.show()
    window.start()
    if loaded:
        wait(app, lambda: window.forms_loaded and window.home.loaded)
        tasks.drain()
    return window


def each_window(languages, tasks, data_dir: Path, settings_path: Path, *, language: str, **values):
    """The main window as :func:`open_window` makes it, at 1024x600 then 1366x768, each at the
    default then the largest text size: yields ``(name, window)`` ("1024x600_large") and
    closes the window once its shots are taken."""
    from surveyor.settings import MAX_TEXT_SIZE
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE

    for size in ((1024, 600), (1366, 768)):
        for text_size, suffix in ((DEFAULT_TEXT_SIZE, ""), (MAX_TEXT_SIZE, "_large")):
            window = open_window(
                languages,
                tasks,
                data_dir,
                settings_path,
                language=language,
                size=size,
                text_size=text_size,
                **values,
            )
            yield f"{size[0]}x{size[1]}{suffix}", window
            window.close()
            tasks.drain()


def shoot(language: str, out: Path, languages, paths: dict[str, Path], root: Path) -> list:
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.qt import QApplication
    from surveyor.ui.qt import QFileDialog
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE
    from surveyor.ui.settings import MAX_TEXT_SIZE
    from surveyor.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    tasks = TaskManager()

    def window_for(data_dir: Path, **values):
        window = open_window(
            languages,
            tasks,
            data_dir,
            root / f"settings-{language}-{data_dir.name}.json",
            language=language,
            size=SIZE,
            **values,
        )
        settle(app)
        return window

    # The interviewer hands in to a USB key (the shared folder is out of reach).
    usb = root / f"CLE_USB_{language}"
    usb.mkdir(exist_ok=True)
    window = window_for(
        paths["camille"],
        interviewer="Camille",
        laptop_label="Portable 6",
        shared_folder=str(root / "reseau" / "enquete"),
    )
    wait(app, lambda: window.home.shared_status.isVisible())
    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = staticmethod(
        lambda *a, **k: (str(usb / window.hand_in.default_file_name()), "")
    )
    try:
        window.home.hand_in_button.click()
        wait(app, lambda: window.hand_in.box is not None)
    finally:
        QFileDialog.getSaveFileName = original
    tasks.drain()
    window.home.select_group("done")
    settle(app)
    written.append(save(with_dialog(window, window.hand_in.box), folder / "handin_done.png"))
    window.hand_in.box.accept()
    window.close()
    tasks.drain()

    # The coordinator imports the second round.
    work = root / f"coordinator-{language}"
    shutil.copytree(paths["coordinator"], work)
    window = window_for(work, interviewer="Sophie", coordinator=True)
    window.show_coordination()
    page = window.coordination
    page.imports.import_paths([str(paths["round2"])])
    wait(app, lambda: page.imports.report is not None)
    tasks.drain()
    wait(app, lambda: page.overview.data is not None)
    tasks.drain()
    settle(app)
    written.append(save(window.grab(), folder / "coordinator_import.png"))
    page.tabs.setCurrentWidget(page.conflicts)
    settle(app)
    written.append(save(window.grab(), folder / "coordinator_conflicts.png"))
    page.tabs.setCurrentWidget(page.overview)
    tasks.drain()
    settle(app)
    written.append(save(window.grab(), folder / "coordinator_overview.png"))
    # Old laptops' screens and a larger text: home and the three pages, at 1024×600 and
    # 1366×768, at the default text size and two sizes up (what coordinator mode promises
    # to fit: tests/ui/test_fit_small_screen.py).
    for width, height in ((1024, 600), (1366, 768)):
        for size, suffix in (
            (DEFAULT_TEXT_SIZE, ""),
            (DEFAULT_TEXT_SIZE + 2, "_large"),
            (MAX_TEXT_SIZE, "_largest"),  # 24 pt: the pages scroll within the screen
        ):
            window.set_text_size(size)
            window.resize(width, height)
            name = f"{width}x{height}{suffix}"
            window.go_home()
            settle(app)
            written.append(save(window.grab(), folder / f"home_coordinator_{name}.png"))
            window.show_coordination()
            for tab in ("import", "conflicts", "overview"):
                page.tabs.setCurrentWidget(getattr(page, tab if tab != "import" else "imports"))
                tasks.drain()
                settle(app)
                written.append(save(window.grab(), folder / f"coordinator_{tab}_{name}.png"))
    window.set_text_size(DEFAULT_TEXT_SIZE)
    window.close()
    tasks.drain()
    tasks.wait_db()
    tasks.shutdown()
    apply_text_size(app, DEFAULT_TEXT_SIZE)
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
        paths = seed(root)
        for language in ("fr", "en"):
            for path in shoot(language, args.out, languages, paths, root):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
