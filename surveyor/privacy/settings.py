"""The campaign's privacy settings, in the coordinator's data dir (``privacy.json``).

- ``retention_days``: how long after its finalizing an interview keeps its personal fields
  (none: kept until erased by hand);
- ``warn_days``: how many days before the purge the app and ``surveyor retention`` warn;
- ``personal``: field names the coordinator adds to the forms' personal fields (every form;
  ``surveyor privacy set --personal``);
- ``marks``: form id -> field name -> personal (true) or not (false), as the coordinator marked
  them in the Results view (``Workspace.mark_personal``); a mark wins over ``personal``;
- ``controller``, ``purpose``: who is responsible and why (for the record of processing).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
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
    marks: dict[str, dict[str, bool]] = field(default_factory=dict)

    def marks_for(self, form_id: str) -> dict[str, bool]:
        """The coordinator's say on ``form_id``'s fields (name -> personal or not): the one
        campaign list that exports, retention, the record and the results all pass to
        ``surveyor.privacy.personal.personal_fields``."""
        said = dict.fromkeys(self.personal, True)
        said.update(self.marks.get(form_id, {}))
        return said

    def mark(self, form_id: str, name: str, personal: bool | None) -> None:
        """Mark ``name`` of ``form_id`` personal (True), not personal (False), or drop the mark
        (None: back to ``personal`` and the form's own say)."""
        form_marks = self.marks.setdefault(form_id, {})
        if personal is None:
            form_marks.pop(name, None)
        else:
            form_marks[name] = bool(personal)
        if not form_marks:
            del self.marks[form_id]

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
        if not isinstance(self.marks, dict) or not all(
            isinstance(form_id, str)
            and isinstance(said, dict)
            and all(isinstance(n, str) and isinstance(v, bool) for n, v in said.items())
            for form_id, said in self.marks.items()
        ):
            raise SurveyorError(
                f"{where}: marks must map form ids to field names and true or false."
            )

    def save(self, data_dir: Path) -> None:
        self.check()
        path = Path(data_dir) / SETTINGS_NAME
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(asdict(self), f, ensure_ascii=False, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
