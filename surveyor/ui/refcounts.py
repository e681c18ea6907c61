"""A shield against a reference-count bug of PySide6 on Python 3.11.

PySide6 6.12 returns ``True`` from ``SignalInstance.emit()`` (and from ``isinstance(x,
Signal)``) without taking a reference to it. On Python 3.12 and later ``True`` is immortal
(PEP 683) and nothing happens; on Python 3.11 every emission costs ``True`` one reference.
The app emits a signal for every task it runs (each save of an answer), so after a long
session the interpreter's exit, releasing its own references, freed ``True`` and aborted:
``Fatal Python error: bool_dealloc … finalizing … Garbage-collecting`` (issue 8).

:func:`shield_bools` checks, once, whether emitting loses references; if it does, it gives
``True`` and ``False`` a reserve of references no session can use up, which is what Python
3.12 does for them by design. When PySide6 is fixed, the check finds nothing and this does
nothing.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40  # references; a session loses one per signal emitted
PROBES = 16


def emission_loses_references(qobject: type, signal: type) -> bool:
    """Whether emitting a signal drops a reference to ``True`` (PySide6 6.12 on 3.11).
    ``qobject`` and ``signal`` are Qt's ``QObject`` and ``Signal`` (Qt is imported in
    ``surveyor/ui/qt.py`` only)."""
    if sys.version_info >= (3, 12):
        return False  # True and False are immortal

    class _Probe(qobject):
        ping = signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(PROBES):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= PROBES


def void_call_loses_references(qobject: type) -> bool:
    """Whether calling a Qt method that returns nothing drops a reference to ``None``
    (PySide6 6.12 on 3.11: ``QTableWidgetItem.setText``, ``QTableWidget.setItem``... each
    lose one, so a table of a few thousand rows freed ``None`` and aborted the app)."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal
    probe = qobject()
    before = sys.getrefcount(None)
    for _ in range(PROBES):
        probe.setObjectName("")
    return before - sys.getrefcount(None) >= PROBES


def shield_bools(qobject: type, signal: type) -> bool:
    """Give ``True`` and ``False`` a reserve of references if signals lose them, and
    ``None`` one if calls returning nothing lose it; returns whether it did."""
    values: list[object] = []
    if emission_loses_references(qobject, signal):
        values += [True, False]
    if void_call_loses_references(qobject):
        values.append(None)
    if not values:
        return False
    for value in values:
        before = sys.getrefcount(value)
        count = ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt, CPython's first field
        count.value += RESERVE
        if sys.getrefcount(value) != before + RESERVE:  # not that layout: undo, leave it
            count.value -= RESERVE
            return False
    return True
