"""Every string of the UI has a French translation, and the committed .qm matches the .ts.

lupdate runs over all of ``surveyor/ui/`` (the interview screen included) into a temporary
copy of ``surveyor_fr.ts``, so a string anyone added without translating it fails here.
Fix: ``uv run python packaging/update_translations.py``, translate, run it again, commit.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "packaging" / "i18n" / "surveyor_fr.ts"
QM = REPO / "surveyor" / "ui" / "i18n" / "surveyor_fr.qm"


def _tools():
    spec = importlib.util.spec_from_file_location(
        "update_translations", REPO / "packaging" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tools():
    return _tools()


def test_every_ui_string_has_a_french_translation(tools, tmp_path):
    ts = tmp_path / "surveyor_fr.ts"
    shutil.copy(TS, ts)
    tools.lupdate(ts)
    missing = tools.problems(ts)
    assert not missing, (
        "Untranslated UI strings (run `uv run python packaging/update_translations.py`, "
        "translate them in packaging/i18n/surveyor_fr.ts, run it again):\n  " + "\n  ".join(missing)
    )


def test_the_committed_ts_has_no_unfinished_or_obsolete_entries(tools):
    assert tools.problems(TS) == []
    text = TS.read_text(encoding="utf-8")
    assert 'type="obsolete"' not in text and 'type="vanished"' not in text


def test_the_committed_qm_is_built_from_the_ts(tools, tmp_path):
    built = tmp_path / "surveyor_fr.qm"
    tools.lrelease(TS, built)
    assert QM.is_file(), "surveyor_fr.qm is missing: run packaging/update_translations.py"
    assert built.read_bytes() == QM.read_bytes(), (
        "surveyor_fr.qm is out of date: run `uv run python packaging/update_translations.py`"
    )


def test_the_translation_loads_and_translates(qapp):
    from surveyor.ui.qt import QCoreApplication
    from surveyor.ui.qt import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("HomePage", "My interviews") == "Mes entretiens"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate("HomePage", "My interviews") == "My interviews"
