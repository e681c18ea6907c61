"""The interview record: plain data, JSON round trip and lifecycle rules."""

from __future__ import annotations

import json
import re
from datetime import datetime
from datetime import timedelta
from datetime import timezone

import pytest

from surveyor.errors import SurveyorError
from surveyor.interviews import record
from surveyor.interviews.record import Attachment
from surveyor.interviews.record import Interview
from surveyor.interviews.record import InvalidTransition
from surveyor.interviews.record import Status
from surveyor.interviews.record import format_timestamp

from .conftest import FakeClock

ACTIONS = {
    "finalize": lambda i, c: record.finalize(i, clock=c),
    "mark_sent": lambda i, c: record.mark_sent(i, to="https://odk.example", clock=c),
    "mark_exported": lambda i, c: record.mark_exported(i, to="E:/batch.zip", clock=c),
    "mark_failed": lambda i, c: record.mark_failed(i, "timeout", clock=c),
    "delete": lambda i, c: record.delete(i, clock=c),
    "restore": lambda i, c: record.restore(i, clock=c),
    "revise": lambda i, c: record.new_revision(i, clock=c),
}

ALLOWED = {
    ("finalize", Status.DRAFT),
    ("mark_sent", Status.FINALIZED),
    ("mark_sent", Status.FAILED),
    ("mark_exported", Status.FINALIZED),
    ("mark_failed", Status.FINALIZED),
    ("mark_failed", Status.FAILED),
    ("delete", Status.DRAFT),
    ("restore", Status.DELETED),
    ("revise", Status.FINALIZED),
    ("revise", Status.SENT),
    ("revise", Status.HANDED_IN),
}


def make(clock=None, status=Status.DRAFT) -> Interview:
    interview = Interview.new(
        form_id="household", form_version="1", form_hash="md5:abc", clock=clock or FakeClock()
    )
    interview.status = status
    return interview


def test_new_interview_has_an_openrosa_uuid_and_timestamps_in_utc_ms():
    interview = make(FakeClock())
    assert re.fullmatch(r"uuid:[0-9a-f-]{36}", interview.instance_id)
    assert interview.created_at == "2026-03-01T09:30:00.123Z"
    assert interview.updated_at == interview.created_at
    assert interview.status is Status.DRAFT
    assert make().instance_id != interview.instance_id


def test_format_timestamp_converts_to_utc_with_z():
    paris = timezone(timedelta(hours=2))
    assert format_timestamp(datetime(2026, 6, 1, 12, 0, 0, 5000, tzinfo=paris)) == (
        "2026-06-01T10:00:00.005Z"
    )


def test_to_dict_from_dict_round_trip_through_json():
    interview = make()
    interview.answers = {"name": "Dupont", "members": [{"first": "Léa"}, {"first": "Ali"}]}
    interview.attachments = [Attachment("photo.jpg", "image/jpeg", 3, "ab" * 32)]
    interview.handed_in = [{"to": "usb", "at": "2026-03-01T10:00:00.000Z"}]
    data = json.loads(json.dumps(interview.to_dict()))
    assert data["status"] == "draft"
    again = Interview.from_dict(data)
    assert again == interview
    assert again.status is Status.DRAFT


def test_to_dict_is_a_copy():
    interview = make()
    interview.answers = {"members": [{"first": "Léa"}]}
    interview.to_dict()["answers"]["members"][0]["first"] = "changed"
    assert interview.answers["members"][0]["first"] == "Léa"


def test_invalid_transition_is_a_surveyor_error():
    assert issubclass(InvalidTransition, SurveyorError)


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("status", list(Status))
def test_each_transition_is_allowed_or_refused_leaving_the_interview_untouched(action, status):
    interview = make(status=status)
    before = interview.to_dict()
    if (action, status) in ALLOWED:
        ACTIONS[action](interview, FakeClock())
    else:
        with pytest.raises(InvalidTransition) as info:
            ACTIONS[action](interview, FakeClock())
        assert info.value.action == action
        assert info.value.status == str(status)
        assert interview.to_dict() == before


def test_lifecycle_sets_each_timestamp_from_the_clock():
    clock = FakeClock()
    interview = make(clock)
    record.finalize(interview, clock=clock)
    assert interview.finalized_at == "2026-03-01T09:30:01.123Z"
    record.mark_failed(interview, "HTTP 500", clock=clock)
    assert interview.status is Status.FAILED and interview.last_error == "HTTP 500"
    record.mark_sent(interview, to="https://odk.example", clock=clock)
    assert interview.status is Status.SENT
    assert interview.sent_at == "2026-03-01T09:30:03.123Z"
    assert interview.last_error is None
    assert interview.handed_in == [{"to": "https://odk.example", "at": interview.sent_at}]


def test_export_records_where_it_was_handed_in():
    clock = FakeClock()
    interview = record.finalize(make(clock), clock=clock)
    record.mark_exported(interview, to="E:/batch-laptop3.zip", clock=clock)
    assert interview.status is Status.HANDED_IN
    assert interview.handed_in == [{"to": "E:/batch-laptop3.zip", "at": interview.exported_at}]


def test_delete_and_restore_a_draft():
    clock = FakeClock()
    interview = record.delete(make(clock), clock=clock)
    assert interview.status is Status.DELETED and interview.deleted_at
    record.restore(interview, clock=clock)
    assert interview.status is Status.DRAFT and interview.deleted_at is None


def test_new_revision_is_a_new_draft_naming_the_old_one():
    clock = FakeClock()
    old = make(clock)
    old.answers = {"name": "Dupont", "members": [{"first": "Léa"}]}
    old.instance_name = "Dupont"
    old.position = "/data/members[1]/first"
    old.attachments = [Attachment("photo.jpg", "image/jpeg", 3, "ab" * 32)]
    record.mark_sent(record.finalize(old, clock=clock), clock=clock)
    snapshot = old.to_dict()
    new = record.new_revision(old, clock=clock)
    assert new.instance_id != old.instance_id
    assert new.deprecated_id == old.instance_id
    assert new.status is Status.DRAFT
    assert new.answers == old.answers and new.answers is not old.answers
    assert new.form_hash == old.form_hash
    assert new.attachments == old.attachments
    assert new.position is None and new.sent_at is None and new.handed_in == []
    assert old.to_dict() == snapshot


def test_check_editable_refuses_anything_but_a_draft():
    record.check_editable(make())
    with pytest.raises(InvalidTransition):
        record.check_editable(make(status=Status.FINALIZED))


def test_handed_in_keeps_its_stored_value():
    """The Python name says what it means; the database and batch format 1 keep "exported"."""
    assert Status.HANDED_IN.value == "exported"
    assert Status("exported") is Status.HANDED_IN
