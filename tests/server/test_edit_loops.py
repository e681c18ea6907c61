"""The server refuses a submission whose edit chain points at itself or loops (400)."""

from __future__ import annotations

import pytest

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow


def edit_of(campaign, deprecated_id: str | None = None, instance_id: str | None = None):
    xml, new_id = campaign.new_submission()
    if instance_id is not None:
        xml, new_id = xml.replace(new_id, instance_id), instance_id
    if deprecated_id is not None:
        xml = xml.replace(
            f"<instanceID>{new_id}</instanceID>",
            f"<instanceID>{new_id}</instanceID><deprecatedID>{deprecated_id}</deprecatedID>",
        )
    return xml, new_id


def test_a_submission_that_edits_itself_is_400_and_not_stored(campaign):
    xml, new_id = campaign.new_submission()
    xml = xml.replace(
        f"<instanceID>{new_id}</instanceID>",
        f"<instanceID>{new_id}</instanceID><deprecatedID>{new_id}</deprecatedID>",
    )
    reply = campaign.server.submit(xml, auth=campaign.interviewer)
    assert reply.status == 400
    assert b"names itself as the version it replaces" in reply.body
    assert campaign.stored(new_id) is None


def test_an_edit_that_closes_a_loop_is_400(campaign):
    import uuid

    b = f"uuid:{uuid.uuid4()}"
    first, a = edit_of(campaign, deprecated_id=b)  # an edit of b, arriving before b
    assert campaign.server.submit(first, auth=campaign.interviewer).status == 201
    second, _ = edit_of(campaign, deprecated_id=a, instance_id=b)  # b would edit a: a loop
    reply = campaign.server.submit(second, auth=campaign.interviewer)
    assert reply.status == 400
    assert b"form a loop" in reply.body
    assert campaign.stored(b) is None
    assert campaign.stored(a)["superseded_by"] is None
