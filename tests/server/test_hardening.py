"""The server's security headers and brakes, through a real process (issue 8)."""

from __future__ import annotations

import threading
import uuid

import pytest

from tests.server.conftest import surveyor

# a real server (or a report) in this module: seconds each, out of the quick loop
pytestmark = pytest.mark.slow


def _attachment(campaign, instance_id: str, name: str):
    return campaign.server.request(
        "GET", f"/api/v1/submissions/{instance_id}/attachments/{name}", auth=campaign.coordinator
    )


def test_attachments_are_served_as_downloads_with_a_safe_type(campaign):
    xml, instance_id = campaign.new_submission()
    files = {
        "page.html": b"<script>alert(1)</script>",
        "logo.svg": b"<svg onload='x()'/>",
        "data.xml": b"<x/>",
        "photo.jpg": b"\xff\xd8photo",
        "voice.m4a": b"audio",
    }
    types = {
        "page.html": "text/html",
        "logo.svg": "image/svg+xml",
        "data.xml": "text/xml",
        "photo.jpg": "image/jpeg",
        "voice.m4a": "audio/mp4",
    }
    assert campaign.server.submit(xml, files, types=types, auth=campaign.interviewer).status == 201
    served = {}
    for name in files:
        reply = _attachment(campaign, instance_id, name)
        assert reply.status == 200 and reply.body == files[name]
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert reply.headers["content-disposition"].startswith("attachment;"), name
        assert name in reply.headers["content-disposition"]
        served[name] = reply.headers["content-type"]
    assert served == {
        "page.html": "application/octet-stream",
        "logo.svg": "application/octet-stream",
        "data.xml": "application/octet-stream",
        "photo.jpg": "image/jpeg",
        "voice.m4a": "audio/mp4",
    }


def test_every_response_says_nosniff(campaign):
    for method, path, auth in (
        ("GET", "/formList", campaign.interviewer),
        ("GET", "/formList", None),
        ("HEAD", "/submission", campaign.interviewer),
        ("GET", "/no/such/page", None),
        ("GET", "/api/v1/submissions", campaign.coordinator),
    ):
        reply = campaign.server.request(method, path, auth=auth)
        assert reply.headers.get("x-content-type-options") == "nosniff", (method, path)


def test_guessing_across_random_names_from_one_address_is_braked(campaign):
    address = {"X-Forwarded-For": "10.66.0.1"}  # the proxy's word, trusted from 127.0.0.1
    statuses = []
    for _ in range(25):
        reply = campaign.server.request(
            "GET", "/formList", auth=(uuid.uuid4().hex, "guess"), headers=address
        )
        statuses.append(reply.status)
    assert statuses[:20] == [401] * 20
    assert statuses[20:] == [429] * 5
    blocked = campaign.server.request(
        "GET", "/formList", auth=campaign.interviewer, headers=address
    )
    assert blocked.status == 429 and int(blocked.headers["retry-after"]) >= 1
    # Elsewhere the same person is served.
    assert (
        campaign.server.request(
            "GET", "/formList", auth=campaign.interviewer, headers={"X-Forwarded-For": "10.66.0.2"}
        ).status
        == 200
    )


def test_guessing_one_name_from_many_addresses_is_braked(campaign):
    surveyor(
        "server", "add-user", "cible", "--role", "interviewer", data_dir=campaign.server.data_dir
    )
    statuses = [
        campaign.server.request(
            "GET", "/formList", auth=("cible", "guess"), headers={"X-Forwarded-For": f"10.67.0.{i}"}
        ).status
        for i in range(1, 53)
    ]
    assert statuses[:50] == [401] * 50 and statuses[50:] == [429] * 2


@pytest.mark.slow
def test_the_brakes_counters_stay_under_their_cap(tmp_path):
    import asyncio

    from surveyor.server import db
    from surveyor.server.auth import Authenticator
    from surveyor.server.auth import Refusal

    engine = db.make_engine(db.default_url(tmp_path))
    auth = Authenticator(engine, counter_cap=100, hash_workers=4)

    async def guesses():
        for i in range(300):
            result = await auth.authenticate(_basic(f"name{i}", "x"), f"10.1.{i // 250}.{i % 250}")
            assert isinstance(result, Refusal) and result.status == 401

    asyncio.run(guesses())
    assert len(auth.pair_failures) == len(auth.address_counters) == len(auth.name_counters) == 100
    engine.dispose()


@pytest.mark.slow
def test_a_legitimate_request_is_served_while_a_flood_of_guesses_goes_on(campaign):
    """16 clients guess passwords (random names and addresses: every guess costs a scrypt);
    a person already logged in is answered while the flood is still going on."""
    assert campaign.server.request("GET", "/formList", auth=campaign.interviewer).status == 200
    done, total = [], 16 * 12
    guessed = threading.Event()

    def guess(worker):
        for i in range(12):
            reply = campaign.server.request(
                "GET",
                "/formList",
                auth=(uuid.uuid4().hex, "guess"),
                headers={"X-Forwarded-For": f"10.{68 + worker}.{i}.1"},
            )
            done.append(reply.status)
            guessed.set()

    threads = [threading.Thread(target=guess, args=(w,)) for w in range(16)]
    for thread in threads:
        thread.start()
    guessed.wait(60)
    served = [
        campaign.server.request("GET", "/formList", auth=campaign.interviewer).status
        for _ in range(5)
    ]
    finished_guesses = len(done)
    for thread in threads:
        thread.join()
    assert served == [200] * 5
    assert finished_guesses < total  # answered during the flood, not after it
    assert set(done) <= {401, 503}


def _basic(name, password):
    import base64

    return "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()


def test_a_remembered_password_does_not_open_an_address_the_brakes_closed(tmp_path):
    """The server remembers a verified password for ``ttl`` seconds; a person who logged in
    a moment before the guessing began is braked like everyone else from that address."""
    import asyncio

    from surveyor.server import db
    from surveyor.server import service
    from surveyor.server.auth import Authenticator
    from surveyor.server.auth import Refusal
    from surveyor.server.auth import User

    engine = db.make_engine(db.default_url(tmp_path))
    password = service.add_user(engine, "ines", "interviewer")
    moment = [1000.0]
    auth = Authenticator(engine, ttl=600, clock=lambda: moment[0])

    async def scenario():
        first = await auth.authenticate(_basic("ines", password), "10.66.0.1")
        assert first == User("ines", "interviewer")
        for i in range(20):
            guess = await auth.authenticate(_basic(f"guess{i}", "x"), "10.66.0.1")
            assert isinstance(guess, Refusal) and guess.status == 401
        moment[0] += 1  # well within the remembered minute
        braked = await auth.authenticate(_basic("ines", password), "10.66.0.1")
        assert isinstance(braked, Refusal) and braked.status == 429 and braked.retry_after >= 1
        elsewhere = await auth.authenticate(_basic("ines", password), "10.66.0.2")
        assert elsewhere == User("ines", "interviewer")

    asyncio.run(scenario())
    engine.dispose()
