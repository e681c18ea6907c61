"""The coordinator's overview: counts and a filtered list of every interview in the store.

Each method is one SQL query with every filter applied in the database, so it stays fast on
100,000 interviews (see docs/PERFORMANCE.md § Exports and overview). The UI calls it from its
store worker thread, like every store call.

    overview = OverviewService(store)
    flt = OverviewFilter(form_id="enquete_habitants", date_from="2026-11-01")
    overview.counts_by_interviewer(flt)      # {"Fatima B.": 120, ...}
    overview.counts_by_day(flt)              # {"2026-11-20": 37, ...}
    overview.counts_by_form_and_status(flt)  # {"enquete_habitants": {"finalized": 80, ...}}
    overview.list(flt, limit=200)            # [InterviewSummary, ...] latest day first
    overview.rows(flt, limit=200)            # [(InterviewSummary, "2026-11-20"), ...]

An interview counts for the day it was done: the date of its ``start`` answer (ODK's
metadata, in the laptop's local time), else of its ``end``, else the UTC date it was
finalized (else last changed) — never the day it was handed in. It counts for who did it:
the form's interviewer answer (a question named ``interviewer``, ``enumerator``… or of type
``username``), else the laptop's user. :func:`answer_keys` finds those questions in each
stored form.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace

from surveyor.errors import SurveyorError
from surveyor.forms.model import Form
from surveyor.forms.model import Kind
from surveyor.store import InterviewSummary
from surveyor.store import Store
from surveyor.store.queries import AnswerKeys
from surveyor.store.queries import OverviewFilter

# Names a form gives the question "who is doing this interview" (lower case).
INTERVIEWER_NAMES = frozenset(
    """interviewer interviewer_name enumerator enumerator_name enum_name enqueteur
    enquêteur enqueteur_name nom_enqueteur surveyor agent collector data_collector""".split()
)


def answer_keys(form: Form) -> tuple[str | None, str | None, str | None]:
    """(start, end, interviewer): the answer keys of the form's start and end metadata and
    of its interviewer question (None when it has none); fields inside repeats never."""
    start = end = who = username = None
    for node in form.fields():
        parent, in_repeat = node.parent, False
        while parent is not None:
            in_repeat = in_repeat or parent.kind is Kind.REPEAT
            parent = parent.parent
        if in_repeat:
            continue
        if node.type == "start" and start is None:
            start = node.name
        elif node.type == "end" and end is None:
            end = node.name
        elif node.type == "username" and username is None:
            username = node.name
        elif who is None and node.name.lower() in INTERVIEWER_NAMES:
            who = node.name
    return start, end, who or username


@dataclass
class Overview:
    """Every count of the overview at once (for a dashboard refresh)."""

    total: int
    by_interviewer: dict[str, int] = field(default_factory=dict)
    by_day: dict[str, int] = field(default_factory=dict)
    by_form_and_status: dict[str, dict[str, int]] = field(default_factory=dict)


class OverviewService:
    """Counts and lists over the store for the coordinator mode."""

    def __init__(self, store: Store, library=None):
        """``library`` (a FormLibrary) gives the stored forms, to find where each keeps the
        interview's start and interviewer; without one, the finalized day and the laptop's
        user are counted."""
        self.store = store
        self.library = library
        self._form_keys: dict[str, tuple[str, str | None, str | None, str | None]] = {}

    def keys(self) -> AnswerKeys:
        """Where each stored form keeps the start, the end and the interviewer's name."""
        if self.library is None:
            return AnswerKeys()
        start: dict[str, str] = {}
        end: dict[str, str] = {}
        who: dict[str, str] = {}
        for stored in reversed(self.store.list_forms()):  # the newest version first
            found = self._form_keys.get(stored.content_hash)
            if found is None:
                try:
                    form = self.library.get(stored.content_hash)
                except SurveyorError:
                    continue  # a damaged definition: its interviews count as before
                found = (stored.form_id, *answer_keys(form))
                self._form_keys[stored.content_hash] = found
            form_id, form_start, form_end, form_who = found
            for keys, value in ((start, form_start), (end, form_end), (who, form_who)):
                if value and form_id not in keys:
                    keys[form_id] = value
        return AnswerKeys(start=start, end=end, interviewer=who)

    def _with_keys(self, flt: OverviewFilter | None) -> OverviewFilter:
        return replace(flt or OverviewFilter(), keys=self.keys())

    def who_and_day(self, instance_ids) -> dict[str, tuple[str, str]]:
        """instanceID -> (who did it, its day), as the counts count them."""
        return self.store.overview_keys(instance_ids, self.keys())

    def counts_by_interviewer(self, flt: OverviewFilter | None = None) -> dict[str, int]:
        """Who did it -> interviews ("" when neither the form nor the laptop names anyone)."""
        return self.store.count_by_interviewer(self._with_keys(flt))

    def counts_by_day(self, flt: OverviewFilter | None = None) -> dict[str, int]:
        """``YYYY-MM-DD`` -> interviews, in date order."""
        return self.store.count_by_day(self._with_keys(flt))

    def counts_by_form_and_status(
        self, flt: OverviewFilter | None = None
    ) -> dict[str, dict[str, int]]:
        """form_id -> status -> interviews (pairs with none are absent)."""
        return self.store.count_by_form_and_status(self._with_keys(flt))

    def count(self, flt: OverviewFilter | None = None) -> int:
        """How many interviews match (for "N interviews" and paging)."""
        return self.store.overview_count(self._with_keys(flt))

    def list(
        self, flt: OverviewFilter | None = None, *, limit: int | None = 500, offset: int = 0
    ) -> list[InterviewSummary]:
        """Matching interviews without answers, the latest day first (then the most
        recently changed)."""
        return self.store.overview_list(self._with_keys(flt), limit=limit, offset=offset)

    def rows(
        self, flt: OverviewFilter | None = None, *, limit: int | None = 500, offset: int = 0
    ) -> list[tuple[InterviewSummary, str]]:
        """The same with each interview's day (``YYYY-MM-DD``), as :meth:`counts_by_day`
        counts it."""
        return self.store.overview_rows(self._with_keys(flt), limit=limit, offset=offset)

    def overview(self, flt: OverviewFilter | None = None) -> Overview:
        """All the counts (four queries)."""
        flt = self._with_keys(flt)
        return Overview(
            total=self.store.overview_count(flt),
            by_interviewer=self.store.count_by_interviewer(flt),
            by_day=self.store.count_by_day(flt),
            by_form_and_status=self.store.count_by_form_and_status(flt),
        )


__all__ = ["Overview", "OverviewFilter", "OverviewService"]
