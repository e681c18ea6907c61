"""Exceptions of the core, each carrying where and why.

The CLI and the UI turn them into one clear sentence for the person; the core never prints.
"""

from __future__ import annotations


class SurveyorError(Exception):
    """Base class of every error the core raises on purpose."""


class FormError(SurveyorError):
    """A form cannot be loaded or is not valid.

    ``problems`` lists every problem found, each with its place (file, sheet, row).
    """

    def __init__(self, message: str, *, problems: list | None = None):
        super().__init__(message)
        self.problems = list(problems or [])


class ExpressionError(SurveyorError):
    """An expression cannot be parsed or evaluated."""

    def __init__(self, message: str, *, expression: str = "", position: int | None = None):
        super().__init__(message)
        self.expression = expression
        self.position = position


class ExpressionTimeout(ExpressionError):
    """An expression ran past its time bound (a ``regex()`` pattern that backtracks without end)."""


class LimitError(SurveyorError):
    """An interview would pass one of Surveyor's documented limits (docs/RELIABILITY.md)."""


class StoreError(SurveyorError):
    """The local database cannot be opened, migrated or written."""


class DiskFullError(StoreError):
    """The disk (SQLITE_FULL, ENOSPC) is full: nothing was changed; free some space."""


class ValidationError(SurveyorError):
    """An interview does not satisfy its form's required answers or constraints."""

    def __init__(self, message: str, *, problems: list | None = None):
        super().__init__(message)
        self.problems = list(problems or [])
