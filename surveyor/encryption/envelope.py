"""A protected file: a whole batch encrypted for the coordinator's public key, or a campaign
package encrypted with a passphrase, so that a lost USB key exposes nothing (issue 14).

Layout: the line ``SURVEYOR-PROTECTED 1``, one line of JSON, then the file encrypted with
AES-256-GCM (the header line is its associated data: changing either is detected). The header
says how the AES key is found:

- for a key: ``wrapped_key`` (a random 256-bit AES key wrapped with RSA-OAEP, SHA-256, MGF1
  SHA-256), ``key_sha256`` (the fingerprint of the public key it was made for);
- for a passphrase: ``kdf`` = ``scrypt`` with its ``salt``, ``n``, ``r``, ``p`` (the AES key is
  derived from the passphrase);

and always ``nonce``, and optionally ``meta``: a few words in clear about the file (a campaign
package's format, campaign id and revision: what a laptop needs to pick the newest one
without the passphrase; never personal data).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from surveyor.encryption.odk import load_public_key
from surveyor.errors import DecryptionError
from surveyor.errors import ErrorCode

MAGIC = b"SURVEYOR-PROTECTED 1\n"
SCRYPT_N = 2**15  # ~0.1 s and 32 MiB per try: slows down guessing a passphrase
SCRYPT_R = 8
SCRYPT_P = 1


def _oaep() -> padding.OAEP:
    return padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def fingerprint(key: rsa.RSAPublicKey) -> str:
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


def is_protected(head: bytes) -> bool:
    """Whether a file starting with ``head`` is a protected file."""
    return head.startswith(MAGIC)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _seal(aes_key: bytes, fields: dict, data: bytes, meta: dict | None) -> bytes:
    nonce = os.urandom(12)
    fields = {**fields, "nonce": _b64(nonce)}
    if meta:
        fields["meta"] = meta
    header = json.dumps(fields, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    return MAGIC + header + b"\n" + AESGCM(aes_key).encrypt(nonce, data, MAGIC + header)


def _split(blob: bytes, name: str) -> tuple[bytes, dict]:
    """The header line's bytes and its JSON; DecryptionError if it is not one."""
    if not is_protected(blob):
        raise DecryptionError(f"{name} is not a protected file.", code=ErrorCode.DECRYPT_DAMAGED)
    end = blob.find(b"\n", len(MAGIC))
    try:
        header_bytes = blob[len(MAGIC) : end]
        header = json.loads(header_bytes)
        if not isinstance(header, dict) or end < 0:
            raise ValueError("not a JSON object")
    except (ValueError, TypeError) as exc:
        raise DecryptionError(
            f"{name} is damaged (its header cannot be read).", code=ErrorCode.DECRYPT_DAMAGED
        ) from exc
    return header_bytes, header


def _open(aes_key: bytes, blob: bytes, header_bytes: bytes, header: dict, name: str) -> bytes:
    try:
        nonce = base64.b64decode(header["nonce"], validate=True)
        body = blob[len(MAGIC) + len(header_bytes) + 1 :]
        return AESGCM(aes_key).decrypt(nonce, body, MAGIC + header_bytes)
    except (ValueError, KeyError, TypeError, binascii.Error, InvalidTag) as exc:
        raise DecryptionError(
            f"{name} is damaged (it does not decrypt whole); nothing was changed.",
            code=ErrorCode.DECRYPT_DAMAGED,
        ) from exc


def protect(data: bytes, public_key: str | rsa.RSAPublicKey, *, meta: dict | None = None) -> bytes:
    """``data`` encrypted for ``public_key`` (base64 text as in a form, or a key)."""
    key = load_public_key(public_key) if isinstance(public_key, str) else public_key
    aes_key = AESGCM.generate_key(bit_length=256)
    fields = {
        "wrapped_key": _b64(key.encrypt(aes_key, _oaep())),
        "key_sha256": fingerprint(key),
    }
    return _seal(aes_key, fields, data, meta)


def unprotect(blob: bytes, private_key: rsa.RSAPrivateKey, *, name: str = "the file") -> bytes:
    """The original bytes of a protected file; DecryptionError (``DECRYPT_WRONG_KEY``: not
    made for this key; ``DECRYPT_DAMAGED``: changed or cut) otherwise."""
    header_bytes, header = _split(blob, name)
    if "kdf" in header:
        raise DecryptionError(
            f"{name} is protected by a passphrase, not for a key; nothing was changed."
        )
    try:
        wrapped = base64.b64decode(header["wrapped_key"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise DecryptionError(
            f"{name} is damaged (its header cannot be read).", code=ErrorCode.DECRYPT_DAMAGED
        ) from exc
    if header.get("key_sha256") != fingerprint(private_key.public_key()):
        raise DecryptionError(
            f"{name} was protected for another key: this private key does not open it; "
            "nothing was changed."
        )
    try:
        aes_key = private_key.decrypt(wrapped, _oaep())
    except ValueError as exc:
        raise DecryptionError(
            f"{name} is damaged (it does not decrypt whole); nothing was changed.",
            code=ErrorCode.DECRYPT_DAMAGED,
        ) from exc
    return _open(aes_key, blob, header_bytes, header, name)


# --- with a passphrase (a campaign package: the volunteers are told it) --------------------


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def protect_with_passphrase(data: bytes, passphrase: str, *, meta: dict | None = None) -> bytes:
    """``data`` encrypted with a key derived from ``passphrase`` (scrypt)."""
    salt = os.urandom(16)
    fields = {"kdf": "scrypt", "salt": _b64(salt), "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}
    return _seal(_derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P), fields, data, meta)


def unprotect_with_passphrase(blob: bytes, passphrase: str, *, name: str = "the file") -> bytes:
    """The original bytes of a file protected by a passphrase; DecryptionError
    (``DECRYPT_WRONG_KEY``: wrong passphrase, or changed) otherwise."""
    header_bytes, header = _split(blob, name)
    try:
        salt = base64.b64decode(header["salt"], validate=True)
        n, r, p = int(header["n"]), int(header["r"]), int(header["p"])
        if header["kdf"] != "scrypt" or not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
            raise ValueError("unexpected key derivation")
        aes_key = _derive(passphrase, salt, n, r, p)
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise DecryptionError(
            f"{name} is damaged (its header cannot be read).", code=ErrorCode.DECRYPT_DAMAGED
        ) from exc
    try:
        return _open(aes_key, blob, header_bytes, header, name)
    except DecryptionError as exc:  # AES-GCM cannot tell a wrong passphrase from a change
        raise DecryptionError(
            f"{name} does not open with this passphrase (a wrong passphrase, or the file was "
            "changed); nothing was changed."
        ) from exc


def header_of(blob: bytes) -> dict | None:
    """The clear header of a protected file (``meta``, ``kdf``...), or None."""
    try:
        return _split(blob, "the file")[1]
    except DecryptionError:
        return None
