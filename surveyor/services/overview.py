"""The coordinator's overview: counts and a filtered list of every interview in the store.

Each method is one SQL query with every filter applied in the database, so it stays fast on
100,000 interviews (see docs/PERFORMANCE.md § Exports and overview). The UI calls it from its
store worker thread, like every store call.

    overview = OverviewService(store)
    flt = OverviewFilter(form_id="enquete_habitants", date_from="2026-11-01")
    overview.counts_by_interviewer(flt)      # {"Fatima B.": 120, ...}
    overview.counts_by_day(flt)              # {"2026-11-20": 37, ...}
    overview.counts_by_form_and_status(flt)  # {"enquete_habitants": {"finalized": 80, ...}}
    overview.list(flt, limit=200)            # [InterviewSummary, ...] newest change first

A day is the UTC date of ``finalized_at``, else of ``updated_at``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from surveyor.store import InterviewSummary, Store
from surveyor.store.queries import OverviewFilter


@dataclass
class Overview:
    """Every count of the overview at once (for a dashboard refresh)."""

    total: int
    by_interviewer: dict[str, int] = field(default_factory=dict)
    by_day: dict[str, int] = field(default_factory=dict)
    by_form_and_status: dict[str, dict[str, int]] = field(default_factory=dict)


class OverviewService:
    """Counts and lists over the store for the coordinator mode."""

    def __init__(self, store: Store):
        self.store = store

    def counts_by_interviewer(self, flt: OverviewFilter | None = None) -> dict[str, int]:
        """Interviewer name -> interviews ("" for interviews without a name)."""
        return self.store.count_by_interviewer(flt)

    def counts_by_day(self, flt: OverviewFilter | None = None) -> dict[str, int]:
        """``YYYY-MM-DD`` -> interviews, in date order."""
        return self.store.count_by_day(flt)

    def counts_by_form_and_status(
        self, flt: OverviewFilter | None = None
    ) -> dict[str, dict[str, int]]:
        """form_id -> status -> interviews (pairs with none are absent)."""
        return self.store.count_by_form_and_status(flt)

    def count(self, flt: OverviewFilter | None = None) -> int:
        """How many interviews match (for "N interviews" and paging)."""
        return self.store.overview_count(flt)

    def list(
        self, flt: OverviewFilter | None = None, *, limit: int | None = 500, offset: int = 0
    ) -> list[InterviewSummary]:
        """Matching interviews without answers, most recently changed first."""
        return self.store.overview_list(flt, limit=limit, offset=offset)

    def overview(self, flt: OverviewFilter | None = None) -> Overview:
        """All the counts (four queries)."""
        return Overview(
            total=self.count(flt),
            by_interviewer=self.counts_by_interviewer(flt),
            by_day=self.counts_by_day(flt),
            by_form_and_status=self.counts_by_form_and_status(flt),
        )


__all__ = ["Overview", "OverviewFilter", "OverviewService"]
