"""The retry policy of sending: capped, jittered exponential backoff.

A module of its own, with nothing heavy to import: the app's window holds one from its
start (surveyor/ui/sync.py), and the sender (httpx, the store) loads only once the window
shows.
"""

from __future__ import annotations

import random as _random
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Backoff:
    """Capped, jittered exponential backoff: attempt n waits ``uniform(1-jitter, 1) *
    min(cap, base * factor**n)`` seconds ("equal jitter": never zero, never in lockstep with
    other laptops). ``random`` is injectable for tests."""

    base: float = 1.0
    factor: float = 2.0
    cap: float = 300.0
    jitter: float = 0.5
    random: Callable[[], float] = _random.random

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        raw = min(self.cap, self.base * self.factor ** max(0, attempt))
        wait = raw * (1 - self.jitter * self.random())
        if retry_after is not None:  # the server said when; never less, but still capped
            wait = max(wait, min(retry_after, self.cap))
        return wait
