"""The store encrypted at rest, in the app: the passphrase asked at start-up, and the dialog
that turns the protection on (docs/privacy.md)."""

from __future__ import annotations

from surveyor.ui import banner
from surveyor.ui.qt import QButtonGroup
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QFormLayout
from surveyor.ui.qt import QLabel
from surveyor.ui.qt import QRadioButton
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.widgets import add_row
from surveyor.ui.widgets import password_field
from surveyor.ui.widgets import scrolled_body

MIN_PASSPHRASE = 8  # as surveyor.store.protection (the core is not loaded at start-up)


def _fit(dialog: QDialog, parent, width: int) -> None:
    """At most ``width`` wide, and never taller or wider than the window it opens over."""
    if parent is None:
        return
    hint = dialog.sizeHint()
    wide = min(max(width, hint.width()), parent.width() - 24)
    layout = dialog.layout()
    high = layout.totalHeightForWidth(wide) if layout.hasHeightForWidth() else -1
    dialog.resize(wide, min(max(high, hint.height()), parent.height() - 24))


def _role(label: QLabel, role: str) -> None:
    """The style sheet's banner colours (``role``: error, notice, info)."""
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


class PassphraseDialog(QDialog):
    """Asks the passphrase of the protected store at start-up: Open, or Quit."""

    def __init__(self, parent=None, *, wrong: bool = False):
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Protected data"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The data on this computer is protected by a passphrase. Type it to open Surveyor."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase = password_field(self.tr("Passphrase of the data"))
        add_row(form, self.tr("&Passphrase"), self.passphrase)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        banner.pad(self.message)
        layout.addWidget(self.message)
        if wrong:
            self.say_wrong()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.open_button = buttons.button(QDialogButtonBox.Ok)
        self.open_button.setText(self.tr("Open"))
        self.quit_button = buttons.button(QDialogButtonBox.Cancel)
        self.quit_button.setText(self.tr("Quit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def showEvent(self, event):
        super().showEvent(event)
        _fit(self, self.parentWidget(), 480)  # measured with the style's fonts, once shown

    def say_wrong(self) -> None:
        self.message.setText(self.tr("Wrong passphrase. Try again."))
        _role(self.message, "error")
        if self.isVisible():
            _fit(self, self.parentWidget(), 480)

    def text(self) -> str:
        return self.passphrase.text()


class ProtectDialog(QDialog):
    """Turns the protection on: the key in the keychain, or a passphrase (typed twice), with
    what a lost passphrase means."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("protectDialog")
        self.setWindowTitle(self.tr("Protect the data of this computer"))
        outer = QVBoxLayout(self)
        # the text scrolls on a small screen or with the largest text; the buttons stay
        layout = scrolled_body(outer)
        intro = QLabel(
            self.tr(
                "The interviews on this computer, drafts included, and their backups will be "
                "encrypted: a lost or stolen laptop shows nothing of them. Surveyor opens them "
                "as before once unlocked."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        where = QLabel(self.tr("Where the key is kept:"))
        where.setWordWrap(True)
        layout.addWidget(where)
        self.keychain_choice = QRadioButton(self.tr("This computer’s &keychain"))
        self.keychain_choice.setToolTip(self.tr("Nothing to type at each start."))
        self.passphrase_choice = QRadioButton(self.tr("A &passphrase, asked at each start"))
        self.keychain_choice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.keychain_choice)
        group.addButton(self.passphrase_choice)
        layout.addWidget(self.keychain_choice)
        layout.addWidget(self.passphrase_choice)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.passphrase = password_field(self.tr("New passphrase of the data"))
        self.confirm = password_field(self.tr("The same passphrase again"))
        label = add_row(form, self.tr("Pass&phrase (8 characters or more)"), self.passphrase)
        label.setWordWrap(True)
        add_row(form, self.tr("&Again"), self.confirm)
        layout.addLayout(form)
        warning = QLabel(
            self.tr(
                "If the passphrase is lost (or the keychain, with a new computer or a new "
                "user account), nobody can open this data again: there is no way back. The "
                "interviews already handed in are safe at the coordinator. Write the "
                "passphrase down somewhere safe, away from the laptop."
            )
        )
        warning.setObjectName("lossWarning")
        warning.setWordWrap(True)
        _role(warning, "error")
        layout.addWidget(warning)
        layout.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.protect_button = buttons.button(QDialogButtonBox.Ok)
        self.protect_button.setText(self.tr("Protect"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.keychain_choice.toggled.connect(self._update)
        self._update()

    def showEvent(self, event):
        super().showEvent(event)
        _fit(self, self.parentWidget(), 600)  # measured with the style's fonts, once shown

    def _update(self) -> None:
        asked = self.passphrase_choice.isChecked()
        self.passphrase.setEnabled(asked)
        self.confirm.setEnabled(asked)

    @property
    def keychain(self) -> bool:
        return self.keychain_choice.isChecked()

    def chosen_passphrase(self) -> str | None:
        return None if self.keychain else self.passphrase.text()

    def try_accept(self) -> None:
        if not self.keychain:
            if len(self.passphrase.text()) < MIN_PASSPHRASE:
                self.message.setText(
                    self.tr("The passphrase must have at least {0} characters.").format(
                        MIN_PASSPHRASE
                    )
                )
                return
            if self.passphrase.text() != self.confirm.text():
                self.message.setText(self.tr("The two passphrases differ."))
                return
        self.accept()
