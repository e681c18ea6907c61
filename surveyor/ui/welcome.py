"""First start: who is interviewing, which laptop this is, and the forms that come with it."""

from __future__ import annotations

from pathlib import Path

from surveyor.ui.language import FollowsLanguage
from surveyor.ui.qt import QCheckBox
from surveyor.ui.qt import QComboBox
from surveyor.ui.qt import QFormLayout
from surveyor.ui.qt import QFrame
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QLineEdit
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.qt import Signal
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import set_texts


def pretty_file_name(path: Path) -> str:
    """``enquete_habitants.xlsx`` -> ``enquete habitants`` (until the form's title is known)."""
    return path.stem.replace("_", " ").replace("-", " ")


class WelcomePage(FollowsLanguage, QWidget):
    """A short welcome; ``finished`` carries (name, laptop label, chosen bundled file names)."""

    finished = Signal(str, str, list)
    language_chosen = Signal(str)

    def __init__(
        self, bundled: list[Path], *, name: str = "", laptop: str = "", language="", parent=None
    ):
        super().__init__(parent)
        self.setObjectName("welcome")
        self.bundled = list(bundled)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        panel = QFrame()
        panel.setObjectName("welcomePanel")
        panel.setMaximumWidth(720)
        row.addWidget(panel, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

        layout = QVBoxLayout(panel)
        layout.setSpacing(10)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setProperty("role", "title")
        top.addWidget(self.title, 1)
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        index = self.language.findData(language)
        self.language.setCurrentIndex(max(0, index))
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData())
        )
        top.addWidget(self.language, 0, Qt.AlignTop)
        layout.addLayout(top)
        self.intro = make_label(into=layout)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.name_edit = QLineEdit(name)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.laptop_edit = QLineEdit(laptop)
        self.laptop_label = QLabel()
        self.laptop_label.setBuddy(self.laptop_edit)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.laptop_label, self.laptop_edit)
        layout.addLayout(form)
        # Said under the fields when one is left empty: both identify the interviewer in the
        # batches and the coordinator's tables, so neither may be blank.
        self.missing = make_label(role="error", name="welcomeMissing")
        self.missing.hide()
        layout.addWidget(self.missing)
        self.laptop_hint = make_label(role="hint", into=layout)

        self.forms_label = make_label(into=layout)
        self.form_boxes: list[QCheckBox] = []
        for path in self.bundled:
            box = QCheckBox(pretty_file_name(path))
            box.setChecked(True)
            box.setProperty("file_name", path.name)
            self.form_boxes.append(box)
            layout.addWidget(box)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start_button = QPushButton()
        self.start_button.setProperty("primary", True)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.finish)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)
        self.name_edit.returnPressed.connect(self._name_entered)
        self.laptop_edit.returnPressed.connect(self.finish)
        self.retranslate()

    def showEvent(self, event):
        super().showEvent(event)
        self.name_edit.setFocus()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Surveyor"))
        self.language.setAccessibleName(self.tr("Language"))
        self.intro.setText(
            self.tr(
                "Surveyor helps you fill in door-to-door survey interviews. Everything you "
                "type is saved at once, on this laptop: nothing is lost if you close the "
                "window."
            )
        )
        self.name_label.setText(self.tr("Your &name"))
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setPlaceholderText(self.tr("For example: Marie Dupont"))
        self.laptop_label.setText(self.tr("Name of this &laptop"))
        self.laptop_edit.setAccessibleName(self.tr("Name of this laptop"))
        self.laptop_edit.setPlaceholderText(self.tr("For example: Laptop 3"))
        self.laptop_hint.setText(
            self.tr("This name tells the coordinator which laptop the interviews come from.")
        )
        if self.bundled:
            self.forms_label.setText(
                self.tr("These forms come with Surveyor. Keep the ones you need:")
            )
        else:
            self.forms_label.setText(
                self.tr("You can add the form file the coordinator sent you from the home screen.")
            )
        set_texts(self.start_button, self.tr("Start"), self.tr("Start using Surveyor"))

    def set_form_title(self, file_name: str, title: str) -> None:
        """Show a bundled form's own title once it is loaded."""
        for box in self.form_boxes:
            if box.property("file_name") == file_name and title:
                box.setText(title)
                box.setAccessibleName(title)

    def _name_entered(self) -> None:
        if self.name_edit.text().strip():
            self.laptop_edit.setFocus()
        else:
            self._say_missing()

    def _say_missing(self) -> bool:
        """Point at the first empty field; True when one was."""
        name = self.name_edit.text().strip()
        laptop = self.laptop_edit.text().strip()
        if name and laptop:
            self.missing.hide()
            return False
        if not name and not laptop:
            self.missing.setText(self.tr("Please type your name and a name for this laptop."))
        elif not name:
            self.missing.setText(self.tr("Please type your name."))
        else:
            self.missing.setText(self.tr("Please type a name for this laptop."))
        self.missing.show()
        field = self.name_edit if not name else self.laptop_edit
        field.setFocus()
        return True

    def finish(self) -> None:
        if self._say_missing():
            return
        chosen = [b.property("file_name") for b in self.form_boxes if b.isChecked()]
        self.finished.emit(self.name_edit.text().strip(), self.laptop_edit.text().strip(), chosen)
