"""The app's language: French or English, following the system unless the settings say.

Surveyor's own strings are in ``surveyor/ui/i18n/surveyor_<lang>.qm`` (English is the
source language, so English needs no file); Qt's own dialogs use ``qtbase_<lang>.qm`` when
Qt ships it.
"""

from __future__ import annotations

from pathlib import Path

from surveyor.ui.qt import QCoreApplication
from surveyor.ui.qt import QEvent
from surveyor.ui.qt import QLibraryInfo
from surveyor.ui.qt import QLocale
from surveyor.ui.qt import QTranslator

I18N_DIR = Path(__file__).resolve().parent / "i18n"


def system_language() -> str:
    """ "fr" when the system's locale is French, else "en"."""
    return "fr" if QLocale.system().language() == QLocale.French else "en"


def effective_language(setting: str) -> str:
    return setting if setting in ("fr", "en") else system_language()


class FollowsLanguage:
    """A widget whose texts are set by its ``retranslate()``: this calls it again when the
    app's language changes. Put it before the Qt class: ``class Tab(FollowsLanguage, QWidget)``.
    """

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class Languages:
    """Installs (and swaps) the translators of the running application."""

    def __init__(self) -> None:
        self.current = ""
        self._translators: list[QTranslator] = []

    def install(self, language: str) -> str:
        """Switch the app to ``language`` ("fr"/"en"/"" for the system); returns the one used."""
        language = effective_language(language)
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        QLocale.setDefault(
            QLocale(
                QLocale.French if language == "fr" else QLocale.English,
                QLocale.France if language == "fr" else QLocale.UnitedKingdom,
            )
        )
        if language != "en":
            ours = QTranslator(app)
            if ours.load(str(I18N_DIR / f"surveyor_{language}.qm")):
                app.installTranslator(ours)
                self._translators.append(ours)
            qt = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
            if qt.load(f"qtbase_{language}", qt_dir):
                app.installTranslator(qt)
                self._translators.append(qt)
        self.current = language
        return language
