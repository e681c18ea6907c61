"""What each :class:`~surveyor.errors.ErrorCode` means to a person, in the app's language.

The core's messages are English sentences for the CLI and the logs, and their wording may
change: the app never reads them to know what happened. It shows the sentence of the error's
**code** (every code has one: ``tests/ui/test_error_text.py`` enumerates :class:`ErrorCode`),
and at most the core's message as a detail (a tooltip).
"""

from __future__ import annotations

from surveyor.errors import ErrorCode
from surveyor.errors import code_of
from surveyor.ui.qt import QCoreApplication


def sentences() -> dict[ErrorCode, str]:
    """Every code's sentence, translated now (the app's language may change while it runs).

    Written out call by call: lupdate finds the strings to translate only in literal
    ``QCoreApplication.translate("ErrorText", "...")`` calls.
    """
    E = ErrorCode  # noqa: N806 - short, for the table below
    return {
        E.INTERNAL: QCoreApplication.translate(
            "ErrorText",
            "Something went wrong inside Surveyor; nothing was lost. If it happens again, "
            "tell the coordinator.",
        ),
        # forms, expressions, interviews, exports
        E.FORM_INVALID: QCoreApplication.translate(
            "ErrorText", "The form has errors and cannot be used: the coordinator must correct it."
        ),
        E.EXPRESSION_INVALID: QCoreApplication.translate(
            "ErrorText",
            "A calculation or a condition of the form has an error: the coordinator must "
            "correct the form.",
        ),
        E.EXPRESSION_TIMEOUT: QCoreApplication.translate(
            "ErrorText",
            "A check of the form took too long on this answer: the coordinator must simplify "
            "the form.",
        ),
        E.LIMIT_EXCEEDED: QCoreApplication.translate(
            "ErrorText", "This interview has reached one of Surveyor's limits (too many repeats)."
        ),
        E.VALIDATION_FAILED: QCoreApplication.translate(
            "ErrorText", "Some answers are missing or not valid: see the questions marked."
        ),
        E.INVALID_TRANSITION: QCoreApplication.translate(
            "ErrorText",
            "This interview cannot be changed in this way now (was it already sent or handed in?).",
        ),
        E.EXPORT_INVALID: QCoreApplication.translate(
            "ErrorText", "The export cannot be made as asked (form, language or format)."
        ),
        # the local store
        E.STORE_FAILED: QCoreApplication.translate(
            "ErrorText", "The interviews' database cannot be used for now; nothing was changed."
        ),
        E.STORE_BUSY: QCoreApplication.translate(
            "ErrorText",
            "The database is busy: another Surveyor is writing to it. Try again when it has "
            "finished; nothing was changed.",
        ),
        E.STORE_DAMAGED: QCoreApplication.translate(
            "ErrorText",
            "The database is damaged: nothing is written to it. Choose Repair to rebuild it "
            "from what can still be read.",
        ),
        E.STORE_READ_ONLY: QCoreApplication.translate(
            "ErrorText",
            "The data folder cannot be written (read-only disk or folder?); nothing was changed.",
        ),
        E.STORE_TOO_NEW: QCoreApplication.translate(
            "ErrorText",
            "The data was written by a newer version of Surveyor: install it to open them; "
            "nothing was changed.",
        ),
        E.STORE_THREAD: QCoreApplication.translate(
            "ErrorText",
            "Surveyor used its database from the wrong place (an error in Surveyor); nothing "
            "was changed.",
        ),
        E.STORE_LOCKED: QCoreApplication.translate(
            "ErrorText",
            "The data on this computer is protected by a passphrase: type it to open them; "
            "nothing was changed.",
        ),
        E.STORE_PASSPHRASE_WRONG: QCoreApplication.translate(
            "ErrorText", "Wrong passphrase for the data on this computer; nothing was changed."
        ),
        E.STORE_KEY_MISSING: QCoreApplication.translate(
            "ErrorText",
            "The key of the data on this computer is not in this computer’s keychain (another "
            "user account, another computer?); nothing was changed.",
        ),
        E.DISK_FULL: QCoreApplication.translate(
            "ErrorText", "The disk is full: free some space and try again; nothing was changed."
        ),
        E.INTERVIEW_NOT_FOUND: QCoreApplication.translate(
            "ErrorText", "This interview is no longer in the database."
        ),
        E.FORM_NOT_FOUND: QCoreApplication.translate(
            "ErrorText", "The form of this interview is no longer in the database."
        ),
        E.ATTACHMENT_NOT_FOUND: QCoreApplication.translate(
            "ErrorText", "A file attached to this interview is missing."
        ),
        E.CONFLICT_NOT_FOUND: QCoreApplication.translate(
            "ErrorText", "This conflict was already resolved."
        ),
        E.UNSAFE_FILE_NAME: QCoreApplication.translate(
            "ErrorText",
            "This file name cannot be used: it must be a plain name, without '/', '\\', ':' "
            "or '..'.",
        ),
        # batch files
        E.BATCH_MISSING: QCoreApplication.translate("ErrorText", "The file is no longer there."),
        E.BATCH_UNFINISHED: QCoreApplication.translate(
            "ErrorText", "The file was still being written. Import it again in a moment."
        ),
        E.BATCH_TRUNCATED: QCoreApplication.translate(
            "ErrorText",
            "The file is incomplete or damaged (copied before the end?). Ask for it again.",
        ),
        E.BATCH_UNREADABLE: QCoreApplication.translate(
            "ErrorText", "The file cannot be read (is the USB key still plugged in?)."
        ),
        E.BATCH_NOT_A_BATCH: QCoreApplication.translate(
            "ErrorText", "This file is not a Surveyor batch."
        ),
        E.BATCH_UNKNOWN_VERSION: QCoreApplication.translate(
            "ErrorText", "This file was made by a newer Surveyor: update Surveyor to import it."
        ),
        E.BATCH_BAD_CHECKSUM: QCoreApplication.translate(
            "ErrorText", "The file is damaged. Ask for it again."
        ),
        E.BATCH_DAMAGED: QCoreApplication.translate(
            "ErrorText", "The file is damaged. Ask for it again."
        ),
        E.BATCH_UNSUPPORTED: QCoreApplication.translate(
            "ErrorText",
            "The file uses a ZIP feature Surveyor does not read (a password, a compression "
            "method). Ask for a new hand-in made by Surveyor.",
        ),
        E.BATCH_UNSAFE_PATH: QCoreApplication.translate(
            "ErrorText",
            "The file holds names that could write outside its folder: it was refused for "
            "safety. Ask for a new hand-in.",
        ),
        E.BATCH_TOO_BIG: QCoreApplication.translate(
            "ErrorText",
            "The file is larger than Surveyor accepts once uncompressed: it was refused for "
            "safety.",
        ),
        E.BATCH_MALFORMED: QCoreApplication.translate(
            "ErrorText",
            "The content of the file is not that of a valid Surveyor batch. Ask for a new hand-in.",
        ),
        E.BATCH_MISSING_FORM: QCoreApplication.translate(
            "ErrorText", "The form of its interviews is missing. Ask for a new hand-in."
        ),
        E.BATCH_EDIT_CHAIN: QCoreApplication.translate(
            "ErrorText",
            "The file holds a correction of an interview that replaces itself. Ask for a new "
            "hand-in.",
        ),
        E.BATCH_CHANGED: QCoreApplication.translate(
            "ErrorText", "The file changed while it was being imported. Import it again."
        ),
        E.BATCH_WRITE_FAILED: QCoreApplication.translate(
            "ErrorText",
            "The batch file cannot be written there (USB key removed, or read-only?).",
        ),
        # door-to-door fieldwork
        E.DOOR_NOT_FOUND: QCoreApplication.translate(
            "ErrorText", "This door is not in the door list of this laptop."
        ),
        E.VISIT_INVALID: QCoreApplication.translate(
            "ErrorText",
            "This visit cannot be recorded as given (outcome or appointment time); nothing "
            "was changed.",
        ),
        E.DOOR_LIST_INVALID: QCoreApplication.translate(
            "ErrorText",
            "The door list cannot be imported (a row or a column is not as expected); no door "
            "was imported.",
        ),
        E.CAMPAIGN_REFUSED: QCoreApplication.translate(
            "ErrorText",
            "The campaign package cannot be used (damaged, from another campaign, or older "
            "than the one already here); nothing was changed.",
        ),
        E.CAMPAIGN_PASSPHRASE_NEEDED: QCoreApplication.translate(
            "ErrorText",
            "The campaign package is protected by a password: type the password the "
            "coordinator gave you.",
        ),
        E.CAMPAIGN_PASSPHRASE_WRONG: QCoreApplication.translate(
            "ErrorText",
            "This password does not open the campaign package (check it with the "
            "coordinator); nothing was changed.",
        ),
        # servers
        E.SYNC_UNAUTHORIZED: QCoreApplication.translate(
            "ErrorText", "The server refuses the password."
        ),
        E.SYNC_FORBIDDEN: QCoreApplication.translate(
            "ErrorText",
            "The server refuses this account: it is not allowed to do this (ask the coordinator).",
        ),
        E.SYNC_NOT_FOUND: QCoreApplication.translate(
            "ErrorText",
            "The server does not have the form of an interview: ask the coordinator to publish it.",
        ),
        E.SYNC_CONFLICT: QCoreApplication.translate(
            "ErrorText",
            "The server refused an interview that only a person can settle (an edit of a "
            "version already replaced, or the same interview with other answers).",
        ),
        E.SYNC_FORM_CLOSED: QCoreApplication.translate(
            "ErrorText", "The server no longer accepts interviews for this form (it is closed)."
        ),
        E.SYNC_TOO_LARGE: QCoreApplication.translate(
            "ErrorText", "An interview or one of its files is larger than the server accepts."
        ),
        E.SYNC_REFUSED: QCoreApplication.translate(
            "ErrorText", "The server refused an interview (see its state)."
        ),
        E.SYNC_CAPTIVE_PORTAL: QCoreApplication.translate(
            "ErrorText",
            "The network asks you to log in (captive portal?): open a web browser, "
            "log in, and sending will start again.",
        ),
        E.SYNC_SERVER_ERROR: QCoreApplication.translate(
            "ErrorText", "The server has a problem for now; we will try again."
        ),
        E.SYNC_TOO_MANY_REQUESTS: QCoreApplication.translate(
            "ErrorText", "The server is overloaded for now; we will try again later."
        ),
        E.SYNC_UNREACHABLE: QCoreApplication.translate(
            "ErrorText", "The server cannot be reached for now; we will try again."
        ),
        E.SYNC_TIMEOUT: QCoreApplication.translate(
            "ErrorText", "The server does not answer in time (slow network?); we will try again."
        ),
        E.SYNC_TLS: QCoreApplication.translate(
            "ErrorText",
            "The server's security certificate is not accepted: check the address in the "
            "settings (or the network intercepts the connection).",
        ),
        E.SYNC_UNEXPECTED: QCoreApplication.translate(
            "ErrorText",
            "The server gave an unexpected answer: check the address in the settings (is it "
            "a survey server?).",
        ),
        E.SYNC_NOT_RENDERED: QCoreApplication.translate(
            "ErrorText",
            "An interview could not be prepared for sending (is its form missing?); it stays "
            "to send.",
        ),
        E.SYNC_CANCELLED: QCoreApplication.translate(
            "ErrorText", "Sending was stopped; what was not sent stays to send."
        ),
        E.SYNC_ALREADY_RUNNING: QCoreApplication.translate(
            "ErrorText", "Sending is already running."
        ),
        E.SYNC_NO_PASSWORD: QCoreApplication.translate(
            "ErrorText", "The server password is needed: type it in the settings."
        ),
        E.SYNC_DOWNLOAD_FAILED: QCoreApplication.translate(
            "ErrorText",
            "A submission on the server could not be read (its form is unknown or its content "
            "is damaged).",
        ),
        E.SERVER_REFUSED: QCoreApplication.translate(
            "ErrorText", "The server refused the request."
        ),
        E.SERVER_TOO_LARGE: QCoreApplication.translate(
            "ErrorText", "The request is larger than the server accepts."
        ),
        E.BATCH_PROTECTED: QCoreApplication.translate(
            "ErrorText",
            "This batch is protected for the coordinator's key: open it with the private key "
            "(Coordination → Encryption…).",
        ),
        E.KEY_INVALID: QCoreApplication.translate(
            "ErrorText", "This is not a usable encryption key: check the file or the text."
        ),
        E.KEY_PASSPHRASE_WRONG: QCoreApplication.translate(
            "ErrorText", "The passphrase of the private key is wrong; nothing was changed."
        ),
        E.KEY_NOT_FOUND: QCoreApplication.translate(
            "ErrorText", "The private key was not found (file or keychain); nothing was changed."
        ),
        E.DECRYPT_WRONG_KEY: QCoreApplication.translate(
            "ErrorText",
            "This private key does not open these interviews (it is not their form's key); "
            "nothing was changed.",
        ),
        E.DECRYPT_DAMAGED: QCoreApplication.translate(
            "ErrorText",
            "An encrypted interview is damaged and cannot be opened; nothing was changed.",
        ),
        E.ENCRYPTED_READ_ONLY: QCoreApplication.translate(
            "ErrorText",
            "This interview was encrypted when it was finalized: it can no longer be opened or "
            "edited on this computer.",
        ),
        # results and the report
        E.RESULTS_UNKNOWN_QUESTION: QCoreApplication.translate(
            "ErrorText", "This question is not in the form: choose another one."
        ),
        E.RESULTS_UNKNOWN_VALUE: QCoreApplication.translate(
            "ErrorText", "This answer is not one of the question's choices: choose another one."
        ),
        E.RESULTS_EMPTY: QCoreApplication.translate(
            "ErrorText", "No interview matches: widen the filters."
        ),
        E.RESULTS_CHOOSE_FORM: QCoreApplication.translate(
            "ErrorText", "There are interviews of several forms: choose one."
        ),
        E.RESULTS_PERSONAL: QCoreApplication.translate(
            "ErrorText", "This question holds personal data: its answers are never shown."
        ),
        E.RESULTS_PLAN_INVALID: QCoreApplication.translate(
            "ErrorText", "The report plan or the theme cannot be used as it is: correct it."
        ),
        E.RESULTS_BANDS_INVALID: QCoreApplication.translate(
            "ErrorText",
            "The band edges must be numbers, each larger than the one before (as 15 ; 30 ; 45).",
        ),
        E.RESULTS_REFERENCE_INVALID: QCoreApplication.translate(
            "ErrorText",
            "These reference figures cannot be kept: each share between 0 and 100, a total "
            "close to 100, the question's own answers or bands.",
        ),
    }


def error_sentence(code: ErrorCode | None) -> str:
    """The sentence of ``code`` in the app's language; "" for None (nothing went wrong)."""
    if code is None:
        return ""
    table = sentences()
    return table.get(code) or table[ErrorCode.INTERNAL]


def exception_sentence(exc: BaseException) -> str:
    """The sentence for any exception: its code's (a full disk says so; anything else that is
    not a SurveyorError is INTERNAL)."""
    return error_sentence(code_of(exc))
