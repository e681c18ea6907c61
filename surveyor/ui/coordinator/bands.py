"""The bands of a number question where it groups: its edges, set by the coordinator and kept
for the campaign (Workspace.set_bands); "Automatic" goes back to the default bands."""

from __future__ import annotations

from collections.abc import Callable

from surveyor.errors import ResultsError
from surveyor.results.bands import parse_edges
from surveyor.results.bands import split_edges
from surveyor.ui.errors import exception_sentence
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QLineEdit
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import ok_cancel


def edges_text(edges) -> str:
    """Edges as the app's language writes numbers, separated by semicolons."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.OmitGroupSeparator)  # "1 000" would read as two edges
    return " ; ".join(
        locale.toString(int(e)) if float(e).is_integer() else locale.toString(float(e), "g", 6)
        for e in edges
    )


class BandsDialog(QDialog):
    """The edges of one number question's bands; saved when OK is pressed (the dialog stays
    open with the reason when they are refused)."""

    def __init__(self, parent, form_id: str, name: str, label: str, edges, saved: Callable):
        super().__init__(parent)
        self.setObjectName("bandsDialog")
        self.form_id, self.name, self.saved = form_id, name, saved
        self.setWindowTitle(self.tr("Bands of “{0}”").format(label))
        layout = QVBoxLayout(self)
        layout.addWidget(
            make_label(
                self.tr(
                    "Where this number groups the figures, it is cut into bands at these "
                    "edges, separated by semicolons. A value on an edge goes to the band that "
                    "starts there; 15 ; 30 ; 45 gives under 15, 15–29, 30–44, 45 and over."
                )
            )
        )
        self.edit = QLineEdit(edges_text(edges))
        self.edit.setObjectName("bandEdges")
        self.edit.setAccessibleName(self.tr("Band edges"))
        layout.addWidget(self.edit)
        self.error = make_label(role="error", name="bandsError")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = ok_cancel(self, self.tr("Save the bands"), self.tr("Cancel"))
        self.automatic = buttons.addButton(self.tr("Automatic bands"), QDialogButtonBox.ResetRole)
        self.automatic.clicked.connect(lambda: self.save(None))
        layout.addWidget(buttons)
        self.setFixedWidth(460)  # one width: the wrapped text's height follows it

    def accept(self) -> None:
        try:
            edges = parse_edges(split_edges(self.edit.text()), name=self.name)
        except ResultsError as exc:
            self.show_error(exc)
            return
        self.save(edges)

    def save(self, edges) -> None:
        form_id, name = self.form_id, self.name
        DbOp(self, lambda ws: ws.set_bands(name, edges, form_id)).success(self._saved).failure(
            self.show_error
        ).run()

    def _saved(self, _changes) -> None:
        super().accept()
        self.saved()

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(exception_sentence(exc))
        self.error.show()
        self.adjustSize()  # room for the sentence


def ask_bands(
    parent, form_id: str, name: str, label: str, saved: Callable, failed: Callable
) -> None:
    """Open the bands dialog of ``name`` with its current edges (read on the database
    thread; ``failed(exc)`` if they cannot be); ``saved()`` once new edges are kept."""

    def opened(edges) -> None:
        parent.bands_dialog = BandsDialog(parent, form_id, name, label, edges, saved)
        parent.bands_dialog.open()

    DbOp(parent, lambda ws: ws.band_edges(name, form_id)).success(opened).failure(failed).run()
