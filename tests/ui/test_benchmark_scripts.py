"""The UI benchmarks still run against the app as it is (their figures are in
docs/PERFORMANCE.md): a script left on an older API would measure nothing. Tiny sizes here;
no figure is asserted."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_home_list_benchmark_fills_the_list_through_the_workspace(qapp):
    bench_ui = load("bench_ui")
    times = bench_ui.bench_list(count=60, runs=2)  # exits if the list does not hold all 60
    assert len(times) == 2
