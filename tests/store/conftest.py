"""Fixtures of the store tests: a real SQLite file in a temporary data dir, a fake clock."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest

from surveyor.interviews.record import Interview
from surveyor.store import Store

FORM_HASH = "md5:0123456789abcdef0123456789abcdef"


class FakeClock:
    """Starts at a fixed moment and moves one second forward at each reading."""

    def __init__(self, start: datetime | None = None, step: timedelta = timedelta(seconds=1)):
        self.now = start or datetime(2026, 3, 1, 9, 30, 0, 123000, tzinfo=UTC)
        self.step = step

    def __call__(self) -> datetime:
        current = self.now
        self.now += self.step
        return current


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir, clock):
    with Store.open(data_dir, clock=clock) as s:
        yield s


def save_household_form(
    store: Store, *, content_hash: str = FORM_HASH, version: str = "2026030101"
):
    return store.save_form(
        form_id="household",
        version=version,
        title="Enquête ménages",
        content_hash=content_hash,
        source_name="household.xlsx",
        source_bytes=b"PK\x03\x04 fake xlsx",
        xform="<h:html/>",
        media={"logo.png": b"\x89PNG fake"},
    )


def new_interview(
    store: Store, clock=None, *, content_hash: str = FORM_HASH, **kwargs
) -> Interview:
    interview = Interview.new(
        form_id="household",
        form_version="2026030101",
        form_hash=content_hash,
        interviewer="Amina",
        device_id="laptop-3",
        clock=clock,
        **kwargs,
    )
    return store.create_interview(interview)


@pytest.fixture
def form(store):
    return save_household_form(store)


@pytest.fixture
def draft(store, form, clock):
    return new_interview(store, clock)
