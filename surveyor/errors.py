"""Exceptions of the core, each carrying where and why, and an :class:`ErrorCode` saying what.

The message is one clear English sentence for the CLI and the logs; its wording may change at
any time. What a program needs to know (which sentence the UI shows, in the person's language;
what a test expects) is the ``code``: every :class:`SurveyorError` carries one, its class's
default or the one given where it is raised (one class may cover several meanings: a refused
batch is truncated, or damaged, or of an unknown version...). The core never prints.

Every exception class of the core lives here, and every one is a :class:`SurveyorError`.
"""

from __future__ import annotations

import errno
from enum import StrEnum
from pathlib import Path
from typing import ClassVar


class ErrorCode(StrEnum):
    """What went wrong, for a program: the UI maps each code to a translated sentence
    (``surveyor/ui/errors.py``, a test checks that none is missing). Values are stable: they
    are written in ``sync-status.json`` and ``sync-decisions.json``."""

    INTERNAL = "internal"  # an error the core raised without saying more

    # forms, expressions, interviews, exports
    FORM_INVALID = "form_invalid"
    EXPRESSION_INVALID = "expression_invalid"
    EXPRESSION_TIMEOUT = "expression_timeout"
    LIMIT_EXCEEDED = "limit_exceeded"
    VALIDATION_FAILED = "validation_failed"
    INVALID_TRANSITION = "invalid_transition"
    EXPORT_INVALID = "export_invalid"

    # the local store and the data folder
    STORE_FAILED = "store_failed"
    STORE_BUSY = "store_busy"
    STORE_DAMAGED = "store_damaged"
    STORE_READ_ONLY = "store_read_only"
    STORE_TOO_NEW = "store_too_new"
    STORE_THREAD = "store_thread"
    STORE_LOCKED = "store_locked"  # encrypted at rest: its passphrase is needed
    STORE_PASSPHRASE_WRONG = "store_passphrase_wrong"  # not the store's passphrase
    STORE_KEY_MISSING = "store_key_missing"  # the keychain does not hold the store's key
    DISK_FULL = "disk_full"
    INTERVIEW_NOT_FOUND = "interview_not_found"
    FORM_NOT_FOUND = "form_not_found"
    ATTACHMENT_NOT_FOUND = "attachment_not_found"
    CONFLICT_NOT_FOUND = "conflict_not_found"
    UNSAFE_FILE_NAME = "unsafe_file_name"

    # batch files (hand-in, import): why one is refused
    BATCH_MISSING = "batch_missing"  # the file is not there
    BATCH_UNFINISHED = "batch_unfinished"  # a .part still being written
    BATCH_TRUNCATED = "batch_truncated"  # not a complete ZIP
    BATCH_UNREADABLE = "batch_unreadable"  # the disk or key cannot be read
    BATCH_NOT_A_BATCH = "batch_not_a_batch"  # no Surveyor manifest
    BATCH_UNKNOWN_VERSION = "batch_unknown_version"
    BATCH_BAD_CHECKSUM = "batch_bad_checksum"
    BATCH_DAMAGED = "batch_damaged"  # a member's compressed data or CRC is wrong
    BATCH_UNSUPPORTED = "batch_unsupported"  # password-protected, unknown compression
    BATCH_UNSAFE_PATH = "batch_unsafe_path"  # a member or file name that could escape
    BATCH_TOO_BIG = "batch_too_big"  # too many members, too large, a zip bomb
    BATCH_MALFORMED = "batch_malformed"  # a record or the manifest has the wrong shape
    BATCH_MISSING_FORM = "batch_missing_form"
    BATCH_EDIT_CHAIN = "batch_edit_chain"  # an edit that names itself as the one it replaces
    BATCH_CHANGED = "batch_changed"  # the file changed while it was being merged
    BATCH_WRITE_FAILED = "batch_write_failed"  # a hand-in could not be written
    BATCH_PROTECTED = "batch_protected"  # protected for the coordinator's key: none given

    # door-to-door fieldwork (docs/fieldwork.md)
    DOOR_NOT_FOUND = "door_not_found"  # no door with this id
    VISIT_INVALID = "visit_invalid"  # an unknown outcome, an appointment in the past...
    DOOR_LIST_INVALID = "door_list_invalid"  # a door list file that cannot be imported
    CAMPAIGN_REFUSED = "campaign_refused"  # a damaged, foreign or older campaign package
    CAMPAIGN_PASSPHRASE_NEEDED = "campaign_passphrase_needed"  # a protected package: ask it
    CAMPAIGN_PASSPHRASE_WRONG = "campaign_passphrase_wrong"  # it does not open the package

    # talking to a server (sending, forms, downloads)
    SYNC_UNAUTHORIZED = "sync_unauthorized"  # 401
    SYNC_FORBIDDEN = "sync_forbidden"  # 403
    SYNC_NOT_FOUND = "sync_not_found"  # 404: the form is not on the server
    SYNC_CONFLICT = "sync_conflict"  # 409 a person must settle
    SYNC_FORM_CLOSED = "sync_form_closed"  # 409: the form takes no more submissions
    SYNC_TOO_LARGE = "sync_too_large"  # 413, or one file larger than the server accepts
    SYNC_REFUSED = "sync_refused"  # another 4xx
    SYNC_CAPTIVE_PORTAL = "sync_captive_portal"  # a 200 page, a redirect, HTML
    SYNC_SERVER_ERROR = "sync_server_error"  # 5xx, 408
    SYNC_TOO_MANY_REQUESTS = "sync_too_many_requests"  # 429
    SYNC_UNREACHABLE = "sync_unreachable"  # no connection
    SYNC_TIMEOUT = "sync_timeout"
    SYNC_TLS = "sync_tls"  # the certificate or the TLS handshake failed
    SYNC_UNEXPECTED = "sync_unexpected"  # an answer no survey server gives
    SYNC_NOT_RENDERED = "sync_not_rendered"  # the interview could not be turned into XML
    SYNC_CANCELLED = "sync_cancelled"
    SYNC_ALREADY_RUNNING = "sync_already_running"
    SYNC_NO_PASSWORD = "sync_no_password"
    SYNC_DOWNLOAD_FAILED = "sync_download_failed"  # a submission could not be read

    # results and the report (surveyor/results/)
    RESULTS_UNKNOWN_QUESTION = "results_unknown_question"
    RESULTS_UNKNOWN_VALUE = "results_unknown_value"
    RESULTS_EMPTY = "results_empty"  # no interview matches the selection
    RESULTS_CHOOSE_FORM = "results_choose_form"  # several forms: say which
    RESULTS_PERSONAL = "results_personal"  # a personal field's values were asked for
    RESULTS_PLAN_INVALID = "results_plan_invalid"  # a report plan or a theme that cannot be used
    RESULTS_BANDS_INVALID = "results_bands_invalid"  # band edges that are not increasing numbers
    RESULTS_REFERENCE_INVALID = "results_reference_invalid"  # reference figures that cannot be kept

    # the campaign server refusing a request
    SERVER_REFUSED = "server_refused"
    SERVER_TOO_LARGE = "server_too_large"

    # encryption of submissions (ODK's format) and the coordinator's keys
    KEY_INVALID = "key_invalid"  # a public or private key that is not one
    KEY_PASSPHRASE_WRONG = "key_passphrase_wrong"  # the private key file's passphrase
    KEY_NOT_FOUND = "key_not_found"  # no key file / nothing in the keychain
    DECRYPT_WRONG_KEY = "decrypt_wrong_key"  # the private key is not the form's
    DECRYPT_DAMAGED = "decrypt_damaged"  # an encrypted submission that does not decrypt whole
    ENCRYPTED_READ_ONLY = "encrypted_read_only"  # an encrypted interview cannot be edited

    @classmethod
    def parse(cls, value: object) -> ErrorCode | None:
        """The code a file or another process wrote, or None (absent, or unknown to us)."""
        try:
            return cls(value) if value else None
        except ValueError:
            return None


def code_of(exc: BaseException) -> ErrorCode:
    """The code of any exception: a SurveyorError's own; a full disk; else INTERNAL."""
    if isinstance(exc, SurveyorError):
        return exc.code
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return ErrorCode.DISK_FULL
    return ErrorCode.INTERNAL


class SurveyorError(Exception):
    """Base class of every error the core raises on purpose.

    ``code`` is the class's default (:attr:`default_code`) unless the raise gives one.
    """

    default_code: ClassVar[ErrorCode] = ErrorCode.INTERNAL

    def __init__(self, *args: object, code: ErrorCode | None = None):
        super().__init__(*args)
        self.code: ErrorCode = code or self.default_code


class ErrorWithProblems(SurveyorError):
    """An error that lists every problem found (``problems``), not only the first."""

    def __init__(
        self, message: str, *, problems: list | None = None, code: ErrorCode | None = None
    ):
        super().__init__(message, code=code)
        self.problems = list(problems or [])


class FormError(ErrorWithProblems):
    """A form cannot be loaded or is not valid.

    ``problems`` lists every problem found, each with its place (file, sheet, row).
    """

    default_code = ErrorCode.FORM_INVALID


class ExpressionError(SurveyorError):
    """An expression cannot be parsed or evaluated."""

    default_code = ErrorCode.EXPRESSION_INVALID

    def __init__(
        self,
        message: str,
        *,
        expression: str = "",
        position: int | None = None,
        code: ErrorCode | None = None,
    ):
        super().__init__(message, code=code)
        self.expression = expression
        self.position = position


class ExpressionTimeout(ExpressionError):
    """An expression ran past its time bound (a ``regex()`` pattern that backtracks without end)."""

    default_code = ErrorCode.EXPRESSION_TIMEOUT


class LimitError(SurveyorError):
    """An interview would pass one of Surveyor's documented limits (docs/RELIABILITY.md)."""

    default_code = ErrorCode.LIMIT_EXCEEDED


class ValidationError(ErrorWithProblems):
    """An interview does not satisfy its form's required answers or constraints."""

    default_code = ErrorCode.VALIDATION_FAILED


class InvalidTransition(SurveyorError):
    """An interview cannot go from its current status to the one asked for."""

    default_code = ErrorCode.INVALID_TRANSITION

    def __init__(
        self,
        message: str,
        *,
        instance_id: str = "",
        status: str = "",
        action: str = "",
        code: ErrorCode | None = None,
    ):
        super().__init__(message, code=code)
        self.instance_id = instance_id
        self.status = status
        self.action = action


class ExportError(SurveyorError, ValueError):
    """An export cannot be made as asked (unknown form, language, format)."""

    default_code = ErrorCode.EXPORT_INVALID


# --- results and the report ------------------------------------------------------------------


class ResultsError(SurveyorError, ValueError):
    """Results or a report cannot be made as asked (an unknown question or value, an empty
    selection, a personal field, a bad report plan)."""

    default_code = ErrorCode.RESULTS_EMPTY


# --- the local store ------------------------------------------------------------------------


class StoreError(SurveyorError):
    """The local database cannot be opened, migrated or written."""

    default_code = ErrorCode.STORE_FAILED


class DiskFullError(StoreError):
    """The disk (SQLITE_FULL, ENOSPC) is full: nothing was changed; free some space."""

    default_code = ErrorCode.DISK_FULL


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


# --- batch files -------------------------------------------------------------------------------


class BatchError(SurveyorError):
    """A batch file cannot be written or is refused; nothing of it was imported.

    ``path`` is the file, ``reason`` the cause (part of a sentence, without a final period,
    for the CLI and the logs), ``code`` what it means (one of the ``BATCH_*`` codes, or
    ``DISK_FULL``).
    """

    default_code = ErrorCode.BATCH_MALFORMED

    def __init__(self, path: Path | str, reason: str, *, code: ErrorCode | None = None):
        super().__init__(
            f"The batch {path} was refused: {reason}; nothing of it was imported.", code=code
        )
        self.path = Path(path)
        self.reason = reason


class BatchWriteError(BatchError):
    """A batch file could not be written (disk full, folder gone...): nothing was written, and
    the interviews are still to hand in."""

    default_code = ErrorCode.BATCH_WRITE_FAILED

    def __init__(self, path: Path | str, error: OSError):
        full = error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
        reason = "the disk is full" if full else f"it cannot be written ({error.strerror or error})"
        SurveyorError.__init__(
            self,
            f"The batch {path} could not be written: {reason}; nothing was written and the "
            "interviews are still to hand in.",
            code=ErrorCode.DISK_FULL if full else None,
        )
        self.path = Path(path)
        self.reason = reason


# --- servers: the client side (surveyor/sync/) ------------------------------------------------


class AuthError(SurveyorError):
    """401/403 outside sending (form list, downloads, coordinator API)."""

    default_code = ErrorCode.SYNC_UNAUTHORIZED


class TransportError(SurveyorError):
    """A failed request outside sending: ``retryable`` says whether trying later may help."""

    default_code = ErrorCode.SYNC_UNEXPECTED

    def __init__(
        self,
        message: str,
        *,
        retryable: bool = True,
        status: int | None = None,
        code: ErrorCode | None = None,
    ):
        super().__init__(message, code=code)
        self.retryable = retryable
        self.status = status


class NoPassword(SurveyorError):
    """No password could be found or asked for."""

    default_code = ErrorCode.SYNC_NO_PASSWORD


class SyncAlreadyRunning(SurveyorError):
    """Another sending (this app, another window, the CLI) is in progress."""

    default_code = ErrorCode.SYNC_ALREADY_RUNNING

    def __init__(self, path: Path):
        super().__init__(
            "Sending is already running (another window, the automatic sending "
            "or `surveyor sync`): wait for it to finish."
        )
        self.path = path


class DownloadError(SurveyorError):
    """A submission could not be turned into an interview (its form is unknown, bad XML)."""

    default_code = ErrorCode.SYNC_DOWNLOAD_FAILED


# --- the campaign server (surveyor/server/) ----------------------------------------------------


class ServerError(SurveyorError):
    """A request the server refuses, with the HTTP status to answer."""

    default_code = ErrorCode.SERVER_REFUSED

    def __init__(self, message: str, status: int = 400, *, code: ErrorCode | None = None):
        super().__init__(message, code=code)
        self.status = status


class RequestTooLarge(ServerError):
    """A request body past the server's limit (answered 413 as soon as it is known)."""

    default_code = ErrorCode.SERVER_TOO_LARGE

    def __init__(self, message: str):
        super().__init__(message, 413)


# --- door-to-door fieldwork --------------------------------------------------------------------


class FieldworkError(SurveyorError):
    """A fieldwork operation cannot be done as asked (unknown door, outcome, bad time...);
    nothing was changed."""

    default_code = ErrorCode.VISIT_INVALID


class DoorNotFound(FieldworkError):
    """No door has this id."""

    default_code = ErrorCode.DOOR_NOT_FOUND


class DoorListError(FieldworkError):
    """A door list file cannot be imported; ``row`` is the first bad row (1 = the header),
    if the problem is in a row. Nothing was imported."""

    default_code = ErrorCode.DOOR_LIST_INVALID

    def __init__(self, message: str, *, row: int | None = None, code: ErrorCode | None = None):
        super().__init__(message, code=code)
        self.row = row


class CampaignError(FieldworkError):
    """A campaign package cannot be written or is refused; nothing of it was imported."""

    default_code = ErrorCode.CAMPAIGN_REFUSED


# --- encryption of submissions (surveyor/encryption/) ------------------------------------------


class EncryptionError(SurveyorError):
    """A key or an encrypted submission that cannot be used (see the code for which)."""

    default_code = ErrorCode.KEY_INVALID


class DecryptionError(EncryptionError):
    """An encrypted submission that this private key cannot open (not the form's key, or a
    damaged submission); nothing was changed."""

    default_code = ErrorCode.DECRYPT_WRONG_KEY
