"""The store's own tests (``test_store.py``, ``test_search.py``) run again on a store
encrypted at rest (SQLCipher, a passphrase): the same behaviour, byte for byte the same
answers, the same errors."""

from __future__ import annotations

import pytest

from surveyor.store import protection

from .test_search import *  # noqa: F403 - every search test, run again here
from .test_store import *  # noqa: F403 - every store test, run again here

# Not about a protected store: the store made in SURVEYOR_HOME, files written by hand in the
# data dir before the store, and a file opened read-only with Python's own sqlite3 (which
# cannot read an encrypted one).
for _plain_only in (
    "test_open_creates_the_database_in_surveyor_home",
    "test_a_file_that_is_not_a_database_is_refused",
    "test_another_apps_database_is_refused_untouched",
    "test_read_only_database_raises_a_clear_store_error",
):
    del globals()[_plain_only]


@pytest.fixture
def data_dir(tmp_path):
    """A data dir whose store is protected (made at its first opening), unlocked here."""
    folder = tmp_path / "data"
    protection.protect(folder, passphrase="store tests passphrase")
    yield folder
    protection.forget(folder)


def test_the_stores_here_are_encrypted(store, draft, data_dir):
    assert store.key is not None
    assert not (data_dir / "surveyor.db").read_bytes().startswith(b"SQLite format 3")
