"""Where Surveyor keeps its data.

Order: an explicit ``--data-dir``, then the ``SURVEYOR_HOME`` environment variable, then
platformdirs' user data dir. A portable install on a USB key sets ``SURVEYOR_HOME``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Surveyor"
APP_AUTHOR = "Surveyor"
# The passphrase of a store encrypted at rest (docs/privacy.md), for scripts and the CLI.
STORE_PASSPHRASE_ENV = "SURVEYOR_STORE_PASSPHRASE"


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


# Where desktops mount removable drives (USB keys): udisks2 under /media/<user>/ or
# /run/media/<user>/, older systems under /media/.
REMOVABLE_ROOTS = ("/media/", "/run/media/")
_DRIVE_REMOVABLE = 2  # GetDriveTypeW


def removable_drives(
    *,
    platform: str | None = None,
    mounts: str | None = None,
    volumes: Path | None = None,
    roots: tuple[str, ...] = REMOVABLE_ROOTS,
) -> list[Path]:
    """Removable drives plugged in now (USB keys), to offer as where to hand in.

    Linux/BSD: mount points under /media or /run/media (``mounts``: the text of
    /proc/mounts, for tests). macOS: the volumes under /Volumes but the system's. Windows:
    drives of type "removable". Writable ones only; never raises (an empty list).
    """
    platform = platform or sys.platform
    found: list[Path] = []
    try:
        if platform.startswith("win"):
            # Windows only
            import ctypes
            import string

            bits = ctypes.windll.kernel32.GetLogicalDrives()
            for index, letter in enumerate(string.ascii_uppercase):
                root = f"{letter}:\\"
                if bits >> index & 1 and (
                    ctypes.windll.kernel32.GetDriveTypeW(root) == _DRIVE_REMOVABLE
                ):
                    found.append(Path(root))
        elif platform == "darwin":
            base = volumes or Path("/Volumes")
            for entry in sorted(base.iterdir()):
                if entry.is_dir() and not entry.is_symlink():  # the system volume is a link
                    found.append(entry)
        else:
            if mounts is None:
                mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
            for line in mounts.splitlines():
                parts = line.split()
                if len(parts) < 2:
                    continue
                point = parts[1].replace("\\040", " ").replace("\\011", "\t")
                if point.startswith(roots):
                    found.append(Path(point))
    except (OSError, AttributeError, ValueError):
        return []
    return [path for path in dict.fromkeys(found) if os.access(path, os.W_OK)]
