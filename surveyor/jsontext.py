"""The one JSON text form the store and the batches use: compact, UTF-8, keys in order.

Answers are stored as this text and an interview's content hash is taken over it, so every
writer must produce exactly the same text for the same value. orjson does it several times
faster than the standard library (merging 100,000 interviews spends much of its time here)
and gives byte-identical output to ``json.dumps(ensure_ascii=False, separators=(",", ":"))``
(a hypothesis test checks it); values orjson refuses fall back to the standard library.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(value: Any) -> str:
    """Compact JSON text of ``value``."""
    try:
        return orjson.dumps(value).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):  # e.g. an int beyond 64 bits, a non-str key
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(data: str | bytes) -> Any:
    """Parse JSON text or UTF-8 bytes; ValueError (json.JSONDecodeError) when malformed."""
    return orjson.loads(data)
