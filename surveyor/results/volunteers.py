"""The people who want to act: residents who offered skills, time or interest in working for
the service counter, and agreed to be recontacted (the habitants form asks it).

Personal data: for the coordinator's side only (the app's list and its CSV/XLSX export),
never in the report. Plain Python, no Qt.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from surveyor.results.compute import Engine
from surveyor.results.compute import Row
from surveyor.results.compute import Selection
from surveyor.results.compute import _number
from surveyor.results.compute import _values

# the habitants form's questions (forms/src/enquete_habitants.md)
SKILLS = "skills_offered"
HOURS = "hours_per_month"
AVAILABILITY = "availability"
WORK_INTEREST = "counter_work_interest"
WORK_TYPE = "counter_work_type"
TRAINING = "counter_training_interest"
NEEDS = "needs_unmet"
RECONTACT = "recontact_consent"
CONTACT = ("contact_name", "contact_phone", "contact_email", "contact_preferred")
NOTHING = "none"  # "nothing for now" among the skills


@dataclass(frozen=True)
class Volunteer:
    """One resident who wants to act, with how to reach them."""

    key: str  # the instanceID of the interview's first version
    interviewer: str
    day: str
    name: str
    phone: str
    email: str
    preferred: str  # label of the preferred contact channel
    skills: tuple[str, ...] = ()  # codes
    skill_labels: tuple[str, ...] = ()
    hours: float | None = None
    availability: tuple[str, ...] = ()  # labels
    work_interest: str = ""  # label ("Yes", "Maybe"), empty when not asked
    work_types: tuple[str, ...] = ()  # labels
    training: str = ""
    needs: tuple[str, ...] = ()  # codes
    need_labels: tuple[str, ...] = ()


@dataclass
class VolunteerList:
    people: list[Volunteer] = field(default_factory=list)
    skills: dict[str, str] = field(default_factory=dict)  # code -> label (for a filter)
    needs: dict[str, str] = field(default_factory=dict)


def _labels(engine: Engine, name: str, codes: Iterable[str]) -> tuple[str, ...]:
    q = engine.questions.get(name)
    return tuple(q.choice_label(c) if q else c for c in codes)


def _codes(engine: Engine, row: Row, name: str) -> list[str]:
    q = engine.questions.get(name)
    if q is None:
        return []
    return _values(q, row.answers.get(name))


def volunteers(
    engine: Engine,
    selection: Selection | None = None,
    *,
    skill: str | None = None,
    need: str | None = None,
) -> VolunteerList:
    """The residents of the selection who agreed to be recontacted and offered a skill (other
    than "nothing for now"), hours, or an interest ("yes"/"maybe") in working for the counter;
    ``skill`` / ``need``: only those offering that skill / having that unmet need."""
    rows = engine.select(selection) if selection is not None else list(engine.rows)
    out = VolunteerList(
        skills={c: lbl for c, lbl in _choices(engine, SKILLS).items() if c != NOTHING},
        needs=_choices(engine, NEEDS),
    )
    for row in rows:
        answers = row.answers
        if str(answers.get(RECONTACT) or "") != "yes":
            continue
        skills = [c for c in _codes(engine, row, SKILLS) if c != NOTHING]
        hours = _number(str(answers.get(HOURS) or ""))
        interest = str(answers.get(WORK_INTEREST) or "")
        if not skills and not hours and interest not in ("yes", "maybe"):
            continue
        needs = _codes(engine, row, NEEDS)
        if skill and skill not in skills:
            continue
        if need and need not in needs:
            continue
        name, phone, email, preferred = (str(answers.get(n) or "").strip() for n in CONTACT)
        out.people.append(
            Volunteer(
                key=row.key,
                interviewer=row.interviewer,
                day=row.day,
                name=name,
                phone=phone,
                email=email,
                preferred=_labels(engine, CONTACT[3], [preferred])[0] if preferred else "",
                skills=tuple(skills),
                skill_labels=_labels(engine, SKILLS, skills),
                hours=hours,
                availability=_labels(engine, AVAILABILITY, _codes(engine, row, AVAILABILITY)),
                work_interest=_labels(engine, WORK_INTEREST, [interest])[0] if interest else "",
                work_types=_labels(engine, WORK_TYPE, _codes(engine, row, WORK_TYPE)),
                training=_labels(engine, TRAINING, [str(answers.get(TRAINING) or "")])[0]
                if answers.get(TRAINING)
                else "",
                needs=tuple(needs),
                need_labels=_labels(engine, NEEDS, needs),
            )
        )
    out.people.sort(key=lambda v: (-(v.hours or 0), v.name.casefold()))
    return out


def _choices(engine: Engine, name: str) -> dict[str, str]:
    q = engine.questions.get(name)
    return dict(q.choices) if q is not None else {}


COLUMNS = (
    "name",
    "phone",
    "email",
    "preferred",
    "skills",
    "hours",
    "availability",
    "work_interest",
    "work_types",
    "training",
    "needs",
    "interviewer",
    "day",
)


def table(people: Iterable[Volunteer]) -> list[list[object]]:
    """One row per person, in COLUMNS' order (lists joined with "; ")."""
    rows = []
    for v in people:
        hours = None if v.hours is None else (int(v.hours) if v.hours.is_integer() else v.hours)
        rows.append(
            [
                v.name,
                v.phone,
                v.email,
                v.preferred,
                "; ".join(v.skill_labels),
                hours,
                "; ".join(v.availability),
                v.work_interest,
                "; ".join(v.work_types),
                v.training,
                "; ".join(v.need_labels),
                v.interviewer,
                v.day,
            ]
        )
    return rows


def export(people: Iterable[Volunteer], out: str | Path, headers: Iterable[str] = COLUMNS) -> Path:
    """Write the list as CSV (UTF-8 with BOM, for Excel) or XLSX (openpyxl), by suffix;
    written to ``out.part`` then renamed."""
    out = Path(out)
    part = out.with_name(out.name + ".part")
    rows = table(people)
    headers = list(headers)
    if out.suffix.lower() == ".xlsx":
        # openpyxl (~0.4 s to import) only when the list is written as XLSX
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = "volunteers"
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        book.save(part)
    else:
        with part.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(headers)
            writer.writerows(rows)
    part.replace(out)
    return out
