"""Batches: interviews handed in as one file (USB key, shared folder) and merged by the
coordinator. Format: ``docs/batch-format.md``.

Interviewer's side: :func:`hand_in`, :func:`sync_shared_folder`. Coordinator's side:
:func:`merge_batches` (→ :class:`MergeReport`), :func:`list_conflicts`,
:func:`resolve_conflict`. The campaign package (coordinator → laptops):
:func:`export_campaign`, :func:`import_campaign` (``campaign.py``, docs/fieldwork.md).
"""

from surveyor.batches.campaign import CampaignExport
from surveyor.batches.campaign import CampaignImport
from surveyor.batches.campaign import export_campaign
from surveyor.batches.campaign import import_campaign
from surveyor.batches.campaign import import_newest_campaign
from surveyor.batches.format import FORMAT_VERSION
from surveyor.batches.format import BatchError
from surveyor.batches.format import BatchReader
from surveyor.batches.format import BatchWriteError
from surveyor.batches.format import BatchWriter
from surveyor.batches.format import batch_files
from surveyor.batches.service import BatchReport
from surveyor.batches.service import HandInResult
from surveyor.batches.service import MergeReport
from surveyor.batches.service import SyncResult
from surveyor.batches.service import batch_file_name
from surveyor.batches.service import hand_in
from surveyor.batches.service import list_conflicts
from surveyor.batches.service import merge_batches
from surveyor.batches.service import resolve_conflict
from surveyor.batches.service import sync_shared_folder
from surveyor.store.merge import Conflict
from surveyor.store.merge import ConflictVersion

__all__ = [
    "FORMAT_VERSION",
    "BatchError",
    "BatchReader",
    "BatchReport",
    "BatchWriteError",
    "BatchWriter",
    "CampaignExport",
    "CampaignImport",
    "Conflict",
    "ConflictVersion",
    "HandInResult",
    "MergeReport",
    "SyncResult",
    "batch_file_name",
    "batch_files",
    "export_campaign",
    "hand_in",
    "import_campaign",
    "import_newest_campaign",
    "list_conflicts",
    "merge_batches",
    "resolve_conflict",
    "sync_shared_folder",
]
