"""The funnel written to a file for funders and spreadsheets: CSV (one table) or XLSX (one
sheet per view: overall, by sector, by interviewer, by day)."""

from __future__ import annotations

import csv
from pathlib import Path

from surveyor.fieldwork.model import FieldworkReport, Funnel

# The columns, in the order of docs/fieldwork.md's funnel.
COLUMNS = (
    "doors",
    "visited",
    "contacted",
    "absent",
    "refused",
    "appointments",
    "vacant",
    "ineligible",
    "later",
    "started",
    "done",
    "never_visited",
    "visits",
    "contact_rate",
    "response_rate",
)
VIEWS = ("overall", "by_sector", "by_interviewer", "by_day")


def report_rows(report: FieldworkReport) -> list[list]:
    """``[view, name, *COLUMNS]`` rows: the overall funnel first, then each group."""
    rows: list[list] = []

    def add(view: str, name: str, funnel: Funnel) -> None:
        data = funnel.to_dict()
        rows.append([view, name, *(data[c] for c in COLUMNS)])

    add("overall", "", report.overall)
    for view in VIEWS[1:]:
        for name, funnel in getattr(report, view).items():
            add(view, name, funnel)
    return rows


def write_fieldwork_report(path: str | Path, report: FieldworkReport) -> Path:
    """Write the funnel as CSV (UTF-8 with BOM, for spreadsheets) or XLSX (by the suffix);
    written to a temporary file first, so a failure leaves no half file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    rows = report_rows(report)
    header = ["view", "name", *COLUMNS]
    try:
        if path.suffix.lower() == ".xlsx":
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            for view in VIEWS:
                sheet = book.create_sheet(view)
                sheet.append(header[1:])
                for row in rows:
                    if row[0] == view:
                        sheet.append(row[1:])
            book.save(tmp)
        else:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
                writer = csv.writer(f)
                writer.writerow(header)
                writer.writerows(["" if v is None else v for v in row] for row in rows)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    return path
