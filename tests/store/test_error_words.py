"""A store error says what happened: a value SQLite cannot bind is not "the database is closed"."""

from __future__ import annotations

import pytest

from surveyor.errors import StoreError
from surveyor.store import Store


def save(store, **changes):
    fields = dict(
        form_id="f",
        version="1",
        title="T",
        content_hash="md5:x",
        source_name="f.xlsx",
        source_bytes=None,
        xform="<h:html/>",
    )
    fields.update(changes)
    return store.save_form(**fields)


def test_a_value_sqlite_cannot_store_is_not_called_a_closed_database(tmp_path):
    with Store.open(tmp_path / "data") as store:
        with pytest.raises(StoreError) as caught:
            save(store, title={"not": "text"})
        assert "closed" not in str(caught.value)
        assert "a value the database cannot store" in str(caught.value)
        save(store)  # the store still works
    with pytest.raises(StoreError, match="the database is closed"):
        save(store, content_hash="md5:y")
