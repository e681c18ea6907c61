"""Sending the pending interviews, one at a time, each marked ``sent`` or ``failed``.

Nothing is lost: an interview becomes ``sent`` only after the server answered 201/202 with an
OpenRosa response, and the store write is durable before the next one goes. Nothing arrives
twice: the same interview always renders the same XML with the same instanceID, and OpenRosa
servers treat a byte-identical resubmission as the same submission (201 again, stored once),
so a retry after a lost answer is safe.

``send_pending`` is one pass (what "Send now" and ``surveyor sync`` do); ``send_until_done``
repeats passes with the :class:`Backoff` policy until everything is delivered, an auth error
stops it, it is cancelled, or its deadline passes (what a background worker does).
"""

from __future__ import annotations

import random as _random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from surveyor.errors import SurveyorError
from surveyor.forms.model import Kind
from surveyor.interviews.record import Status, format_timestamp, utc_now
from surveyor.interviews.session import METADATA_TYPES
from surveyor.services.interviews import FormLibrary, open_session
from surveyor.store import Store
from surveyor.sync.state import SyncLock, record_status
from surveyor.sync.transport import Cancel, Outcome, SendResult, Submission, Transport

PENDING = (Status.FINALIZED, Status.FAILED)


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


@dataclass
class InterviewResult:
    instance_id: str
    instance_name: str
    outcome: Outcome
    message: str
    attempts: int

    def __str__(self) -> str:
        name = f"{self.instance_name} " if self.instance_name else ""
        what = {
            Outcome.SENT: "sent",
            Outcome.DUPLICATE: "sent (the server already had it)",
            Outcome.REJECTED: "REFUSED",
            Outcome.RETRY: "FAILED (will retry)",
            Outcome.AUTH: "NOT SENT (authentication)",
            Outcome.CANCELLED: "not sent (cancelled)",
        }[self.outcome]
        detail = "" if self.outcome is Outcome.SENT else f": {self.message}"
        return f"{name}({self.instance_id}): {what}{detail}"


@dataclass
class SyncReport:
    server_url: str = ""
    results: list[InterviewResult] = field(default_factory=list)
    auth_error: str | None = None
    cancelled: bool = False
    stopped: str | None = None  # why the pass stopped early (server unreachable)
    left: int = 0  # pending interviews not tried in this pass

    def _count(self, *outcomes: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome in outcomes)

    @property
    def sent(self) -> int:
        return self._count(Outcome.SENT, Outcome.DUPLICATE)

    @property
    def duplicates(self) -> int:
        return self._count(Outcome.DUPLICATE)

    @property
    def rejected(self) -> int:
        return self._count(Outcome.REJECTED)

    @property
    def retryable(self) -> int:
        """Interviews that failed for a reason that may go away (network, server)."""
        return self._count(Outcome.RETRY)

    @property
    def ok(self) -> bool:
        """Everything pending was delivered."""
        return (not self.auth_error and not self.cancelled and not self.left
                and self.sent == len(self.results))

    @property
    def finished(self) -> bool:
        """Nothing more to try now: all delivered, or only refusals left (or auth/cancel)."""
        return bool(self.auth_error or self.cancelled
                    or (not self.left and not self.retryable and not self.stopped))

    def summary(self) -> str:
        parts = [f"{self.sent} sent"]
        if self.duplicates:
            parts[0] += f" ({self.duplicates} already on the server)"
        if self.rejected:
            parts.append(f"{self.rejected} refused by the server")
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
        return "\n".join([*(str(r) for r in self.results), self.summary()])


def pending_ids(store: Store) -> list[str]:
    """Finalized and failed interviews, oldest finalized first (an edit after its original)."""
    rows = store.list_interviews(status=PENDING)
    rows.sort(key=lambda s: (s.finalized_at or s.updated_at or "", s.instance_id))
    return [r.instance_id for r in rows]


def build_submission(store: Store, library: FormLibrary, instance_id: str) -> tuple[
        Submission, str]:
    """The OpenRosa submission of a stored interview (its XML and files) and its name."""
    interview = store.get_interview(instance_id)
    session = open_session(library, interview)
    _restore_metadata(session, interview.answers)
    xml = session.to_xml().encode("utf-8")
    files = [(a.filename, a.media_type, store.get_attachment(instance_id, a.filename))
             for a in interview.attachments]
    return Submission(instance_id, xml, files), interview.instance_name


def _in_repeat(template) -> bool:
    parent = template.parent
    while parent is not None:
        if parent.kind is Kind.REPEAT:
            return True
        parent = parent.parent
    return False


def _restore_metadata(session, answers: dict) -> None:
    """Put back the stored values of metadata fields (start, end, today, username, deviceid).

    ``open_session`` skips them when loading answers (the engine computes them on first
    load), so without this a reopened interview would be sent with them empty.
    """
    for template in session.form.root.walk():
        if template.kind is not Kind.FIELD or template.bind.calculate:
            continue
        if not (template.bind.preload or template.type in METADATA_TYPES):
            continue
        value = answers.get(template.name)
        if not isinstance(value, str) or not value or _in_repeat(template):
            continue
        for node in session.nodes_of(template.path):
            if node.text != value:
                session.set_answer(node, value)


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
) -> SyncReport:
    """Send every finalized or failed interview once, one at a time (one pass).

    Each interview is tried up to ``attempts`` times (backoff between tries) on retryable
    errors; then it is marked ``failed`` with the reason and the pass goes on, unless
    ``give_up_after`` interviews in a row failed that way (the server is unreachable: the
    rest are left for the next pass). A refusal (409, 404...) marks it ``failed`` with the
    server's reason; an auth error stops the pass at once. ``progress(done, total, result)``
    is called before the first and after each interview. Raises
    :class:`~surveyor.sync.state.SyncAlreadyRunning` if another sending holds the lock.
    """
    backoff = backoff or Backoff()
    wait = _waiter(cancel, sleep)
    data_dir = Path(store.path).parent
    report = SyncReport(server_url=transport.url)

    def attempt(submission: Submission | SendResult) -> tuple[SendResult, int]:
        if isinstance(submission, SendResult):  # could not be rendered
            return submission, 0
        tries = 0
        while True:
            tries += 1
            result = transport.send(submission, cancel=cancel)
            if result.outcome is not Outcome.RETRY or tries >= attempts:
                return result, tries
            if cancel is not None and cancel.is_set():
                return result, tries
            wait(backoff.delay(tries - 1, result.retry_after))

    def build(instance_id: str) -> tuple[Submission | SendResult, str]:
        try:
            return build_submission(store, library, instance_id)
        except SurveyorError as exc:
            return SendResult(Outcome.REJECTED, f"cannot be rendered: {exc}"), ""

    # A pipeline of two: while one interview is on the network (a worker thread), this
    # thread renders the next one and records the previous one in the store. Interviews
    # still go one at a time, in order.
    with SyncLock(data_dir), ThreadPoolExecutor(1, thread_name_prefix="surveyor-send") as pool:
        ids = pending_ids(store)
        record_status(data_dir, last_attempt_at=format_timestamp(clock()),
                      server_url=transport.url, pending=len(ids))
        if progress is not None:
            progress(0, len(ids), None)
        unreachable = 0
        future = None
        if ids and not (cancel is not None and cancel.is_set()):
            first, first_name = build(ids[0])
            future = pool.submit(attempt, first)
        elif ids:
            report.cancelled, report.left = True, len(ids)
        names = {ids[0]: first_name} if future is not None else {}
        index = 0
        while future is not None:
            instance_id = ids[index]
            upcoming = None
            if index + 1 < len(ids):
                upcoming, names[ids[index + 1]] = build(ids[index + 1])
            result, tries = future.result()
            future = None
            item = InterviewResult(instance_id, names.pop(instance_id, ""), result.outcome,
                                   result.message, tries)
            stop = False
            if result.outcome.delivered:
                unreachable = 0
            elif result.outcome is Outcome.RETRY:
                unreachable += 1
            if result.outcome is Outcome.CANCELLED:
                report.cancelled, report.left, stop = True, len(ids) - index, True
            elif result.outcome is Outcome.AUTH:
                report.auth_error, report.left, stop = result.message, len(ids) - index - 1, True
            elif unreachable >= give_up_after and upcoming is not None:
                report.stopped = (f"{unreachable} interviews in a row could not be sent "
                                  f"({result.message}); the server looks unreachable")
                report.left, stop = len(ids) - index - 1, True
            elif upcoming is not None and cancel is not None and cancel.is_set():
                report.cancelled, report.left, stop = True, len(ids) - index - 1, True
            if not stop and upcoming is not None:
                future = pool.submit(attempt, upcoming)
            if result.outcome.delivered:
                store.mark_sent(instance_id, to=transport.url)
            elif result.outcome in (Outcome.REJECTED, Outcome.RETRY):
                store.mark_failed(instance_id, result.message)
            if result.outcome is not Outcome.CANCELLED:
                report.results.append(item)
            if progress is not None:
                progress(index + 1, len(ids), item)
            index += 1
        now = format_timestamp(clock())
        error = report.auth_error or report.stopped or next(
            (r.message for r in report.results if not r.outcome.delivered), None)
        changes: dict = {"pending": len(pending_ids(store))}
        if error:
            changes.update(last_error=error, last_error_at=now)
        else:
            changes.update(last_error=None)
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
        report = send_pending(store, library, transport, cancel=cancel, backoff=backoff,
                              sleep=sleep, **options)
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


def cancel_event() -> threading.Event:
    """A cancel token: ``event.set()`` from any thread stops sending at the next step."""
    return threading.Event()
