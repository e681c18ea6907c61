"""Screenshots of the coordinator's Encryption… dialog (a key pair just made, its private
key saved), over the coordination page, at 1024×600 and 1366×768, in French and English.

Run:  uv run python benchmarks/screens_encryption.py [--out docs/screenshots]

Writes ``{fr,en}/encryption_dialog_{1024x600,1366x768}.png``. A real store in a temporary
folder; offscreen rendering.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.screens_coordinator import save  # noqa: E402
from benchmarks.screens_coordinator import settle  # noqa: E402
from benchmarks.screens_coordinator import wait  # noqa: E402
from benchmarks.screens_coordinator import with_dialog  # noqa: E402

SIZES = ((1024, 600), (1366, 768))


def shoot(language: str, size: tuple[int, int], out: Path, languages, root: Path) -> Path:
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.main_window import MainWindow
    from surveyor.ui.qt import QApplication
    from surveyor.ui.settings import AppSettings
    from surveyor.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)
    tasks = TaskManager()
    tag = f"{language}-{size[0]}"
    settings = AppSettings(path=root / f"settings-{tag}.json")
    settings.language = language
    settings.welcomed = True
    settings.coordinator = True
    settings.interviewer = "Sophie"
    settings.bundled_forms = ["enquete_habitants.xlsx"]
    languages.install(language)
    apply_text_size(app, settings.text_size)
    window = MainWindow(
        data_dir=str(root / f"data-{tag}"),
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
    page.ask_encryption()
    wait(app, lambda: getattr(page, "encryption_dialog", None) is not None)
    dialog = page.encryption_dialog
    dialog.passphrase.setText("une phrase secrète solide")
    dialog.confirm.setText("une phrase secrète solide")
    dialog.make_and_save(str(root / f"cle-{tag}.pem"))
    tasks.drain()
    settle(app)
    path = save(with_dialog(window, dialog), folder / f"encryption_dialog_{size[0]}x{size[1]}.png")
    dialog.reject()
    window.close()
    tasks.drain()
    tasks.wait_db()
    tasks.shutdown()
    return path


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
        for language in ("fr", "en"):
            for size in SIZES:
                print(shoot(language, size, args.out, languages, root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
