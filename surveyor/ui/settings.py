"""The settings dialog (the settings themselves are :mod:`surveyor.settings`, in the core).

``AppSettings``, ``settings_path`` and the text-size bounds are re-exported here for the
callers that import them from the UI.
"""

from __future__ import annotations

from surveyor.settings import DEFAULT_TEXT_SIZE
from surveyor.settings import LANGUAGES
from surveyor.settings import MAX_TEXT_SIZE
from surveyor.settings import MIN_TEXT_SIZE
from surveyor.settings import SETTINGS_NAME
from surveyor.settings import AppSettings
from surveyor.settings import clamp_text_size
from surveyor.settings import settings_path
from surveyor.sync.config import keychain_available
from surveyor.ui import banner
from surveyor.ui.labels import connection_text
from surveyor.ui.qt import QCheckBox
from surveyor.ui.qt import QComboBox
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QFileDialog
from surveyor.ui.qt import QFormLayout
from surveyor.ui.qt import QHBoxLayout
from surveyor.ui.qt import QLineEdit
from surveyor.ui.qt import QPushButton
from surveyor.ui.qt import QSpinBox
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTabWidget
from surveyor.ui.qt import QVBoxLayout
from surveyor.ui.qt import QWidget
from surveyor.ui.widgets import add_row
from surveyor.ui.widgets import chooser_row
from surveyor.ui.widgets import make_label
from surveyor.ui.widgets import ok_cancel
from surveyor.ui.widgets import password_field

__all__ = [
    "DEFAULT_TEXT_SIZE",
    "LANGUAGES",
    "MAX_TEXT_SIZE",
    "MIN_TEXT_SIZE",
    "SETTINGS_NAME",
    "AppSettings",
    "SettingsDialog",
    "clamp_text_size",
    "settings_path",
]


class SettingsDialog(QDialog):
    """Name, laptop label, language (applies at once) and text size."""

    def __init__(
        self,
        settings: AppSettings,
        parent=None,
        *,
        tasks=None,
        password_known: bool = False,
        keychain: bool | None = None,
    ):
        super().__init__(parent)
        self.tasks = tasks
        self.remembered_password = ""  # the caller's in-memory one, for "Test the connection"
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setModal(True)
        self.setMinimumWidth(620)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setHorizontalSpacing(18)  # labels must not touch their fields
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.name_edit = QLineEdit(settings.interviewer)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.label_edit = QLineEdit(settings.laptop_label)
        self.label_edit.setAccessibleName(self.tr("Name of this laptop"))
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("Same as the computer"), "")
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.size_spin = QSpinBox()
        self.size_spin.setRange(MIN_TEXT_SIZE, MAX_TEXT_SIZE)
        self.size_spin.setValue(settings.text_size)
        self.size_spin.setAccessibleName(self.tr("Text size"))
        self.size_spin.setSuffix(self.tr(" pt"))

        self.name_label = add_row(form, self.tr("Your &name"), self.name_edit)
        self.laptop_label = add_row(form, self.tr("Name of this &laptop"), self.label_edit)
        self.language_label = add_row(form, self.tr("&Language"), self.language_combo)
        self.size_label = add_row(form, self.tr("&Text size"), self.size_spin)

        # Batches: a shared folder to hand in to automatically, and the coordinator's screen.
        self.shared_edit, self.shared_button, shared_row = chooser_row(
            settings.shared_folder,
            self.tr("Shared folder"),
            self.choose_shared_folder,
            self.tr("C&hoose…"),
            self.tr("Choose the shared folder"),
        )
        self.shared_edit.setClearButtonEnabled(True)
        self.shared_edit.setPlaceholderText(self.tr("None"))
        self.shared_label = add_row(
            form, self.tr("Shared &folder"), shared_row, buddy=self.shared_edit
        )
        self.shared_hint = make_label(
            self.tr(
                "Finished interviews are handed in there by themselves (a folder on the "
                "network or a USB key). Leave it empty if there is none."
            ),
            role="hint",
        )
        form.addRow("", self.shared_hint)
        self.coordinator_box = QCheckBox(self.tr("I am a &coordinator"))
        self.coordinator_box.setChecked(settings.coordinator)
        self.coordinator_box.setAccessibleName(self.tr("I am a coordinator"))
        form.addRow("", self.coordinator_box)
        # Two tabs, so the dialog fits a 768-pixel-high screen: the general settings, and
        # sending to a server (opened directly by home's "Open the settings" banner).
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.general_page = QWidget()
        self.general_page.setLayout(form)
        self.tabs.addTab(self.general_page, self.tr("&General"))
        self.server_page = QWidget()
        server_form = QFormLayout(self.server_page)
        server_form.setHorizontalSpacing(18)
        server_form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self._add_server_rows(server_form, settings, password_known, keychain)
        self.tabs.addTab(self.server_page, self.tr("Sending to a &server"))
        layout.addWidget(self.tabs)

        self.hint = make_label(
            self.tr(
                "A new language applies at once. Text size can also be changed at any time "
                "with Ctrl and + or -, and Ctrl and 0 to go back to normal."
            ),
            role="hint",
            into=layout,
        )

        self.buttons = ok_cancel(self, self.tr("Save"), self.tr("Cancel"))
        layout.addWidget(self.buttons)

    def _add_server_rows(
        self, form: QFormLayout, settings: AppSettings, password_known: bool, keychain: bool | None
    ) -> None:
        """Sending to a server: address, account, password, and "Test the connection"."""
        if keychain is None:
            keychain = keychain_available()
        self.keychain = keychain
        self.test_kind = ""
        self.server_title = make_label(
            self.tr(
                "Finished interviews are sent to this server by themselves, whenever the "
                "network allows. Leave the address empty if there is none."
            ),
            role="hint",
        )
        form.addRow(self.server_title)
        self.server_edit = QLineEdit(settings.server_url)
        self.server_edit.setObjectName("serverUrl")
        self.server_edit.setClearButtonEnabled(True)
        self.server_edit.setPlaceholderText(self.tr("https://… (leave empty if there is none)"))
        self.server_edit.setAccessibleName(self.tr("Server address"))
        self.server_label = add_row(form, self.tr("Server &address"), self.server_edit)
        self.user_edit = QLineEdit(settings.server_user)
        self.user_edit.setObjectName("serverUser")
        self.user_edit.setAccessibleName(self.tr("Account name on the server"))
        self.user_label = add_row(form, self.tr("Acco&unt name"), self.user_edit)
        self.password_edit = password_field(
            self.tr("Password on the server"), object_name="serverPassword"
        )
        if password_known:
            self.password_edit.setPlaceholderText(self.tr("Unchanged (leave empty to keep it)"))
        self.password_label = add_row(form, self.tr("Pass&word"), self.password_edit)
        self.keychain_hint = make_label(
            self.tr("No system keychain: the password will be asked for at each sending."),
            role="hint",
            name="keychainHint",
        )
        self.keychain_hint.setVisible(not keychain)
        self.keychain_hint.setMinimumWidth(360)
        form.addRow("", self.keychain_hint)
        self.test_button = QPushButton(self.tr("Test the &connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.setAccessibleName(self.tr("Test the connection to the server"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = make_label(name="connectionResult")
        self.test_result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.test_result.setMinimumWidth(360)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow("", test_row)
        form.addRow("", self.test_result)

    def server_password(self) -> str:
        return self.password_edit.text()

    def test_connection(self) -> None:
        """``HEAD /submission`` with the account typed here, on the network pool."""
        # On first use, for start-up (measured: see the top of surveyor/ui/sync.py).
        from surveyor.sync.passes import check_connection

        url = self.server_edit.text().strip()
        user = self.user_edit.text().strip()
        password = self.password_edit.text() or self.remembered_password or None
        self.test_result.setProperty("role", "hint")
        self.test_result.setText(self.tr("Testing…"))
        self.test_button.setEnabled(False)

        def done(kind: str) -> None:
            try:
                show(kind)
            except RuntimeError:  # the dialog was closed before the answer came
                pass

        def show(kind: str) -> None:
            self.test_button.setEnabled(True)
            self.test_kind = kind
            banner.set_role(self.test_result, "info" if kind == "ok" else "error")
            text = connection_text(kind)
            self.test_result.setText(text)
            self.test_result.setAccessibleName(text)

        if self.tasks is None:
            done(check_connection(url, user, password))
            return
        self.tasks.run_io(
            lambda: check_connection(url, user, password),
            on_done=done,
            on_error=lambda exc: done("unreachable"),
        )

    def apply_to(self, settings: AppSettings) -> None:
        settings.interviewer = self.name_edit.text().strip()
        settings.laptop_label = self.label_edit.text().strip()
        settings.language = self.language_combo.currentData() or ""
        settings.text_size = clamp_text_size(self.size_spin.value())
        settings.shared_folder = self.shared_edit.text().strip()
        settings.coordinator = self.coordinator_box.isChecked()
        settings.server_url = self.server_edit.text().strip()
        settings.server_user = self.user_edit.text().strip()

    def choose_shared_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the shared folder"), self.shared_edit.text() or ""
        )
        if folder:
            self.shared_edit.setText(folder)
