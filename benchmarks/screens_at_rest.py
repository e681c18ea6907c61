"""Screenshots of the store encrypted at rest in the app: "Protect the data of this computer"
and the passphrase asked at start-up (after a wrong one), in French and English, at 1024×600
and 1366×768, default and largest text size.

Run:  uv run python benchmarks/screens_at_rest.py [--out docs/screenshots]

Writes ``{fr,en}/at_rest_protect_<W>x<H>[_largest].png`` and
``at_rest_passphrase_<W>x<H>[_largest].png``. Real stores in a temporary folder; offscreen
rendering.
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

from benchmarks.screens_coordinator import open_window  # noqa: E402
from benchmarks.screens_coordinator import save  # noqa: E402
from benchmarks.screens_coordinator import settle  # noqa: E402
from benchmarks.screens_coordinator import wait  # noqa: E402
from benchmarks.screens_coordinator import with_dialog  # noqa: E402

SIZES = ((1024, 600), (1366, 768))


def shoot(language, size, text_size, out: Path, languages, root: Path) -> list[Path]:
    from surveyor.store import protection
    from surveyor.ui.qt import QApplication
    from surveyor.ui.settings import MAX_TEXT_SIZE
    from surveyor.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)
    suffix = f"{size[0]}x{size[1]}" + ("_largest" if text_size == MAX_TEXT_SIZE else "")
    paths = []
    for what in ("protect", "passphrase"):
        tasks = TaskManager()
        tag = f"{language}-{suffix}-{what}"
        data_dir = root / f"data-{tag}"
        if what == "passphrase":
            protection.protect(data_dir, passphrase="une phrase secrète solide")
            protection.forget(data_dir)
        window = open_window(
            languages,
            tasks,
            data_dir,
            root / f"settings-{tag}.json",
            language=language,
            size=size,
            loaded=False,  # a protected store first asks its passphrase
            interviewer="Amina",
            text_size=text_size,
        )
        if what == "protect":
            wait(app, lambda w=window: w.forms_loaded and w.home.loaded)
            dialog = window.protect_this_computer()
            dialog.passphrase_choice.setChecked(True)
        else:
            wait(app, lambda w=window: w.passphrase_dialog is not None)
            dialog = window.passphrase_dialog
            dialog.say_wrong()
        tasks.drain()
        settle(app)
        paths.append(save(with_dialog(window, dialog), folder / f"at_rest_{what}_{suffix}.png"))
        dialog.done(0) if what == "protect" else None
        window.passphrase_dialog = None
        window.close()
        tasks.drain()
        tasks.wait_db()
        tasks.shutdown()
    return paths


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    from surveyor.ui.language import Languages
    from surveyor.ui.qt import QApplication
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE
    from surveyor.ui.settings import MAX_TEXT_SIZE

    app = QApplication.instance() or QApplication([])  # noqa: F841 - before the translators
    languages = Languages()
    with tempfile.TemporaryDirectory(prefix="surveyor-screens-") as tmp:
        root = Path(tmp)
        os.environ["SURVEYOR_HOME"] = str(root / "unused-home")
        for language in ("fr", "en"):
            for size in SIZES:
                for text_size in (DEFAULT_TEXT_SIZE, MAX_TEXT_SIZE):
                    for path in shoot(language, size, text_size, args.out, languages, root):
                        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
