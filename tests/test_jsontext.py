"""The store's JSON text: orjson must write exactly what the standard library would."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from surveyor import jsontext

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
answers = st.recursive(
    st.dictionaries(text, text, max_size=5),
    lambda inner: st.dictionaries(text, st.one_of(text, st.lists(inner, max_size=3)), max_size=5),
    max_leaves=20,
)


@pytest.mark.slow
@settings(max_examples=500)
@given(answers)
def test_the_text_is_the_standard_librarys(value):
    expected = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert jsontext.dumps(value) == expected
    assert jsontext.loads(expected) == value
    assert jsontext.loads(expected.encode("utf-8")) == value


def test_values_orjson_refuses_fall_back():
    assert jsontext.dumps({"n": 2**70}) == '{"n":1180591620717411303424}'


def test_malformed_text_is_a_value_error():
    for bad in ('{"a":', "\xff", b"\xff\xfe", "[1,]"):
        try:
            jsontext.loads(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} was accepted")
