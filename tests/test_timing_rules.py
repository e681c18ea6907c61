"""The tests never depend on how fast the machine is (issue 8: "tests that lie about time").

Speed targets are measured by benchmarks/ (docs/PERFORMANCE.md), never asserted by a test.
A test may still wait, but only as a safety net that a slow, busy machine never reaches.
"""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import settings

TESTS = Path(__file__).resolve().parent
CLOCKS = {
    "time",
    "monotonic",
    "perf_counter",
    "process_time",
    "thread_time",
    "time_ns",
    "monotonic_ns",
    "perf_counter_ns",
    "process_time_ns",
}
# Files that read the clock, and why it is a safety net and not a measure.
CLOCK_ALLOWED = {
    "server/conftest.py": "gives up waiting for the server process to start after 120 s",
    "server/test_postgres.py": "gives up waiting for the server process to start after 120 s",
    "store/test_at_rest.py": "draws its kill moments within one measured conversion; asserts "
    "nothing on speed",
}
QT_WAITS = {"waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive", "waitCallback"}
MIN_QT_WAIT_MS = 30_000
MIN_SUBPROCESS_S = 60


def _test_files():
    for path in sorted(TESTS.rglob("*.py")):
        if "data" not in path.relative_to(TESTS).parts:
            yield path, ast.parse(path.read_text("utf-8"))


def _name(node) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def _keyword(call: ast.Call, name: str):
    return next((k.value for k in call.keywords if k.arg == name), None)


def test_no_test_reads_the_clock_to_assert_on_speed():
    found = []
    for path, tree in _test_files():
        where = path.relative_to(TESTS).as_posix()
        if where in CLOCK_ALLOWED or path == Path(__file__):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in {f"time.{c}" for c in CLOCKS}:
                found.append(f"{where}:{node.lineno}: {_name(node.func)}()")
            if isinstance(node, ast.ImportFrom) and node.module == "time":
                found += [
                    f"{where}:{node.lineno}: from time import {a.name}"
                    for a in node.names
                    if a.name in CLOCKS
                ]
    assert not found, "measure speed in benchmarks/, not in tests:\n" + "\n".join(found)


def test_qt_waits_are_generous():
    short = []
    for path, tree in _test_files():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in QT_WAITS
            ):
                timeout = _keyword(node, "timeout")
                if not (isinstance(timeout, ast.Constant) and timeout.value >= MIN_QT_WAIT_MS):
                    short.append(f"{path.relative_to(TESTS)}:{node.lineno}")
    assert not short, f"give these waits timeout >= {MIN_QT_WAIT_MS} ms:\n" + "\n".join(short)


def test_subprocess_timeouts_are_generous():
    short = []
    for path, tree in _test_files():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func).startswith("subprocess."):
                timeout = _keyword(node, "timeout")
                if isinstance(timeout, ast.Constant) and timeout.value < MIN_SUBPROCESS_S:
                    short.append(f"{path.relative_to(TESTS)}:{node.lineno}")
    assert not short, f"give these timeout >= {MIN_SUBPROCESS_S} s:\n" + "\n".join(short)


def test_hypothesis_has_no_deadline():
    assert settings.default.deadline is None
    timed = []
    for path, tree in _test_files():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) == "settings":
                deadline = _keyword(node, "deadline")
                if deadline is not None and not (
                    isinstance(deadline, ast.Constant) and deadline.value is None
                ):
                    timed.append(f"{path.relative_to(TESTS)}:{node.lineno}")
    assert not timed, "Hypothesis deadlines fail slow machines:\n" + "\n".join(timed)
