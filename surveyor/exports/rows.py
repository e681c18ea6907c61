"""Turn one stored interview into the rows of its export tables (main row + repeat rows)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from surveyor.exports.layout import LABEL_SEPARATOR
from surveyor.exports.layout import SELECT_ONE
from surveyor.exports.layout import Layout
from surveyor.exports.layout import Table
from surveyor.exports.layout import TablePlan
from surveyor.store.queries import ExportRow
from surveyor.store.queries import ExportSelection

Emit = Callable[[Table, list], None]


def _text(value: Any) -> str:
    """An answer as the submission XML holds it (answers are strings; be lenient)."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    return str(value)


def _fill(answers: dict, plan: TablePlan) -> tuple[list, int]:
    """The row of ``plan``'s table for ``answers``, and the number of uploads answered.

    Answers are stored as strings: most columns are a plain copy (one comprehension); only
    labels, split select_multiple columns, geopoints and uploads need more work.
    """
    get = answers.get
    row = [get(name, "") for name in plan.names]
    uploads = 0
    for spec in plan.special:
        value = get(spec.name)
        if value is None or value == "" or isinstance(value, (dict, list)):
            continue
        if not isinstance(value, str):
            value = _text(value)
            row[spec.column] = value
        if spec.upload:
            uploads += 1
        if spec.geopoint:
            for i, part in enumerate(value.split()[:4]):
                row[spec.column + i] = part
            continue
        if spec.split:
            chosen = set(value.split())
            for choice, column in spec.split:
                row[column] = "1" if choice in chosen else "0"
        if spec.labels is not None:
            labels = spec.labels
            if spec.select == SELECT_ONE:
                row[spec.column] = labels.get(value, value)
            else:
                row[spec.column] = LABEL_SEPARATOR.join(labels.get(v, v) for v in value.split())
    return row, uploads


def _repeats(answers: dict, plan: TablePlan, parent_key: str, emit: Emit) -> int:
    uploads = 0
    for name, segment, child in plan.repeats:
        instances = answers.get(name)
        if not isinstance(instances, list):
            continue
        table = child.table
        for index, instance in enumerate(instances, start=1):
            if not isinstance(instance, dict):
                continue
            key = f"{parent_key}/{segment}[{index}]"
            row, answered = _fill(instance, child)
            uploads += answered
            row[table.parent_key] = parent_key
            row[table.key] = key
            emit(table, row)
            uploads += _repeats(instance, child, key, emit)
    return uploads


def pseudonymised(answers: dict, personal: frozenset[str], token: Callable[[str], str]) -> dict:
    """A copy of ``answers`` whose personal values (in repeats too) are their pseudonyms."""
    out = {}
    for name, value in answers.items():
        if isinstance(value, list):
            out[name] = [
                pseudonymised(v, personal, token) if isinstance(v, dict) else v for v in value
            ]
        elif name in personal and value not in (None, ""):
            out[name] = token(_text(value))
        else:
            out[name] = value
    return out


class RowMaker:
    """Makes the rows of every table for the interviews of one form."""

    def __init__(
        self,
        layout: Layout,
        selection: ExportSelection,
        attachments: dict[str, int],
        newest_hash: str,
        *,
        pseudonymise: Callable[[str], str] | None = None,
        doors: dict[str, str] | None = None,
    ):
        self.layout = layout
        self.pseudonymise = pseudonymise if layout.personal else None
        self.doors = doors or {}  # instanceID -> door id (fieldwork)
        self.selection = selection
        self.attachments = attachments
        self.newest = layout.plans[newest_hash]
        main = layout.main
        self.special = main.special
        headers = main.headers
        self.meta_id = headers.index("meta-instanceID") if "meta-instanceID" in headers else -1
        self.meta_name = (
            headers.index("meta-instanceName") if "meta-instanceName" in headers else -1
        )

    def emit(self, interview: ExportRow, emit: Emit) -> None:
        """Emit the repeat rows, then the main row, of one interview."""
        plan = self.layout.plans.get(interview.form_hash, self.newest)
        instance_id = interview.instance_id
        key = self.selection.roots.get(instance_id, instance_id)
        edits = self.selection.edits.get(instance_id, 0)
        answers = interview.answers
        if self.pseudonymise is not None:
            answers = pseudonymised(answers, self.layout.personal, self.pseudonymise)
        row, uploads = _fill(answers, plan)
        uploads += _repeats(answers, plan, key, emit)
        if self.meta_id >= 0 and not row[self.meta_id]:
            row[self.meta_id] = instance_id
        if self.meta_name >= 0 and not row[self.meta_name]:
            row[self.meta_name] = interview.instance_name or ""
        s = self.special
        row[0] = interview.finalized_at or interview.updated_at or ""
        row[s["KEY"]] = key
        row[s["SubmitterName"]] = interview.interviewer or ""
        row[s["AttachmentsPresent"]] = str(self.attachments.get(instance_id, 0))
        row[s["AttachmentsExpected"]] = str(uploads)
        row[s["ReviewState"]] = "edited" if edits else ""
        row[s["DeviceID"]] = interview.device_id or ""
        row[s["Edits"]] = str(edits)
        row[s["FormVersion"]] = interview.form_version or ""
        door = s.get("DoorID")
        if door is not None:
            row[door] = self.doors.get(instance_id) or self.doors.get(key) or ""
        emit(self.layout.main, row)
