"""One writer, enforced: a Store is used by one thread, its owner, and refuses any other."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from surveyor.store import Store
from surveyor.store import StoreThreadError

from .conftest import new_interview
from .conftest import save_household_form


def _on_other_thread(fn):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


def test_a_store_refuses_use_from_a_thread_other_than_its_owner(store, draft):
    with pytest.raises(StoreThreadError, match="another thread"):
        _on_other_thread(lambda: store.save_answers(draft.instance_id, {"a": "1"}))
    with pytest.raises(StoreThreadError):
        _on_other_thread(store.list_interviews)
    with pytest.raises(StoreThreadError):
        _on_other_thread(lambda: store.db)
    # the owner still uses it, and nothing was written by the refused call
    assert store.get_interview(draft.instance_id).answers == {}


def test_a_store_handed_to_a_worker_thread_belongs_to_it_alone(data_dir):
    store = Store.open(data_dir)
    with ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(store.bind_to_current_thread).result()
        form = worker.submit(save_household_form, store).result()
        created = worker.submit(new_interview, store).result()
        assert form.form_id == "household" and created.instance_id
        with pytest.raises(StoreThreadError):
            store.list_interviews()  # the opening thread gave it away
        with pytest.raises(StoreThreadError):
            store.close()
        worker.submit(store.close).result()


def test_a_store_opened_on_a_worker_thread_is_owned_by_it(data_dir):
    with ThreadPoolExecutor(max_workers=1) as worker:
        store = worker.submit(Store.open, data_dir).result()
        assert worker.submit(store.list_interviews).result() == []
        with pytest.raises(StoreThreadError):
            store.count_by_status()
        worker.submit(store.close).result()
