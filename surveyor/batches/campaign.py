"""The campaign package: what the coordinator sends to the laptops (docs/fieldwork.md § The
campaign package). A ZIP in the batch file's shape (checksummed manifest, same safety checks):

    manifest.json              format "surveyor-campaign", version 1, campaign id, revision
    forms/md5-<hex>.json       every form definition (XForm; its XLSForm beside it)
    fieldwork/doors.json       every door, with its assignment
    fieldwork/visits.json      every visit the coordinator knows (refusals reach every laptop)

Importing a newer package (same campaign, higher revision) adds what the laptop lacks and
updates the addresses and assignments of the doors it knows; it never removes a door, a visit
or anything recorded on the laptop. A damaged, foreign or older package changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from surveyor.batches.format import BatchContent, BatchReader, BatchWriter, IncomingForm
from surveyor.errors import CampaignError, ErrorCode, SurveyorError
from surveyor.interviews.record import format_timestamp, utc_now
from surveyor.store import Store
from surveyor.store.fieldwork import FieldworkStore

CAMPAIGN_FORMAT = "surveyor-campaign"
CAMPAIGN_FORMAT_VERSION = 1


@dataclass
class CampaignExport:
    """A package written: where, which campaign and revision, and what it holds."""

    path: Path
    campaign_id: str
    revision: int
    forms: int
    doors: int
    visits: int

    def __str__(self) -> str:
        return (
            f"{self.path}: campaign package revision {self.revision}: {self.forms} form(s), "
            f"{self.doors} door(s), {self.visits} visit(s)"
        )


@dataclass
class CampaignImport:
    """A package brought in: ``changed`` False when this revision was already imported."""

    path: Path
    campaign_id: str
    revision: int
    changed: bool
    forms: int = 0  # form versions new here
    doors: int = 0  # doors in the package
    new_doors: int = 0  # of which new here
    visits: int = 0  # visits new here

    def __str__(self) -> str:
        if not self.changed:
            return (
                f"{self.path.name}: revision {self.revision} of this campaign is already here; "
                "nothing was changed"
            )
        return (
            f"{self.path.name}: campaign package revision {self.revision} imported: "
            f"{self.doors} door(s) ({self.new_doors} new), {self.visits} new visit(s), "
            f"{self.forms} new form version(s)"
        )


class CampaignWriter(BatchWriter):
    """A campaign package, written atomically like a batch."""

    def __init__(self, path: Path, *, campaign_id: str, revision: int, device_id: str):
        super().__init__(path, device_id=device_id)
        self.campaign_id = campaign_id
        self.revision = revision
        self.forms = 0

    def manifest(self) -> dict[str, Any]:
        manifest = super().manifest()
        manifest.update(
            format=CAMPAIGN_FORMAT,
            format_version=CAMPAIGN_FORMAT_VERSION,
            campaign_id=self.campaign_id,
            revision=self.revision,
            forms=len(self._forms),
            doors=self.doors,
            visits=self.visits,
        )
        manifest.pop("interviews", None)
        return manifest


class CampaignReader(BatchReader):
    """Opens and checks a campaign package completely (the batch reader's checks)."""

    format_name = CAMPAIGN_FORMAT
    versions = (CAMPAIGN_FORMAT_VERSION,)
    tops = ("forms", "fieldwork")
    what = "campaign package"

    def fail(self, reason: str, code: ErrorCode) -> CampaignError:
        return CampaignError(
            f"The campaign package {self.path} was refused: {reason}; nothing was changed."
        )

    def read_package(self) -> tuple[str, int, BatchContent]:
        content = self.read()
        campaign_id = self.manifest.get("campaign_id")
        revision = self.manifest.get("revision")
        if not isinstance(campaign_id, str) or not campaign_id:
            raise self.fail("its manifest has no campaign id", ErrorCode.BATCH_MALFORMED)
        if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
            raise self.fail(
                f"its manifest has a malformed revision {revision!r}", ErrorCode.BATCH_MALFORMED
            )
        return campaign_id, revision, content


def export_campaign(
    store: Store,
    path: Path,
    *,
    device_id: str,
    clock: Callable[[], datetime] | None = None,
) -> CampaignExport:
    """Write the campaign package (a folder: ``surveyor-campaign-r<N>.zip`` in it)."""
    fieldwork = FieldworkStore(store)
    campaign_id = fieldwork.campaign_value("campaign_id") or str(uuid.uuid4())
    revision = (
        max(
            int(fieldwork.campaign_value("exported_revision") or 0),
            int(fieldwork.campaign_value("imported_revision") or 0),
        )
        + 1
    )
    path = Path(path)
    if path.is_dir():
        path = path / f"surveyor-campaign-r{revision}.zip"
    forms = store.list_forms(with_content=True)
    doors = fieldwork.door_records()
    visits = fieldwork.visits()
    try:
        writer = CampaignWriter(
            path, campaign_id=campaign_id, revision=revision, device_id=device_id
        )
        writer.created_at = format_timestamp((clock or utc_now)())
        with writer:
            for form in forms:
                writer.add_form(**form.definition())
            writer.add_fieldwork(doors, visits)
    except (OSError, SurveyorError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise CampaignError(
            f"The campaign package {path} could not be written ({reason}); nothing was written."
        ) from e
    with store.transaction("remember the campaign package"):
        fieldwork.set_campaign_value("campaign_id", campaign_id)
        fieldwork.set_campaign_value("exported_revision", str(revision))
    return CampaignExport(
        path=path,
        campaign_id=campaign_id,
        revision=revision,
        forms=len(forms),
        doors=len(doors),
        visits=len(visits),
    )


def _save_forms(store: Store, forms: list[IncomingForm]) -> int:
    known = {f.content_hash for f in store.list_forms()}
    new = 0
    for form in forms:
        if form.content_hash in known:
            continue
        # source_bytes: trusted by the XForm's hash only, as in a batch
        store.save_form(**{**asdict(form), "source_bytes": None})
        new += 1
    return new


def import_campaign(store: Store, path: Path) -> CampaignImport:
    """Bring a campaign package in: checked completely first, then written in one
    transaction. CampaignError (nothing changed) for a damaged, foreign or older package."""
    path = Path(path)
    with CampaignReader(path) as reader:
        campaign_id, revision, content = reader.read_package()
    fieldwork = FieldworkStore(store)
    current = fieldwork.campaign_value("campaign_id")
    imported = int(fieldwork.campaign_value("imported_revision") or 0)
    if current and current != campaign_id:
        raise CampaignError(
            f"The campaign package {path} was refused: it belongs to another campaign "
            f"({campaign_id[:8]}, this laptop follows {current[:8]}); nothing was changed."
        )
    if fieldwork.campaign_value("exported_revision"):
        raise CampaignError(
            f"The campaign package {path} was refused: this data folder is the one that makes "
            "the campaign's packages (the coordinator's); nothing was changed."
        )
    if revision < imported:
        raise CampaignError(
            f"The campaign package {path} was refused: it is revision {revision}, older than "
            f"revision {imported} already imported; nothing was changed."
        )
    if revision == imported:
        return CampaignImport(path, campaign_id, revision, changed=False)
    ids = [d["door_id"] for d in content.doors]
    known = fieldwork.existing_ids(ids)
    with store.transaction(f"import the campaign package {path.name}"):
        forms = _save_forms(store, content.forms)
        fieldwork.write_doors(content.doors, mode="update")
        visits = fieldwork.insert_visits(content.visits)
        fieldwork.set_campaign_value("campaign_id", campaign_id)
        fieldwork.set_campaign_value("imported_revision", str(revision))
    return CampaignImport(
        path,
        campaign_id,
        revision,
        changed=True,
        forms=forms,
        doors=len(ids),
        new_doors=len(set(ids) - known),
        visits=visits,
    )


def newest_package(folder: Path) -> tuple[Path, int] | None:
    """The campaign package of highest revision in ``folder`` (a shared folder, a USB key),
    read from the manifests (files that are not packages, or damaged, are skipped)."""
    best: tuple[Path, int] | None = None
    try:
        candidates = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() == ".zip")
    except OSError:
        return None
    for candidate in candidates:
        if candidate.name.startswith("."):
            continue
        try:
            with CampaignReader(candidate) as reader:
                revision = reader.manifest.get("revision")
        except (SurveyorError, OSError):
            continue
        if isinstance(revision, int) and not isinstance(revision, bool):
            if best is None or revision > best[1]:
                best = (candidate, revision)
    return best


def import_newest_campaign(store: Store, folder: Path) -> CampaignImport | None:
    """Import the newest package of ``folder`` if it is newer than the one here; None when
    the folder holds none."""
    found = newest_package(folder)
    if found is None:
        return None
    return import_campaign(store, found[0])
