"""The neighbourhood's reference figures (e.g. INSEE's for a priority neighbourhood), typed in
once, to compare who answered with who lives there.

A reference belongs to one question of one form: the share (%) of the neighbourhood's
population in each category, with its source and year. A single choice question's
categories are its choices (household type, sex...); a number question's (age...) are bands
written ``LOW-HIGH`` (both ends included, ``0-14``) or ``LOW+`` (no upper end, ``60+``): the
reference carries its own band edges, and the answers are counted in those same bands.

Kept in the store's ``results_settings`` (as the report plan), one JSON object per form under
``references:<form id>``: ``{"format": 1, "questions": {name: {"source", "year", "shares":
{category: percent}, "bands": [[low, high or null], ...]}}}``. See docs/results.md.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.results import coding
from surveyor.results.compute import SMALL_BASE
from surveyor.results.compute import Engine
from surveyor.results.compute import Row
from surveyor.results.compute import members_of
from surveyor.results.questions import NUMBER
from surveyor.results.questions import SINGLE
from surveyor.results.questions import Question
from surveyor.store import Store

FORMAT = 1
#: The shares given must add up to 100 within this many points (figures rounded by the source).
TOTAL_TOLERANCE = 1.0
#: The kinds of question a reference can be given for (their categories split the population).
KINDS = (SINGLE, NUMBER)

_BAND = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(?:(\+)|-\s*(-?\d+(?:[.,]\d+)?))\s*$")

Band = tuple[float, float | None]  # (low, high); high None: no upper end; both ends included


def _invalid(why: str) -> ResultsError:
    return ResultsError(why, code=ErrorCode.RESULTS_REFERENCE_INVALID)


def _float(text: str) -> float:
    return float(text.replace(",", "."))


def parse_band(code: str) -> Band:
    """``"15-29"`` -> (15, 29); ``"60+"`` -> (60, None). Raises ResultsError otherwise."""
    found = _BAND.match(code)
    if not found:
        raise _invalid(
            f"{code!r} is not a band: write LOW-HIGH (both ends included, e.g. 15-29) or LOW+ "
            "(no upper end, e.g. 60+)."
        )
    low = _float(found.group(1))
    high = None if found.group(2) else _float(found.group(3))
    if high is not None and high < low:
        raise _invalid(f"The band {code!r} ends before it starts.")
    return low, high


def band_of(value: float, bands: list[Band]) -> int | None:
    """The index of the band ``value`` falls in, or None when it falls in none."""
    for i, (low, high) in enumerate(bands):
        if value >= low and (high is None or value <= high):
            return i
    return None


def count_in_bands(values: Iterable[float], bands: list[Band]) -> tuple[list[int], int]:
    """(how many values fall in each band, how many fall in none)."""
    counts = [0] * len(bands)
    outside = 0
    for value in values:
        i = band_of(value, bands)
        if i is None:
            outside += 1
        else:
            counts[i] += 1
    return counts, outside


def parse_percent(text: str) -> float:
    """A share typed by a person: ``12.5``, ``12,5`` or ``12,5 %``."""
    try:
        return _float(text.strip().rstrip("%").strip())
    except ValueError:
        raise _invalid(f"{text!r} is not a percentage (a number from 0 to 100).") from None


@dataclass
class Reference:
    """One question's reference figures: ``shares`` maps each category (a choice code, or a
    band for a number question) to its share (%) of the neighbourhood's population."""

    question: str
    shares: dict[str, float]
    source: str
    year: int | None = None
    bands: list[Band] = field(default_factory=list)  # a number question's, in ``shares``' order

    @property
    def total(self) -> float:
        return sum(self.shares.values())

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "year": self.year, "shares": self.shares}
        if self.bands:
            out["bands"] = [list(b) for b in self.bands]
        return out

    @classmethod
    def from_json(cls, question: str, data: Mapping[str, Any]) -> Reference:
        return cls(
            question=question,
            shares={str(k): float(v) for k, v in (data.get("shares") or {}).items()},
            source=str(data.get("source") or ""),
            year=data.get("year"),
            bands=[
                (float(low), None if high is None else float(high))
                for low, high in data.get("bands") or []
            ],
        )


def make_reference(
    q: Question,
    shares: Mapping[str, float | str],
    *,
    source: str,
    year: int | str | None = None,
) -> Reference:
    """A checked reference for ``q``: a single choice (its choice codes) or a number (bands);
    each share from 0 to 100, adding up to 100 (within TOTAL_TOLERANCE), a source. Raises
    ResultsError (``results_reference_invalid``, ``results_personal``) otherwise."""
    if q.personal:
        raise ResultsError(
            f"The question {q.name} is personal: no figures are compared for it.",
            code=ErrorCode.RESULTS_PERSONAL,
        )
    if q.kind not in KINDS:
        raise _invalid(
            f"The question {q.name} is not a single choice nor a number: reference figures are "
            "shares of the population that add up to 100 (a single choice, or a number in bands)."
        )
    if not source or not source.strip():
        raise _invalid("Say where the figures come from (--source, e.g. INSEE, recensement 2021).")
    if year in (None, ""):
        year = None
    else:
        try:
            year = int(year)
        except (TypeError, ValueError):
            raise _invalid(f"The year {year!r} is not a year.") from None
        if not 1800 <= year <= 2200:
            raise _invalid(f"The year {year} is not a year.")
    if not shares:
        raise _invalid(f"Give at least one share for {q.name} (CODE=PERCENT).")
    checked: dict[str, float] = {}
    for code, value in shares.items():
        code = str(code).strip()
        share = parse_percent(value) if isinstance(value, str) else float(value)
        if not 0 <= share <= 100 or share != share:
            raise _invalid(f"The share of {code!r} is {share:g}: a share is from 0 to 100.")
        checked[code] = share
    bands: list[Band] = []
    if q.kind == SINGLE:
        unknown = [c for c in checked if c not in q.choices]
        if unknown:
            raise _invalid(
                f"The question {q.name} has no choice {unknown[0]!r} "
                f"(its choices: {', '.join(q.choices)})."
            )
        checked = {c: checked[c] for c in q.choices if c in checked}  # the form's order
    else:
        pairs = sorted(((parse_band(c), c) for c in checked), key=lambda p: p[0][0])
        for (a, code_a), (b, code_b) in zip(pairs, pairs[1:], strict=False):
            if a[1] is None or a[1] >= b[0]:
                raise _invalid(f"The bands {code_a} and {code_b} overlap.")
        checked = {c: checked[c] for _b, c in pairs}
        bands = [b for b, _c in pairs]
    total = sum(checked.values())
    if abs(total - 100) > TOTAL_TOLERANCE:
        raise _invalid(
            f"The shares of {q.name} add up to {total:g} %, not 100 %: give every category "
            f"(the total may differ from 100 by {TOTAL_TOLERANCE:g} point for rounding)."
        )
    return Reference(q.name, checked, source.strip(), year, bands)


# --- kept in the store -------------------------------------------------------------------------


def _key(form_id: str) -> str:
    return f"references:{form_id}"


def load(store: Store, form_id: str) -> dict[str, Reference]:
    """The form's references, by question name."""
    saved = coding.get_setting(store, _key(form_id)) or {}
    questions = saved.get("questions") if isinstance(saved, dict) else None
    return {
        name: Reference.from_json(name, data)
        for name, data in (questions or {}).items()
        if isinstance(data, dict)
    }


def save(store: Store, form_id: str, references: Mapping[str, Reference]) -> None:
    """Keep ``references`` as the form's (all of them: one write, in one transaction)."""
    value = {
        "format": FORMAT,
        "questions": {name: ref.to_json() for name, ref in references.items()},
    }
    coding.set_setting(store, _key(form_id), value if references else None)


# --- the comparison ----------------------------------------------------------------------------


@dataclass
class ComparedCategory:
    """One category: the respondents in it (count, % of the base) and the neighbourhood's
    share; ``difference`` = answered % - reference %, in points (None when either is missing)."""

    code: str
    label: str
    count: int
    percent: float | None
    reference: float | None

    @property
    def difference(self) -> float | None:
        if self.percent is None or self.reference is None:
            return None
        return self.percent - self.reference


@dataclass
class Comparison:
    """Who answered against who lives there, for one question. ``base``: the units (interviews,
    or household members for a question in a repeat) that answered, in a category;
    ``outside``: answers in no band of the reference (a number question)."""

    question: str
    label: str
    unit: str
    source: str
    year: int | None
    base: int
    categories: list[ComparedCategory]
    outside: int = 0

    @property
    def small_base(self) -> bool:
        return self.base < SMALL_BASE

    def to_json(self) -> dict[str, Any]:
        def one(value: float | None) -> float | None:
            return None if value is None else round(value, 1)

        return {
            "label": self.label,
            "unit": self.unit,
            "source": self.source,
            "year": self.year,
            "base": self.base,
            "outside": self.outside,
            "small_base": self.small_base,
            "small_base_threshold": SMALL_BASE,
            "categories": {
                c.code: {
                    "label": c.label,
                    "count": c.count,
                    "percent": one(c.percent),
                    "reference": one(c.reference),
                    "difference": one(c.difference),
                }
                for c in self.categories
            },
        }


def number_values(q: Question, rows: Iterable[Row]) -> list[float]:
    """The numbers answered to ``q`` (one per interview, or per member in a repeat)."""
    values = []
    for row in rows:
        if q.repeat_chain:
            given = [m.get(q.name) for m in members_of(row.answers, q.repeat_chain)]
        else:
            given = [row.answers.get(q.name)]
        for value in given:
            try:
                number = float(str(value).strip())
            except ValueError:
                continue  # blank, or not a number: not answered
            if math.isfinite(number):
                values.append(number)
    return values


def compare(engine: Engine, rows: list[Row], ref: Reference) -> Comparison | None:
    """``ref`` against the answers of ``rows``; None when the question is now personal."""
    q = engine.question(ref.question)
    if q.personal:
        return None
    unit = "member" if q.repeat_chain else "interview"
    if q.kind == NUMBER and ref.bands:
        counts, outside = count_in_bands(number_values(q, rows), ref.bands)
        base = sum(counts)
        categories = [
            ComparedCategory(code, code, n, 100.0 * n / base if base else None, share)
            for (code, share), n in zip(ref.shares.items(), counts, strict=True)
        ]
        return Comparison(q.name, q.label, unit, ref.source, ref.year, base, categories, outside)
    result = engine.results(rows, [q.name]).questions[q.name]
    categories = [
        ComparedCategory(c.code, c.label, c.count, c.percent, ref.shares.get(c.code))
        for c in result.choices
    ]
    return Comparison(q.name, q.label, unit, ref.source, ref.year, result.base, categories)


def compare_all(
    engine: Engine, rows: list[Row], references: Mapping[str, Reference]
) -> list[Comparison]:
    """Every reference of the form compared, in the form's order of questions."""
    found = []
    for name in engine.questions:
        ref = references.get(name)
        if ref is not None:
            comparison = compare(engine, rows, ref)
            if comparison is not None:
                found.append(comparison)
    return found


__all__ = [
    "FORMAT",
    "KINDS",
    "TOTAL_TOLERANCE",
    "Band",
    "ComparedCategory",
    "Comparison",
    "Reference",
    "band_of",
    "compare",
    "compare_all",
    "count_in_bands",
    "load",
    "make_reference",
    "number_values",
    "parse_band",
    "parse_percent",
    "save",
]
