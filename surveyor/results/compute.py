"""Results over the merged interviews: per question, cross-tabs, group-by, needs ranked.

The interviews counted are those an export writes (``Store.export_selection``): the current
version of each interview (a revision replaces what it revises), finalized, sent or exported;
drafts, deleted and superseded versions are left out. Every figure is a plain dataclass (the
CLI prints it as JSON, the report and the "Résultats" view draw it). See docs/results.md for
the definitions (asked, answered, base, non-responses, percentages, the small-number rule).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from datetime import date as _date
from typing import Any

from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.forms.model import Form
from surveyor.results.bands import Bands
from surveyor.results.bands import automatic_edges
from surveyor.results.bands import parse_edges
from surveyor.results.bands import report_language
from surveyor.results.personal import personal_fields
from surveyor.results.questions import CALCULATED
from surveyor.results.questions import DATE
from surveyor.results.questions import MULTIPLE
from surveyor.results.questions import NUMBER
from surveyor.results.questions import SINGLE
from surveyor.results.questions import TEXT
from surveyor.results.questions import Question
from surveyor.results.questions import questions_of
from surveyor.results.relevance import InterviewTree
from surveyor.results.relevance import Relevance

#: A percentage whose base (the number it is a share of) is under this is flagged "small".
SMALL_BASE = 30
#: Histogram: at most this many bins (integers with a smaller range: one bin per value).
MAX_BINS = 10


@dataclass(slots=True)
class Selection:
    """Which interviews the results count; None / empty means "any".

    ``date_from``/``date_to``: ISO dates, inclusive, compared with the interview's day (the
    UTC date it was finalized, else last changed; as the overview). ``answers``: question name
    -> the values wanted (an interview matches when it gave one of them; for a multiple choice,
    when it ticked one; for a question in a repeat, when one member did). Filters on several
    questions all apply.
    """

    form_id: str | None = None
    interviewers: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    answers: Mapping[str, Sequence[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Row:
    """One interview as results read it."""

    instance_id: str
    key: str  # the instanceID of the interview's first version (verbatims are named by it)
    form_hash: str
    interviewer: str
    day: str
    answers: dict


@dataclass(slots=True)
class ChoiceCount:
    code: str
    label: str
    count: int
    percent: float | None  # of the base; None when the base is 0


@dataclass(slots=True)
class NumberStats:
    n: int
    mean: float | None
    median: float | None
    q1: float | None
    q3: float | None
    min: float | None
    max: float | None
    bins: list[tuple[float, float, int]]  # (from, to, count); the last bin includes its end


@dataclass(slots=True)
class QuestionResult:
    """The figures of one question. ``unit``: "interview", or "member" for a question in a
    repeat (then asked/answered/counts count household members, not interviews)."""

    name: str
    kind: str
    type: str
    label: str
    unit: str
    asked: int
    answered: int
    personal: bool = False
    choices: list[ChoiceCount] = field(default_factory=list)
    number: NumberStats | None = None
    dates: dict[str, int] | None = None  # YYYY-MM -> count, and min/max in first/last keys
    date_min: str | None = None
    date_max: str | None = None
    # (verbatim key, text): key = the first version's instanceID, "#N" for a repeat's N-th member
    verbatims: list[tuple[str, str]] = field(default_factory=list)

    @property
    def non_responses(self) -> int:
        return self.asked - self.answered

    @property
    def base(self) -> int:
        """What percentages are of: those who answered (every kind)."""
        return self.answered

    @property
    def small_base(self) -> bool:
        return self.answered < SMALL_BASE

    @property
    def counts(self) -> dict[str, int]:
        return {c.code: c.count for c in self.choices}

    def to_json(self) -> dict[str, Any]:
        """The CLI's object for this question (docs/results.md)."""
        out: dict[str, Any] = {
            "type": self.type,
            "label": self.label,
            "asked": self.asked,
            "answered": self.answered,
        }
        if self.personal:
            return out  # a personal field: how many answered, never what
        if self.kind in (SINGLE, MULTIPLE):
            out["counts"] = self.counts
        if self.number is not None:
            s = self.number
            out.update(n=s.n, mean=s.mean, median=s.median, min=s.min, max=s.max)
        return out


@dataclass(slots=True)
class Results:
    """Results of a selection: the interviews counted and each question's figures."""

    form_id: str
    title: str
    interviews: int
    questions: dict[str, QuestionResult]
    interviewers: int = 0
    first_day: str | None = None
    last_day: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "interviews": self.interviews,
            "questions": {name: q.to_json() for name, q in self.questions.items()},
        }


@dataclass(slots=True)
class GroupedResults:
    """Results for each value of the ``by`` question (an interview in several groups when the
    question is a multiple choice or in a repeat); for a number question, each of its bands
    (``bands``: the edges; the group codes are the bands' codes, "15-29", "75+")."""

    by: str
    by_label: str
    overall: Results
    groups: dict[str, Results]  # value code -> results
    group_labels: dict[str, str]
    bands: tuple[float, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        out = self.overall.to_json()
        out["by"] = self.by
        if self.bands is not None:  # a number in bands: the edges and how each band reads
            out["bands"] = list(self.bands)
            out["group_labels"] = {c: self.group_labels.get(c, c) for c in self.groups}
        out["groups"] = {code: r.to_json() for code, r in self.groups.items()}
        return out


@dataclass(slots=True)
class Crosstab:
    """Question A (rows) by question B (columns). ``unit``: interviews, or members when both
    questions are in the same repeat. A unit ticking several choices counts in each cell, so
    totals are counted, never summed (a row's total: units with that row's value that
    answered B)."""

    row: str
    column: str
    row_label: str
    column_label: str
    unit: str
    rows: list[tuple[str, str]]  # (code, label)
    columns: list[tuple[str, str]]
    counts: dict[str, dict[str, int]]  # row code -> column code -> count
    row_totals: dict[str, int]
    column_totals: dict[str, int]
    total: int

    def row_percent(self, r: str, c: str) -> float | None:
        base = self.row_totals.get(r, 0)
        return 100.0 * self.counts[r][c] / base if base else None

    def column_percent(self, r: str, c: str) -> float | None:
        base = self.column_totals.get(c, 0)
        return 100.0 * self.counts[r][c] / base if base else None

    @property
    def small_base(self) -> bool:
        """Whether any row's or column's base is under :data:`SMALL_BASE`."""
        return any(0 < v < SMALL_BASE for v in self.row_totals.values()) or any(
            0 < v < SMALL_BASE for v in self.column_totals.values()
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": self.row,
            "columns": self.column,
            "unit": self.unit,
            "row_labels": dict(self.rows),
            "column_labels": dict(self.columns),
            "counts": self.counts,
            "row_totals": self.row_totals,
            "column_totals": self.column_totals,
            "total": self.total,
            "row_percent": {
                r: {c: _round(self.row_percent(r, c)) for c, _ in self.columns}
                for r, _ in self.rows
            },
            "column_percent": {
                r: {c: _round(self.column_percent(r, c)) for c, _ in self.columns}
                for r, _ in self.rows
            },
            "small_base": self.small_base,
            "small_base_threshold": SMALL_BASE,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@dataclass(slots=True)
class Ranking:
    """A multiple choice as a ranking: choices by share of respondents, most first."""

    question: str
    label: str
    base: int
    items: list[ChoiceCount]
    by: str | None = None
    groups: dict[str, tuple[str, int, list[ChoiceCount]]] = field(default_factory=dict)


# --- reading ---------------------------------------------------------------------------------


def _number(value: str) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def _values(question: Question, value: Any) -> list[str]:
    """The categories a single answer falls in (a multiple choice: each ticked choice)."""
    text = _text(value).strip()
    if not text:
        return []
    if question.kind == MULTIPLE:
        return text.split()
    return [text]


def members_of(answers: dict, chain: Sequence[str]) -> Iterator[dict]:
    """The repeat instances at the end of ``chain`` (nested repeats walked)."""
    level = [answers]
    for name in chain:
        nxt = []
        for item in level:
            for member in item.get(name) or []:
                if isinstance(member, dict):
                    nxt.append(member)
        level = nxt
    return iter(level)


class Engine:
    """Computes results for one form over rows read once (``rows``); filters re-use them."""

    def __init__(
        self,
        form: Form,
        rows: list[Row],
        versions: Mapping[str, Form],
        *,
        language: str | None = None,
        personal: frozenset[str] | None = None,
    ):
        self.form = form
        self.rows = rows
        self.language = language
        self._numbers: dict[str, list[float] | None] = {}
        self.personal = personal_fields(form) if personal is None else personal
        self.questions = questions_of(form, language, self.personal)
        self._relevance = {h: Relevance(f) for h, f in versions.items()}
        self._relevance.setdefault(form.content_hash, Relevance(form))
        self._checkers: dict[tuple[str, str], object] = {}

    # --- questions and filters -------------------------------------------------------------

    def question(self, name: str) -> Question:
        try:
            return self.questions[name]
        except KeyError:
            raise ResultsError(
                f"The form {self.form.form_id} has no question named {name!r}.",
                code=ErrorCode.RESULTS_UNKNOWN_QUESTION,
            ) from None

    def _checker(self, q: Question, form_hash: str):
        """The relevance checker of ``q`` in the form version ``form_hash`` (see
        Relevance.checker); False when the question is not in that version."""
        key = (q.name, form_hash)
        found = self._checkers.get(key, self)
        if found is self:
            rel = self._relevance.get(form_hash) or self._relevance[self.form.content_hash]
            path = q.path if q.path in rel.form.nodes else None
            if path is None:
                try:
                    path = rel.form.by_name(q.name).path
                except KeyError:
                    path = None
            found = rel.checker(path) if path is not None else False
            self._checkers[key] = found
        return found

    def check_filter_value(self, q: Question, value: str) -> None:
        if q.personal:
            raise ResultsError(
                f"The question {q.name} is personal: results cannot be filtered on it.",
                code=ErrorCode.RESULTS_PERSONAL,
            )
        if q.kind in (SINGLE, MULTIPLE) and q.choices and value not in q.choices:
            raise ResultsError(
                f"The question {q.name} has no choice {value!r} "
                f"(its choices: {', '.join(q.choices)}).",
                code=ErrorCode.RESULTS_UNKNOWN_VALUE,
            )

    def select(self, selection: Selection) -> list[Row]:
        """The rows matching ``selection``; raises ResultsError on an unknown question or
        value, and when no interview matches."""
        wanted = {}
        for name, values in (selection.answers or {}).items():
            q = self.question(name)
            values = [values] if isinstance(values, str) else list(values)
            for value in values:
                self.check_filter_value(q, value)
            wanted[name] = (q, set(values))
        for day in (selection.date_from, selection.date_to):
            try:
                if day:
                    _date.fromisoformat(day[:10])
            except ValueError:
                raise ResultsError(
                    f"{day!r} is not a date (YYYY-MM-DD).", code=ErrorCode.RESULTS_UNKNOWN_VALUE
                ) from None
        interviewers = set(selection.interviewers or ())
        rows = []
        for row in self.rows:
            if interviewers and row.interviewer not in interviewers:
                continue
            if selection.date_from and row.day < selection.date_from[:10]:
                continue
            if selection.date_to and row.day > selection.date_to[:10]:
                continue
            if all(self._has(row, q, values) for q, values in wanted.values()):
                rows.append(row)
        if not rows:
            raise ResultsError(
                "No interview matches the selection (aucun entretien ne correspond).",
                code=ErrorCode.RESULTS_EMPTY,
            )
        return rows

    def _has(self, row: Row, q: Question, values: set[str]) -> bool:
        for value in self._unit_values(row, q):
            if values.intersection(_values(q, value)):
                return True
        return False

    def _unit_values(self, row: Row, q: Question) -> Iterator[Any]:
        if q.repeat_chain:
            for member in members_of(row.answers, q.repeat_chain):
                yield member.get(q.name)
        else:
            yield row.answers.get(q.name)

    # --- per question ------------------------------------------------------------------------

    def results(self, rows: list[Row], names: Iterable[str] | None = None) -> Results:
        names = list(self.questions) if names is None else [self.question(n).name for n in names]
        trees: dict = {}
        out = {}
        for name in names:
            result = self._question(self.questions[name], rows, trees)
            if result is not None:
                out[name] = result
        days = sorted(r.day for r in rows if r.day)
        return Results(
            form_id=self.form.form_id,
            title=self.form.title,
            interviews=len(rows),
            questions=out,
            interviewers=len({r.interviewer for r in rows if r.interviewer}),
            first_day=days[0] if days else None,
            last_day=days[-1] if days else None,
        )

    def _units(self, q: Question, rows: list[Row], trees: dict, *, keys: bool) -> tuple[int, list]:
        """(asked, the answers of the units asked that answered): ``(verbatim key, text)``
        pairs with ``keys``, else the texts alone.

        The hot loop of the results (rows x questions): kept free of calls where it can."""
        asked = 0
        answered: list = []
        append = answered.append
        name = q.name
        chain = q.repeat_chain
        last_hash, check, needs_tree = None, None, False
        for row in rows:
            if row.form_hash is not last_hash:
                last_hash, check = row.form_hash, self._checker(q, row.form_hash)
                needs_tree = bool(check) and check.needs_tree
            answers = row.answers
            if chain:
                units = [
                    (m, m.get(name), f"{row.key}#{n}")
                    for n, m in enumerate(members_of(answers, chain), start=1)
                ]
            else:
                value = answers.get(name)
                if value and value.__class__ is str:
                    # the common case: one answer, given (an answer given was asked)
                    text = value.strip()
                    if text:
                        asked += 1
                        append((row.key, text) if keys else text)
                        continue
                units = ((None, value, row.key),)
            for member, value, key in units:
                if value:
                    text = value.strip() if value.__class__ is str else _text(value).strip()
                    if text:
                        asked += 1
                        append((key, text) if keys else text)
                        continue
                # a blank: asked only if the question was relevant
                if check is None:
                    asked += 1
                elif check is False:
                    continue
                elif needs_tree:
                    if check(answers, member, lambda row=row: self._tree(row, trees)):
                        asked += 1
                elif check(answers, member, None):
                    asked += 1
        return asked, answered

    def _tree(self, row: Row, trees: dict) -> InterviewTree:
        tree = trees.get(row.instance_id)
        if tree is None:
            rel = self._relevance.get(row.form_hash) or self._relevance[self.form.content_hash]
            tree = trees[row.instance_id] = InterviewTree(rel.form, row.answers)
        return tree

    def _question(self, q: Question, rows: list[Row], trees: dict) -> QuestionResult | None:
        verbatims = q.kind == TEXT and not q.personal
        asked, answered = self._units(q, rows, trees, keys=verbatims)
        # the same answer is given many times: count each distinct one once, then expand
        distinct = Counter(t for _k, t in answered) if verbatims else Counter(answered)
        kind = q.kind
        if kind == CALCULATED:
            if not distinct or any(_number(v) is None for v in distinct):
                return None
            kind = NUMBER
        result = QuestionResult(
            name=q.name,
            kind=kind,
            type=q.type,
            label=q.label,
            unit="member" if q.repeat_chain else "interview",
            asked=asked,
            answered=len(answered),
            personal=q.personal,
        )
        if q.personal:
            return result
        base = len(answered)
        if kind in (SINGLE, MULTIPLE):
            counter: Counter[str] = Counter()
            for text, n in distinct.items():
                for code in set(_values(q, text)) if kind == MULTIPLE else (text,):
                    counter[code] += n
            codes = list(q.choices) + sorted(c for c in counter if c not in q.choices)
            result.choices = [
                ChoiceCount(
                    c, q.choice_label(c), counter[c], 100.0 * counter[c] / base if base else None
                )
                for c in codes
            ]
            if kind == MULTIPLE:
                order = {c: i for i, c in enumerate(codes)}
                result.choices.sort(key=lambda c: (-c.count, order[c.code]))
        elif kind == NUMBER:
            values: list[float] = []
            for text, n in distinct.items():
                number = _number(text)
                if number is not None:
                    values.extend([number] * n)
            result.number = number_stats(values)
        elif kind == DATE:
            days = sorted(distinct.elements())
            result.dates = dict(sorted(Counter(d[:7] for d in days).items()))
            result.date_min = days[0][:10] if days else None
            result.date_max = days[-1][:10] if days else None
        elif kind == TEXT:
            result.verbatims = list(answered)
        return result

    # --- group by, cross-tabs, rankings ------------------------------------------------------

    def number_values(self, q: Question) -> list[float] | None:
        """Every value of ``q`` over all the rows (not only a selection's), as numbers; None
        when ``q`` is not a number question (a calculation with a value that is no number)."""
        if q.name not in self._numbers:
            found: list[float] | None = None
            if q.kind in (NUMBER, CALCULATED) and not q.personal:
                found = []
                for row in self.rows:
                    for value in self._unit_values(row, q):
                        text = _text(value).strip()
                        number = _number(text) if text else None
                        if number is not None:
                            found.append(number)
                        elif text and q.kind == CALCULATED:
                            found = None
                            break
                    if found is None:
                        break
                if q.kind == CALCULATED and not found:
                    found = None
            self._numbers[q.name] = found
        return self._numbers[q.name]

    def is_number(self, q: Question) -> bool:
        return self.number_values(q) is not None

    def banding(self, q: Question, bands: Mapping[str, Sequence[float]] | None) -> Bands | None:
        """The bands a number question is cut into when it groups (``bands``: question ->
        edges the coordinator set; else automatic, from all the rows so that they stay the
        same whatever the filters). None for a question that is not a number."""
        values = self.number_values(q)
        if values is None:
            return None
        edges = (bands or {}).get(q.name)
        if edges is not None:
            edges = parse_edges(edges, name=q.name)
        else:
            edges = automatic_edges(q.name, q.label, values)
        return Bands(edges, whole=all(v.is_integer() for v in values))

    def _sorter(self, q: Question, banding: Bands | None):
        """value -> the categories it counts in: its bands' code for a banded number (none
        for a blank or a value that is no number: a non-response stays one), else
        :func:`_values`."""
        if banding is None:
            return lambda value: _values(q, value)

        def band(value: Any) -> list[str]:
            text = _text(value).strip()
            number = _number(text) if text else None
            return [] if number is None else [banding.code_of(number)]

        return band

    def categories(
        self,
        q: Question,
        rows: list[Row],
        bands: Mapping[str, Sequence[float]] | None = None,
    ) -> list[tuple[str, str]]:
        """(code, label) of every value ``q`` takes in ``rows`` (every choice of a choice
        question, in the form's order; a number's bands in order; others sorted)."""
        banding = self.banding(q, bands)
        values = self._sorter(q, banding)
        seen: set[str] = set()
        for row in rows:
            for value in self._unit_values(row, q):
                seen.update(values(value))
        if banding is not None:
            return banding.categories(report_language(self.language), seen)
        if q.kind in (SINGLE, MULTIPLE):
            codes = list(q.choices) + sorted(seen - set(q.choices))
        elif all(_number(v) is not None for v in seen):
            codes = sorted(seen, key=lambda v: _number(v) or 0.0)
        else:
            codes = sorted(seen)
        return [(c, q.choice_label(c)) for c in codes]

    def grouped(
        self,
        rows: list[Row],
        by: str,
        names: Iterable[str] | None = None,
        bands: Mapping[str, Sequence[float]] | None = None,
    ) -> GroupedResults:
        q = self.question(by)
        self._refuse_personal(q)
        groups: dict[str, list[Row]] = {}
        labels = dict(self.categories(q, rows, bands))
        banding = self.banding(q, bands)
        values = self._sorter(q, banding)
        for row in rows:
            codes = set()
            for value in self._unit_values(row, q):
                codes.update(values(value))
            for code in codes:
                groups.setdefault(code, []).append(row)
        names = list(names) if names is not None else None
        ordered = [c for c in labels if c in groups]
        return GroupedResults(
            by=by,
            by_label=q.label,
            overall=self.results(rows, names),
            groups={c: self.results(groups[c], names) for c in ordered},
            group_labels=labels,
            bands=banding.edges if banding is not None else None,
        )

    def _refuse_personal(self, q: Question) -> None:
        if q.personal:
            raise ResultsError(
                f"The question {q.name} is personal: its values are never shown in results.",
                code=ErrorCode.RESULTS_PERSONAL,
            )

    def crosstab(
        self,
        rows: list[Row],
        row_name: str,
        column_name: str,
        bands: Mapping[str, Sequence[float]] | None = None,
    ) -> Crosstab:
        """``row_name`` by ``column_name``; a number question is cut into its bands."""
        a, b = self.question(row_name), self.question(column_name)
        self._refuse_personal(a)
        self._refuse_personal(b)
        values_a = self._sorter(a, self.banding(a, bands))
        values_b = self._sorter(b, self.banding(b, bands))
        same_repeat = bool(a.repeat_chain) and a.repeat_chain == b.repeat_chain
        units: list[tuple[set[str], set[str]]] = []
        for row in rows:
            if same_repeat:
                for member in members_of(row.answers, a.repeat_chain):
                    units.append(
                        (set(values_a(member.get(a.name))), set(values_b(member.get(b.name))))
                    )
            else:
                va: set[str] = set()
                vb: set[str] = set()
                for value in self._unit_values(row, a):
                    va.update(values_a(value))
                for value in self._unit_values(row, b):
                    vb.update(values_b(value))
                units.append((va, vb))
        row_cats = self.categories(a, rows, bands)
        col_cats = self.categories(b, rows, bands)
        counts = {r: {c: 0 for c, _ in col_cats} for r, _ in row_cats}
        row_totals = {r: 0 for r, _ in row_cats}
        col_totals = {c: 0 for c, _ in col_cats}
        total = 0
        for va, vb in units:
            if not va or not vb:
                continue
            total += 1
            for r in va:
                row_totals[r] = row_totals.get(r, 0) + 1
                for c in vb:
                    counts.setdefault(r, {}).setdefault(c, 0)
                    counts[r][c] += 1
            for c in vb:
                col_totals[c] = col_totals.get(c, 0) + 1
        return Crosstab(
            row=a.name,
            column=b.name,
            row_label=a.label,
            column_label=b.label,
            unit="member" if same_repeat else "interview",
            rows=row_cats,
            columns=col_cats,
            counts=counts,
            row_totals=row_totals,
            column_totals=col_totals,
            total=total,
        )

    def ranking(
        self,
        rows: list[Row],
        name: str,
        by: str | None = None,
        bands: Mapping[str, Sequence[float]] | None = None,
    ) -> Ranking:
        q = self.question(name)
        if q.kind not in (MULTIPLE, SINGLE):
            raise ResultsError(
                f"The question {name} is not a choice question: it cannot be ranked.",
                code=ErrorCode.RESULTS_UNKNOWN_QUESTION,
            )
        overall = self.results(rows, [name]).questions[name]
        ranking = Ranking(
            question=name,
            label=q.label,
            base=overall.base,
            items=sorted(overall.choices, key=lambda c: -c.count),
        )
        if by is not None:
            grouped = self.grouped(rows, by, [name], bands)
            ranking.by = by
            for code, res in grouped.groups.items():
                qr = res.questions[name]
                ranking.groups[code] = (
                    grouped.group_labels.get(code, code),
                    qr.base,
                    sorted(qr.choices, key=lambda c: -c.count),
                )
        return ranking


def number_stats(values: list[float]) -> NumberStats:
    """n, mean, median, quartiles (inclusive method, as a spreadsheet's QUARTILE), min, max
    and a histogram (numpy's bins; one bin per value for integers of a small range)."""
    if not values:
        return NumberStats(0, None, None, None, None, None, None, [])
    values = sorted(values)
    if len(values) > 1:
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    else:
        q1 = median = q3 = values[0]
    return NumberStats(
        n=len(values),
        mean=statistics.fmean(values),
        median=median,
        q1=q1,
        q3=q3,
        min=values[0],
        max=values[-1],
        bins=histogram(values),
    )


def histogram(values: list[float]) -> list[tuple[float, float, int]]:
    # numpy (~0.2 s to import) only for histograms, not for every results call
    import numpy

    lo, hi = values[0], values[-1]
    if lo == hi:
        return [(lo - 0.5, hi + 0.5, len(values))]
    if all(v.is_integer() for v in values) and hi - lo < MAX_BINS:
        edges = numpy.arange(lo - 0.5, hi + 1.5)  # one bin per whole number, centred on it
    else:
        edges = numpy.histogram_bin_edges(values, bins=MAX_BINS)
    counts, edges = numpy.histogram(values, bins=edges)
    return [(float(edges[i]), float(edges[i + 1]), int(counts[i])) for i in range(len(counts))]
