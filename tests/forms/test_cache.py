"""The compiled cache: hit, miss when the file or a CSV beside it changes, corruption."""

from __future__ import annotations

from surveyor.forms import load_form

from .helpers import write_md

FORM = """
| survey |
| | type | name | label |
| | select_one_from_file places.csv | p | Place |
"""


def cache_files(cache):
    return sorted(cache.glob("*.form.pickle"))


def test_hit_miss_and_corruption(tmp_path, monkeypatch):
    (tmp_path / "places.csv").write_text("name,label\na,A\n")
    path = write_md(tmp_path, "f.md", FORM)
    cache = tmp_path / "cache"
    first = load_form(path, cache_dir=cache)
    assert len(cache_files(cache)) == 1

    import surveyor.forms.loader as loader

    calls = []
    original = loader.load_form_bytes
    monkeypatch.setattr(
        loader, "load_form_bytes", lambda *a, **k: calls.append(1) or original(*a, **k)
    )
    second = load_form(path, cache_dir=cache)
    assert calls == []  # hit
    assert second.xform == first.xform
    assert second.node("/data/p").parent is second.root
    assert second.media_files == {"places.csv": b"name,label\na,A\n"}

    (tmp_path / "places.csv").write_text("name,label\nb,B\n")  # a CSV beside changes
    third = load_form(path, cache_dir=cache)
    assert calls == [1]
    assert b"b,B" in third.media_files["places.csv"]
    assert len(cache_files(cache)) == 2

    for file in cache_files(cache):  # corrupt: rebuilt and replaced
        file.write_bytes(b"not a pickle")
    fourth = load_form(path, cache_dir=cache)
    assert calls == [1, 1]
    assert fourth.xform == third.xform
    assert load_form(path, cache_dir=cache).xform == third.xform
    assert calls == [1, 1]
