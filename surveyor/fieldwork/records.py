"""Door and visit records as they travel (batches, campaign packages): their JSON shape and
its check. A record that is not of the expected shape raises ``ValueError`` with the reason
(part of a sentence); the readers turn it into their refusal.
"""

from __future__ import annotations

import math
import re
from typing import Any

from surveyor.fieldwork.model import ADDRESS_FIELDS
from surveyor.fieldwork.model import ORIGINS
from surveyor.fieldwork.model import OUTCOMES
from surveyor.fieldwork.model import VISIT_FIELDS
from surveyor.fieldwork.model import Visit

DOOR_RECORD_FIELDS = (
    "door_id",
    *ADDRESS_FIELDS,
    "lon",
    "lat",
    "interviewer",
    "origin",
    "sort_key",
    "created_at",
    "device_id",
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_ID = 200
MAX_TEXT = 4000


def _text(data: dict[str, Any], key: str, what: str, *, required: bool = False) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise ValueError(f"{what} has a malformed {key}")
    if required and not value:
        raise ValueError(f"{what} has no {key}")
    return value


def _identifier(data: dict[str, Any], key: str, what: str) -> str:
    value = _text(data, key, what, required=True)
    if len(value) > MAX_ID or _CONTROL.search(value) or value != value.strip():
        raise ValueError(f"{what} has a malformed {key} {value[:40]!r}")
    return value


def door_record(data: Any) -> dict[str, Any]:
    """A checked door record (``DOOR_RECORD_FIELDS``)."""
    if not isinstance(data, dict):
        raise ValueError("a door record is not an object")
    door_id = _identifier(data, "door_id", "a door record")
    what = f"the door {door_id}"
    record: dict[str, Any] = {"door_id": door_id}
    for key in (*ADDRESS_FIELDS, "interviewer", "sort_key", "created_at", "device_id"):
        record[key] = _text(data, key, what)
    for key, bound in (("lon", 180.0), ("lat", 90.0)):
        value = data.get(key)
        if value is not None and (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or abs(value) > bound
        ):
            raise ValueError(f"{what} has a malformed {key}")
        record[key] = None if value is None else float(value)
    origin = data.get("origin", "list")
    if origin not in ORIGINS:
        raise ValueError(f"{what} has an unknown origin {origin!r}")
    record["origin"] = origin
    if not record["street"]:
        raise ValueError(f"{what} has no street")
    return record


def visit_record(data: Any) -> Visit:
    """A checked visit record (``Visit.to_dict()``)."""
    if not isinstance(data, dict):
        raise ValueError("a visit record is not an object")
    visit_id = _identifier(data, "visit_id", "a visit record")
    what = f"the visit {visit_id}"
    values: dict[str, Any] = {"visit_id": visit_id, "door_id": _identifier(data, "door_id", what)}
    outcome = data.get("outcome")
    if outcome not in OUTCOMES:
        raise ValueError(f"{what} has an unknown outcome {outcome!r}")
    values["outcome"] = outcome
    values["at"] = _text(data, "at", what, required=True)
    day = _text(data, "day", what, required=True)
    if not _DAY.match(day):
        raise ValueError(f"{what} has a malformed day {day!r}")
    values["day"] = day
    for key in ("appointment", "appointment_day", "instance_id"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{what} has a malformed {key}")
        values[key] = value or None
    if values["appointment_day"] is not None and not _DAY.match(values["appointment_day"]):
        raise ValueError(f"{what} has a malformed appointment_day")
    for key in ("note", "interviewer", "device_id"):
        values[key] = _text(data, key, what)
    return Visit(**{k: values[k] for k in VISIT_FIELDS})


def door_records(data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, list):
        raise ValueError("the door list is not a list")
    records = [door_record(item) for item in data]
    seen: set[str] = set()
    for record in records:
        if record["door_id"] in seen:
            raise ValueError(f"the door {record['door_id']} appears twice")
        seen.add(record["door_id"])
    return records


def visit_records(data: Any) -> list[Visit]:
    if not isinstance(data, list):
        raise ValueError("the visit list is not a list")
    visits = [visit_record(item) for item in data]
    seen: dict[str, Visit] = {}
    for visit in visits:
        other = seen.get(visit.visit_id)
        if other is not None and other != visit:
            raise ValueError(f"the visit {visit.visit_id} appears twice with different contents")
        seen[visit.visit_id] = visit
    return list(seen.values())
