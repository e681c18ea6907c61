"""Who and what is filling interviews: the laptop's stable device id."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path


def device_id(data_dir: Path) -> str:
    """A stable id for this data directory (ODK's ``deviceid``): ``surveyor:<hex>``.

    Kept in ``device.json`` beside the database so a portable install on a USB key keeps
    its id; written atomically.
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
    tmp.write_text(json.dumps({"device_id": value}), encoding="utf-8")
    os.replace(tmp, path)
    return value
