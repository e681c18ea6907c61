"""Build the bundled forms' workbooks (``forms/*.xlsx``) from their text sources.

    uv run python packaging/build_forms.py            # forms/src/*.md -> forms/*.xlsx
    uv run python packaging/build_forms.py --out DIR  # writes the workbooks elsewhere

The sources in ``forms/src/`` are the questionnaires, one Markdown file each in pyxform's
Markdown form of XLSForm (https://xlsform.org): one table a sheet, the sheet's name in the
first column of its header row. They are read, reviewed and diffed as text; edit them, run
this script and commit both (``tests/test_bundled_forms.py`` checks that they agree).

The workbooks are what a coordinator opens in Excel or LibreOffice and what the app ships:
the same cells, with a styled and frozen header row, readable column widths, wrapped text
and filters.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl import load_workbook
from openpyxl.styles import Alignment
from openpyxl.styles import Font
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from pyxform.xls2json_backends import md_table_to_workbook

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "forms" / "src"
SHEETS = ["survey", "choices", "settings"]

#: Width (in characters) of each kind of column, so that a coordinator can read the sheet;
#: a translated column (``label::Français (fr)``) takes the width of its base name.
WIDTHS = {
    "type": 30,
    "name": 28,
    "label": 60,
    "hint": 45,
    "required": 14,
    "required_message": 34,
    "relevant": 42,
    "constraint": 36,
    "constraint_message": 40,
    "calculation": 40,
    "default": 16,
    "choice_filter": 34,
    "appearance": 14,
    "list_name": 22,
    "form_title": 44,
    "form_id": 24,
    "version": 14,
    "default_language": 18,
    "instance_name": 60,
    "personal": 10,
}
OTHER_WIDTH = 18
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="2F5D62")
WRAP = Alignment(wrap_text=True, vertical="top")
CREATED = datetime(2026, 11, 22)


def read_source(path: Path) -> Workbook:
    """The source's tables as a workbook, read by pyxform's own Markdown parser."""
    buffer = BytesIO()
    md_table_to_workbook(path.read_text(encoding="utf-8")).save(buffer)
    workbook = load_workbook(buffer)
    if workbook.sheetnames != SHEETS:
        raise SystemExit(f"{path}: expected the tables {SHEETS}, found {workbook.sheetnames}")
    return workbook


def style(workbook: Workbook) -> None:
    """Header row bold on a dark fill and frozen, columns sized, long text wrapped."""
    for ws in workbook.worksheets:
        for index, header in enumerate(next(ws.iter_rows(max_row=1)), start=1):
            header.font = HEADER_FONT
            header.fill = HEADER_FILL
            base = str(header.value).split("::")[0]
            ws.column_dimensions[get_column_letter(index)].width = WIDTHS.get(base, OTHER_WIDTH)
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if cell.value is not None:
                    cell.alignment = WRAP
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    (settings,) = workbook["settings"].iter_rows(min_row=2, values_only=True)
    headers = next(workbook["settings"].iter_rows(max_row=1, values_only=True))
    workbook.properties.title = dict(zip(headers, settings, strict=False)).get("form_title")
    workbook.properties.creator = "Surveyor"
    workbook.properties.created = CREATED


def build(source: Path, out: Path) -> Path:
    """Write the workbook of one source into ``out``; returns its path."""
    workbook = read_source(source)
    style(workbook)
    path = out / f"{source.stem}.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def sources() -> list[Path]:
    return sorted(SOURCES.glob("*.md"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / "forms",
        help="directory to write the workbooks into (default: forms/)",
    )
    args = parser.parse_args(argv)
    for source in sources():
        print(f"wrote {build(source, args.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
