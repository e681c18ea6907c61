"""Fixtures for sync: a real server process (tests/server's helpers) and a laptop's store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.server.conftest import HABITANTS  # noqa: F401
from tests.server.conftest import Server  # noqa: F401
from tests.server.conftest import make_campaign  # noqa: F401
from tests.server.conftest import surveyor  # noqa: F401

REPO = Path(__file__).resolve().parents[2]
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))


class Laptop:
    """An interviewer's data dir with its store and form library."""

    def __init__(self, data_dir: Path):
        from surveyor.services.interviews import FormLibrary
        from surveyor.store import Store

        self.data_dir = data_dir
        self.store = Store.open(data_dir)
        self.library = FormLibrary(self.store)
        self.form = None

    def fill(self, n: int, **answers) -> list[str]:
        """n finalized habitants interviews; returns their instanceIDs."""
        from surveyor.services.interviews import fill_interview

        if self.form is None:
            self.form = self.library.load_file(HABITANTS)
        ids = []
        for _ in range(n):
            result = fill_interview(
                self.library, self.form, {**ANSWERS, **answers}, finalize=True, interviewer="ines"
            )
            assert not result.problems, result.problems
            ids.append(result.interview.instance_id)
        return ids

    def statuses(self) -> dict[str, int]:
        return {k: v for k, v in self.store.count_by_status().items() if v}

    def close(self):
        self.store.close()


@pytest.fixture
def laptop(tmp_path):
    laptop = Laptop(tmp_path / "laptop")
    yield laptop
    laptop.close()


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    campaign = make_campaign(tmp_path_factory.mktemp("campaign"), auth_ttl=1.0)
    yield campaign
    campaign.server.stop()


def server_count(campaign) -> int:
    return len(all_submissions(campaign))


def all_submissions(campaign) -> list[dict]:
    rows, since = [], 0
    while True:
        reply = campaign.server.request(
            "GET", f"/api/v1/submissions?since={since}&limit=1000", auth=campaign.coordinator
        )
        assert reply.status == 200, reply.body
        data = reply.json()
        rows += data["submissions"]
        since = data["cursor"]
        if not data["more"]:
            return rows
