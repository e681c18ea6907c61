"""The coordinator's signature on what it sends the laptops (issue 14): the campaign package
and a loose erasure list (``erasures.json``).

Ed25519. The signing key is derived from the campaign's secret kept in the coordinator's data
dir (``pseudonym.key``: HMAC-SHA256 of a fixed label), so nothing new is stored; its public
half (``signer``, 32 bytes in base64) travels in the package, and a laptop keeps the first one
it meets (trust on first use): later packages and lists must be signed by it.

A signed document is a JSON object with ``signer`` and ``signature``; the signature covers the
object without ``signature`` in canonical JSON (sorted keys, no spaces, ASCII).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

LABEL = b"surveyor campaign signing key 1"


def signing_key(secret: bytes) -> Ed25519PrivateKey:
    """The campaign's signing key, derived from its secret (the same secret, the same key)."""
    seed = hmac.new(secret, LABEL, hashlib.sha256).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


def signer_text(key: Ed25519PrivateKey) -> str:
    """The public half of ``key`` in base64 (what a laptop pins)."""
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def canonical(document: dict[str, Any]) -> bytes:
    body = {k: v for k, v in document.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def sign(document: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    """``document`` with ``signer`` and ``signature`` added."""
    signed = {**document, "signer": signer_text(key)}
    signed["signature"] = base64.b64encode(key.sign(canonical(signed))).decode("ascii")
    return signed


def verify(document: Any, signer: str | None) -> bool:
    """Whether ``document`` is signed by ``signer`` (base64 public key) and unchanged since."""
    if not signer or not isinstance(document, dict) or document.get("signer") != signer:
        return False
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(signer, validate=True))
        signature = base64.b64decode(str(document.get("signature", "")), validate=True)
        public.verify(signature, canonical(document))
    except (ValueError, TypeError, binascii.Error, InvalidSignature):
        return False
    return True
