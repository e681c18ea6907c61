"""Encrypted forms for the privacy tests: the bundled habitants form with a public key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from surveyor.encryption.keys import add_public_key_to_xlsform
from surveyor.encryption.keys import public_text_of
from surveyor.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))
SECRET = "Zanzibar-Quetzalcoatl-7781"  # a distinctive answer, searched for in every byte


@pytest.fixture(scope="session")
def private_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def encrypted_form_file(tmp_path_factory, private_key):
    folder = tmp_path_factory.mktemp("encrypted-form")
    path = folder / "enquete_habitants_chiffree.xlsx"
    shutil.copy(HABITANTS, path)
    add_public_key_to_xlsform(path, public_text_of(private_key))
    return path


@pytest.fixture(scope="session")
def form_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("form-cache")


@pytest.fixture
def open_workspace(tmp_path, form_cache):
    opened: list[Workspace] = []

    def make(name: str = "laptop") -> Workspace:
        ws = Workspace.open(tmp_path / name, cache_dir=form_cache)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


def secret_answers(n: int = 0) -> dict:
    return dict(ANSWERS, street=f"{SECRET} rue {n}", comments=f"{SECRET} entretien {n}")


def finalize_with_photo(ws: Workspace, form, n: int = 0, photo: bytes | None = None) -> str:
    """A draft saved several times (answers in clear), a photo attached, then finalized."""
    interview, session = ws.start_interview(form, interviewer="Amina").value
    problems = session.load_answers(secret_answers(n))
    assert not [p for p in problems if p.code != "required"], problems
    ws.save_session(interview, session)
    ws.add_attachment(
        interview.instance_id, "photo.jpg", photo or (SECRET.encode() * 50), "image/jpeg"
    )
    ws.save_session(interview, session)
    ws.finalize_interview(interview, session)
    return interview.instance_id


def scan(folder: Path, needle: str) -> list[Path]:
    """Every file under ``folder`` whose bytes hold ``needle`` (UTF-8 or UTF-16)."""
    needles = [needle.encode("utf-8"), needle.encode("utf-16-le")]
    return [
        p for p in folder.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)
    ]
