"""Screenshots of protected campaign packages and hand-ins (issue 14), French and English, at
1024×600 and 1366×768, default and largest text size: the coordinator's "Campaign package"
dialog (protect with a password), the volunteer's hand-in box ("Protect for the coordinator",
ticked) and the password asked for a protected door list.

Run:  uv run python benchmarks/screens_packages.py [--out docs/screenshots]

Writes ``{fr,en}/package_dialog_<W>x<H>[_large].png``, ``handin_protect_<W>x<H>[_large].png``
and ``package_passphrase_<W>x<H>[_large].png``. Real stores in a temporary folder; offscreen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.screens_coordinator import ANSWERS  # noqa: E402
from benchmarks.screens_coordinator import HABITANTS  # noqa: E402
from benchmarks.screens_coordinator import each_window  # noqa: E402
from benchmarks.screens_coordinator import save  # noqa: E402
from benchmarks.screens_coordinator import settle  # noqa: E402
from benchmarks.screens_coordinator import wait  # noqa: E402
from benchmarks.screens_coordinator import with_dialog  # noqa: E402
from benchmarks.screens_fieldwork import seed as seed_doors  # noqa: E402


def seed(root: Path) -> Path:
    """A laptop with one finished interview that took a package carrying the coordinator's
    public key."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    from surveyor.encryption.keys import public_text_of
    from surveyor.workspace import Workspace

    (root / "seed").mkdir()
    coordinator = seed_doors(root / "seed")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with Workspace.open(coordinator) as ws:
        package = ws.export_campaign(root, public_key=public_text_of(key)).value.path
    laptop = root / "laptop"
    with Workspace.open(laptop) as ws:
        form = ws.load_form(HABITANTS).value
        ws.fill_interview(form, dict(ANSWERS, interviewer="Camille"), finalize=True)
        ws.import_campaign(package)
    return laptop


def shoot(language: str, out: Path, languages, laptop: Path, root: Path) -> list[Path]:
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.coordinator.doorlist import PackageDialog
    from surveyor.ui.qt import QApplication
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE
    from surveyor.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    tasks = TaskManager()
    work = root / f"data-{language}"
    shutil.copytree(laptop, work)
    for name, window in each_window(
        languages,
        tasks,
        work,
        root / f"settings-{language}.json",
        language=language,
        interviewer="Camille",
    ):
        window.hand_in._ask_protection(1, True)
        box = window.hand_in.protect_box
        settle(app)
        written.append(save(with_dialog(window, box), folder / f"handin_protect_{name}.png"))
        box.reject()
        package = PackageDialog(doors=120, passphrase="", with_key=True, parent=window)
        package.passphrase.setText("lilas et tilleuls")
        package.show()
        settle(app)
        written.append(save(with_dialog(window, package), folder / f"package_dialog_{name}.png"))
        package.reject()
        window.show_doors()
        page = window.doors_page
        wait(app, lambda p=page: p.loaded)
        tasks.drain()
        page.ask_passphrase(lambda ws, secret: None, wrong=True)
        dialog = page.passphrase_dialog
        settle(app)
        written.append(save(with_dialog(window, dialog), folder / f"package_passphrase_{name}.png"))
        dialog.reject()
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
        laptop = seed(root)
        for language in ("fr", "en"):
            for path in shoot(language, args.out, languages, laptop, root):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
