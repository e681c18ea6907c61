"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold is
crossed. If that is a worker thread (the database or file pool) and the garbage holds Qt
objects, they are destroyed off the GUI thread and the process can crash (seen as a
segmentation fault during "Garbage-collecting" while pyxform was imported on the file pool).
So the app turns automatic collection off and collects, generation by generation, from a
timer on the GUI thread.
"""

from __future__ import annotations

import gc

from surveyor.ui.qt import QObject
from surveyor.ui.qt import QTimer


class MainThreadCollector(QObject):
    """Collect from the GUI thread when the allocation counts call for it."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = 500):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        count0, count1, count2 = gc.get_count()
        if count0 > self.thresholds[0]:
            generation = 0
            if count1 > self.thresholds[1]:
                generation = 2 if count2 > self.thresholds[2] else 1
            gc.collect(generation)


def install(app: QObject) -> MainThreadCollector:
    """Turn automatic collection off and collect on ``app``'s (the GUI) thread."""
    collector = getattr(app, "_surveyor_collector", None)
    if collector is None:
        collector = MainThreadCollector(app)
        app._surveyor_collector = collector  # type: ignore[attr-defined]
    return collector
