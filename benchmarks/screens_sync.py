"""Screenshots of sending to a server, in French and English at 1366×768.

Run:  uv run python benchmarks/screens_sync.py [--out docs/screenshots]

Starts a real ``surveyor serve`` on 127.0.0.1 (tests/server's helpers: accounts made with
``surveyor server add-user``) and writes ``{fr,en}/home_sync.png`` (home with the sending
status line after a pass), ``settings_server.png`` (the settings dialog's server section
after "Test the connection") and ``home_auth_banner.png`` (the server refuses the password).
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
sys.path.insert(0, str(REPO / "benchmarks"))

from screens_app import SIZE  # noqa: E402
from screens_app import save  # noqa: E402
from screens_app import seed  # noqa: E402
from screens_app import wait  # noqa: E402


def shoot(language: str, out: Path, languages, campaign) -> list[Path]:
    from surveyor.ui.app import apply_text_size
    from surveyor.ui.main_window import MainWindow
    from surveyor.ui.qt import QApplication
    from surveyor.ui.settings import DEFAULT_TEXT_SIZE
    from surveyor.ui.settings import AppSettings
    from surveyor.ui.settings import settings_path
    from surveyor.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    user, password = campaign.interviewer
    with tempfile.TemporaryDirectory(prefix="surveyor-screens-") as tmp:
        home = Path(tmp) / "home"
        os.environ["SURVEYOR_HOME"] = str(home)
        seed(home)
        tasks = TaskManager()
        settings = AppSettings.load(settings_path())
        settings.language = language
        settings.welcomed = True
        settings.interviewer = "Marie Dupont"
        settings.laptop_label = "Portable 3" if language == "fr" else "Laptop 3"
        settings.bundled_forms = ["enquete_habitants.xlsx"]
        settings.server_url = campaign.server.base
        settings.server_user = user
        settings.save()
        languages.install(language)
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
        sync = window.server_sync
        wait(app, lambda: window.forms_loaded and window.home.loaded)
        wait(app, lambda: sync.last_answer is not None and not sync.running)
        tasks.drain()

        # The password typed in the settings this session: a pass sends what it can.
        sync.last_answer = None
        sync.settings_changed(password)
        wait(app, lambda: sync.last_answer is not None and not sync.running, timeout=60)
        tasks.drain()
        window.home.select_group("waiting")
        for _ in range(5):
            app.processEvents()
        written.append(save(window.grab(), folder / "home_sync.png"))

        dialog = window.open_settings()
        dialog.tabs.setCurrentWidget(dialog.server_page)
        dialog.password_edit.setText(password)
        dialog.test_connection()
        wait(app, lambda: dialog.test_kind != "", timeout=30)
        app.processEvents()
        dialog.adjustSize()
        dialog.move(window.geometry().center() - dialog.rect().center())
        app.processEvents()
        written.append(save(dialog.grab(), folder / "settings_server.png"))
        dialog.reject()
        app.processEvents()

        sync.last_answer = None
        sync.settings_changed("not-the-password")
        wait(app, lambda: sync.last_answer is not None and not sync.running, timeout=60)
        tasks.drain()
        window.home.show_message("")
        for _ in range(5):
            app.processEvents()
        written.append(save(window.grab(), folder / "home_auth_banner.png"))

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
    import keyring
    from keyring.backends import fail

    from surveyor.ui.language import Languages
    from surveyor.ui.qt import QApplication
    from tests.server.conftest import make_campaign

    keyring.set_keyring(fail.Keyring())  # the no-keychain case, whatever this machine has
    app = QApplication.instance() or QApplication([])  # noqa: F841 - before the translators
    languages = Languages()
    with tempfile.TemporaryDirectory(prefix="surveyor-campaign-") as tmp:
        campaign = make_campaign(Path(tmp))
        try:
            for language in ("fr", "en"):
                for path in shoot(language, args.out, languages, campaign):
                    print(path)
        finally:
            campaign.server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
