"""The store's API against a real SQLite file."""

from __future__ import annotations

import hashlib
import sqlite3
import threading

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from surveyor.errors import StoreError
from surveyor.interviews.record import Interview
from surveyor.interviews.record import InvalidTransition
from surveyor.interviews.record import Status
from surveyor.store import AttachmentNotFound
from surveyor.store import FormNotFound
from surveyor.store import InterviewNotFound
from surveyor.store import InvalidAttachmentName
from surveyor.store import Store

from .conftest import FORM_HASH
from .conftest import new_interview
from .conftest import save_household_form


def test_open_creates_the_database_in_surveyor_home(isolated_home):
    with Store.open() as store:
        assert store.path == isolated_home.resolve() / "surveyor.db"
    assert (isolated_home / "surveyor.db").is_file()


def test_open_sets_durable_pragmas(store):
    db = store.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_open_twice_keeps_the_data(data_dir, form, draft, store):
    store.close()
    with Store.open(data_dir) as again:
        assert again.get_interview(draft.instance_id).interviewer == "Amina"
        assert again.backup_path is None


def test_store_can_be_handed_to_another_thread(store, draft):
    result = {}

    def work():
        store.bind_to_current_thread()
        store.save_answers(draft.instance_id, {"name": "from worker"})
        result["answers"] = store.get_interview(draft.instance_id).answers

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    store.bind_to_current_thread()  # back to the test's thread, to close it
    assert result["answers"] == {"name": "from worker"}


def test_a_file_that_is_not_a_database_is_refused(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "surveyor.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="damaged or is not a Surveyor database"):
        Store.open(data_dir)


def test_another_apps_database_is_refused_untouched(data_dir):
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "surveyor.db")
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    before = (data_dir / "surveyor.db").read_bytes()
    with pytest.raises(StoreError, match="not a Surveyor one"):
        Store.open(data_dir)
    assert (data_dir / "surveyor.db").read_bytes() == before


# --- forms ---------------------------------------------------------------------------------


def test_save_form_stores_it_once(store):
    first = save_household_form(store)
    second = save_household_form(store)
    assert first == second
    assert store.db.execute("SELECT count(*) FROM forms").fetchone()[0] == 1
    assert first.media_names == ["logo.png"]
    assert first.source_bytes is None


def test_get_form_returns_the_file_the_xform_and_media(store, form):
    stored = store.get_form(FORM_HASH)
    assert stored.form_id == "household"
    assert stored.version == "2026030101"
    assert stored.title == "Enquête ménages"
    assert stored.source_name == "household.xlsx"
    assert stored.source_bytes == b"PK\x03\x04 fake xlsx"
    assert stored.xform == "<h:html/>"
    assert stored.media == {"logo.png": b"\x89PNG fake"}


def test_get_form_unknown_hash_raises(store):
    with pytest.raises(FormNotFound):
        store.get_form("md5:nope")


def test_list_forms_keeps_every_version(store):
    save_household_form(store)
    save_household_form(store, content_hash="md5:v2", version="2026040101")
    forms = store.list_forms()
    assert [f.version for f in forms] == ["2026030101", "2026040101"]
    assert all(f.xform is None and f.source_bytes is None for f in forms)
    full = store.list_forms(form_id="household", with_content=True)
    assert full[1].xform == "<h:html/>"
    assert store.list_forms(form_id="other") == []


def test_form_media_names_are_checked(store):
    with pytest.raises(InvalidAttachmentName):
        store.save_form(
            form_id="f",
            version="1",
            title="",
            content_hash="md5:m",
            source_name="",
            source_bytes=None,
            xform="<x/>",
            media={"../evil.png": b""},
        )


# --- interviews ----------------------------------------------------------------------------


def test_create_and_get_an_interview(store, form, clock):
    interview = Interview.new(
        form_id="household", form_version="2026030101", form_hash=FORM_HASH, clock=clock
    )
    interview.answers = {"name": "Dupont", "members": [{"first": "Léa", "age": "7"}]}
    store.create_interview(interview)
    got = store.get_interview(interview.instance_id)
    assert got == interview


def test_create_interview_needs_its_form_stored(store):
    interview = Interview.new(form_id="x", form_version="1", form_hash="md5:unknown")
    with pytest.raises(StoreError, match="save the form first"):
        store.create_interview(interview)
    assert store.list_interviews() == []


def test_create_interview_twice_is_refused(store, draft):
    with pytest.raises(StoreError, match="already stored"):
        store.create_interview(draft)


def test_get_unknown_interview_raises(store):
    with pytest.raises(InterviewNotFound) as info:
        store.get_interview("uuid:nope")
    assert isinstance(info.value, StoreError)
    assert info.value.instance_id == "uuid:nope"


def test_save_interview_upserts_every_field(store, form, clock):
    interview = Interview.new(
        form_id="household", form_version="2026030101", form_hash=FORM_HASH, clock=clock
    )
    store.save_interview(interview)  # insert
    interview.answers = {"a": "1"}
    interview.instance_name = "Famille Dupont"
    interview.position = "/data/a"
    interview.last_error = "x"
    interview.handed_in = [{"to": "usb", "at": "2026-01-01T00:00:00.000Z"}]
    before = interview.updated_at
    store.save_interview(interview)  # update
    assert interview.updated_at > before
    assert store.get_interview(interview.instance_id) == interview
    assert len(store.list_interviews()) == 1


def test_save_answers_updates_answers_position_and_name(store, draft):
    updated = store.save_answers(draft.instance_id, {"name": "Dupont"}, position="/data/name")
    got = store.get_interview(draft.instance_id)
    assert got.answers == {"name": "Dupont"}
    assert got.position == "/data/name"
    assert got.updated_at == updated > draft.updated_at
    assert got.instance_name == ""
    store.save_answers(draft.instance_id, {"name": "Martin"}, instance_name="Martin")
    got = store.get_interview(draft.instance_id)
    assert got.position == "/data/name"  # None leaves it
    assert got.instance_name == "Martin"


def test_save_answers_keeps_nested_unicode_answers(store, draft):
    answers = {
        "commune": "Saint-Étienne",
        "remarque": "l'été « chaud » 🌞",
        "members": [{"first": "Zoë", "age": "31"}, {"first": "Noé", "age": "2"}],
    }
    store.save_answers(draft.instance_id, answers)
    assert store.get_interview(draft.instance_id).answers == answers


def test_save_answers_unknown_interview_raises(store):
    with pytest.raises(InterviewNotFound):
        store.save_answers("uuid:nope", {})


def test_save_answers_refuses_a_finalized_interview(store, draft):
    store.finalize(draft.instance_id)
    with pytest.raises(InvalidTransition):
        store.save_answers(draft.instance_id, {"name": "late"})
    assert store.get_interview(draft.instance_id).answers == {}


def test_save_answers_is_one_durable_transaction(store, draft):
    statements = []
    store.db.conn.set_trace_callback(statements.append)
    store.save_answers(draft.instance_id, {"a": "1"})
    store.db.conn.set_trace_callback(None)
    # (SQLite traces the statement again for each step of the search index's trigger, and
    # newer versions trace the search index's own writes as "-- " statements)
    statements = [s for s in statements if not s.startswith("-- ")]
    writes = {s for s in statements if s.split()[0].upper() in ("UPDATE", "INSERT", "DELETE")}
    assert len(writes) == 1
    assert statements[0] == "BEGIN IMMEDIATE" and statements[-1] == "COMMIT"


# --- lists and counts ----------------------------------------------------------------------


def test_list_interviews_filters_and_orders_by_last_change(store, form, clock):
    save_household_form(store, content_hash="md5:other")
    a = new_interview(store, clock)
    b = new_interview(store, clock)
    c = new_interview(store, clock)
    store.save_answers(a.instance_id, {"x": "1"}, instance_name="Famille Dupont")
    store.finalize(b.instance_id)
    store.delete(c.instance_id)
    other = Interview.new(form_id="other", form_version="1", form_hash="md5:other", clock=clock)
    store.create_interview(other)

    assert [s.instance_id for s in store.list_interviews()] == [
        other.instance_id,
        b.instance_id,
        a.instance_id,
    ]
    assert [s.instance_id for s in store.list_interviews(status=Status.DRAFT)] == [
        other.instance_id,
        a.instance_id,
    ]
    assert {s.instance_id for s in store.list_interviews(status=["draft", "finalized"])} == {
        a.instance_id,
        b.instance_id,
        other.instance_id,
    }
    assert [s.instance_id for s in store.list_interviews(status=Status.DELETED)] == [c.instance_id]
    assert len(store.list_interviews(include_deleted=True)) == 4
    assert len(store.list_interviews(form_id="household")) == 2
    assert [s.instance_id for s in store.list_interviews(search="dupont")] == [a.instance_id]
    assert store.list_interviews(search="%") == []
    assert len(store.list_interviews(search="amina")) == 2
    assert len(store.list_interviews(limit=1)) == 1
    summary = store.list_interviews(search="Dupont")[0]
    assert summary.status is Status.DRAFT and summary.instance_name == "Famille Dupont"
    assert not hasattr(summary, "answers")


def test_count_by_status(store, form, clock):
    for _ in range(3):
        new_interview(store, clock)
    store.finalize(store.list_interviews()[0].instance_id)
    counts = store.count_by_status()
    assert counts == {
        "draft": 2,
        "finalized": 1,
        "sent": 0,
        "exported": 0,
        "failed": 0,
        "deleted": 0,
    }
    assert store.count_by_status(form_id="nothing")["draft"] == 0


def test_list_of_ten_thousand_interviews_is_index_backed(store, form):
    """Its speed is measured by benchmarks/bench_targets.py (target < 1 s)."""
    rows = [
        (
            f"uuid:{n:036d}",
            "household",
            "1",
            FORM_HASH,
            "draft" if n % 3 else "finalized",
            f"2026-03-01T09:{n // 600 % 60:02d}:{n // 10 % 60:02d}.{n % 1000:03d}Z",
            '{"q": "' + "x" * 2000 + '"}',
        )
        for n in range(10_000)
    ]
    with store.db.atomic():
        store.db.conn.executemany(
            "INSERT INTO interviews (instance_id, form_id, form_version, form_hash, status, "
            "created_at, updated_at, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [r[:6] + (r[5], r[6]) for r in rows],
        )
    everything = store.list_interviews()
    drafts = store.list_interviews(status=Status.DRAFT, limit=50)
    counts = store.count_by_status(form_id="household")
    assert len(everything) == 10_000 and len(drafts) == 50
    assert counts["draft"] + counts["finalized"] == 10_000
    plan = " ".join(
        str(r)
        for r in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT instance_id FROM interviews WHERE status IN (?) "
            "ORDER BY updated_at DESC LIMIT 50",
            ["draft"],
        )
    )
    assert "idx_interviews_status" in plan


# --- lifecycle through the store -----------------------------------------------------------


def test_finalize_send_and_export_are_stored(store, form, clock):
    a = new_interview(store, clock)
    b = new_interview(store, clock)
    store.finalize(a.instance_id)
    store.mark_failed(a.instance_id, "HTTP 503")
    failed = store.get_interview(a.instance_id)
    assert failed.status is Status.FAILED and failed.last_error == "HTTP 503"
    sent = store.mark_sent(a.instance_id, to="https://odk.example")
    assert store.get_interview(a.instance_id) == sent
    assert sent.status is Status.SENT and sent.last_error is None
    assert sent.handed_in == [{"to": "https://odk.example", "at": sent.sent_at}]
    store.finalize(b.instance_id)
    exported = store.mark_exported(b.instance_id, to="E:/lot.zip")
    assert store.get_interview(b.instance_id).exported_at == exported.exported_at
    assert store.get_interview(b.instance_id).finalized_at is not None


def test_delete_is_soft_and_restore_brings_it_back(store, draft):
    store.save_answers(draft.instance_id, {"a": "1"})
    store.delete(draft.instance_id)
    assert store.list_interviews() == []
    deleted = store.get_interview(draft.instance_id)
    assert deleted.status is Status.DELETED and deleted.answers == {"a": "1"}
    store.restore(draft.instance_id)
    assert store.get_interview(draft.instance_id).status is Status.DRAFT


@pytest.mark.parametrize(
    "steps, forbidden",
    [
        ([], "mark_sent"),
        ([], "mark_exported"),
        ([], "mark_failed"),
        ([], "restore"),
        ([], "revise"),
        (["finalize"], "finalize"),
        (["finalize"], "delete"),
        (["finalize", "mark_sent"], "mark_exported"),
        (["finalize", "mark_sent"], "mark_failed"),
        (["finalize", "mark_exported"], "mark_sent"),
        (["finalize", "mark_failed"], "mark_exported"),
        (["delete"], "finalize"),
        (["delete"], "delete"),
    ],
)
def test_forbidden_transitions_raise_and_change_nothing(store, draft, steps, forbidden):
    calls = {
        "finalize": lambda i: store.finalize(i),
        "mark_sent": lambda i: store.mark_sent(i, to="srv"),
        "mark_exported": lambda i: store.mark_exported(i, to="usb"),
        "mark_failed": lambda i: store.mark_failed(i, "err"),
        "delete": lambda i: store.delete(i),
        "restore": lambda i: store.restore(i),
        "revise": lambda i: store.revise(i),
    }
    for step in steps:
        calls[step](draft.instance_id)
    before = store.get_interview(draft.instance_id)
    with pytest.raises(InvalidTransition):
        calls[forbidden](draft.instance_id)
    assert store.get_interview(draft.instance_id) == before
    assert len(store.list_interviews(include_deleted=True)) == 1


def test_lifecycle_on_unknown_interview_raises_not_found(store):
    with pytest.raises(InterviewNotFound):
        store.finalize("uuid:nope")


def test_revise_makes_a_new_draft_with_copied_answers_and_files(store, draft):
    store.save_answers(draft.instance_id, {"name": "Dupont"}, instance_name="Dupont")
    store.add_attachment(draft.instance_id, "photo.jpg", b"jpegbytes", "image/jpeg")
    store.mark_sent(store.finalize(draft.instance_id).instance_id, to="srv")
    old = store.get_interview(draft.instance_id)
    new = store.revise(draft.instance_id)
    assert store.get_interview(new.instance_id) == new
    assert new.deprecated_id == draft.instance_id
    assert new.status is Status.DRAFT
    assert new.answers == {"name": "Dupont"}
    assert store.get_attachment(new.instance_id, "photo.jpg") == b"jpegbytes"
    assert store.get_interview(draft.instance_id) == old
    store.save_answers(new.instance_id, {"name": "Dupont-Martin"})
    assert store.get_interview(draft.instance_id).answers == {"name": "Dupont"}


# --- attachments ---------------------------------------------------------------------------


def test_add_and_get_an_attachment(store, draft):
    data = bytes(range(256)) * 100
    attachment = store.add_attachment(draft.instance_id, "photo-1.jpg", data, "image/jpeg")
    assert attachment.size == len(data)
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    assert store.get_attachment(draft.instance_id, "photo-1.jpg") == data
    assert store.get_interview(draft.instance_id).attachments == [attachment]


def test_adding_an_attachment_again_replaces_it(store, draft):
    store.add_attachment(draft.instance_id, "a.jpg", b"old", "image/jpeg")
    store.add_attachment(draft.instance_id, "a.jpg", b"newer", "image/png")
    assert store.get_attachment(draft.instance_id, "a.jpg") == b"newer"
    [only] = store.get_interview(draft.instance_id).attachments
    assert only.media_type == "image/png" and only.size == 5


@pytest.mark.parametrize(
    "name", ["../x.jpg", "a/b.jpg", "a\\b.jpg", "..", ".", "", "C:x.jpg", "/etc/passwd", "a\x00b"]
)
def test_attachment_names_that_could_escape_are_refused(store, draft, name):
    with pytest.raises(InvalidAttachmentName):
        store.add_attachment(draft.instance_id, name, b"x", "image/jpeg")
    with pytest.raises(InvalidAttachmentName):
        store.get_attachment(draft.instance_id, name)
    assert store.get_interview(draft.instance_id).attachments == []


def test_attachment_of_unknown_interview_or_file(store, draft):
    with pytest.raises(InterviewNotFound):
        store.add_attachment("uuid:nope", "a.jpg", b"x", "image/jpeg")
    with pytest.raises(AttachmentNotFound):
        store.get_attachment(draft.instance_id, "missing.jpg")


# --- write errors --------------------------------------------------------------------------


def test_disk_full_raises_a_clear_store_error_and_writes_nothing(store, draft):
    store.save_answers(draft.instance_id, {"a": "before"})
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    big = b"x" * 200_000
    with pytest.raises(StoreError, match="disk is full"):
        store.add_attachment(draft.instance_id, "big.bin", big, "application/octet-stream")
    with pytest.raises(StoreError, match="disk is full"):
        store.save_answers(draft.instance_id, {"a": "y" * 200_000})
    store.db.execute("PRAGMA max_page_count = 1073741823")
    got = store.get_interview(draft.instance_id)
    assert got.answers == {"a": "before"} and got.attachments == []
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.save_answers(draft.instance_id, {"a": "after"})  # the store still works


def test_read_only_database_raises_a_clear_store_error(data_dir, form, draft, store):
    store.close()
    conn = sqlite3.connect(
        f"file:{data_dir / 'surveyor.db'}?mode=ro", uri=True, check_same_thread=False
    )
    from sqlite_utils import Database

    ro = Store(Database(conn, execute_plugins=False), data_dir / "surveyor.db")
    with pytest.raises(StoreError, match="cannot be written"):
        ro.save_answers(draft.instance_id, {"a": "1"})
    ro.close()


def test_closed_store_raises_store_error(store, draft):
    store.close()
    with pytest.raises(StoreError):
        store.save_answers(draft.instance_id, {})
    store.close()  # idempotent


_text = st.text(max_size=40)
_fields = st.dictionaries(
    st.from_regex(r"[a-z_][a-z0-9_]{0,10}", fullmatch=True), _text, max_size=8
)
_answers = st.builds(
    lambda flat, repeats: {**flat, **repeats},
    _fields,
    st.dictionaries(
        st.from_regex(r"rep_[a-z]{1,6}", fullmatch=True), st.lists(_fields, max_size=4), max_size=2
    ),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(answers=_answers, position=st.none() | _text)
def test_any_answers_come_back_as_saved(store, draft, answers, position):
    store.save_answers(draft.instance_id, answers, position=position)
    got = store.get_interview(draft.instance_id)
    assert got.answers == answers
    if position is not None:
        assert got.position == position
