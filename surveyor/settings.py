"""The app's own settings (not interview data), and where they live.

A small JSON file: in platformdirs' user config dir (which follows ``XDG_CONFIG_HOME``), or
``<data_dir>/settings.json`` when the data dir is given (``--data-dir`` or ``SURVEYOR_HOME``),
so a portable install on a USB key keeps its settings with its data. The app edits them
(``surveyor/ui/settings.py`` is only the dialog); the CLI reads the server's address and
account from the same file (:func:`surveyor.sync.config.server_settings`).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from dataclasses import fields
from pathlib import Path

import platformdirs

from surveyor.paths import APP_AUTHOR
from surveyor.paths import APP_NAME

SETTINGS_NAME = "settings.json"
DEFAULT_TEXT_SIZE = 11  # points: a little larger than most desktops' default
MIN_TEXT_SIZE = 8
MAX_TEXT_SIZE = 24
LANGUAGES = ("fr", "en")


@dataclass
class AppSettings:
    interviewer: str = ""
    laptop_label: str = ""
    language: str = ""  # "" follows the system locale; else "fr" or "en"
    text_size: int = DEFAULT_TEXT_SIZE
    form_files: list[str] = field(default_factory=list)  # forms opened from files (paths)
    bundled_forms: list[str] = field(default_factory=list)  # bundled forms kept (file names)
    welcomed: bool = False  # the first-start welcome was completed
    last_interview: str = ""  # instanceID of the draft open when the app was last closed
    shared_folder: str = ""  # batches are handed in there automatically ("" = none)
    last_form_folder: str = ""  # where the last form file was opened from
    last_hand_in_folder: str = ""  # where the last batch was handed in (a file chosen)
    coordinator: bool = False  # show the coordination screen
    last_batch_folder: str = ""  # the coordinator's last imported folder (or file's folder)
    last_batch_paths: list[str] = field(default_factory=list)  # what was imported last
    export_folder: str = ""  # the coordinator's last export folder
    server_url: str = ""  # the campaign server's address ("" = no sending to a server)
    server_user: str = ""  # its account name (the password is never in this file)
    protection_declined: bool = False  # "Not now" to protecting the store at rest
    path: Path | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path) -> AppSettings:
        """The settings at ``path``; defaults for anything missing or unreadable."""
        settings = cls(path=path)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return settings
        if not isinstance(data, dict):
            return settings
        for f in fields(cls):
            if f.name == "path" or f.name not in data:
                continue
            value = data[f.name]
            default = getattr(settings, f.name)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, int):
                ok = isinstance(value, int) and not isinstance(value, bool)
            elif isinstance(default, list):
                ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            else:
                ok = isinstance(value, str)
            if ok:
                setattr(settings, f.name, value)
        settings.text_size = clamp_text_size(settings.text_size)
        if settings.language not in LANGUAGES:
            settings.language = ""
        return settings

    def save(self) -> None:
        """Write atomically (a crash never leaves half a file)."""
        if self.path is None:
            return
        data = asdict(self)
        data.pop("path")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)


def clamp_text_size(size: int) -> int:
    return max(MIN_TEXT_SIZE, min(MAX_TEXT_SIZE, int(size)))


def settings_path(data_dir: str | os.PathLike | None = None) -> Path:
    """Where the settings live (see the module docstring)."""
    if data_dir:
        return Path(data_dir).expanduser().resolve() / SETTINGS_NAME
    if os.environ.get("SURVEYOR_HOME"):
        return Path(os.environ["SURVEYOR_HOME"]).expanduser().resolve() / SETTINGS_NAME
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / SETTINGS_NAME
