"""The campaign package: what the coordinator sends to the laptops (docs/fieldwork.md § The
campaign package). A ZIP in the batch file's shape (checksummed manifest, same safety checks):

    manifest.json              format "surveyor-campaign", version 2, campaign id, revision,
                               "signed" (the coordinator's signature of the part list)
    forms/md5-<hex>.json       every form definition (XForm; its XLSForm beside it)
    fieldwork/doors.json       every door, with its assignment
    fieldwork/visits.json      every visit the coordinator knows (refusals reach every laptop)
    campaign/settings.json     the coordinator's public key (hand-ins are protected for it),
                               the retention period and the personal fields (version 2)
    campaign/erasures.json     the interviews erased by the coordinator (version 2)

Importing a newer package (same campaign, higher revision) adds what the laptop lacks and
updates the addresses and assignments of the doors it knows; it never removes a door, a visit
or anything recorded on the laptop, except the interviews the package says were erased. A
damaged, foreign, older or wrongly signed package changes nothing. Version 1 packages (no
settings, no signature) are still read by a laptop that never took a signed one.

A package can be protected by a passphrase (``surveyor/encryption/envelope.py``): the whole
file encrypted, only its format, campaign id and revision in clear.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from pathlib import Path
from typing import Any

from surveyor.batches.format import MAX_JSON_SIZE
from surveyor.batches.format import BatchContent
from surveyor.batches.format import BatchReader
from surveyor.batches.format import BatchWriter
from surveyor.batches.format import IncomingForm
from surveyor.batches.format import _dumps
from surveyor.batches.service import PROTECTED_STEM
from surveyor.batches.service import write_file
from surveyor.encryption import envelope
from surveyor.encryption import signing
from surveyor.encryption.keys import MIN_PASSPHRASE
from surveyor.encryption.odk import load_public_key
from surveyor.errors import CampaignError
from surveyor.errors import DecryptionError
from surveyor.errors import EncryptionError
from surveyor.errors import ErrorCode
from surveyor.errors import SurveyorError
from surveyor.interviews.record import format_timestamp
from surveyor.interviews.record import utc_now
from surveyor.privacy.settings import PrivacySettings
from surveyor.store import Store
from surveyor.store import rights
from surveyor.store.fieldwork import FieldworkStore

CAMPAIGN_FORMAT = "surveyor-campaign"
CAMPAIGN_FORMAT_VERSION = 2  # 2: settings, erasures, signature; 1 is still read
SETTINGS_PART = "campaign/settings.json"
ERASURES_PART = "campaign/erasures.json"
# campaign values kept on the laptop (``campaign`` table): what the first package said
SIGNER = "package_signer"  # the coordinator's signing key: later packages must match it
COORDINATOR_KEY = "coordinator_public_key"  # hand-ins are protected for it
PASSPHRASE = "package_passphrase"  # the passphrase that opened the last protected package


@dataclass
class PackageSettings:
    """What a version 2 package tells the laptops beyond forms, doors and visits."""

    coordinator_public_key: str | None = None
    retention_days: int | None = None
    warn_days: int = 30
    personal: list[str] = field(default_factory=list)
    erasures: list[dict[str, str]] = field(default_factory=list)
    marks: dict[str, dict[str, bool]] = field(default_factory=dict)  # privacy.json's

    def part(self) -> dict[str, Any]:
        return {
            "coordinator_public_key": self.coordinator_public_key,
            "retention_days": self.retention_days,
            "warn_days": self.warn_days,
            "personal": list(self.personal),
            "marks": self.marks,
        }

    @classmethod
    def from_part(cls, data: Any) -> PackageSettings:
        """ValueError when a value has the wrong shape."""
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        key = data.get("coordinator_public_key")
        days = data.get("retention_days")
        warn = data.get("warn_days", 30)
        personal = data.get("personal", [])
        if key is not None and not isinstance(key, str):
            raise ValueError("coordinator_public_key is not text")
        if days is not None and (not isinstance(days, int) or isinstance(days, bool) or days < 1):
            raise ValueError("retention_days is not a number of days")
        if not isinstance(warn, int) or isinstance(warn, bool) or warn < 0:
            raise ValueError("warn_days is not a number of days")
        if not isinstance(personal, list) or not all(isinstance(n, str) for n in personal):
            raise ValueError("personal is not a list of field names")
        marks = data.get("marks", {})  # a package of an older Surveyor has none
        try:
            PrivacySettings(marks=marks).check()
        except SurveyorError as e:
            raise ValueError(str(e)) from e
        return cls(key or None, days, warn, personal, marks=marks)


@dataclass
class CampaignExport:
    """A package written: where, which campaign and revision, and what it holds."""

    path: Path
    campaign_id: str
    revision: int
    forms: int
    doors: int
    visits: int
    protected: bool = False  # by a passphrase
    erasures: int = 0

    def __str__(self) -> str:
        return (
            f"{self.path}: campaign package revision {self.revision}: {self.forms} form(s), "
            f"{self.doors} door(s), {self.visits} visit(s)"
            + (", protected by a passphrase" if self.protected else "")
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
    erased: list[str] = field(default_factory=list)  # interviews erased here (instanceIDs)
    settings: PackageSettings | None = None  # version 2
    retention_purged: int = 0  # personal values removed here (the Workspace's retention)
    retention_soon: int = 0  # interviews reaching the retention period within the warning
    protect_store: bool = False  # the coordinator asks the laptops to encrypt their store

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
            + (f", {len(self.erased)} erased interview(s) removed" if self.erased else "")
            + (
                f", personal fields past the retention period removed from "
                f"{self.retention_purged} value(s)"
                if self.retention_purged
                else ""
            )
            + (
                f"; {self.retention_soon} interview(s) reach the retention period within "
                f"{self.settings.warn_days if self.settings else 0} day(s)"
                if self.retention_soon
                else ""
            )
        )


class CampaignWriter(BatchWriter):
    """A campaign package, written atomically like a batch."""

    def __init__(
        self, path: Path, *, campaign_id: str, revision: int, device_id: str, signing_key=None
    ):
        super().__init__(path, device_id=device_id)
        self.campaign_id = campaign_id
        self.revision = revision
        self.forms = 0
        self.signing_key = signing_key
        self.protect_store = False

    def add_settings(self, settings: PackageSettings) -> None:
        """The version 2 parts: settings and the erasure list."""
        self._add(SETTINGS_PART, _dumps(settings.part()), "campaign_settings")
        self._add(ERASURES_PART, _dumps(list(settings.erasures)), "erasures")

    def manifest(self) -> dict[str, Any]:
        manifest = super().manifest()
        if self.protect_store:  # docs/privacy.md: the store encrypted at rest
            manifest["protect_store"] = True
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
        if self.signing_key is not None:
            manifest["signed"] = signing.sign(_signed_fields(manifest), self.signing_key)
        return manifest


def _signed_fields(manifest: dict[str, Any]) -> dict[str, Any]:
    """What the signature covers: the campaign, the revision and the part list's checksum
    (which covers every part's checksum)."""
    return {
        "campaign_id": manifest.get("campaign_id"),
        "revision": manifest.get("revision"),
        "parts_sha256": manifest.get("parts_sha256"),
    }


class CampaignReader(BatchReader):
    """Opens and checks a campaign package completely (the batch reader's checks)."""

    format_name = CAMPAIGN_FORMAT
    versions = (1, CAMPAIGN_FORMAT_VERSION)
    tops = ("forms", "fieldwork", "campaign")
    what = "campaign package"

    def __init__(self, path: Path, *, name: Path | None = None):
        super().__init__(path)
        self.name = name or Path(path)  # the file as the person knows it (not a clear copy)
        self.settings: PackageSettings | None = None

    def fail(self, reason: str, code: ErrorCode) -> CampaignError:
        return CampaignError(
            f"The campaign package {self.name} was refused: {reason}; nothing was changed."
        )

    def _other_part(self, name: str, part: dict[str, Any], used: set[str]) -> None:
        if name == SETTINGS_PART and part["kind"] == "campaign_settings":
            data = self._json(name, self._read_bytes(name, MAX_JSON_SIZE, part))
            erasures = self.settings.erasures if self.settings else []
            try:
                self.settings = PackageSettings.from_part(data)
                if self.settings.coordinator_public_key:  # hand-ins are protected for it
                    load_public_key(self.settings.coordinator_public_key)
            except (ValueError, EncryptionError) as e:
                raise self.fail(f"{name} is malformed ({e})", ErrorCode.BATCH_MALFORMED) from e
            self.settings.erasures = erasures
        elif name == ERASURES_PART and part["kind"] == "erasures":
            data = self._json(name, self._read_bytes(name, MAX_JSON_SIZE * 8, part))
            if not isinstance(data, list):
                raise self.fail(f"{name} is not a list", ErrorCode.BATCH_MALFORMED)
            self.settings = self.settings or PackageSettings()
            self.settings.erasures = [{"instance_id": i} for i in rights.erasure_ids(data)]
        else:
            return
        used.add(name)

    def signer(self) -> str | None:
        """The signing key that signed this package (checked), or None when unsigned."""
        signed = self.manifest.get("signed")
        if signed is None:
            return None
        if (
            not isinstance(signed, dict)
            or {k: signed.get(k) for k in ("campaign_id", "revision", "parts_sha256")}
            != _signed_fields(self.manifest)
            or not signing.verify(signed, signed.get("signer"))
        ):
            raise self.fail(
                "its signature does not match its content (changed after it was written)",
                ErrorCode.BATCH_BAD_CHECKSUM,
            )
        return str(signed["signer"])

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


def check_package_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise CampaignError(
            f"The package's passphrase must have at least {MIN_PASSPHRASE} characters; "
            "nothing was written.",
            code=ErrorCode.CAMPAIGN_PASSPHRASE_WRONG,
        )


def export_campaign(
    store: Store,
    path: Path,
    *,
    device_id: str,
    clock: Callable[[], datetime] | None = None,
    settings: PackageSettings | None = None,
    signing_key=None,
    passphrase: str | None = None,
    protect_store: bool = False,
) -> CampaignExport:
    """Write the campaign package (a folder: ``surveyor-campaign-r<N>.zip`` in it), with
    ``settings`` (version 2), signed with ``signing_key`` (the coordinator's), and protected
    by ``passphrase`` when given (then only the protected bytes reach ``path``);
    ``protect_store`` asks the laptops to encrypt their store at rest."""
    if passphrase is not None:
        check_package_passphrase(passphrase)
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
        stem = f"surveyor-campaign-r{revision}" + (PROTECTED_STEM if passphrase else "")
        path = path / f"{stem}.zip"
    final_path = path
    if passphrase is not None:  # the clear package never reaches the USB key
        work = Path(store.path).parent / "tmp"
        work.mkdir(exist_ok=True)
        path = work / f"{os.getpid()}-{final_path.name}"
    forms = store.list_forms(with_content=True)
    doors = fieldwork.door_records()
    visits = fieldwork.visits()
    try:
        writer = CampaignWriter(
            path,
            campaign_id=campaign_id,
            revision=revision,
            device_id=device_id,
            signing_key=signing_key,
        )
        writer.created_at = format_timestamp((clock or utc_now)())
        writer.protect_store = protect_store
        with writer:
            for form in forms:
                writer.add_form(**form.definition())
            writer.add_fieldwork(doors, visits)
            if settings is not None:
                writer.add_settings(settings)
        if passphrase is not None:
            meta = {"format": CAMPAIGN_FORMAT, "campaign_id": campaign_id, "revision": revision}
            sealed = envelope.protect_with_passphrase(path.read_bytes(), passphrase, meta=meta)
            write_file(final_path, sealed)
    except (OSError, SurveyorError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise CampaignError(
            f"The campaign package {final_path} could not be written ({reason}); nothing was "
            "written."
        ) from e
    finally:
        if passphrase is not None:
            path.unlink(missing_ok=True)
    with store.transaction("remember the campaign package"):
        fieldwork.set_campaign_value("campaign_id", campaign_id)
        fieldwork.set_campaign_value("exported_revision", str(revision))
        if passphrase is not None:
            fieldwork.set_campaign_value(PASSPHRASE, passphrase)
    return CampaignExport(
        path=final_path,
        campaign_id=campaign_id,
        revision=revision,
        forms=len(forms),
        doors=len(doors),
        visits=len(visits),
        protected=passphrase is not None,
        erasures=len(settings.erasures) if settings else 0,
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


def _protected_header(path: Path) -> dict | None:
    """The clear header of a protected package (None: not a protected file)."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return None
    return envelope.header_of(head) if envelope.is_protected(head) else None


def _open_protected(store: Store, path: Path, passphrase: str | None) -> tuple[Path, str]:
    """A protected package opened into the laptop's data dir (which holds its content once
    imported anyway): the clear copy's path and the passphrase that opened it."""
    tried = passphrase or FieldworkStore(store).campaign_value(PASSPHRASE)
    if not tried:
        raise CampaignError(
            f"The campaign package {path} is protected by a passphrase: give the passphrase "
            "the coordinator told you; nothing was changed.",
            code=ErrorCode.CAMPAIGN_PASSPHRASE_NEEDED,
        )
    try:
        data = envelope.unprotect_with_passphrase(
            path.read_bytes(), tried, name=f"The campaign package {path}"
        )
    except DecryptionError as e:
        raise CampaignError(
            f"The campaign package {path} does not open with "
            + ("this passphrase" if passphrase else "the passphrase kept from the last package")
            + " (a wrong passphrase, or a changed file); nothing was changed.",
            code=ErrorCode.CAMPAIGN_PASSPHRASE_WRONG
            if passphrase
            else ErrorCode.CAMPAIGN_PASSPHRASE_NEEDED,
        ) from e
    except OSError as e:
        raise CampaignError(
            f"The campaign package {path} cannot be read ({e.strerror or e}); nothing was changed."
        ) from e
    work = Path(store.path).parent / "tmp"
    work.mkdir(exist_ok=True)
    clear = work / f"{os.getpid()}-{uuid.uuid4().hex[:8]}-campaign.zip"
    clear.write_bytes(data)
    return clear, tried


def _read(store: Store, path: Path, passphrase: str | None):
    """(campaign id, revision, content, settings, signer, passphrase used, whether the store
    is to be protected) of a package, checked completely (a protected one opened first)."""
    used = None
    clear = path
    if _protected_header(path) is not None:
        clear, used = _open_protected(store, path, passphrase)
    try:
        with CampaignReader(clear, name=path) as reader:
            campaign_id, revision, content = reader.read_package()
            signer = reader.signer()
            settings = reader.settings
            protect_store = reader.manifest.get("protect_store") is True
    finally:
        if clear != path:
            clear.unlink(missing_ok=True)
    return campaign_id, revision, content, settings, signer, used, protect_store


def import_campaign(store: Store, path: Path, *, passphrase: str | None = None) -> CampaignImport:
    """Bring a campaign package in: checked completely first (a protected one opened with
    ``passphrase``, or the one kept from the last package), then written in one transaction;
    the interviews it says were erased are erased here. CampaignError (nothing changed) for
    a damaged, foreign, older or wrongly signed package, or a wrong passphrase."""
    path = Path(path)
    campaign_id, revision, content, settings, signer, used, protect_store = _read(
        store, path, passphrase
    )
    fieldwork = FieldworkStore(store)
    current = fieldwork.campaign_value("campaign_id")
    imported = int(fieldwork.campaign_value("imported_revision") or 0)
    pinned = fieldwork.campaign_value(SIGNER)
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
    if pinned and signer != pinned:
        raise CampaignError(
            f"The campaign package {path} was refused: it is "
            + ("not signed" if signer is None else "signed by another coordinator")
            + ", and this laptop takes only the packages of its campaign's coordinator; "
            "nothing was changed."
        )
    if revision < imported:
        raise CampaignError(
            f"The campaign package {path} was refused: it is revision {revision}, older than "
            f"revision {imported} already imported; nothing was changed."
        )
    if revision == imported:
        return CampaignImport(path, campaign_id, revision, changed=False, settings=settings)
    erased: list[str] = []
    if settings and settings.erasures:  # first: a visit or form below never brings one back
        wanted = [e["instance_id"] for e in settings.erasures]
        erased = rights.erase(store, wanted, origin="package", strict=False).instance_ids
    ids = [d["door_id"] for d in content.doors]
    known = fieldwork.existing_ids(ids)
    with store.transaction(f"import the campaign package {path.name}"):
        forms = _save_forms(store, content.forms)
        fieldwork.write_doors(content.doors, mode="update")
        visits = fieldwork.insert_visits(content.visits)
        fieldwork.set_campaign_value("campaign_id", campaign_id)
        fieldwork.set_campaign_value("imported_revision", str(revision))
        if signer:
            fieldwork.set_campaign_value(SIGNER, signer)
        if used:
            fieldwork.set_campaign_value(PASSPHRASE, used)
        if settings is not None:
            fieldwork.set_campaign_value(COORDINATOR_KEY, settings.coordinator_public_key or "")
        fieldwork.set_campaign_value("protect_store", "1" if protect_store else "")
    return CampaignImport(
        path,
        campaign_id,
        revision,
        changed=True,
        protect_store=protect_store,
        forms=forms,
        doors=len(ids),
        new_doors=len(set(ids) - known),
        visits=visits,
        erased=erased,
        settings=settings,
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
        header = _protected_header(candidate)
        if header is not None:  # protected: its revision is in clear in its header
            meta = header.get("meta")
            if not isinstance(meta, dict) or meta.get("format") != CAMPAIGN_FORMAT:
                continue
            revision = meta.get("revision")
        else:
            try:
                with CampaignReader(candidate) as reader:
                    revision = reader.manifest.get("revision")
            except (SurveyorError, OSError):
                continue
        if isinstance(revision, int) and not isinstance(revision, bool):
            if best is None or revision > best[1]:
                best = (candidate, revision)
    return best


def import_newest_campaign(
    store: Store, folder: Path, *, passphrase: str | None = None
) -> CampaignImport | None:
    """Import the newest package of ``folder`` if it is newer than the one here; None when
    the folder holds none."""
    found = newest_package(folder)
    if found is None:
        return None
    return import_campaign(store, found[0], passphrase=passphrase)


def check_package(path: Path) -> tuple[str, int]:
    """Check a campaign package without importing it: its (campaign id, revision), or
    CampaignError saying what is wrong. A clear package is read completely, with every check
    an import makes (its signature too); a protected one only by its clear header (its
    content opens with the passphrase only; AES-GCM refuses a changed one on the laptops).
    The server checks a published package with this one function (docs/server.md)."""
    path = Path(path)
    header = _protected_header(path)
    if header is not None:
        meta = header.get("meta") if isinstance(header.get("meta"), dict) else {}
        campaign_id, revision = meta.get("campaign_id"), meta.get("revision")
        if (
            meta.get("format") != CAMPAIGN_FORMAT
            or not isinstance(campaign_id, str)
            or not campaign_id
            or not isinstance(revision, int)
            or isinstance(revision, bool)
            or revision < 1
        ):
            raise CampaignError(
                f"The campaign package {path} was refused: its protected header is not a "
                "campaign package's; nothing was changed."
            )
        return campaign_id, revision
    with CampaignReader(path) as reader:
        campaign_id, revision, _content = reader.read_package()
        reader.signer()  # a signature that does not match its content is damage
    return campaign_id, revision
