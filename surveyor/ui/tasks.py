"""Work off the UI thread: one serial worker owns the database, a pool does file/network work.

``TaskManager.run_db(fn, on_done=..., on_error=...)`` runs ``fn()`` on the single database
thread (so the SQLite store has exactly one writer) and calls ``on_done(result)`` or
``on_error(exception)`` back on the UI thread through a queued signal. Worker code never
touches a widget: it returns values. ``run_io`` does the same on a small pool for work that
does not touch the database (reading a big form file, exporting).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QObject
from surveyor.ui.qt import Signal

Job = Callable[[], Any]  # runs on a worker thread
OnDone = Callable[[Any], None] | None  # called with the result, on the UI thread
OnError = Callable[[BaseException], None] | None  # called with the exception, on the UI thread


class _Bridge(QObject):
    """Lives on the UI thread; a queued signal brings results home."""

    finished = Signal(object, object, object, object)  # on_done, on_error, result, error
    progress = Signal(object, object)  # callback, value

    def __init__(self):
        super().__init__()
        self.progress.connect(lambda callback, value: callback(value))


class TaskManager:
    def __init__(self) -> None:
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="surveyor-db")
        self._io = ThreadPoolExecutor(max_workers=2, thread_name_prefix="surveyor-io")
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._deliver)
        self._pending = 0
        self._lock = threading.Lock()

    def run_db(self, fn: Job, *, on_done: OnDone = None, on_error: OnError = None) -> Future:
        return self._submit(self._db, fn, on_done, on_error)

    def run_io(self, fn: Job, *, on_done: OnDone = None, on_error: OnError = None) -> Future:
        return self._submit(self._io, fn, on_done, on_error)

    def reporter(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """A function a worker may call with a value: ``callback(value)`` then runs on the UI
        thread (progress of a long task)."""
        return lambda value: self._bridge.progress.emit(callback, value)

    def _submit(self, pool, fn, on_done, on_error) -> Future:
        with self._lock:
            self._pending += 1

        def job():
            try:
                result = fn()
            except BaseException as exc:  # noqa: BLE001 - delivered to on_error
                self._bridge.finished.emit(on_done, on_error, None, exc)
                raise
            self._bridge.finished.emit(on_done, on_error, result, None)
            return result

        return pool.submit(job)

    def _deliver(self, on_done, on_error, result, error) -> None:
        with self._lock:
            self._pending -= 1
        if error is not None:
            if on_error is not None:
                on_error(error)
        elif on_done is not None:
            on_done(result)

    @property
    def pending(self) -> int:
        """Tasks submitted whose callbacks have not run yet (tests wait for 0)."""
        with self._lock:
            return self._pending

    def wait_db(self) -> None:
        """Block until the database queue is empty (used when closing the window)."""
        self._db.submit(lambda: None).result()

    def drain(self, timeout_ms: int = 60_000) -> None:
        """Wait for every task and deliver its callbacks (shutdown, tests). The timeout only
        keeps a hung task from blocking for ever: a busy machine must not cut a wait short."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self.pending and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)

    def shutdown(self) -> None:
        self._db.shutdown(wait=True)
        self._io.shutdown(wait=True)
