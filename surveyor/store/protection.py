"""The laptop's store encrypted at rest: its key, its marker, and turning it on and off.

A protected store is the same ``surveyor.db``, every page encrypted by SQLCipher with a
256-bit key (``surveyor.store.engine``). The key is held

- by the **OS keychain** (``keyring``): a random key, kept under a name written in the
  marker; nobody types anything, the laptop's session unlocks it;
- or by a **passphrase**: the key is derived from it with scrypt and a random salt, and the
  passphrase is asked at each start (``--passphrase-file``, ``$SURVEYOR_STORE_PASSPHRASE``,
  or the app's dialog).

The marker ``store-protection.json`` beside the database says the store is protected and how
to unlock it (method, salt, the scrypt cost, a check value that tells a wrong passphrase
from a right one without opening the file); it holds no secret. A lost passphrase (or a lost
keychain) means the data cannot be read by anyone: there is no back door.

Protecting (:func:`protect`) and removing the protection (:func:`unprotect`) write the whole
database into a new file, check it, and only then put it in place; at no moment is there
no whole copy of the data on disk (see :func:`settle` for what an interrupted change leaves,
and how the next opening finishes or undoes it).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
import uuid
from dataclasses import dataclass
from dataclasses import field
from enum import StrEnum
from pathlib import Path

from surveyor.errors import ErrorCode
from surveyor.errors import StoreError
from surveyor.errors import StoreLockedError
from surveyor.paths import STORE_PASSPHRASE_ENV
from surveyor.store import engine

MARKER = "store-protection.json"
DB_NAME = "surveyor.db"
ENV_PASSPHRASE = STORE_PASSPHRASE_ENV
KEYRING_SERVICE = "surveyor-store"
MIN_PASSPHRASE = 8
# scrypt: 2**15 x 8 x 1 costs 32 MiB and about a tenth of a second, once per opening.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_CHECK_TEXT = b"surveyor store key check v1"
_PLAIN_HEADER = b"SQLite format 3\x00"
ENCRYPTING = ".encrypting.part"  # the encrypted copy being written, beside surveyor.db
DECRYPTING = ".decrypting.part"


class Method(StrEnum):
    KEYCHAIN = "keychain"
    PASSPHRASE = "passphrase"


@dataclass(frozen=True)
class Marker:
    """What ``store-protection.json`` says (no secret)."""

    method: Method
    check: str  # hex HMAC-SHA256(key, _CHECK_TEXT): tells a right key from a wrong one
    salt: str = ""  # hex, for a passphrase
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P
    keychain_name: str = ""  # the name of the key in the OS keychain

    def as_json(self) -> dict:
        out: dict = {"format": 1, "method": str(self.method), "check": self.check}
        if self.method is Method.PASSPHRASE:
            out["kdf"] = {"name": "scrypt", "salt": self.salt, "n": self.n, "r": self.r}
            out["kdf"]["p"] = self.p
        else:
            out["keychain"] = {"service": KEYRING_SERVICE, "name": self.keychain_name}
        return out


@dataclass
class ProtectionReport:
    """What :func:`protect` / :func:`unprotect` did."""

    method: Method | None  # None: the store is now plain
    database: Path
    copies: list[Path] = field(default_factory=list)  # backups re-made under the new key
    left_clear: list[Path] = field(default_factory=list)  # damaged copies it could not convert


# --- the marker ------------------------------------------------------------------------------


def marker_path(data_dir: Path) -> Path:
    return Path(data_dir) / MARKER


def read_marker(data_dir: Path) -> Marker | None:
    """The marker of ``data_dir``, or None (a plain store). A damaged marker is an error:
    guessing would either lock the data away or write clear pages into a protected file."""
    path = marker_path(data_dir)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        raise StoreError(
            f"The file {path}, which says how the database is protected, cannot be read "
            f"({e}); nothing was changed.",
            code=ErrorCode.STORE_LOCKED,
        ) from e
    try:
        method = Method(data["method"])
        if method is Method.PASSPHRASE:
            kdf = data["kdf"]
            return Marker(
                method, str(data["check"]), str(kdf["salt"]), int(kdf["n"]), int(kdf["r"]),
                int(kdf["p"]),
            )  # fmt: skip
        return Marker(method, str(data["check"]), keychain_name=str(data["keychain"]["name"]))
    except (KeyError, TypeError, ValueError) as e:
        raise StoreError(
            f"The file {path}, which says how the database is protected, is not one Surveyor "
            "wrote; nothing was changed.",
            code=ErrorCode.STORE_LOCKED,
        ) from e


def _write_durably(path: Path, data: bytes) -> None:
    part = path.with_name(path.name + ".part")
    with open(part, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(part, path)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows cannot open a folder to flush it; its renames are journaled
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def is_protected(data_dir: Path) -> bool:
    return read_marker(Path(data_dir)) is not None


def method_of(data_dir: Path) -> Method | None:
    marker = read_marker(Path(data_dir))
    return marker.method if marker else None


# --- keys --------------------------------------------------------------------------------------


def derive_key(passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = 1):
    """The store key from a passphrase: scrypt (memory-hard), 32 bytes."""
    # cryptography's scrypt is loaded only for a protected store
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=engine.KEY_BYTES, n=n, r=r, p=p).derive(
        passphrase.encode("utf-8")
    )


def _check_of(key: bytes) -> str:
    return hmac.new(key, _CHECK_TEXT, hashlib.sha256).hexdigest()


def _keychain_get(name: str) -> bytes | None:
    # keyring: ~0.5 s measured, loaded only for a store whose key is in the keychain
    import keyring
    from keyring.errors import KeyringError

    try:
        text = keyring.get_password(KEYRING_SERVICE, name)
    except KeyringError as e:
        raise StoreLockedError(
            f"The OS keychain cannot be read ({e}), and it holds the key of the protected "
            "database; nothing was changed.",
            code=ErrorCode.STORE_KEY_MISSING,
        ) from e
    try:
        return bytes.fromhex(text) if text else None
    except ValueError:
        return None


def _keychain_set(name: str, key: bytes) -> None:
    # keyring: loaded only to protect a store with the keychain
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, name, key.hex())
    except KeyringError as e:
        raise StoreError(
            f"The OS keychain refused to keep the database's key ({e}); nothing was changed. "
            "Protect it with a passphrase instead.",
            code=ErrorCode.STORE_KEY_MISSING,
        ) from e
    if _keychain_get(name) != key:
        raise StoreError(
            "The OS keychain did not keep the database's key (no keychain on this computer?); "
            "nothing was changed. Protect it with a passphrase instead.",
            code=ErrorCode.STORE_KEY_MISSING,
        )


def _keychain_delete(name: str) -> None:
    # keyring: loaded only to remove a store's protection
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.delete_password(KEYRING_SERVICE, name)
    except KeyringError:
        pass  # already gone: nothing to forget


# Keys unlocked in this process, by data dir: the app asks the passphrase once, and the
# short-lived stores of background passes (sending, downloads) open with the same key.
_unlocked: dict[str, bytes] = {}
_lock = threading.Lock()


def _id(data_dir: Path) -> str:
    return str(Path(data_dir).resolve())


def remember(data_dir: Path, key: bytes) -> None:
    with _lock:
        _unlocked[_id(data_dir)] = key


def forget(data_dir: Path) -> None:
    """Lock the store again in this process (the next opening asks again)."""
    with _lock:
        _unlocked.pop(_id(data_dir), None)


def unlock(data_dir: Path, passphrase: str | None = None) -> bytes | None:
    """The key of the store in ``data_dir``, or None for a plain store.

    Found, in order: from ``passphrase``, from an earlier unlocking in this process, from
    the OS keychain, from ``$SURVEYOR_STORE_PASSPHRASE``. Raises :class:`StoreLockedError`
    (nothing read nor written): no passphrase (``STORE_LOCKED``), a wrong one
    (``STORE_PASSPHRASE_WRONG``), no key in the keychain (``STORE_KEY_MISSING``).
    """
    data_dir = Path(data_dir)
    settle(data_dir)
    marker = read_marker(data_dir)
    if marker is None:
        return None
    if passphrase is None:
        with _lock:
            key = _unlocked.get(_id(data_dir))
        if key is not None and hmac.compare_digest(_check_of(key), marker.check):
            return key
    if marker.method is Method.KEYCHAIN and passphrase is None:
        key = _keychain_get(marker.keychain_name)
        if key is None:
            raise StoreLockedError(
                f"The database in {data_dir} is protected by a key kept in the OS keychain, "
                "and the keychain does not have it (another user, another computer?); nothing "
                "was changed.",
                code=ErrorCode.STORE_KEY_MISSING,
            )
        if not hmac.compare_digest(_check_of(key), marker.check):
            raise StoreLockedError(
                f"The key the OS keychain holds is not the one of the database in {data_dir}; "
                "nothing was changed.",
                code=ErrorCode.STORE_KEY_MISSING,
            )
        remember(data_dir, key)
        _protect_copies(data_dir, key)
        return key
    if marker.method is Method.KEYCHAIN:
        raise StoreLockedError(
            f"The database in {data_dir} is protected by the OS keychain, not by a passphrase; "
            "nothing was changed.",
            code=ErrorCode.STORE_PASSPHRASE_WRONG,
        )
    if passphrase is None:
        passphrase = os.environ.get(ENV_PASSPHRASE) or None
    if passphrase is None:
        raise StoreLockedError(
            f"The database in {data_dir} is protected by a passphrase: give it "
            f"(--passphrase-file FILE, or ${ENV_PASSPHRASE}); nothing was changed."
        )
    key = derive_key(passphrase, bytes.fromhex(marker.salt), marker.n, marker.r, marker.p)
    if not hmac.compare_digest(_check_of(key), marker.check):
        raise StoreLockedError(
            f"Wrong passphrase for the database in {data_dir}; nothing was changed.",
            code=ErrorCode.STORE_PASSPHRASE_WRONG,
        )
    remember(data_dir, key)
    _protect_copies(data_dir, key)
    return key


def _protect_copies(data_dir: Path, key: bytes) -> None:
    """Copies still clear beside a protected database (a protection interrupted after the
    database was renamed) are re-made encrypted now."""
    clear = [c for c in _copies(data_dir) if _is_plain(c)]
    if clear:
        _recopy(clear, None, key, ProtectionReport(Method.PASSPHRASE, data_dir / DB_NAME))


# --- an interrupted change -------------------------------------------------------------------


def _is_plain(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == _PLAIN_HEADER
    except FileNotFoundError:
        return False


def settle(data_dir: Path) -> None:
    """Finish or undo a protection change a crash interrupted, before anything opens the
    database. The order of :func:`protect` (the encrypted copy written and checked, then the
    marker, then the copy renamed over the database) and of :func:`unprotect` (the clear copy
    renamed over the database, then the marker removed) leaves one of:

    - the marker and a clear database: the change did not finish; the clear database is the
      whole data (written before the copy was made). The marker and the copy are removed:
      the store stays plain (protect it again);
    - a leftover ``.part`` copy without the marker: removed;
    - a marker half written (its ``.part``, killed before the rename): removed; the marker
      that counts is the one renamed into place, or none.
    """
    data_dir = Path(data_dir)
    db = data_dir / DB_NAME
    marker = marker_path(data_dir)
    encrypting = data_dir / (DB_NAME + ENCRYPTING)
    decrypting = data_dir / (DB_NAME + DECRYPTING)
    if marker.exists() and _is_plain(db):
        encrypting.unlink(missing_ok=True)
        marker.unlink()
        _fsync_dir(data_dir)
    if not marker.exists():
        encrypting.unlink(missing_ok=True)
    decrypting.unlink(missing_ok=True)
    marker.with_name(marker.name + ".part").unlink(missing_ok=True)


# --- turning it on and off ---------------------------------------------------------------------


def check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise StoreError(
            f"The passphrase must have at least {MIN_PASSPHRASE} characters; nothing was changed.",
            code=ErrorCode.STORE_PASSPHRASE_WRONG,
        )


def _copies(data_dir: Path) -> list[Path]:
    """The database's copies: rolling backups and the copies made before migrations."""
    folder = data_dir / "backups"
    found = sorted(folder.glob("surveyor-*.db")) if folder.is_dir() else []
    found += sorted(p for p in data_dir.glob(f"{DB_NAME}.bak-*") if p.is_file())
    return found


def _counts(path: Path, key: bytes | None) -> dict[str, int]:
    conn = engine.connect(path, key, readonly=True)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise StoreError(
                f"The database {path} is not sound ({problems[0]}); nothing was changed. "
                "Run `surveyor doctor --repair` first."
            )
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def _convert(source: Path, old: bytes | None, target: Path, new: bytes | None) -> None:
    """Write ``source`` (under key ``old``) into ``target`` (under ``new``), flush it, and
    check it: sound, and the same rows in every table."""
    target.unlink(missing_ok=True)
    before = _counts(source, old)
    engine.export_database(source, old, target, new)
    _fsync_file(target)
    after = _counts(target, new)
    if after != before:
        target.unlink(missing_ok=True)
        raise StoreError(
            f"The converted copy of {source} does not hold the same rows; nothing was changed."
        )


def _quiesce(db: Path, key: bytes | None) -> tuple:
    """Move the WAL into the database and let it close, so the file alone is the data;
    returns the file's size and time to notice a write made meanwhile."""
    conn = engine.connect(db, key)
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        conn.execute("PRAGMA journal_mode = delete")  # removes the -wal and -shm files
    except engine.OperationalError as e:
        busy = 1
        reason = e
    else:
        reason = None
    finally:
        conn.close()
    if busy or Path(f"{db}-wal").exists():
        raise StoreError(
            f"The database {db} is in use by another Surveyor (the app or a command); close it "
            f"and try again; nothing was changed.{f' ({reason})' if reason else ''}",
            code=ErrorCode.STORE_BUSY,
        )
    st = os.stat(db)
    return (st.st_size, st.st_mtime_ns)


def _put_in_place(part: Path, db: Path, before: tuple, doing: str) -> None:
    """Rename the converted ``part`` over ``db``, unless ``db`` was written since
    :func:`_quiesce` (another Surveyor started meanwhile): then nothing is changed."""
    st = os.stat(db)
    if (st.st_size, st.st_mtime_ns) != before or Path(f"{db}-wal").exists():
        raise StoreError(
            f"The database {db} was written while it was being {doing}; nothing was changed. "
            "Close Surveyor everywhere and try again.",
            code=ErrorCode.STORE_BUSY,
        )
    os.replace(part, db)
    _fsync_dir(db.parent)


def _recopy(copies: list[Path], old: bytes | None, new: bytes | None, report) -> None:
    """Re-make each copy under the new key, in place (a damaged one is reported, kept)."""
    for copy in copies:
        part = copy.with_name(copy.name + ".rekey.part")
        try:
            written = copy.stat()
            _convert(copy, old, part, new)
            # the copy's time stays that of its data: the newest backup is still the newest
            os.utime(part, ns=(written.st_atime_ns, written.st_mtime_ns))
            os.replace(part, copy)
            report.copies.append(copy)
        except (StoreError, *engine.Error):
            part.unlink(missing_ok=True)
            report.left_clear.append(copy)
    if copies:
        _fsync_dir(copies[0].parent)


def protect(
    data_dir: Path,
    *,
    passphrase: str | None = None,
    keychain: bool = False,
    fail_at: str | None = None,
) -> ProtectionReport:
    """Encrypt the store of ``data_dir`` at rest, with the keychain or a passphrase.

    Close Surveyor elsewhere first (a database in use is refused). ``fail_at`` (tests only)
    stops after the named step, as a crash there would: ``copy``, ``marker``, ``rename``.
    """
    data_dir = Path(data_dir)
    if keychain == (passphrase is not None):
        raise StoreError("Choose the OS keychain or a passphrase to protect the database.")
    data_dir.mkdir(parents=True, exist_ok=True)
    settle(data_dir)
    if read_marker(data_dir) is not None:
        raise StoreError(
            f"The database in {data_dir} is already protected; nothing was changed.",
            code=ErrorCode.STORE_FAILED,
        )
    key = secrets.token_bytes(engine.KEY_BYTES)
    if keychain:
        marker = Marker(Method.KEYCHAIN, "", keychain_name=str(uuid.uuid4()))
    else:
        check_passphrase(passphrase or "")
        salt = secrets.token_bytes(16)
        key = derive_key(passphrase or "", salt)
        marker = Marker(Method.PASSPHRASE, "", salt.hex())
    marker = Marker(**{**marker.__dict__, "check": _check_of(key)})
    db = data_dir / DB_NAME
    report = ProtectionReport(marker.method, db)
    part = data_dir / (DB_NAME + ENCRYPTING)
    before = _quiesce(db, None) if db.exists() else None
    try:
        if before is not None:
            _convert(db, None, part, key)
        if fail_at == "copy":
            return report
        if keychain:
            _keychain_set(marker.keychain_name, key)
        _write_durably(marker_path(data_dir), json.dumps(marker.as_json(), indent=1).encode())
        if fail_at == "marker":
            return report
        if before is not None:
            _put_in_place(part, db, before, "protected")
    except BaseException:
        marker_path(data_dir).unlink(missing_ok=True)
        part.unlink(missing_ok=True)
        if keychain:
            _keychain_delete(marker.keychain_name)
        raise
    remember(data_dir, key)
    if fail_at == "rename":
        return report
    _recopy(_copies(data_dir), None, key, report)
    return report


def unprotect(data_dir: Path, passphrase: str | None = None) -> ProtectionReport:
    """Remove the protection: the store becomes a plain SQLite file again (and its copies).

    The passphrase (or the keychain) unlocks it; a wrong one changes nothing."""
    data_dir = Path(data_dir)
    key = unlock(data_dir, passphrase)
    if key is None:
        raise StoreError(f"The database in {data_dir} is not protected; nothing was changed.")
    marker = read_marker(data_dir)
    db = data_dir / DB_NAME
    report = ProtectionReport(None, db)
    # the copies first: a crash after them leaves clear copies beside the protected database
    # (the data readable, as asked), never encrypted copies whose key is forgotten
    _recopy(_copies(data_dir), key, None, report)
    if db.exists():
        before = _quiesce(db, key)
        part = data_dir / (DB_NAME + DECRYPTING)
        try:
            _convert(db, key, part, None)
            _put_in_place(part, db, before, "unprotected")
        finally:
            part.unlink(missing_ok=True)
    # the database is clear now: a crash here leaves the marker, removed at the next opening
    marker_path(data_dir).unlink(missing_ok=True)
    _fsync_dir(data_dir)
    forget(data_dir)
    if marker is not None and marker.method is Method.KEYCHAIN:
        _keychain_delete(marker.keychain_name)
    return report
