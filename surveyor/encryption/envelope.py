"""A protected file: a whole batch encrypted for the coordinator's public key, so that a lost
USB key exposes nothing (issue 14, "protected batches").

Layout: the line ``SURVEYOR-PROTECTED 1``, one line of JSON (``wrapped_key``: a random 256-bit
AES key wrapped with RSA-OAEP (SHA-256, MGF1 SHA-256), ``nonce``, ``key_sha256``: the
fingerprint of the public key it was made for), then the file encrypted with AES-256-GCM (the
header line is its associated data: changing either is detected).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from surveyor.encryption.odk import load_public_key
from surveyor.errors import DecryptionError, ErrorCode

MAGIC = b"SURVEYOR-PROTECTED 1\n"


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


def protect(data: bytes, public_key: str | rsa.RSAPublicKey) -> bytes:
    """``data`` encrypted for ``public_key`` (base64 text as in a form, or a key)."""
    key = load_public_key(public_key) if isinstance(public_key, str) else public_key
    aes_key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    header = json.dumps(
        {
            "wrapped_key": base64.b64encode(key.encrypt(aes_key, _oaep())).decode("ascii"),
            "nonce": base64.b64encode(nonce).decode("ascii"),
            "key_sha256": fingerprint(key),
        },
        separators=(",", ":"),
    ).encode("ascii")
    return MAGIC + header + b"\n" + AESGCM(aes_key).encrypt(nonce, data, MAGIC + header)


def unprotect(blob: bytes, private_key: rsa.RSAPrivateKey, *, name: str = "the file") -> bytes:
    """The original bytes of a protected file; DecryptionError (``DECRYPT_WRONG_KEY``: not
    made for this key; ``DECRYPT_DAMAGED``: changed or cut) otherwise."""
    if not is_protected(blob):
        raise DecryptionError(f"{name} is not a protected file.", code=ErrorCode.DECRYPT_DAMAGED)
    end = blob.find(b"\n", len(MAGIC))
    try:
        header_bytes = blob[len(MAGIC) : end]
        header = json.loads(header_bytes)
        wrapped = base64.b64decode(header["wrapped_key"], validate=True)
        nonce = base64.b64decode(header["nonce"], validate=True)
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
        return AESGCM(aes_key).decrypt(nonce, blob[end + 1 :], MAGIC + header_bytes)
    except (ValueError, InvalidTag) as exc:
        raise DecryptionError(
            f"{name} is damaged (it does not decrypt whole); nothing was changed.",
            code=ErrorCode.DECRYPT_DAMAGED,
        ) from exc
