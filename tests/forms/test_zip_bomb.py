"""An .xlsx whose parts inflate far beyond any real form is refused before openpyxl reads it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from surveyor.errors import FormError
from surveyor.forms import load_form
from surveyor.forms.check import check_form

from .helpers import run_cli

REPO = Path(__file__).resolve().parents[2]
FORM = REPO / "forms" / "enquete_habitants.xlsx"
MIB = 1024 * 1024


def inflated_form(path: Path, padding_mib: int) -> Path:
    """The bundled form with ``padding_mib`` MiB of spaces in its survey sheet: valid XML,
    a few hundred KiB on disk, streamed so that nothing that big is ever in memory."""
    with (
        zipfile.ZipFile(FORM) as source,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bomb,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(info.filename, data)
                continue
            head, tail = data.rsplit(b"</worksheet>", 1)
            with bomb.open(info.filename, "w", force_zip64=True) as part:
                part.write(head)
                chunk = b" " * MIB
                for _ in range(padding_mib):
                    part.write(chunk)
                part.write(b"</worksheet>" + tail)
    return path


@pytest.fixture(scope="module")
def big_bomb(tmp_path_factory):
    return inflated_form(tmp_path_factory.mktemp("bomb") / "bombe.xlsx", 150)


def test_a_form_that_inflates_past_100_mib_is_refused(big_bomb):
    assert big_bomb.stat().st_size < 2 * MIB
    with pytest.raises(FormError) as caught:
        load_form(big_bomb)
    message = str(caught.value)
    assert message.startswith("bombe.xlsx: ")
    assert "150 MiB" in message and "100 MiB" in message


def test_form_check_names_the_file_and_the_limit(big_bomb):
    (problem,) = check_form(big_bomb)
    assert str(problem).startswith(f"{big_bomb}: ")
    assert "100 MiB" in problem.message
    result = run_cli("form", "check", big_bomb)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{big_bomb}: ") and "100 MiB" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_part_compressed_like_a_bomb_is_refused_even_under_the_total(tmp_path):
    bomb = inflated_form(tmp_path / "petite.xlsx", 20)
    with pytest.raises(FormError) as caught:
        load_form(bomb)
    message = str(caught.value)
    assert "xl/worksheets/sheet1.xml" in message and "200" in message


def test_real_forms_stay_far_below_the_limits():
    form = load_form(FORM)
    assert form.form_id == "enquete_habitants"
