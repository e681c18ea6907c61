"""The funnel as tables, for the coordinator's export (CSV or XLSX) and the fieldwork view."""

from __future__ import annotations

import csv
from dataclasses import fields
from pathlib import Path

from surveyor.errors import FieldworkError
from surveyor.fieldwork.model import FieldworkReport
from surveyor.fieldwork.model import Funnel

# the columns of every funnel table, after its scope and name: the funnel's counts, then its rates
COLUMNS = (*(f.name for f in fields(Funnel)), "contact_rate", "response_rate")
SCOPES = ("overall", "sector", "interviewer", "day")


def funnel_row(funnel: Funnel) -> list:
    data = funnel.to_dict()
    return [data[c] for c in COLUMNS]


def report_tables(report: FieldworkReport) -> dict[str, list[list]]:
    """scope -> rows ``[name, *COLUMNS values]`` (overall: one row named "")."""
    return {
        "overall": [["", *funnel_row(report.overall)]],
        "sector": [[k, *funnel_row(f)] for k, f in report.by_sector.items()],
        "interviewer": [[k, *funnel_row(f)] for k, f in report.by_interviewer.items()],
        "day": [[k, *funnel_row(f)] for k, f in report.by_day.items()],
    }


def write_report(path: Path, report: FieldworkReport) -> Path:
    """Write the funnel: ``.csv`` (one table, a ``scope`` column first) or ``.xlsx`` (a sheet
    per scope). Written to a temporary name, then renamed."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise FieldworkError(
            f"The fieldwork export {path} must end in .csv or .xlsx; nothing was written."
        )
    tables = report_tables(report)
    tmp = path.with_name(path.name + ".part")
    try:
        if suffix == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
                writer = csv.writer(f)
                writer.writerow(["scope", "name", *COLUMNS])
                for scope in SCOPES:
                    for row in tables[scope]:
                        writer.writerow([scope, *("" if v is None else v for v in row)])
        else:
            # openpyxl (~1.4 s measured) only for an .xlsx report
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            for scope in SCOPES:
                sheet = book.create_sheet(scope)
                sheet.append(["name", *COLUMNS])
                for row in tables[scope]:
                    sheet.append([str(row[0]), *row[1:]])
            book.save(tmp)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    return path
