"""Issue 14 for the campaign package: protected by a passphrase (a lost USB key shows no
address and no note), signed by the coordinator, carrying the coordinator's public key (the
laptops' hand-ins are protected for it), the erasures (a laptop importing the package erases
those interviews) and the retention period (a laptop purges what is overdue). A loose
``erasures.json`` erases nothing unless the coordinator signed it."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import pytest

from surveyor.encryption.envelope import is_protected
from surveyor.encryption.keys import public_text_of
from surveyor.errors import CampaignError
from surveyor.errors import ErrorCode
from surveyor.errors import InterviewNotFound
from surveyor.workspace import Workspace
from tests.fieldwork.conftest import ban_csv

from .conftest import HABITANTS
from .conftest import SECRET
from .conftest import scan
from .conftest import secret_answers

STREET = "rue Ornithorynque-Velleda"  # an address in the door list, searched for in bytes
NOTE = "Chat-siamois-Ypres-4417"  # a visit's note
PASSPHRASE = "lilas et tilleuls"
DOORS = [f"{n};;{STREET};95200;Sarcelles;2.38;48.99;Nord;" for n in (1, 3, 5)]


def surveyor(data_dir: Path, *args: str):
    return subprocess.run(
        [sys.executable, "-m", "surveyor", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture
def coordinator(open_workspace, tmp_path):
    ws = open_workspace("coordinator")
    ws.load_form(HABITANTS)
    ws.import_doors(ban_csv(tmp_path / "portes.csv", DOORS))
    door = ws.doors()[0].door_id
    ws.record_visit(door, "absent", note=NOTE, interviewer="Amina")
    return ws


def readable(folder: Path) -> bytes:
    """Every byte an attacker reads in ``folder``'s files, ZIP members decompressed."""
    found = b""
    for path in folder.rglob("*"):
        if path.is_file():
            found += path.read_bytes()
            if zipfile.is_zipfile(path):
                with zipfile.ZipFile(path) as z:
                    found += b"".join(z.read(name) for name in z.namelist())
    return found


def laptop_state(ws: Workspace) -> tuple:
    conn = ws.store.db.conn
    return tuple(
        conn.execute(sql).fetchall()
        for sql in (
            "SELECT * FROM doors ORDER BY 1",
            "SELECT * FROM visits ORDER BY 1",
            "SELECT * FROM campaign ORDER BY 1",
            "SELECT content_hash FROM forms ORDER BY 1",
            "SELECT instance_id, answers FROM interviews ORDER BY 1",
        )
    )


def test_a_protected_package_holds_no_address_and_no_note(coordinator, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    done = coordinator.export_campaign(usb, passphrase=PASSPHRASE).value
    assert done.protected and done.path.name == "surveyor-campaign-r1-protected.zip"
    assert is_protected(done.path.read_bytes())
    assert [p.name for p in usb.iterdir()] == [done.path.name]  # no clear copy beside
    seen = readable(usb)
    for needle in (STREET, "Ornithorynque", NOTE, "Sarcelles", "habitants"):
        assert needle.encode() not in seen, needle
    assert list((coordinator.data_dir / "tmp").iterdir()) == []
    # without protection, the same words are there: the scan can see them
    (tmp_path / "plain").mkdir()
    plain = coordinator.export_campaign(tmp_path / "plain" / "plain.zip").value
    assert not plain.protected
    assert STREET.encode() in readable(tmp_path / "plain")
    assert NOTE.encode() in readable(tmp_path / "plain")
    # too short a passphrase: refused, nothing written
    with pytest.raises(CampaignError, match="at least 8"):
        coordinator.export_campaign(tmp_path / "short.zip", passphrase="court")
    assert not (tmp_path / "short.zip").exists()


def test_a_wrong_passphrase_says_so_and_changes_nothing(coordinator, open_workspace, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    package = coordinator.export_campaign(usb, passphrase=PASSPHRASE).value.path
    laptop = open_workspace("laptop")
    before = laptop_state(laptop)
    with pytest.raises(CampaignError) as needed:
        laptop.import_campaign(package)
    assert needed.value.code is ErrorCode.CAMPAIGN_PASSPHRASE_NEEDED
    with pytest.raises(CampaignError) as wrong:
        laptop.import_campaign(package, passphrase="pas le bon mot")
    assert wrong.value.code is ErrorCode.CAMPAIGN_PASSPHRASE_WRONG
    assert "nothing was changed" in str(wrong.value)
    assert laptop_state(laptop) == before
    assert not (laptop.data_dir / "tmp").exists()  # nothing opened

    taken = laptop.import_campaign(package, passphrase=PASSPHRASE)
    assert taken.value.changed and taken.value.doors == 3 and taken.changes.doors
    assert [v.note for d in laptop.doors() for v in laptop.door_visits(d.door_id)] == [NOTE]
    assert list((laptop.data_dir / "tmp").iterdir()) == []
    # the next package opens with the passphrase kept (the shared folder's road)
    coordinator.export_campaign(usb, passphrase=PASSPHRASE)
    newest = laptop.import_newest_campaign(usb).value
    assert newest.changed and newest.revision == 2


@pytest.mark.slow
def test_the_cli_protects_and_opens_a_package(coordinator, tmp_path):
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    coordinator.close()
    out = tmp_path / "usb"
    out.mkdir()
    written = surveyor(
        tmp_path / "coordinator", "campaign", "export", "--out", str(out),
        "--protect-passphrase-file", str(secret),
    )  # fmt: skip
    assert written.returncode == 0, written.stderr
    assert "protected" in written.stdout
    package = next(out.iterdir())
    assert STREET.encode() not in readable(out)
    refused = surveyor(tmp_path / "laptop", "campaign", "import", str(package))
    assert refused.returncode != 0 and "passphrase" in refused.stderr
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("pas le bon mot", encoding="utf-8")
    refused = surveyor(
        tmp_path / "laptop", "campaign", "import", str(package), "--passphrase-file", str(wrong)
    )
    assert refused.returncode != 0 and "nothing was changed" in refused.stderr
    taken = surveyor(
        tmp_path / "laptop", "campaign", "import", str(package), "--passphrase-file", str(secret)
    )
    assert taken.returncode == 0, taken.stderr
    assert "3 door(s)" in taken.stdout


def hand_in_one(laptop: Workspace, usb: Path, n: int = 0, **options):
    form = laptop.load_form(HABITANTS).value
    done = laptop.fill_interview(form, secret_answers(n), finalize=True)
    assert done.value.ok
    return done.value.interview.instance_id, laptop.hand_in(usb, **options).value


def test_a_laptop_protects_its_hand_ins_for_the_coordinators_key(
    coordinator, open_workspace, private_key, tmp_path
):
    usb = tmp_path / "usb"
    usb.mkdir()
    key = public_text_of(private_key)
    package = coordinator.export_campaign(tmp_path, public_key=key).value.path
    laptop = open_workspace("laptop")
    assert laptop.coordinator_key() is None
    laptop.import_campaign(package)
    assert laptop.coordinator_key() == key

    iid, handed = hand_in_one(laptop, usb)
    assert handed.path.name.endswith("-protected.zip")
    assert is_protected(handed.path.read_bytes())
    seen = readable(usb)
    for needle in (SECRET, "Tilleuls", "uuid:"):
        assert needle.encode() not in seen, needle
    report = coordinator.merge_batches([handed.path]).value
    assert report.batches[0].code is ErrorCode.BATCH_PROTECTED
    report = coordinator.merge_batches([handed.path], private_key=private_key).value
    assert report.ok and report.new == 1, str(report)
    assert SECRET in coordinator.get_interview(iid).answers["street"]
    # the volunteer may choose a plain batch (the box unticked)
    _iid, plain = hand_in_one(laptop, tmp_path, 1, protect=False)
    assert not is_protected(plain.path.read_bytes())
    # the shared folder's hand-ins are protected too
    shared = tmp_path / "shared"
    shared.mkdir()
    form = laptop.load_form(HABITANTS).value
    laptop.fill_interview(form, secret_answers(2), finalize=True)
    synced = laptop.sync_shared_folder(shared).value
    assert synced.status == "written" and is_protected(synced.hand_in.path.read_bytes())


def test_an_erasure_in_the_package_reaches_the_laptop(coordinator, open_workspace, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    laptop = open_workspace("laptop")
    laptop.import_campaign(coordinator.export_campaign(tmp_path / "r1.zip").value.path)
    iid, handed = hand_in_one(laptop, usb)
    laptop.backup(reason="test")
    assert coordinator.merge_batches([handed.path]).value.new == 1
    coordinator.erase_interview(iid)
    package = coordinator.export_campaign(tmp_path / "r2.zip", passphrase=PASSPHRASE).value
    assert package.erasures == 1
    handed.path.unlink()  # the batch on the key: the coordinator deletes it once merged
    assert scan(laptop.data_dir, SECRET)

    taken = laptop.import_campaign(package.path, passphrase=PASSPHRASE)
    assert taken.value.erased == [iid] and taken.changes.touches(iid)
    with pytest.raises(InterviewNotFound):
        laptop.get_interview(iid)
    assert scan(laptop.data_dir, SECRET) == []  # backups included
    assert "1 erased interview(s) removed" in str(taken.value)


def forged_list(path: Path, ids: list[str], **extra) -> None:
    data = {
        "format": "surveyor-erasures",
        "version": 1,
        "erasures": [{"instance_id": i, "erased_at": "2026-11-30T10:00:00.000Z"} for i in ids],
        **extra,
    }
    path.write_text(json.dumps(data), encoding="utf-8")


def test_an_unsigned_or_tampered_erasure_list_erases_nothing(
    coordinator, open_workspace, tmp_path, caplog
):
    usb = tmp_path / "usb"
    usb.mkdir()
    laptop = open_workspace("laptop")
    laptop.import_campaign(coordinator.export_campaign(tmp_path / "r1.zip").value.path)
    iid, _handed = hand_in_one(laptop, tmp_path / "elsewhere.zip")
    listed = usb / "erasures.json"

    forged_list(listed, [iid])  # unsigned, as version 1 wrote them
    laptop.hand_in(usb)
    assert laptop.get_interview(iid)
    assert "not signed by this campaign's coordinator" in caplog.text

    # a list the coordinator signed, with another interview added afterwards
    coordinator.write_erasures(usb)
    signed = json.loads(listed.read_text("utf-8"))
    assert signed["signature"] and signed["signer"]
    signed["erasures"].append({"instance_id": iid, "erased_at": "2026-11-30T10:00:00.000Z"})
    listed.write_text(json.dumps(signed), encoding="utf-8")
    laptop.sync_shared_folder(usb)
    assert laptop.get_interview(iid)

    # signed by another data dir (a stranger's coordinator)
    stranger = open_workspace("stranger")
    stranger.write_erasures(usb)
    signed = json.loads(listed.read_text("utf-8"))
    signed["erasures"] = [{"instance_id": iid, "erased_at": "2026-11-30T10:00:00.000Z"}]
    listed.write_text(json.dumps(signed), encoding="utf-8")
    assert laptop.apply_erasures(listed).value.instance_ids == []
    assert laptop.get_interview(iid)

    # a package from the stranger is refused too: this laptop follows its coordinator
    stranger_package = stranger.export_campaign(tmp_path / "stranger.zip").value.path
    before = laptop_state(laptop)
    with pytest.raises(CampaignError):
        laptop.import_campaign(stranger_package)
    assert laptop_state(laptop) == before


def test_a_package_changed_after_signing_is_refused(coordinator, open_workspace, tmp_path):
    laptop = open_workspace("laptop")
    laptop.import_campaign(coordinator.export_campaign(tmp_path / "r1.zip").value.path)
    package = coordinator.export_campaign(tmp_path / "r2.zip").value.path
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(forged, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["signed"]["signature"] = manifest["signed"]["signature"][::-1]
                data = json.dumps(manifest).encode()
            dst.writestr(info, data)
    before = laptop_state(laptop)
    with pytest.raises(CampaignError, match="signature"):
        laptop.import_campaign(forged)
    assert laptop_state(laptop) == before


def test_a_laptop_applies_the_campaigns_retention_period(coordinator, open_workspace, tmp_path):
    settings = coordinator.privacy_settings()
    settings.retention_days = 30
    settings.warn_days = 7
    coordinator.save_privacy_settings(settings)
    coordinator.mark_personal("enquete_habitants", "comments", True)  # as the Results view does
    laptop = open_workspace("laptop")
    form = laptop.load_form(HABITANTS).value
    kept = laptop.fill_interview(form, secret_answers(1), finalize=True).value.interview
    laptop.import_campaign(coordinator.export_campaign(tmp_path / "r1.zip").value.path)
    assert laptop.privacy_settings().retention_days == 30  # the coordinator's period arrived
    assert laptop.privacy_settings().marks == {"enquete_habitants": {"comments": True}}
    iid, _handed = hand_in_one(laptop, tmp_path / "key.zip")  # handed in with `kept`
    draft = laptop.fill_interview(form, secret_answers(3)).value.interview  # never handed in
    assert laptop.get_interview(iid).answers["contact_name"] == "Nadia"

    # within the warning days: nothing purged, the three interviews announced
    now = datetime.now(UTC)
    early = laptop.import_campaign(
        coordinator.export_campaign(tmp_path / "r2.zip").value.path, now=now + timedelta(days=25)
    ).value
    assert early.retention_purged == 0 and early.retention_soon == 3
    assert "3 interview(s) reach the retention period within 7 day(s)" in str(early)
    assert laptop.get_interview(iid).answers["contact_name"] == "Nadia"
    # forty days later the next package purges what was handed in, not the draft
    late = laptop.import_campaign(
        coordinator.export_campaign(tmp_path / "r3.zip").value.path,
        now=now + timedelta(days=40),
    ).value
    assert late.retention_purged > 0
    for handed in (iid, kept.instance_id):
        assert "contact_name" not in laptop.get_interview(handed).answers
        assert "comments" not in laptop.get_interview(handed).answers  # the coordinator's mark
    assert laptop.get_interview(draft.instance_id).answers["contact_name"] == "Nadia"


def test_a_version_1_package_is_still_read_until_a_signed_one_was_taken(
    coordinator, open_workspace, tmp_path, monkeypatch
):
    from surveyor.batches import campaign

    with monkeypatch.context() as m:  # what a Surveyor before version 2 wrote
        m.setattr(campaign, "CAMPAIGN_FORMAT_VERSION", 1)
        old = campaign.export_campaign(
            coordinator.store, tmp_path / "v1.zip", device_id=coordinator.device_id
        )
    with zipfile.ZipFile(old.path) as z:
        manifest = json.loads(z.read("manifest.json"))
        assert manifest["format_version"] == 1 and "signed" not in manifest
        assert not [n for n in z.namelist() if n.startswith("campaign/")]
    fresh = open_workspace("fresh")
    assert fresh.import_campaign(old.path).value.doors == 3
    # a laptop that took a signed package refuses an unsigned one, changing nothing
    laptop = open_workspace("laptop")
    laptop.import_campaign(coordinator.export_campaign(tmp_path / "r2.zip").value.path)
    (tmp_path / "v1-later.zip").write_bytes(old.path.read_bytes())
    before = laptop_state(laptop)
    with pytest.raises(CampaignError, match="not signed"):
        laptop.import_campaign(tmp_path / "v1-later.zip")
    assert laptop_state(laptop) == before
