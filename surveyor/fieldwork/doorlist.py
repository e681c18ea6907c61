"""Reading a door list (CSV or XLSX) and writing one as an ODK Central Entity list CSV.

Columns are recognised by name, in French and in English, as the national address base (BAN)
exports them (``numero``, ``rep``, ``nom_voie``, ``code_postal``, ``nom_commune``, ``lon``,
``lat``) and as people name them (``numéro``, ``rue``, ``bâtiment``, ``escalier``, ``étage``,
``porte``, ``secteur``, ``quartier``...); any other column can be mapped by the person
(``--map COLUMN=FIELD``). A file is read whole and checked before anything is imported: a bad
row raises :class:`DoorListError` naming its row number (the header is row 1).
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from surveyor.errors import DoorListError
from surveyor.fieldwork.model import ADDRESS_FIELDS

MAX_ROWS = 1_000_000
MAX_FILE_BYTES = 200 * 1024 * 1024
# the fields a column may be mapped to (``--map COLUMN=FIELD``)
FIELDS = ("door_id", *ADDRESS_FIELDS, "lon", "lat", "interviewer", "suffix")

# Recognised column names, folded (lower case, no accents, "_" between words).
ALIASES: dict[str, str] = {}
for _field, _names in {
    "door_id": "door_id id_porte porte_id identifiant_porte __id",
    "number": "numero num no n number house_number numero_voie numero_rue housenumber",
    "suffix": "rep indice_repetition suffixe repetition",
    "street": "rue voie nom_voie street street_name road adresse_voie libelle_voie nom_rue",
    "building": "batiment bat building immeuble residence_batiment",
    "staircase": "escalier esc staircase stairs entree cage",
    "floor": "etage floor niveau",
    "door": "porte door appartement appt apartment logement flat numero_porte",
    "sector": "secteur quartier sector district zone ilot iris",
    "postcode": "code_postal cp postcode postal_code zip zipcode",
    "city": "commune ville city nom_commune town municipality localite",
    "lon": "lon longitude lng long",
    "lat": "lat latitude",
    "interviewer": "enqueteur enqueteuse enqueteur_rice interviewer benevole volunteer",
}.items():
    for _name in _names.split():
        ALIASES[_name] = _field


def fold(name: str) -> str:
    """A column name as compared: lower case, without accents, words joined by "_"."""
    text = unicodedata.normalize("NFKD", str(name or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    folded = re.sub(r"[^0-9a-z_]+", "_", text).strip("_")
    return "__id" if str(name).strip() == "__id" else folded


@dataclass
class DoorList:
    """A door list read and checked: one record per door (``FIELDS`` keys but ``suffix``),
    which column gave each field, and the columns left unused."""

    records: list[dict[str, Any]] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # field -> the file's column
    ignored: list[str] = field(default_factory=list)


def parse_mapping(items: Iterable[str]) -> dict[str, str]:
    """``["Adresse=street", "N°=number"]`` -> {column: field}; DoorListError if malformed."""
    mapping: dict[str, str] = {}
    for item in items:
        column, sep, target = str(item).partition("=")
        if not sep or not column.strip() or not target.strip():
            raise DoorListError(
                f'The mapping {item!r} is not COLUMN=FIELD (for example "Adresse=street"); '
                "nothing was imported."
            )
        target = target.strip()
        if target not in FIELDS:
            raise DoorListError(
                f"The mapping {item!r} names an unknown field {target!r}: use one of "
                f"{', '.join(FIELDS)}; nothing was imported."
            )
        mapping[column.strip()] = target
    return mapping


def read_door_list(
    path: str | Path,
    *,
    mapping: Mapping[str, str] | None = None,
    sector_column: str | None = None,
) -> DoorList:
    """Read and check a door list file (``.csv``, ``.txt``, ``.xlsx``)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise DoorListError(
            f"The door list {path} cannot be read ({e.strerror or e}); nothing was imported."
        ) from e
    if size > MAX_FILE_BYTES:
        raise DoorListError(
            f"The door list {path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
            "nothing was imported."
        )
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path)
    else:
        rows = _csv_rows(path)
    mapping = dict(mapping or {})
    if sector_column:
        mapping[sector_column] = "sector"
    return _records(path, rows, mapping)


def door_list_columns(path: str | Path) -> list[tuple[str, str | None]]:
    """The header of a door list: each column with the field it is recognised as (None when
    not recognised), for a person to map the others before importing. DoorListError if the
    file cannot be read or is empty."""
    path = Path(path)
    rows = _xlsx_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_rows(path)
    for row in rows:
        cells = [_cell(c) for c in row]
        if any(cells):
            seen: set[str] = set()
            columns: list[tuple[str, str | None]] = []
            for name in cells:
                if not name:
                    continue
                target = ALIASES.get(fold(name))
                if target is None and fold(name) == "label":
                    target = "street"  # an Entity list without address properties
                if target in seen:
                    target = None
                if target is not None:
                    seen.add(target)
                columns.append((name, target))
            return columns
    raise DoorListError(f"The door list {path} is empty; nothing was imported.")


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DoorListError(f"The door list {path} is not a text file; nothing was imported.")


def _csv_rows(path: Path) -> Iterator[list[str]]:
    try:
        text = _decode(path.read_bytes(), path)
    except OSError as e:
        raise DoorListError(
            f"The door list {path} cannot be read ({e.strerror or e}); nothing was imported."
        ) from e
    if "\x00" in text:
        raise DoorListError(f"The door list {path} is not a text file; nothing was imported.")
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t|", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as e:
        raise DoorListError(
            f"The door list {path} is not a readable CSV file (row {reader.line_num}: {e}); "
            "nothing was imported.",
            row=reader.line_num,
        ) from e


def _xlsx_rows(path: Path) -> Iterator[list[Any]]:
    # openpyxl (~1.4 s measured) only for an .xlsx door list
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as e:
        raise DoorListError(
            f"The door list {path} is not a readable XLSX file ({e}); nothing was imported."
        ) from e
    try:
        sheet = book.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
    finally:
        book.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _records(path: Path, rows: Iterable[list[Any]], mapping: dict[str, str]) -> DoorList:
    iterator = iter(rows)
    header: list[str] | None = None
    header_row = 0
    for header_row, row in enumerate(iterator, start=1):  # noqa: B007 - used below
        cells = [_cell(c) for c in row]
        if any(cells):
            header = cells
            break
    if header is None:
        raise DoorListError(f"The door list {path} is empty; nothing was imported.")
    result = DoorList()
    index: dict[str, int] = {}
    unknown = [c for c in mapping if c not in header]
    if unknown:
        raise DoorListError(
            f"The door list {path} has no column {unknown[0]!r} (its columns: "
            f"{', '.join(h for h in header if h)}); nothing was imported."
        )
    for position, name in enumerate(header):
        if not name:
            continue
        target = mapping[name] if name in mapping else ALIASES.get(fold(name))
        if target is None or target in index:
            result.ignored.append(name)
            continue
        index[target] = position
        result.columns[target] = name
    label = next((i for i, h in enumerate(header) if fold(h) == "label"), None)
    if "street" not in index and label is not None:
        index["street"] = label  # an Entity list without address properties
        result.columns["street"] = header[label]
        result.ignored = [h for h in result.ignored if h != header[label]]
    if "street" not in index:
        raise DoorListError(
            f"The door list {path} has no street column (looked for rue, voie, nom_voie, "
            f"street...; its columns: {', '.join(h for h in header if h)}). Name the column "
            "with --map COLUMN=street; nothing was imported.",
            row=header_row,
        )
    seen_ids: dict[str, int] = {}
    for number, row in enumerate(iterator, start=header_row + 1):
        cells = [_cell(c) for c in row]
        if not any(cells):
            continue
        if len(result.records) >= MAX_ROWS:
            raise DoorListError(
                f"The door list {path} has more than {MAX_ROWS} doors; nothing was imported.",
                row=number,
            )
        record: dict[str, Any] = {}
        for target, position in index.items():
            record[target] = cells[position] if position < len(cells) else ""
        suffix = record.pop("suffix", "")
        if suffix:
            record["number"] = f"{record.get('number', '')} {suffix}".strip()
        if not record.get("street"):
            raise DoorListError(
                f"Row {number} of the door list {path} has no street; nothing was imported.",
                row=number,
            )
        for coordinate, bound in (("lon", 180.0), ("lat", 90.0)):
            text = record.get(coordinate, "")
            if not text:
                record[coordinate] = None
                continue
            try:
                value = float(text.replace(",", "."))
            except ValueError:
                value = math.nan
            if not math.isfinite(value) or abs(value) > bound:
                raise DoorListError(
                    f"Row {number} of the door list {path} has a {coordinate} {text!r} that is "
                    f"not a number between -{bound:g} and {bound:g}; nothing was imported.",
                    row=number,
                )
            record[coordinate] = value
        postcode = record.get("postcode", "")
        if postcode.isdigit() and len(postcode) == 4:  # 1000 from a spreadsheet: 01000
            record["postcode"] = "0" + postcode
        door_id = record.get("door_id", "")
        if door_id:
            if door_id in seen_ids:
                raise DoorListError(
                    f"Row {number} of the door list {path} has the door id {door_id!r} of row "
                    f"{seen_ids[door_id]}; nothing was imported.",
                    row=number,
                )
            seen_ids[door_id] = number
        for name in ADDRESS_FIELDS:
            record.setdefault(name, "")
        record.setdefault("interviewer", "")
        result.records.append(record)
    return result


# --- ODK Central Entity lists ---------------------------------------------------------------

ENTITY_PROPERTIES = (
    "door_id",
    *ADDRESS_FIELDS,
    "lon",
    "lat",
    "interviewer",
    "status",
)


def write_entity_list(path: str | Path, doors: Iterable[Any]) -> int:
    """Write doors as an ODK Central Entity list CSV: ``label`` (the address on one line),
    then one column per property (``ENTITY_PROPERTIES``). Returns the number of doors."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    count = 0
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["label", *ENTITY_PROPERTIES])
            for door in doors:
                values = []
                for name in ENTITY_PROPERTIES:
                    value = getattr(door, name)
                    values.append("" if value is None else str(value))
                writer.writerow([door.address or door.door_id, *values])
                count += 1
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    return count
