"""Saving an interview as it is filled: throttled while typing, at once on each answer given.

A small state machine (:class:`SaveState`). The snapshot is taken on the GUI thread when a
save starts and written on the database thread; that thread is serial, so the last snapshot
queued is the last one written.

==============  ==========================================  ==============================
state           event                                       next state
==============  ==========================================  ==============================
IDLE            changed() (typing)                          SCHEDULED (throttle timer)
IDLE/SCHEDULED  save_now(), or the timer fires              SAVING
SAVING          changed()                                   SAVING, throttle timer armed
SAVING          save_now(), or the armed timer fires        SAVING_PENDING
SAVING          written                                     IDLE (SCHEDULED if armed)
SAVING_PENDING  written                                     SAVING (one more save)
SAVING*         failed                                      SCHEDULED (retry timer; a
                                                            change shortens it)
any active      flush()                                     SAVING (replaces a pending one)
any active      pause() (finalizing)                        PAUSED; resume() -> IDLE
any             stop(), flush(final=True)                   STOPPED, for good
==============  ==========================================  ==============================

``then`` callbacks given to :meth:`Autosaver.save_now` run once everything asked for is
written; a failed save drops them. ``written(result)`` gives what each ``write`` returned
(the workspace's Changes), on the GUI thread.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from surveyor.ui.qt import QObject
from surveyor.ui.qt import QTimer
from surveyor.ui.qt import Signal

SAVE_THROTTLE_MS = 500
RETRY_MS = 3000


class SaveState(enum.Enum):
    IDLE = "idle"  # everything asked for is written
    SCHEDULED = "scheduled"  # a save waits for the timer (throttle, or retry after a failure)
    SAVING = "saving"  # a save is on the database thread
    SAVING_PENDING = "saving, more pending"  # ... and another must follow it at once
    PAUSED = "paused"  # no saves for now (the interview is being finalized)
    STOPPED = "stopped"  # no saves any more (read only, or the screen is going away)


_HELD = (SaveState.PAUSED, SaveState.STOPPED)


class Autosaver(QObject):
    """Writes ``snapshot()`` with ``write(snapshot)`` on ``tasks``' database thread."""

    saving = Signal()  # a save was handed to the database thread
    saved = Signal()  # a save is written
    written = Signal(object)  # ... and what write() returned (before ``then`` callbacks run)
    failed = Signal(object)  # a save failed (the exception); it is retried

    def __init__(
        self,
        parent: QObject,
        *,
        tasks,
        snapshot: Callable[[], Any],
        write: Callable[[Any], Any],
        stopped: bool = False,
        throttle_ms: int = SAVE_THROTTLE_MS,
        retry_ms: int = RETRY_MS,
    ):
        super().__init__(parent)
        self._tasks = tasks
        self._snapshot = snapshot
        self._write = write
        self._throttle_ms = throttle_ms
        self._retry_ms = retry_ms
        self._state = SaveState.STOPPED if stopped else SaveState.IDLE
        self._in_flight = 0  # saves handed to the database thread, not yet reported back
        self._then: list[Callable[[], None]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timer_fired)

    @property
    def state(self) -> SaveState:
        return self._state

    @property
    def active(self) -> bool:
        """Saves are accepted (not paused, not stopped)."""
        return self._state not in _HELD

    def is_scheduled(self) -> bool:
        """A throttled (or retry) save is waiting for its timer."""
        return self._timer.isActive()

    # ------------------------------------------------------------------ requests

    def changed(self) -> None:
        """The answers changed (typing): save within the throttle delay."""
        state = self._state
        if state is SaveState.IDLE:
            self._state = SaveState.SCHEDULED
            self._timer.start(self._throttle_ms)
        elif state is SaveState.SCHEDULED:
            if self._timer.remainingTime() > self._throttle_ms:  # waiting to retry
                self._timer.start(self._throttle_ms)
        elif state is SaveState.SAVING and not self._timer.isActive():
            # armed during the save: when it fires before the save ends, one more follows
            self._timer.start(self._throttle_ms)

    def save_now(self, *, then: Callable[[], None] | None = None) -> None:
        """Save at once (an answer given, a screen shown); ``then()`` once it is written."""
        if not self.active:
            return
        self._timer.stop()
        if then is not None:
            self._then.append(then)
        if self._state in (SaveState.SAVING, SaveState.SAVING_PENDING):
            self._state = SaveState.SAVING_PENDING
        else:
            self._submit()

    def flush(self, *, final: bool = False) -> None:
        """Save now and block until written (the window closes). ``final``: no save after
        this one. Paused or stopped: nothing new is saved, but what is queued is waited for."""
        if self.active:
            self._timer.stop()
            # Queued after any save in flight (the database thread is serial), so these
            # answers win: a pending save need not follow.
            self._submit()
        if final:
            self.stop()
        self._tasks.wait_db()

    def pause(self) -> None:
        """Hold every save (while the interview is being finalized)."""
        if self._state is not SaveState.STOPPED:
            self._timer.stop()
            self._state = SaveState.PAUSED

    def resume(self) -> None:
        """Accept saves again after :meth:`pause` (finalizing failed)."""
        if self._state is SaveState.PAUSED:
            self._state = SaveState.SAVING if self._in_flight else SaveState.IDLE

    def stop(self) -> None:
        """No more saves, for good (read only now, or the screen is going away)."""
        self._timer.stop()
        self._state = SaveState.STOPPED

    # ------------------------------------------------------------------ transitions

    def _timer_fired(self) -> None:
        if self._state is SaveState.SAVING:
            self._state = SaveState.SAVING_PENDING
        elif self._state is SaveState.SCHEDULED:
            self._submit()

    def _submit(self) -> None:
        snapshot = self._snapshot()  # on the GUI thread: the session has one owner
        write = self._write
        self._in_flight += 1
        self._state = SaveState.SAVING
        self.saving.emit()
        self._tasks.run_db(lambda: write(snapshot), on_done=self._done, on_error=self._failed)

    def _done(self, result) -> None:
        self._in_flight -= 1
        self.saved.emit()
        self.written.emit(result)
        if self._in_flight:
            return  # a later save is on its way
        if self._state is SaveState.SAVING_PENDING:
            self._submit()
            return
        if self._state is SaveState.SAVING:
            self._state = SaveState.SCHEDULED if self._timer.isActive() else SaveState.IDLE
        then, self._then = self._then, []
        for callback in then:
            callback()

    def _failed(self, error: BaseException) -> None:
        self._in_flight -= 1
        # What was to follow the save does not happen (closing stays on the screen, which
        # shows the error); the answers are written by the retry.
        self._then = []
        self.failed.emit(error)
        if self._in_flight or not self.active:
            return
        self._state = SaveState.SCHEDULED
        if not self._timer.isActive():  # a throttle armed during the save comes sooner
            self._timer.start(self._retry_ms)
