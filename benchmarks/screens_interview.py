"""Screenshots of the interview screen, in French and English.

    uv run python benchmarks/screens_interview.py  ->  docs/screenshots/{fr,en}/interview_*.png

At 1366×768 with the default text size: a text question, a select_multiple, a repeat, the
repeat's "add" screen, the end page with problems. Then, at 1024×600 and 1366×768, at the
default and the largest text size (``interview_<screen>_<width>_<size>.png``): the consent
note, the review page and the end page of a complete interview.

French is the form's default language. For English the form language is switched and the
app's translator is loaded when ``surveyor/ui/i18n/surveyor_fr.qm`` exists (otherwise the
interface shows its English source strings).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from surveyor.services.interviews import FormLibrary  # noqa: E402
from surveyor.services.interviews import start_interview  # noqa: E402
from surveyor.store import Store  # noqa: E402
from surveyor.ui.interview import InterviewStorage  # noqa: E402
from surveyor.ui.interview import InterviewView  # noqa: E402
from surveyor.ui.qt import QApplication  # noqa: E402
from surveyor.ui.qt import QLocale  # noqa: E402
from surveyor.ui.qt import QTranslator  # noqa: E402
from surveyor.ui.tasks import TaskManager  # noqa: E402
from surveyor.workspace import Workspace  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
QM = ROOT / "surveyor" / "ui" / "i18n" / "surveyor_fr.qm"


def shoot_sizes(app, lang: str, library, tasks) -> list[Path]:
    """The consent note, the review page and the end page at two sizes and two text sizes."""
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE
    from surveyor.ui.settings import MAX_TEXT_SIZE

    form = tasks.run_db(
        lambda: library.load_file(ROOT / "forms" / "enquete_habitants.xlsx")
    ).result()
    saved = []
    out = OUT / lang
    for points in (DEFAULT_TEXT_SIZE, MAX_TEXT_SIZE):
        apply_text_size(app, points)
        for width, height in ((1024, 600), (1366, 768)):
            interview, session = tasks.run_db(lambda: start_interview(library, form)).result()
            session.set_answer("/data/consent", "yes")
            if lang == "en":
                session.set_language("English (en)")
            view = InterviewView(
                InterviewStorage(Workspace(library.store)), interview, session, tasks=tasks
            )
            view.resize(width, height)
            view.show()
            tag = f"{width}_{'large' if points == MAX_TEXT_SIZE else 'default'}"
            for name, location, scroll in (
                ("consent", "/data/intro_note", 0.0),
                ("end", "#finalize", 0.0),
                ("review", "#finalize", 0.45),
            ):
                view.go_to(location)
                for _ in range(3):
                    app.processEvents()
                bar = view.scroll.verticalScrollBar()
                bar.setValue(round(bar.maximum() * scroll))
                app.processEvents()
                path = out / f"interview_{name}_{tag}.png"
                view.grab().save(str(path))
                saved.append(path)
            tasks.drain()
            view.close()
    apply_text_size(app, DEFAULT_TEXT_SIZE)
    return saved


def shoot(app, lang: str, library, tasks) -> list[Path]:
    form = tasks.run_db(
        lambda: library.load_file(ROOT / "forms" / "enquete_habitants.xlsx")
    ).result()
    interview, session = tasks.run_db(lambda: start_interview(library, form)).result()
    if lang == "en":
        session.set_language("English (en)")
    view = InterviewView(
        InterviewStorage(Workspace(library.store)), interview, session, tasks=tasks
    )
    view.resize(1366, 768)
    view.show()
    out = OUT / lang
    out.mkdir(parents=True, exist_ok=True)
    saved = []

    def grab(name):
        for _ in range(3):
            app.processEvents()
        path = out / f"interview_{name}.png"
        view.grab().save(str(path))
        saved.append(path)

    # a text question (the visit's field-list, with its first answer typed)
    session.set_answer("/data/consent", "yes")
    view.refresh()
    view.go_to("/data/household/street")
    grab("text")
    view.go_to("/data/mobility")  # a field-list with select_multiple
    rows = {row.template.name: row for row in view.rows}
    rows["transport_modes"].editor.buttons[2].setChecked(True)
    rows["transport_modes"].editor.buttons[5].setChecked(True)
    grab("select_multiple")
    for name, age in (("Awa", "34"), ("Bruno", "36"), ("Chloé", "5")):
        member = session.add_repeat("/data/household/member")
        base = session.location_of(member)
        session.set_answer(base + "/member_name", name)
        session.set_answer(base + "/member_age", age)
    view.refresh()
    view.go_to("/data/household/member[2]")
    grab("repeat")
    view.go_to("/data/household/member[+]")
    grab("repeat_add")
    view.go_to("#finalize")
    grab("finalize_errors")
    tasks.drain()
    view.close()
    return saved


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE

    apply_text_size(app, DEFAULT_TEXT_SIZE)  # as the app does: the interview text scales from it
    with tempfile.TemporaryDirectory() as tmp:
        tasks = TaskManager()
        # the store belongs to the database thread, as in the app (the screen saves there)
        store = tasks.run_db(lambda: Store.open(Path(tmp))).result()
        library = FormLibrary(store)
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        translator = QTranslator()
        french_ui = QM.exists() and translator.load(str(QM))
        if french_ui:
            app.installTranslator(translator)
        paths = shoot(app, "fr", library, tasks)
        paths += shoot_sizes(app, "fr", library, tasks)
        if french_ui:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        paths += shoot(app, "en", library, tasks)
        paths += shoot_sizes(app, "en", library, tasks)
        tasks.run_db(store.close).result()
        tasks.shutdown()
    for path in paths:
        print(path.relative_to(ROOT))
    if not QM.exists():
        print(
            "note: surveyor/ui/i18n/surveyor_fr.qm not found: French screenshots show the "
            "English interface strings around the French form."
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
