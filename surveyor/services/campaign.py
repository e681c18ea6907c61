"""The campaign package through Surveyor's server, as a service: a laptop's sync pass fetches
the server's package when it is newer (its ETag) and imports it exactly as a file import does
(:func:`surveyor.batches.campaign.import_campaign`: never removes anything, refuses older,
foreign and damaged packages). (The coordinator's publish is ``Workspace.publish_campaign``:
the package written as "Campaign package…" writes it, then ``sync.campaign.publish_package``.)
docs/fieldwork.md, "The campaign package through the server".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from surveyor.batches.campaign import CampaignImport
from surveyor.batches.campaign import import_campaign
from surveyor.errors import CampaignError
from surveyor.errors import ErrorCode
from surveyor.store import Store
from surveyor.store.fieldwork import FieldworkStore
from surveyor.sync.campaign import download_package
from surveyor.sync.campaign import remember_etag
from surveyor.sync.transport import OpenRosaTransport


@dataclass
class CampaignFetched:
    """What a sync pass did about the campaign package."""

    imported: CampaignImport | None = None  # a package was read (``.changed``: it was new)
    refused: str = ""  # the package was refused (older, foreign, damaged): nothing changed
    unchanged: bool = False  # the server's package is the one taken last time (304)
    none: bool = False  # the server has no package yet
    unsupported: bool = False  # not a Surveyor server: nothing asked
    coordinator: bool = False  # this data dir makes the packages: nothing fetched
    forms: frozenset[str] = frozenset()  # content hashes of the form versions new here

    @property
    def changed(self) -> bool:
        return self.imported is not None and self.imported.changed

    def __str__(self) -> str:
        if self.refused:
            return f"Campaign package: {self.refused}"
        if self.changed:
            return f"Campaign package: {self.imported}"
        if self.unsupported:
            return "Campaign package: this server does not offer one."
        if self.none:
            return "Campaign package: none on the server yet."
        return "Campaign package: already up to date."


def is_coordinator(store: Store) -> bool:
    """Whether this data dir writes the campaign's packages (it never imports one)."""
    return bool(FieldworkStore(store).campaign_value("exported_revision"))


def fetch_campaign(store: Store, transport: OpenRosaTransport) -> CampaignFetched:
    """Fetch the server's package if it is newer than the one taken last time and import it
    (docs/fieldwork.md). Raises AuthError, TransportError (nothing changed)."""
    if is_coordinator(store):
        return CampaignFetched(coordinator=True)
    data_dir = Path(store.path).parent
    got = download_package(transport, data_dir)
    if got.path is None:
        return CampaignFetched(unchanged=got.unchanged, none=got.none, unsupported=got.unsupported)
    known = {f.content_hash for f in store.list_forms()}
    try:
        imported = import_campaign(store, got.path)
    except CampaignError as exc:
        if exc.code not in (
            ErrorCode.CAMPAIGN_PASSPHRASE_NEEDED,
            ErrorCode.CAMPAIGN_PASSPHRASE_WRONG,
        ):  # refused for good: not fetched again (a passphrase may come: asked again)
            remember_etag(data_dir, transport.url, got.etag)
        return CampaignFetched(refused=str(exc).replace(str(got.path), "the server's package"))
    finally:
        got.path.unlink(missing_ok=True)
    remember_etag(data_dir, transport.url, got.etag)
    new_forms = frozenset({f.content_hash for f in store.list_forms()} - known)
    return CampaignFetched(imported=imported, forms=new_forms)
