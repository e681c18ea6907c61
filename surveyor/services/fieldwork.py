"""Fieldwork as services: import a door list, add a door on the spot, assign, record a visit,
read the lists and the funnel. The Workspace exposes them (docs/fieldwork.md § API for the UI).
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from datetime import tzinfo
from pathlib import Path
from typing import Any

from surveyor.errors import DoorListError
from surveyor.errors import FieldworkError
from surveyor.fieldwork import doorlist
from surveyor.fieldwork.model import ADDRESS_FIELDS
from surveyor.fieldwork.model import OPEN_STATUSES
from surveyor.fieldwork.model import Door
from surveyor.fieldwork.model import DoorStatus
from surveyor.fieldwork.model import FieldworkReport
from surveyor.fieldwork.model import Outcome
from surveyor.fieldwork.model import RoundSheetRow
from surveyor.fieldwork.model import Visit
from surveyor.fieldwork.model import day_text
from surveyor.fieldwork.model import local_day
from surveyor.fieldwork.model import new_visit_id
from surveyor.fieldwork.model import parse_moment
from surveyor.fieldwork.model import parse_outcome
from surveyor.fieldwork.model import street_sort_key
from surveyor.interviews.record import format_timestamp
from surveyor.interviews.record import utc_now
from surveyor.store.fieldwork import FieldworkStore

MAX_NOTE = 2000
# a visit may be dated this far ahead of the laptop's clock (clocks differ a little)
FUTURE_SLACK = timedelta(minutes=10)


@dataclass
class DoorImport:
    """What a door list import did: how many doors, their ids, which column gave each field
    and the columns left aside."""

    path: Path
    doors: int
    door_ids: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.doors} door(s) imported from {self.path.name}"


def device_prefix(device_id: str) -> str:
    """The short part of a device id that names the doors added on that laptop."""
    tail = "".join(c for c in device_id.split(":")[-1] if c.isalnum()).lower()
    return (tail[-6:] or "field").rjust(6, "0")


class FieldworkService:
    """Fieldwork on one store; ``device_id`` names this laptop (a callable: read when used)."""

    def __init__(
        self,
        store,
        *,
        device_id: Callable[[], str],
        clock: Callable[[], datetime] | None = None,
        local: tzinfo | None = None,
    ):
        self.store = store
        self.doors = FieldworkStore(store)
        self._device_id = device_id
        self._clock = clock or utc_now
        self.local = local  # the time zone of days and appointments (None: the system's)

    # --- doors -------------------------------------------------------------------------------

    def import_doors(
        self,
        path: str | Path,
        *,
        mapping: Mapping[str, str] | None = None,
        sector_column: str | None = None,
    ) -> DoorImport:
        """Read a CSV/XLSX door list and add its doors (all or nothing)."""
        path = Path(path)
        read = doorlist.read_door_list(path, mapping=mapping, sector_column=sector_column)
        given = [r["door_id"] for r in read.records if r.get("door_id")]
        clash = self.doors.existing_ids(given)
        if clash:
            first = sorted(clash)[0]
            raise DoorListError(
                f"The door list {path} has the door id {first!r}, already in the door list; "
                "nothing was imported."
            )
        now = format_timestamp(self._clock())
        device = self._device_id()
        number = self.doors.next_list_number()
        ids = []
        records = []
        for record in read.records:
            door_id = record.get("door_id") or ""
            if not door_id:
                door_id = str(number)
                number += 1
            ids.append(door_id)
            records.append(
                {
                    **record,
                    "door_id": door_id,
                    "origin": "list",
                    "created_at": now,
                    "device_id": device,
                    "sort_key": street_sort_key(**record),
                }
            )
        with self.store.transaction(f"import the door list {path.name}"):
            self.doors.write_doors(records, mode="insert")
        return DoorImport(
            path=path, doors=len(ids), door_ids=ids, columns=read.columns, ignored=read.ignored
        )

    def add_door(self, address: Mapping[str, Any], *, interviewer: str = "") -> Door:
        """A door not on the list, added on the spot (origin ``field``; its id names this
        laptop: ``<6 characters of the device id>-<n>``)."""
        unknown = set(address) - set(ADDRESS_FIELDS) - {"lon", "lat"}
        if unknown:
            raise FieldworkError(
                f"A door has no field {sorted(unknown)[0]!r} (use {', '.join(ADDRESS_FIELDS)}, "
                "lon, lat); nothing was changed."
            )
        record: dict[str, Any] = {
            name: str(address.get(name) or "").strip() for name in ADDRESS_FIELDS
        }
        if not record["street"]:
            raise FieldworkError("A door needs at least its street; nothing was changed.")
        for name in ("lon", "lat"):
            value = address.get(name)
            record[name] = None if value in (None, "") else float(value)
        device = self._device_id()
        prefix = device_prefix(device)
        with self.store.transaction("add a door"):
            number = self.doors.next_field_number(prefix)
            record.update(
                door_id=f"{prefix}-{number}",
                interviewer=interviewer,
                origin="field",
                created_at=format_timestamp(self._clock()),
                device_id=device,
            )
            self.doors.write_doors([record], mode="insert")
        return self.doors.get_door(record["door_id"])

    def assign(
        self, interviewer: str, *, sector: str | None = None, door_ids: Iterable[str] | None = None
    ) -> int:
        if (sector is None) == (door_ids is None):
            raise FieldworkError("Assign either a sector or doors; nothing was changed.")
        if sector is not None and sector not in self.doors.sectors():
            raise FieldworkError(
                f"There is no sector {sector!r} in the door list (sectors: "
                f"{', '.join(repr(s) for s in self.doors.sectors())}); nothing was changed."
            )
        return self.doors.assign(interviewer.strip(), sector=sector, door_ids=door_ids)

    # --- visits ------------------------------------------------------------------------------

    def record_visit(
        self,
        door_id: str,
        outcome: str | Outcome,
        *,
        at: str | datetime | None = None,
        appointment: str | datetime | None = None,
        note: str = "",
        interviewer: str = "",
        instance_id: str | None = None,
    ) -> Visit:
        """Record one visit (checked first: nothing is written when something is wrong)."""
        door = self.doors.get_door(door_id)  # DoorNotFound
        outcome = parse_outcome(outcome)
        now = self._clock()
        if at is None or at == "":
            moment = now
            # Visits recorded one after the other keep their order even within a millisecond
            # (the stored time's precision): the later one is at least 1 ms after the door's last.
            # Compared as stored: the clock's microseconds are cut to the millisecond.
            last = door.last_visit_at and parse_moment(door.last_visit_at, what="last visit")
            stored_now = now.replace(microsecond=now.microsecond - now.microsecond % 1000)
            if last and stored_now <= last < now + timedelta(seconds=1):
                moment = last + timedelta(milliseconds=1)
        elif isinstance(at, datetime):
            moment = at if at.tzinfo else at.replace(tzinfo=self.local or now.astimezone().tzinfo)
        else:
            moment = parse_moment(at, what="visit time", local=self.local)
        if moment > now + FUTURE_SLACK:
            raise FieldworkError(
                f"The visit time {format_timestamp(moment)} is in the future; nothing was changed."
            )
        appointment_text = appointment_day = None
        if outcome == Outcome.APPOINTMENT:
            if appointment is None or appointment == "":
                raise FieldworkError(
                    "An appointment needs its date and time (--appointment "
                    "2026-12-03T18:30); nothing was changed."
                )
            if isinstance(appointment, datetime):
                when = (
                    appointment
                    if appointment.tzinfo
                    else appointment.replace(tzinfo=self.local or now.astimezone().tzinfo)
                )
            else:
                when = parse_moment(appointment, what="appointment", local=self.local)
            if when <= now:
                raise FieldworkError(
                    f"The appointment {when.isoformat(timespec='minutes')} is in the past; "
                    "nothing was changed."
                )
            appointment_text = when.isoformat(timespec="minutes")
            appointment_day = local_day(when, self.local) if self.local else when.date().isoformat()
        elif appointment not in (None, ""):
            raise FieldworkError(
                "An appointment time goes only with the outcome 'appointment'; nothing was changed."
            )
        note = (note or "").strip()
        if len(note) > MAX_NOTE:
            raise FieldworkError(
                f"The note is longer than {MAX_NOTE} characters; nothing was changed."
            )
        visit = Visit(
            visit_id=new_visit_id(),
            door_id=door_id,
            outcome=str(outcome),
            at=format_timestamp(moment),
            day=local_day(moment, self.local),
            appointment=appointment_text,
            appointment_day=appointment_day,
            note=note,
            interviewer=interviewer.strip(),
            device_id=self._device_id(),
            instance_id=instance_id or None,
        )
        with self.store.transaction(f"record a visit to the door {door_id}"):
            self.doors.insert_visits([visit])
        return visit

    # --- reads -------------------------------------------------------------------------------

    def my_doors(self, interviewer: str | None = None, *, day: str | None = None) -> MyDoors:
        """ "Mes portes": the doors to visit (never visited), to revisit, and the appointments
        of ``day`` (default today), each in street order (appointments by time; one whose
        day has passed comes back among the revisits, a later one is not shown); refused and
        other closed doors never appear. One query, split here."""
        day = day_text(day)
        mine = MyDoors([], [], [])
        for door in self.doors.list_doors(statuses=OPEN_STATUSES, interviewer=interviewer):
            if door.status == DoorStatus.NEW:
                mine.to_visit.append(door)
            elif door.status == DoorStatus.APPOINTMENT:
                if door.appointment_day == day:
                    mine.appointments.append(door)
                elif (door.appointment_day or "") < day:  # missed: back among the revisits
                    mine.to_revisit.append(door)
            else:
                mine.to_revisit.append(door)
        mine.appointments.sort(key=lambda d: (d.appointment or "", d.sort_key))
        return mine

    def appointments_due(
        self, day: str | None = None, *, interviewer: str | None = None
    ) -> list[Door]:
        """The doors with an appointment pending on ``day`` (default today), by time."""
        doors = self.doors.list_doors(
            statuses=[DoorStatus.APPOINTMENT],
            appointment_day=day_text(day),
            interviewer=interviewer,
        )
        return sorted(doors, key=lambda d: (d.appointment or "", d.sort_key))

    def round_sheet(
        self, *, interviewer: str | None = None, sector: str | None = None, open_only: bool = True
    ) -> list[RoundSheetRow]:
        """The rows of a printable round sheet ("feuille de route"), in street order."""
        statuses = OPEN_STATUSES if open_only else None
        doors = self.doors.list_doors(statuses=statuses, interviewer=interviewer, sector=sector)
        return [RoundSheetRow.of_door(d) for d in doors]

    def report(self, *, by_day: bool = True) -> FieldworkReport:
        return self.doors.report(by_day=by_day)


@dataclass
class MyDoors:
    """What "Mes portes" shows (each list in street order; appointments by time)."""

    to_visit: list[Door]
    to_revisit: list[Door]
    appointments: list[Door]
