"""The local store: forms, interviews and their files in one SQLite database (``surveyor.db``).

See ``docs/store.md``. One writer: call a :class:`Store` from a single worker thread.
"""

from surveyor.store.errors import AttachmentNotFound, FormNotFound, InterviewNotFound
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
    "FormNotFound",
    "InterviewNotFound",
    "InterviewSummary",
    "InvalidAttachmentName",
    "Store",
    "StoredForm",
    "check_attachment_name",
]
