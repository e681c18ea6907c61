"""The batch file: writing one atomically, and checking one completely before it is merged.

A batch is a ZIP file (see ``docs/batch-format.md``)::

    manifest.json                       format, batch id, laptop, interviewer, parts + sha256
    forms/md5-<hex>.json                a form definition (form_id, version, hash, XForm...)
    forms/md5-<hex>.xlsx                its XLSForm file
    forms/md5-<hex>.media/<filename>    its media files
    interviews/<uuid>.json              an interview (Interview.to_dict()), or the stub of
    interviews/<uuid>.enc               an encrypted one (opaque payload)
    attachments/<uuid>/<filename>       the interview's files

Nothing here touches the database: :class:`BatchReader` turns a file into checked plain data
(or a :class:`BatchError` naming the file and the reason) that the store then writes.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import struct
import uuid
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from surveyor import jsontext
from surveyor.errors import BatchError  # BatchError, BatchWriteError: public here too
from surveyor.errors import BatchWriteError  # BatchError, BatchWriteError: public here too  # noqa: F401
from surveyor.errors import ErrorCode  # BatchError, BatchWriteError: public here too
from surveyor.errors import SurveyorError  # BatchError, BatchWriteError: public here too
from surveyor.fieldwork.model import Visit
from surveyor.fieldwork.records import door_records
from surveyor.fieldwork.records import visit_records
from surveyor.forms.xform import xform_matches
from surveyor.interviews import record
from surveyor.interviews.merging import edit_loops
from surveyor.interviews.merging import names_itself
from surveyor.interviews.record import Interview
from surveyor.interviews.record import Status
from surveyor.interviews.record import format_timestamp
from surveyor.interviews.record import utc_now
from surveyor.store.merge import BatchInfo
from surveyor.store.merge import IncomingEncrypted
from surveyor.store.merge import IncomingForm
from surveyor.store.merge import IncomingInterview
from surveyor.store.store import check_attachment_name

FORMAT_NAME = "surveyor-batch"
FORMAT_VERSION = 1  # a batch without fieldwork (every Surveyor reads it)
FIELDWORK_FORMAT_VERSION = 2  # a batch carrying visits or doors (docs/batch-format.md)
READ_VERSIONS = (FORMAT_VERSION, FIELDWORK_FORMAT_VERSION)
MANIFEST = "manifest.json"
BATCH_SUFFIX = ".zip"
TEMP_SUFFIX = ".part"

# Limits: a batch over them is refused before anything is decompressed (zip bombs).
MAX_MEMBERS = 200_000
MAX_JSON_SIZE = 16 * 1024 * 1024  # manifest, form and interview JSON
MAX_FIELDWORK_SIZE = 256 * 1024 * 1024  # the doors or the visits of a campaign, in one JSON
MAX_MEMBER_SIZE = 512 * 1024 * 1024  # an attachment or a form file
MAX_TOTAL_SIZE = 4 * 1024 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024

_UUID_ID = re.compile(
    r"^uuid:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SAFE_EXT = re.compile(r"^\.[A-Za-z0-9]{1,8}$")
_TOP = ("forms", "interviews", "attachments", "fieldwork")
DOORS_PART = "fieldwork/doors.json"
VISITS_PART = "fieldwork/visits.json"
FIELDWORK_PARTS = (DOORS_PART, VISITS_PART)
_CARRIED = {str(Status.FINALIZED), str(Status.HANDED_IN), str(Status.SENT)}
# Text columns of a record checked before the others (its identity, its form, its status).
_CHECKED_APART = {"instance_id", "form_id", "form_version", "form_hash", "status"}
_CHUNK = 1024 * 1024
IN_MEMORY = 256 * 1024 * 1024  # batch files up to this size are read once, into memory


def safe_instance_name(instance_id: str) -> str:
    """The file name stem for an instanceID: the uuid, else a hash (never a path)."""
    match = _UUID_ID.match(instance_id)
    if match:
        return match.group(1).lower()
    return "id-" + hashlib.sha256(instance_id.encode()).hexdigest()[:32]


def safe_form_name(content_hash: str) -> str:
    """``md5:abc`` -> ``md5-abc``; anything unusual -> a hash."""
    if re.fullmatch(r"[a-z0-9]{1,16}:[0-9a-fA-F]{8,128}", content_hash):
        return content_hash.replace(":", "-")
    return "h-" + hashlib.sha256(content_hash.encode()).hexdigest()[:32]


def loop_reason(instance_id: str) -> str:
    """Why a batch whose edit chain loops is refused (part of a sentence)."""
    return (
        f"the interview {instance_id} and the edits it names form a loop (each edit names "
        "the version it replaces; a chain must end at an original)"
    )


def parts_digest(parts: list[dict[str, Any]]) -> str:
    """The sha256 over the manifest's part list (canonical JSON)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dumps(value: Any) -> bytes:
    return jsontext.dumps(value).encode("utf-8")


# --- writing ---------------------------------------------------------------------------------


class BatchWriter:
    """Write a batch to ``path`` atomically (``<name>.<random>.part``, fsync, rename).

    Use as a context manager; on an exception the temporary file is removed and nothing
    appears under ``path``.
    """

    def __init__(
        self,
        path: Path,
        *,
        device_id: str,
        device_label: str = "",
        interviewer: str = "",
        batch_id: str | None = None,
        created_at: str | None = None,
        compresslevel: int = 6,
    ):
        self.path = Path(path)
        self.batch_id = batch_id or str(uuid.uuid4())
        self.created_at = created_at or format_timestamp(utc_now())
        self.device_id = device_id
        self.device_label = device_label
        self.interviewer = interviewer
        self.compresslevel = compresslevel
        self.parts: list[dict[str, Any]] = []
        self.interviews = 0
        self.doors = 0
        self.visits = 0
        self._forms: set[str] = set()
        self._tmp = self.path.with_name(f"{self.path.name}.{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}")
        self._file = open(self._tmp, "wb")  # noqa: SIM115 (closed in close/abort)
        self._zip = zipfile.ZipFile(self._file, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        stamp = self.created_at[:19].replace("T", "-").replace(":", "-").split("-")
        try:
            self._date = tuple(int(x) for x in stamp[:6])
            zipfile.ZipInfo("x", self._date)  # type: ignore[arg-type]
        except (ValueError, TypeError):
            self._date = (2026, 1, 1, 0, 0, 0)

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def _add(self, name: str, data: bytes, kind: str, *, deflate: bool = True, **extra) -> None:
        info = zipfile.ZipInfo(name, self._date)  # type: ignore[arg-type]
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
        self._zip.writestr(info, data, compresslevel=self.compresslevel if deflate else None)
        self.parts.append(
            {
                "path": name,
                "kind": kind,
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                **extra,
            }
        )

    def has_form(self, content_hash: str) -> bool:
        return content_hash in self._forms

    def add_form(
        self,
        *,
        content_hash: str,
        form_id: str,
        version: str,
        title: str,
        source_name: str,
        source_bytes: bytes | None,
        xform: str,
        media: dict[str, bytes] | None = None,
    ) -> None:
        """Add a form definition (once per content hash)."""
        if content_hash in self._forms:
            return
        self._forms.add(content_hash)
        stem = f"forms/{safe_form_name(content_hash)}"
        definition: dict[str, Any] = {
            "content_hash": content_hash,
            "form_id": form_id,
            "version": version,
            "title": title,
            "source_name": source_name,
            "xform": xform,
            "source_part": None,
            "media": [],
        }
        if source_bytes is not None:
            ext = Path(source_name).suffix
            definition["source_part"] = f"{stem}{ext if _SAFE_EXT.match(ext) else '.bin'}"
            self._add(definition["source_part"], bytes(source_bytes), "form_source")
        for filename, data in sorted((media or {}).items()):
            check_attachment_name(filename)
            part = f"{stem}.media/{filename}"
            definition["media"].append({"filename": filename, "part": part})
            self._add(part, bytes(data), "form_media")
        self._add(f"{stem}.json", _dumps(definition), "form", content_hash=content_hash)

    def add_interview(
        self, interview: Interview | dict[str, Any], files: dict[str, bytes] | None = None
    ) -> None:
        """Add an interview record and its attached files (its form must be added too)."""
        data = interview.to_dict() if isinstance(interview, Interview) else interview
        instance_id = data["instance_id"]
        stem = safe_instance_name(instance_id)
        files = files or {}
        for attachment in data.get("attachments", []):
            name = attachment["filename"]
            check_attachment_name(name)
            self._add(f"attachments/{stem}/{name}", bytes(files[name]), "attachment", deflate=False)
        self._add(f"interviews/{stem}.json", _dumps(data), "interview", instance_id=instance_id)
        self.interviews += 1

    def add_encrypted(self, stub: dict[str, Any], payload: bytes) -> None:
        """Add an interview encrypted with its form's public key, as an opaque payload.

        ``stub`` holds at least instance_id, form_id, form_version and form_hash.
        """
        instance_id = stub["instance_id"]
        stem = safe_instance_name(instance_id)
        self._add(f"interviews/{stem}.enc", bytes(payload), "encrypted_payload", deflate=False)
        data = {**stub, "encrypted": True, "payload": f"interviews/{stem}.enc"}
        self._add(f"interviews/{stem}.json", _dumps(data), "interview", instance_id=instance_id)
        self.interviews += 1

    def add_fieldwork(self, doors: list[dict[str, Any]], visits: list[Visit]) -> None:
        """Add the visits recorded on this laptop and the doors they name (and those added
        here): ``fieldwork/doors.json``, ``fieldwork/visits.json`` (format version 2)."""
        if not doors and not visits:
            return
        self._add(DOORS_PART, _dumps(list(doors)), "doors")
        self._add(VISITS_PART, _dumps([v.to_dict() for v in visits]), "visits")
        self.doors += len(doors)
        self.visits += len(visits)

    def manifest(self) -> dict[str, Any]:
        manifest = {
            "format": FORMAT_NAME,
            "format_version": FIELDWORK_FORMAT_VERSION
            if self.doors or self.visits
            else FORMAT_VERSION,
            "batch_id": self.batch_id,
            "created_at": self.created_at,
            "device": {"device_id": self.device_id, "label": self.device_label},
            "interviewer": self.interviewer,
            "interviews": self.interviews,
            "parts": self.parts,
            "parts_sha256": parts_digest(self.parts),
        }
        if self.doors or self.visits:
            manifest["doors"] = self.doors
            manifest["visits"] = self.visits
        return manifest

    def close(self) -> Path:
        """Finish the file, flush it to disk and give it its final name."""
        try:
            info = zipfile.ZipInfo(MANIFEST, self._date)  # type: ignore[arg-type]
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            self._zip.writestr(info, json.dumps(self.manifest(), ensure_ascii=False, indent=1))
            self._zip.close()
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.replace(self._tmp, self.path)
        except BaseException:
            self.abort()
            raise
        _fsync_dir(self.path.parent)
        return self.path

    def abort(self) -> None:
        """Drop the temporary file."""
        try:
            self._zip.close()
        except Exception:  # noqa: BLE001 (already failing)
            pass
        try:
            self._file.close()
        except OSError:
            pass
        try:
            self._tmp.unlink()
        except OSError:
            pass


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to flush."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def batch_files(folder: Path) -> list[Path]:
    """The batch files of a folder (``*.zip``; temporary ``*.part`` and hidden files ignored)."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() == BATCH_SUFFIX and not p.name.startswith(".") and p.is_file()
    )


# --- reading ---------------------------------------------------------------------------------


@dataclass
class BatchContent:
    """A completely checked batch, ready for the store."""

    info: BatchInfo
    forms: list[IncomingForm] = field(default_factory=list)
    interviews: list[IncomingInterview] = field(default_factory=list)
    encrypted: list[IncomingEncrypted] = field(default_factory=list)
    form_hashes: set[str] = field(default_factory=set)  # every form its interviews use
    doors: list[dict[str, Any]] = field(default_factory=list)  # fieldwork (version 2)
    visits: list[Visit] = field(default_factory=list)


def _member_path_problem(name: str, tops: tuple[str, ...] = _TOP) -> str | None:
    """Why a member name is unsafe or unexpected, or None."""
    if not name or _CONTROL.search(name):
        return "has an empty name or control characters"
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "is an absolute path"
    if "\\" in name:
        return "contains a backslash"
    parts = name.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return "would be written outside the batch folder"
    if any(":" in p for p in parts):
        return "contains a drive or stream colon"
    if name == MANIFEST:
        return None
    if parts[0] not in tops or not 2 <= len(parts) <= 3:
        return "is not a part of a Surveyor batch"
    return None


class BatchReader:
    """Open and check a batch file. ``open`` checks the ZIP and the manifest; ``read`` the rest.

    Use as a context manager (it holds the file open).
    """

    format_name = FORMAT_NAME
    versions: tuple[int, ...] = READ_VERSIONS
    tops: tuple[str, ...] = _TOP
    what = "batch"

    def __init__(self, path: Path):
        self.path = Path(path)
        self._zip: zipfile.ZipFile | None = None
        self.sha256 = ""
        self.manifest: dict[str, Any] = {}
        self._infos: dict[str, zipfile.ZipInfo] = {}
        self._parts: dict[str, dict[str, Any]] = {}
        self._buffer: bytes | None = None

    def fail(self, reason: str, code: ErrorCode) -> BatchError:
        """The refusal of this batch: why (English, for the CLI and the logs) and what it means."""
        return BatchError(self.path, reason, code=code)

    def __enter__(self) -> BatchReader:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        self._buffer = None

    # -- step 1: the container and the manifest --

    def open(self) -> BatchReader:
        path = self.path
        if path.name.endswith(TEMP_SUFFIX):
            raise self.fail("it is a batch still being written (.part)", ErrorCode.BATCH_UNFINISHED)
        try:
            h = hashlib.sha256()
            with open(path, "rb") as f:
                if os.fstat(f.fileno()).st_size <= IN_MEMORY:
                    self._buffer = f.read()
                    h.update(self._buffer)
                else:
                    while chunk := f.read(_CHUNK):
                        h.update(chunk)
            self.sha256 = h.hexdigest()
            if self._buffer is not None:
                self._zip = zipfile.ZipFile(io.BytesIO(self._buffer))
            else:
                self._zip = zipfile.ZipFile(path)
        except FileNotFoundError as e:
            raise self.fail("the file does not exist", ErrorCode.BATCH_MISSING) from e
        except (zipfile.BadZipFile, EOFError, ValueError) as e:
            raise self.fail(
                f"it is not a complete ZIP file (truncated or damaged: {e})",
                ErrorCode.BATCH_TRUNCATED,
            ) from e
        except OSError as e:
            raise self.fail(
                f"it cannot be read ({e.strerror or e})", ErrorCode.BATCH_UNREADABLE
            ) from e
        self._check_members()
        self._read_manifest()
        return self

    def _check_members(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise self.fail(
                f"it has {len(infos)} members, more than the {MAX_MEMBERS} allowed",
                ErrorCode.BATCH_TOO_BIG,
            )
        total = 0
        for info in infos:
            name = info.filename
            problem = _member_path_problem(name.rstrip("/") if info.is_dir() else name, self.tops)
            if problem:
                raise self.fail(f"the member {name!r} {problem}", ErrorCode.BATCH_UNSAFE_PATH)
            if name in self._infos:
                raise self.fail(f"the member {name} appears twice", ErrorCode.BATCH_MALFORMED)
            mode = info.external_attr >> 16
            if info.create_system == 3 and stat.S_ISLNK(mode):
                raise self.fail(
                    f"the member {name} is a symbolic link", ErrorCode.BATCH_UNSAFE_PATH
                )
            if info.flag_bits & 0x1:
                raise self.fail(
                    f"the member {name} is password-protected", ErrorCode.BATCH_UNSUPPORTED
                )
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self.fail(
                    f"the member {name} uses an unsupported compression method",
                    ErrorCode.BATCH_UNSUPPORTED,
                )
            limit = (
                MAX_FIELDWORK_SIZE
                if name in FIELDWORK_PARTS
                else MAX_JSON_SIZE
                if name.endswith(".json")
                else MAX_MEMBER_SIZE
            )
            if info.file_size > limit:
                raise self.fail(
                    f"the member {name} is too large ({info.file_size} bytes uncompressed, "
                    f"limit {limit})",
                    ErrorCode.BATCH_TOO_BIG,
                )
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise self.fail(
                    f"the member {name} is compressed {info.file_size // max(info.compress_size, 1)}"
                    f" times (a zip bomb?), more than the {MAX_RATIO} allowed",
                    ErrorCode.BATCH_TOO_BIG,
                )
            total += info.file_size
            if total > MAX_TOTAL_SIZE:
                raise self.fail(
                    f"its content is larger than {MAX_TOTAL_SIZE} bytes uncompressed",
                    ErrorCode.BATCH_TOO_BIG,
                )
            if not info.is_dir():
                self._infos[name] = info

    def _read_bytes(self, name: str, limit: int, expected: dict[str, Any] | None = None) -> bytes:
        """A member's bytes, checked against its manifest entry while streaming."""
        info = self._infos[name]
        if self._buffer is not None:
            data = self._from_buffer(name, info, limit)
            if expected is not None and (
                len(data) != expected["size"]
                or hashlib.sha256(data).hexdigest() != expected["sha256"]
            ):
                raise self.fail(
                    f"the member {name} does not match its checksum in the manifest",
                    ErrorCode.BATCH_BAD_CHECKSUM,
                )
            return data
        h = hashlib.sha256()
        chunks = []
        size = 0
        try:
            with self._zip.open(info) as f:
                while chunk := f.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise self.fail(
                            f"the member {name} is larger than {limit} bytes",
                            ErrorCode.BATCH_TOO_BIG,
                        )
                    h.update(chunk)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as e:
            raise self.fail(f"the member {name} is damaged ({e})", ErrorCode.BATCH_DAMAGED) from e
        except RuntimeError as e:  # encrypted members
            raise self.fail(
                f"the member {name} cannot be read ({e})", ErrorCode.BATCH_UNSUPPORTED
            ) from e
        if expected is not None and (
            size != expected["size"] or h.hexdigest() != expected["sha256"]
        ):
            raise self.fail(
                f"the member {name} does not match its checksum in the manifest",
                ErrorCode.BATCH_BAD_CHECKSUM,
            )
        return b"".join(chunks)

    def _from_buffer(self, name: str, info: zipfile.ZipInfo, limit: int) -> bytes:
        """A member's bytes straight from the file in memory (no per-member file objects)."""
        buffer = self._buffer
        offset = info.header_offset
        if buffer[offset : offset + 4] != b"PK\x03\x04":
            raise self.fail(
                f"the member {name} is damaged (bad local header)", ErrorCode.BATCH_DAMAGED
            )
        name_length, extra_length = struct.unpack_from("<HH", buffer, offset + 26)
        start = offset + 30 + name_length + extra_length
        raw = memoryview(buffer)[start : start + info.compress_size]
        if len(raw) != info.compress_size:
            raise self.fail(f"the member {name} is damaged (truncated)", ErrorCode.BATCH_DAMAGED)
        if info.compress_type == zipfile.ZIP_STORED:
            data = bytes(raw)
        else:
            inflater = zlib.decompressobj(-15)
            try:
                data = inflater.decompress(raw, limit + 1)
            except zlib.error as e:
                raise self.fail(
                    f"the member {name} is damaged ({e})", ErrorCode.BATCH_DAMAGED
                ) from e
            if len(data) > limit:
                raise self.fail(
                    f"the member {name} is larger than {limit} bytes", ErrorCode.BATCH_TOO_BIG
                )
            if not inflater.eof:
                raise self.fail(
                    f"the member {name} is damaged (incomplete compressed data)",
                    ErrorCode.BATCH_DAMAGED,
                )
        if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
            raise self.fail(
                f"the member {name} is damaged (wrong size or CRC)", ErrorCode.BATCH_DAMAGED
            )
        return data

    def _json(self, name: str, data: bytes) -> Any:
        try:
            return jsontext.loads(data)
        except (UnicodeDecodeError, ValueError) as e:
            raise self.fail(f"{name} is not valid JSON ({e})", ErrorCode.BATCH_MALFORMED) from e

    def _read_manifest(self) -> None:
        if MANIFEST not in self._infos:
            raise self.fail(
                "it has no manifest.json (is it a Surveyor batch?)", ErrorCode.BATCH_NOT_A_BATCH
            )
        manifest = self._json(MANIFEST, self._read_bytes(MANIFEST, MAX_JSON_SIZE))
        if not isinstance(manifest, dict) or manifest.get("format") != self.format_name:
            raise self.fail(
                f"its manifest.json does not describe a Surveyor {self.what}",
                ErrorCode.BATCH_NOT_A_BATCH,
            )
        version = manifest.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool):  # true == 1 in Python
            raise self.fail(
                f"its manifest.json has a malformed format_version {version!r} (a whole "
                "number is expected)",
                ErrorCode.BATCH_MALFORMED,
            )
        if version not in self.versions:
            raise self.fail(
                f"it is in {self.what} format version {version!r}, this Surveyor reads version "
                f"{' and '.join(str(v) for v in self.versions)} (update Surveyor to use it)",
                ErrorCode.BATCH_UNKNOWN_VERSION,
            )
        parts = manifest.get("parts")
        device = manifest.get("device")
        if (
            not isinstance(manifest.get("batch_id"), str)
            or not manifest["batch_id"]
            or not isinstance(parts, list)
            or not isinstance(device, dict)
            or not all(
                isinstance(p, dict)
                and isinstance(p.get("path"), str)
                and isinstance(p.get("kind"), str)
                and isinstance(p.get("sha256"), str)
                and isinstance(p.get("size"), int)
                for p in parts
            )
        ):
            raise self.fail(
                "its manifest.json is missing the batch id, device or part list",
                ErrorCode.BATCH_MALFORMED,
            )
        if manifest.get("parts_sha256") != parts_digest(parts):
            raise self.fail(
                "the part list of its manifest.json does not match its checksum",
                ErrorCode.BATCH_BAD_CHECKSUM,
            )
        for part in parts:
            name = part["path"]
            if name in self._parts:
                raise self.fail(f"its manifest lists {name} twice", ErrorCode.BATCH_MALFORMED)
            info = self._infos.get(name)
            if info is None:
                raise self.fail(
                    f"the part {name} listed in its manifest is missing", ErrorCode.BATCH_MALFORMED
                )
            if info.file_size != part["size"]:
                raise self.fail(
                    f"the part {name} does not have the size its manifest gives",
                    ErrorCode.BATCH_BAD_CHECKSUM,
                )
            self._parts[name] = part
        extra = sorted(set(self._infos) - set(self._parts) - {MANIFEST})
        if extra:
            raise self.fail(
                f"the member {extra[0]} is not listed in its manifest", ErrorCode.BATCH_MALFORMED
            )
        self.manifest = manifest

    @property
    def info(self) -> BatchInfo:
        device = self.manifest.get("device") or {}
        return BatchInfo(
            batch_id=str(self.manifest.get("batch_id", "")),
            sha256=self.sha256,
            file_name=self.path.name,
            device_id=str(device.get("device_id") or ""),
            device_label=str(device.get("label") or ""),
            interviewer=str(self.manifest.get("interviewer") or ""),
            created_at=str(self.manifest.get("created_at") or ""),
        )

    @property
    def interview_count(self) -> int:
        return sum(1 for p in self._parts.values() if p["kind"] == "interview")

    # -- step 2: every part --

    def read(self) -> BatchContent:
        """Read and check every part (checksums, JSON, references); nothing is kept open."""
        content = BatchContent(info=self.info)
        parts = self._parts
        used: set[str] = {MANIFEST}
        interview_ids: set[str] = set()
        for name, part in parts.items():
            kind = part["kind"]
            if kind == "form":
                content.forms.append(self._form(name, part, used))
            elif kind == "interview":
                self._interview(name, part, content, used, interview_ids)
            elif kind in ("doors", "visits") and name in (DOORS_PART, VISITS_PART):
                self._fieldwork(name, part, content, used)
            else:
                self._other_part(name, part, used)
        unused = sorted(set(parts) - used)
        if unused:
            raise self.fail(
                f"the part {unused[0]} belongs to no form or interview", ErrorCode.BATCH_MALFORMED
            )
        looped = edit_loops({i.instance_id: i.deprecated_id for i in content.interviews})
        if looped:
            raise self.fail(loop_reason(looped[0]), ErrorCode.BATCH_EDIT_CHAIN)
        return content

    def _other_part(self, name: str, part: dict[str, Any], used: set[str]) -> None:
        """A part of a kind a batch does not have (a campaign package's): left unused here,
        so the batch is refused."""

    def _fieldwork(self, name: str, part: dict[str, Any], content: Any, used: set[str]) -> None:
        """The doors or the visits of a version 2 batch (or of a campaign package)."""
        used.add(name)
        data = self._json(name, self._read_bytes(name, MAX_FIELDWORK_SIZE, part))
        try:
            if part["kind"] == "doors":
                content.doors = door_records(data)
            else:
                content.visits = visit_records(data)
        except ValueError as e:
            raise self.fail(f"{name} is malformed ({e})", ErrorCode.BATCH_MALFORMED) from e

    def _part_of(self, name: str, kind: str, used: set[str], owner: str) -> dict[str, Any]:
        part = self._parts.get(name) if isinstance(name, str) else None
        if part is None or part["kind"] != kind:
            raise self.fail(
                f"{owner} refers to a part {name!r} that is not in the batch",
                ErrorCode.BATCH_MALFORMED,
            )
        used.add(name)
        return part

    def _form(self, name: str, part: dict[str, Any], used: set[str]) -> IncomingForm:
        used.add(name)
        raw = self._read_bytes(name, MAX_JSON_SIZE, part)
        data = self._json(name, raw)
        text_fields = ("content_hash", "form_id", "version", "title", "source_name", "xform")
        if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in text_fields):
            raise self.fail(f"{name} is not a form definition", ErrorCode.BATCH_MALFORMED)
        content_hash = data["content_hash"]
        if name != f"forms/{safe_form_name(content_hash)}.json":
            raise self.fail(
                f"{name} does not hold the form its name says", ErrorCode.BATCH_MALFORMED
            )
        if not xform_matches(content_hash, data["xform"]):
            raise self.fail(
                f"the XForm in {name} does not match its hash {content_hash}",
                ErrorCode.BATCH_BAD_CHECKSUM,
            )
        if data.get("source_part") is not None:
            # Checked against the manifest like every part, but not kept: the coordinator
            # trusts a form by its XForm's hash only, and an XLSForm from a batch could say
            # anything (or be a zip bomb). Exports work from the XForm.
            source_part = self._part_of(data["source_part"], "form_source", used, name)
            self._read_bytes(source_part["path"], MAX_MEMBER_SIZE, source_part)
        media: dict[str, bytes] = {}
        for item in data.get("media") or []:
            if not isinstance(item, dict) or not isinstance(item.get("filename"), str):
                raise self.fail(f"{name} has a malformed media entry", ErrorCode.BATCH_MALFORMED)
            media_part = self._part_of(item.get("part"), "form_media", used, name)
            self._check_filename(item["filename"], name)
            media[item["filename"]] = self._read_bytes(
                media_part["path"], MAX_MEMBER_SIZE, media_part
            )
        return IncomingForm(
            content_hash=content_hash,
            form_id=data["form_id"],
            version=data["version"],
            title=data["title"],
            source_name=data["source_name"],
            source_bytes=None,
            xform=data["xform"],
            media=media,
        )

    def _check_filename(self, filename: str, owner: str) -> None:
        try:
            check_attachment_name(filename)
        except SurveyorError as e:
            raise self.fail(
                f"{owner} names an unsafe file {filename!r}", ErrorCode.BATCH_UNSAFE_PATH
            ) from e

    def _interview(
        self,
        name: str,
        part: dict[str, Any],
        content: BatchContent,
        used: set[str],
        seen: set[str],
    ) -> None:
        used.add(name)
        raw = self._read_bytes(name, MAX_JSON_SIZE, part)
        data = self._json(name, raw)
        if not isinstance(data, dict) or not isinstance(data.get("instance_id"), str):
            raise self.fail(f"{name} is not an interview record", ErrorCode.BATCH_MALFORMED)
        instance_id = data["instance_id"]
        if name != f"interviews/{safe_instance_name(instance_id)}.json":
            raise self.fail(
                f"{name} does not hold the interview its name says", ErrorCode.BATCH_MALFORMED
            )
        if instance_id in seen:
            raise self.fail(f"the interview {instance_id} appears twice", ErrorCode.BATCH_MALFORMED)
        seen.add(instance_id)
        for key in ("form_id", "form_version", "form_hash"):
            if not isinstance(data.get(key), str) or not data[key]:
                raise self.fail(f"{name} has no {key}", ErrorCode.BATCH_MALFORMED)
        content.form_hashes.add(data["form_hash"])
        interviewer = data.get("interviewer") or ""
        if not isinstance(interviewer, str):
            raise self.fail(f"{name} has a malformed interviewer", ErrorCode.BATCH_MALFORMED)
        if data.get("encrypted") is True:
            payload = self._part_of(data.get("payload"), "encrypted_payload", used, name)
            path = payload["path"]
            content.encrypted.append(
                IncomingEncrypted(
                    instance_id=instance_id,
                    sha256=payload["sha256"],
                    form_id=data["form_id"],
                    form_version=data["form_version"],
                    form_hash=data["form_hash"],
                    interviewer=interviewer,
                    stub=data,
                    read=lambda p=path, e=payload: self._read_bytes(p, MAX_MEMBER_SIZE, e),
                )
            )
            return
        self._check_record(name, data)
        if names_itself(instance_id, data.get("deprecated_id")):
            raise self.fail(
                f"the interview {instance_id} names itself as the version it edits",
                ErrorCode.BATCH_EDIT_CHAIN,
            )
        stem = safe_instance_name(instance_id)
        attachments = []
        for item in data["attachments"]:
            filename = item["filename"]
            self._check_filename(filename, name)
            file_part = self._part_of(f"attachments/{stem}/{filename}", "attachment", used, name)
            if file_part["sha256"] != item["sha256"] or file_part["size"] != item["size"]:
                raise self.fail(
                    f"the file {filename} of {name} does not match its checksum",
                    ErrorCode.BATCH_BAD_CHECKSUM,
                )
            self._read_bytes(file_part["path"], MAX_MEMBER_SIZE, file_part)  # verified now
            attachments.append((filename, item["media_type"], item["size"], item["sha256"]))
        # the record's JSON text as written (checked above) is what is kept
        content.interviews.append(
            IncomingInterview.of_record(data, attachments, text=raw.decode("utf-8"))
        )

    def _check_record(self, name: str, data: dict[str, Any]) -> None:
        """The shape of an Interview.to_dict(), as the store needs it."""
        if not isinstance(data.get("status"), str) or data["status"] not in _CARRIED:
            raise self.fail(
                f"{name} has the status {data.get('status')!r}: a batch carries only "
                "finalized interviews",
                ErrorCode.BATCH_MALFORMED,
            )
        malformed = ErrorCode.BATCH_MALFORMED
        for column in record.COLUMNS:  # the record's one definition
            key = column.name
            if column.kind == "text" and key not in _CHECKED_APART:
                if not isinstance(data.setdefault(key, ""), str):
                    raise self.fail(f"{name} has a malformed {key}", malformed)
            elif column.kind == "optional":
                if data.get(key) is not None and not isinstance(data[key], str):
                    raise self.fail(f"{name} has a malformed {key}", malformed)
            elif column.kind == "count":
                value = data.get(key)
                if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                    raise self.fail(f"{name} has a malformed {key} (not a whole number)", malformed)
        if not data["created_at"] or not data["updated_at"]:
            raise self.fail(f"{name} has no creation time", malformed)
        if not isinstance(data.get("answers"), dict):
            raise self.fail(f"{name} has no answers object", ErrorCode.BATCH_MALFORMED)
        problem = _answers_problem(data["answers"])
        if problem:
            raise self.fail(
                f"{name} has a malformed answers object ({problem})", ErrorCode.BATCH_MALFORMED
            )
        handed_in = data.setdefault("handed_in", [])
        if not isinstance(handed_in, list) or not all(
            isinstance(h, dict) and all(isinstance(v, str) for v in h.values()) for h in handed_in
        ):
            raise self.fail(f"{name} has a malformed handed_in list", ErrorCode.BATCH_MALFORMED)
        attachments = data.setdefault("attachments", [])
        if not isinstance(attachments, list) or not all(
            isinstance(a, dict)
            and isinstance(a.get("filename"), str)
            and isinstance(a.get("sha256"), str)
            and isinstance(a.get("size"), int)
            and isinstance(a.setdefault("media_type", "application/octet-stream"), str)
            for a in attachments
        ):
            raise self.fail(f"{name} has a malformed attachment list", ErrorCode.BATCH_MALFORMED)

    def read_attachment(self, instance_id: str, filename: str) -> bytes:
        """An attached file's bytes (checked again against the manifest while read)."""
        name = f"attachments/{safe_instance_name(instance_id)}/{filename}"
        return self._read_bytes(name, MAX_MEMBER_SIZE, self._parts[name])


def _answers_problem(answers: dict[str, Any], depth: int = 0) -> str | None:
    """What is wrong with an answers object, or None: every value is a string (or null), a
    repeat a list of answers objects (see docs/ARCHITECTURE.md)."""
    if depth > 32:
        return "repeats nested too deeply"
    for key, value in answers.items():
        if value is None or isinstance(value, str):
            continue
        if isinstance(value, list):
            for item in value:
                if not isinstance(item, dict):
                    return f"{key!r} is a list of something other than answers"
                problem = _answers_problem(item, depth + 1)
                if problem:
                    return problem
            continue
        return f"{key!r} is a {type(value).__name__}, not text"
    return None


def iter_batch_paths(paths: list[Path]) -> Iterator[Path]:
    """Files as given; folders as their batch files."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from batch_files(path)
        else:
            yield path
