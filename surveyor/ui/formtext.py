"""What a form lacks or gets wrong, said in the app's language.

The core describes unsupported features (:class:`~surveyor.forms.model.Unsupported`) and
problems (:class:`~surveyor.forms.loader.FormProblem`) as structured values; their English
``str()`` is for the CLI. Here each is said with a translated sentence frame; only the
words of the form itself (names, types, appearances) stay as written.
"""

from __future__ import annotations

from surveyor.ui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)


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
