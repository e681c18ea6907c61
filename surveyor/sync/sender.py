"""Sending the pending interviews, one per request, each marked ``sent`` or ``failed``.

Nothing is lost: an interview becomes ``sent`` only after the server answered 201/202 with an
OpenRosa response (the marks are written in small groups, one transaction each: an interview
whose mark a crash lost is simply sent again, and the server says it has it). Nothing arrives
twice: the same interview always renders the same XML with the same instanceID, and OpenRosa
servers treat a byte-identical resubmission as the same submission (201 again, stored once),
so a retry after a lost answer is safe.

``send_pending`` is one pass (what "Send now" and ``surveyor sync`` do); ``send_until_done``
repeats passes with the :class:`Backoff` policy until everything is delivered, an auth error
stops it, it is cancelled, or its deadline passes (what a background worker does).
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from surveyor.errors import ErrorCode
from surveyor.interviews.record import Status
from surveyor.interviews.record import format_timestamp
from surveyor.interviews.record import utc_now
from surveyor.services.interviews import FormLibrary
from surveyor.store import InterviewSummary
from surveyor.store import Store
from surveyor.sync.backoff import Backoff
from surveyor.sync.render import SubmissionRenderer  # noqa: F401 - public here too
from surveyor.sync.render import build_submission  # noqa: F401 - public here too
from surveyor.sync.state import SyncLock
from surveyor.sync.state import hold
from surveyor.sync.state import read_held
from surveyor.sync.state import record_status
from surveyor.sync.transport import Cancel
from surveyor.sync.transport import SendOutcome
from surveyor.sync.transport import SendResult
from surveyor.sync.transport import Submission
from surveyor.sync.transport import Transport

PENDING = (Status.FINALIZED, Status.FAILED)
IN_FLIGHT = 3  # requests on the network at once (each one interview)
MARK_EVERY = 50  # delivered interviews marked ``sent`` per transaction...
MARK_WITHIN = 0.5  # ...or after this many seconds, whichever comes first


@dataclass
class InterviewResult:
    instance_id: str
    instance_name: str
    outcome: SendOutcome
    message: str  # in English, for the CLI and the logs
    attempts: int
    code: ErrorCode | None = None  # what a failure means (None: delivered)

    def __str__(self) -> str:
        name = f"{self.instance_name} " if self.instance_name else ""
        what = {
            SendOutcome.SENT: "sent",
            SendOutcome.DUPLICATE: "sent (the server already had it)",
            SendOutcome.REJECTED: "REFUSED",
            SendOutcome.DECISION: "NEEDS A DECISION (not sent again automatically)",
            SendOutcome.RETRY: "FAILED (will retry)",
            SendOutcome.AUTH: "NOT SENT (authentication)",
            SendOutcome.CANCELLED: "not sent (cancelled)",
        }[self.outcome]
        detail = "" if self.outcome is SendOutcome.SENT else f": {self.message}"
        return f"{name}({self.instance_id}): {what}{detail}"


@dataclass
class SyncReport:
    server_url: str = ""
    results: list[InterviewResult] = field(default_factory=list)
    auth_error: str | None = None
    auth_code: ErrorCode | None = None  # SYNC_UNAUTHORIZED or SYNC_FORBIDDEN
    cancelled: bool = False
    stopped: str | None = None  # why the pass stopped early (server unreachable)
    stopped_code: ErrorCode | None = None  # the code of the last failure before it stopped
    left: int = 0  # pending interviews not tried in this pass
    # interviews held from earlier passes for a person's decision (not tried in this pass)
    held: list[InterviewResult] = field(default_factory=list)

    def _count(self, *outcomes: SendOutcome) -> int:
        return sum(1 for r in self.results if r.outcome in outcomes)

    @property
    def sent(self) -> int:
        return self._count(SendOutcome.SENT, SendOutcome.DUPLICATE)

    @property
    def duplicates(self) -> int:
        return self._count(SendOutcome.DUPLICATE)

    @property
    def rejected(self) -> int:
        return self._count(SendOutcome.REJECTED)

    @property
    def needs_decision(self) -> int:
        """Interviews refused in this pass in a way only a person can settle (held)."""
        return self._count(SendOutcome.DECISION)

    @property
    def retryable(self) -> int:
        """Interviews that failed for a reason that may go away (network, server)."""
        return self._count(SendOutcome.RETRY)

    @property
    def ok(self) -> bool:
        """Everything tried was delivered (interviews held from earlier passes for a person's
        decision are not tried, so they do not count: no new failure)."""
        return (
            not self.auth_error
            and not self.cancelled
            and not self.left
            and self.sent == len(self.results)
        )

    @property
    def finished(self) -> bool:
        """Nothing more to try now: all delivered, or only refusals left (or auth/cancel)."""
        return bool(
            self.auth_error
            or self.cancelled
            or (not self.left and not self.retryable and not self.stopped)
        )

    def error(self) -> tuple[str | None, ErrorCode | None]:
        """The pass's main failure, if any: (its English message, its code)."""
        if self.auth_error:
            return self.auth_error, self.auth_code or ErrorCode.SYNC_UNAUTHORIZED
        if self.stopped:
            return self.stopped, self.stopped_code or ErrorCode.SYNC_UNREACHABLE
        failed = next((r for r in self.results if not r.outcome.delivered), None)
        if failed is not None:
            return failed.message, failed.code
        return None, None

    def summary(self) -> str:
        parts = [f"{self.sent} sent"]
        if self.duplicates:
            parts[0] += f" ({self.duplicates} already on the server)"
        if self.rejected:
            parts.append(f"{self.rejected} refused by the server")
        waiting = self.needs_decision + len(self.held)
        if waiting:
            parts.append(
                f"{waiting} need(s) a decision (not sent again automatically; "
                "`surveyor sync --retry-held` tries them again)"
            )
        if self.retryable:
            parts.append(f"{self.retryable} failed (network or server: will retry)")
        if self.left:
            parts.append(f"{self.left} not tried")
        text = ", ".join(parts) + "."
        if self.auth_error:
            text += f" Authentication failed: {self.auth_error}"
        if self.stopped:
            text += f" Stopped: {self.stopped}"
        if self.cancelled:
            text += " Cancelled."
        return text

    def __str__(self) -> str:
        return "\n".join(
            [*(str(r) for r in self.results), *(str(r) for r in self.held), self.summary()]
        )


def _pending(store: Store, held: dict | None = None) -> list[InterviewSummary]:
    """Finalized and failed interviews, without those held for a person's decision."""
    if held is None:
        held = read_held(Path(store.path).parent)
    rows = [
        r
        for r in store.list_interviews(status=PENDING)
        if not (r.instance_id in held and r.status is Status.FAILED)
    ]
    rows.sort(key=lambda s: (s.finalized_at or s.updated_at or "", s.instance_id))
    return rows


def pending_ids(store: Store) -> list[str]:
    """Finalized and failed interviews, oldest finalized first (an edit after its original),
    without those held for a person's decision."""
    return [r.instance_id for r in _pending(store)]


def held_interviews(store: Store) -> list[InterviewResult]:
    """The interviews held for a person's decision (still ``failed`` in the store), with the
    server's reason."""
    held = read_held(Path(store.path).parent)
    if not held:
        return []
    return [
        InterviewResult(
            r.instance_id,
            r.instance_name,
            SendOutcome.DECISION,
            held[r.instance_id].get("message") or r.last_error or "",
            0,
            ErrorCode.parse(held[r.instance_id].get("code")) or ErrorCode.SYNC_CONFLICT,
        )
        for r in store.list_interviews(status=(Status.FAILED,))
        if r.instance_id in held
    ]


class _Marks:
    """Delivered interviews waiting to be marked ``sent``: written in groups, one transaction
    (one fsync) per group, at the latest ``within`` seconds after the first of a group."""

    def __init__(
        self,
        store: Store,
        to: str,
        every: int,
        within: float,
        monotonic: Callable[[], float] = time.monotonic,
    ):
        self.store, self.to, self.every, self.within = store, to, max(1, every), within
        self.monotonic = monotonic
        self.waiting: list[str] = []
        self.since = 0.0

    def sent(self, instance_id: str) -> None:
        if not self.waiting:
            self.since = self.monotonic()
        self.waiting.append(instance_id)

    def tick(self) -> None:
        if self.waiting and (
            len(self.waiting) >= self.every or self.monotonic() - self.since >= self.within
        ):
            self.flush()

    def flush(self) -> None:
        if self.waiting:
            self.store.mark_sent_many(self.waiting, to=self.to)
            self.waiting = []


def _waiter(cancel: Cancel | None, sleep: Callable[[float], None]):
    def wait(seconds: float) -> None:
        if seconds <= 0:
            return
        if cancel is not None and hasattr(cancel, "wait") and sleep is time.sleep:
            cancel.wait(seconds)  # a threading.Event: cancelling interrupts the wait
        else:
            sleep(seconds)

    return wait


def send_pending(
    store: Store,
    library: FormLibrary,
    transport: Transport,
    *,
    cancel: Cancel | None = None,
    progress: Callable[[int, int, InterviewResult | None], None] | None = None,
    backoff: Backoff | None = None,
    attempts: int = 3,
    give_up_after: int = 3,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], object] = utc_now,
    in_flight: int = IN_FLIGHT,
    mark_every: int = MARK_EVERY,
    mark_within: float = MARK_WITHIN,
    render_process: bool | None = None,
) -> SyncReport:
    """Send every finalized or failed interview once, each in its own request (one pass).

    Each interview is tried up to ``attempts`` times (backoff between tries) on retryable
    errors; then it is marked ``failed`` with the reason and the pass goes on, unless
    ``give_up_after`` interviews in a row failed that way (the server is unreachable: the
    rest are left for the next pass). A refusal (409, 404...) marks it ``failed`` with the
    server's reason; an auth error stops the pass at once. ``progress(done, total, result)``
    is called before the first and after each interview, in order. Raises
    :class:`~surveyor.sync.state.SyncAlreadyRunning` if another sending holds the lock.

    Up to ``in_flight`` requests are on the network at once (one until the server has
    accepted a first interview in this pass), each carrying one interview; an edit is sent
    only once the result for the version it replaces is in. Delivered interviews are marked
    ``sent`` in groups (``mark_every`` of them, or ``mark_within`` seconds after the first
    of a group, and always before returning), one transaction each: a crash before a group
    is written only makes the next pass send those again, which the server answers as
    "already received" (the XML is rendered byte-identical).
    """
    backoff = backoff or Backoff()
    wait = _waiter(cancel, sleep)
    data_dir = Path(store.path).parent
    report = SyncReport(server_url=transport.url)
    in_flight = max(1, in_flight)

    def attempt(submission: Submission | SendResult) -> tuple[SendResult, int]:
        if isinstance(submission, SendResult):  # could not be rendered
            return submission, 0
        tries = 0
        while True:
            tries += 1
            result = transport.send(submission, cancel=cancel)
            if result.outcome is not SendOutcome.RETRY or tries >= attempts:
                return result, tries
            if cancel is not None and cancel.is_set():
                return result, tries
            wait(backoff.delay(tries - 1, result.retry_after))

    def cancelled() -> bool:
        return cancel is not None and cancel.is_set()

    with (
        SyncLock(data_dir),
        ThreadPoolExecutor(in_flight, thread_name_prefix="surveyor-send") as pool,
    ):
        summaries = _pending(store)
        report.held = held_interviews(store)
        ids = [s.instance_id for s in summaries]
        edits = {s.instance_id: s.deprecated_id for s in summaries if s.deprecated_id}
        position = {instance_id: i for i, instance_id in enumerate(ids)}
        record_status(
            data_dir,
            last_attempt_at=format_timestamp(clock()),
            server_url=transport.url,
            pending=len(ids),
        )
        if progress is not None:
            progress(0, len(ids), None)
        marks = _Marks(store, transport.url, mark_every, mark_within)
        renderer = SubmissionRenderer(store, library, ids, process=render_process)
        # (index, name, future), oldest first; results are taken in this order
        flying: deque[tuple[int, str, Future]] = deque()
        submitted = 0  # ids[:submitted] were handed to the pool
        processed = 0  # ids[:processed] have their result recorded
        window = 1  # until the server accepted one: a dead or refusing server sees one request
        unreachable = 0
        stop = False
        try:
            while True:
                while not stop and submitted < len(ids) and len(flying) < window:
                    if cancelled():
                        report.cancelled = True
                        stop = True
                        break
                    instance_id = ids[submitted]
                    original = edits.get(instance_id)
                    if (
                        original is not None
                        and position.get(original, len(ids)) < submitted
                        and position[original] >= processed
                    ):
                        break  # an edit waits for the result of the version it replaces
                    submission, name = renderer.get(instance_id)
                    flying.append((submitted, name, pool.submit(attempt, submission)))
                    submitted += 1
                if not flying:
                    break
                index, name, future = flying.popleft()
                result, tries = future.result()
                processed = index + 1
                instance_id = ids[index]
                item = InterviewResult(
                    instance_id, name, result.outcome, result.message, tries, result.code
                )
                if result.outcome.delivered:
                    unreachable = 0
                    window = in_flight
                    marks.sent(instance_id)
                elif result.outcome in (
                    SendOutcome.REJECTED,
                    SendOutcome.RETRY,
                    SendOutcome.DECISION,
                ):
                    if result.outcome is SendOutcome.RETRY:
                        unreachable += 1
                    store.mark_failed(instance_id, result.message)
                    if result.outcome is SendOutcome.DECISION:
                        hold(
                            data_dir,
                            instance_id,
                            message=result.message,
                            at=format_timestamp(clock()),
                            server_url=transport.url,
                            code=result.code,
                        )
                if result.outcome is SendOutcome.CANCELLED:
                    report.cancelled = stop = True
                    report.left += 1
                elif result.outcome is SendOutcome.AUTH and report.auth_error is not None:
                    report.left += 1  # in flight with the first one: reported once
                else:
                    report.results.append(item)
                if result.outcome is SendOutcome.AUTH:
                    if report.auth_error is None:
                        report.auth_error, report.auth_code = result.message, result.code
                    stop = True
                elif unreachable >= give_up_after and not stop and submitted < len(ids):
                    report.stopped = (
                        f"{unreachable} interviews in a row could not be sent "
                        f"({result.message}); the server looks unreachable"
                    )
                    report.stopped_code = result.code
                    stop = True
                marks.tick()
                if progress is not None:
                    progress(index + 1, len(ids), item)
        except BaseException:
            for _index, _name, future in flying:
                future.cancel()
            with contextlib.suppress(Exception):
                marks.flush()  # what was delivered is still recorded
            raise
        finally:
            renderer.close()
        marks.flush()
        report.left += len(ids) - submitted
        now = format_timestamp(clock())
        error, code = report.error()
        changes: dict = {
            "pending": len(pending_ids(store)),
            "needs_decision": len(held_interviews(store)),
        }
        if error:
            changes.update(last_error=error, last_error_code=code, last_error_at=now)
        else:
            changes.update(last_error=None, last_error_code=None)
        if report.ok or (report.sent and not error):
            changes["last_success_at"] = now
        elif report.sent:
            changes["last_partial_at"] = now
        record_status(data_dir, **changes)
    return report


def send_until_done(
    store: Store,
    library: FormLibrary,
    transport: Transport,
    *,
    cancel: Cancel | None = None,
    backoff: Backoff | None = None,
    deadline: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
    monotonic: Callable[[], float] = time.monotonic,
    on_pass: Callable[[SyncReport], None] | None = None,
    **options,
) -> SyncReport:
    """Passes of :func:`send_pending` until nothing retryable is left (or auth error, cancel,
    or ``deadline`` seconds). Between passes it waits ``backoff.delay(n)``: for as long as it
    takes, never hammering the server. Returns the last pass's report."""
    backoff = backoff or Backoff()
    wait = _waiter(cancel, sleep)
    start = monotonic()
    run = 0
    while True:
        report = send_pending(
            store, library, transport, cancel=cancel, backoff=backoff, sleep=sleep, **options
        )
        if on_pass is not None:
            on_pass(report)
        if report.sent:
            run = 0  # progress: the network is back, start the delays again from short
        if report.finished:
            return report
        if deadline is not None and monotonic() - start >= deadline:
            return report
        delay = backoff.delay(run)
        if deadline is not None:
            delay = min(delay, max(0.0, deadline - (monotonic() - start)))
        wait(delay)
        run += 1
