"""Every exception class of Surveyor lives in ``surveyor/errors.py`` and is a SurveyorError with
an ErrorCode; a code given where an error is raised wins over its class's default."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import surveyor
from surveyor.errors import BatchError
from surveyor.errors import ErrorCode
from surveyor.errors import StoreError
from surveyor.errors import SurveyorError
from surveyor.errors import code_of


def _exception_classes():
    for info in pkgutil.walk_packages(surveyor.__path__, "surveyor."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__ == module.__name__:
                yield module.__name__, cls


def test_every_exception_class_is_a_surveyor_error_in_the_errors_module():
    found = list(_exception_classes())
    misplaced = [f"{m}.{c.__name__}" for m, c in found if m != "surveyor.errors"]
    assert not misplaced, f"exception classes outside surveyor/errors.py: {misplaced}"
    foreign = [f"{m}.{c.__name__}" for m, c in found if not issubclass(c, SurveyorError)]
    assert not foreign, f"exception classes that are not SurveyorErrors: {foreign}"
    assert len(found) > 20  # the walk saw them


def test_every_surveyor_error_has_a_code():
    for _module, cls in _exception_classes():
        assert isinstance(cls.default_code, ErrorCode), cls


def test_a_code_given_at_the_raise_wins_and_the_class_default_otherwise():
    assert StoreError("x").code is ErrorCode.STORE_FAILED
    assert StoreError("x", code=ErrorCode.STORE_READ_ONLY).code is ErrorCode.STORE_READ_ONLY
    refused = BatchError("a.zip", "why", code=ErrorCode.BATCH_TOO_BIG)
    assert refused.code is ErrorCode.BATCH_TOO_BIG and refused.reason == "why"
    assert code_of(refused) is ErrorCode.BATCH_TOO_BIG
    assert code_of(OSError(28, "No space left on device")) is ErrorCode.DISK_FULL
    assert code_of(ValueError("x")) is ErrorCode.INTERNAL
