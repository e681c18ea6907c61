"""Where Surveyor keeps its data.

Order: an explicit ``--data-dir``, then the ``SURVEYOR_HOME`` environment variable, then
platformdirs' user data dir. A portable install on a USB key sets ``SURVEYOR_HOME``.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Surveyor"
APP_AUTHOR = "Surveyor"


def resolve_data_dir(data_dir: str | os.PathLike | None = None) -> Path:
    """Return the data directory to use, creating it if needed."""
    if data_dir:
        path = Path(data_dir)
    elif os.environ.get("SURVEYOR_HOME"):
        path = Path(os.environ["SURVEYOR_HOME"])
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path = path.expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def bundled_forms_dir() -> Path:
    """The folder of forms shipped with Surveyor (source tree or PyInstaller bundle)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "bundled_forms", here.parent / "forms"):
        if candidate.is_dir():
            return candidate
    return here.parent / "forms"
