"""Batches: interviews handed in as one file (USB key, shared folder) and merged by the
coordinator. Format: ``docs/batch-format.md``.

Interviewer's side: :func:`hand_in`, :func:`sync_shared_folder`. Coordinator's side:
:func:`merge_batches` (→ :class:`MergeReport`), :func:`list_conflicts`,
:func:`resolve_conflict`. The campaign package (coordinator → laptops):
:func:`export_campaign`, :func:`import_campaign` (``campaign.py``, docs/fieldwork.md).
"""

from surveyor.batches.campaign import (
    CampaignExport,
    CampaignImport,
    export_campaign,
    import_campaign,
    import_newest_campaign,
)
from surveyor.batches.format import (
    FORMAT_VERSION,
    BatchError,
    BatchReader,
    BatchWriteError,
    BatchWriter,
    batch_files,
)
from surveyor.batches.service import (
    BatchReport,
    HandInResult,
    MergeReport,
    SyncResult,
    batch_file_name,
    hand_in,
    list_conflicts,
    merge_batches,
    resolve_conflict,
    sync_shared_folder,
)
from surveyor.store.merge import Conflict, ConflictVersion

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
