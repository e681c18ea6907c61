"""What a form lacks or gets wrong, said in the app's language.

The core describes unsupported features (:class:`~surveyor.forms.model.Unsupported`) and
problems (:class:`~surveyor.forms.loader.FormProblem`) as structured values; their English
``str()`` is for the CLI. Here each is said with a translated sentence frame; only the
words of the form itself (names, types, appearances) stay as written.
"""

from __future__ import annotations

from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QListWidget
from surveyor.ui.qt import QListWidgetItem
from surveyor.ui.qt import QVBoxLayout


def where_text(what: str, name: str, row: int | None) -> str:
    """``question « age » (row 4)`` in the app's language."""
    if what == "group":
        text = QCoreApplication.translate("FormText", "group “{0}”").format(name)
    elif what == "repeat":
        text = QCoreApplication.translate("FormText", "repeat “{0}”").format(name)
    elif what in ("question", "field"):
        text = QCoreApplication.translate("FormText", "question “{0}”").format(name)
    elif name:
        text = QCoreApplication.translate("FormText", "“{0}”").format(name)
    else:
        text = ""
    if row:
        row_text = QCoreApplication.translate("FormText", "row {0}").format(row)
        text = f"{text} ({row_text})" if text else row_text
    return text


def unsupported_text(feature) -> str:
    """One unsupported feature of a form, as a sentence in the app's language."""
    where = where_text(feature.what, feature.name, feature.row)
    detail = feature.detail
    kind = feature.feature
    if kind == "entities":
        return QCoreApplication.translate(
            "FormText", "The form creates or updates entities (entities sheet)."
        )
    if kind == "osm":
        return QCoreApplication.translate(
            "FormText", "The form uses OpenStreetMap tags (osm sheet)."
        )
    if kind == "external_choices":
        return QCoreApplication.translate(
            "FormText", "The form uses external choices (external_choices sheet)."
        )
    if kind == "form_type":
        return QCoreApplication.translate("FormText", "The form uses “{0}”.").format(detail)
    if kind == "control":
        return QCoreApplication.translate(
            "FormText", "The form uses the XForm control “{0}”."
        ).format(detail)
    if kind == "setgeopoint":
        return QCoreApplication.translate(
            "FormText", "{0}: a location recorded when the answer changes."
        ).format(where)
    if kind == "type":
        return QCoreApplication.translate("FormText", "{0}: the question type “{1}”.").format(
            where, detail
        )
    if kind == "search":
        return QCoreApplication.translate("FormText", "{0}: the search() appearance.").format(where)
    if kind == "appearance":
        return QCoreApplication.translate("FormText", "{0}: the appearance “{1}”.").format(
            where, detail
        )
    if kind == "attribute":
        return QCoreApplication.translate("FormText", "{0}: the parameter “{1}”.").format(
            where, detail
        )
    if kind == "randomize":
        return QCoreApplication.translate(
            "FormText", "{0}: choices in random order (randomize)."
        ).format(where)
    if kind == "last_saved":
        return QCoreApplication.translate(
            "FormText", "{0}: the previous interview's answer (last-saved#{1})."
        ).format(where, detail)
    return QCoreApplication.translate("FormText", "{0}: “{1}”.").format(where, str(feature))


def unsupported_summary(count: int) -> str:
    """One sentence with the count, for the message bar and the form card."""
    return QCoreApplication.translate(
        "FormText",
        "This form uses %n feature(s) that Surveyor does not handle yet; the questions "
        "concerned may not work as planned.",
        "",
        count,
    )


class ListDialog(QDialog):
    """A title, one sentence and a list of lines that wrap (details one click away)."""

    def __init__(self, title: str, intro: str, lines: list[str], parent=None):
        super().__init__(parent)
        self.setObjectName("listDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setObjectName("detailList")
        for line in lines:
            QListWidgetItem(line, self.list)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(
            QCoreApplication.translate("FormText", "Close")
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]


def unsupported_dialog(title: str, features, parent=None) -> ListDialog:
    return ListDialog(
        QCoreApplication.translate("FormText", "Features not handled yet: {0}").format(title),
        unsupported_summary(len(features)),
        [unsupported_text(f) for f in features],
        parent,
    )


def _problem_sentence(problem) -> str:
    """The sentence of one problem, without its place."""
    code, args = problem.code, problem.args
    arg = (list(args) + ["", ""])[:2]
    if code == "empty":
        return QCoreApplication.translate("FormText", "the file is empty: it is not a form.")
    if code == "not_a_form":
        return QCoreApplication.translate(
            "FormText", "this file is not a form (not a spreadsheet, Markdown or CSV file)."
        )
    if code == "html_page":
        return QCoreApplication.translate(
            "FormText",
            "this file is a web page (HTML) saved with a {0} name: open it in a spreadsheet "
            "program and save it as an Excel workbook (.xlsx).",
        ).format(arg[0])
    if code == "xml_spreadsheet":
        return QCoreApplication.translate(
            "FormText",
            "this file is an XML Spreadsheet 2003: open it in a spreadsheet program and save it "
            "as an Excel workbook (.xlsx).",
        )
    if code == "unreadable":
        return QCoreApplication.translate("FormText", "the file cannot be read ({0}).").format(
            arg[0]
        )
    if code == "damaged":
        return QCoreApplication.translate(
            "FormText", "the file is damaged or is not a real .{0} file."
        ).format(arg[0])
    if code == "no_survey":
        return QCoreApplication.translate("FormText", "the workbook has no “survey” sheet.")
    if code == "too_big":
        return QCoreApplication.translate(
            "FormText",
            "the file would take far too much space once uncompressed: it was refused for safety.",
        )
    if code == "unknown_type":
        return QCoreApplication.translate(
            "FormText", "the question type “{0}” does not exist."
        ).format(arg[0])
    if code == "missing_choice_list":
        return QCoreApplication.translate(
            "FormText", "the list of choices “{0}” is not in the choices sheet."
        ).format(arg[0])
    if code == "unknown_reference":
        return QCoreApplication.translate(
            "FormText", "column {0}: ${{{1}}} names no question of the form."
        ).format(*arg)
    if code == "syntax":
        return QCoreApplication.translate(
            "FormText", "column {0}: the expression {1} is not written correctly."
        ).format(*arg)
    if code == "unknown_function":
        return QCoreApplication.translate(
            "FormText", "column {0}: the function {1}() does not exist."
        ).format(*arg)
    if code == "missing_reference":
        return QCoreApplication.translate("FormText", "column {0}: {1} is not in the form.").format(
            *arg
        )
    if code == "note_constraint":
        return QCoreApplication.translate("FormText", "a note's constraint is never checked.")
    if code == "last_saved":
        return QCoreApplication.translate(
            "FormText", "column {0}: ${{last-saved#{1}}} is not supported (it reads as empty)."
        ).format(*arg)
    if code == "cycle":
        return QCoreApplication.translate(
            "FormText",
            "these calculations and conditions depend on each other in a ring: {0}.",
        ).format(", ".join(args))
    if code == "unsupported" and problem.unsupported is not None:
        return unsupported_text(problem.unsupported)
    return QCoreApplication.translate("FormText", "{0} (said by pyxform, in English)").format(
        problem.message
    )


def problem_text(problem) -> str:
    """One problem of a form (a FormProblem), with its place, in the app's language."""
    sentence = _problem_sentence(problem)
    if problem.code == "unsupported":
        sentence = QCoreApplication.translate("FormText", "Not handled yet: {0}").format(sentence)
    if problem.warning:
        sentence = QCoreApplication.translate("FormText", "Warning: {0}").format(sentence)
    if problem.row:
        return QCoreApplication.translate("FormText", "Sheet “{0}”, row {1}: {2}").format(
            problem.sheet, problem.row, sentence
        )
    if problem.sheet:
        return QCoreApplication.translate("FormText", "Sheet “{0}”: {1}").format(
            problem.sheet, sentence
        )
    return sentence[:1].upper() + sentence[1:]


def broken_summary(file_name: str, problems) -> str:
    """One sentence for a form that could not be opened: its only problem, or the count."""
    if len(problems) == 1:
        return QCoreApplication.translate(
            "FormText", "This form could not be opened: “{0}”: {1}"
        ).format(file_name, problem_text(problems[0]))
    return QCoreApplication.translate(
        "FormText",
        "This form could not be opened: “{0}” has %n problem(s) to correct (the coordinator "
        "can correct them).",
        "",
        len(problems),
    ).format(file_name)


def problems_dialog(file_name: str, problems, parent=None) -> ListDialog:
    return ListDialog(
        QCoreApplication.translate("FormText", "Problems of the form: {0}").format(file_name),
        QCoreApplication.translate(
            "FormText", "Correct these in the form file, then open it again:"
        ),
        [problem_text(p) for p in problems],
        parent,
    )
