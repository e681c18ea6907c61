"""Batches as services: hand in (interviewer's laptop), sync to a shared folder, merge
(coordinator). No UI; the app calls these from its database worker thread.
"""

from __future__ import annotations

import copy
import multiprocessing
import os
import pickle
import re
import signal
import threading
import unicodedata
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from multiprocessing import get_context
from multiprocessing.connection import wait
from pathlib import Path

from surveyor.batches.format import BATCH_SUFFIX
from surveyor.batches.format import TEMP_SUFFIX
from surveyor.batches.format import BatchContent
from surveyor.batches.format import BatchError
from surveyor.batches.format import BatchReader
from surveyor.batches.format import BatchWriteError
from surveyor.batches.format import BatchWriter
from surveyor.batches.format import iter_batch_paths
from surveyor.batches.format import loop_reason
from surveyor.encryption.envelope import MAGIC
from surveyor.encryption.envelope import is_protected
from surveyor.encryption.envelope import protect
from surveyor.encryption.envelope import unprotect
from surveyor.encryption.odk import load_public_key
from surveyor.errors import DecryptionError
from surveyor.errors import ErrorCode
from surveyor.errors import SurveyorError
from surveyor.errors import code_of
from surveyor.interviews import record
from surveyor.interviews.merging import Action
from surveyor.interviews.merging import Counts
from surveyor.interviews.merging import describe_counts
from surveyor.interviews.record import Status
from surveyor.store import Store
from surveyor.store.fieldwork import FieldworkStore
from surveyor.store.merge import Conflict
from surveyor.store.merge import MergeStore


@dataclass
class HandInResult:
    """What a hand-in wrote."""

    path: Path
    batch_id: str
    interviews: int  # in the batch
    newly_handed_in: int  # marked exported by this hand-in
    instance_ids: list[str] = field(default_factory=list)
    visits: int = 0  # the visits recorded on this laptop (all of them: merging is idempotent)
    doors: int = 0  # the doors they name and those added here

    def __str__(self) -> str:
        text = (
            f"{self.path}: {self.interviews} interview(s), "
            f"{self.newly_handed_in} handed in for the first time"
        )
        if self.visits or self.doors:
            text += f", {self.visits} visit(s), {self.doors} door(s)"
        return text


@dataclass
class SyncResult:
    """What :func:`sync_shared_folder` did: ``written``, ``nothing_new``, ``unreachable``
    (the folder is missing or read-only) or ``failed`` (``message`` says why)."""

    status: str
    folder: Path
    hand_in: HandInResult | None = None
    message: str = ""


def _name_part(text: str) -> str:
    """Letters (accents kept), digits and dashes: safe on FAT32 keys, Windows and macOS."""
    text = unicodedata.normalize("NFC", text or "")
    return re.sub(r"[^\w-]+|_", "-", text).strip("-")[:40].strip("-")


def batch_file_name(moment: datetime, *, interviewer: str = "", device: str = "") -> str:
    """``lot-<interviewer>-<laptop>-<local date and time>.zip``: who handed in, from which
    laptop and when, in the laptop's local time (``lot-Amélie-Portable-3-2026-11-30-1412.zip``).
    Letters keep their accents; anything a file system refuses becomes a dash."""
    who = [part for part in (_name_part(interviewer), _name_part(device)) if part]
    local = moment.astimezone() if moment.tzinfo is not None else moment
    stamp = local.strftime("%Y-%m-%d-%H%M")
    return "-".join(["lot", *(who or ["laptop"]), stamp]) + BATCH_SUFFIX


def free_name(path: Path) -> Path:
    """``path``, or ``path`` with ``-2``, ``-3``… before its suffix if a file has that name
    (two hand-ins in the same minute never overwrite each other)."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def hand_in(
    store: Store,
    destination: Path,
    *,
    interviewer: str = "",
    device_id: str,
    device_label: str = "",
    instance_ids: list[str] | None = None,
    clock: Callable[[], datetime] | None = None,
    protect_for: str | None = None,
) -> HandInResult:
    """Write a batch of every finalized and already-exported interview made on this laptop.

    ``protect_for`` (the coordinator's public key, base64 as in a form): the whole batch is
    encrypted for it (``surveyor.encryption.envelope``): written first into the data dir,
    then only its protected bytes reach the destination (a USB key never holds it in clear).

    ``destination`` is a folder (the file is named by :func:`batch_file_name`) or a file
    path. The newly handed-in interviews are then marked exported (``handed_in`` gets
    ``{"to": path, "at": ...}``); handing in again is harmless (the coordinator's merge keeps
    each interview once). Raises :class:`BatchError` (nothing marked) if the file cannot be
    written.
    """
    moment = (clock or record.utc_now)()
    destination = Path(destination)
    if destination.is_dir():
        name = batch_file_name(moment, interviewer=interviewer, device=device_label or device_id)
        path = free_name(destination / name)
    else:
        path = destination
    stamp = record.format_timestamp(moment)
    merge = MergeStore(store)
    ids = merge.hand_in_candidates(instance_ids)
    fieldwork = FieldworkStore(store)
    visits = fieldwork.visits(device_id=device_id)
    door_ids = {v.door_id for v in visits}
    doors = fieldwork.door_records(door_ids=door_ids) + [
        d
        for d in fieldwork.door_records(origin="field")
        if d["device_id"] == device_id and d["door_id"] not in door_ids
    ]
    final_path = path
    if protect_for:
        load_public_key(protect_for)  # a key that is not one: refused before anything
        if destination.is_dir():
            final_path = path.with_name(path.stem + PROTECTED_STEM + path.suffix)
        work = Path(store.path).parent / "tmp"
        work.mkdir(exist_ok=True)
        path = work / final_path.name
    try:
        writer = BatchWriter(
            path,
            device_id=device_id,
            device_label=device_label,
            interviewer=interviewer,
            created_at=stamp,
        )
    except OSError as e:
        raise BatchWriteError(path, e) from e
    try:
        with writer:
            for instance_id in ids:
                interview = store.get_interview(instance_id)
                if not writer.has_form(interview.form_hash):
                    writer.add_form(**store.get_form(interview.form_hash).definition())
                if interview.status == Status.FINALIZED:
                    # the batch holds the interview as it is once handed in
                    interview = copy.deepcopy(interview)
                    record.mark_exported(interview, to=str(final_path), clock=lambda: moment)
                sealed = store.sealed_payload(instance_id)
                if sealed is not None:  # encrypted at finalizing: carried as it is, opaque
                    stub = interview.to_dict()
                    for key in ("answers", "attachments", "position", "instance_name"):
                        stub.pop(key, None)
                    writer.add_encrypted(stub, sealed)
                    continue
                files = merge.attachment_bytes(instance_id) if interview.attachments else {}
                writer.add_interview(interview, files)
            writer.add_fieldwork(doors, visits)
    except OSError as e:
        raise BatchWriteError(path, e) from e
    if protect_for:
        try:
            _write_protected(path, final_path, protect_for)
        except OSError as e:
            raise BatchWriteError(final_path, e) from e
        finally:
            path.unlink(missing_ok=True)
        path = final_path
    marked = merge.record_hand_in(
        batch_id=writer.batch_id, path=str(path), at=moment, instance_ids=ids, total=len(ids)
    )
    if visits or doors:
        fieldwork.mark_handed_in(device_id, writer.batch_id)
    return HandInResult(
        path=path,
        batch_id=writer.batch_id,
        interviews=len(ids),
        newly_handed_in=len(marked),
        instance_ids=ids,
        visits=len(visits),
        doors=len(doors),
    )


PROTECTED_STEM = "-protected"


def _write_protected(clear: Path, target: Path, public_key: str) -> None:
    """Write ``clear`` encrypted for ``public_key`` to ``target``."""
    write_file(target, protect(clear.read_bytes(), public_key))


def write_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` as every batch is (temporary file, fsync, rename)."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _is_protected(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return is_protected(f.read(len(MAGIC)))
    except OSError:
        return False


def _merge_protected(
    store: Store, path: Path, private_key, on_new: Callable[[], None] | None
) -> BatchReport:
    """A protected batch: refused without the key; with it, opened into the data dir (the
    coordinator's disk holds the merged interviews anyway), merged, and the copy removed."""
    if private_key is None:
        error = BatchError(
            path,
            "it is protected for the coordinator's key: give the private key to open it",
            code=ErrorCode.BATCH_PROTECTED,
        )
        return BatchReport(
            path=path, status="refused", reason=error.reason, code=error.code, error=error
        )
    try:
        data = unprotect(path.read_bytes(), private_key, name=f"The batch {path}")
    except (DecryptionError, OSError) as exc:
        code = code_of(exc) if isinstance(exc, DecryptionError) else ErrorCode.BATCH_UNREADABLE
        reason = {
            ErrorCode.DECRYPT_WRONG_KEY: "it was protected for another key (this private key "
            "does not open it)",
            ErrorCode.DECRYPT_DAMAGED: "it is protected and damaged (it does not decrypt whole)",
        }.get(code, f"it cannot be read ({exc})")
        error = BatchError(path, reason, code=code)
        return BatchReport(
            path=path, status="refused", reason=error.reason, code=error.code, error=error
        )
    work = Path(store.path).parent / "tmp"
    work.mkdir(exist_ok=True)
    clear = work / f"{os.getpid()}-{path.name}"
    try:
        clear.write_bytes(data)
        report = merge_one(store, clear, on_new=on_new)
    finally:
        clear.unlink(missing_ok=True)
    report.path = path
    if report.error is not None:
        report.error = BatchError(path, report.reason, code=report.code)
    return report


def _reachable(folder: Path) -> bool:
    try:
        return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)
    except OSError:
        return False


def sync_shared_folder(
    store: Store,
    folder: Path,
    *,
    interviewer: str = "",
    device_id: str,
    device_label: str = "",
    clock: Callable[[], datetime] | None = None,
    protect_for: str | None = None,
) -> SyncResult:
    """Hand in to a shared folder (network share, USB key) if there is something new
    (``protect_for``: as :func:`hand_in`).

    Never raises: returns ``unreachable`` when the folder is missing or read-only (call it
    again later, e.g. on a timer), ``nothing_new`` when no interview was finalized since the
    last hand-in, ``written`` with the hand-in, or ``failed`` with a message.
    """
    folder = Path(folder)
    try:
        if (
            MergeStore(store).count_to_hand_in() == 0
            and FieldworkStore(store).count_to_hand_in(device_id) == 0
        ):
            return SyncResult("nothing_new", folder)
        if not _reachable(folder):
            return SyncResult(
                "unreachable", folder, message=f"The folder {folder} is not reachable."
            )
        result = hand_in(
            store,
            folder,
            interviewer=interviewer,
            device_id=device_id,
            device_label=device_label,
            clock=clock,
            protect_for=protect_for,
        )
    except BatchError as e:
        status = "unreachable" if not _reachable(folder) else "failed"
        return SyncResult(status, folder, message=str(e))
    except (SurveyorError, OSError) as e:
        return SyncResult("failed", folder, message=str(e))
    return SyncResult("written", folder, hand_in=result)


# --- merging ---------------------------------------------------------------------------------


@dataclass
class BatchReport(Counts):
    """What happened to one batch file: its status, and the merge's counts."""

    path: Path
    status: str  # "merged", "already merged" or "refused"
    batch_id: str = ""
    interviewer: str = ""
    device_label: str = ""
    reason: str = ""  # why it was refused, in English (the CLI, the logs)
    code: ErrorCode | None = None  # what the refusal means (the UI's sentence)
    error: BatchError | None = None
    visits: int = 0  # visits new to this database
    doors: int = 0  # doors new to this database (added in the field)

    def __str__(self) -> str:
        if self.status == "refused":
            return f"{self.path.name}: REFUSED: {self.reason}"
        who = ", ".join(x for x in (self.interviewer, self.device_label) if x)
        text = (
            f"{self.path.name}{f' ({who})' if who else ''}: {self.status}: {describe_counts(self)}"
        )
        if self.visits or self.doors:
            text += f"; {self.visits} new visit(s), {self.doors} new door(s)"
        return text


@dataclass
class MergeReport(Counts):
    """Per batch, totals and per-interviewer counts of a :func:`merge_batches` call."""

    batches: list[BatchReport] = field(default_factory=list)
    decrypted: int = 0  # encrypted interviews opened with the coordinator's key at this merge
    still_encrypted: int = 0  # received encrypted, waiting for their form's private key
    decrypt_error: str = ""  # why the decryption after the merge stopped (nothing decrypted)

    @property
    def visits(self) -> int:
        """Visits new to this database (each counted once, however often it came)."""
        return sum(b.visits for b in self.batches)

    @property
    def doors(self) -> int:
        """Doors new to this database (added in the field)."""
        return sum(b.doors for b in self.batches)

    @property
    def refused(self) -> list[BatchReport]:
        return [b for b in self.batches if b.status == "refused"]

    @property
    def merged(self) -> list[BatchReport]:
        return [b for b in self.batches if b.status != "refused"]

    @property
    def ok(self) -> bool:
        return not self.refused and not self.decrypt_error

    def __str__(self) -> str:
        lines = [str(b) for b in self.batches]
        lines.append(
            f"Total: {len(self.batches)} batch(es), {len(self.refused)} refused; "
            f"{describe_counts(self)}."
        )
        if self.visits or self.doors:
            lines.append(f"Fieldwork: {self.visits} new visit(s), {self.doors} new door(s).")
        if self.decrypted:
            lines.append(f"Decrypted with the private key: {self.decrypted} interview(s).")
        if self.decrypt_error:
            lines.append(f"Not decrypted: {self.decrypt_error}")
        if self.still_encrypted:
            lines.append(
                f"Still encrypted: {self.still_encrypted} interview(s) wait for their form's "
                "private key (surveyor merge --key KEY.pem)."
            )
        if self.per_interviewer:
            lines.append("By interviewer:")
            lines += self.by_interviewer_lines()
        if self.conflicts:
            lines.append(
                "Conflicts to resolve: see `list_conflicts()` (surveyor merge --conflicts)."
            )
        return "\n".join(lines)


def read_checked(path: str) -> tuple[str, object]:
    """Read and check a whole batch without the database: what the reader process does.

    Returns ``("ok", pickled BatchContent)``, ``("refused", (code, reason))``, or
    ``("here", None)`` for a batch that must be read in the merging process (encrypted items
    are read lazily).
    """
    try:
        with BatchReader(Path(path)) as reader:
            content = reader.read()
    except BatchError as e:
        return "refused", (str(e.code), e.reason)
    if content.encrypted:
        return "here", None
    # Pickled here, unpickled by the merging thread when it takes the batch: the executor
    # would otherwise unpickle it on a thread of its own, competing with the SQLite writes.
    return "ok", pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)


def merge_one(
    store: Store,
    path: Path,
    *,
    prefetched: Future | None = None,
    on_new: Callable[[], None] | None = None,
    private_key=None,
) -> BatchReport:
    """Check a batch completely, then write it all or nothing (or refuse it whole).

    A protected batch (encrypted for the coordinator's key) needs ``private_key``.

    ``prefetched`` is the batch already read and checked by :func:`read_checked` in another
    process; ``on_new`` is called once the batch is known to be new, before it is written,
    so that the next one can be read meanwhile. Inside :func:`merge_batches` the batch's
    transaction is a savepoint of a larger one: it is still all or nothing.
    """
    if _is_protected(path):
        return _merge_protected(store, path, private_key, on_new)
    merge = MergeStore(store)
    reader: BatchReader | None = None
    content: BatchContent | None = None
    try:
        if prefetched is not None:
            try:
                kind, value = prefetched.result()
            except (BrokenProcessPool, OSError, RuntimeError, pickle.PickleError):
                kind, value = "here", None  # the reader process failed: read it here
            if kind == "refused":
                code, reason = value
                raise BatchError(path, reason, code=ErrorCode(code))
            content = pickle.loads(value) if kind == "ok" else None
        if content is None:
            reader = BatchReader(path).open()
            info, count = reader.info, reader.interview_count
        else:
            info, count = content.info, len(content.interviews) + len(content.encrypted)
        report = BatchReport(
            path=path,
            status="merged",
            batch_id=info.batch_id,
            interviewer=info.interviewer,
            device_label=info.device_label,
        )
        if merge.batch_imported(info.batch_id, info.sha256):
            report.status = "already merged"
            if count:
                report.count(info.interviewer, Action.DUPLICATE, count)
            return report
        if on_new is not None:
            on_new()
        if content is None:
            content = reader.read()
        missing = content.form_hashes - {f.content_hash for f in content.forms}
        missing -= merge.known_form_hashes(missing)
        if missing:
            raise BatchError(
                path,
                f"the form definition {sorted(missing)[0]} used by its interviews is "
                "neither in the batch nor in this database",
                code=ErrorCode.BATCH_MISSING_FORM,
            )

        looped = merge.edit_loops(content.interviews)
        if looped:
            raise BatchError(path, loop_reason(looped[0]), code=ErrorCode.BATCH_EDIT_CHAIN)

        fieldwork = FieldworkStore(store)
        named = {v.door_id for v in content.visits} - {d["door_id"] for d in content.doors}
        unknown = named - fieldwork.existing_ids(named)
        if unknown:
            raise BatchError(
                path,
                f"a visit names the door {sorted(unknown)[0]!r}, which is neither in the batch "
                "nor in this database",
                code=ErrorCode.BATCH_MALFORMED,
            )

        def read_attachment(instance_id: str, filename: str) -> bytes:
            nonlocal reader
            if reader is None:  # checked elsewhere: the file must still be that batch
                reader = BatchReader(path).open()
                if reader.sha256 != info.sha256:
                    raise BatchError(
                        path,
                        "the file changed while it was being merged",
                        code=ErrorCode.BATCH_CHANGED,
                    )
            return reader.read_attachment(instance_id, filename)

        with store.transaction(f"merge the batch {path.name}"):  # interviews and visits
            counts = merge.apply_batch(
                content.info,
                forms=content.forms,
                interviews=content.interviews,
                encrypted=content.encrypted,
                read_attachment=read_attachment,
            )
            if content.doors or content.visits:
                # doors already known keep what the coordinator has; visits are events
                report.doors = fieldwork.write_doors(content.doors, mode="keep")
                report.visits = fieldwork.insert_visits(content.visits, batch_id=info.batch_id)
    except BatchError as e:
        return BatchReport(path=path, status="refused", reason=e.reason, code=e.code, error=e)
    finally:
        if reader is not None:
            reader.close()
    report.add(counts)
    return report


def _reader_started() -> None:
    """In the reader process: end with the merging process, whatever ends it.

    The reader holds batch files open, and keeps multiprocessing's resource tracker alive:
    if the merge is killed (even SIGKILL) it must not outlive it. A thread waits on the
    parent's sentinel (a pipe that reaches end-of-file when the parent is gone) and exits.
    Ctrl+C reaches the whole process group: the reader ignores it, its parent stops it.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="surveyor-reader-parent-watch", daemon=True).start()


def _stop_reader(pool: ProcessPoolExecutor, *, abandon: bool) -> None:
    """Shut the reader down; when the merge is abandoned (interrupted, failing), at once."""
    if abandon:
        # ProcessPoolExecutor has no public way to stop a busy worker before Python 3.14
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            try:
                process.terminate()
            except (OSError, ValueError, AttributeError):
                pass
        pool.shutdown(wait=False, cancel_futures=True)
    else:
        pool.shutdown(wait=True, cancel_futures=True)


# Batches merged in one transaction, each in a savepoint of it: a commit (an fsync, and
# at times a WAL checkpoint) per batch was a fifth of the time of a large merge.
GROUP_INTERVIEWS = 10_000
# SQLite's page cache while merging (negative: KiB): 64 MiB keeps the interviews' indexes in
# memory as they grow, instead of the default 2 MiB.
MERGE_CACHE_KIB = -65536


def merge_batches(
    store: Store,
    paths: list[Path],
    *,
    progress: Callable[[int, int, Path], None] | None = None,
    private_key=None,
) -> MergeReport:
    """Merge batch files (folders: every ``*.zip`` in them) into ``store``; protected
    batches with ``private_key`` (refused without it).

    Each batch is checked completely, then written all or nothing; a refused batch leaves
    nothing behind and the others still merge. Merging the same batch (or folder) again
    changes nothing. ``progress(done, total, path)`` is called before each batch. Store
    errors (disk full...) are raised: they are not the batch's fault; the batches merged
    since the last commit are then rolled back too, and merging again picks them up.

    Reading and checking a batch costs as much as writing it, so while one batch is
    written the next is read in a second process (a thread would fight the writer for the
    interpreter). Reading ahead starts only once a batch proved new: merging a folder
    again, all duplicates known from their manifests, reads nothing more.
    """
    files = list(iter_batch_paths([Path(p) for p in paths]))
    report = MergeReport()
    if files:
        store.backup(reason="merge")  # a rolling copy before each merge (docs/store.md)
    conn = store.db.conn
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {MERGE_CACHE_KIB}")  # index pages stay in memory
    ahead: dict[int, Future] = {}
    pool: ProcessPoolExecutor | None = None
    index = 0
    finished = False
    try:
        while index < len(files):
            with store.transaction("merge the batches"):  # one commit for a group of batches
                written = 0
                while index < len(files) and written < GROUP_INTERVIEWS:
                    path = files[index]
                    if progress is not None:
                        progress(index, len(files), path)

                    def read_next(following: int = index + 1) -> None:
                        nonlocal pool
                        if following >= len(files) or following in ahead or following < 2:
                            return  # one or two batches: not worth a second process
                        try:
                            if pool is None:
                                pool = ProcessPoolExecutor(
                                    max_workers=1,
                                    mp_context=get_context("spawn"),
                                    initializer=_reader_started,
                                )
                            ahead[following] = pool.submit(read_checked, str(files[following]))
                        except (BrokenProcessPool, OSError, RuntimeError):
                            pass  # no second process here: batches are read in turn

                    one = merge_one(
                        store,
                        path,
                        prefetched=ahead.pop(index, None),
                        on_new=read_next,
                        private_key=private_key,
                    )
                    report.batches.append(one)
                    report.add(one)
                    written += one.new + one.updated + one.conflicts
                    index += 1
        finished = True
    finally:
        if pool is not None:
            _stop_reader(pool, abandon=not finished)
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
    if progress is not None:
        progress(len(files), len(files), Path())
    return report


def list_conflicts(store: Store, *, include_resolved: bool = False) -> list[Conflict]:
    """The merge conflicts to resolve (two edits of one interview, or two contents of one)."""
    return MergeStore(store).list_conflicts(include_resolved=include_resolved)


def resolve_conflict(store: Store, conflict_id: int, keep_instance_id: str) -> Conflict:
    """Keep one version (its ``key``: the instanceID for an edit conflict); the others stay,
    superseded."""
    return MergeStore(store).resolve_conflict(conflict_id, keep_instance_id)
