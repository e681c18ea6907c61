"""The coordinator's overview counts are answered from indexes, not by scanning interviews."""

from __future__ import annotations

from surveyor.services.overview import OverviewFilter
from surveyor.services.overview import OverviewService
from surveyor.store import Store


def plans_of(store: Store, run) -> list[str]:
    """Run ``run()``, capture the SELECTs it sends, and return SQLite's plan for each."""
    conn = store.db.conn
    seen: list[str] = []
    conn.set_trace_callback(
        lambda sql: seen.append(sql) if sql.lstrip().upper().startswith("SELECT") else None
    )
    try:
        run()
    finally:
        conn.set_trace_callback(None)
    plans = []
    for sql in seen:
        rows = conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        plans.append(" | ".join(row[-1] for row in rows))
    return plans


def test_counts_per_interviewer_and_per_day_use_their_index(tmp_path):
    with Store.open(tmp_path / "data") as store:
        service = OverviewService(store)
        everything = OverviewFilter()
        for count, index in (
            (service.counts_by_interviewer, "idx_interviews_interviewer"),
            (service.counts_by_day, "idx_interviews_day"),
        ):
            plans = plans_of(store, lambda count=count: count(everything))
            assert plans, "no query was sent"
            assert any(index in plan for plan in plans), plans
            assert not any("SCAN interviews" in plan and "INDEX" not in plan for plan in plans), (
                plans
            )
