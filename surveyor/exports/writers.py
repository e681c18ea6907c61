"""Files of an export, written atomically: a temporary file beside the target, then rename."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

from surveyor.exports.layout import Table

XLSX_MAX_ROWS = 1_048_576  # Excel's limit, header row included
SHEET_NAME_MAX = 31
_BAD_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")

# Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with one of
# these (or their full-width forms) as a formula. A row's values are joined, each after a
# "\n", to test the row in one search; a match sends it through the per-cell path (a false
# match only costs that). "\n[...]" is 6 times faster than "(?:^|\n)[...]".
_FORMULA_FIRST = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"
_MAYBE_FORMULA = re.compile("\n[" + re.escape(_FORMULA_FIRST) + "]")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
# Characters XML 1.0 cannot carry (openpyxl refuses them: ILLEGAL_CHARACTERS_RE). Word's
# manual line break (\x0b) and page break (\x0c) become line breaks; the others U+FFFD.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_CARE = re.compile(r"\n=|[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_REPLACEMENT = {"\x0b": "\n", "\x0c": "\n"}


def neutralise_formula(value):
    """``value`` with a ``'`` in front when a spreadsheet would run it as a formula.

    Plain numbers (``-3``, ``+2.5``, ``1e3``) are left alone: they are data, not formulas.
    """
    if (
        isinstance(value, str)
        and value
        and value[0] in _FORMULA_FIRST
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def xml_text(value: str) -> str:
    """``value`` without the control characters an XLSX cell cannot hold (kept readable)."""
    return _ILLEGAL_XML.sub(lambda m: _XML_REPLACEMENT.get(m.group(), "\ufffd"), value)


def _joined(row: list) -> str:
    r"""The row's text values, each after a newline (so that ``\n=`` finds a value's start)."""
    try:
        return "\n" + "\n".join(row)
    except TypeError:  # a value that is not text (answers are text; be lenient)
        return "\n" + "\n".join(v if isinstance(v, str) else "" for v in row)


def safe_file_name(name: str) -> str:
    """A file name without path separators or characters Windows refuses."""
    cleaned = _BAD_FILE_CHARS.sub("_", name).strip(" .")
    return cleaned or "form"


class AtomicFile:
    """A file written to ``<dir>/.<name>.part-<pid>`` and renamed over ``path`` on commit."""

    def __init__(self, path: Path):
        self.path = path
        self.temp = path.with_name(f".{path.name}.part-{os.getpid()}")

    def commit(self) -> None:
        with open(self.temp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(self.temp, self.path)

    def discard(self) -> None:
        try:
            self.temp.unlink()
        except FileNotFoundError:
            pass


class _UnixLines:
    r"""A file for :func:`csv.writer` that ends each record with ``\n`` instead of ``\r\n``.

    Used for the rows that hold a ``\r`` (the others go straight to the file, faster). The
    writer is given ``lineterminator="\r\n"`` because it quotes a field only when it holds a
    character of the terminator: with ``"\n"`` alone, a bare CR in an answer was written
    unquoted and every reader (Excel, pandas, Python's csv) split the row there. ODK
    Central's csv-stringify has the same flaw; quoting is transparent to a reader, so the
    values read back are Central's, and the rows stay whole.
    """

    __slots__ = ("_write",)

    def __init__(self, handle):
        self._write = handle.write

    def write(self, record: str) -> None:
        self._write(record[:-2] + "\n")


class CsvTables:
    """One CSV file per table: ``<form_id>.csv`` and ``<form_id>-<repeat>.csv``.

    With ``bom`` (the files are meant for Excel), a value a spreadsheet would run as a
    formula gets a ``'`` in front (:func:`neutralise_formula`); without it, values are
    written exactly as stored, as ODK Central does.
    """

    def __init__(self, out_dir: Path, form_id: str, tables: list[Table], *, bom: bool):
        self.neutralise = bom
        # id(table) -> (target, handle, writer, writer for rows holding a CR)
        self.files: dict[int, tuple] = {}
        self.paths: list[Path] = []
        encoding = "utf-8-sig" if bom else "utf-8"
        stem = safe_file_name(form_id)
        try:
            for table in tables:
                name = (
                    f"{stem}.csv" if not table.name else f"{stem}-{safe_file_name(table.name)}.csv"
                )
                target = AtomicFile(out_dir / name)
                handle = open(target.temp, "w", encoding=encoding, newline="")  # noqa: SIM115
                writer = csv.writer(handle, lineterminator="\n")
                cr_writer = csv.writer(_UnixLines(handle), lineterminator="\r\n")
                self.files[id(table)] = (target, handle, writer, cr_writer)
                self.paths.append(target.path)
                writer.writerow(table.headers)
        except BaseException:
            self.abort()
            raise

    def write(self, table: Table, row: list) -> None:
        _target, _handle, writer, cr_writer = self.files[id(table)]
        text = _joined(row)
        if self.neutralise and _MAYBE_FORMULA.search(text):
            row = [neutralise_formula(v) for v in row]
        if "\r" in text:
            writer = cr_writer
        writer.writerow(row)

    def commit(self) -> list[Path]:
        for target, handle, *_writers in self.files.values():
            handle.close()
            target.commit()
        return self.paths

    def abort(self) -> None:
        for target, handle, *_writers in self.files.values():
            handle.close()
            target.discard()


def sheet_names(names: list[str]) -> list[str]:
    """Excel sheet names: ≤ 31 characters, no ``[]:*?/\\``, unique ignoring case."""
    used: set[str] = set()
    result = []
    for name in names:
        base = _BAD_SHEET_CHARS.sub("_", name).strip("'") or "sheet"
        candidate = base[:SHEET_NAME_MAX]
        n = 1
        while candidate.lower() in used:
            n += 1
            suffix = f"~{n}"
            candidate = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        used.add(candidate.lower())
        result.append(candidate)
    return result


def _number(value: str):
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            return value


class XlsxTables:
    """One workbook per form (openpyxl write-only: rows stream to disk), a sheet per table.

    The header row is frozen and bold; integer, decimal and 0/1 split columns are written as
    numbers, everything else as text — never as a formula, even when it starts with ``=``;
    control characters XML cannot hold are replaced (:func:`xml_text`). A table longer than Excel's 1,048,576 rows continues on
    a sheet named ``<name>~2``.
    """

    def __init__(self, out_dir: Path, form_id: str, tables: list[Table]):
        # on first use: openpyxl (~1.4 s measured) only for an XLSX export
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        self._cell = WriteOnlyCell
        self._bold = Font(bold=True)
        self.target = AtomicFile(out_dir / f"{safe_file_name(form_id)}.xlsx")
        self.book = Workbook(write_only=True)
        names = sheet_names([form_id if not t.name else t.name for t in tables])
        self.used = {n.lower() for n in names}
        self.sheets: dict[int, list] = {}  # id(table) -> [sheet, rows written, name, parts]
        for table, name in zip(tables, names, strict=True):
            self.sheets[id(table)] = [self._sheet(table, name), 1, name, 1]
        self.numbers = {id(t): sorted(t.numbers) for t in tables}

    def _sheet(self, table: Table, name: str):
        sheet = self.book.create_sheet(title=name)
        sheet.freeze_panes = "A2"
        header = []
        for text in table.headers:
            cell = self._cell(sheet, value=text)
            cell.font = self._bold
            header.append(cell)
        sheet.append(header)
        return sheet

    def write(self, table: Table, row: list) -> None:
        entry = self.sheets[id(table)]
        if entry[1] >= XLSX_MAX_ROWS:
            entry[3] += 1
            base = entry[2]
            name = f"{base[: SHEET_NAME_MAX - 3]}~{entry[3]}"
            while name.lower() in self.used:
                entry[3] += 1
                name = f"{base[: SHEET_NAME_MAX - 3]}~{entry[3]}"
            self.used.add(name.lower())
            entry[0] = self._sheet(table, name)
            entry[1] = 1
        if _XLSX_CARE.search(_joined(row)):
            row = [self._text_cell(entry[0], v) if isinstance(v, str) else v for v in row]
        for column in self.numbers[id(table)]:
            value = row[column]
            if value and isinstance(value, str):
                row[column] = _number(value)
        entry[0].append([v if v != "" else None for v in row])
        entry[1] += 1

    def _text_cell(self, sheet, value: str):
        """``value`` cleaned of control characters; a text cell if openpyxl would see a formula."""
        if _ILLEGAL_XML.search(value):
            value = xml_text(value)
        if value.startswith("="):
            cell = self._cell(sheet, value=value)
            cell.data_type = "s"
            return cell
        return value

    def commit(self) -> list[Path]:
        self.book.save(self.target.temp)
        self.target.commit()
        return [self.target.path]

    def abort(self) -> None:
        try:
            self.book.close()
        except Exception:  # noqa: BLE001 - cleaning up after another error
            pass
        self.target.discard()
