"""Screenshots of the interview screen at 1366×768, in French and English.

    uv run python benchmarks/screens_interview.py  ->  docs/screenshots/{fr,en}/interview_*.png

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

from surveyor.services.interviews import FormLibrary, start_interview  # noqa: E402
from surveyor.store import Store  # noqa: E402
from surveyor.ui.interview import InterviewStorage, InterviewView  # noqa: E402
from surveyor.ui.qt import QApplication, QLocale, QTranslator  # noqa: E402
from surveyor.ui.tasks import TaskManager  # noqa: E402
from surveyor.workspace import Workspace  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
QM = ROOT / "surveyor" / "ui" / "i18n" / "surveyor_fr.qm"


def shoot(app, lang: str, library, tasks) -> list[Path]:
    form = library.load_file(ROOT / "forms" / "enquete_habitants.xlsx")
    interview, session = start_interview(library, form)
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
        store = Store.open(Path(tmp))
        library = FormLibrary(store)
        tasks = TaskManager()
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        translator = QTranslator()
        french_ui = QM.exists() and translator.load(str(QM))
        if french_ui:
            app.installTranslator(translator)
        paths = shoot(app, "fr", library, tasks)
        if french_ui:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        paths += shoot(app, "en", library, tasks)
        tasks.shutdown()
        store.close()
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
