"""Charts of the report as PNG bytes, drawn with matplotlib's Agg backend (no display, no Qt)."""

from __future__ import annotations

import textwrap
from io import BytesIO

import matplotlib

matplotlib.use("Agg", force=True)

from matplotlib.figure import Figure  # noqa: E402 - after choosing the backend

COLOUR = "#2F5D62"
WIDTH_IN = 6.3  # the text width of an A4 page with 2.5 cm margins
DPI = 150


def _png(fig: Figure) -> bytes:
    buffer = BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    return buffer.getvalue()


def _wrap(label: str, width: int = 38) -> str:
    lines = textwrap.wrap(label, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: width - 1] + "…"]
    return "\n".join(lines)


def bars(labels: list[str], values: list[float], *, percent_sign: str = "%") -> bytes:
    """Horizontal bars, first label at the top, each bar with its value written beside it."""
    height = 0.9 + 0.42 * len(labels) * (1.25 if any(len(x) > 38 for x in labels) else 1)
    fig = Figure(figsize=(WIDTH_IN, min(height, 9.0)))
    ax = fig.add_subplot()
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, values, color=COLOUR, height=0.65)
    ax.set_yticks(positions, [_wrap(x) for x in labels], fontsize=8.5)
    top = max(values + [1.0])
    ax.set_xlim(0, top * 1.18)
    for y, v in zip(positions, values, strict=True):
        text = f"{v:.0f}{percent_sign}" if v >= 10 or v == 0 else f"{v:.1f}{percent_sign}"
        ax.text(v + top * 0.01, y, text, va="center", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(axis="x", labelsize=8)
    fig.tight_layout()
    return _png(fig)


def histogram(bins: list[tuple[float, float, int]], *, xlabel: str = "") -> bytes:
    fig = Figure(figsize=(WIDTH_IN, 2.6))
    ax = fig.add_subplot()
    lefts = [b[0] for b in bins]
    widths = [max(b[1] - b[0], 1e-9) for b in bins]
    ax.bar(lefts, [b[2] for b in bins], width=widths, align="edge", color=COLOUR, edgecolor="white")
    ax.set_xlabel(xlabel, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    fig.tight_layout()
    return _png(fig)


def grouped_bars(
    row_labels: list[str], column_labels: list[str], values: list[list[float]], *, percent_sign="%"
) -> bytes:
    """For a cross-tab: one group of bars per row, one bar per column (row percentages)."""
    # numpy comes with matplotlib; imported only when a chart is drawn
    import numpy

    n_rows, n_cols = len(row_labels), len(column_labels)
    fig = Figure(figsize=(WIDTH_IN, min(1.2 + 0.3 * n_rows * n_cols, 9.0)))
    ax = fig.add_subplot()
    height = 0.8 / max(n_cols, 1)
    base = numpy.arange(n_rows)[::-1]
    cmap = matplotlib.colormaps["tab10"]
    for j, label in enumerate(column_labels):
        ax.barh(
            base + (n_cols / 2 - j - 0.5) * height,
            [values[i][j] for i in range(n_rows)],
            height=height,
            color=cmap(j % 10),
            label=_wrap(label, 30),
        )
    ax.set_yticks(base, [_wrap(x) for x in row_labels], fontsize=8.5)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(axis="x", labelsize=8)
    ax.legend(
        fontsize=7,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=min(n_cols, 3),
        frameon=False,
    )
    fig.tight_layout()
    return _png(fig)


__all__ = ["bars", "grouped_bars", "histogram"]
