"""The record of processing, generated from the campaign's forms and settings, in French and
English, through the real command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from surveyor.workspace import Workspace
from tests.sync.conftest import HABITANTS

PROFESSIONNELS = HABITANTS.with_name("enquete_professionnels.xlsx")


def surveyor(data_dir: Path, *args: str):
    return subprocess.run(
        [sys.executable, "-m", "surveyor", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.slow
def test_the_record_of_processing_says_what_where_who_and_how_long(tmp_path):
    data = tmp_path / "coordinator"
    with Workspace.open(data) as ws:
        ws.load_form(HABITANTS)
        ws.load_form(PROFESSIONNELS)
    assert surveyor(data, "retention", "--set-days", "365").returncode == 0
    assert (
        surveyor(
            data, "privacy", "set", "--controller", "Association Quartier Vivant",
            "--purpose", "Créer un guichet de services", "--personal", "street",
        ).returncode
        == 0
    )  # fmt: skip
    result = surveyor(data, "privacy", "record", "--out", str(tmp_path / "registre.md"))
    assert result.returncode == 0, result.stderr
    fr = (tmp_path / "registre.md").read_text("utf-8")
    assert fr.startswith("# Registre des activités de traitement")
    assert "Association Quartier Vivant" in fr and "Créer un guichet de services" in fr
    # what: every form, each field, the personal ones flagged (the campaign's list too)
    assert "enquete_habitants" in fr and "enquete_professionnels" in fr
    rows = {line.split("|")[1].strip(): line for line in fr.splitlines() if line.startswith("| `")}
    assert "**oui**" in rows["`contact_phone`"] and "**oui**" in rows["`member_name`"]
    assert "**oui**" in rows["`street`"]  # privacy set --personal
    assert "| non |" in rows["`housing_type`"]
    assert "Quelle est votre situation de logement" in rows["`housing_type`"]
    assert "`consent` (enquete_habitants)" in fr and "`recontact_consent`" in fr
    # where, who, how long
    assert "surveyor.db" in fr and "server.db" in fr and "erasures.json" in fr
    assert "coordinator" in fr
    assert "365 jours" in fr

    result = surveyor(
        data, "privacy", "record", "--language", "en", "--out", str(tmp_path / "record.md")
    )
    en = (tmp_path / "record.md").read_text("utf-8")
    assert en.startswith("# Record of processing activities")
    assert "365 days" in en and "What is your housing situation?" in en


def test_without_settings_the_record_says_what_to_complete(tmp_path):
    data = tmp_path / "c"
    with Workspace.open(data) as ws:
        ws.load_form(HABITANTS)
        text = ws.processing_record(language="fr")
    assert "*(à compléter)*" in text and "Aucune durée de conservation" in text
