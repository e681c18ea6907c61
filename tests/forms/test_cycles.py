"""Rings of relevance and calculations: reported by ``form check``, refused at load."""

from __future__ import annotations

import pytest

from surveyor.errors import FormError
from surveyor.forms import load_form
from surveyor.forms.check import check_form

from .helpers import run_cli
from .helpers import write_md

RELEVANCE_RING = """
| survey |
| | type | name | label | relevant | calculation |
| | text | intro | Intro | | |
| | text | a | A | ${b} != '' | |
| | calculate | b | | | concat(${a}, 'x') |
"""

TWO_RELEVANCES = """
| survey |
| | type | name | label | relevant |
| | text | a | A | ${b} = 'yes' |
| | text | b | B | ${a} = 'yes' |
"""

GROUP_READS_INSIDE = """
| survey |
| | type | name | label | relevant |
| | begin_group | g | G | ${inner} != '' |
| | text | inner | Inner | |
| | end_group | | | |
"""

FINE = """
| survey |
| | type | name | label | relevant | calculation |
| | text | a | A | | |
| | calculate | b | | ${a} != '' | concat(${a}, 'x') |
| | text | c | C | ${b} != '' | |
| | text | d | D | . != '' or ${a} = 'd' | |
"""


def test_form_check_names_the_fields_and_rows_of_a_relevance_ring(tmp_path):
    path = write_md(tmp_path, "f.md", RELEVANCE_RING)
    result = run_cli("form", "check", path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}:survey:3: cycle between relevance and calculation: a (row 3, relevant), "
        "b (row 4, calculation) depend on each other, so their answers would always be empty"
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (RELEVANCE_RING, ["a (row 3, relevant)", "b (row 4, calculation)"]),
        (TWO_RELEVANCES, ["a (row 2, relevant)", "b (row 3, relevant)"]),
        (
            GROUP_READS_INSIDE,
            ["inner depends on itself through the relevant of the group g (row 2)"],
        ),
    ],
)
def test_loading_a_form_with_a_ring_is_refused(tmp_path, text, names):
    path = write_md(tmp_path, "f.md", text)
    with pytest.raises(FormError) as caught:
        load_form(path)
    message = str(caught.value)
    assert message.startswith("f.md (sheet survey, row ")
    assert "cycle between relevance and calculation" in message
    for name in names:
        assert name in message
    (problem,) = check_form(path)
    assert problem.message in message


def test_a_ring_of_calculations_alone_is_refused_at_load_too(tmp_path):
    path = write_md(
        tmp_path,
        "f.md",
        """
| survey |
| | type | name | label | calculation |
| | calculate | c1 | | ${c2} + 1 |
| | calculate | c2 | | ${c1} + 1 |
""",
    )
    with pytest.raises(FormError, match="cyclic calculation between: c1, c2"):
        load_form(path)


def test_chains_without_a_ring_load(tmp_path):
    path = write_md(tmp_path, "f.md", FINE)
    assert load_form(path).nodes["/data/c"].bind.relevant
    assert check_form(path) == []


def test_a_stored_form_with_a_ring_still_opens_for_its_interviews(tmp_path):
    from surveyor.services.interviews import FormLibrary
    from surveyor.store import Store

    ring = write_md(tmp_path, "ring.md", RELEVANCE_RING)
    with pytest.raises(FormError):
        load_form(ring, cache_dir=tmp_path / "cache")
    # a form stored before rings were refused (merged from a batch, downloaded...)
    form = load_form(ring, refuse_cycles=False)
    with Store.open(tmp_path / "data") as store:
        store.save_form(
            form_id=form.form_id,
            version=form.version,
            title=form.title,
            content_hash=form.content_hash,
            source_name=form.source_name,
            source_bytes=form.source_bytes,
            xform=form.xform,
            media=None,
        )
        for _ in range(2):  # never cached, so the second time too
            loaded = FormLibrary(store).get(form.content_hash)
            assert {"/data/a", "/data/b"} <= set(loaded.nodes)
