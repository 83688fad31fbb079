"""Normalisation keeps a faithful map back to the original offsets."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from xlate.english.textmap import LineIndex, normalize

ALPHABET = st.sampled_from(list("ab -'\n") + ["--", "\u2019", "\u00a0", "\u2011", "\u00ad",
                                              "e\u0301", "\u1100\u1161", "\u200b", "가"])


def test_folds():
    norm = normalize("South Korea\u2019s \u00a0Jae\u2011myung -- Japan")
    assert norm.text == "South Korea's  Jae-myung \u2014 Japan"


def test_offsets_after_dash_and_soft_hyphen():
    text = "a -- b\u00adc d"
    norm = normalize(text)
    assert norm.text == "a \u2014 bc d"
    for n, char in enumerate(norm.text):
        original = text[norm.to_original(n)]
        assert original == char or (char == "\u2014" and original == "-")


@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_every_character_maps_to_its_source(text):
    norm = normalize(text)
    assert norm.text == unicodedata.normalize("NFC", norm.text)
    previous = -1
    for n, char in enumerate(norm.text):
        original = norm.to_original(n)
        assert 0 <= original < len(text)
        assert original >= previous  # monotone
        previous = original
        source = text[original]
        if char.isalpha() and source.isalpha():
            nfd = unicodedata.normalize("NFD", char)[0]
            assert nfd == unicodedata.normalize("NFD", source)[0] \
                or unicodedata.normalize("NFC", text[original:original + 2])[0] == char


def test_line_index():
    index = LineIndex("ab\ncd\n\nx")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 2)
    assert index.position(7) == (4, 1)
