"""The funders' report: one content (a list of blocks), written as DOCX (python-docx) and PDF
(fpdf2), so that both hold the same headings, tables, charts and sentences.

Never any personal data: personal questions are left out whatever the plan says, the text
answers appear only as the quotes the coordinator picked, and phone numbers, e-mail
addresses and the interview's own personal values (a name, a street) written inside a quote
are masked (:func:`mask`; the definitions' last sentence says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field
from datetime import date as _date
from pathlib import Path

from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.results import catalogue as cat
from surveyor.results import charts
from surveyor.results import coding
from surveyor.results import reference as _reference
from surveyor.results.compute import SMALL_BASE
from surveyor.results.compute import Engine
from surveyor.results.compute import QuestionResult
from surveyor.results.plan import ReportPlan
from surveyor.results.questions import DATE
from surveyor.results.questions import MULTIPLE
from surveyor.results.questions import NUMBER
from surveyor.results.questions import SINGLE
from surveyor.results.questions import TEXT

# A phone number (8 digits or more, with spaces, dots or dashes between) or an e-mail address.
_PHONE = re.compile(r"(?:\+\s?)?\d(?:[\s.\-/]?\d){7,}")
_EMAIL = re.compile(r"[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+")


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Para:
    text: str
    style: str = "normal"  # normal, note, quote, warning, title, subtitle


@dataclass
class ReportTable:
    header: list[str]
    rows: list[list[str]]
    total_row: bool = False  # the last row is a total (bold)
    widths: list[float] | None = None  # relative widths


def numeric_cell(text: str) -> bool:
    """Whether a table cell reads as a number (12, 48,3 %, +6,3, −15,7, 1 234, or "–" for
    none): both writers align such cells on the right."""
    head = text.split(" ")[0].replace("\u202f", "").replace(",", "").replace(".", "")
    head = head.lstrip("+-\u2212")  # a difference in points: +6,3 or −15,7
    return head.rstrip("%*\u00a0").isdigit() or text in ("–", "")


@dataclass
class Image:
    png: bytes
    alt: str = ""


@dataclass
class FieldworkFunnel:
    """The door-to-door funnel, given by the fieldwork module when there is one: each step
    (a label in the report's language, a number), and the response rate (0-100) if known."""

    steps: list[tuple[str, int]]
    response_rate: float | None = None


def funnel_of(fieldwork, language: str = "fr") -> FieldworkFunnel | None:
    """The report's funnel from the fieldwork module's ``Funnel`` (doors, visited, contacted,
    refused, done, response_rate as a fraction); None when there are no doors."""
    if fieldwork is None or not getattr(fieldwork, "doors", 0):
        return None
    steps = [
        (cat.text(key, language), int(getattr(fieldwork, attr, 0) or 0))
        for key, attr in (
            ("fw_doors", "doors"),
            ("fw_visited", "visited"),
            ("fw_contacted", "contacted"),
            ("fw_refused", "refused"),
            ("fw_done", "done"),
        )
    ]
    rate = getattr(fieldwork, "response_rate", None)
    return FieldworkFunnel(steps, None if rate is None else 100.0 * rate)


@dataclass
class Report:
    language: str
    title: str
    blocks: list = field(default_factory=list)

    def text(self) -> str:
        """Every word of the report, for checks."""
        out = []
        for b in self.blocks:
            if isinstance(b, (Heading, Para)):
                out.append(b.text)
            elif isinstance(b, ReportTable):
                out.append(" ".join(b.header))
                out.extend(" ".join(r) for r in b.rows)
        return "\n".join(out)


def mask(text: str, language: str, personal: list[str] | tuple[str, ...] = ()) -> str:
    """A verbatim with phone numbers and e-mail addresses replaced by "[masqué]", and so are
    the ``personal`` values (those of the interview it comes from: a name, a street...)
    written in it, whole or word by word (a capitalised word of 3 letters or more)."""
    word = cat.text("masked", language)
    text = _PHONE.sub(word, _EMAIL.sub(word, text))
    pieces = set()
    for value in personal:
        value = " ".join(value.split())
        if len(value) >= 3:
            pieces.add(value)
            pieces.update(w for w in re.findall(r"\w{3,}", value) if w[0].isupper())
    if pieces:
        alternatives = "|".join(re.escape(p) for p in sorted(pieces, key=len, reverse=True))
        text = re.sub(rf"(?<!\w)(?:{alternatives})(?!\w)", word, text, flags=re.IGNORECASE)
    return text


def personal_values(answers: dict, personal: frozenset[str]) -> list[str]:
    """The texts an interview gave to its personal fields, its repeats' members included."""
    found = []
    for name, value in answers.items():
        if isinstance(value, list):
            for member in value:
                if isinstance(member, dict):
                    found += personal_values(member, personal)
        elif name in personal and isinstance(value, str) and value.strip():
            found.append(value)
    return found


class _ReportBuilder:
    def __init__(self, engine: Engine, plan: ReportPlan, language: str, store, fieldwork):
        self.engine = engine
        self.plan = plan
        self.lang = language
        self.store = store
        self.fieldwork = fieldwork
        self.rows = engine.rows
        if not self.rows:
            raise ResultsError(
                "No interview matches the selection (aucun entretien ne correspond).",
                code=ErrorCode.RESULTS_EMPTY,
            )
        names = [*plan.profile, *plan.questions, *(n for n in (plan.needs,) if n)]
        wanted = [n for n in dict.fromkeys(names) if not engine.question(n).personal]
        self.results = engine.results(self.rows, wanted + list(plan.themes))
        self.blocks: list = []
        self._by_key: dict | None = None  # verbatim key -> row, for the quotes
        self.compared = False  # a "Respondents / Neighbourhood" table was added

    def t(self, key: str, **values) -> str:
        return cat.text(key, self.lang, **values)

    def pct(self, value, base: int) -> str:
        text = cat.percent(value, self.lang)
        return text + ("*" if 0 < base < SMALL_BASE else "")

    def num(self, value) -> str:
        return cat.number(value, self.lang)

    def add(self, *blocks) -> None:
        self.blocks.extend(blocks)

    def build(self) -> Report:
        title = self.plan.title or self.engine.form.title or self.engine.form.form_id
        self.add(
            Para(title, "title"),
            Para(self.t("title"), "subtitle"),
            Para(self.t("generated", date=cat.date(_date.today().isoformat(), self.lang)), "note"),
        )
        self.method()
        self.questions("profile", self.plan.profile)
        if self.store is not None:
            self.references()
        if self.plan.needs:
            self.needs()
        self.questions("questions", self.plan.questions)
        if self.plan.crosstabs:
            self.add(Heading(self.t("crosstabs")))
            for a, b in self.plan.crosstabs:
                self.crosstab(a, b)
        if self.store is not None:
            self.themes()
        self.definitions()
        return Report(self.lang, title, self.blocks)

    # --- sections --------------------------------------------------------------------------

    def questions(self, heading: str, names) -> None:
        """A section of questions under ``heading`` (a catalogue key), if there are any."""
        if names:
            self.add(Heading(self.t(heading)))
            for name in names:
                self.question(name, level=2)

    def method(self) -> None:
        r = self.results
        self.add(
            Heading(self.t("method")),
            Para(
                self.t(
                    "method_text",
                    interviews=self.num(r.interviews),
                    first=cat.date(r.first_day, self.lang),
                    last=cat.date(r.last_day, self.lang),
                    interviewers=self.num(r.interviewers),
                    form=self.engine.form.title or self.engine.form.form_id,
                )
            ),
            Para(self.t("method_counted"), "note"),
        )
        if r.interviews < SMALL_BASE:
            self.add(Para(self.t("small_warning", n=SMALL_BASE), "warning"))
        funnel = self.fieldwork
        if funnel is not None and funnel.steps:
            self.add(Heading(self.t("fieldwork"), 2))
            self.add(
                ReportTable(
                    [self.t("step"), self.t("count")],
                    [[label, self.num(n)] for label, n in funnel.steps],
                    widths=[3, 1],
                )
            )
            if funnel.response_rate is not None:
                self.add(
                    Para(self.t("response_rate", rate=cat.percent(funnel.response_rate, self.lang)))
                )

    def references(self) -> None:
        """Who answered against who lives there ("who answered" section): a table per question
        with the neighbourhood's reference figures, and their source."""
        saved = _reference.load(self.store, self.engine.form.form_id)
        compared = _reference.compare_all(self.engine, self.rows, saved)
        if not compared:
            return
        if not self.plan.profile:
            self.add(Heading(self.t("profile")))
        self.compared = True  # the definitions say what the comparison is
        for c in compared:
            self.add(Heading(self.t("ref_heading", label=c.label), 2))
            rows = [
                [
                    k.label,
                    self.pct(k.percent, c.base),
                    cat.percent(k.reference, self.lang),
                    cat.points(k.difference, self.lang),
                ]
                for k in c.categories
            ]
            self.add(
                ReportTable(
                    [
                        self.t("answer"),
                        self.t("ref_respondents"),
                        self.t("ref_neighbourhood"),
                        self.t("ref_difference"),
                    ],
                    rows,
                    widths=[3, 1.5, 1.8, 1.6],
                )
            )
            unit = self.t("unit_member" if c.unit == "member" else "unit_interview")
            self.add(Para(self.t("ref_base", base=self.num(c.base), unit=unit), "note"))
            if c.outside:
                self.add(Para(self.t("ref_outside", n=self.num(c.outside)), "note"))
            key, year = ("ref_source_year", c.year) if c.year else ("ref_source", None)
            self.add(Para(self.t(key, source=c.source, year=year), "note"))
            if c.small_base:
                self.add(Para(self.t("small_warning", n=SMALL_BASE), "warning"))

    def base_line(self, q: QuestionResult) -> Para:
        unit = self.t("unit_member" if q.unit == "member" else "unit_interview")
        return Para(
            self.t(
                "base_line",
                base=self.num(q.answered),
                unit=unit,
                asked=self.num(q.asked),
                missing=self.num(q.non_responses),
            ),
            "note",
        )

    def question(self, name: str, *, level: int = 2) -> None:
        q = self.results.questions.get(name)
        if q is None or q.personal:
            return
        self.add(Heading(q.label, level))
        if not q.answered:
            self.add(self.base_line(q))
            return
        if q.kind in (SINGLE, MULTIPLE):
            choices = q.choices
            rows = [[c.label, self.num(c.count), self.pct(c.percent, q.base)] for c in choices]
            rows.append(
                [
                    self.t("total"),
                    self.num(q.base),
                    "" if q.kind == MULTIPLE else self.pct(100.0 if q.base else None, q.base),
                ]
            )
            self.add(
                ReportTable(
                    [self.t("answer"), self.t("people"), self.t("percent")],
                    rows,
                    total_row=True,
                    widths=[5, 1.2, 1.2],
                ),
                self.base_line(q),
            )
            if q.kind == MULTIPLE:
                self.add(Para(self.t("multiple_note"), "note"))
            if q.base:
                shown = [c for c in choices if c.count] or choices
                self.add(
                    Image(
                        charts.bars(
                            [c.label for c in shown],
                            [c.percent or 0.0 for c in shown],
                            percent_sign="%",
                        ),
                        q.label,
                    )
                )
        elif q.kind == NUMBER and q.number is not None:
            s = q.number
            stats = [
                ("n", s.n),
                ("mean", s.mean),
                ("median", s.median),
                ("q1", s.q1),
                ("q3", s.q3),
                ("min", s.min),
                ("max", s.max),
            ]
            self.add(
                ReportTable(
                    [self.t("stat"), self.t("value")],
                    [[self.t(k), self.num(v)] for k, v in stats],
                    widths=[3, 1],
                ),
                self.base_line(q),
            )
            if s.bins:
                self.add(Image(charts.histogram(s.bins, xlabel=q.label), q.label))
        elif q.kind == DATE and q.dates is not None:
            self.add(
                Para(
                    self.t(
                        "dates_line",
                        first=cat.date(q.date_min, self.lang),
                        last=cat.date(q.date_max, self.lang),
                    )
                ),
                ReportTable(
                    [self.t("month"), self.t("people")],
                    [[m, self.num(n)] for m, n in q.dates.items()],
                    widths=[3, 1],
                ),
                self.base_line(q),
            )
        elif q.kind == TEXT:
            self.add(Para(self.t("verbatim_count", n=self.num(q.answered))), self.base_line(q))

    def needs(self) -> None:
        ranking = self.engine.ranking(
            self.rows, self.plan.needs, self.plan.needs_by, self.plan.bands
        )
        self.add(Heading(self.t("needs")), Para(self.t("needs_text", base=self.num(ranking.base))))
        rows = [
            [str(i), c.label, self.num(c.count), self.pct(c.percent, ranking.base)]
            for i, c in enumerate(ranking.items, start=1)
        ]
        self.add(
            ReportTable(
                ["#", self.t("answer"), self.t("people"), self.t("percent")],
                rows,
                widths=[0.5, 5, 1.2, 1.2],
            )
        )
        shown = [c for c in ranking.items if c.count] or ranking.items
        self.add(
            Image(
                charts.bars([c.label for c in shown], [c.percent or 0.0 for c in shown]),
                ranking.label,
            )
        )
        if ranking.by and ranking.groups:
            by_label = self.engine.question(ranking.by).label
            self.add(Heading(self.t("needs_by", by=by_label), 2))
            groups = list(ranking.groups.items())
            header = [self.t("answer")] + [
                f"{label} ({self.num(base)})" for _c, (label, base, _i) in groups
            ]
            order = [c.code for c in ranking.items]
            table_rows = []
            for code in order:
                row = [next(c.label for c in ranking.items if c.code == code)]
                for _c, (_label, base, items) in groups:
                    item = next((i for i in items if i.code == code), None)
                    row.append(self.pct(item.percent if item else None, base))
                table_rows.append(row)
            self.add(ReportTable(header, table_rows))
            if any(0 < base < SMALL_BASE for _c, (_l, base, _i) in groups):
                self.add(Para(self.t("small_warning", n=SMALL_BASE), "warning"))

    def crosstab(self, a: str, b: str) -> None:
        table = self.engine.crosstab(self.rows, a, b, self.plan.bands)
        rows_shown = [(c, lab) for c, lab in table.rows if table.row_totals.get(c)]
        cols_shown = [(c, lab) for c, lab in table.columns if table.column_totals.get(c)]
        self.add(Heading(self.t("crosstab_title", a=table.row_label, b=table.column_label), 2))
        header = [""] + [lab for _c, lab in cols_shown] + [self.t("total")]
        body = []
        for r, label in rows_shown:
            base = table.row_totals[r]
            cells = [
                f"{self.num(table.counts[r][c])} ({self.pct(table.row_percent(r, c), base)})"
                for c, _l in cols_shown
            ]
            body.append([label, *cells, self.num(base)])
        body.append(
            [
                self.t("total"),
                *[self.num(table.column_totals[c]) for c, _l in cols_shown],
                self.num(table.total),
            ]
        )
        unit = self.t("unit_member" if table.unit == "member" else "unit_interview")
        self.add(
            ReportTable(
                header, body, total_row=True, widths=[2.2] + [1.0] * len(cols_shown) + [0.8]
            ),
            Para(self.t("crosstab_note", unit=unit, total=self.num(table.total)), "note"),
        )
        if table.small_base:
            self.add(Para(self.t("small_warning", n=SMALL_BASE), "warning"))
        if rows_shown and cols_shown:
            values = [
                [table.row_percent(r, c) or 0.0 for c, _l in cols_shown] for r, _l in rows_shown
            ]
            self.add(
                Image(
                    charts.grouped_bars(
                        [lab for _c, lab in rows_shown], [lab for _c, lab in cols_shown], values
                    ),
                    "",
                )
            )

    def themes(self) -> None:
        form_id = self.engine.form.form_id
        sections = []
        for name in self.plan.themes:
            q = self.results.questions.get(name)
            if q is None or q.personal:
                continue
            themes = coding.themes(self.store, form_id, name)
            if not themes:
                continue
            present = dict(q.verbatims)
            tags = coding.tags(self.store, form_id, name)
            counts = {t.id: 0 for t in themes}
            for key, ids in tags.items():
                if key in present:
                    for i in ids:
                        counts[i] = counts.get(i, 0) + 1
            picked = [
                v
                for qn, v in coding.quotes(self.store, form_id, name)
                if qn == name and v in present
            ]
            sections.append((q, themes, counts, picked, tags, present))
        if not sections:
            return
        self.add(Heading(self.t("themes")))
        for q, themes, counts, picked, tags, present in sections:
            self.add(
                Heading(q.label, 2),
                Para(self.t("theme_note", n=self.num(len(present)), q=q.label), "note"),
            )
            ordered = sorted(themes, key=lambda t: -counts.get(t.id, 0))
            rows = [
                [
                    t.label,
                    self.num(counts.get(t.id, 0)),
                    self.pct(
                        100.0 * counts.get(t.id, 0) / len(present) if present else None,
                        len(present),
                    ),
                ]
                for t in ordered
            ]
            self.add(
                ReportTable(
                    [self.t("theme"), self.t("people"), self.t("percent")],
                    rows,
                    widths=[5, 1.2, 1.2],
                )
            )
            # the same words picked from two interviews are one quote
            words = {}
            for v in picked:
                words.setdefault(" ".join(present[v].split()).casefold(), v)
            picked = list(words.values())
            shown: set[str] = set()
            for theme in ordered:
                quotes = [v for v in picked if theme.id in tags.get(v, []) and v not in shown][
                    : self.plan.quotes_per_theme
                ]
                if not quotes:
                    continue
                self.add(Heading(theme.label, 3))
                for v in quotes:
                    shown.add(v)
                    self.add(self.quote(v, present[v]))
            rest = [v for v in picked if v not in shown][: self.plan.quotes_per_theme]
            if rest:
                self.add(Heading(self.t("quotes"), 3))
                for v in rest:
                    self.add(self.quote(v, present[v]))

    def quote(self, key: str, text: str) -> Para:
        """A picked answer (its verbatim ``key``), masked with its interview's personal
        values, between the language's quotation marks."""
        if self._by_key is None:
            self._by_key = {row.key: row for row in self.rows}
        row = self._by_key.get(key.split("#", 1)[0])
        personal = personal_values(row.answers, self.engine.personal) if row else []
        masked = mask(text, self.lang, personal)
        return Para(f"« {masked} »" if self.lang == "fr" else f"“{masked}”", "quote")

    def definitions(self) -> None:
        self.add(Heading(self.t("definitions")))
        for key in (
            "def_asked",
            "def_base",
            "def_missing",
            "def_multiple",
            "def_small",
            "def_members",
        ):
            self.add(Para(self.t(key, n=SMALL_BASE) if key == "def_small" else self.t(key)))
        if self.fieldwork is not None:
            self.add(Para(self.t("def_rate")))
        if self.compared:
            self.add(Para(self.t("def_reference")))
        self.add(Para(self.t("def_privacy")))


def build_report(
    engine: Engine,
    plan: ReportPlan,
    *,
    language: str = "fr",
    store=None,
    fieldwork: FieldworkFunnel | None = None,
) -> Report:
    """The report's content for ``plan`` over every interview results count."""
    if language not in cat.LANGUAGES:
        raise ResultsError(
            f"The report cannot be written in {language!r}: choose fr or en.",
            code=ErrorCode.RESULTS_PLAN_INVALID,
        )
    plan.check(engine)
    return _ReportBuilder(engine, plan, language, store, fieldwork).build()


def write_report(report: Report, out: Path) -> Path:
    """Write ``report`` as DOCX or PDF, by ``out``'s suffix; the file written."""
    suffix = out.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise ResultsError(
            f"The report {out} must end in .docx or .pdf.", code=ErrorCode.RESULTS_PLAN_INVALID
        )
    partial = out.with_name(out.name + ".part")
    try:
        if suffix == ".docx":
            # python-docx or fpdf2 only for the format asked for
            from surveyor.results.docx_writer import write_docx

            write_docx(report, partial)
        else:
            # python-docx or fpdf2 only for the format asked for
            from surveyor.results.pdf_writer import write_pdf

            write_pdf(report, partial)
        partial.replace(out)
    except BaseException as e:
        partial.unlink(missing_ok=True)  # a failed report leaves no half file behind
        if isinstance(e, OSError) and e.filename in (str(partial), partial):
            e.filename = str(out)  # the person asked for `out`: the error names it
        raise
    return out


__all__ = [
    "FieldworkFunnel",
    "Heading",
    "Image",
    "Para",
    "Report",
    "ReportTable",
    "build_report",
    "mask",
    "write_report",
]
