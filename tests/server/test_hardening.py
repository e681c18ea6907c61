"""The server's security headers and brakes, through a real process (issue 8)."""

from __future__ import annotations


def _attachment(campaign, instance_id: str, name: str):
    return campaign.server.request(
        "GET", f"/api/v1/submissions/{instance_id}/attachments/{name}", auth=campaign.coordinator)


def test_attachments_are_served_as_downloads_with_a_safe_type(campaign):
    xml, instance_id = campaign.new_submission()
    files = {"page.html": b"<script>alert(1)</script>", "logo.svg": b"<svg onload='x()'/>",
             "data.xml": b"<x/>", "photo.jpg": b"\xff\xd8photo", "voice.m4a": b"audio"}
    types = {"page.html": "text/html", "logo.svg": "image/svg+xml", "data.xml": "text/xml",
             "photo.jpg": "image/jpeg", "voice.m4a": "audio/mp4"}
    assert campaign.server.submit(xml, files, types=types, auth=campaign.interviewer).status == 201
    served = {}
    for name in files:
        reply = _attachment(campaign, instance_id, name)
        assert reply.status == 200 and reply.body == files[name]
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert reply.headers["content-disposition"].startswith("attachment;"), name
        assert name in reply.headers["content-disposition"]
        served[name] = reply.headers["content-type"]
    assert served == {"page.html": "application/octet-stream",
                      "logo.svg": "application/octet-stream",
                      "data.xml": "application/octet-stream",
                      "photo.jpg": "image/jpeg", "voice.m4a": "audio/mp4"}


def test_every_response_says_nosniff(campaign):
    for method, path, auth in (("GET", "/formList", campaign.interviewer),
                               ("GET", "/formList", None),
                               ("HEAD", "/submission", campaign.interviewer),
                               ("GET", "/no/such/page", None),
                               ("GET", "/api/v1/submissions", campaign.coordinator)):
        reply = campaign.server.request(method, path, auth=auth)
        assert reply.headers.get("x-content-type-options") == "nosniff", (method, path)
