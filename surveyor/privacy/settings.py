"""The campaign's privacy settings, in the coordinator's data dir (``privacy.json``).

- ``retention_days``: how long after its finalizing an interview keeps its personal fields
  (none: kept until erased by hand);
- ``warn_days``: how many days before the purge the app and ``surveyor retention`` warn;
- ``personal``: field names the coordinator adds to the forms' personal fields;
- ``controller``, ``purpose``: who is responsible and why (for the record of processing).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from surveyor.errors import SurveyorError

SETTINGS_NAME = "privacy.json"


@dataclass
class PrivacySettings:
    retention_days: int | None = None
    warn_days: int = 30
    personal: list[str] = field(default_factory=list)
    controller: str = ""
    purpose: str = ""

    @classmethod
    def load(cls, data_dir: Path) -> PrivacySettings:
        path = Path(data_dir) / SETTINGS_NAME
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as e:
            raise SurveyorError(f"The privacy settings {path} cannot be read ({e}).") from e
        if not isinstance(data, dict):
            raise SurveyorError(f"The privacy settings {path} are not a JSON object.")
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        settings = cls(**known)
        settings.check(path)
        return settings

    def check(self, where: Path | str = SETTINGS_NAME) -> None:
        days = self.retention_days
        if days is not None and (not isinstance(days, int) or isinstance(days, bool) or days < 1):
            raise SurveyorError(
                f"{where}: retention_days must be a whole number of days, 1 or more."
            )
        if not isinstance(self.warn_days, int) or self.warn_days < 0:
            raise SurveyorError(f"{where}: warn_days must be a whole number of days, 0 or more.")
        if not isinstance(self.personal, list) or not all(
            isinstance(n, str) for n in self.personal
        ):
            raise SurveyorError(f"{where}: personal must be a list of field names.")

    def save(self, data_dir: Path) -> None:
        self.check()
        path = Path(data_dir) / SETTINGS_NAME
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(asdict(self), f, ensure_ascii=False, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
