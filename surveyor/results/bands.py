"""Number questions cut into bands when they group figures (age bands, sizes of households...).

A number question used as a grouping (``by``, a cross-tab's rows or columns, the ranking's
split) is cut into bands by its *edges*: with edges 15, 30, 45 the bands are "under 15"
(shown only when some value is under it), 15–29, 30–44 and "45 and over". A value on an edge
goes to the band above it. Without edges set by the coordinator, a question that looks like
an age (its name or label says age, whole numbers from 0 to 120) gets the usual age bands
(0–14, 15–29, 30–44, 45–59, 60–74, 75 and over); another gets about five round-edged
equal-width bands over its values (matplotlib's tick locator picks the round edges).

A band's *code* is short and language-free ("15-29", "75+", "<15", or "2.5-<5" when the
values are not whole numbers): the CLI's JSON uses it as the group key. Its *label* is
written in the results' language ("15–29", "75 et plus" / "75 and over").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass

from surveyor.errors import ErrorCode
from surveyor.errors import ResultsError
from surveyor.results import catalogue

#: The usual age bands' edges (INSEE's 15-year bands).
AGE_EDGES = (0.0, 15.0, 30.0, 45.0, 60.0, 75.0)
#: Automatic bands of a number that is not an age: about this many.
AUTO_BANDS = 5
_AGE_WORD = re.compile(r"(^|[^a-zà-ÿ])(age|âge|ages|âges)([^a-zà-ÿ]|$)", re.IGNORECASE)


def bad_bands(why: str) -> ResultsError:
    return ResultsError(why, code=ErrorCode.RESULTS_BANDS_INVALID)


def parse_edges(value: str | Iterable, *, name: str = "") -> tuple[float, ...]:
    """Edges from ``"15,30,45"`` or a list of numbers; refused (RESULTS_BANDS_INVALID) when
    one is not a number, or they do not increase."""
    items = value.split(",") if isinstance(value, str) else list(value)
    of = f" of {name}" if name else ""
    edges: list[float] = []
    for item in items:
        text = str(item).strip().replace("\u2212", "-")
        try:
            if isinstance(item, bool):
                raise ValueError
            edge = float(text)
        except ValueError:
            raise bad_bands(
                f"The band edges{of} must be numbers separated by commas (as 15,30,45,60,75): "
                f"{str(item).strip()!r} is not a number."
            ) from None
        if edge != edge or abs(edge) == float("inf"):
            raise bad_bands(f"The band edges{of} must be numbers: {text!r} is not one.")
        edges.append(edge)
    if not edges:
        raise bad_bands(f"The band edges{of} are empty: give at least one number (as 15,30,45).")
    for low, high in zip(edges, edges[1:], strict=False):
        if high <= low:
            raise bad_bands(
                f"The band edges{of} must increase: {_plain(high)} comes after {_plain(low)}."
            )
    return tuple(edges)


def split_edges(text: str) -> list[str]:
    """The edges a person typed: separated by semicolons or spaces, a decimal written with
    a point or a comma ("2,5 ; 5"); commas separate them when nothing else does ("15,30")."""
    text = text.strip()
    if ";" in text or any(c.isspace() for c in text):
        return [t.replace(",", ".") for t in re.split(r"[;\s]+", text) if t]
    return text.split(",") if text else []


def _plain(value: float) -> str:
    return f"{value:g}"


def _written(value: float, language: str) -> str:
    """An edge as the language writes it (2,5 in French), without trailing zeros."""
    text = _plain(value)
    return text.replace(".", ",") if language == "fr" else text


def looks_like_age(name: str, label: str, values: Sequence[float]) -> bool:
    """A question named or labelled "age", whose values are whole numbers from 0 to 120."""
    if not (_AGE_WORD.search(name.replace("_", " ")) or _AGE_WORD.search(label)):
        return False
    return all(v.is_integer() and 0 <= v <= 120 for v in values)


def automatic_edges(name: str, label: str, values: Sequence[float]) -> tuple[float, ...]:
    """The default edges of a number question over its ``values`` (see the module's text)."""
    if looks_like_age(name, label, values):
        return AGE_EDGES
    if not values:
        return (0.0,)
    lo, hi = min(values), max(values)
    if lo == hi:
        return (lo,)
    # matplotlib (~0.5 s to import) only when a number without edges is first banded
    from matplotlib.ticker import MaxNLocator

    whole = all(v.is_integer() for v in values)
    ticks = MaxNLocator(nbins=AUTO_BANDS, steps=[1, 2, 2.5, 5, 10], integer=whole).tick_values(
        lo, hi
    )
    edges = [float(t) for t in ticks if t <= hi]
    if len(edges) > 1 and edges[-1] == hi:
        edges.pop()  # no last band holding the maximum alone
    return tuple(edges)


@dataclass(frozen=True, slots=True)
class Bands:
    """Edges cut into bands; ``whole``: the values are whole numbers (labels "15–29")."""

    edges: tuple[float, ...]
    whole: bool = True

    @property
    def _whole_labels(self) -> bool:
        return self.whole and all(e.is_integer() for e in self.edges)

    def index(self, value: float) -> int:
        """0 for "under the first edge", i for the band starting at edges[i - 1]."""
        found = 0
        for i, edge in enumerate(self.edges, start=1):
            if value >= edge:
                found = i
            else:
                break
        return found

    def code(self, index: int) -> str:
        e = self.edges
        if index == 0:
            return f"<{_plain(e[0])}"
        if index == len(e):
            return f"{_plain(e[-1])}+"
        if self._whole_labels:
            return f"{_plain(e[index - 1])}-{_plain(e[index] - 1)}"
        return f"{_plain(e[index - 1])}-<{_plain(e[index])}"

    def label(self, index: int, language: str = "fr") -> str:
        e = self.edges
        n = _written
        if index == 0:
            return catalogue.text("band_under", language, high=n(e[0], language))
        if index == len(e):
            return catalogue.text("band_over", language, low=n(e[-1], language))
        low = n(e[index - 1], language)
        if self._whole_labels:
            return f"{low}–{n(e[index] - 1, language)}"
        return catalogue.text("band_between", language, low=low, high=n(e[index], language))

    def codes(self) -> list[str]:
        return [self.code(i) for i in range(len(self.edges) + 1)]

    def categories(self, language: str, used: set[str]) -> list[tuple[str, str]]:
        """(code, label) of every band in order; "under the first edge" only when ``used``."""
        out = []
        for i in range(len(self.edges) + 1):
            code = self.code(i)
            if i == 0 and code not in used:
                continue
            out.append((code, self.label(i, language)))
        return out

    def code_of(self, value: float) -> str:
        return self.code(self.index(value))


def check_bands(engine, bands: Mapping[str, Sequence[float]] | None) -> dict:
    """``bands`` (question -> edges) checked against the engine's form: each a number question
    of the form, edges that are numbers and increase. Returns question -> edges (tuples)."""
    out = {}
    for name, edges in (bands or {}).items():
        q = engine.question(name)
        if not engine.is_number(q):
            raise bad_bands(
                f"The question {name} is not a number question: only numbers are cut into bands."
            )
        out[name] = parse_edges(edges, name=name)
    return out


def report_language(language: str | None) -> str:
    """The catalogue's language for a results language ("en…" is English, else French)."""
    return "en" if (language or "").lower().startswith("en") else "fr"


__all__ = [
    "AGE_EDGES",
    "Bands",
    "automatic_edges",
    "check_bands",
    "looks_like_age",
    "parse_edges",
    "split_edges",
    "report_language",
]
