"""The language server's pure parts: positions in each encoding, and PO strings as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from xlate.lsp import po_text
from xlate.lsp.positions import UTF8, UTF16, UTF32, LineMap, Position, units

ENCODE = {UTF8: lambda s: len(s.encode("utf-8")),
          UTF16: lambda s: len(s.encode("utf-16-le")) // 2,
          UTF32: len}


def test_hangul_kana_and_emoji_in_each_encoding():
    text = "이재명 カナ 🇰🇷🙂 Lee\r\nnext"
    at = text.index("Lee")
    for encoding, expected in ((UTF16, 3 + 1 + 2 + 1 + 6 + 1), (UTF8, 9 + 1 + 6 + 1 + 12 + 1),
                               (UTF32, 3 + 1 + 2 + 1 + 3 + 1)):
        lines = LineMap(text, encoding)
        assert lines.position(at) == Position(0, expected)
        assert lines.offset(Position(0, expected)) == at
        assert lines.from_xlate(1, at + 1) == Position(0, expected)
        assert lines.line_end(0) == Position(0, expected + 3)  # the CR is no character
    lines = LineMap(text, UTF16)
    flag = text.index("🇰🇷")  # two regional indicators, each a surrogate pair in UTF-16
    assert lines.offset(Position(0, 7)) == flag
    assert lines.offset(Position(0, 8)) == flag  # inside the first pair: its start
    assert lines.offset(Position(0, 9)) == flag + 1
    assert lines.offset(Position(0, 999)) == text.index("\r")  # past the end: the line's end
    assert lines.offset(Position(5, 0)) == len(text)
    assert lines.position(text.index("next")) == Position(1, 0)


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
       st.sampled_from([UTF8, UTF16, UTF32]))
def test_every_offset_goes_there_and_back(text, encoding):
    lines = LineMap(text, encoding)
    for offset in range(len(text) + 1):
        if text[offset - 1:offset + 1] == "\r\n" and offset > 0:
            continue  # between CR and LF: not a position an editor has
        position = lines.position(offset)
        assert lines.offset(position) == offset
        start = text.rfind("\n", 0, offset) + 1
        assert position.character == ENCODE[encoding](text[start:offset])
        assert position.line == text.count("\n", 0, offset)
    assert units(text, encoding) == ENCODE[encoding](text)


def test_a_po_string_maps_each_character_to_where_it_is_written():
    lines = ['msgid ""', '"Lee \\"Jae\\" "', '"Myung\\n"', 'msgstr "이재명 🙂 대통령"', "", "# x"]
    source = po_text.field(lines, 1, "msgid")
    assert source is not None and source.value == 'Lee "Jae" Myung\n'
    at = source.value.index("Jae")
    assert source.span(at - 1, at + 4) == ((1, 5), (1, 12))  # the escaped quotes included
    assert source.span(source.value.index("Myung"), len(source.value)) == ((2, 1), (2, 8))
    target = po_text.field(lines, 4, "msgstr")
    assert target is not None and target.value == "이재명 🙂 대통령"
    assert target.span(6, 9) == ((3, 14), (3, 17))
    assert target.at(3, 14) == 6 and target.at(3, 0) is None
    assert po_text.field(lines, 4, "msgid") is None


def test_an_ignore_comment_goes_after_the_translator_comments():
    entry = ["# translator", "# xlate: ignore C101 -- why", "#. extracted", "#: ref",
             'msgid "a"', 'msgstr "b"']
    assert po_text.ignore_insertion_line(entry, 1) == 2
    assert po_text.ignore_insertion_line(entry[2:], 1) == 0
    assert po_text.ignore_insertion_line(['msgid "a"'], 1) == 0
