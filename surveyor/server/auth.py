"""HTTP Digest (RFC 7616) and Basic authentication, a short cache and brakes on bad guesses.

* **Digest** is what ODK Collect answers over plain HTTP: the server challenges with a nonce
  (``qop="auth"``, ``algorithm=MD5``, an ``opaque``), the client answers with a hash of its
  password; the server checks it against the account's stored HA1 = MD5(name:realm:password)
  (see docs/server.md for what storing it means). Nonces are signed with a secret kept in the
  database (every process of the server accepts them), expire after ``nonce_ttl`` seconds
  (then ``stale=true``), and a nonce count (``nc``) once used is refused (replays).
* **Basic**: the password is checked against its scrypt hash (about 50 ms of CPU). A credential
  once verified is remembered in this process for ``ttl`` seconds, keyed by the user name and a
  SHA-256 of the presented password (never the password itself). A successful Basic login of an
  account without a Digest HA1 (made before Digest existed) stores it.
* scrypt checks run in a thread pool, at most ``hash_workers`` at once; when more than
  ``hash_queue`` wait, the request gets 503 (``Retry-After: 1``) without a check: a flood of
  guesses costs bounded CPU and never holds the event loop, so other requests go on.
* **Brakes** (429 with ``Retry-After``, doubling up to 15 minutes, without any check): after
  ``max_failures`` bad attempts for one name from one address; after ``address_failures`` from
  one address whatever the names; after ``name_failures`` for one name whatever the addresses.
  The counters live in this process, in LRU tables of at most ``counter_cap`` entries each
  (the least recently touched is forgotten first), so their memory is bounded.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import unquote
from urllib.request import parse_http_list
from urllib.request import parse_keqv_list

from starlette.concurrency import run_in_threadpool

from surveyor.server import service

REALM = service.DIGEST_REALM
BLOCK_MAX_SECONDS = 900
COUNTER_CAP = 10_000


@dataclass(frozen=True)
class User:
    name: str
    role: str


@dataclass(frozen=True)
class Refusal:
    status: int  # 401, 429 or 503
    reason: str
    retry_after: int = 0
    stale: bool = False  # 401 for an expired Digest nonce: the client retries with a new one


class LRUCounters:
    """Failure counters keyed by anything, at most ``cap`` entries (LRU eviction)."""

    def __init__(self, cap: int):
        self.cap = cap
        self._entries: OrderedDict = OrderedDict()  # key -> [count, last, blocked_until]

    def __len__(self) -> int:
        return len(self._entries)

    def blocked_until(self, key, now: float) -> float:
        entry = self._entries.get(key)
        return entry[2] if entry is not None and entry[2] > now else 0.0

    def fail(self, key, now: float, *, limit: int, block_seconds: float) -> None:
        entry = self._entries.get(key)
        if entry is None or now - entry[1] > 3600:
            entry = [0, now, 0.0]
        self._entries[key] = entry
        self._entries.move_to_end(key)
        while len(self._entries) > self.cap:
            self._entries.popitem(last=False)
        entry[0] += 1
        entry[1] = now
        over = entry[0] - limit
        if over >= 0:
            entry[2] = now + min(block_seconds * (2 ** min(over, 20)), BLOCK_MAX_SECONDS)

    def forget(self, key) -> None:
        self._entries.pop(key, None)


class Authenticator:
    def __init__(
        self,
        engine,
        *,
        ttl: float = 60.0,
        max_failures: int = 5,
        address_failures: int = 20,
        name_failures: int = 50,
        block_seconds: float = 30.0,
        counter_cap: int = COUNTER_CAP,
        hash_workers: int = 2,
        hash_queue: int = 32,
        nonce_ttl: float = 300.0,
        clock=time.monotonic,
    ):
        self.engine = engine
        self.ttl = ttl
        self.max_failures = max_failures
        self.address_failures = address_failures
        self.name_failures = name_failures
        self.block_seconds = block_seconds
        self.clock = clock
        self.nonce_ttl = nonce_ttl
        self.hash_workers = hash_workers
        self.hash_queue = hash_queue
        self._verified: dict[tuple[str, bytes], tuple[str, float]] = {}
        self._accounts: dict[str, tuple[service.Account | None, float]] = {}
        self.pair_failures = LRUCounters(counter_cap)
        self.address_counters = LRUCounters(counter_cap)
        self.name_counters = LRUCounters(counter_cap)
        self._nonce_counts: OrderedDict[str, set[int]] = OrderedDict()
        self._secret: bytes | None = None
        self._hashing: asyncio.Semaphore | None = None
        self._waiting = 0

    # -- the challenge ------------------------------------------------------------------------

    async def challenges(self, *, stale: bool = False) -> list[str]:
        """The ``WWW-Authenticate`` values of a 401: Digest (MD5) first, then Basic."""
        secret = await self._get_secret()
        stamp = f"{int(time.time())}.{secrets.token_hex(8)}"
        nonce = f"{stamp}.{_sign(secret, stamp)}"
        digest = (
            f'Digest realm="{REALM}", qop="auth", algorithm=MD5, nonce="{nonce}", '
            f'opaque="{_sign(secret, "opaque")}"' + (", stale=true" if stale else "")
        )
        return [digest, f'Basic realm="{REALM}"']

    async def _get_secret(self) -> bytes:
        if self._secret is None:
            self._secret = await run_in_threadpool(
                service.server_secret, self.engine, "digest-nonce"
            )
        return self._secret

    # -- checking -----------------------------------------------------------------------------

    async def authenticate(
        self, authorization: str | None, client: str, *, method: str = "GET", uri: str = ""
    ) -> User | Refusal:
        if authorization and authorization[:7].lower() == "digest ":
            return await self._digest(authorization[7:], client, method, uri)
        credentials = parse_basic(authorization)
        if credentials is None:
            return Refusal(401, "no credentials" if not authorization else "unreadable credentials")
        name, password = credentials
        now = self.clock()
        # The brakes come first: a credential remembered from before does not open a door that
        # guessing from this address (or at this name) has closed.
        braked = self._brake(name, client, now)
        if braked is not None:
            return braked
        key = (name, hashlib.sha256(password.encode("utf-8")).digest())
        cached = self._verified.get(key)
        if cached is not None and cached[1] > now:
            return User(name, cached[0])
        account = await run_in_threadpool(service.get_account, self.engine, name)
        usable = account is not None and not account.revoked
        stored = account.password_hash if usable else service.DUMMY_HASH
        ok = await self._verify_password(password, stored)
        if isinstance(ok, Refusal):
            return ok
        if ok and usable:
            self.pair_failures.forget((name, client))
            if len(self._verified) > 10_000:
                self._verified = {k: v for k, v in self._verified.items() if v[1] > now}
            self._verified[key] = (account.role, now + self.ttl)
            if not service.has_digest_for(account, REALM):
                await run_in_threadpool(
                    service.store_digest_ha1, self.engine, name, password, REALM
                )
                self._accounts.pop(name, None)
            return User(name, account.role)
        self._note_failure(name, client, now)
        reason = (
            "revoked account"
            if account is not None and account.revoked
            else ("unknown user" if account is None else "bad password")
        )
        return Refusal(401, f"{reason} {name!r}")

    async def _verify_password(self, password: str, stored: str) -> bool | Refusal:
        """scrypt in the thread pool, at most ``hash_workers`` at once, a bounded queue."""
        if self._hashing is None:
            self._hashing = asyncio.Semaphore(self.hash_workers)
        if self._waiting >= self.hash_queue:
            return Refusal(503, "too many password checks at once", retry_after=1)
        self._waiting += 1
        try:
            async with self._hashing:
                return await run_in_threadpool(service.verify_password, password, stored)
        finally:
            self._waiting -= 1

    async def _digest(self, value: str, client: str, method: str, uri: str) -> User | Refusal:
        try:
            fields = parse_keqv_list(parse_http_list(value))
        except ValueError:
            return Refusal(401, "unreadable Digest credentials")
        name = fields.get("username", "")
        needed = ("username", "realm", "nonce", "uri", "response", "qop", "nc", "cnonce")
        if any(not fields.get(k) for k in needed):
            return Refusal(401, "incomplete Digest credentials (qop=auth with nc and cnonce)")
        if fields["realm"] != REALM or fields["qop"] != "auth":
            return Refusal(401, f"Digest realm must be {REALM!r} and qop 'auth'")
        if fields.get("algorithm", "MD5").upper() != "MD5":
            return Refusal(401, "Digest algorithm must be MD5")
        if not _same_uri(fields["uri"], uri):
            return Refusal(401, "Digest uri does not match the request")
        secret = await self._get_secret()
        if "opaque" in fields and not hmac.compare_digest(
            fields["opaque"], _sign(secret, "opaque")
        ):
            return Refusal(401, "Digest opaque does not match")
        nonce = fields["nonce"]
        stamp, _, signature = nonce.rpartition(".")
        if not stamp or not hmac.compare_digest(signature, _sign(secret, stamp)):
            return Refusal(401, "Digest nonce not issued by this server")
        try:
            issued = int(stamp.split(".", 1)[0])
            nc = int(fields["nc"], 16)
        except ValueError:
            return Refusal(401, "unreadable Digest nonce or nc")
        if time.time() - issued > self.nonce_ttl:
            return Refusal(401, "Digest nonce expired", stale=True)
        now = self.clock()
        braked = self._brake(name, client, now)
        if braked is not None:
            return braked
        account = await self._account(name, now)
        usable = account is not None and not account.revoked
        ha1 = service.digest_ha1_of(account, REALM) if usable else None
        if ha1 is None:
            self._note_failure(name, client, now)
            if usable:
                return Refusal(
                    401,
                    f"no Digest password stored for {name!r} yet: log in once "
                    "with Basic (over HTTPS) or reset the password",
                )
            return Refusal(401, f"{'revoked account' if account else 'unknown user'} {name!r}")
        ha2 = _md5(f"{method}:{fields['uri']}")
        expected = _md5(f"{ha1}:{nonce}:{fields['nc']}:{fields['cnonce']}:auth:{ha2}")
        if not hmac.compare_digest(expected, fields["response"].lower()):
            self._note_failure(name, client, now)
            return Refusal(401, f"bad password {name!r}")
        seen = self._nonce_counts.get(nonce)
        if seen is None:
            seen = self._nonce_counts[nonce] = set()
            while len(self._nonce_counts) > COUNTER_CAP:
                self._nonce_counts.popitem(last=False)
        if nc in seen or len(seen) > 10_000:
            return Refusal(401, "Digest nonce count already used (a replay)", stale=True)
        seen.add(nc)
        self.pair_failures.forget((name, client))
        return User(name, account.role)

    async def _account(self, name: str, now: float) -> service.Account | None:
        cached = self._accounts.get(name)
        if cached is not None and cached[1] > now:
            return cached[0]
        account = await run_in_threadpool(service.get_account, self.engine, name)
        if len(self._accounts) > 10_000:
            self._accounts = {k: v for k, v in self._accounts.items() if v[1] > now}
        self._accounts[name] = (account, now + self.ttl)
        return account

    # -- brakes -------------------------------------------------------------------------------

    def _brake(self, name: str, client: str, now: float) -> Refusal | None:
        for counters, key, what in (
            (self.pair_failures, (name, client), f"for {name!r}"),
            (self.address_counters, client, f"from {client}"),
            (self.name_counters, name, f"for {name!r}"),
        ):
            until = counters.blocked_until(key, now)
            if until:
                return Refusal(
                    429,
                    f"too many bad passwords {what}",
                    retry_after=max(1, int(until - now + 0.999)),
                )
        return None

    def _note_failure(self, name: str, client: str, now: float) -> None:
        self.pair_failures.fail(
            (name, client), now, limit=self.max_failures, block_seconds=self.block_seconds
        )
        self.address_counters.fail(
            client, now, limit=self.address_failures, block_seconds=self.block_seconds
        )
        self.name_counters.fail(
            name, now, limit=self.name_failures, block_seconds=self.block_seconds
        )


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def _sign(secret: bytes, text: str) -> str:
    return hmac.new(secret, text.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def _same_uri(given: str, requested: str) -> bool:
    return given == requested or unquote(given) == unquote(requested)


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
