"""The app's settings in the core (surveyor/settings.py): no Qt, one path rule for the app
and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from surveyor.settings import DEFAULT_TEXT_SIZE
from surveyor.settings import MAX_TEXT_SIZE
from surveyor.settings import AppSettings
from surveyor.settings import settings_path
from surveyor.sync.config import server_settings

REPO = Path(__file__).resolve().parent.parent

ROUND_TRIP_WITHOUT_QT = """
import sys
from pathlib import Path

class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is blocked in this test: ' + name)

sys.meta_path.insert(0, Block())
from surveyor.settings import AppSettings, settings_path
from surveyor.sync.config import server_settings

data_dir = Path(sys.argv[1])
path = settings_path(data_dir)
settings = AppSettings.load(path)
settings.interviewer = 'Inès'
settings.text_size = 14
settings.form_files = ['/forms/a.xlsx']
settings.coordinator = True
settings.server_url = 'https://survey.example.org'
settings.server_user = 'ines'
settings.save()
again = AppSettings.load(path)
assert again == settings, (again, settings)
assert server_settings(data_dir) == ('https://survey.example.org', 'ines')
assert not any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules)
assert 'surveyor.ui' not in sys.modules
print('ok', path)
"""


def test_settings_round_trip_without_qt(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", ROUND_TRIP_WITHOUT_QT, str(tmp_path / "usb")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ok {(tmp_path / 'usb' / 'settings.json').resolve()}"
    saved = json.loads((tmp_path / "usb" / "settings.json").read_text("utf-8"))
    assert saved["interviewer"] == "Inès" and "path" not in saved


def test_settings_path_rule(tmp_path, monkeypatch):
    assert settings_path(tmp_path / "usb") == (tmp_path / "usb" / "settings.json").resolve()
    monkeypatch.setenv("SURVEYOR_HOME", str(tmp_path / "home"))
    assert settings_path() == (tmp_path / "home" / "settings.json").resolve()
    monkeypatch.delenv("SURVEYOR_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    if sys.platform.startswith("linux"):
        assert settings_path() == tmp_path / "config" / "Surveyor" / "settings.json"


def test_bad_values_fall_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "interviewer": 3,
                "text_size": 400,
                "language": "de",
                "coordinator": "yes",
                "form_files": ["a", 1],
                "server_url": None,
                "unknown": "kept out",
            }
        ),
        "utf-8",
    )
    settings = AppSettings.load(path)
    assert settings == AppSettings(text_size=MAX_TEXT_SIZE)
    path.write_text("[1, 2]", "utf-8")
    assert AppSettings.load(path).text_size == DEFAULT_TEXT_SIZE
    path.write_text("{not json", "utf-8")
    assert AppSettings.load(path) == AppSettings()


def test_server_settings_read_the_apps_file_and_the_cli_options_win(tmp_path):
    assert server_settings(tmp_path) == ("", "")  # no file yet
    AppSettings(
        path=settings_path(tmp_path), server_url="https://a.example", server_user="ines"
    ).save()
    assert server_settings(tmp_path) == ("https://a.example", "ines")
    assert server_settings(tmp_path, server="https://b.example") == ("https://b.example", "ines")
    assert server_settings(tmp_path, user="") == ("https://a.example", "")  # --user ""
    (tmp_path / "settings.json").write_text('{"server_url": 7, "server_user": null}', "utf-8")
    assert server_settings(tmp_path) == ("", "")


def test_removable_drives_are_the_mount_points_under_media(tmp_path):
    from surveyor.paths import removable_drives

    media = tmp_path / "media"
    key = media / "amelie" / "CLE USB"
    key.mkdir(parents=True)
    mounts = "\n".join(
        [
            "/dev/sda2 / ext4 rw,relatime 0 0",
            f"/dev/sdb1 {str(key).replace(' ', chr(92) + '040')} vfat rw,nosuid 0 0",
            f"/dev/sdc1 {media}/gone vfat rw 0 0",  # listed but not there: not offered
        ]
    )
    found = removable_drives(platform="linux", mounts=mounts, roots=(f"{media}/",))
    assert found == [key]
    assert removable_drives(platform="linux", mounts="", roots=(f"{media}/",)) == []
