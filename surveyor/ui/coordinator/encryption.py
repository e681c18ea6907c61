"""Encrypted forms, for the coordinator without a terminal: make a key pair, save the private
key with a passphrase, show (and save to print) a recovery copy, put the public key into a
form, and open the encrypted interviews received with the private key."""

from __future__ import annotations

from pathlib import Path

from surveyor.errors import SurveyorError
from surveyor.ui import banner
from surveyor.ui.errors import exception_sentence
from surveyor.ui.operations import DbOp
from surveyor.ui.qt import QApplication
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QFont
from surveyor.ui.qt import QFormLayout
from surveyor.ui.qt import QGroupBox
from surveyor.ui.qt import QPlainTextEdit
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import QTextOption
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.widgets import add_row
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import password_field
from surveyor.ui.widgets import scrolled_body


class EncryptionDialog(QDialog):
    """The key pair of encrypted forms, and opening what was received encrypted."""

    def __init__(self, parent=None, *, waiting: int = 0):
        super().__init__(parent)
        self.setObjectName("encryptionDialog")
        self.setWindowTitle(self.tr("Encryption of the interviews"))
        self.setMinimumWidth(640)
        self.key = None  # the private key made here (RSAPrivateKey), until the dialog closes
        self.saved_to: Path | None = None
        outer = QVBoxLayout(self)
        # the sections scroll on a small screen (1024×600); the message and Close stay visible
        layout = scrolled_body(outer, "encryptionScroll")

        make_label(
            self.tr(
                "With a public key in a form, each interview is encrypted on the laptop as "
                "soon as it is finalized: only the private key opens it. Keep the private key "
                "and its passphrase safe: if both are lost, nobody can read the interviews."
            ),
            into=layout,
        )

        # 1. the key pair
        make_box = QGroupBox(self.tr("1. A new key pair"))
        make = QVBoxLayout(make_box)
        fields = QFormLayout()
        self.passphrase = password_field(self.tr("Passphrase of the private key"))
        self.confirm = password_field(self.tr("The same passphrase again"))
        add_row(fields, self.tr("&Passphrase (8 characters or more)"), self.passphrase)
        add_row(fields, self.tr("&Again"), self.confirm)
        make.addLayout(fields)
        self.make_button = QPushButton(self.tr("&Make the key pair and save the private key…"))
        self.make_button.setObjectName("makeKeyButton")
        self.make_button.clicked.connect(self.make_and_save)
        make.addWidget(self.make_button)
        layout.addWidget(make_box)

        # 2. the public key and the recovery copy
        public_box = QGroupBox(self.tr("2. The public key, and a recovery copy"))
        public = QVBoxLayout(public_box)
        self.public_text = QPlainTextEdit()
        self.public_text.setObjectName("publicKeyText")
        self.public_text.setReadOnly(True)
        self.public_text.setAccessibleName(self.tr("Public key"))
        self.public_text.setFont(QFont("monospace"))
        self.public_text.setMaximumHeight(64)
        self.public_text.setWordWrapMode(QTextOption.WrapAnywhere)  # base64: no spaces
        public.addWidget(self.public_text)
        row = QVBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy the public key"))
        self.copy_button.clicked.connect(self.copy_public_key)
        self.recovery_button = QPushButton(self.tr("Save a &recovery copy to print…"))
        self.recovery_button.setObjectName("recoveryButton")
        self.recovery_button.clicked.connect(self.save_recovery_copy)
        self.form_button = QPushButton(self.tr("Put it into a &form…"))
        self.form_button.setObjectName("addToFormButton")
        self.form_button.clicked.connect(self.add_to_form)
        for button in (self.copy_button, self.recovery_button, self.form_button):
            button.setEnabled(False)
            row.addWidget(button)
        public.addLayout(row)
        layout.addWidget(public_box)

        # 3. opening the interviews received encrypted
        open_box = QGroupBox(self.tr("3. Open the encrypted interviews received"))
        opening = QVBoxLayout(open_box)
        self.waiting_label = make_label(into=opening)
        key_row = QFormLayout()
        self.key_passphrase = password_field(self.tr("Passphrase of the private key file"))
        add_row(key_row, self.tr("Passphrase of the key fi&le"), self.key_passphrase)
        opening.addLayout(key_row)
        self.open_button = QPushButton(self.tr("Choose the private &key and open them…"))
        self.open_button.setObjectName("openEncryptedButton")
        self.open_button.clicked.connect(self.open_received)
        opening.addWidget(self.open_button)
        layout.addWidget(open_box)
        self.set_waiting(waiting)

        self.message = banner.message_label(hidden=False)
        outer.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._fit(layout.parentWidget())  # the scrolled body

    def _fit(self, body: QWidget) -> None:
        """As tall as its content, within the screen (or the window) it opens over."""
        available = self.screen().availableGeometry().height() if self.screen() else 800
        parent = self.parentWidget()
        if parent is not None and parent.window().height() > 200:
            available = min(available, parent.window().height() - 24)
        wanted = body.sizeHint().height() + 140
        self.resize(max(self.minimumWidth(), 640), min(wanted, available))

    # --- helpers -------------------------------------------------------------------------

    def show_message(self, text: str, *, error: bool = False) -> None:
        banner.set_role(self.message, "error" if error else "info")
        self.message.setText(text)

    def set_waiting(self, count: int) -> None:
        self.waiting_label.setText(
            self.tr("%n interview(s) received encrypted wait for their private key.", "", count)
            if count
            else self.tr("No encrypted interview waits to be opened.")
        )

    def _save_path(self, path: str | None, title: str, name: str, filters: str) -> str:
        """``path`` when given (tests), else the file the person chooses ("" if none)."""
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), filters)
        return path

    def _open_path(self, path: str | None, title: str, filters: str) -> str:
        """``path`` when given (tests), else the file the person chooses ("" if none)."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), filters)
        return path

    def _failed(self, exc: BaseException) -> None:
        self.show_message(exception_sentence(exc) + f" ({exc})", error=True)

    # --- actions -------------------------------------------------------------------------

    def make_and_save(self, path: str | None = None) -> bool:
        """Make a key pair and save the private key (``path``: no file dialog, for tests)."""
        # cryptography: loaded when a key is made or read, not with the dialog
        from surveyor.encryption.keys import MIN_PASSPHRASE
        from surveyor.encryption.keys import new_private_key
        from surveyor.encryption.keys import public_text_of
        from surveyor.encryption.keys import save_private_key

        passphrase = self.passphrase.text()
        if len(passphrase) < MIN_PASSPHRASE:
            self.show_message(
                self.tr("The passphrase must have at least {0} characters.").format(MIN_PASSPHRASE),
                error=True,
            )
            return False
        if passphrase != self.confirm.text():
            self.show_message(self.tr("The two passphrases differ."), error=True)
            return False
        path = self._save_path(
            path,
            self.tr("Save the private key"),
            "cle-privee-enquete.pem",
            self.tr("Private key (*.pem)"),
        )
        if not path:
            return False
        key = new_private_key()
        try:
            self.saved_to = save_private_key(key, path, passphrase)
        except (SurveyorError, OSError) as exc:
            self._failed(exc)
            return False
        self.key = key
        self.passphrase.clear()
        self.confirm.clear()
        self.public_text.setPlainText(public_text_of(key))
        for button in (self.copy_button, self.recovery_button, self.form_button):
            button.setEnabled(True)
        self.show_message(
            self.tr(
                "The private key is saved in {0}. Save a recovery copy and keep it apart (a "
                "safe, a locked drawer): with its passphrase it opens every interview."
            ).format(self.saved_to)
        )
        return True

    def copy_public_key(self) -> None:
        QApplication.clipboard().setText(self.public_text.toPlainText())
        self.show_message(self.tr("The public key is copied."))

    def recovery_text(self) -> str:
        """The recovery sheet: what it is, the public key, the protected private key."""
        pem = self.saved_to.read_text("ascii") if self.saved_to else ""
        return "\n".join(
            [
                self.tr("Surveyor — recovery copy of the private key of the encrypted forms"),
                "",
                self.tr(
                    "Keep this sheet apart from the computer. The private key below is "
                    "protected by its passphrase: the sheet alone opens nothing. Without "
                    "the key and its passphrase, the encrypted interviews cannot be read."
                ),
                self.tr(
                    "To use it again: type it into a text file named cle.pem (or scan it), "
                    "then choose it in Coordination → Encryption."
                ),
                "",
                self.tr("Public key (for the forms' public_key setting):"),
                self.public_text.toPlainText(),
                "",
                pem,
            ]
        )

    def save_recovery_copy(self, path: str | None = None) -> Path | None:
        path = self._save_path(
            path,
            self.tr("Save the recovery copy"),
            "copie-de-secours-cle.txt",
            self.tr("Text (*.txt)"),
        )
        if not path:
            return None
        try:
            Path(path).write_text(self.recovery_text(), encoding="utf-8")
        except OSError as exc:
            self._failed(exc)
            return None
        self.show_message(
            self.tr("The recovery copy is in {0}: print it, then delete the file.").format(path)
        )
        return Path(path)

    def add_to_form(self, path: str | None = None) -> bool:
        # cryptography: loaded when a key is made or read, not with the dialog
        from surveyor.encryption.keys import add_public_key_to_xlsform

        path = self._open_path(path, self.tr("Choose the form"), self.tr("XLSForm (*.xlsx)"))
        if not path:
            return False
        try:
            add_public_key_to_xlsform(path, self.public_text.toPlainText())
        except (SurveyorError, OSError) as exc:
            self._failed(exc)
            return False
        self.show_message(
            self.tr(
                "The public key is in {0}: publish or hand out this form again; its "
                "interviews will be encrypted when they are finalized."
            ).format(path)
        )
        return True

    def open_received(self, path: str | None = None) -> None:
        """Choose the private key file, then decrypt and merge what waits (database thread)."""
        # cryptography: loaded when a key is made or read, not with the dialog
        from surveyor.encryption.keys import load_private_key

        path = self._open_path(
            path, self.tr("Choose the private key"), self.tr("Private key (*.pem);;Every file (*)")
        )
        if not path:
            return
        passphrase = self.key_passphrase.text()
        self.key_passphrase.clear()  # typed again at each try, never kept
        try:
            key = load_private_key(path, passphrase)
        except SurveyorError as exc:
            self.show_message(exception_sentence(exc), error=True)
            return
        page = self.parentWidget()
        if page is not None and hasattr(page, "private_key"):
            page.private_key = key  # the next imports open protected batches with it

        def opened(done) -> None:
            report = done.value
            self.set_waiting(report.still_encrypted)
            self.show_message(self.tr("%n interview(s) opened and merged.", "", report.decrypted))

        DbOp(self, lambda ws: ws.decrypt_received(key)).success(opened).failure(
            lambda exc: self.show_message(exception_sentence(exc), error=True)
        ).run()
