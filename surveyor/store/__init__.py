"""The local store: forms, interviews and their files in one SQLite database (``surveyor.db``).

See ``docs/store.md``. One writer: a :class:`Store` is used by the thread that owns it only (enforced).
"""

from surveyor.errors import AttachmentNotFound
from surveyor.errors import DamagedStoreError
from surveyor.errors import DiskFullError
from surveyor.errors import FormNotFound
from surveyor.errors import InterviewNotFound
from surveyor.errors import StoreBusyError
from surveyor.errors import StoreLockedError
from surveyor.errors import StoreThreadError
from surveyor.store.schema import SCHEMA_VERSION
from surveyor.store.store import DB_NAME
from surveyor.store.store import InterviewSummary
from surveyor.store.store import InvalidAttachmentName
from surveyor.store.store import Store
from surveyor.store.store import StoredForm
from surveyor.store.store import check_attachment_name

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
