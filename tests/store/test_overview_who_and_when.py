"""The overview counts an interview on the day it was done (its start) and for who did it
(the form's interviewer answer, else the laptop's user), never the day it was handed in nor
"(no name)" when a name exists. Real stores, a real hand-in and merge."""

from __future__ import annotations

import copy
import json
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from pathlib import Path

from surveyor.services.interviews import fill_interview
from surveyor.store.queries import OverviewFilter
from surveyor.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))
PARIS = timezone(timedelta(hours=1))

NO_INTERVIEWER_FORM = """
| survey |
| | type | name | label |
| | text | street | Street |
| settings |
| | form_title | form_id | version |
| | Porte | porte | 1 |
"""


def test_by_day_is_the_interview_day_and_by_interviewer_who_did_it(tmp_path):
    laptop = Workspace.open(tmp_path / "laptop")
    form = laptop.library.load_file(HABITANTS)
    # Fatima on a laptop with no user name: a draft started on the 20th late in the evening
    # (Paris time, already the 20th in UTC), finished and finalized days later.
    fatima = copy.deepcopy(ANSWERS)
    fatima.update(interviewer="Fatima B.")
    started = datetime(2026, 11, 20, 23, 30, tzinfo=PARIS)
    draft = fill_interview(laptop.library, form, fatima, clock=lambda: started).interview
    interview, session = laptop.open_interview(draft.instance_id)
    laptop.finalize_interview(interview, session)
    # Jean-Luc, on a laptop whose user is "Poste 2", at half past midnight Paris time: the
    # 22nd for him, the 21st in UTC.
    jean_luc = copy.deepcopy(ANSWERS)
    jean_luc.update(interviewer="Jean-Luc M.")
    night = datetime(2026, 11, 22, 0, 30, tzinfo=PARIS)
    result = fill_interview(
        laptop.library, form, jean_luc, finalize=True, interviewer="Poste 2", clock=lambda: night
    )
    assert result.ok, result.problems
    # A form without an interviewer question nor start: the laptop's user and its day.
    md = tmp_path / "porte.md"
    md.write_text(NO_INTERVIEWER_FORM, encoding="utf-8")
    porte = laptop.library.load_file(md)
    day = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    result = fill_interview(
        laptop.library,
        porte,
        {"street": "Rue des Lilas"},
        finalize=True,
        interviewer="Camille",
        clock=lambda: day,
    )
    assert result.ok, result.problems
    laptop.hand_in(tmp_path / "key", clock=lambda: datetime(2026, 11, 28, 9, 0, tzinfo=UTC))

    coordinator = Workspace.open(tmp_path / "coordinator")
    report = coordinator.merge_batches([tmp_path / "key"]).value
    assert report.new == 3
    overview = coordinator.overview
    assert overview.counts_by_day() == {"2026-11-20": 1, "2026-11-22": 1, "2026-11-23": 1}
    assert overview.counts_by_interviewer() == {"Camille": 1, "Fatima B.": 1, "Jean-Luc M.": 1}
    # The filters and the list agree with the counts.
    assert overview.count(OverviewFilter(interviewer="Fatima B.")) == 1
    assert overview.count(OverviewFilter(date_from="2026-11-22", date_to="2026-11-22")) == 1
    listed = {s.instance_name.split(" – ")[-1]: s.interviewer for s in overview.list()}
    assert sorted(s.interviewer for s in overview.list()) == [
        "Camille",
        "Fatima B.",
        "Jean-Luc M.",
    ], listed
    # Another hand-in: the counts follow (who and when are read again once data changed).
    again = copy.deepcopy(ANSWERS)
    again.update(interviewer="Fatima B.", street="Rue des Lilas")
    later = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert fill_interview(laptop.library, form, again, finalize=True, clock=lambda: later).ok
    laptop.hand_in(tmp_path / "key2")
    coordinator.merge_batches([tmp_path / "key2"])
    assert overview.counts_by_interviewer()["Fatima B."] == 2
    assert overview.counts_by_day()["2026-11-24"] == 1
    laptop.close()
    coordinator.close()
