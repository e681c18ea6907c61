"""Exports for analysis: CSV in the shape of ODK Central's CSV export, and XLSX.

Per form (every stored version merged into one set of tables):

- ``<form_id>.csv``: ``SubmissionDate``, one column per field named by its group path joined
  with ``-`` (``household-street``, ``meta-instanceID``...), in the form's order, then ``KEY``,
  ``SubmitterID``, ``SubmitterName``, ``AttachmentsPresent``, ``AttachmentsExpected``,
  ``Status``, ``ReviewState``, ``DeviceID``, ``Edits``, ``FormVersion`` (and ``DoorID``, the
  door it was made at, when some interviews were started from a door: docs/fieldwork.md);
- ``<form_id>-<repeat>.csv`` per repeat: the repeat's fields (path below the repeat), then
  ``PARENT_KEY`` and ``KEY`` (``uuid:…/household/member[1]``);
- or one ``<form_id>.xlsx`` with a sheet per table (answers as text cells, never formulas).

Interviews are read a batch at a time (memory does not grow with their number) and every
file is written to a temporary name, then renamed: a failed export leaves no half file.
See docs/PERFORMANCE.md § Exports for the layout decisions and the figures.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from surveyor.errors import ExportError
from surveyor.exports.layout import Layout
from surveyor.exports.layout import build_layout
from surveyor.exports.layout import resolve_language
from surveyor.exports.rows import RowMaker
from surveyor.exports.writers import CsvTables
from surveyor.exports.writers import XlsxTables
from surveyor.exports.writers import safe_file_name
from surveyor.exports.writers import sheet_names
from surveyor.interviews.record import Status
from surveyor.privacy.personal import personal_fields
from surveyor.privacy.pseudonym import Pseudonymiser
from surveyor.privacy.settings import PrivacySettings
from surveyor.services.interviews import FormLibrary
from surveyor.store.fieldwork import FieldworkStore
from surveyor.store.queries import SUBMITTED

Progress = Callable[[int, int], None]
FORMATS = ("csv", "xlsx")
PERSONAL_MODES = ("omit", "pseudonymise", "keep")
PROGRESS_EVERY = 1000


@dataclass
class ExportOptions:
    """What an export writes.

    - ``labels``: choice labels instead of names for select questions (headers stay names);
    - ``language``: the labels' language ("fr", "Français (fr)"); default: the form's default;
    - ``split_select_multiple``: also one 0/1 column ``<field>/<choice>`` per choice;
    - ``excel_bom``: CSV files for Excel: a UTF-8 BOM, so that Excel shows accents, and a
      ``'`` before a value Excel would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR;
      plain numbers are kept); off, the files are ODK Central's bytes, values raw;
    - ``statuses``: which interviews (default: every finalized one: finalized, sent,
      exported, failed; drafts and deleted ones are left out);
    - ``personal``: the personal fields (``surveyor.privacy.personal``): ``"omit"`` (the
      default: their columns are left out), ``"pseudonymise"`` (each value replaced by its
      keyed pseudonym, ``pseudonym_key`` the campaign's secret) or ``"keep"``;
      ``privacy``: the campaign's settings (``privacy.json``), whose list and marks
      (``PrivacySettings.marks_for``) add to, or take from, the forms' personal fields.
    """

    labels: bool = False
    language: str | None = None
    split_select_multiple: bool = False
    excel_bom: bool = True
    statuses: tuple[Status | str, ...] = SUBMITTED
    personal: str = "omit"
    pseudonym_key: bytes | None = None
    privacy: PrivacySettings | None = None


def _library(store, library):
    if library is not None:
        return library
    return FormLibrary(store)


def form_layout(
    store, form_id: str, options: ExportOptions, library=None, *, door_column: bool = False
) -> Layout:
    """The tables of ``form_id``'s export, over every stored version of the form."""
    library = _library(store, library)
    stored = store.list_forms(form_id=form_id)
    if not stored:
        raise ExportError(f"No form {form_id!r} is stored.")
    versions = [library.get(s.content_hash) for s in reversed(stored)]  # newest first
    marks = options.privacy.marks_for(form_id) if options.privacy else None
    personal: frozenset[str] = frozenset()
    for version in versions:
        personal |= personal_fields(version, marks)
    try:
        return build_layout(
            form_id,
            versions,
            labels=options.labels,
            language=options.language,
            split_select_multiple=options.split_select_multiple,
            omit=personal if options.personal == "omit" else frozenset(),
            personal=personal,
            door_column=door_column,
        )
    except ValueError as e:
        raise ExportError(str(e)) from e


def export(
    store,
    out_dir: str | Path,
    *,
    format: str = "csv",  # noqa: A002 - the CLI option's name
    form_ids: Iterable[str] | None = None,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    library=None,
) -> list[Path]:
    """Export the interviews of ``form_ids`` (default: every stored form) into ``out_dir``.

    Returns the files written. ``progress(done, total)`` is called as interviews are written
    (total = interviews of every form exported).
    """
    if format not in FORMATS:
        raise ExportError(f"Unknown export format {format!r}: use one of {', '.join(FORMATS)}.")
    options = options or ExportOptions()
    if options.personal not in PERSONAL_MODES:
        raise ExportError(
            f"Unknown choice {options.personal!r} for the personal fields: use one of "
            f"{', '.join(PERSONAL_MODES)}."
        )
    pseudonymise = None
    if options.personal == "pseudonymise":
        if not options.pseudonym_key:
            raise ExportError("Pseudonymising the personal fields needs the campaign's key.")
        pseudonymise = Pseudonymiser(options.pseudonym_key)
    library = _library(store, library)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ids = list(form_ids) if form_ids is not None else store.export_form_ids()
    doors = FieldworkStore(store).door_of_interviews()  # instanceID -> door id
    jobs = []
    for form_id in ids:
        layout = form_layout(store, form_id, options, library, door_column=bool(doors))
        selection = store.export_selection(form_id, statuses=options.statuses)
        jobs.append((layout, selection))
    total = sum(selection.total for _layout, selection in jobs)
    done = 0
    if progress:
        progress(0, total)
    written: list[Path] = []
    for layout, selection in jobs:
        newest = store.list_forms(form_id=layout.form_id)[-1].content_hash
        maker = RowMaker(
            layout,
            selection,
            store.attachment_counts(layout.form_id),
            newest,
            pseudonymise=pseudonymise,
            doors=doors,
        )
        if format == "csv":
            files = CsvTables(out, layout.form_id, layout.tables, bom=options.excel_bom)
        else:
            files = XlsxTables(out, layout.form_id, layout.tables)
        try:
            emit = files.write
            for interview in store.iter_export_rows(selection.rowids):
                maker.emit(interview, emit)
                done += 1
                if progress and done % PROGRESS_EVERY == 0:
                    progress(done, total)
            written += files.commit()
        except BaseException:
            files.abort()
            raise
    if progress and done % PROGRESS_EVERY:
        progress(done, total)
    return written


def export_csv(store, out_dir: str | Path, **kwargs) -> list[Path]:
    """:func:`export` with ``format="csv"``."""
    return export(store, out_dir, format="csv", **kwargs)


def export_xlsx(store, out_dir: str | Path, **kwargs) -> list[Path]:
    """:func:`export` with ``format="xlsx"``."""
    return export(store, out_dir, format="xlsx", **kwargs)


__all__ = [
    "FORMATS",
    "PERSONAL_MODES",
    "ExportError",
    "ExportOptions",
    "Layout",
    "build_layout",
    "export",
    "export_csv",
    "export_xlsx",
    "form_layout",
    "resolve_language",
    "safe_file_name",
    "sheet_names",
]
