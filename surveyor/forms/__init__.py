"""Forms: load XLSForms and XForms into the form model, and check them."""

from surveyor.forms.loader import FormProblem, detect_format, load_form, load_form_bytes
from surveyor.forms.model import Bind, Choice, Form, FormNode, Itemset, Kind, SetValue, Unsupported
from surveyor.forms.xform import load_xform

__all__ = [
    "Bind",
    "Choice",
    "Form",
    "FormNode",
    "Itemset",
    "Kind",
    "FormProblem",
    "SetValue",
    "Unsupported",
    "detect_format",
    "load_form",
    "load_form_bytes",
    "load_xform",
]
