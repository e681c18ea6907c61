"""Screenshots of the app's shell in French and English at 1366×768 (old laptops' screens).

Run:  uv run python benchmarks/screens_app.py [--out docs/screenshots]

Writes ``{fr,en}/home.png`` (with a few interviews in every state), ``welcome.png`` (first
start), ``settings.png`` (the dialog over home), ``home_large_text.png`` (Ctrl+= twice),
``home_1024x600[_large|_largest].png`` (an old laptop's screen, two text sizes up, the largest
size), ``home_1366x768_largest.png``, and a form with
unsupported features then a broken one (``home_form_*_1024x600.png``, ``form_*_details.png``).
Offscreen rendering, so it runs without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SIZE = (1366, 768)
PEOPLE = [
    ("draft", "12 rue des Lilas — Mme Martin"),
    ("draft", "3 place du Marché — famille Benali"),
    ("draft", "8 rue des Lilas, 2e étage"),
    ("finalized", "1 avenue Foch — M. Diallo"),
    ("failed", "2 avenue Foch — Mme Nguyen"),
    ("sent", "5 impasse Verte — M. et Mme Roux"),
    ("exported", "6 impasse Verte — Mme Leroy"),
    ("deleted", "9 rue Basse (doublon)"),
]


def seed(home: Path) -> None:
    from surveyor.interviews.record import Interview
    from surveyor.paths import bundled_forms_dir
    from surveyor.services.interviews import FormLibrary
    from surveyor.store import Store

    with Store.open(home) as store:
        library = FormLibrary(store)
        forms = [library.load_file(p) for p in sorted(bundled_forms_dir().glob("*.xlsx"))]
        for i, (status, name) in enumerate(PEOPLE):
            form = forms[i % 3 == 2 and len(forms) > 1]
            interview = Interview.new(
                form_id=form.form_id, form_version=form.version, form_hash=form.content_hash
            )
            interview.instance_name = name
            interview.answered, interview.answerable = (12 + 5 * i) % 38, 38
            store.create_interview(interview)
            iid = interview.instance_id
            if status in ("finalized", "failed", "sent", "exported"):
                store.finalize(iid)
            if status == "sent":
                store.mark_sent(iid, to="serveur")
            if status == "exported":
                store.mark_exported(iid, to="clé USB")
            if status == "failed":
                store.mark_failed(iid, "pas de réseau")
            if status == "deleted":
                store.delete(iid)


def wait(app, condition, timeout=30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the window")
        app.processEvents()
        time.sleep(0.005)


UNSUPPORTED_FORM = """
| survey |
| | type | name | label | appearance |
| | text | site | Site web | url |
| | video | vid | Vidéo | |
| | text | mail | Courriel | ex:org.example.mail |
| | text | rue | Rue | |
| settings |
| | form_title | form_id |
| | Quartier | quartier |
"""
BROKEN_FORM = """
| survey |
| | type | name | label | relevant |
| | integer | a | A | |
| | integr | b | B | |
| | select_one nolist | s | S | ${zz} > 1 |
| | txt | c | C | |
| choices |
| | list_name | name | label |
| | yn | y | Y |
"""


def shoot(language: str, out: Path, languages) -> list[Path]:
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.main_window import MainWindow
    from surveyor.ui.qt import QApplication
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE
    from surveyor.ui.settings import MAX_TEXT_SIZE
    from surveyor.ui.settings import AppSettings
    from surveyor.ui.settings import settings_path
    from surveyor.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="surveyor-screens-") as tmp:
        home = Path(tmp) / "home"
        os.environ["SURVEYOR_HOME"] = str(home)
        seed(home)
        tasks = TaskManager()

        def window_for(settings):
            languages.install(settings.language)
            apply_text_size(app, settings.text_size)
            window = MainWindow(
                data_dir=None,
                settings=settings,
                languages=languages,
                tasks=tasks,
                apply_text_size=lambda size: apply_text_size(app, size),
            )
            window.resize(*SIZE)
            window.show()
            window.start()
            wait(app, lambda: window.forms_loaded and window.home.loaded)
            tasks.drain()
            for _ in range(5):
                app.processEvents()
            return window

        # First start.
        settings = AppSettings.load(settings_path())
        settings.language = language
        window = window_for(settings)
        written.append(save(window.grab(), folder / "welcome.png"))
        window.welcome.name_edit.setText("Marie Dupont")
        window.welcome.laptop_edit.setText("Portable 3" if language == "fr" else "Laptop 3")
        window.welcome.finish()
        wait(app, lambda: window.forms_loaded and len(window.home.form_cards()) > 0)
        tasks.drain()
        # Offer to resume a draft, as after closing during an interview.
        drafts = window.home.groups["drafts"]
        if drafts:
            window.home.offer_resume(drafts[0].instance_id, drafts[0].instance_name)
        app.processEvents()
        written.append(save(window.grab(), folder / "home.png"))

        dialog = window.open_settings()
        app.processEvents()
        dialog.move(window.geometry().center() - dialog.rect().center())
        app.processEvents()
        written.append(save(dialog.grab(), folder / "settings.png"))
        dialog.reject()

        window.home.select_group("bin")
        app.processEvents()
        written.append(save(window.grab(), folder / "home_bin.png"))
        window.home.select_group("drafts")
        window.change_text_size(+3)
        for _ in range(5):
            app.processEvents()
        written.append(save(window.grab(), folder / "home_large_text.png"))
        window.change_text_size(0)
        # An old laptop's screen, at the default size, two sizes up and the largest (24 pt:
        # the page scrolls, the window stays within the screen); the largest at 1366×768 too.
        for (width, height), size, suffix in (
            ((1024, 600), DEFAULT_TEXT_SIZE, ""),
            ((1024, 600), DEFAULT_TEXT_SIZE + 2, "_large"),
            ((1024, 600), MAX_TEXT_SIZE, "_largest"),
            ((1366, 768), MAX_TEXT_SIZE, "_largest"),
        ):
            window.set_text_size(size)
            window.resize(width, height)
            for _ in range(5):
                app.processEvents()
            written.append(save(window.grab(), folder / f"home_{width}x{height}{suffix}.png"))
        window.set_text_size(DEFAULT_TEXT_SIZE)
        window.resize(1024, 600)
        # A form with features Surveyor lacks, then a broken one: one sentence each, the
        # list one click away.
        forms = Path(tmp) / "forms"
        forms.mkdir()
        for name, text in (("quartier.md", UNSUPPORTED_FORM), ("cassé.md", BROKEN_FORM)):
            (forms / name).write_text(text, encoding="utf-8")
            done = []
            window.forms_ready.connect(lambda done=done: done.append(1))
            window.add_form_file(str(forms / name))
            wait(app, lambda done=done: done)
            tasks.drain()
            for _ in range(5):
                app.processEvents()
            stem = "unsupported" if name == "quartier.md" else "broken"
            written.append(save(window.grab(), folder / f"home_form_{stem}_1024x600.png"))
            dialog = window.home.show_message_details()
            for _ in range(5):
                app.processEvents()
            written.append(save(dialog.grab(), folder / f"form_{stem}_details.png"))
            dialog.reject()
        window.resize(*SIZE)
        window.close()
        tasks.drain()
        tasks.wait_db()
        tasks.shutdown()
        apply_text_size(app, DEFAULT_TEXT_SIZE)
    return written


def save(pixmap, path: Path) -> Path:
    if not pixmap.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    from surveyor.ui.language import Languages
    from surveyor.ui.qt import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - before the translators
    languages = Languages()
    for language in ("fr", "en"):
        for path in shoot(language, args.out, languages):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
