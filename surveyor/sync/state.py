"""Small files in the data dir: the sending lock, the sync status, the download cursors.

- ``sync.lock``: held (an OS file lock: ``fcntl.flock`` / ``msvcrt.locking``) while
  interviews are being sent, so "Send now" and the automatic sending never overlap, even
  from two processes. The OS drops the lock when the process dies: no stale lock to clean.
- ``sync-status.json``: last successful sync, last error (what the app shows).
- ``download-cursors.json``: the coordinator's position in each server's submissions.
- ``sync-decisions.json``: interviews the server refused in a way only a person can settle
  (a 409: an edit of a version someone else already replaced, or another interview with the
  same instanceID). They are not sent again automatically until a person asks
  (``surveyor sync --retry-held``, :func:`release_held`).

JSON files are written atomically (temporary file, fsync, rename). No password is ever
written here (see :mod:`surveyor.sync.password`).
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

from surveyor.errors import SyncAlreadyRunning

LOCK_NAME = "sync.lock"
STATUS_NAME = "sync-status.json"
CURSORS_NAME = "download-cursors.json"
DECISIONS_NAME = "sync-decisions.json"

_file_lock = threading.Lock()  # one writer at a time within this process


class SyncLock:
    """A non-blocking exclusive lock on ``<data_dir>/sync.lock``; use as a context manager."""

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / LOCK_NAME
        self._file = None

    def acquire(self) -> bool:
        """Take the lock, or return False at once if someone holds it."""
        handle = open(self.path, "a+b")  # noqa: SIM115 - kept open while locked
        try:
            if sys.platform == "win32":
                # Windows only
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                # POSIX only
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        try:  # who holds it, for a person looking (the lock itself is the OS's)
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n".encode())
            handle.flush()
        except OSError:
            pass
        self._file = handle
        return True

    def release(self) -> None:
        handle, self._file = self._file, None
        if handle is None:
            return
        try:
            if sys.platform == "win32":
                # Windows only
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                # POSIX only
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        finally:
            handle.close()

    def __enter__(self) -> SyncLock:
        if not self.acquire():
            raise SyncAlreadyRunning(self.path)
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_json(path: Path, data: dict[str, Any]) -> None:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def update_json(path: Path, changes: dict[str, Any]) -> dict[str, Any]:
    with _file_lock:
        data = read_json(path)
        data.update(changes)
        write_json(path, data)
        return data


def read_status(data_dir: Path) -> dict[str, Any]:
    """``{"last_success_at", "last_attempt_at", "last_error", "last_error_code",
    "last_error_at", "server_url", "pending"}`` (keys missing until they happened;
    ``last_error_code`` is an :class:`~surveyor.errors.ErrorCode` value)."""
    return read_json(Path(data_dir) / STATUS_NAME)


def record_status(data_dir: Path, **changes: Any) -> dict[str, Any]:
    return update_json(Path(data_dir) / STATUS_NAME, changes)


def cursor_key(server_url: str, user: str | None) -> str:
    return f"{server_url}#{user or ''}"


def read_cursor(data_dir: Path, server_url: str, user: str | None) -> str:
    return str(read_json(Path(data_dir) / CURSORS_NAME).get(cursor_key(server_url, user)) or "")


def save_cursor(data_dir: Path, server_url: str, user: str | None, cursor: str) -> None:
    update_json(Path(data_dir) / CURSORS_NAME, {cursor_key(server_url, user): cursor})


def read_held(data_dir: Path) -> dict[str, dict[str, Any]]:
    """``{instance_id: {"message", "code", "at", "server_url"}}`` of the interviews that need a
    person's decision (see the module docstring)."""
    data = read_json(Path(data_dir) / DECISIONS_NAME)
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def hold(
    data_dir: Path,
    instance_id: str,
    *,
    message: str,
    at: str,
    server_url: str,
    code: str | None = None,
) -> None:
    update_json(
        Path(data_dir) / DECISIONS_NAME,
        {instance_id: {"message": message, "code": code, "at": at, "server_url": server_url}},
    )


def release_held(data_dir: Path, instance_ids: list[str] | None = None) -> list[str]:
    """Let the sender try these held interviews again (all when None); the ids released."""
    path = Path(data_dir) / DECISIONS_NAME
    with _file_lock:
        data = read_json(path)
        released = [i for i in data if instance_ids is None or i in instance_ids]
        for instance_id in released:
            del data[instance_id]
        write_json(path, data)
    return released
