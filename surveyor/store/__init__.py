"""The local store: forms, interviews and their files in one SQLite database (``surveyor.db``).

See ``docs/store.md``. One writer: a :class:`Store` is used by the thread that owns it only (enforced).
"""

from surveyor.errors import (
    AttachmentNotFound,
    DamagedStoreError,
    DiskFullError,
    FormNotFound,
    InterviewNotFound,
    StoreBusyError,
    StoreLockedError,
    StoreThreadError,
)
from surveyor.store.schema import SCHEMA_VERSION
from surveyor.store.store import (
    DB_NAME,
    InterviewSummary,
    InvalidAttachmentName,
    Store,
    StoredForm,
    check_attachment_name,
)

__all__ = [
    "DB_NAME",
    "SCHEMA_VERSION",
    "AttachmentNotFound",
    "DamagedStoreError",
    "DiskFullError",
    "FormNotFound",
    "InterviewNotFound",
    "InterviewSummary",
    "InvalidAttachmentName",
    "Store",
    "StoreBusyError",
    "StoreLockedError",
    "StoreThreadError",
    "StoredForm",
    "check_attachment_name",
]
