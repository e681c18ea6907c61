"""Who and what is filling interviews: the laptop's stable device id."""

from __future__ import annotations

import errno
import json
import os
import uuid
from pathlib import Path

from surveyor.errors import DiskFullError
from surveyor.errors import StoreError


def device_id(data_dir: Path) -> str:
    """A stable id for this data directory (ODK's ``deviceid``): ``surveyor:<hex>``.

    Kept in ``device.json`` beside the database so a portable install on a USB key keeps
    its id; written atomically. A file that cannot be written (full disk, read-only medium)
    raises DiskFullError / StoreError with a sentence; nothing is left half-written.
    """
    path = Path(data_dir) / "device.json"
    try:
        value = json.loads(path.read_text(encoding="utf-8")).get("device_id")
        if isinstance(value, str) and value:
            return value
    except (OSError, ValueError):
        pass
    value = f"surveyor:{uuid.uuid4().hex[:16]}"
    tmp = path.with_suffix(".json.tmp")
    try:
        tmp.write_text(json.dumps({"device_id": value}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as e:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError(
                f"The disk is full: could not write this laptop's id to {path}. Free some "
                "space and try again; nothing was changed."
            ) from e
        raise StoreError(
            f"Could not write this laptop's id to {path} ({e.strerror or e}); nothing was "
            "changed. Is the data folder on a read-only disk?"
        ) from e
    return value
