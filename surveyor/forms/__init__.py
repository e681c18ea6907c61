"""Forms: load XLSForms and XForms into the form model, and check them."""

from surveyor.forms.loader import FormProblem
from surveyor.forms.loader import detect_format
from surveyor.forms.loader import load_form
from surveyor.forms.loader import load_form_bytes
from surveyor.forms.model import Bind
from surveyor.forms.model import Choice
from surveyor.forms.model import Form
from surveyor.forms.model import FormNode
from surveyor.forms.model import Itemset
from surveyor.forms.model import Kind
from surveyor.forms.model import SetValue
from surveyor.forms.model import Unsupported
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
