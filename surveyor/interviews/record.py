"""The interview as stored: plain data, plus the rules of its lifecycle.

An interview has an OpenRosa ``instanceID`` ("uuid:<uuid4>") from its creation, keeps the
exact form definition it was made with (``form_hash``), and moves through a small set of
named states, each with its timestamp (ODK Collect's ``Instance`` is the model)::

    draft ──finalize──▶ finalized ──mark_sent──────▶ sent
      ▲ │                   │ │  └──mark_exported──▶ exported   (handed in as a batch file)
      │ delete              │ └──mark_failed──▶ failed ──mark_sent──▶ sent
      │ ▼                   │                   │ └──mark_failed (a retry failed again)
    deleted ─restore─▶ draft

Editing a finalized, sent or exported interview never changes it: :func:`new_revision` makes
a new draft with a new instanceID whose ``deprecated_id`` names the one it replaces (ODK
``meta/deprecatedID``).

Each rule is a small function that changes the interview in place and returns it, or raises
:class:`InvalidTransition` and leaves it untouched. Time comes from an injectable clock.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from dataclasses import MISSING
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from dataclasses import fields
from dataclasses import make_dataclass
from datetime import UTC
from datetime import datetime
from enum import StrEnum
from typing import Any
from typing import Literal

from surveyor import jsontext
from surveyor.errors import InvalidTransition

Clock = Callable[[], datetime]
"""Returns the current time; an aware datetime (naive ones are taken as UTC)."""


class Status(StrEnum):
    """Where an interview is in its life."""

    DRAFT = "draft"
    FINALIZED = "finalized"
    SENT = "sent"
    # handed in as a batch file (USB key, shared folder); stored, and written in batch files,
    # as "exported", the value the database and batch format version 1 keep
    HANDED_IN = "exported"
    FAILED = "failed"  # sending failed; see ``last_error``
    DELETED = "deleted"  # soft: it can be restored


def utc_now() -> datetime:
    """The default clock."""
    return datetime.now(UTC)


def format_timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds and a 'Z': ``2026-11-22T17:28:28.123Z``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def now_timestamp(clock: Clock | None = None) -> str:
    """The current time from ``clock`` (default: the system clock) as a stored timestamp."""
    return format_timestamp((clock or utc_now)())


def new_instance_id() -> str:
    """A fresh OpenRosa instanceID."""
    return f"uuid:{uuid.uuid4()}"


@dataclass
class Attachment:
    """A file attached to an interview (photo, audio...). Its bytes live in the store."""

    filename: str
    media_type: str
    size: int
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attachment:
        return cls(
            filename=data["filename"],
            media_type=data.get("media_type", "application/octet-stream"),
            size=int(data.get("size", 0)),
            sha256=data.get("sha256", ""),
        )


# --- the record's columns ---------------------------------------------------------------------

# What a stored field holds: "text" (never null, "" when empty), "optional" (text or null),
# "count" (a whole number or null), "json" (answers, handed_in: kept as JSON text).
ColumnKind = Literal["text", "optional", "count", "json"]


@dataclass(frozen=True, slots=True)
class Column:
    """A stored field of the interview record: a column of the ``interviews`` table.

    The one definition of the record's columns is :class:`Interview`'s fields (each made with
    :func:`_column`); the store's column lists, :class:`InterviewSummary`, the export's
    ``ExportRow`` and the batch reader's checks are derived from :data:`COLUMNS`.
    """

    name: str
    kind: ColumnKind
    summary: bool  # in a list of interviews without answers (InterviewSummary)
    export: bool  # read by an export (ExportRow)
    lifecycle: bool  # changed by a status transition (finalize, mark_sent...)
    annotation: str = "Any"


def _column(
    kind: ColumnKind,
    default: Any = MISSING,
    *,
    default_factory: Any = MISSING,
    summary: bool = True,
    export: bool = True,
    lifecycle: bool = False,
) -> Any:
    """A field of :class:`Interview` that is stored (see :class:`Column`)."""
    metadata = {"column": (kind, summary, export, lifecycle)}
    return field(default=default, default_factory=default_factory, metadata=metadata)


@dataclass
class Interview:
    """One interview, as stored.

    ``answers`` is nested JSON: field name -> str; repeat name -> list of dicts of the same
    shape; groups are flattened (their fields sit at the level of the group's parent).
    Every field but ``attachments`` (a table of its own) is a column: see :data:`COLUMNS`.
    """

    instance_id: str = _column("text")
    form_id: str = _column("text")
    form_version: str = _column("text")
    form_hash: str = _column("text")
    interviewer: str = _column("text", "")
    device_id: str = _column("text", "")
    status: Status = _column("text", Status.DRAFT, lifecycle=True)
    created_at: str = _column("text", "")
    updated_at: str = _column("text", "", lifecycle=True)
    finalized_at: str | None = _column("optional", None, lifecycle=True)
    sent_at: str | None = _column("optional", None, lifecycle=True)
    exported_at: str | None = _column("optional", None, lifecycle=True)
    deleted_at: str | None = _column("optional", None, export=False, lifecycle=True)
    deprecated_id: str | None = _column("optional", None)
    instance_name: str = _column("text", "")
    answers: dict[str, Any] = _column("json", default_factory=dict, summary=False)
    position: str | None = _column("optional", None, summary=False, export=False)
    attachments: list[Attachment] = field(default_factory=list)
    last_error: str | None = _column("optional", None, export=False, lifecycle=True)
    handed_in: list[dict[str, str]] = _column(
        "json", default_factory=list, summary=False, export=False, lifecycle=True
    )
    # Relevant questions answered / that take an answer, when last saved (shown in lists).
    answered: int | None = _column("count", None, export=False)
    answerable: int | None = _column("count", None, export=False)
    # The consent answers and when each was last given or changed (issue 14): JSON text
    # {"consent": {"answer": "yes", "at": "2026-11-30T14:23:01.123Z"}, ...} for every field
    # named ``consent`` or ``*_consent`` (see :func:`is_consent_field`); None: none answered.
    consents: str | None = _column("optional", None, summary=False, export=False)

    @classmethod
    def new(
        cls,
        *,
        form_id: str,
        form_version: str,
        form_hash: str,
        interviewer: str = "",
        device_id: str = "",
        clock: Clock | None = None,
    ) -> Interview:
        """A new draft with a fresh instanceID, created now."""
        now = now_timestamp(clock)
        return cls(
            instance_id=new_instance_id(),
            form_id=form_id,
            form_version=form_version,
            form_hash=form_hash,
            interviewer=interviewer,
            device_id=device_id,
            created_at=now,
            updated_at=now,
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (deep copies: changing it does not change the interview)."""
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "status":
                value = str(value)
            elif f.name == "attachments":
                value = [a.to_dict() for a in value]
            else:
                value = copy.deepcopy(value)
            data[f.name] = value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Interview:
        """The inverse of :meth:`to_dict`; unknown keys are ignored, missing ones defaulted."""
        known = {f.name for f in fields(cls)}
        kwargs = {k: copy.deepcopy(v) for k, v in data.items() if k in known}
        kwargs["status"] = Status(kwargs.get("status", Status.DRAFT))
        kwargs["attachments"] = [Attachment.from_dict(a) for a in kwargs.get("attachments", [])]
        kwargs["answers"] = kwargs.get("answers") or {}
        kwargs["handed_in"] = kwargs.get("handed_in") or []
        return cls(**kwargs)


COLUMNS: tuple[Column, ...] = tuple(
    Column(f.name, *f.metadata["column"], annotation=str(f.type))
    for f in fields(Interview)
    if "column" in f.metadata
)
"""The interview record's columns, in :class:`Interview`'s order."""

COLUMN_NAMES = tuple(c.name for c in COLUMNS)
SCALAR_COLUMNS = tuple(c.name for c in COLUMNS if c.kind != "json")
JSON_COLUMNS = tuple(c.name for c in COLUMNS if c.kind == "json")
LIFECYCLE_COLUMNS = tuple(c.name for c in COLUMNS if c.lifecycle)
_STATUS = COLUMN_NAMES.index("status")
_KINDS = tuple((c.name, c.kind) for c in COLUMNS)


def interview_values(interview: Interview) -> list[Any]:
    """The values of the record's columns (:data:`COLUMN_NAMES` order): status as text, the
    JSON columns as the store's JSON text."""
    values: list[Any] = [getattr(interview, name) for name in COLUMN_NAMES]
    values[_STATUS] = str(interview.status)
    for i, column in enumerate(COLUMNS):
        if column.kind == "json":
            values[i] = jsontext.dumps(values[i])
    return values


def record_values(data: dict[str, Any], answers_json: str) -> tuple:
    """The same for a checked record read as a dict (``Interview.to_dict()``'s shape; a
    missing nullable field is None); ``answers_json`` is the answers' JSON text, already
    made (a content hash is over it)."""
    get = data.get
    return tuple(
        get(name)
        if kind != "json"
        else answers_json
        if name == "answers"
        else jsontext.dumps(get(name) or [])
        for name, kind in _KINDS
    )


def record_class(name: str, columns: tuple[Column, ...], *, module: str, doc: str) -> type:
    """A slotted dataclass with one field per column, in order (for rows read in bulk).

    The nullable columns ("optional", "count") at the end default to None.
    """
    spec: list[tuple] = []
    trailing = True
    for column in reversed(columns):
        trailing = trailing and column.kind in ("optional", "count")
        if trailing:
            spec.append((column.name, column.annotation, field(default=None)))
        else:
            spec.append((column.name, column.annotation))
    spec.reverse()
    cls = make_dataclass(name, spec, slots=True)
    cls.__module__ = module  # pickle and repr find it where it is defined
    cls.__doc__ = doc
    return cls


InterviewSummary = record_class(
    "InterviewSummary",
    tuple(c for c in COLUMNS if c.summary),
    module=__name__,
    doc="An interview without its answers: a row of a list.",
)


# --- lifecycle rules -------------------------------------------------------------------------

# action -> statuses it may start from
ALLOWED_FROM: dict[str, frozenset[Status]] = {
    "finalize": frozenset({Status.DRAFT}),
    "mark_sent": frozenset({Status.FINALIZED, Status.FAILED}),
    "mark_exported": frozenset({Status.FINALIZED}),
    "mark_failed": frozenset({Status.FINALIZED, Status.FAILED}),
    "delete": frozenset({Status.DRAFT}),
    "restore": frozenset({Status.DELETED}),
    "revise": frozenset({Status.FINALIZED, Status.SENT, Status.HANDED_IN}),
    "edit": frozenset({Status.DRAFT}),
}

_WHY = {
    "finalize": "only a draft can be finalized",
    "mark_sent": "only a finalized interview, or one that failed to send, can be marked as sent",
    "mark_exported": "only a finalized interview can be marked as handed in",
    "mark_failed": "only a finalized interview can fail to send",
    "delete": "only a draft can be deleted",
    "restore": "only a deleted interview can be restored",
    "revise": "only a finalized, sent or handed-in interview can be edited as a new revision",
    "edit": "only a draft can be changed; edit a finalized interview as a new revision",
}


def check_transition(interview: Interview, action: str) -> None:
    """Raise :class:`InvalidTransition` unless ``action`` is allowed from the current status."""
    if interview.status not in ALLOWED_FROM[action]:
        raise InvalidTransition(
            f"Interview {interview.instance_id} is {interview.status}: {_WHY[action]}.",
            instance_id=interview.instance_id,
            status=str(interview.status),
            action=action,
        )


def _move(interview: Interview, action: str, status: Status, clock: Clock | None) -> str:
    """``action`` takes the interview to ``status`` now (refused unless allowed from where
    it is: :func:`check_transition`); the time, for the caller's own timestamp."""
    check_transition(interview, action)
    now = now_timestamp(clock)
    interview.status = status
    interview.updated_at = now
    return now


def finalize(interview: Interview, *, clock: Clock | None = None) -> Interview:
    """draft → finalized."""
    interview.finalized_at = _move(interview, "finalize", Status.FINALIZED, clock)
    return interview


def mark_sent(interview: Interview, *, to: str = "", clock: Clock | None = None) -> Interview:
    """finalized or failed → sent (to a server); ``to`` says where."""
    now = interview.sent_at = _move(interview, "mark_sent", Status.SENT, clock)
    interview.last_error = None
    interview.handed_in.append({"to": to, "at": now})
    return interview


def mark_exported(interview: Interview, *, to: str = "", clock: Clock | None = None) -> Interview:
    """finalized → exported (handed in as a batch file); ``to`` says where."""
    now = interview.exported_at = _move(interview, "mark_exported", Status.HANDED_IN, clock)
    interview.handed_in.append({"to": to, "at": now})
    return interview


def mark_failed(interview: Interview, error: str, *, clock: Clock | None = None) -> Interview:
    """finalized or failed → failed, keeping the send error (a retry may fail again)."""
    _move(interview, "mark_failed", Status.FAILED, clock)
    interview.last_error = error
    return interview


def delete(interview: Interview, *, clock: Clock | None = None) -> Interview:
    """draft → deleted (soft: nothing is erased)."""
    interview.deleted_at = _move(interview, "delete", Status.DELETED, clock)
    return interview


def restore(interview: Interview, *, clock: Clock | None = None) -> Interview:
    """deleted → draft."""
    _move(interview, "restore", Status.DRAFT, clock)
    interview.deleted_at = None
    return interview


def check_editable(interview: Interview) -> None:
    """Raise :class:`InvalidTransition` unless the answers of ``interview`` may change."""
    check_transition(interview, "edit")


def new_revision(interview: Interview, *, clock: Clock | None = None) -> Interview:
    """A new draft that replaces a finalized, sent or exported interview, which is unchanged.

    The revision has a new instanceID, ``deprecated_id`` = the old one, a copy of the answers
    and of the attachment list, the same form version, and starts at the beginning.
    """
    check_transition(interview, "revise")
    now = now_timestamp(clock)
    return Interview(
        instance_id=new_instance_id(),
        form_id=interview.form_id,
        form_version=interview.form_version,
        form_hash=interview.form_hash,
        interviewer=interview.interviewer,
        device_id=interview.device_id,
        created_at=now,
        updated_at=now,
        deprecated_id=interview.instance_id,
        instance_name=interview.instance_name,
        answers=copy.deepcopy(interview.answers),
        attachments=[Attachment(**a.to_dict()) for a in interview.attachments],
        consents=interview.consents,
    )


# --- consent ---------------------------------------------------------------------------------


def is_consent_field(name: str) -> bool:
    """A consent question, by its name: ``consent`` or ``<something>_consent``
    (``recontact_consent``). The store's trigger (``m010_rights``) uses the same rule."""
    return name == "consent" or name.endswith("_consent")


def stamp_consents(interview: Interview, previous: dict[str, Any], at: str) -> None:
    """Record in ``interview.consents`` each consent answer that differs from ``previous``
    (the answers before), with the time ``at``."""
    known = jsontext.loads(interview.consents) if interview.consents else {}
    changed = False
    for name, value in interview.answers.items():
        if is_consent_field(name) and isinstance(value, str) and value != previous.get(name):
            known[name] = {"answer": value, "at": at}
            changed = True
    if changed:
        interview.consents = jsontext.dumps(known)
