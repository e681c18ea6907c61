"""Keyed pseudonyms for exports: HMAC-SHA256 of a value under the campaign's secret.

The secret is 32 random bytes kept in the coordinator's data dir (``pseudonym.key``, readable
by its owner only), made the first time it is needed: the same value gives the same token in
every export of the campaign (so rows of one person can be linked), and without the file no
one can test a guess (a plain hash of a phone number is reversed by trying every number).
The token is short and readable: ``P-`` and 12 base32 characters (60 bits).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_NAME = "pseudonym.key"
TOKEN_CHARS = 12


def campaign_key(data_dir: Path) -> bytes:
    """The campaign's secret (made and kept in ``data_dir`` on first use)."""
    path = Path(data_dir) / KEY_NAME
    try:
        text = path.read_text("ascii").strip()
        if len(text) == 64:
            return bytes.fromhex(text)
    except (OSError, ValueError):
        pass
    key = secrets.token_bytes(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key.hex())
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return key


def pseudonym(key: bytes, value: str) -> str:
    """``P-XXXXXXXXXXXX``: the keyed hash of ``value`` (whitespace around it ignored)."""
    digest = hmac.new(key, value.strip().encode("utf-8"), hashlib.sha256).digest()
    return "P-" + base64.b32encode(digest).decode("ascii")[:TOKEN_CHARS]


class Pseudonymiser:
    """Replaces values by their pseudonym (empty stays empty)."""

    def __init__(self, key: bytes):
        self.key = key

    def __call__(self, value: str) -> str:
        return pseudonym(self.key, value) if value else value
