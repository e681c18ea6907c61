"""A retention period per campaign: the personal fields of interviews past it are removed
(here and in the backups; the other answers stay), warned first; the CLI reports and applies
with --yes; a batch does not bring them back."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import pytest

from surveyor.privacy.settings import PrivacySettings
from surveyor.workspace import Workspace
from tests.sync.conftest import ANSWERS
from tests.sync.conftest import HABITANTS

NAME = "Gwendoline Trask"
CHILD = "Oscarine"


def surveyor(data_dir: Path, *args: str):
    return subprocess.run(
        [sys.executable, "-m", "surveyor", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def filled(tmp_path, days_ago: list[int]) -> tuple[Path, list[str], Path]:
    """A laptop's interviews finalized ``days_ago``, merged by a coordinator from a batch."""
    laptop, coordinator, usb = tmp_path / "laptop", tmp_path / "coordinator", tmp_path / "usb"
    usb.mkdir()
    ids = []
    with Workspace.open(laptop) as ws:
        form = ws.load_form(HABITANTS).value
        for n in days_ago:
            moment = datetime.now(UTC) - timedelta(days=n)
            answers = {**ANSWERS, "contact_name": f"{NAME} {n}"}
            answers["interview_date"] = moment.date().isoformat()
            answers["member"] = [{**ANSWERS["member"][0], "member_name": CHILD}]
            ids.append(
                ws.fill_interview(
                    form, answers, finalize=True, clock=lambda m=moment: m
                ).value.interview.instance_id
            )
        batch = ws.hand_in(usb).value.path
    with Workspace.open(coordinator) as ws:
        ws.load_form(HABITANTS)
        assert ws.merge_batches([batch]).value.new == len(ids)
        ws.store.backup(reason="test")
    return coordinator, ids, batch


@pytest.mark.slow
def test_personal_fields_are_warned_of_then_removed_past_the_retention_period(tmp_path):
    coordinator, (old, soon, recent), batch = filled(tmp_path, [400, 350, 10])
    assert surveyor(coordinator, "retention").stdout.startswith("No retention period")

    report = surveyor(coordinator, "retention", "--set-days", "365", "--warn-days", "30")
    assert report.returncode == 3, report.stderr  # one past the period: not applied
    assert "Past the period: 1" in report.stdout and soon in report.stdout
    with Workspace.open(coordinator) as ws:
        assert ws.get_interview(old).answers["contact_name"] == f"{NAME} 400"
        assert ws.privacy_settings().retention_days == 365
        status = ws.retention_report()
        assert [d.instance_id for d in status.overdue] == [old]
        assert [d.instance_id for d in status.soon] == [soon]

    applied = surveyor(coordinator, "retention", "--yes")
    assert applied.returncode == 0, applied.stderr
    with Workspace.open(coordinator) as ws:
        purged = ws.get_interview(old).answers
        assert "contact_name" not in purged and "contact_phone" not in purged
        assert "member_name" not in purged["member"][0]
        assert purged["member"][0]["member_age"] == str(ANSWERS["member"][0]["member_age"])
        assert purged["comments"] == ANSWERS["comments"]  # the other answers stay
        assert ws.get_interview(soon).answers["contact_name"] == f"{NAME} 350"
        assert {s.instance_id for s in ws.find_interviews("Trask")} == {soon, recent}
        # the batch again brings nothing back
        ws.merge_batches([batch])
        assert "contact_name" not in ws.get_interview(old).answers
        assert ws.retention_report().overdue == []
    data = b"".join(p.read_bytes() for p in coordinator.rglob("*") if p.is_file())
    assert f"{NAME} 400".encode() not in data
    assert f"{NAME} 350".encode() in data  # not yet


def test_no_period_set_purges_nothing(tmp_path):
    coordinator, (old,), _batch = filled(tmp_path, [4000])
    with Workspace.open(coordinator) as ws:
        assert ws.retention_report().days is None
        assert ws.apply_retention().value == 0
        assert ws.get_interview(old).answers["contact_name"] == f"{NAME} 4000"


def test_bad_settings_are_refused_with_a_clear_error(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "privacy.json").write_text('{"retention_days": -3}')
    result = surveyor(tmp_path / "c", "retention")
    assert result.returncode == 1 and "retention_days" in result.stderr
    assert PrivacySettings().retention_days is None
