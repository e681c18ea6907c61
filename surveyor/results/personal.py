"""Which fields of a form are personal: the definition lives in ``surveyor/privacy/personal.py``
(one function for exports, erasure, retention and results); re-exported here for results."""

from surveyor.privacy.personal import PERSONAL_WORDS
from surveyor.privacy.personal import default_personal
from surveyor.privacy.personal import personal_fields
from surveyor.privacy.personal import xlsform_marks

__all__ = ["PERSONAL_WORDS", "default_personal", "personal_fields", "xlsform_marks"]
