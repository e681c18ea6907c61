"""The rules of door-to-door fieldwork, in plain Python (no SQL, no store).

A campaign is made of **doors** (an address down to the flat) and **visits** (events: a
volunteer knocked at a door at a time and got an outcome). A door's status is derived from
its visits, never stored: visits only ever get added (a merge inserts the ones it does not
know), so nothing conflicts and nothing is counted twice. docs/fieldwork.md writes the rules
down; this module is the one place they are coded.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from dataclasses import fields
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import tzinfo
from enum import StrEnum
from functools import lru_cache

from surveyor.errors import FieldworkError


class Outcome(StrEnum):
    """What a visit found (one key or one click in "Mes portes")."""

    ABSENT = "absent"  # nobody answered
    REFUSED = "refused"  # final: the door is never offered again
    APPOINTMENT = "appointment"  # a date and time to come back
    VACANT = "vacant"  # empty, or not a dwelling
    INELIGIBLE = "ineligible"  # the household is not in the survey's population
    LATER = "later"  # someone answered and asked to come back, without a set time
    STARTED = "started"  # an interview was started (not finished)
    DONE = "done"  # an interview was done


class DoorStatus(StrEnum):
    """Where a door stands: ``new`` (never visited) or the status its visits give."""

    NEW = "new"
    ABSENT = "absent"
    REFUSED = "refused"
    APPOINTMENT = "appointment"
    VACANT = "vacant"
    INELIGIBLE = "ineligible"
    LATER = "later"
    STARTED = "started"
    DONE = "done"


OUTCOMES: tuple[str, ...] = tuple(o.value for o in Outcome)
STATUSES: tuple[str, ...] = tuple(s.value for s in DoorStatus)

# A person of the household was reached (at least once): every outcome but absent and vacant.
CONTACT_OUTCOMES: frozenset[str] = frozenset(
    {
        Outcome.REFUSED,
        Outcome.APPOINTMENT,
        Outcome.INELIGIBLE,
        Outcome.LATER,
        Outcome.STARTED,
        Outcome.DONE,
    }
)
# Doors nobody goes back to: the status is final.
CLOSED_STATUSES: frozenset[str] = frozenset(
    {DoorStatus.REFUSED, DoorStatus.DONE, DoorStatus.VACANT, DoorStatus.INELIGIBLE}
)
# Doors to go back to (a revisit): knocked at, not closed, no appointment pending.
REVISIT_STATUSES: frozenset[str] = frozenset(
    {DoorStatus.ABSENT, DoorStatus.LATER, DoorStatus.STARTED}
)
# Doors still to visit in "Mes portes": never visited, to revisit, or with an appointment.
OPEN_STATUSES: frozenset[str] = frozenset(
    {DoorStatus.NEW, DoorStatus.APPOINTMENT} | set(REVISIT_STATUSES)
)

ORIGINS = ("list", "field")  # imported with the door list, or added on the spot

# The address parts of a door, in the order of a written address (fr: numéro, voie...).
ADDRESS_FIELDS = (
    "number",
    "street",
    "building",
    "staircase",
    "floor",
    "door",
    "sector",
    "postcode",
    "city",
)
COORDINATE_FIELDS = ("lon", "lat")
DOOR_FIELDS = ("door_id", *ADDRESS_FIELDS, *COORDINATE_FIELDS, "interviewer")


def parse_outcome(value: str) -> Outcome:
    """The outcome named ``value``; FieldworkError naming the ones that exist otherwise."""
    try:
        return Outcome(str(value).strip().lower())
    except ValueError:
        raise FieldworkError(
            f"There is no visit outcome {value!r}: use one of {', '.join(OUTCOMES)}; "
            "nothing was changed."
        ) from None


def door_status(*, visited: bool, refused: bool, done: bool, last_outcome: str | None) -> str:
    """A door's status from the facts of its visits.

    Never visited: ``new``. An interview done: ``done`` (the interview exists, whatever came
    after). Otherwise a refusal is final: ``refused``, whatever came after. Otherwise the
    outcome of the latest visit (by time, then visit id).
    """
    if not visited:
        return DoorStatus.NEW
    if done:
        return DoorStatus.DONE
    if refused:
        return DoorStatus.REFUSED
    return DoorStatus(last_outcome) if last_outcome else DoorStatus.NEW


@dataclass(frozen=True)
class Visit:
    """One visit (an event, never changed). ``at``: UTC timestamp; ``day``: the local date
    of the visit where it was recorded; ``appointment``: ISO 8601 with its offset."""

    visit_id: str
    door_id: str
    outcome: str
    at: str
    day: str
    appointment: str | None = None
    appointment_day: str | None = None
    note: str = ""
    interviewer: str = ""
    device_id: str = ""
    instance_id: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


VISIT_FIELDS = tuple(Visit.__dataclass_fields__)


def status_of_visits(visits: Iterable[Visit]) -> str:
    """A door's status from its visits (the rule of :func:`door_status`, over records)."""
    ordered = sorted(visits, key=lambda v: (v.at, v.visit_id))
    outcomes = {v.outcome for v in ordered}
    return door_status(
        visited=bool(ordered),
        refused=Outcome.REFUSED in outcomes,
        done=Outcome.DONE in outcomes,
        last_outcome=ordered[-1].outcome if ordered else None,
    )


@dataclass(frozen=True)
class Door:
    """A door as the lists show it: address, assignment, and what its visits say."""

    door_id: str
    number: str = ""
    street: str = ""
    building: str = ""
    staircase: str = ""
    floor: str = ""
    door: str = ""
    sector: str = ""
    postcode: str = ""
    city: str = ""
    lon: float | None = None
    lat: float | None = None
    interviewer: str = ""
    origin: str = "list"
    sort_key: str = ""
    status: str = DoorStatus.NEW
    visits: int = 0
    last_visit_at: str | None = None
    last_outcome: str | None = None
    appointment: str | None = None  # the pending appointment (status "appointment")
    appointment_day: str | None = None
    contacted: bool = False

    @property
    def address(self) -> str:
        """One line: "12 bis rue des Lilas, bât. B, esc. 2, ét. 3, porte 31, 95200 Sarcelles"."""
        head = " ".join(p for p in (self.number, self.street) if p)
        parts = [head] if head else []
        for label, value in (
            ("bât.", self.building),
            ("esc.", self.staircase),
            ("ét.", self.floor),
            ("porte", self.door),
        ):
            if value:
                parts.append(f"{label} {value}")
        town = " ".join(p for p in (self.postcode, self.city) if p)
        if town:
            parts.append(town)
        return ", ".join(parts)

    @property
    def closed(self) -> bool:
        """Nobody goes back (refused, done, vacant, not eligible)."""
        return self.status in CLOSED_STATUSES

    def to_dict(self) -> dict:
        data = asdict(self)
        data["address"] = self.address
        return data


# --- the street order --------------------------------------------------------------------------

_NUMBER = re.compile(r"^\s*(\d+)\s*(.*)$")
_SUFFIX_ORDER = {"": 0, "bis": 1, "b": 1, "ter": 2, "t": 2, "quater": 3, "q": 3, "quinquies": 4}


@lru_cache(maxsize=65536)  # streets, towns and numbers repeat: 50,000 doors, few names
def _fold(text: str) -> str:
    """Lower case without accents or punctuation runs, for sorting ("Église" near "eglise")."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


@lru_cache(maxsize=65536)
def _numeric(text: str, width: int) -> str:
    """A number part that sorts as a number ("2" before "10"), then its suffix; none first,
    words ("RDC") after the numbers."""
    if not (text or "").strip():
        return ""  # no floor, no number: first
    match = _NUMBER.match(text)
    if not match:
        return "9" * width + _fold(text)
    number, rest = match.groups()
    suffix = _fold(rest)
    rank = _SUFFIX_ORDER.get(suffix, 9)
    return f"{int(number):0{width}d}{rank}{suffix}"


def street_sort_key(
    *,
    city: str = "",
    street: str = "",
    number: str = "",
    building: str = "",
    staircase: str = "",
    floor: str = "",
    door: str = "",
    **_ignored: object,
) -> str:
    """The key that puts doors in street order: town, street, number (2 before 10, 12 before
    12 bis), building, staircase, floor (numerically), door."""
    return "\x01".join(  # below every character: "12" before "12, floor 2"
        (
            _fold(city),
            _fold(street),
            _numeric(number, 6),
            _fold(building),
            _fold(staircase),
            _numeric(floor, 3),
            _numeric(door, 6),
        )
    )


# --- times -------------------------------------------------------------------------------------


def parse_moment(value: str, *, what: str, local: tzinfo | None = None) -> datetime:
    """An ISO 8601 date-time (an offset, or else the local time zone ``local``)."""
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        raise FieldworkError(
            f"The {what} {value!r} is not a date and time (write it as 2026-12-03T18:30); "
            "nothing was changed."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local) if local is not None else moment.astimezone()
    return moment


def local_day(moment: datetime, local: tzinfo | None = None) -> str:
    """The date of ``moment`` where the visit is recorded (``local``, else the system's)."""
    if local is not None:
        return moment.astimezone(local).date().isoformat()
    if moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.astimezone().date().isoformat()


def day_text(day: date | str | None) -> str:
    if day is None:
        return datetime.now().astimezone().date().isoformat()
    return day.isoformat() if isinstance(day, date) else str(day)


# --- the funnel --------------------------------------------------------------------------------


@dataclass
class Funnel:
    """The campaign's funnel over a set of doors (docs/fieldwork.md § The funnel).

    Every door has one status; ``absent``, ``refused``, ``appointments``, ``vacant``,
    ``ineligible``, ``later``, ``started``, ``done`` count the doors in each, and with
    ``never_visited`` they add up to ``doors``. ``contacted``: doors where a person was
    reached at least once. Rates are fractions (0.52), None when nothing to divide by:

    - ``contact_rate`` = contacted / (visited - vacant)
    - ``response_rate`` = done / (visited - vacant - ineligible)
    """

    doors: int = 0
    visited: int = 0
    contacted: int = 0
    absent: int = 0
    refused: int = 0
    appointments: int = 0
    vacant: int = 0
    ineligible: int = 0
    later: int = 0
    started: int = 0
    done: int = 0
    never_visited: int = 0
    visits: int = 0

    def add_door(self, status: str, *, contacted: bool, visits: int, count: int = 1) -> None:
        """Count ``count`` doors of this status (and their ``visits`` visits in all)."""
        self.doors += count
        self.visits += visits
        if status == DoorStatus.NEW:
            self.never_visited += count
            return
        self.visited += count
        if contacted:
            self.contacted += count
        attribute = "appointments" if status == DoorStatus.APPOINTMENT else str(status)
        setattr(self, attribute, getattr(self, attribute) + count)

    @property
    def contact_rate(self) -> float | None:
        return _rate(self.contacted, self.visited - self.vacant)

    @property
    def response_rate(self) -> float | None:
        return _rate(self.done, self.visited - self.vacant - self.ineligible)

    def to_dict(self) -> dict:
        """The keys of ``surveyor fieldwork --json`` (docs/fieldwork.md)."""
        data = asdict(self)
        data["contact_rate"] = self.contact_rate
        data["response_rate"] = self.response_rate
        return data


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole > 0 else None


@dataclass
class FieldworkReport:
    """The funnel overall, per sector, per interviewer (the doors assigned) and per day (the
    visits of that day only: a door's status that day is what that day's visits gave)."""

    overall: Funnel = field(default_factory=Funnel)
    by_sector: dict[str, Funnel] = field(default_factory=dict)
    by_interviewer: dict[str, Funnel] = field(default_factory=dict)
    by_day: dict[str, Funnel] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """``surveyor fieldwork --json``: the overall keys, then ``by_sector``,
        ``by_interviewer`` and ``by_day`` (name -> the same keys)."""
        data = self.overall.to_dict()
        data["by_sector"] = {k: f.to_dict() for k, f in self.by_sector.items()}
        data["by_interviewer"] = {k: f.to_dict() for k, f in self.by_interviewer.items()}
        data["by_day"] = {k: f.to_dict() for k, f in self.by_day.items()}
        return data


@dataclass(frozen=True)
class RoundSheetRow:
    """One line of a printable round sheet ("feuille de route"): the door, where it stands,
    and the boxes to tick (one per outcome) on paper."""

    door_id: str
    address: str
    sector: str
    interviewer: str
    status: str
    visits: int
    last_visit_at: str | None
    appointment: str | None
    boxes: tuple[str, ...] = OUTCOMES

    @classmethod
    def of_door(cls, door: Door) -> RoundSheetRow:
        """The line of ``door``: every field but the boxes is the door's own."""
        return cls(*(getattr(door, f.name) for f in fields(cls) if f.name != "boxes"))


def new_visit_id() -> str:
    return str(uuid.uuid4())


def now_utc() -> datetime:
    return datetime.now(UTC)


__all__ = [
    "ADDRESS_FIELDS",
    "CLOSED_STATUSES",
    "CONTACT_OUTCOMES",
    "DOOR_FIELDS",
    "OPEN_STATUSES",
    "OUTCOMES",
    "REVISIT_STATUSES",
    "STATUSES",
    "VISIT_FIELDS",
    "Door",
    "DoorStatus",
    "FieldworkReport",
    "Funnel",
    "Outcome",
    "RoundSheetRow",
    "Visit",
    "door_status",
    "parse_outcome",
    "status_of_visits",
    "street_sort_key",
]


#: Form fields filled from the door when an interview starts at one (docs/fieldwork.md): a form
#: shows the address by having one of these names (e.g. a read-only ``text`` or a ``note``
#: that says ``${door_address}``).
DOOR_ANSWER_FIELDS = ("door_id", "door_address", "door_sector", "door_street", "door_number")


def door_answers(door: Door) -> dict[str, str]:
    """The answers a form's door fields get from ``door`` (empty values left out)."""
    values = {
        "door_id": door.door_id,
        "door_address": door.address,
        "door_sector": door.sector,
        "door_street": door.street,
        "door_number": door.number,
    }
    return {name: str(value) for name, value in values.items() if value}
