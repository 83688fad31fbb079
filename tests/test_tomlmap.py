"""Key positions in glossary TOML, across multi-line values."""

from __future__ import annotations

import pytest

from xlate.glossary.tomlmap import map_toml

TEXT = '''# header
[[term]]
id = "a"
note = """
kind = "fake"
[[term]]
"""
admitted = [
  "x",
  { text = "y", from = 2020-01-01 },
]
[term.ko]
approved = "가"

[[term]]
id = "b"
ko.approved = "나"
'''


def test_entries_and_keys():
    m = map_toml(TEXT)
    assert [e.header_line for e in m.entries] == [2, 15]
    assert m.key_line(0, "note") == 4
    assert m.key_line(0, "kind") == 2  # the fake key inside the note is not a key
    assert m.key_line(0, "admitted") == 8
    assert m.key_line(0, "ko") == 12 and m.key_line(0, "ko", "approved") == 13
    assert m.key_line(1, "ko", "approved") == 17
    assert m.text_line(0, "y", "admitted") == 10
    assert m.entries[0].end_line == 14


def test_quotes_inside_strings_do_not_open_multiline_strings():
    text = '[[term]]\nid = "a"\nnote = "\'\'\'"\nkind = \'"""\'\n\n[[term]]\nid = "b"\n'
    m = map_toml(text)
    assert [e.header_line for e in m.entries] == [1, 6]
    assert m.key_line(0, "kind") == 4


def test_multiline_string_closed_on_the_same_line():
    m = map_toml('[[term]]\nnote = """one line"""\nid = "a"\n')
    assert m.key_line(0, "id") == 3


def test_lazy_map_finds_headers_without_the_full_scan_and_falls_back_when_it_must():
    from xlate.glossary.tomlmap import LazyTomlMap

    plain = '[[term]]\nid = "a"\n\n  [[ term ]]  # second\nid = "b"\r\n[[term]]\r\nid = "c"\n'
    lazy = LazyTomlMap(plain)
    assert lazy.header_lines(3) == [1, 4, 6]
    assert lazy._map is None  # a clean file never needs the full scan
    assert lazy.key_line(1, "id") == 5 and lazy._map is not None

    # A `[[term]]` line inside a multi-line string: the regex finds 3, TOML has 2 entries.
    assert LazyTomlMap(TEXT).header_lines(2) == [2, 15]
    # Entries written inline have no header of their own: all take the `term` key's line.
    inline = '# glossary\nterm = [\n  { id = "a" },\n  { id = "b" },\n]\n'
    assert LazyTomlMap(inline).header_lines(2) == [2, 2]


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\x0c", "\x1e"])
def test_line_numbers_count_only_toml_line_breaks(separator):
    """A string holding a character str.splitlines breaks at does not shift the lines after it
    (found by hypothesis: hanja = "[\\x850" lost the next entry)."""
    text = (f'[[term]]\nid = "a"\nhanja = "[{separator}0"\n\n[[term]]\nid = "b"\n'
            '[term.ko]\nnote = "x"\n')
    mapped = map_toml(text)
    assert [span.header_line for span in mapped.entries] == [1, 5]
    assert mapped.key_line(1, "ko") == 7
    assert map_toml(text.replace("\n", "\r\n")).key_line(1, "ko") == 7
