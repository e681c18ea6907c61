"""The coordinator's key pair: made here, the private key kept in a file protected by a
passphrase (PKCS#8, encrypted PEM) or in the OS keychain (``keyring``), the public key put
into an XLSForm's settings (``public_key``, as ODK reads it).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from surveyor.encryption.odk import load_public_key
from surveyor.encryption.odk import public_key_text
from surveyor.errors import EncryptionError
from surveyor.errors import ErrorCode

KEY_BITS = 2048  # ODK's documentation makes 2048-bit keys
KEYRING_SERVICE = "surveyor-private-key"
MIN_PASSPHRASE = 8


def new_private_key(bits: int = KEY_BITS) -> rsa.RSAPrivateKey:
    """A new RSA key pair (its public half: ``key.public_key()``)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def public_text_of(key: rsa.RSAPrivateKey) -> str:
    """The base64 public key to put into a form's ``public_key`` setting."""
    return public_key_text(key.public_key())


def check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise EncryptionError(
            f"The passphrase must have at least {MIN_PASSPHRASE} characters.",
            code=ErrorCode.KEY_PASSPHRASE_WRONG,
        )


def private_key_pem(key: rsa.RSAPrivateKey, passphrase: str) -> bytes:
    """The private key as an encrypted PKCS#8 PEM (the passphrase protects it)."""
    check_passphrase(passphrase)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def save_private_key(key: rsa.RSAPrivateKey, path: str | Path, passphrase: str) -> Path:
    """Write the private key, protected by ``passphrase``, to ``path`` (never over an existing
    file; readable by its owner only)."""
    path = Path(path)
    data = private_key_pem(key, passphrase)
    if path.exists():
        raise EncryptionError(
            f"{path} already exists: choose another file name (a key is never overwritten).",
            code=ErrorCode.KEY_INVALID,
        )
    fd, tmp = tempfile.mkstemp(prefix=".key-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_private_key_pem(data: bytes, passphrase: str | None, *, where: str) -> rsa.RSAPrivateKey:
    """The private key of a PEM text; EncryptionError naming ``where`` if the passphrase is
    wrong or it is not an RSA private key."""
    secret = passphrase.encode("utf-8") if passphrase else None
    try:
        key = serialization.load_pem_private_key(data, password=secret)
    except TypeError as exc:  # encrypted without a passphrase given, or the reverse
        raise EncryptionError(
            f"The private key {where} needs its passphrase.",
            code=ErrorCode.KEY_PASSPHRASE_WRONG,
        ) from exc
    except ValueError as exc:
        encrypted = b"ENCRYPTED" in data[:64]
        raise EncryptionError(
            f"The passphrase of the private key {where} is wrong."
            if encrypted
            else f"{where} is not a private key file.",
            code=ErrorCode.KEY_PASSPHRASE_WRONG if encrypted else ErrorCode.KEY_INVALID,
        ) from exc
    if not isinstance(key, rsa.RSAPrivateKey):
        raise EncryptionError(f"{where} is not an RSA private key.", code=ErrorCode.KEY_INVALID)
    return key


def load_private_key(path: str | Path, passphrase: str | None) -> rsa.RSAPrivateKey:
    """The private key of a key file (:func:`save_private_key`)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EncryptionError(
            f"The private key file {path} cannot be read ({exc.strerror or exc}).",
            code=ErrorCode.KEY_NOT_FOUND,
        ) from exc
    return load_private_key_pem(data, passphrase, where=str(path))


# --- the OS keychain -----------------------------------------------------------------------


def save_to_keychain(key: rsa.RSAPrivateKey, name: str) -> None:
    """Keep the private key in the OS keychain under ``name`` (the keychain protects it)."""
    # keyring: ~0.5 s measured, loaded only for a key in the keychain
    import keyring
    from keyring.errors import KeyringError

    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    try:
        keyring.set_password(KEYRING_SERVICE, name, pem)
    except KeyringError as exc:
        raise EncryptionError(
            f"The OS keychain refused to keep the private key {name!r} ({exc}).",
            code=ErrorCode.KEY_NOT_FOUND,
        ) from exc


def load_from_keychain(name: str) -> rsa.RSAPrivateKey:
    """The private key kept in the OS keychain under ``name``."""
    # keyring: ~0.5 s measured, loaded only for a key in the keychain
    import keyring
    from keyring.errors import KeyringError

    try:
        pem = keyring.get_password(KEYRING_SERVICE, name)
    except KeyringError as exc:
        raise EncryptionError(
            f"The OS keychain cannot be read ({exc}).", code=ErrorCode.KEY_NOT_FOUND
        ) from exc
    if not pem:
        raise EncryptionError(
            f"No private key {name!r} is kept in the OS keychain.", code=ErrorCode.KEY_NOT_FOUND
        )
    return load_private_key_pem(pem.encode("ascii"), None, where=f"{name!r} of the keychain")


# --- putting the public key into a form ----------------------------------------------------


def add_public_key_to_xlsform(
    path: str | Path, public_key: str, out: str | Path | None = None
) -> Path:
    """Put ``public_key`` into the ``public_key`` column of the XLSForm's settings sheet
    (made if missing); written to ``out`` (default: the file itself, replaced atomically)."""
    # openpyxl (~1.4 s measured) only to edit an .xlsx form
    from openpyxl import load_workbook

    load_public_key(public_key)  # refuse a key that is not one before touching the file
    path = Path(path)
    target = Path(out) if out else path
    if path.suffix.lower() != ".xlsx":
        raise EncryptionError(
            f"{path} is not an .xlsx XLSForm: put the public key into its settings by hand.",
            code=ErrorCode.KEY_INVALID,
        )
    try:
        book = load_workbook(path)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook
        raise EncryptionError(
            f"{path} cannot be read as a spreadsheet ({exc}).", code=ErrorCode.KEY_INVALID
        ) from exc
    sheet = book["settings"] if "settings" in book.sheetnames else book.create_sheet("settings")
    header = [c.value for c in sheet[1]] if sheet.max_row >= 1 else []
    header = [str(h).strip() if h is not None else "" for h in header]
    if "public_key" in header:
        column = header.index("public_key") + 1
    else:
        column = len([h for h in header if h]) + 1 if any(header) else 1
        sheet.cell(row=1, column=column, value="public_key")
    sheet.cell(row=2, column=column, value=public_key.strip())
    fd, tmp = tempfile.mkstemp(prefix=".form-", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    try:
        book.save(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
