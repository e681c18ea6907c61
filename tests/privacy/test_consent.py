"""The interview records each consent answer and when it was last given or changed
(``interviews.consents``), on the interview screen's save path and in a headless fill; the
record travels in batches and stays with a revision."""

from __future__ import annotations

import json
from datetime import UTC
from datetime import datetime
from datetime import timedelta

from surveyor.workspace import Workspace
from tests.sync.conftest import ANSWERS
from tests.sync.conftest import HABITANTS


class Clock:
    def __init__(self):
        self.now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

    def __call__(self):
        return self.now

    def advance(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)


def consents(ws: Workspace, instance_id: str) -> dict:
    text = ws.get_interview(instance_id).consents
    return json.loads(text) if text else {}


def test_the_consent_answer_and_its_time_are_recorded_as_the_interview_is_filled(tmp_path):
    clock = Clock()
    with Workspace.open(tmp_path / "laptop", clock=clock) as ws:
        form = ws.load_form(HABITANTS).value
        interview, session = ws.start_interview(form, interviewer="Amina").value
        clock.advance(3)
        session.set_answer("/data/consent", "yes")
        ws.save_session(interview, session)
        first = consents(ws, interview.instance_id)
        assert first == {"consent": {"answer": "yes", "at": "2026-11-30T09:03:00.000Z"}}

        clock.advance(5)  # another answer: the consent's time does not move
        session.set_answer("/data/household/street", "Rue des Lilas")
        ws.save_session(interview, session)
        assert consents(ws, interview.instance_id) == first

        clock.advance(2)  # the person changes their mind
        session.set_answer("/data/consent", "no")
        ws.save_session(interview, session)
        assert consents(ws, interview.instance_id)["consent"] == {
            "answer": "no",
            "at": "2026-11-30T09:10:00.000Z",
        }


def test_a_headless_fill_records_every_consent_and_a_batch_carries_them(tmp_path):
    clock = Clock()
    with Workspace.open(tmp_path / "laptop", clock=clock) as ws:
        form = ws.load_form(HABITANTS).value
        filled = ws.fill_interview(form, ANSWERS, finalize=True, clock=clock).value
        assert filled.ok
        iid = filled.interview.instance_id
        mine = consents(ws, iid)
        assert mine == {
            "consent": {"answer": "yes", "at": "2026-11-30T09:00:00.000Z"},
            "recontact_consent": {"answer": "yes", "at": "2026-11-30T09:00:00.000Z"},
        }
        batch = ws.hand_in(tmp_path / "usb").value
        clock.advance(60)
        revision, _session = ws.revise_interview(ws.get_interview(iid)).value
        assert consents(ws, revision.instance_id) == mine
    with Workspace.open(tmp_path / "coordinator") as coordinator:
        coordinator.load_form(HABITANTS)
        assert coordinator.merge_batches([batch.path]).value.new == 1
        assert consents(coordinator, iid) == mine
