"""The offline guide (F1, and a Help menu): a short illustrated page in French or English."""

from __future__ import annotations

from pathlib import Path

from surveyor.ui.qt import QAction
from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QDialog
from surveyor.ui.qt import QDialogButtonBox
from surveyor.ui.qt import QEvent
from surveyor.ui.qt import QKeySequence
from surveyor.ui.qt import QObject
from surveyor.ui.qt import Qt
from surveyor.ui.qt import QTextBrowser
from surveyor.ui.qt import QUrl
from surveyor.ui.qt import QVBoxLayout

HERE = Path(__file__).resolve().parent


def guide_path(language: str) -> Path:
    """The guide in ``language`` (fr or en), English for any other."""
    name = "guide_fr.html" if (language or "").startswith("fr") else "guide_en.html"
    return HERE / name


class GuideDialog(QDialog):
    """The guide, scrollable, images included; no network needed."""

    def __init__(self, language: str, parent=None, *, anchor: str = ""):
        super().__init__(parent)
        self.setObjectName("guide")
        self.setWindowTitle(QCoreApplication.translate("Help", "Surveyor guide"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(QCoreApplication.translate("Help", "Surveyor guide"))
        path = guide_path(language)
        self.browser.setSearchPaths([str(HERE)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        if anchor:
            self.browser.scrollToAnchor(anchor)
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(QCoreApplication.translate("Help", "Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 560)


class HelpMenu(QObject):
    """Adds "Help" to a main window's menu bar, with the guide on F1; follows the language."""

    def __init__(self, window, language_of):
        super().__init__(window)
        self.window = window
        self.language_of = language_of
        self.menu = window.menuBar().addMenu("")
        self.guide_action = QAction(window)
        self.guide_action.setShortcut(QKeySequence.HelpContents)  # F1
        self.guide_action.setShortcutContext(Qt.ApplicationShortcut)
        self.guide_action.triggered.connect(self.show_guide)
        self.menu.addAction(self.guide_action)
        window.addAction(self.guide_action)
        self.dialog: GuideDialog | None = None
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("Help", "&Help"))
        self.guide_action.setText(QCoreApplication.translate("Help", "&Guide"))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.LanguageChange:
            self.retranslate()
        return False

    def show_guide(self) -> GuideDialog:
        language = self.language_of() or "fr"
        if self.dialog is None or self.dialog.property("language") != language:
            if self.dialog is not None:
                self.dialog.deleteLater()
            self.dialog = GuideDialog(language, self.window)
            self.dialog.setProperty("language", language)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def install(window) -> HelpMenu:
    """The Help menu and F1 on the main window (the guide in the app's language)."""
    return HelpMenu(window, lambda: getattr(window.settings, "language", "") or "fr")
