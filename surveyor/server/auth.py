"""HTTP Basic authentication with a slow hash, a short cache and a brake on bad guesses.

* Passwords are stored as scrypt hashes (random salt). Checking one costs ~50 ms of CPU, so a
  credential once verified is remembered in this process for ``ttl`` seconds, keyed by the
  user name and a SHA-256 of the presented password (never the password itself). The cache is
  safe to lose; a revoked account or a new password takes effect within ``ttl`` seconds.
* After ``max_failures`` bad attempts for one user name from one client address, that pair
  gets 429 with ``Retry-After`` (doubling up to 15 minutes) without its password being checked.
  The counters live in this process (several processes each apply the limit).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import time
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool

from surveyor.server import service


@dataclass(frozen=True)
class User:
    name: str
    role: str


@dataclass(frozen=True)
class Refusal:
    status: int  # 401 or 429
    reason: str
    retry_after: int = 0


class Authenticator:
    def __init__(self, engine, *, ttl: float = 60.0, max_failures: int = 5,
                 block_seconds: float = 30.0, clock=time.monotonic):
        self.engine = engine
        self.ttl = ttl
        self.max_failures = max_failures
        self.block_seconds = block_seconds
        self.clock = clock
        self._verified: dict[tuple[str, bytes], tuple[str, float]] = {}
        self._failures: dict[tuple[str, str], list[float]] = {}  # count, last, blocked_until

    async def authenticate(self, authorization: str | None, client: str) -> User | Refusal:
        credentials = parse_basic(authorization)
        if credentials is None:
            return Refusal(401, "no credentials" if not authorization else "unreadable credentials")
        name, password = credentials
        now = self.clock()
        key = (name, hashlib.sha256(password.encode("utf-8")).digest())
        cached = self._verified.get(key)
        if cached is not None and cached[1] > now:
            return User(name, cached[0])
        failure_key = (name, client)
        failures = self._failures.get(failure_key)
        if failures is not None and failures[2] > now:
            return Refusal(429, f"too many bad passwords for {name!r}",
                           retry_after=max(1, int(failures[2] - now + 0.999)))
        account = await run_in_threadpool(service.get_account, self.engine, name)
        usable = account is not None and not account.revoked
        stored = account.password_hash if usable else service.DUMMY_HASH
        ok = await run_in_threadpool(service.verify_password, password, stored)
        if ok and usable:
            self._failures.pop(failure_key, None)
            if len(self._verified) > 10_000:
                self._verified = {k: v for k, v in self._verified.items() if v[1] > now}
            self._verified[key] = (account.role, now + self.ttl)
            return User(name, account.role)
        self._note_failure(failure_key, now)
        reason = "revoked account" if account is not None and account.revoked else (
            "unknown user" if account is None else "bad password")
        return Refusal(401, f"{reason} {name!r}")

    def _note_failure(self, key: tuple[str, str], now: float) -> None:
        if len(self._failures) > 100_000:
            self._failures = {k: v for k, v in self._failures.items() if v[1] > now - 3600}
        entry = self._failures.get(key)
        if entry is None or now - entry[1] > 3600:
            entry = [0, now, 0.0]
            self._failures[key] = entry
        entry[0] += 1
        entry[1] = now
        over = entry[0] - self.max_failures
        if over >= 0:
            entry[2] = now + min(self.block_seconds * (2 ** over), 900)


def parse_basic(authorization: str | None) -> tuple[str, str] | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    name, sep, password = decoded.partition(":")
    if not sep or not name:
        return None
    return name, password
