"""Errors of the local store; all are :class:`~surveyor.errors.StoreError`."""

from __future__ import annotations

from surveyor.errors import DiskFullError, ErrorCode, StoreError

__all__ = [
    "AttachmentNotFound",
    "ConflictNotFound",
    "DamagedStoreError",
    "DiskFullError",
    "FormNotFound",
    "InterviewNotFound",
    "InvalidAttachmentName",
    "StoreBusyError",
    "StoreLockedError",
    "StoreThreadError",
]


class InterviewNotFound(StoreError):
    """No interview has this instanceID in the store."""

    default_code = ErrorCode.INTERVIEW_NOT_FOUND

    def __init__(self, instance_id: str):
        super().__init__(f"No interview {instance_id} in the local database.")
        self.instance_id = instance_id


class FormNotFound(StoreError):
    """No form definition has this content hash in the store."""

    default_code = ErrorCode.FORM_NOT_FOUND

    def __init__(self, content_hash: str):
        super().__init__(f"No form with hash {content_hash} in the local database.")
        self.content_hash = content_hash


class AttachmentNotFound(StoreError):
    """The interview has no attachment with this file name."""

    default_code = ErrorCode.ATTACHMENT_NOT_FOUND

    def __init__(self, instance_id: str, filename: str):
        super().__init__(f"Interview {instance_id} has no attached file {filename!r}.")
        self.instance_id = instance_id
        self.filename = filename


class StoreBusyError(StoreError):
    """Another process kept the database's write lock longer than the store waits."""

    default_code = ErrorCode.STORE_BUSY


class DamagedStoreError(StoreError):
    """The database file is damaged: nothing is written to it (see ``surveyor doctor``)."""

    default_code = ErrorCode.STORE_DAMAGED


class StoreThreadError(StoreError):
    """A Store was used from a thread other than its owner (one connection, one thread)."""

    default_code = ErrorCode.STORE_THREAD


class ConflictNotFound(StoreError):
    """No merge conflict has this id."""

    default_code = ErrorCode.CONFLICT_NOT_FOUND


class InvalidAttachmentName(StoreError):
    """An attached file name that could escape its folder when exported."""

    default_code = ErrorCode.UNSAFE_FILE_NAME


class StoreLockedError(StoreError):
    """The store is encrypted at rest and its key was not given: no passphrase
    (``STORE_LOCKED``), a wrong one (``STORE_PASSPHRASE_WRONG``), or none in the keychain
    (``STORE_KEY_MISSING``). Nothing was read nor written."""

    default_code = ErrorCode.STORE_LOCKED
