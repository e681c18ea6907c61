"""Fixtures of the batch tests: laptops and a coordinator, each with its own real data dir."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from surveyor.forms.model import Form
from surveyor.services.interviews import FormLibrary
from surveyor.services.interviews import fill_interview
from surveyor.store import Store

REPO = Path(__file__).resolve().parents[2]
HABITANTS = REPO / "forms" / "enquete_habitants.xlsx"
ANSWERS = json.loads((REPO / "tests" / "data" / "habitants_answers.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def form_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("form-cache")


def answers_for(n: int, **changes) -> dict:
    """The fixture's answers, made distinct by ``n``."""
    answers = copy.deepcopy(ANSWERS)
    answers["street"] = f"Rue des Tilleuls {n}"
    answers["comments"] = f"Entretien numéro {n}."
    answers.update(changes)
    return answers


@dataclass
class Laptop:
    name: str
    data_dir: Path
    store: Store
    library: FormLibrary
    form: Form
    device_id: str

    def fill(self, n: int, **changes):
        result = fill_interview(
            self.library,
            self.form,
            answers_for(n, **changes),
            finalize=True,
            interviewer=self.name,
            device_id=self.device_id,
        )
        assert result.ok, result.problems
        return result.interview


@pytest.fixture
def make_laptop(tmp_path, form_cache):
    opened = []

    def make(name: str, folder: str | None = None) -> Laptop:
        data_dir = tmp_path / (folder or f"laptop-{name}")
        store = Store.open(data_dir)
        opened.append(store)
        library = FormLibrary(store, cache_dir=form_cache)
        form = library.load_file(HABITANTS)
        return Laptop(name, data_dir, store, library, form, f"surveyor:{name.lower()}")

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def coordinator(tmp_path):
    with Store.open(tmp_path / "coordinator") as store:
        yield store


def snapshot(store: Store) -> dict:
    """Row counts of every table a merge writes."""
    tables = (
        "forms",
        "form_media",
        "interviews",
        "attachments",
        "imported_batches",
        "merge_state",
        "interview_variants",
        "merge_conflicts",
        "encrypted_interviews",
    )
    return {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
