"""The laptop's store encrypted at rest (SQLCipher): nothing readable on disk, a wrong or
missing passphrase changes nothing, the keychain, backups, doctor and repair, converting in
place (and a crash in the middle of it), and removing the protection. docs/privacy.md."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from surveyor.cli import main as cli_main
from surveyor.errors import ErrorCode
from surveyor.errors import StoreError
from surveyor.store import Store
from surveyor.store import StoreLockedError
from surveyor.store import engine
from surveyor.store import health
from surveyor.store import protection
from surveyor.store import rights
from surveyor.workspace import Workspace

from .conftest import new_interview
from .conftest import save_household_form

REPO = Path(__file__).resolve().parents[2]
SECRET = "Rue-des-Lilas-7391"  # an answer no byte of a protected data dir may show
PASSPHRASE = "correct horse battery"
PLAIN_HEADER = b"SQLite format 3\x00"


@pytest.fixture(autouse=True)
def locked_after(data_dir, monkeypatch):
    """Each test starts with no key remembered and no passphrase in the environment."""
    monkeypatch.delenv(protection.ENV_PASSPHRASE, raising=False)
    yield
    protection.forget(data_dir)


def fill(data_dir: Path, *, secret: str = SECRET, passphrase: str | None = None) -> str:
    """A form and one finalized interview whose answers hold ``secret``; its instanceID."""
    with Store.open(data_dir, passphrase=passphrase) as store:
        if not store.list_forms():
            save_household_form(store)
        interview = new_interview(store)
        store.save_answers(interview.instance_id, {"street": secret, "notes": secret * 20})
        store.finalize(interview.instance_id)
        return interview.instance_id


def files_of(data_dir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file()
    }


def digest_of(data_dir: Path) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in files_of(data_dir).items()}


def assert_nothing_clear(data_dir: Path) -> None:
    """No answer text, and no clear SQLite header, in any file of the data dir."""
    found = files_of(data_dir)
    databases = [n for n in found if n.endswith(".db") or ".db." in n or n == "surveyor.db"]
    assert databases, found.keys()
    for name, data in found.items():
        assert SECRET.encode() not in data, f"{name} holds an answer in clear"
        assert not data.startswith(PLAIN_HEADER), f"{name} is a clear SQLite file"
        assert PLAIN_HEADER not in data, f"{name} holds a clear SQLite page"


def test_a_protected_store_and_its_backups_show_no_answer_on_disk(data_dir):
    first = fill(data_dir)
    with Store.open(data_dir) as store:  # a clear rolling backup, to be re-made encrypted
        assert store.rolling_backup is not None
    assert SECRET.encode() in (data_dir / "surveyor.db").read_bytes()  # the test can fail

    report = Workspace.protect(data_dir, passphrase=PASSPHRASE)
    assert report.copies and not report.left_clear
    protection.forget(data_dir)
    second = fill(data_dir, passphrase=PASSPHRASE)
    with Store.open(data_dir, passphrase=PASSPHRASE) as store:
        assert store.backup(reason="merge") is not None  # a backup of the protected store
        # everything reads back, the answer search (FTS5) included
        assert store.get_interview(first).answers["street"] == SECRET
        assert {s.instance_id for s in store.list_interviews(search=SECRET[:8])} == {
            first,
            second,
        }
        store.forget_wal()
    assert_nothing_clear(data_dir)
    marker = (data_dir / protection.MARKER).read_text("utf-8")
    assert "passphrase" in marker and PASSPHRASE not in marker


def test_a_wrong_or_missing_passphrase_is_a_clear_error_and_changes_nothing(data_dir, tmp_path):
    instance_id = fill(data_dir)
    Workspace.protect(data_dir, passphrase=PASSPHRASE)
    protection.forget(data_dir)
    before = digest_of(data_dir)

    with pytest.raises(StoreLockedError, match="protected by a passphrase") as missing:
        Store.open(data_dir)
    assert missing.value.code is ErrorCode.STORE_LOCKED
    with pytest.raises(StoreLockedError, match="Wrong passphrase") as wrong:
        Workspace.open(data_dir, passphrase="not the passphrase")
    assert wrong.value.code is ErrorCode.STORE_PASSPHRASE_WRONG
    with pytest.raises(StoreLockedError):
        Workspace.check(data_dir, passphrase="not the passphrase")
    with pytest.raises(StoreLockedError):
        Workspace.unprotect(data_dir, passphrase="not the passphrase")
    assert digest_of(data_dir) == before

    # the command line: a clear sentence, exit 1; then the right passphrase opens it
    wrong_file = tmp_path / "wrong.txt"
    wrong_file.write_text("not the passphrase\n", encoding="utf-8")
    assert (
        cli_main(["--data-dir", str(data_dir), "--passphrase-file", str(wrong_file), "doctor"]) == 1
    )
    assert digest_of(data_dir) == before
    good = tmp_path / "good.txt"
    good.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert cli_main(["--data-dir", str(data_dir), "--passphrase-file", str(good), "doctor"]) == 0
    with Store.open(data_dir) as store:  # unlocked once in this process: remembered
        assert store.get_interview(instance_id).answers["street"] == SECRET


@pytest.mark.slow
def test_the_environment_variable_unlocks_a_command(data_dir, monkeypatch):
    fill(data_dir)
    Workspace.protect(data_dir, passphrase=PASSPHRASE)
    protection.forget(data_dir)
    env = {"SURVEYOR_HOME": str(data_dir), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-m", "surveyor", "interviews", "--json"],
        capture_output=True, text=True, timeout=120, cwd=REPO, env=env,
    )  # fmt: skip
    assert run.returncode == 1 and "protected by a passphrase" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "surveyor", "interviews", "--json"],
        capture_output=True, text=True, timeout=120, cwd=REPO,
        env={**env, protection.ENV_PASSPHRASE: PASSPHRASE},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "finalized" in run.stdout


def test_the_keychain_holds_the_key_and_its_loss_is_a_clear_error(data_dir, dict_keyring):
    instance_id = fill(data_dir)
    assert cli_main(["--data-dir", str(data_dir), "store", "protect", "--keychain"]) == 0
    assert [s for s, _ in dict_keyring.items] == [protection.KEYRING_SERVICE]
    protection.forget(data_dir)
    with Store.open(data_dir) as store:  # nothing typed: the keychain unlocks it
        assert store.key is not None
        assert store.get_interview(instance_id).answers["street"] == SECRET
    assert_nothing_clear(data_dir)

    protection.forget(data_dir)
    saved = dict(dict_keyring.items)
    dict_keyring.items.clear()  # another user's session, another computer
    before = digest_of(data_dir)
    with pytest.raises(StoreLockedError, match="keychain") as lost:
        Store.open(data_dir)
    assert lost.value.code is ErrorCode.STORE_KEY_MISSING
    assert digest_of(data_dir) == before

    dict_keyring.items.update(saved)
    assert cli_main(["--data-dir", str(data_dir), "store", "unprotect"]) == 0
    assert dict_keyring.items == {}  # the key is forgotten with the protection
    assert (data_dir / "surveyor.db").read_bytes().startswith(PLAIN_HEADER)


def test_removing_the_protection_gives_back_clear_files_with_everything(data_dir):
    first = fill(data_dir)
    Workspace.protect(data_dir, passphrase=PASSPHRASE)
    second = fill(data_dir, passphrase=PASSPHRASE)
    with Store.open(data_dir, passphrase=PASSPHRASE) as store:
        store.backup(reason="merge")
    protection.forget(data_dir)
    report = Workspace.unprotect(data_dir, passphrase=PASSPHRASE)
    assert report.copies and not report.left_clear
    assert not (data_dir / protection.MARKER).exists()
    for copy in [data_dir / "surveyor.db", *report.copies]:
        assert copy.read_bytes().startswith(PLAIN_HEADER)
    with Store.open(data_dir) as store:
        assert store.key is None
        assert {s.instance_id for s in store.list_interviews()} == {first, second}
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_store_in_use_is_not_converted(data_dir):
    fill(data_dir)
    before = digest_of(data_dir)
    with Store.open(data_dir) as store:
        store.get_interview  # noqa: B018 - open, as the app holds it
        with pytest.raises(StoreError, match="in use") as busy:
            Workspace.protect(data_dir, passphrase=PASSPHRASE)
        assert busy.value.code is ErrorCode.STORE_BUSY
    assert not (data_dir / protection.MARKER).exists()
    assert not list(data_dir.glob("*.part"))
    with Store.open(data_dir) as store:
        assert store.key is None
    assert set(digest_of(data_dir)) >= set(before) - {"surveyor.db-shm", "surveyor.db-wal"}


@pytest.mark.parametrize("crash_after", ["copy", "marker", "rename"])
def test_a_conversion_stopped_at_any_step_loses_nothing(data_dir, crash_after):
    instance_id = fill(data_dir)
    with Store.open(data_dir) as store:
        assert store.rolling_backup is not None
    protection.protect(data_dir, passphrase=PASSPHRASE, fail_at=crash_after)
    protection.forget(data_dir)  # the process died: nothing remembered

    # the next opening finds a whole store: undone before the rename, done after it
    with Store.open(data_dir, passphrase=PASSPHRASE) as store:
        assert store.get_interview(instance_id).answers["street"] == SECRET
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        protected = store.key is not None
    assert protected == (crash_after == "rename")
    assert not list(data_dir.glob("*.part"))
    if protected:
        assert_nothing_clear(data_dir)  # the clear backups were re-made encrypted
    else:
        assert not (data_dir / protection.MARKER).exists()
        Workspace.protect(data_dir, passphrase=PASSPHRASE)  # and it can be done again
        protection.forget(data_dir)
        with Store.open(data_dir, passphrase=PASSPHRASE) as store:
            assert store.get_interview(instance_id).answers["street"] == SECRET
        assert_nothing_clear(data_dir)


@pytest.mark.parametrize("protected", [False, True], ids=["plain", "protected"])
def test_a_marker_half_written_when_the_process_died_is_removed_at_the_next_opening(
    data_dir, protected
):
    instance_id = fill(data_dir)
    if protected:
        protection.protect(data_dir, passphrase=PASSPHRASE)
        protection.forget(data_dir)
    part = data_dir / (protection.MARKER + ".part")
    part.write_bytes(b'{"kdf": "scr')  # killed while writing the marker, before its rename
    with Store.open(data_dir, passphrase=PASSPHRASE if protected else None) as store:
        assert store.get_interview(instance_id).answers["street"] == SECRET
        assert (store.key is not None) == protected
    assert not part.exists()


CONVERTER = """
import sys
from surveyor.store import protection
from tests.store.test_at_rest import fast_key
protection.derive_key = fast_key
print("GO", flush=True)
protection.protect(sys.argv[1], passphrase=sys.argv[2])
print("DONE", flush=True)
"""
_SLOW_KEY = protection.derive_key


def fast_key(passphrase, salt, n=0, r=8, p=1):
    """scrypt at a tiny cost, so the kills land in the conversion rather than in the KDF."""
    return _SLOW_KEY(passphrase, salt, 16, r, p)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_converter_killed_at_random_moments_loses_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(protection, "derive_key", fast_key)
    rng = random.Random(20261130)
    states = {"whole run": 0, "killed, still plain": 0, "killed, protected": 0}
    span = None  # how long a whole conversion takes here: the kills fall within it
    for round_number in range(8):
        data_dir = tmp_path / f"data{round_number}"
        ids = {fill(data_dir, secret=f"{SECRET}-{k}") for k in range(3)}
        with Store.open(data_dir) as store:
            store.backup(reason="merge")
        child = subprocess.Popen(
            [sys.executable, "-c", CONVERTER, str(data_dir), PASSPHRASE],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        )  # fmt: skip
        assert child.stdout.readline() == "GO\n", child.stderr.read()
        started = time.monotonic()
        try:
            child.wait(timeout=120 if span is None else rng.uniform(0, span))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        if span is None:
            span = time.monotonic() - started
        assert "Traceback" not in child.stderr.read()
        with Store.open(data_dir, passphrase=PASSPHRASE) as store:
            assert {s.instance_id for s in store.list_interviews()} == ids
            assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            protected = store.key is not None
        protection.forget(data_dir)
        assert not list(data_dir.glob("*.part"))
        if protected:
            assert_nothing_clear(data_dir)  # backups left clear were re-made at the opening
        state = (
            "whole run"
            if child.returncode == 0
            else "killed, protected"
            if protected
            else "killed, still plain"
        )
        states[state] += 1
    assert states["whole run"] >= 1
    print(states)


def damage_page(db: Path, key: bytes) -> None:
    """4 KiB of noise over a page in the middle of the encrypted file."""
    size = db.stat().st_size
    offset = (size // 2) // 4096 * 4096
    with open(db, "r+b") as f:
        f.seek(offset)
        f.write(random.Random(20261130).randbytes(4096))
    conn = engine.connect(db, key)
    try:
        assert health.quick_check(conn) != []  # really damaged
    finally:
        conn.close()


def test_of_two_backups_made_in_one_second_the_one_written_last_is_the_newest(data_dir):
    # Backup names keep the second; an opening's backup ("start") and a merge's made in the
    # same second were ordered by their reasons' spelling, so a repair took the older one.
    fill(data_dir)
    folder = health.backups_dir(data_dir)
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.db"):
        old.unlink()
    start = folder / "surveyor-20261130T214917Z-start.db"
    merge = folder / "surveyor-20261130T214917Z-merge.db"
    for n, path in enumerate((start, merge)):
        path.write_bytes(b"")
        os.utime(path, ns=(0, 1_764_539_357_000_000_000 + n * 1_000_000))  # merge 1 ms later
    assert [b.reason for b in health.list_backups(data_dir)] == ["merge", "start"]


def test_a_backup_re_made_under_a_new_key_keeps_the_time_of_its_data(data_dir):
    fill(data_dir)
    Workspace.protect(data_dir, passphrase=PASSPHRASE)
    fill(data_dir, secret="another", passphrase=PASSPHRASE)  # something new to back up
    with Store.open(data_dir, passphrase=PASSPHRASE) as store:
        made = store.backup(reason="merge")
    assert made is not None
    os.utime(made, ns=(0, 1_764_539_357_000_000_000))
    protection.forget(data_dir)
    Workspace.unprotect(data_dir, passphrase=PASSPHRASE)
    assert made.read_bytes().startswith(PLAIN_HEADER)  # re-made clear
    assert made.stat().st_mtime_ns == 1_764_539_357_000_000_000


def test_doctor_backup_and_repair_work_on_a_protected_store(data_dir):
    ids = {fill(data_dir, secret=f"{SECRET}-{k}-" + "x" * 3000) for k in range(30)}
    Workspace.protect(data_dir, passphrase=PASSPHRASE)
    with Store.open(data_dir, passphrase=PASSPHRASE) as store:
        key = store.key
        assert store.backup(reason="merge") is not None  # encrypted with the same key
        store.forget_wal()
    assert Workspace.check(data_dir).ok
    damage_page(data_dir / "surveyor.db", key)
    protection.forget(data_dir)
    report = Workspace.check(data_dir, passphrase=PASSPHRASE)
    assert not report.ok

    repaired = Workspace.repair(data_dir)
    assert repaired.backup_used is not None
    assert not (data_dir / "surveyor.db").read_bytes().startswith(PLAIN_HEADER)
    with Store.open(data_dir) as store:
        assert {s.instance_id for s in store.list_interviews()} == ids
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for name, data in files_of(data_dir).items():
        if ".damaged-" not in name:
            assert SECRET.encode() not in data, name


def test_erasure_reaches_the_encrypted_backups(data_dir):
    keep = fill(data_dir, secret="keep-me")
    gone = fill(data_dir)
    Workspace.protect(data_dir, passphrase=PASSPHRASE)
    with Store.open(data_dir, passphrase=PASSPHRASE) as store:
        store.backup(reason="merge")
        erased = rights.erase(store, [gone], origin="test")
        assert erased.copies  # the encrypted backups were opened and erased too
        key = store.key
    for copy in erased.copies:
        conn = engine.connect(copy, key, readonly=True)
        try:
            ids = {r[0] for r in conn.execute("SELECT instance_id FROM interviews")}
        finally:
            conn.close()
        assert ids == {keep}


def test_a_campaign_package_can_ask_the_laptops_to_protect_their_store(tmp_path, data_dir):
    with Workspace.open(tmp_path / "office") as office:
        asking = office.export_campaign(tmp_path / "r1.zip", protect_store=True).value
        plain = office.export_campaign(tmp_path / "r2.zip").value
    with Workspace.open(data_dir) as laptop:
        assert not laptop.protection_requested
        result = laptop.import_campaign(asking.path).value
        assert result.protect_store and laptop.protection_requested
        assert not laptop.import_campaign(plain.path).value.protect_store
        assert not laptop.protection_requested  # the newer package no longer asks
    with Workspace.open(tmp_path / "laptop2") as laptop:
        laptop.import_campaign(asking.path)
        assert laptop.protection_requested
    Workspace.protect(tmp_path / "laptop2", passphrase=PASSPHRASE)
    with Workspace.open(tmp_path / "laptop2") as laptop:
        assert laptop.protected and not laptop.protection_requested
    protection.forget(tmp_path / "laptop2")


def test_no_keychain_on_this_computer_refuses_and_changes_nothing(data_dir):
    import keyring  # the test sets keyring's own "no keychain" backend for itself
    from keyring.backends import fail

    fill(data_dir)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(StoreError, match="keychain") as refused:
            Workspace.protect(data_dir, keychain=True)
    finally:
        keyring.set_keyring(previous)
    assert refused.value.code is ErrorCode.STORE_KEY_MISSING
    assert not (data_dir / protection.MARKER).exists()
    assert not list(data_dir.glob("*.part"))
    # (its WAL was moved into it before the keychain was asked: the same data, still clear)
    assert (data_dir / "surveyor.db").read_bytes().startswith(PLAIN_HEADER)
    with Store.open(data_dir) as store:
        assert store.key is None and len(store.list_interviews()) == 1
