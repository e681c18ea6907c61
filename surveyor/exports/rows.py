"""Turn one stored interview into the rows of its export tables (main row + repeat rows)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from surveyor.exports.layout import LABEL_SEPARATOR, SELECT_ONE, Layout, Table, TablePlan
from surveyor.store.queries import ExportRow, ExportSelection

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


def _fill(row: list, answers: dict, plan: TablePlan) -> int:
    """Write the plan's fields of ``answers`` into ``row``; return the uploads answered."""
    uploads = 0
    get = answers.get
    for spec in plan.fields:
        value = get(spec.name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            if isinstance(value, dict):
                continue  # not a field value (a group or repeat of another version)
            value = _text(value)
            if not value:
                continue
        if spec.geopoint:
            parts = value.split()
            for i, part in enumerate(parts[:4]):
                row[spec.column + i] = part
            continue
        if spec.split:
            chosen = set(value.split())
            for choice, column in spec.split:
                row[column] = "1" if choice in chosen else "0"
        if spec.labels is not None:
            labels = spec.labels
            if spec.select == SELECT_ONE:
                value = labels.get(value, value)
            else:
                value = LABEL_SEPARATOR.join(labels.get(v, v) for v in value.split())
        row[spec.column] = value
        if spec.upload:
            uploads += 1
    return uploads


def _repeats(answers: dict, plan: TablePlan, parent_key: str, emit: Emit) -> int:
    uploads = 0
    for name, segment, child in plan.repeats:
        instances = answers.get(name)
        if not isinstance(instances, list):
            continue
        table = child.table
        width = len(table.headers)
        for index, instance in enumerate(instances, start=1):
            if not isinstance(instance, dict):
                continue
            key = f"{parent_key}/{segment}[{index}]"
            row = [""] * width
            uploads += _fill(row, instance, child)
            row[table.parent_key] = parent_key
            row[table.key] = key
            emit(table, row)
            uploads += _repeats(instance, child, key, emit)
    return uploads


class RowMaker:
    """Makes the rows of every table for the interviews of one form."""

    def __init__(
        self,
        layout: Layout,
        selection: ExportSelection,
        attachments: dict[str, int],
        newest_hash: str,
    ):
        self.layout = layout
        self.selection = selection
        self.attachments = attachments
        self.newest = layout.plans[newest_hash]
        main = layout.main
        self.width = len(main.headers)
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
        row = [""] * self.width
        answers = interview.answers
        uploads = _fill(row, answers, plan)
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
        emit(self.layout.main, row)
