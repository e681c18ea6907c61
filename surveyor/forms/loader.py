"""Load an XLSForm (or an XForm) file into the form model.

pyxform makes the XForm; the model is built from that XForm (``surveyor.forms.xform``), then
each node gets its XLSForm ``type`` and survey-sheet ``row`` back from the spreadsheet.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pickle
import re
import tempfile
import threading
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from importlib.metadata import version as _package_version
from pathlib import Path

from surveyor.errors import FormError
from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Kind
from surveyor.forms.model import Unsupported
from surveyor.forms.xform import SUPPORTED_TYPES
from surveyor.forms.xform import build_form
from surveyor.forms.xform import load_xform
from surveyor.forms.xform import model_unsupported
from surveyor.perf import bulk_allocation

# Bump when the model or the loader changes what a cached Form holds.
# 2: repeats know their initial instances (FormNode.initial_instances).
# 3: a form with a ring of relevance/calculations is never cached (so that a cached form is
#    known to have none, and the check costs nothing on the fast path).
# 4: unsupported features are structured (Unsupported), not English phrases.
MODEL_VERSION = "4"
# pyxform is imported only when a form must really be converted (it takes half a second);
# its version, part of the cache key, comes from the package metadata.
_PYXFORM_VERSION = _package_version("pyxform")
_PYXFORM_IMPORT = threading.Lock()


def import_pyxform() -> None:
    """Import pyxform's modules, one thread at a time.

    The app imports pyxform ahead of time on its file pool while the database thread may load
    a form: two threads importing the same package at once can trip Python's import deadlock
    detection, which drops the half-made package (``KeyError: 'pyxform'`` in the other one).
    Every lazy import of pyxform in Surveyor goes through here first."""
    with _PYXFORM_IMPORT:
        import pyxform.aliases  # noqa: F401 - imported under the lock, used by the callers
        import pyxform.constants  # noqa: F401
        import pyxform.errors  # noqa: F401
        import pyxform.question_type_dictionary  # noqa: F401
        import pyxform.xls2json_backends  # noqa: F401
        import pyxform.xls2xform  # noqa: F401


OLE_MAGIC = b"\xd0\xcf\x11\xe0"
ZIP_MAGIC = b"PK\x03\x04"
MEDIA_SUFFIXES = (".csv", ".xml", ".geojson")

# Zip bombs: an .xlsx is a ZIP, and openpyxl inflates what it reads. Real forms take a few MiB
# at most once uncompressed (6 MiB and a ratio of 30 for the largest of the compatibility
# corpus); these bounds are checked on the central directory before anything is inflated.
# zipfile never inflates a part beyond the size the directory declares (a lying header ends
# in a CRC error), so the declared sizes are a real bound. See docs/RELIABILITY.md.
XLSX_MAX_UNCOMPRESSED = 100 * 1024 * 1024  # every part together
XLSX_MAX_RATIO = 200  # for a part over XLSX_RATIO_FROM once uncompressed
XLSX_RATIO_FROM = 1024 * 1024

# XLSForm types Surveyor knows by name but does not support (reported, never ignored).
KNOWN_UNSUPPORTED_TYPES = frozenset(
    """geotrace geoshape video background-audio background-geopoint audit osm start-geopoint
    select_one_external simserial subscriberid begin_loop xml-external csv-external
    entity""".split()
)
_SHARED_INSTANCE_TYPES = {"xml-external", "csv-external"}  # supported: they add instances


@dataclass(frozen=True, slots=True)
class FormProblem:
    """A problem of a form, where the person can find it."""

    file: str
    sheet: str
    row: int | None
    message: str
    # A warning: the form loads and works (``form check`` still exits 0).
    warning: bool = False
    # What the problem is, for the app to say it in its own language (``message`` is
    # English): a code (see surveyor/ui/formtext.py) and its words from the form.
    code: str = ""
    args: tuple[str, ...] = ()
    unsupported: Unsupported | None = None

    def __str__(self) -> str:
        """``FILE:SHEET:ROW: message``; ``FILE: message`` for a problem of the whole file;
        a warning's message starts with ``warning:``."""
        message = f"warning: {self.message}" if self.warning else self.message
        if not self.sheet and self.row is None:
            return f"{self.file}: {message}"
        return f"{self.file}:{self.sheet}:{self.row if self.row is not None else ''}: {message}"


_ROW_RE = re.compile(r"\[row\s*:\s*(\d+)\]\s*")
_SHEET_RE = re.compile(r"(?:On|on|in) the '(\w+)' sheet")


def pyxform_problem(file: str, message: str) -> FormProblem:
    """A pyxform error message as a FormProblem (sheet and row parsed out of the text)."""
    message = " ".join(str(message).split())
    row_match = _ROW_RE.search(message)
    row = int(row_match.group(1)) if row_match else None
    message = _ROW_RE.sub("", message).strip()
    sheet_match = _SHEET_RE.search(message)
    if sheet_match:
        sheet = sheet_match.group(1).lower()
    elif "choice" in message.lower() and "list" in message.lower() and row is None:
        sheet = "choices"
    elif "settings" in message.lower():
        sheet = "settings"
    else:
        sheet = "survey"
    return FormProblem(file, sheet, row, message)


def whole_file_error(name: str, code: str, reason: str, *args: str) -> FormError:
    """A FormError about the whole file (``name: reason``), with its problem and code for
    the app to say it in its own language."""
    problem = FormProblem(name, "", None, reason, code=code, args=tuple(args))
    return FormError(f"{name}: {reason}", problems=[problem])


def detect_format(data: bytes, name: str = "") -> str:
    """The real format of a form file from its first bytes: xls, xlsx, md, csv or xml."""

    def not_form():
        return whole_file_error(
            name, "not_a_form", "not an XLSForm (not a spreadsheet, Markdown or CSV file)"
        )

    if not data.strip():
        raise whole_file_error(name, "empty", "not an XLSForm (the file is empty)")
    if data.startswith(OLE_MAGIC):
        return "xls"
    if data.startswith(ZIP_MAGIC):
        return "xlsm" if name.lower().endswith(".xlsm") else "xlsx"
    _refuse_markup_named_spreadsheet(data, name)
    if b"\x00" in data[:8192]:
        raise not_form()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_form() from exc
    stripped = text.lstrip()
    lower = name.lower()
    if stripped.startswith("<"):
        return "xml"
    if lower.endswith(".md"):
        return "md"
    if lower.endswith(".csv"):
        return "csv"
    if stripped.startswith("|") and text.count("|", 0, 5000) >= 5:
        return "md"
    if text.count(",", 0, 5000) >= 4:
        return "csv"
    raise not_form()


_SPREADSHEET_SUFFIXES = (".xls", ".xlsx", ".xlsm")


def _refuse_markup_named_spreadsheet(data: bytes, name: str) -> None:
    """A file named .xls/.xlsx that holds an HTML page or an XML Spreadsheet 2003 (websites
    and old tools export tables so): say it is not a spreadsheet, not "not a valid XForm"."""
    suffix = Path(name).suffix.lower()
    if suffix not in _SPREADSHEET_SUFFIXES:
        return
    head = data[:4096]
    codec = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}.get(head[:2], "utf-8")
    if codec != "utf-8":
        head = head[2:]
    text = head.decode(codec, errors="ignore").lstrip("\ufeff \t\r\n").lower()
    if not text.startswith("<"):
        return
    if "<html" in text or "<!doctype html" in text or "<table" in text:
        raise whole_file_error(
            name,
            "html_page",
            f"not a spreadsheet: it is an HTML page saved with a {suffix} name "
            "(open it in a spreadsheet program and save it as an Excel workbook, .xlsx)",
            suffix,
        )
    if "urn:schemas-microsoft-com:office:spreadsheet" in text:
        raise whole_file_error(
            name,
            "xml_spreadsheet",
            "not a spreadsheet Surveyor can read: it is an XML Spreadsheet 2003 "
            "(open it in a spreadsheet program and save it as an Excel workbook, .xlsx)",
        )


def media_beside(path: Path) -> dict[str, bytes]:
    """CSV/XML/GeoJSON files beside the form (for *_from_file, pulldata, instances)."""
    media: dict[str, bytes] = {}
    try:
        entries = sorted(path.parent.iterdir())
    except OSError:
        return media
    for entry in entries:
        if entry == path or not entry.name.lower().endswith(MEDIA_SUFFIXES):
            continue
        try:
            if entry.is_file():
                media[entry.name] = entry.read_bytes()
        except OSError:
            continue
    return media


def cache_key(data: bytes, media: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    digest.update(data)
    for name, content in sorted(media.items()):
        digest.update(b"\0" + name.encode() + b"\0")
        digest.update(content)
    digest.update(f"\0pyxform={_PYXFORM_VERSION}\0model={MODEL_VERSION}".encode())
    return digest.hexdigest()


class LoadStep(StrEnum):
    """The steps of loading a form, in order, for a person waiting on a big one."""

    READ = "read"  # reading the workbook (openpyxl: the longest for a big .xlsx)
    CONVERT = "convert"  # pyxform makes the XForm
    BUILD = "build"  # the form model from the XForm
    CHECK = "check"  # unsupported features, rings of calculations


LOAD_STEPS = tuple(LoadStep)
Progress = Callable[[LoadStep], None]


def _no_progress(_step: LoadStep) -> None:
    return None


def load_form(
    path,
    *,
    cache_dir: Path | None = None,
    refuse_cycles: bool = True,
    progress: Progress | None = None,
) -> Form:
    """Load the XLSForm (or XForm) at ``path`` into a Form; raise FormError if it is not valid.

    With ``cache_dir``, the built Form is kept there and reused while the file, the files
    beside it, pyxform and the model stay the same. A form whose relevance and calculations
    depend on each other in a ring is refused; ``refuse_cycles=False`` loads it anyway (a
    form already stored, whose interviews must stay readable) but never caches it.
    ``progress`` is called with each :class:`LoadStep` as it starts (from this thread).
    """
    progress = progress or _no_progress
    progress(LoadStep.READ)
    path = Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = str(exc.strerror or exc)
        raise whole_file_error(
            name, "unreadable", f"cannot read the file: {reason}", reason
        ) from exc
    media = media_beside(path)
    cache_file = None
    if cache_dir is not None:
        cache_file = Path(cache_dir) / f"{cache_key(data, media)}.form.pickle"
        cached = _read_cache(cache_file)
        if cached is not None:
            return cached
    form = load_form_bytes(data, name, media=media, refuse_cycles=False, progress=progress)
    progress(LoadStep.CHECK)
    problems = _cycle_problems(form, name)
    if problems and refuse_cycles:
        raise _cycle_error(name, problems)
    if cache_file is not None and not problems:
        _write_cache(cache_file, form)
    return form


def _read_cache(cache_file: Path) -> Form | None:
    try:
        with open(cache_file, "rb") as handle:
            with bulk_allocation():
                form = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # corrupt or stale: rebuilt and replaced
        return None
    return form if isinstance(form, Form) else None


def _write_cache(cache_file: Path, form: Form) -> None:
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_file.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(form, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache_file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a cache that cannot be written only costs time


def read_definition(data: bytes, name: str):
    """pyxform's reading of the workbook (sheets as lists of row dicts)."""
    fmt = detect_format(data, name)
    if fmt == "xml":
        return fmt, None
    if fmt in ("xlsx", "xlsm"):
        refuse_zip_bomb(data, name)  # before pyxform (half a second to import) or openpyxl
    import_pyxform()  # first, under its lock
    # pyxform (~1 s measured) only to convert: the compiled cache spares it
    from pyxform.errors import PyXFormError
    from pyxform.xls2json_backends import get_xlsform

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's remarks on odd workbooks
            definition = get_xlsform(io.BytesIO(data), file_type="." + fmt)
    except PyXFormError as exc:
        reason = _reason(exc)
        if "not recognized" in reason:
            reason = f"cannot read it as .{fmt}: the file is damaged or not a real .{fmt} file"
        raise whole_file_error(name, "damaged", f"not an XLSForm ({reason})", fmt) from exc
    except Exception as exc:  # corrupt workbooks make the readers raise anything
        raise whole_file_error(
            name, "damaged", f"not an XLSForm (cannot read it as .{fmt}: {exc})", fmt
        ) from exc
    if not definition.survey:
        raise whole_file_error(name, "no_survey", "not an XLSForm (no 'survey' sheet)")
    return fmt, definition


def refuse_zip_bomb(data: bytes, name: str) -> None:
    """Raise FormError when the ZIP ``data`` would inflate past the bounds of a form file.

    Reads only the central directory: nothing is decompressed.
    """

    def refuse(reason: str) -> FormError:
        return whole_file_error(name, "too_big", f"refused: {reason} (is it a zip bomb?)")

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise FormError(
            f"{name}: not an XLSForm (cannot read it as .xlsx: the file is damaged or not a "
            f"real .xlsx file: {exc})"
        ) from exc
    total = sum(part.file_size for part in parts)
    if total > XLSX_MAX_UNCOMPRESSED:
        raise refuse(
            f"once uncompressed it would take {_mib(total)}, and a form file may take at most "
            f"{_mib(XLSX_MAX_UNCOMPRESSED)}"
        )
    for part in parts:
        if part.file_size > XLSX_RATIO_FROM and part.file_size > XLSX_MAX_RATIO * max(
            part.compress_size, 1
        ):
            ratio = part.file_size // max(part.compress_size, 1)
            raise refuse(
                f"its part {part.filename} is compressed {ratio:,} times ({_mib(part.file_size)} "
                f"once uncompressed), and a form's part may be compressed at most "
                f"{XLSX_MAX_RATIO} times"
            )


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MiB"


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text.split("Must be one of")[0].strip() or type(exc).__name__


def convert(definition, name: str):
    """pyxform's XForm of a read workbook; FormError with the problems otherwise."""
    import_pyxform()  # first, under its lock
    # pyxform (~1 s measured) only to convert: the compiled cache spares it
    from pyxform.xls2xform import convert as pyxform_convert

    stem = Path(name).stem or "form"
    fields = {f.name: getattr(definition, f.name) for f in dataclasses.fields(definition)}
    fields["fallback_form_name"] = stem
    notes: list[str] = []
    try:
        try:
            result = pyxform_convert(xlsform=fields, warnings=notes, validate=False)
        except Exception as exc:
            if "allow_choice_duplicates" not in str(exc):
                raise
            # Older Kobo forms repeat choice names in a list: Kobo accepts them, so do we.
            settings = [dict(row) for row in (fields.get("settings") or [{}])] or [{}]
            settings[0]["allow_choice_duplicates"] = "yes"
            fields["settings"] = settings
            header = dict.fromkeys(settings[0])
            for row in fields.get("settings_header") or []:
                header.update(row)
            fields["settings_header"] = [header]
            notes = ["duplicate choice names in a list are allowed for this form"]
            result = pyxform_convert(xlsform=fields, warnings=notes, validate=False)
    except Exception as exc:  # pyxform raises PyXFormError, and sometimes others
        problem = pyxform_problem(name, str(exc) or type(exc).__name__)
        problem = dataclasses.replace(problem, code="pyxform")
        if problem.row is None:
            problem = _locate(problem, definition)
        where = f" (sheet {problem.sheet}, row {problem.row})" if problem.row else ""
        problems = _with_row_problems(problem, row_problems(definition, name))
        raise FormError(f"{name}{where}: {problem.message}", problems=problems) from exc
    return result.xform, notes


_REFERENCE_RE = re.compile(r"\$\{([^}]*)\}")
_REFERENCE_COLUMNS = (
    "relevant",
    "constraint",
    "required",
    "calculation",
    "choice_filter",
    "default",
    "repeat_count",
    "read_only",
    "label",
    "hint",
)
_STRUCTURE_TYPES = frozenset(
    """begin_group end_group begin_repeat end_repeat begin_loop end_loop select_one
    select_multiple rank select_one_from_file select_multiple_from_file
    select_one_external""".split()
)


def row_problems(definition, name: str) -> list[FormProblem]:
    """What can be found row by row once pyxform refused a form (it stops at its first
    problem): unknown question types, lists of choices not in the choices sheet, ``${name}``
    of no question. Each with its code, for the app to say it in its language."""
    import_pyxform()  # first, under its lock
    # pyxform (~1 s measured) only to convert: the compiled cache spares it
    from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

    rows = list(getattr(definition, "survey", None) or [])
    names = {str(r.get("name")).strip() for r in rows if r.get("name")}
    lists = {
        str(r.get("list_name") or r.get("list name") or "").strip()
        for r in (getattr(definition, "choices", None) or [])
    }
    known_raw = {key.lower() for key in QUESTION_TYPE_DICT}
    found: list[FormProblem] = []
    for index, row in enumerate(rows):
        number = index + 2
        raw = " ".join(str(row.get("type") or "").split())
        kind = xlsform_type(raw) if raw else None
        if kind is not None:
            known = (
                kind in SUPPORTED_TYPES
                or kind in KNOWN_UNSUPPORTED_TYPES
                or kind in _STRUCTURE_TYPES
                or raw.lower() in known_raw
            )
            if not known:
                found.append(
                    FormProblem(
                        name,
                        "survey",
                        number,
                        f"unknown question type '{raw}'",
                        code="unknown_type",
                        args=(raw,),
                    )
                )
            elif kind in ("select_one", "select_multiple", "rank") and lists:
                words = raw.split()
                list_name = words[-1] if len(words) > 1 else ""
                if list_name and list_name not in lists and not list_name.startswith("$"):
                    found.append(
                        FormProblem(
                            name,
                            "survey",
                            number,
                            f"the list of choices '{list_name}' is not in the choices sheet",
                            code="missing_choice_list",
                            args=(list_name,),
                        )
                    )
        for column in _REFERENCE_COLUMNS:
            value = row.get(column)
            if not isinstance(value, str):
                continue
            for ref in _REFERENCE_RE.findall(value):
                ref = ref.strip()
                if ref and ref not in names and not ref.startswith("last-saved#"):
                    found.append(
                        FormProblem(
                            name,
                            "survey",
                            number,
                            f"{column}: ${{{ref}}} names no question of the form",
                            code="unknown_reference",
                            args=(column, ref),
                        )
                    )
    return list(dict.fromkeys(found))


def _with_row_problems(first: FormProblem, found: list[FormProblem]) -> list[FormProblem]:
    """pyxform's problem and the others found row by row, each once, in row order; pyxform's
    problem takes the code of the same one found row by row (its English words stay)."""
    problems = [first]
    for problem in found:
        same = (
            problem.sheet == first.sheet
            and problem.row == first.row
            and problem.args
            and re.search(rf"(?<![\w.-]){re.escape(problem.args[-1])}(?![\w.-])", first.message)
        )
        if same and problems[0].code == "pyxform":
            problems[0] = dataclasses.replace(first, code=problem.code, args=problem.args)
        else:
            problems.append(problem)
    problems.sort(key=lambda p: (p.sheet != "survey", p.row or 0))
    return problems


_QUOTED_RE = re.compile(r"'([^']+)'")
_LIST_RE = re.compile(r"(?:list name|List name)[^:]*:\s*'?([\w.-]+)")


def _locate(problem: FormProblem, definition) -> FormProblem:
    """Find the row of a pyxform error that gave none, from the value it quotes."""
    wanted = _QUOTED_RE.findall(problem.message) + _LIST_RE.findall(problem.message)
    for sheet in ("survey", "choices"):
        rows = getattr(definition, sheet, None) or []
        for value in wanted:
            for i, row in enumerate(rows):
                cells = [row.get("type"), row.get("name"), row.get("list_name")]
                if value in cells or any(
                    isinstance(c, str) and c.split()[1:2] == [value] for c in cells
                ):
                    return dataclasses.replace(problem, sheet=sheet, row=i + 2)
    return problem


def load_form_bytes(
    data: bytes,
    name: str,
    *,
    media: dict[str, bytes] | None = None,
    refuse_cycles: bool = True,
    progress: Progress | None = None,
) -> Form:
    """Load a form from the bytes of its file; ``name`` gives its file name.

    A form whose calculations and relevance depend on each other in a ring is refused
    (FormError), as ODK does; ``refuse_cycles=False`` is for ``form check``, which reports
    the rings with every other problem.
    """
    form = _load_form_bytes(data, name, dict(media or {}), progress or _no_progress)
    if refuse_cycles:
        problems = _cycle_problems(form, name)
        if problems:
            raise _cycle_error(name, problems)
    return form


def _cycle_problems(form: Form, name: str) -> list[FormProblem]:
    # the expression parser (lark, ~0.4 s measured) only when a form is converted
    from surveyor.forms.cycles import value_cycles

    return [
        FormProblem(
            name, "survey", c.links[0][0].row, c.describe(), code="cycle", args=tuple(c.names())
        )
        for c in value_cycles(form)
    ]


def _cycle_error(name: str, problems: list[FormProblem]) -> FormError:
    first = problems[0]
    where = f" (sheet survey, row {first.row})" if first.row is not None else ""
    return FormError(f"{name}{where}: {first.message}", problems=problems)


def _load_form_bytes(
    data: bytes, name: str, media: dict[str, bytes], progress: Progress = _no_progress
) -> Form:
    fmt, definition = read_definition(data, name)
    if fmt == "xml":
        progress(LoadStep.BUILD)
        try:
            form = load_xform(data.decode("utf-8-sig"), media=media)
        except UnicodeDecodeError as exc:
            raise whole_file_error(name, "not_a_form", "not an XForm (not UTF-8 text)") from exc
        except FormError as exc:
            raise FormError(f"{name}: {exc}") from exc
        form.source_name, form.source_bytes = name, data
        return form
    survey_rows = [
        (i + 2, row.get("type"), row.get("name", row.get("value")))
        for i, row in enumerate(definition.survey)
    ]
    extra = sheet_unsupported(definition)
    progress(LoadStep.CONVERT)
    xform, warnings = convert(definition, name)
    progress(LoadStep.BUILD)
    needed = {src.rsplit("/", 1)[-1] for src in re.findall(r'src="([^"]+)"', xform)}
    form_media = {k: v for k, v in media.items() if k in needed}
    try:
        form = build_form(xform, form_media)
    except FormError as exc:
        raise FormError(f"{name}: {exc}") from exc
    unmatched = apply_survey_rows(form, survey_rows)
    form.unsupported.extend(extra)
    form.unsupported.extend(model_unsupported(form))
    form.unsupported.extend(unmatched)
    form.unsupported = list(dict.fromkeys(form.unsupported))
    form.warnings = [" ".join(w.split()) for w in warnings]
    missing = sorted(needed - set(form_media))
    form.warnings.extend(f"the file {m} the form uses is not beside it" for m in missing)
    form.source_name, form.source_bytes = name, data
    return form


def sheet_unsupported(definition) -> list[Unsupported]:
    import_pyxform()  # first, under its lock
    # pyxform (~1 s measured) only to convert: the compiled cache spares it
    from pyxform import constants as pxc

    found = []
    for sheet, feature in (
        (pxc.ENTITIES, "entities"),
        (pxc.OSM, "osm"),
        (pxc.EXTERNAL_CHOICES, "external_choices"),
    ):
        if any(getattr(definition, sheet, None) or []):
            found.append(Unsupported(feature))
    return found


_TYPE_ALIASES = {
    "int": "integer",
    "string": "text",
    "gps": "geopoint",
    "location": "geopoint",
    "photo": "image",
    "picture": "image",
    "datetime": "datetime",
    "date_time": "datetime",
    "device_id": "deviceid",
    "phone_number": "phonenumber",
    "start_time": "start",
    "end_time": "end",
    "trigger": "acknowledge",
    "begin_lgroup": "begin_repeat",
    "begin_looped_group": "begin_repeat",
    "begin_loop": "begin_loop",
}


def xlsform_type(raw: str | None) -> str | None:
    """The canonical XLSForm type of a ``type`` cell (``select one yn`` -> ``select_one``)."""
    if not raw:
        return None
    import_pyxform()  # first, under its lock
    # pyxform (~1 s measured) only to convert: the compiled cache spares it
    from pyxform import aliases
    from pyxform import constants as pxc

    text = " ".join(str(raw).split())
    low = text.lower()
    for alias in sorted(aliases.select, key=len, reverse=True):
        if low == alias or low.startswith(alias + " "):
            if alias in aliases.select_from_file:
                return "select_one_from_file" if "one" in alias else "select_multiple_from_file"
            return {
                pxc.SELECT_ONE: "select_one",
                pxc.SELECT_ALL_THAT_APPLY: "select_multiple",
                pxc.SELECT_ONE_EXTERNAL: "select_one_external",
                pxc.RANK: "rank",
            }.get(aliases.select[alias], low.split()[0])
    if low.startswith("q "):
        low = low[2:]
    low = low.removeprefix("uri:")
    words = low.replace("_", " ").split()
    if words[0] in ("begin", "end") and len(words) > 1:
        key = "_".join(words[:2])
        if key == "begin_looped":
            key = "begin_repeat"
        return _TYPE_ALIASES.get(key, key)
    key = low.replace(" ", "_")
    key = _TYPE_ALIASES.get(key, key)
    if text == "dateTime":
        key = "datetime"
    return key


def apply_survey_rows(form: Form, survey_rows) -> list[Unsupported]:
    """Give nodes their XLSForm type and row; phrases for unsupported rows with no node."""
    root = form.root
    stack: list[str] = [root.path]
    unmatched: list[Unsupported] = []
    for row_number, raw_type, name in survey_rows:
        kind = xlsform_type(raw_type)
        if kind is None:
            continue
        name = str(name).strip() if name is not None else ""
        if kind.startswith("end_") or kind == "end_group" or kind == "end_repeat":
            if len(stack) > 1:
                stack.pop()
            continue
        path = f"{stack[-1]}/{name}" if name else None
        node: FormNode | None = form.nodes.get(path) if path else None
        if node is None and name:  # audit and other metadata go under meta/
            node = form.nodes.get(f"{root.path}/meta/{name}")
        if kind.startswith("begin_"):
            stack.append(path or stack[-1])
        if node is None:
            if kind in KNOWN_UNSUPPORTED_TYPES and kind not in _SHARED_INSTANCE_TYPES:
                unmatched.append(Unsupported("type", kind, name=name, row=row_number))
            continue
        node.row = row_number
        if node.kind is Kind.FIELD and (kind in SUPPORTED_TYPES or kind in KNOWN_UNSUPPORTED_TYPES):
            node.type = kind
        elif node.kind is not Kind.FIELD and kind.startswith("begin_"):
            node.type = kind if kind in ("begin_group", "begin_repeat") else node.type
            if kind not in ("begin_group", "begin_repeat"):
                unmatched.append(Unsupported("type", kind, name=name, row=row_number))
    return unmatched


__all__ = [
    "LOAD_STEPS",
    "LoadStep",
    "load_form",
    "load_form_bytes",
    "detect_format",
    "FormProblem",
    "MODEL_VERSION",
]
