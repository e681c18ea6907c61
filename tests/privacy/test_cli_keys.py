"""`surveyor keys` without a terminal (a real subprocess): a key pair, the public key into a
form, and the private key at merge; a wrong passphrase is a clear error, nothing changed."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from surveyor.encryption.keys import load_private_key
from surveyor.encryption.keys import public_text_of

from .conftest import HABITANTS
from .conftest import SECRET
from .conftest import secret_answers


def cli(*args, data_dir=None, check=True):
    command = [sys.executable, "-m", "surveyor"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    result = subprocess.run(
        [*command, *map(str, args)], capture_output=True, text=True, timeout=120, stdin=None
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.mark.slow
def test_keys_new_then_add_to_form_then_merge_with_the_key(tmp_path):
    passphrase = tmp_path / "phrase.txt"
    passphrase.write_text("une phrase assez longue\n", encoding="utf-8")
    key_file = tmp_path / "coordination.pem"
    made = cli("keys", "new", "--out", key_file, "--passphrase-file", passphrase)
    public = made.stdout.strip()
    assert public and "\n" not in public
    key = load_private_key(key_file, "une phrase assez longue")
    assert public_text_of(key) == public
    assert (
        cli("keys", "public", "--key", key_file, "--passphrase-file", passphrase).stdout.strip()
        == public
    )
    # a key file is never overwritten
    again = cli("keys", "new", "--out", key_file, "--passphrase-file", passphrase, check=False)
    assert again.returncode == 1 and "already exists" in again.stderr

    form = tmp_path / "enquete.xlsx"
    shutil.copy(HABITANTS, form)
    cli("keys", "add-to-form", form, "--public-key", public)
    sheet = load_workbook(form)["settings"]
    header = [c.value for c in sheet[1]]
    assert sheet.cell(row=2, column=header.index("public_key") + 1).value == public
    bad = cli("keys", "add-to-form", form, "--public-key", "pas une clé", check=False)
    assert bad.returncode == 1 and "not an RSA public key" in bad.stderr

    # a laptop fills and finalizes an interview of the form, hands it in
    import json

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(secret_answers()), encoding="utf-8")
    laptop = tmp_path / "laptop"
    cli("fill", form, "--answers", answers, "--finalize", data_dir=laptop)
    usb = tmp_path / "usb"
    usb.mkdir()
    cli("batch", "export", "--out", usb, data_dir=laptop)

    office = tmp_path / "office"
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("pas la bonne phrase\n", encoding="utf-8")
    refused = cli(
        "merge", usb, "--key", key_file, "--passphrase-file", wrong, data_dir=office, check=False
    )
    assert refused.returncode == 1
    assert "passphrase" in refused.stderr and str(key_file) in refused.stderr
    assert not (office / "surveyor.db").exists()  # refused before anything was opened

    merged = cli("merge", usb, "--key", key_file, "--passphrase-file", passphrase, data_dir=office)
    assert "Decrypted with the private key: 1" in merged.stdout
    out = tmp_path / "export"
    cli("export", "--out", out, data_dir=office)
    assert SECRET in "".join(p.read_text("utf-8") for p in out.glob("*.csv"))


@pytest.mark.slow
def test_batch_export_protect_for_then_merge_with_the_key(tmp_path):
    passphrase = tmp_path / "phrase.txt"
    passphrase.write_text("une phrase assez longue\n", encoding="utf-8")
    key_file = tmp_path / "coordination.pem"
    public_file = tmp_path / "publique.txt"
    public_file.write_text(
        cli("keys", "new", "--out", key_file, "--passphrase-file", passphrase).stdout,
        encoding="utf-8",
    )
    import json

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(secret_answers()), encoding="utf-8")
    laptop = tmp_path / "laptop"
    cli("fill", HABITANTS, "--answers", answers, "--finalize", data_dir=laptop)
    usb = tmp_path / "usb"
    usb.mkdir()
    cli("batch", "export", "--out", usb, "--protect-for", public_file, data_dir=laptop)
    (batch,) = usb.iterdir()
    assert batch.name.endswith("-protected.zip") and SECRET.encode() not in batch.read_bytes()

    office = tmp_path / "office"
    refused = cli("merge", usb, data_dir=office, check=False)
    assert refused.returncode == 1 and "protected for the coordinator's key" in refused.stderr
    merged = cli("merge", usb, "--key", key_file, "--passphrase-file", passphrase, data_dir=office)
    assert "1 new" in merged.stdout or "new: 1" in merged.stdout or "1 interview" in merged.stdout
    out = tmp_path / "export"
    cli("export", "--out", out, data_dir=office)
    assert SECRET in "".join(p.read_text("utf-8") for p in out.glob("*.csv"))
