"""A coordinator's data folder: interviews handed in from a laptop and merged, with revisions,
a deleted draft revision, a refusal (non-relevant questions), repeats and a phone number."""

from __future__ import annotations

import copy
from datetime import UTC
from datetime import datetime

import pytest

from surveyor.services.interviews import edit_interview
from surveyor.services.interviews import finalize_interview
from surveyor.workspace import Workspace
from tests.exports.conftest import FORM
from tests.exports.conftest import variants

PHONE = "06 98 76 54 32"


def _when(day: int, hour: int = 10):
    return lambda: datetime(2026, 11, day, hour, 0, tzinfo=UTC)


@pytest.fixture
def coordinator(tmp_path):
    """(coordinator Workspace, dict of facts about what was merged)."""
    laptop = Workspace.open(tmp_path / "laptop")
    form = laptop.load_form(FORM).value
    made = []
    for interviewer, when, answers in variants():
        answers = copy.deepcopy(answers)
        if interviewer == "Jean-Luc M.":
            answers["contact_phone"] = PHONE
            answers["comments"] = f"Appelez-moi au {PHONE} le soir."
        r = laptop.fill_interview(
            form, answers, finalize=True, interviewer=interviewer, clock=lambda w=when: w
        ).value
        assert r.ok, r.problems
        made.append(r.interview)
    refused = laptop.fill_interview(
        form,
        {
            "interviewer": "Fatima B.",
            "interview_date": "2026-11-23",
            "sector": "east",
            "consent": "no",
        },
        finalize=True,
        interviewer="Fatima B.",
        clock=_when(23),
    ).value
    assert refused.ok, refused.problems
    draft = laptop.fill_interview(
        form, {"interviewer": "X", "consent": "yes", "sector": "west"}, clock=_when(23, 12)
    ).value.interview
    laptop.hand_in(tmp_path / "batch1.zip", interviewer="Fatima B.")
    # a revision of the first interview: another sector, one member fewer
    revision, session = edit_interview(laptop.library, made[0])
    session.set_answer("/data/visit/sector", "centre")
    finalize_interview(laptop.library, revision, session)
    # a revision started, then deleted: the original stays the current version
    dropped, _s = edit_interview(laptop.library, made[1])
    laptop.delete_interview(dropped.instance_id)
    laptop.delete_interview(draft.instance_id)
    laptop.hand_in(tmp_path / "batch2.zip", interviewer="Fatima B.")
    laptop.close()
    ws = Workspace.open(tmp_path / "coordinator")
    ws.load_form(FORM)
    report = ws.merge_batches([tmp_path / "batch1.zip", tmp_path / "batch2.zip"]).value
    assert report.new and not report.conflicts
    facts = {"current": 6, "revised": made[0].instance_id, "revision": revision.instance_id}
    yield ws, facts
    ws.close()
