"""The report plan: which questions the report shows, in which order, which cross-tabs and
themes. Saved as the campaign's plan (in the store) or as a JSON file (``--plan``); the
format is in docs/results.md."""

from __future__ import annotations

import json
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.results.bands import check_bands
from surveyor.results.bands import parse_edges
from surveyor.results.questions import CALCULATED
from surveyor.results.questions import MULTIPLE
from surveyor.results.questions import NUMBER
from surveyor.results.questions import SINGLE
from surveyor.results.questions import TEXT

FORMAT = 1

# Names the default plan looks for, in order: the "needs" question and the profile questions.
_NEEDS_NAMES = ("needs_unmet", "needs", "besoins")
_PROFILE_NAMES = (
    "sector",
    "secteur",
    "housing_type",
    "member_age",
    "member_relationship",
    "member_work",
    "structure_type",
)


@dataclass
class ReportPlan:
    """What the report holds. ``questions``: one table and chart each, in this order;
    ``profile``: the "who answered" questions; ``needs``: a choice question shown as a
    ranking (``needs_by``: also for each value of that question); ``crosstabs``: pairs
    (rows, columns); ``themes``: text questions whose coded themes are shown, with at most
    ``quotes_per_theme`` quotes picked for the report; ``bands``: number question -> the
    edges of its bands where it splits or crosses (others: automatic bands)."""

    form_id: str
    title: str = ""
    questions: list[str] = field(default_factory=list)
    profile: list[str] = field(default_factory=list)
    needs: str | None = None
    needs_by: str | None = None
    crosstabs: list[tuple[str, str]] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    quotes_per_theme: int = 3
    bands: dict[str, tuple[float, ...]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "form": self.form_id,
            "title": self.title,
            "profile": list(self.profile),
            "needs": self.needs,
            "needs_by": self.needs_by,
            "questions": list(self.questions),
            "crosstabs": [list(pair) for pair in self.crosstabs],
            "themes": list(self.themes),
            "quotes_per_theme": self.quotes_per_theme,
            "bands": {name: list(edges) for name, edges in self.bands.items()},
        }

    @classmethod
    def from_json(cls, data: Any, *, where: str = "the report plan") -> ReportPlan:
        def bad(why: str) -> ResultsError:
            return ResultsError(
                f"{where} cannot be used: {why}.", code=ErrorCode.RESULTS_PLAN_INVALID
            )

        if not isinstance(data, dict):
            raise bad("it is not a JSON object")
        if data.get("format", FORMAT) != FORMAT:
            raise bad(f"its format is {data.get('format')!r}, this Surveyor reads {FORMAT}")
        form_id = data.get("form")
        if not isinstance(form_id, str) or not form_id:
            raise bad('"form" (the form id) is missing')

        def names(key: str) -> list[str]:
            value = data.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise bad(f'"{key}" must be a list of question names')
            return list(value)

        pairs = data.get("crosstabs") or []
        if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
            for p in pairs
        ):
            raise bad('"crosstabs" must be a list of [rows, columns] pairs of question names')
        for key in ("needs", "needs_by", "title"):
            if data.get(key) is not None and not isinstance(data.get(key), str):
                raise bad(f'"{key}" must be a text')
        quotes = data.get("quotes_per_theme", 3)
        if not isinstance(quotes, int) or quotes < 0:
            raise bad('"quotes_per_theme" must be a whole number')
        bands = data.get("bands") or {}
        if not isinstance(bands, dict) or not all(isinstance(v, list) for v in bands.values()):
            raise bad('"bands" must map question names to lists of edges (as [15, 30, 45])')
        bands = {name: parse_edges(edges, name=name) for name, edges in bands.items()}
        return cls(
            form_id=form_id,
            title=data.get("title") or "",
            questions=names("questions"),
            profile=names("profile"),
            needs=data.get("needs"),
            needs_by=data.get("needs_by"),
            crosstabs=[(a, b) for a, b in pairs],
            themes=names("themes"),
            quotes_per_theme=quotes,
            bands=bands,
        )

    def without(self, names: frozenset[str] | set[str]) -> ReportPlan:
        """The same plan with ``names`` left out (a cross-tab naming one, a needs question
        or split that is one): a saved plan after some of its questions were marked
        personal."""
        return ReportPlan(
            form_id=self.form_id,
            title=self.title,
            questions=[n for n in self.questions if n not in names],
            profile=[n for n in self.profile if n not in names],
            needs=None if self.needs in names else self.needs,
            needs_by=None if self.needs_by in names else self.needs_by,
            crosstabs=[(a, b) for a, b in self.crosstabs if a not in names and b not in names],
            themes=[n for n in self.themes if n not in names],
            quotes_per_theme=self.quotes_per_theme,
            bands={n: e for n, e in self.bands.items() if n not in names},
        )

    def check(self, engine) -> None:
        """Refuse a plan naming a question the form lacks, or a personal one."""
        named = [*self.questions, *self.profile, *self.themes]
        named += [n for n in (self.needs, self.needs_by) if n]
        named += [n for pair in self.crosstabs for n in pair]
        check_bands(engine, self.bands)
        for name in named:
            q = engine.question(name)
            if q.personal:
                raise ResultsError(
                    f"The report plan names the personal question {name}: "
                    "its answers never go in a report.",
                    code=ErrorCode.RESULTS_PERSONAL,
                )
        if self.needs and engine.question(self.needs).kind not in (SINGLE, MULTIPLE):
            raise ResultsError(
                f"The report plan's needs question {self.needs} is not a choice question.",
                code=ErrorCode.RESULTS_PLAN_INVALID,
            )
        # a cross-tab's rows and columns and a split's groups are the answers themselves,
        # printed as they are: never free text (a name, a phone number, a street...)
        categories = [n for pair in self.crosstabs for n in pair]
        for name in [*categories, *(n for n in (self.needs_by,) if n)]:
            q = engine.question(name)
            numbers = q.kind != CALCULATED or name in engine.results(engine.rows, [name]).questions
            if q.kind == TEXT or not numbers:
                raise ResultsError(
                    f"The report plan splits by the free text question {name}: its answers "
                    "would be printed as they are. Cross-tabs and splits take choice, number or "
                    "date questions.",
                    code=ErrorCode.RESULTS_PLAN_INVALID,
                )


def load_plan(path: str | Path) -> ReportPlan:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ResultsError(
            f"The report plan {path} cannot be read ({e.strerror or e}).",
            code=ErrorCode.RESULTS_PLAN_INVALID,
        ) from e
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ResultsError(
            f"The report plan {path} is not valid JSON ({e}).",
            code=ErrorCode.RESULTS_PLAN_INVALID,
        ) from e
    return ReportPlan.from_json(data, where=f"The report plan {path}")


def save_plan(plan: ReportPlan, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(json.dumps(plan.to_json(), ensure_ascii=False, indent=2) + "\n", "utf-8")
    return path


def default_plan(engine) -> ReportPlan:
    """Every choice and number question that is not personal, the needs question and the
    profile questions when the form has them by their usual names."""
    qs = engine.questions
    questions = [
        q.name for q in qs.values() if not q.personal and q.kind in (SINGLE, MULTIPLE, NUMBER)
    ]
    needs = next((n for n in _NEEDS_NAMES if n in qs and qs[n].kind == MULTIPLE), None)
    profile = [n for n in _PROFILE_NAMES if n in qs and not qs[n].personal]
    themes = [q.name for q in qs.values() if q.kind == TEXT and not q.personal]
    return ReportPlan(
        form_id=engine.form.form_id,
        title=engine.form.title,
        questions=[n for n in questions if n not in profile and n != needs],
        profile=profile,
        needs=needs,
        themes=themes,
    )


__all__ = ["FORMAT", "CALCULATED", "ReportPlan", "default_plan", "load_plan", "save_plan"]
